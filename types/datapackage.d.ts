declare module "datapackage" {
  /** The parts of datapackage-js (Frictionless Data, v1 specs) the tests use as an outside judge. */
  export class Resource {
    readonly name: string;
    readonly tabular: boolean;
    read(options?: { keyed?: boolean; relations?: boolean }): Promise<Record<string, unknown>[]>;
  }
  export class Package {
    static load(descriptor: string | object, options?: { basePath?: string; strict?: boolean }): Promise<Package>;
    readonly valid: boolean;
    readonly errors: Error[];
    readonly resources: Resource[];
  }
  export class Profile {
    static load(profile: string): Promise<Profile>;
    validate(descriptor: object): { valid: boolean; errors: Error[] };
  }
}
