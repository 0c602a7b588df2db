/**
 * Interface strings in both editions' languages. Each feature keeps its strings in a group
 * made with `strings(en, ko)`: the type makes every English key need a Korean one, so a
 * missing translation fails the type check, not a reader. Templates and browser code take
 * a `lang` and read `GROUP[lang].key`; no template holds an English interface string.
 */
import type { Locale } from "../format.ts";

export type Lang = Locale;
export const LANGS: readonly Lang[] = ["en", "ko"];
export const DEFAULT_LANG: Lang = "en";

type Dict = Record<string, string>;

/** A group of interface strings: the English ones, and a Korean one for each English key. */
export function strings<const E extends Dict>(
  en: E,
  ko: { readonly [K in keyof E]: string },
): Readonly<Record<Lang, { readonly [K in keyof E]: string }>> {
  return { en, ko };
}

/** Fills `{name}` placeholders: fill("{n} districts", { n: 25 }) → "25 districts". Unknown names stay as written. */
export function fill(template: string, params: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
