// The Meeting section: set up the workbook from the contract, edit the meeting's fields.
import { type CellInput, CONTRACT_VERSION, MEETING_FIELDS } from '../../../templates/contract/index.js';
import { el, button, field, select } from './dom.js';
import type { Pane, SectionView } from './pane.js';

type FieldKey = keyof typeof MEETING_FIELDS;

export function meetingSection(pane: Pane): SectionView {
  const root = el('section', { id: 'section-meeting', 'aria-labelledby': 'h-meeting' });
  const inputs = new Map<FieldKey, HTMLInputElement | HTMLSelectElement>();

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
