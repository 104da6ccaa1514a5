// Builds DOM nodes for the views. Workbook text only ever goes in as textContent or an attribute
// value, never as HTML, so a cell holding markup shows as the characters it holds.

type Attrs = Record<string, string | number | boolean | undefined>;
type Child = Node | string | null | undefined | false;

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: (Child | Child[])[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    if (k === 'class') node.className = String(v);
    else if (k === 'text') node.textContent = String(v);
    else node.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    node.append(typeof c === 'string' ? document.createTextNode(c) : c);
  }
  return node;
}

let uid = 0;
/** A labelled control: the label's `for` points at the control, and an error line is described-by. */
export function field(label: string, control: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement, hint?: string): { wrap: HTMLDivElement; error: HTMLParagraphElement } {
  const id = control.id || `f${++uid}`;
  control.id = id;
  const error = el('p', { class: 'field-error', id: `${id}-error` });
  control.setAttribute('aria-describedby', hint ? `${id}-hint ${id}-error` : `${id}-error`);
  const wrap = el('div', {}, el('label', { for: id, text: label }), control, hint ? el('p', { class: 'muted', id: `${id}-hint`, text: hint }) : null, error);
  return { wrap, error };
}

export function select(options: readonly (string | { value: string; label: string })[], value?: string, attrs: Attrs = {}): HTMLSelectElement {
  const s = el('select', attrs);
  for (const o of options) {
    const opt = typeof o === 'string' ? { value: o, label: o } : o;
    s.append(el('option', { value: opt.value, text: opt.label }));
  }
  if (value !== undefined) s.value = value;
  return s;
}

export function button(text: string, onClick: () => void, attrs: Attrs = {}): HTMLButtonElement {
  const b = el('button', { type: 'button', ...attrs, text });
  b.addEventListener('click', onClick);
  return b;
}

/** `1 error`, `2 errors`. */
export function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/**
 * Keeps an add from being queued twice: `once(what, run)` runs `run` unless an action writing the
 * same `what` is already queued or running (a double click on Add or Record would write the same
 * rows twice; pane.act queues every click). One per section.
 */
export function oneAtATime(): (what: unknown, run: () => Promise<void>) => Promise<void> {
  const pending = new Set<string>();
  return async (what, run) => {
    const key = JSON.stringify(what);
    if (pending.has(key)) return;
    pending.add(key);
    try {
      await run();
    } finally {
      pending.delete(key);
    }
  };
}
