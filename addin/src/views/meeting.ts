// The Meeting section: set up the workbook from the contract, edit the meeting's fields, and list,
// add and edit its sessions (checked against the meeting's days as they are typed).
import type { AnyRow } from '../../../pipeline/core/read-meeting.js';
import { type CellInput, CONTRACT_VERSION, MEETING_FIELDS, SESSION_KINDS } from '../../../templates/contract/index.js';
import { idProblem, proposeId } from '../app/records.js';
import { el, button, field, select } from './dom.js';
import type { Pane, SectionView } from './pane.js';
import { recordEditor, recordForm } from './record-form.js';

type FieldKey = keyof typeof MEETING_FIELDS;

export function meetingSection(pane: Pane): SectionView {
  const root = el('section', { id: 'section-meeting', 'aria-labelledby': 'h-meeting' });
  const inputs = new Map<FieldKey, HTMLInputElement | HTMLSelectElement>();
  let editing: AnyRow | null = null;

  function render(): void {
    const state = pane.state;
    const meeting = state.meeting();
    const values = state.meetingValues();
    root.replaceChildren(
      el('h2', { id: 'h-meeting', text: 'Meeting' }),
      el('p', { class: 'muted', text: `Workbook contract version ${CONTRACT_VERSION}. Setting up creates the missing sheets as tables, with drop-down lists and formats; it never changes a cell that holds data.` }),
      el('div', { class: 'actions' }, button('Set up workbook', () => void setUp(), { class: 'primary', id: 'setup' })),
    );
    if (!meeting) {
      root.append(el('p', { text: 'No usable Meeting sheet yet: set up the workbook first.' }));
      return;
    }
    const form = el('form', { id: 'meeting-form', 'aria-label': 'Meeting fields' });
    form.addEventListener('submit', (e) => e.preventDefault());
    inputs.clear();
    for (const [key, spec] of Object.entries(MEETING_FIELDS) as [FieldKey, (typeof MEETING_FIELDS)[FieldKey]][]) {
      const value = values[key];
      let control: HTMLInputElement | HTMLSelectElement;
      if (key === 'livestream') control = select(['', 'Yes', 'No'], typeof value === 'string' ? value : '');
      else {
        control = el('input', { type: spec.kind === 'date' ? 'date' : 'text', name: key, autocomplete: 'off', placeholder: spec.defaultValue });
        control.value = value === undefined || value === null ? '' : String(value);
      }
      if (!meeting.cells.has(key)) control.disabled = true;
      inputs.set(key, control);
      form.append(field(`${spec.header}${spec.required ? ' (required)' : ''}`, control).wrap);
    }
    form.append(el('div', { class: 'actions' }, button('Save meeting fields', () => void save(), { class: 'primary', id: 'save-meeting' })));
    root.append(el('h3', { text: 'Fields' }), form);
    if (state.model?.read.sheets.Sessions) root.append(sessions());
  }

  function sessions(): HTMLElement {
    const state = pane.state;
    const list = el('ul', { class: 'list', id: 'sessions', 'aria-label': 'Sessions' });
    const rows = state.sessions().sort((a, b) => `${String(a.date)} ${String(a.start)}`.localeCompare(`${String(b.date)} ${String(b.start)}`));
    for (const s of rows) {
      const id = String(s.sessionId);
      list.append(el('li', {},
        el('span', { class: 'who' }, `${id} · ${String(s.title)}`, el('span', { class: 'meta', text: [`${String(s.date)} ${String(s.start)}–${String(s.end)}`, s.kind, s.room].filter(Boolean).map(String).join(' · ') })),
        button('Edit', () => { editing = s; render(); root.querySelector<HTMLElement>('#session-date')?.focus(); }, { class: 'small', 'aria-label': `Edit session ${id}` }),
      ));
    }
    if (rows.length === 0) list.append(el('li', { text: 'No sessions yet.' }));
    const target = editing;
    const used = state.usedIds('Sessions');
    const last = rows[rows.length - 1];
    const start = state.meeting()?.info?.startDate;
    const form = recordForm({
      sheet: 'Sessions',
      id: 'session',
      fields: [
        { key: 'sessionId', locked: target !== null },
        { key: 'date', type: 'date' },
        { key: 'start', type: 'time', startsRow: true },
        { key: 'end', type: 'time' },
        { key: 'title', wide: true },
        { key: 'kind', choices: [...SESSION_KINDS] },
        { key: 'room' },
      ],
      initial: target
        ? { sessionId: String(target.sessionId), date: target.date as string, start: target.start as string, end: target.end as string, title: target.title as string, kind: target.kind as string, room: target.room as string | undefined }
        : { date: (last?.date as string | undefined) ?? (typeof start === 'string' ? start : undefined), kind: 'Plenary' },
      extra: (v) => ({ sessionId: idProblem('Sessions', String(v.sessionId ?? ''), used, target ? String(target.sessionId) : undefined) }),
      rules: (v) => state.ruleIssues('Sessions', v, target?.row ?? 0),
      propose: target ? undefined : { key: 'sessionId', from: () => proposeId('Sessions', used) },
    });
    const box = recordEditor({
      pane, sheet: 'Sessions', noun: 'session', idKey: 'sessionId', id: 'session', form, target,
      stopEditing: (redraw) => { editing = null; if (redraw) render(); },
    });
    return el('div', { id: 'sessions-block' },
      el('h3', { text: 'Sessions' }), list,
      el('h3', { text: target ? `Edit session ${String(target.sessionId)}` : 'Add a session' }), box);
  }

  async function setUp(): Promise<void> {
    await pane.act('Setting up the workbook', async () => {
      const r = await pane.state.setUp();
      const parts = [
        r.created.length ? `Created ${r.created.join(', ')}.` : 'Every contract sheet was already there.',
        r.columnsAdded.length ? `Added columns ${r.columnsAdded.join('; ')}.` : '',
        r.fieldsAdded.length ? `Added Meeting fields ${r.fieldsAdded.join(', ')}.` : '',
        r.skipped.length ? `Left alone: ${r.skipped.join('; ')}.` : '',
      ];
      return parts.filter(Boolean).join(' ');
    });
  }

  async function save(): Promise<void> {
    const values: Record<string, CellInput> = {};
    for (const [key, input] of inputs) if (!input.disabled) values[key] = input.value.trim() === '' ? '' : input.value.trim();
    await pane.act('Saving the meeting fields', async () => {
      const skipped = await pane.state.saveMeetingFields(values);
      return skipped.length ? `Saved; not on the sheet: ${skipped.join(', ')}.` : 'Meeting fields saved.';
    });
  }

  return { id: 'meeting', title: 'Meeting', root, render };
}
