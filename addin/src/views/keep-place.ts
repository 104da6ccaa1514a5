// Keeps the user's place when the pane redraws its sections: keyboard focus goes back to the same
// control (or, failing that, to a message the caller names), and after a redraw that the user did
// not ask for (a re-read because the workbook changed) what they had typed stays in the forms.
// Views rebuild their DOM on every render, so controls are matched by what identifies them to the
// user, not by object: their form and name, their id, their accessible label or their text.

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/** A control's identity across redraws, or null when nothing identifies it. */
export function controlKey(node: Element): string | null {
  const control = node as Partial<Control>;
  if (control.form?.id && control.name) return `form:${control.form.id}:${control.name}`;
  if (node.id) return `id:${node.id}`;
  const label = node.getAttribute('aria-label');
  if (label) return `label:${node.tagName}:${label}`;
  const text = node.textContent?.trim();
  const section = node.closest('section')?.id ?? '';
  if (node.tagName === 'BUTTON' && text) return `text:${section}:${text}`;
  return null;
}

/** The element that `key` names now, if attached and, when `toFocus`, shown and enabled. */
function findControl(doc: Document, key: string, toFocus: boolean): HTMLElement | null {
  const [kind, ...rest] = key.split(':');
  let found: Element | null | undefined = null;
  if (kind === 'id') found = doc.getElementById(rest.join(':'));
  else {
    const all = [...doc.querySelectorAll<HTMLElement>('input, select, textarea, button, [tabindex]')];
    found = all.find((node) => controlKey(node) === key);
  }
  const el = found as HTMLElement | null;
  if (!el || !el.isConnected) return null;
  if (toFocus && (el.getClientRects().length === 0 || (el as HTMLButtonElement).disabled)) return null;
  return el;
}

/** Where keyboard focus is: the control's key and, in a text field, the caret. */
export interface Place {
  readonly key: string;
  readonly selection: readonly [number, number] | null;
}

/** Reads where focus is now; null when it is nowhere in particular (the page body). */
export function markPlace(doc: Document = document): Place | null {
  const active = doc.activeElement;
  if (!active || active === doc.body || active === doc.documentElement) return null;
  const key = controlKey(active);
  if (!key) return null;
  const input = active as HTMLInputElement;
  let selection: [number, number] | null = null;
  try {
    if (typeof input.selectionStart === 'number' && typeof input.selectionEnd === 'number') selection = [input.selectionStart, input.selectionEnd];
  } catch {
    // Inputs such as type=email or date have no caret to read.
  }
  return { key, selection };
}

/**
 * Puts focus back on the control of `place` (the first of `places` that still exists, shown and
 * enabled), or else on `fallback`, which is made focusable if it is not (tabindex -1). Returns the
 * element that got focus. Focus is never left on the page body.
 */
export function restorePlace(places: readonly (Place | null)[], fallback: HTMLElement, doc: Document = document): HTMLElement {
  for (const place of places) {
    if (!place) continue;
    const el = findControl(doc, place.key, true);
    if (!el) continue;
    el.focus();
    if (place.selection) {
      try { (el as HTMLInputElement).setSelectionRange(place.selection[0], place.selection[1]); } catch { /* no caret here */ }
    }
    return el;
  }
  if (!fallback.hasAttribute('tabindex')) fallback.tabIndex = -1;
  fallback.focus();
  return fallback;
}

/**
 * Remembers the form controls the user has typed into or changed, so that a redraw can put their
 * input back: every redraw after a re-read, and after an action all but the form it started from.
 * Only controls inside a <form> or a <details> block are kept: the others either act as soon as
 * they change (an agenda item's status select writes it), so putting a value back would write it
 * again, or keep their value in the view's own state (a search box, the session picked).
 */
export class InputKeeper {
  private readonly edited = new Map<string, Control>();

  constructor(private readonly doc: Document = document) {
    const track = (e: Event) => {
      const target = e.target as Element | null;
      if (!target || !/^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName) || (target as HTMLInputElement).type === 'file') return;
      if (!target.closest('form, details')) return;
      const key = controlKey(target);
      if (key) this.edited.set(key, target as Control);
    };
    doc.addEventListener('input', track, true);
    doc.addEventListener('change', track, true);
  }

  /**
   * What the user has typed that is still on screen, before a redraw: [key, value, checked].
   * Controls inside `except` are left out (the form an action has just saved starts afresh).
   */
  snapshot(except: Element | null = null): [string, string, boolean][] {
    return [...this.edited]
      .filter(([, c]) => c.isConnected && !except?.contains(c))
      .map(([k, c]) => [k, c.value, (c as HTMLInputElement).checked === true]);
  }

  /**
   * After a redraw, puts each kept value back into the control with the same key when it differs,
   * and tells the view as the user's own typing would (an input or change event), so its checks
   * and proposals follow. A select only takes back a value it still offers.
   */
  restore(kept: readonly [string, string, boolean][]): void {
    this.edited.clear();
    for (const [key, value, checked] of kept) {
      const c = findControl(this.doc, key, false) as Control | null;
      if (!c) continue;
      this.edited.set(key, c);
      const input = c as HTMLInputElement;
      if (input.type === 'checkbox' || input.type === 'radio') {
        if (input.checked === checked) continue;
        input.checked = checked;
        input.dispatchEvent(new Event('change', { bubbles: true }));
        continue;
      }
      if (c.value === value) continue;
      if (c instanceof HTMLSelectElement && ![...c.options].some((o) => o.value === value)) continue;
      c.value = value;
      c.dispatchEvent(new Event(c instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
    }
  }
}
