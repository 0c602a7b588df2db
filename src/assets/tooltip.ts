/** One tooltip per figure: a name, a value and an optional hint, placed next to a point in the graphic. */
export interface Tooltip {
  show(name: string, value: string, x: number, y: number, hint?: string): void;
  hide(): void;
  readonly visible: boolean;
}

export function tooltipFor(graphic: HTMLElement): Tooltip {
  let el = graphic.querySelector<HTMLElement>(":scope > .tooltip");
  if (!el) {
    el = document.createElement("div");
    el.className = "tooltip";
    el.setAttribute("aria-hidden", "true");
    el.hidden = true;
    const hint = document.createElement("em");
    hint.hidden = true;
    el.append(document.createElement("strong"), document.createElement("span"), hint);
    graphic.append(el);
  }
  const box = el;
  const [nameEl, valueEl, hintEl] = box.children as unknown as [HTMLElement, HTMLElement, HTMLElement];
  return {
    show(name, value, x, y, hint) {
      nameEl.textContent = name;
      valueEl.textContent = value;
      hintEl.textContent = hint ?? "";
      hintEl.hidden = !hint;
      box.hidden = false;
      const width = graphic.clientWidth;
      const w = box.offsetWidth;
      const left = Math.max(0, Math.min(width - w, x - w / 2));
      box.style.transform = `translate(${Math.round(left)}px, ${Math.round(y - box.offsetHeight - 12)}px)`;
    },
    hide() {
      box.hidden = true;
    },
    get visible() {
      return !box.hidden;
    },
  };
}
