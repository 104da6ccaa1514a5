// A form for one row of Sessions, Agenda, Delegations or Submissions: labelled controls, each cell
// checked with the contract's schema as it is typed, the validator's rules on the whole row shown
// under the field they concern (errors block writing, warnings are shown first), and an ID that
// is proposed from the other fields until the user types their own.
import type { CellInput, ColumnSpec } from '../../../templates/contract/index.js';
import { ROW_SCHEMAS, SHEETS } from '../../../templates/contract/index.js';
import { cellProblem, type FormSheet, type RowIssue } from '../app/records.js';
import type { AnyRow } from '../../../pipeline/core/read-meeting.js';
import { button, el, field, oneAtATime, select } from './dom.js';
import type { Pane } from './pane.js';

export interface FormField {
  readonly key: string;
  /** A select's options; a text input when absent. */
  readonly choices?: readonly (string | { value: string; label: string })[];
  readonly type?: 'text' | 'date' | 'time';
  readonly hint?: string;
  /** A line that follows the typed value, such as the country a code names. */
  readonly describe?: (value: CellInput) => string | undefined;
  /** Takes the form's whole width instead of a grid cell. */
  readonly wide?: boolean;
  /** Starts a new grid line (keeps pairs such as Start and End together). */
  readonly startsRow?: boolean;
  /** Shown but not editable (an existing row's ID, which other sheets point to). */
  readonly locked?: boolean;
}

export interface RecordFormOptions {
  readonly sheet: FormSheet;
  /** Prefix of the controls' element ids, such as `session` (then `session-title`). */
  readonly id: string;
  readonly fields: readonly FormField[];
  readonly initial: Readonly<Record<string, CellInput>>;
  /** Problems beyond a cell's own reading, by key: an ID another row uses. */
  readonly extra?: (values: Record<string, CellInput>) => Record<string, string | undefined>;
  /** The validator's rules on the row. */
  readonly rules: (values: Record<string, CellInput>) => RowIssue[];
  /** Proposes the ID from the other fields until the user changes it by hand. */
  readonly propose?: { readonly key: string; readonly from: (values: Record<string, CellInput>) => string };
}

export interface RecordForm {
  readonly root: HTMLDivElement;
  values(): Record<string, CellInput>;
  /** The values as the contract reads them (`gha` -> `GHA`, `Etat partie` -> `State Party`): what is written. */
  parsed(): Record<string, CellInput>;
  /**
   * Shows every problem. Returns the rules' warnings when the row can be written, or null (after
   * focusing the first field in error) when it cannot.
   */
  check(): RowIssue[] | null;
}

export function recordForm(o: RecordFormOptions): RecordForm {
  const columns = SHEETS[o.sheet].columns as Record<string, ColumnSpec>;
  const controls = new Map<string, HTMLInputElement | HTMLSelectElement>();
  const errors = new Map<string, HTMLParagraphElement>();
  const warnings = new Map<string, HTMLParagraphElement>();
  const root = el('div', { class: 'record-form' });
  // Fields keep their order: runs of narrow ones share a two-column grid, wide ones take a line.
  let grid: HTMLDivElement | null = null;
  let proposedByHand = false;

  for (const f of o.fields) {
    const spec = columns[f.key]!;
    const initial = o.initial[f.key];
    const text = initial === undefined || initial === null ? '' : String(initial);
    const control = f.choices
      ? select(f.choices, text, { id: `${o.id}-${f.key}`, name: f.key })
      : el('input', { type: f.type ?? 'text', id: `${o.id}-${f.key}`, name: f.key, autocomplete: 'off' });
    if (!f.choices) control.value = text;
    if (f.locked && control instanceof HTMLInputElement) control.readOnly = true;
    const wrapped = field(`${spec.header}${spec.required ? ' (required)' : ''}`, control, f.hint);
    const warning = el('p', { class: 'field-warning', id: `${o.id}-${f.key}-warning` });
    const note = el('p', { class: 'muted', id: `${o.id}-${f.key}-note` });
    // Read out with the field: its hint, what the typed value names, its problem and its warning.
    control.setAttribute('aria-describedby', [f.hint ? 'hint' : '', f.describe ? 'note' : '', 'error', 'warning'].filter(Boolean).map((part) => `${o.id}-${f.key}-${part}`).join(' '));
    if (f.describe) {
      const describe = f.describe;
      const update = () => { note.textContent = describe(control.value.trim()) ?? ''; };
      control.addEventListener('input', update);
      update();
      wrapped.wrap.append(note);
    }
    wrapped.wrap.append(warning);
    controls.set(f.key, control);
    errors.set(f.key, wrapped.error);
    warnings.set(f.key, warning);
    control.addEventListener(f.choices ? 'change' : 'input', () => {
      if (f.key === o.propose?.key) proposedByHand = control.value.trim() !== '';
      else if (o.propose && !proposedByHand) controls.get(o.propose.key)!.value = o.propose.from(values());
      show(false);
    });
    if (f.wide) {
      root.append(wrapped.wrap);
      grid = null;
    } else {
      if (!grid || f.startsRow) root.append((grid = el('div', { class: 'grid2' })));
      grid.append(wrapped.wrap);
    }
  }
  if (o.propose && String(o.initial[o.propose.key] ?? '') === '') controls.get(o.propose.key)!.value = o.propose.from(values());

  function values(): Record<string, CellInput> {
    const out: Record<string, CellInput> = {};
    for (const [k, c] of controls) out[k] = c.value.trim() === '' ? undefined : c.value.trim();
    return out;
  }

  /** Writes each field's problem; `all` also marks required fields left empty. Returns [errors, warnings]. */
  function show(all: boolean): [string[], RowIssue[]] {
    const v = values();
    const extra = o.extra?.(v) ?? {};
    const problems = new Map<string, string>();
    for (const f of o.fields) {
      const p = extra[f.key] ?? cellProblem(o.sheet, f.key, v[f.key]);
      if (p && (all || v[f.key] !== undefined)) problems.set(f.key, p);
    }
    // The rules only run on a row whose cells all read.
    const cellsRead = o.fields.every((f) => !cellProblem(o.sheet, f.key, v[f.key]));
    const found = cellsRead ? o.rules(v) : [];
    for (const i of found.filter((x) => x.severity === 'error')) if (i.key && !problems.has(i.key)) problems.set(i.key, i.message);
    const warned = found.filter((x) => x.severity === 'warning');
    for (const [k, c] of controls) {
      const p = problems.get(k);
      errors.get(k)!.textContent = p ?? '';
      c.setAttribute('aria-invalid', p ? 'true' : 'false');
      warnings.get(k)!.textContent = warned.filter((w) => w.key === k).map((w) => `${w.message} Expected ${w.expected}.`).join(' ');
    }
    const unplaced = found.filter((x) => x.severity === 'error' && !x.key);
    return [[...problems.keys(), ...unplaced.map((x) => x.message)], warned];
  }

  function parsed(): Record<string, CellInput> {
    const shape = ROW_SCHEMAS[o.sheet].shape as Record<string, { safeParse(v: unknown): { success: boolean; data?: unknown } }>;
    return Object.fromEntries(Object.entries(values()).map(([k, v]) => {
      const r = shape[k]?.safeParse(v);
      return [k, r?.success ? (r.data as CellInput) : v];
    }));
  }

  return {
    root,
    values,
    parsed,
    check() {
      const [bad, warned] = show(true);
      if (bad.length === 0) return warned;
      const first = o.fields.find((f) => bad.includes(f.key));
      controls.get(first?.key ?? o.fields[0]!.key)?.focus();
      return null;
    },
  };
}

export interface RecordEditorOptions {
  readonly pane: Pane;
  readonly sheet: FormSheet;
  /** What a row is called in buttons and messages: `session`, `delegation`. */
  readonly noun: string;
  /** The column that identifies a row, for the messages: `sessionId`. */
  readonly idKey: string;
  /** Prefix of the element ids: `session` gives session-form, session-save, session-cancel. */
  readonly id: string;
  readonly form: RecordForm;
  /** The row being edited, or null to add a new one. */
  readonly target: AnyRow | null;
  /** Leaves editing mode; `redraw` when the section must be drawn again now (Cancel). */
  readonly stopEditing: (redraw: boolean) => void;
}

/** The same add or save again while it is queued or running (a double click) is not queued twice. */
const once = oneAtATime();

/** Wraps a record form in the <form> that adds a new row, or saves the one being edited. */
export function recordEditor(o: RecordEditorOptions): HTMLFormElement {
  const { pane, sheet, noun, idKey, target } = o;
  const submit = () => {
    if (o.form.check() === null) return;
    const values = o.form.parsed();
    void once([sheet, target ? String(target[idKey]) : null, values], () => pane.act(target ? `Saving the ${noun}` : `Adding the ${noun}`, async () => {
      if (target) {
        await pane.state.editRecord(sheet, String(target[idKey]), values);
        o.stopEditing(false);
        return `Saved ${noun} ${String(target[idKey])}.`;
      }
      await pane.state.addRecord(sheet, values);
      return `Added ${noun} ${String(values[idKey])}.`;
    }));
  };
  const box = el('form', { id: `${o.id}-form`, 'aria-label': target ? `Edit ${noun} ${String(target[idKey])}` : `Add a ${noun}`, novalidate: true }, o.form.root,
    el('div', { class: 'actions' },
      button(target ? `Save ${noun}` : `Add ${noun}`, submit, { class: 'primary', id: `${o.id}-save` }),
      target ? button('Cancel editing', () => o.stopEditing(true), { id: `${o.id}-cancel` }) : null));
  box.addEventListener('submit', (e) => { e.preventDefault(); submit(); });
  return box;
}
