/**
 * The search page: queries the Pagefind index built with the site (/pagefind/), and
 * lists results. Excerpts come from Pagefind with <mark> around matches; everything else
 * is set as text. The query lives in the address (?q=…), so results can be linked.
 */
interface PagefindResult {
  data(): Promise<{ url: string; excerpt: string; meta: { title?: string } }>;
}
interface Pagefind {
  search(q: string): Promise<{ results: PagefindResult[] }>;
  options(o: Record<string, unknown>): Promise<void>;
}

const form = document.querySelector<HTMLFormElement>("[data-search]");
const input = form?.querySelector<HTMLInputElement>("input[name=q]");
const status = document.querySelector<HTMLElement>("[data-search-status]");
const list = document.querySelector<HTMLOListElement>("[data-search-results]");
/** The page's words (src/search.11ty.ts, in the page's language). */
const words: Record<string, string> = JSON.parse(form?.dataset.strings ?? "{}");
const say = (key: string, params: Record<string, string | number> = {}) =>
  (words[key] ?? "").replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));

let pagefind: Promise<Pagefind> | undefined;
const load = () => {
  const url = "/pagefind/pagefind.js";
  pagefind ??= import(/* @vite-ignore */ url) as Promise<Pagefind>;
  return pagefind;
};

/** Keep only <mark> from Pagefind's excerpt; everything else becomes text. */
function excerptNodes(excerpt: string): Node[] {
  const nodes: Node[] = [];
  const parts = excerpt.split(/(<mark>.*?<\/mark>)/g);
  // A <textarea> decodes entities without parsing markup and keeps white space.
  const decoder = document.createElement("textarea");
  const text = (s: string) => {
    decoder.innerHTML = s;
    return decoder.value;
  };
  for (const part of parts) {
    const m = /^<mark>(.*)<\/mark>$/.exec(part);
    if (m) {
      const mark = document.createElement("mark");
      mark.textContent = text(m[1]!);
      nodes.push(mark);
    } else if (part) nodes.push(document.createTextNode(text(part)));
  }
  return nodes;
}

async function run(q: string): Promise<void> {
  if (!status || !list) return;
  list.replaceChildren();
  if (!q.trim()) {
    status.textContent = "";
    return;
  }
  status.textContent = say("searching");
  let results: PagefindResult[];
  let items: Awaited<ReturnType<PagefindResult["data"]>>[];
  try {
    // Pagefind loads the index of the page's language (its <html lang>).
    const pf = await load();
    results = (await pf.search(q)).results;
    items = await Promise.all(results.slice(0, 20).map((r) => r.data()));
  } catch {
    status.textContent = say("failed");
    return;
  }
  status.textContent = say(results.length === 1 ? "oneResult" : "results", { n: results.length, q });
  for (const item of items) {
    const li = document.createElement("li");
    const a = document.createElement("a");
    a.href = item.url;
    a.textContent = item.meta.title ?? item.url;
    const p = document.createElement("p");
    p.append(...excerptNodes(item.excerpt));
    li.append(a, p);
    list.append(li);
  }
}

if (form && input) {
  const q = new URLSearchParams(location.search).get("q") ?? "";
  input.value = q;
  void run(q);
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const value = input.value;
    history.replaceState(null, "", value ? `?q=${encodeURIComponent(value)}` : location.pathname);
    void run(value);
  });
}
