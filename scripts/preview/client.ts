/**
 * The preview's page updater (`npm start`), in the browser. Every preview page loads it at
 * its foot (the preview note, src/site/page-writer.ts) as a classic script, so it runs while
 * the page is still being read, before the site's own scripts have touched the page: it
 * keeps a copy of the page as the server sent it.
 *
 * After each save the preview server names the files it rewrote (scripts/dev.ts). When this
 * page is one of them, the updater fetches it again and compares it with the copy, block by
 * block, and changes only what differs in the open page: a paragraph's text, an attribute, a
 * heading; a figure whose drawing changed is put in place of the old one and made live again
 * by the site's own code (the `atlas:figure-replaced` event, src/assets/main.ts). The scroll
 * position, open tables and the reader's place stay; nothing is loaded again. A change the
 * updater cannot make in place (a script, a stylesheet, a scrollytelling figure, a search
 * box) reloads the page, as does a failed fetch. A page no save touched stays as it is.
 *
 * When the page has been brought up to date, `atlas:preview-updated` is dispatched on the
 * document (the preview benchmark and tests wait for it).
 */

const PREVIEW_SCRIPT = "/__atlas/preview.js";

/** Scripts Eleventy's dev server adds to pages it serves to a navigation (not to a fetch). */
const isDevServerScript = (n: Node): boolean =>
  n.nodeType === Node.ELEMENT_NODE &&
  (n as Element).tagName === "SCRIPT" &&
  ((n as Element).getAttribute("src") ?? "").startsWith("/.11ty/");
const isThisScript = (n: Node): boolean =>
  n.nodeType === Node.ELEMENT_NODE && (n as Element).tagName === "SCRIPT" && (n as Element).getAttribute("src") === PREVIEW_SCRIPT;

/** Changed, these need the page loaded again: code, styles, frames, and parts the site's code sets up once per page. */
const RELOAD = "script, style, link, iframe, object, embed, template, [data-scrolly], [data-find], [data-search]";
const FIGURE = "figure[data-figure]";

/** A node's children as the page was sent: without the dev server's script, and nothing after this script (the page was not read further when the copy was taken). */
function kids(node: Node): Node[] {
  const out: Node[] = [];
  for (let c = node.firstChild; c; c = c.nextSibling) {
    if (isDevServerScript(c)) continue;
    out.push(c);
    if (isThisScript(c)) break;
  }
  return out;
}

/** The page as sent (a copy) → the node of the open page it became. */
let sent: Element = document.documentElement.cloneNode(true) as Element;
let live = new WeakMap<Node, Node>();

/** Walk two trees of the same shape together, node by node. */
function pair(a: Node, b: Node, visit: (a: Node, b: Node) => void): void {
  visit(a, b);
  const x = kids(a);
  const y = kids(b);
  for (let i = 0; i < x.length && i < y.length; i++) pair(x[i]!, y[i]!, visit);
}
pair(sent, document.documentElement, (copy, open) => live.set(copy, open));

const isReload = (n: Node): boolean => n.nodeType === Node.ELEMENT_NODE && (n as Element).matches(RELOAD);
/** The node or a node inside it is one that needs the page loaded again. */
const needsReload = (n: Node): boolean => isReload(n) || (n.nodeType === Node.ELEMENT_NODE && !!(n as Element).querySelector(RELOAD));

/** Thrown when the open page cannot be brought up to date in place. */
class Reload extends Error {}

/** One comparison of the copy with the page fetched again: what it changed in the open page. */
class Patch {
  readonly fresh: Element[] = [];
  changed = 0;
  /** The fetched page's nodes → the open page's nodes (the copy for the next comparison). */
  readonly next = new WeakMap<Node, Node>();

  private open(copy: Node): Node {
    const node = live.get(copy);
    if (!node) throw new Reload("a part of the page was not found");
    return node;
  }

  /** `copy` and `now` are equal: the open node stays, and is now known by `now`. */
  private keep(copy: Node, now: Node): void {
    pair(copy, now, (c, n) => {
      const open = live.get(c);
      if (open) this.next.set(n, open);
    });
  }

  /** Put `now` (of the fetched page) into the open page and remember where it went. */
  private adopt(now: Node): Node {
    const node = document.importNode(now, true);
    pair(now, node, (from, to) => this.next.set(from, to));
    if (node.nodeType === Node.ELEMENT_NODE) {
      const el = node as Element;
      if (el.matches(FIGURE)) this.fresh.push(el);
      this.fresh.push(...el.querySelectorAll(FIGURE));
    }
    this.changed++;
    return node;
  }

  private replace(copy: Node, now: Node): void {
    if (needsReload(copy) || needsReload(now)) throw new Reload(`a ${copy.nodeName.toLowerCase()} holding code or a frame changed`);
    (this.open(copy) as ChildNode).replaceWith(this.adopt(now));
  }

  node(copy: Node, now: Node): void {
    if (copy.isEqualNode(now)) {
      this.keep(copy, now);
      return;
    }
    const open = this.open(copy);
    if (isReload(copy) || isReload(now)) throw new Reload(`a ${copy.nodeName.toLowerCase()} changed`);
    if (copy.nodeType !== Node.ELEMENT_NODE || copy.nodeName !== now.nodeName) {
      if (copy.nodeType === now.nodeType && copy.nodeType !== Node.ELEMENT_NODE) {
        open.nodeValue = now.nodeValue;
        this.next.set(now, open);
        this.changed++;
        return;
      }
      this.replace(copy, now);
      return;
    }
    // A figure whose drawing, data or text changed is replaced whole and made live again.
    if ((copy as Element).matches(FIGURE)) {
      this.replace(copy, now);
      return;
    }
    const before = copy as Element;
    const after = now as Element;
    const el = open as Element;
    for (const { name, value } of after.attributes)
      if (before.getAttribute(name) !== value) {
        el.setAttribute(name, value);
        this.changed++;
      }
    for (const { name } of before.attributes)
      if (!after.hasAttribute(name)) {
        el.removeAttribute(name);
        this.changed++;
      }
    this.next.set(now, open);
    this.children(copy, now);
  }

  /** The children that differ between the equal ones at both ends: changed in pairs, or replaced as a run. */
  private children(copy: Node, now: Node): void {
    const a = kids(copy);
    const b = kids(now);
    let start = 0;
    while (start < a.length && start < b.length && a[start]!.isEqualNode(b[start]!)) {
      this.keep(a[start]!, b[start]!);
      start++;
    }
    let endA = a.length;
    let endB = b.length;
    while (endA > start && endB > start && a[endA - 1]!.isEqualNode(b[endB - 1]!)) {
      this.keep(a[endA - 1]!, b[endB - 1]!);
      endA--;
      endB--;
    }
    const gone = a.slice(start, endA);
    const come = b.slice(start, endB);
    if (gone.length === come.length && gone.every((n, i) => n.nodeName === come[i]!.nodeName)) {
      for (let i = 0; i < gone.length; i++) this.node(gone[i]!, come[i]!);
      return;
    }
    if (gone.some(needsReload) || come.some(needsReload)) throw new Reload("a script, style or frame was added or removed");
    const parent = this.open(copy) as ParentNode & Node;
    const after = start > 0 ? this.open(a[start - 1]!) : undefined;
    const before = endA < a.length ? this.open(a[endA]!) : undefined;
    for (const n of gone) (this.open(n) as ChildNode).remove();
    const nodes = come.map((n) => this.adopt(n));
    if (before) (before as ChildNode).before(...nodes);
    else if (after) (after as ChildNode).after(...nodes);
    else parent.append(...nodes);
    this.changed += gone.length;
  }
}

/** The paths this page is served from, as the server names the files it wrote. */
function ownFiles(): string[] {
  const path = decodeURIComponent(location.pathname);
  if (path.endsWith("/")) return [`${path}index.html`];
  if (path.endsWith(".html")) return [path];
  return [`${path}.html`, `${path}/index.html`];
}

/** What a page loads (not what it links to, such as its feed). */
const LOADS = "[src], [data-map], link[rel~=stylesheet], link[rel~=preload], link[rel~=modulepreload], link[rel~=icon]";

/** Elements of the open page that load one of these files (a map's data, an image, a stylesheet). */
function loaders(files: string[]): Element[] {
  const urls = new Set(files);
  return [...document.querySelectorAll(LOADS)].filter((el) =>
    ["src", "href", "data-map"].some((attr) => {
      const value = el.getAttribute(attr);
      return value !== null && urls.has(decodeURIComponent(new URL(value, location.href).pathname));
    }),
  );
}

function reload(why: string): void {
  console.log(`[atlas] ${why}: reloading the page`);
  location.reload();
}

async function update(written: string[]): Promise<void> {
  const own = ownFiles();
  const others = written.filter((f) => !own.includes(f));
  if (!written.some((f) => own.includes(f))) {
    const used = loaders(others)[0];
    if (used) reload(`a file this page loads was rebuilt (${used.outerHTML.slice(0, 80)}…)`);
    return;
  }
  const started = performance.now();
  const response = await fetch(location.href, { cache: "no-store" });
  if (!response.ok) return reload(`the page answered ${response.status}`);
  const now = new DOMParser().parseFromString(await response.text(), "text/html").documentElement;
  const patch = new Patch();
  try {
    patch.node(sent, now);
  } catch (error) {
    if (error instanceof Reload) return reload(`${error.message}, which the preview cannot change in place`);
    throw error;
  }
  sent = now;
  live = patch.next;
  // A map's data or an image rebuilt under the same name is loaded again only by an element put in place now.
  const stale = loaders(others).find((el) => !patch.fresh.some((f) => f.contains(el)));
  if (stale) return reload(`a file this page loads was rebuilt (${stale.outerHTML.slice(0, 80)}…)`);
  for (const figure of patch.fresh) figure.dispatchEvent(new Event("atlas:figure-replaced", { bubbles: true }));
  console.log(`[atlas] page updated in place (${patch.changed} changes, ${Math.round(performance.now() - started)} ms)`);
  document.dispatchEvent(new CustomEvent("atlas:preview-updated", { detail: { changes: patch.changed, figures: patch.fresh.length } }));
}

let queue = Promise.resolve();
const socket = new WebSocket(`${location.protocol.replace("http", "ws")}//${location.host}`);
// A build that failed between this page's loading and this socket's opening told no one here:
// ask once the socket is open (any later failure comes as a message), and show its problem.
socket.addEventListener("open", async () => {
  try {
    const status = (await (await fetch("/__atlas/status", { cache: "no-store" })).json()) as { failing?: boolean };
    if (status.failing) reload("the last build failed");
  } catch {}
});
socket.addEventListener("message", (event) => {
  let data: { type?: string; atlas?: { written?: string[]; failed?: boolean } };
  try {
    data = JSON.parse(String(event.data));
  } catch {
    return;
  }
  // The dev server's own reload client may not be connected yet: this page loads the error page itself.
  if (data.type === "eleventy.msg" && data.atlas?.failed) return reload("the build failed");
  const written = data.type === "eleventy.msg" ? data.atlas?.written : undefined;
  if (written) queue = queue.then(() => update(written)).catch((error) => reload(`the page could not be updated (${error})`));
});
