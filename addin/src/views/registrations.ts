// The Registrations section: add or edit a participant (checked against the contract as you type),
// find people, add or edit delegations, add a whole delegation (a new one included, created with
// its members in one action), and import an online-registration export with a column-mapping step
// and a preview of duplicates and late registrations before writing.
import type { AnyRow } from '../../../pipeline/core/read-meeting.js';
import { type CellInput, CATEGORIES, COUNTRIES, fold, GENDERS, MODES, PARTICIPANT_STATUSES, PARTICIPANTS_COLUMNS, ROLES } from '../../../templates/contract/index.js';
import { idProblem, proposeDelegationId } from '../app/records.js';
import { type ColumnMapping, ExportFileError, type ExportTable, guessMapping, type ImportDefaults, type ImportRow, missingColumns, type ParticipantKey, previewImport, readExportFile } from '../app/registration-import.js';
import { fieldProblem, findPeople, formProblems, type ParticipantField } from '../app/registration.js';
import { localDateTime } from '../app/sessions.js';
import type { ParticipantView } from '../app/meeting-state.js';
import { button, el, field, oneAtATime, plural, select } from './dom.js';
import type { Pane, SectionView } from './pane.js';
import { type RecordForm, recordEditor, recordForm } from './record-form.js';

const FORM_FIELDS: ParticipantField[] = ['delegationId', 'title', 'givenName', 'familyName', 'gender', 'role', 'email', 'participation', 'registeredOn', 'status'];
const CHOICES: Partial<Record<ParticipantField, readonly string[]>> = { gender: GENDERS, role: ROLES, participation: MODES, status: PARTICIPANT_STATUSES };

export function registrationsSection(pane: Pane): SectionView {
  const root = el('section', { id: 'section-registrations', 'aria-labelledby': 'h-registrations' });
  let editing: ParticipantView | null = null;
  let query = '';
  let importTable: ExportTable | null = null;
  let importFile: { bytes: Uint8Array; name: string } | null = null;
  let mapping: ColumnMapping | null = null;
  let defaults: ImportDefaults = {};
  let preview: ImportRow[] | null = null;
  let editingDelegation: AnyRow | null = null;
  let delegationQuery = '';
  let delegationsOpen = false;
  let batchOpen = false;
  // The same add again while it is queued or running (a double click) is not queued a second time.
  const once = oneAtATime();

  /** The fields of a delegation row; its ID is proposed from the country code or the name. */
  function delegationForm(id: string, target: AnyRow | null): RecordForm {
    const used = pane.state.usedIds('Delegations');
    return recordForm({
      sheet: 'Delegations',
      id,
      fields: [
        { key: 'delegationId', locked: target !== null, hint: target ? undefined : 'Proposed from the country code or the name; change it if you like.' },
        { key: 'name', wide: true },
        { key: 'category', choices: ['', ...CATEGORIES], wide: true },
        { key: 'countryCode', hint: 'States only: ISO 3166-1 alpha-3, such as CHE.', describe: (v) => (typeof v === 'string' ? COUNTRIES.get(v.toUpperCase()) : undefined) },
      ],
      initial: target
        ? { delegationId: String(target.delegationId), name: target.name as string, category: target.category as string, countryCode: target.countryCode as string | undefined }
        : {},
      extra: (v) => ({ delegationId: idProblem('Delegations', String(v.delegationId ?? ''), used, target ? String(target.delegationId) : undefined) }),
      rules: (v) => pane.state.ruleIssues('Delegations', v, target?.row ?? 0),
      propose: target ? undefined : { key: 'delegationId', from: (v) => v.name === undefined && v.countryCode === undefined ? '' : proposeDelegationId(used, String(v.name ?? ''), v.countryCode === undefined ? undefined : String(v.countryCode), v.category === undefined ? undefined : String(v.category)) },
    });
  }

  function delegations(): HTMLElement {
    const state = pane.state;
    const box = el('details', { id: 'delegations', open: delegationsOpen || editingDelegation !== null });
    box.addEventListener('toggle', () => { delegationsOpen = box.open; });
    box.append(el('summary', { text: 'Delegations' }));
    if (!state.model?.read.sheets.Delegations) {
      box.append(el('p', { text: 'The Delegations sheet is not usable yet: set up the workbook on the Meeting tab.' }));
      return box;
    }
    const input = el('input', { type: 'search', id: 'find-delegation', placeholder: 'Name, ID or country code' });
    input.value = delegationQuery;
    const list = el('ul', { class: 'list', id: 'delegation-list', 'aria-label': 'Delegations found' });
    const all = state.delegations();
    const draw = () => {
      const words = fold(delegationQuery).split(' ').filter(Boolean);
      const found = all.filter((d) => words.every((w) => fold(`${String(d.name)} ${String(d.delegationId)} ${String(d.countryCode ?? '')}`).includes(w))).slice(0, 15);
      list.replaceChildren(...found.map((d) => el('li', {},
        el('span', { class: 'who' }, String(d.name), el('span', { class: 'meta', text: [d.delegationId, d.category, d.countryCode].filter(Boolean).map(String).join(' · ') })),
        button('Edit', () => { editingDelegation = d; render(); root.querySelector<HTMLElement>('#delegation-name')?.focus(); }, { class: 'small', 'aria-label': `Edit ${String(d.name)}` }),
      )));
      if (found.length === 0) list.append(el('li', { text: all.length === 0 ? 'No delegations yet.' : 'No delegation matches.' }));
    };
    input.addEventListener('input', () => { delegationQuery = input.value; draw(); });
    draw();
    const target = editingDelegation;
    const form = delegationForm('delegation', target);
    const formEl = recordEditor({
      pane, sheet: 'Delegations', noun: 'delegation', idKey: 'delegationId', id: 'delegation', form, target,
      stopEditing: (redraw) => { editingDelegation = null; if (redraw) render(); },
    });
    box.append(field('Find a delegation', input).wrap, list, el('h3', { text: target ? `Edit ${String(target.delegationId)}` : 'Add a delegation' }), formEl);
    return box;
  }

  function delegationOptions(): { value: string; label: string }[] {
    return [{ value: '', label: 'Choose a delegation' }, ...pane.state.delegations().map((d) => ({ value: String(d.delegationId), label: `${String(d.name)} (${String(d.delegationId)})` }))];
  }

  function personForm(): HTMLFormElement {
    const form = el('form', { id: 'participant-form', 'aria-label': editing ? `Edit ${editing.participantId}` : 'New participant', novalidate: true });
    form.addEventListener('submit', (e) => e.preventDefault());
    const controls = new Map<ParticipantField, HTMLInputElement | HTMLSelectElement>();
    const errors = new Map<ParticipantField, HTMLParagraphElement>();
    const grid = el('div', { class: 'grid2' });
    for (const key of FORM_FIELDS) {
      const spec = PARTICIPANTS_COLUMNS[key];
      const current = editing ? (editing[key] as CellInput) : key === 'registeredOn' ? localDateTime(new Date(), pane.state.timeZone()).slice(0, 10) : undefined;
      let control: HTMLInputElement | HTMLSelectElement;
      if (key === 'delegationId') control = select(delegationOptions(), current === undefined ? '' : String(current), { name: key });
      else if (CHOICES[key]) control = select(['', ...CHOICES[key]!], current === undefined ? '' : String(current), { name: key });
      else {
        control = el('input', { type: key === 'registeredOn' ? 'date' : key === 'email' ? 'email' : 'text', name: key, autocomplete: 'off' });
        control.value = current === undefined || current === null ? '' : String(current);
      }
      const f = field(`${spec.header}${spec.required ? ' (required)' : ''}`, control);
      controls.set(key, control);
      errors.set(key, f.error);
      // Checked as you type with the contract's own schema for the column.
      const check = () => {
        const problem = fieldProblem(key, control.value.trim());
        f.error.textContent = problem ?? '';
        control.setAttribute('aria-invalid', problem ? 'true' : 'false');
      };
      control.addEventListener('input', check);
      control.addEventListener('blur', check);
      (key === 'delegationId' || key === 'email' ? form : grid).append(f.wrap);
    }
    form.append(grid);
    const submit = async () => {
      const values: Record<string, CellInput> = {};
      for (const [k, c] of controls) values[k] = c.value.trim() === '' ? undefined : c.value.trim();
      const problems = formProblems({ ...values, participantId: editing?.participantId ?? 'P0' });
      for (const [k, e] of errors) {
        e.textContent = problems[k] ?? '';
        controls.get(k)!.setAttribute('aria-invalid', problems[k] ? 'true' : 'false');
      }
      const first = FORM_FIELDS.find((k) => problems[k]);
      if (first) {
        controls.get(first)!.focus();
        return;
      }
      const target = editing;
      await once(['participant', target?.participantId ?? null, values], () => pane.act(target ? 'Saving the participant' : 'Adding the participant', async () => {
        if (target) {
          await pane.state.editRecord('Participants', target.participantId, values);
          editing = null;
          return `Saved ${target.participantId}.`;
        }
        const [id] = await pane.state.addParticipants([values]);
        return `Added ${String(values.givenName)} ${String(values.familyName)} as ${id}.`;
      }));
    };
    form.append(
      el('div', { class: 'actions' },
        button(editing ? 'Save changes' : 'Add participant', () => void submit(), { class: 'primary', id: 'add-participant' }),
        editing ? button('Cancel editing', () => { editing = null; render(); }) : null,
      ),
    );
    return form;
  }

  function finder(): HTMLElement {
    const input = el('input', { type: 'search', id: 'find-person', placeholder: 'Name, ID or delegation' });
    input.value = query;
    const list = el('ul', { class: 'list', id: 'people', 'aria-label': 'Participants found' });
    const names = new Map(pane.state.delegations().map((d) => [String(d.delegationId), String(d.name)]));
    const draw = () => {
      const found = findPeople(pane.state.participants(), query, names, 20);
      list.replaceChildren(
        ...found.map((p) =>
          el('li', {},
            el('span', { class: 'who' }, `${p.givenName} ${p.familyName}`, el('span', { class: 'meta', text: `${p.participantId} · ${names.get(p.delegationId) ?? p.delegationId} · ${String(p.role)}` })),
            button('Edit', () => { editing = p; render(); root.querySelector<HTMLElement>('#participant-form select, #participant-form input')?.focus(); }, { class: 'small', 'aria-label': `Edit ${p.givenName} ${p.familyName}` }),
          ),
        ),
      );
    };
    input.addEventListener('input', () => { query = input.value; draw(); });
    draw();
    return el('div', {}, field('Find a participant', input).wrap, list);
  }

  function delegationBatch(): HTMLElement {
    const NEW = '(new)';
    const delegation = select([...delegationOptions(), { value: NEW, label: 'A new delegation…' }], '', { id: 'batch-delegation' });
    const fresh = delegationForm('batch-new', null);
    const freshBox = el('fieldset', { id: 'batch-new' }, el('legend', { text: 'New delegation' }), fresh.root);
    freshBox.hidden = true;
    delegation.addEventListener('change', () => { freshBox.hidden = delegation.value !== NEW; });
    const mode = select([...MODES], 'In person', { id: 'batch-mode' });
    const text = el('textarea', { id: 'batch-people', rows: 4 });
    const add = async () => {
      const isNew = delegation.value === NEW;
      if (isNew && fresh.check() === null) return;
      const delegationId = isNew ? String(fresh.parsed().delegationId) : delegation.value;
      const lines = text.value.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
      const records = lines.map((line) => {
        const [givenName, familyName, gender, role] = line.split(/[;,\t]/).map((s) => s.trim());
        return { delegationId, givenName, familyName, gender, role, participation: mode.value, registeredOn: localDateTime(new Date(), pane.state.timeZone()).slice(0, 10) };
      });
      const bad = records.map((r, i) => ({ i, p: Object.values(formProblems({ ...r, participantId: 'P0' }))[0] })).filter((x) => x.p);
      if (bad.length > 0 || (records.length === 0 && !isNew)) {
        await pane.act('', async () => { throw new Error(bad.length > 0 ? `Line ${bad[0]!.i + 1}: ${bad[0]!.p}` : 'Type the people, one per line.'); });
        return;
      }
      await once(['batch', isNew ? fresh.parsed() : delegationId, records], () => pane.act('Adding the delegation', async () => {
        const ids = isNew ? await pane.state.addDelegationWithMembers(fresh.parsed(), records) : await pane.state.addParticipants(records);
        text.value = '';
        const people = ids.length === 0 ? 'no one yet' : `${ids.length} people (${ids[0]} to ${ids[ids.length - 1]})`;
        return isNew ? `Added delegation ${delegationId} with ${people}.` : `Added ${people}.`;
      }));
    };
    const box = el('details', { id: 'batch', open: batchOpen },
      el('summary', { text: 'Add a whole delegation' }),
      field('Delegation', delegation).wrap,
      freshBox,
      field('Participation', mode).wrap,
      field('People, one per line', text, 'Given name; Family name; Gender; Role').wrap,
      el('div', { class: 'actions' }, button('Add these people', () => void add(), { id: 'add-batch' })),
    );
    box.addEventListener('toggle', () => { batchOpen = box.open; });
    return box;
  }

  /** Values a column may take for every row at once, for a column the export lacks. */
  function everyRowChoices(key: ParticipantKey): readonly string[] {
    if (key === 'delegationId') return pane.state.delegations().map((d) => String(d.delegationId));
    return CHOICES[key] ?? [];
  }

  function importer(): HTMLElement {
    const box = el('details', { id: 'import', open: importTable !== null });
    box.append(el('summary', { text: 'Import an online-registration export' }));
    const file = el('input', { type: 'file', accept: '.csv,.txt,.tsv,.xlsx,text/csv,text/tab-separated-values,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', id: 'import-file' });
    const paste = el('textarea', { id: 'import-paste', rows: 4 });
    const readIt = async (bytes: Uint8Array, name: string, headerLine?: number) => {
      let table: ExportTable;
      try {
        table = readExportFile(bytes, name, headerLine);
      } catch (e) {
        const message = e instanceof ExportFileError ? e.message : `${name} could not be read as an export.`;
        await pane.act('', async () => { throw new Error(message); });
        return;
      }
      if (table.rows.length === 0) {
        await pane.act('', async () => { throw new Error(`${name} has a header on line ${table.headerLine} but no rows of people below it: choose another header line or another file.`); });
        if (headerLine === undefined) return;
      }
      importFile = { bytes, name };
      importTable = table;
      mapping = guessMapping(table.headers, table.rows);
      defaults = {};
      preview = null;
      render();
    };
    file.addEventListener('change', () => {
      const f = file.files?.[0];
      if (f) void f.arrayBuffer().then((b) => readIt(new Uint8Array(b), f.name));
    });
    box.append(field('Export file (CSV, text or .xlsx)', file).wrap, field('Or paste rows (with their header row)', paste).wrap,
      el('div', { class: 'actions' }, button('Read pasted rows', () => void readIt(new TextEncoder().encode(paste.value), 'the pasted text'), { id: 'import-read' })));
    if (importTable && mapping && importFile) {
      const table = importTable;
      const source = importFile;
      const separator = table.separator === null ? 'first sheet' : table.separator === '\t' ? 'tabs' : table.separator === ';' ? 'semicolons' : 'commas';
      const headerPick = select(table.candidates.map((c) => ({ value: String(c.line), label: `Line ${c.line}: ${c.cells.filter((x) => x.trim() !== '').join(' | ').slice(0, 80)}` })), String(table.headerLine), { id: 'import-header-line' });
      headerPick.addEventListener('change', () => void readIt(source.bytes, source.name, Number(headerPick.value)));
      box.append(
        el('p', { class: 'muted', id: 'import-read-as', text: `${source.name}: ${table.encoding === 'xlsx' ? 'workbook' : table.encoding}, ${separator}, header on line ${table.headerLine}, ${plural(table.rows.length, 'row')}.` }),
        field('Header row', headerPick).wrap,
      );
      const fs = el('fieldset', { id: 'import-mapping' }, el('legend', { text: `Columns (${plural(table.rows.length, 'row')} read)` }));
      for (const key of Object.keys(PARTICIPANTS_COLUMNS) as ParticipantKey[]) {
        if (key === 'participantId') continue;
        const current = mapping[key] >= 0 ? String(mapping[key]) : defaults[key] !== undefined ? `=${defaults[key]}` : '-1';
        const s = select([
          { value: '-1', label: '(none)' },
          ...table.headers.map((h, i) => ({ value: String(i), label: h === '' ? `(column ${i + 1})` : h })),
          ...everyRowChoices(key).map((v) => ({ value: `=${v}`, label: `Every row: ${v}` })),
        ], current, { 'data-key': key });
        s.addEventListener('change', () => {
          if (s.value.startsWith('=')) { mapping![key] = -1; defaults = { ...defaults, [key]: s.value.slice(1) }; }
          else { mapping![key] = Number(s.value); const { [key]: _, ...rest } = defaults; defaults = rest; }
          preview = null;
          render();
        });
        fs.append(field(PARTICIPANTS_COLUMNS[key].header, s).wrap);
      }
      const missing = missingColumns(mapping, defaults);
      box.append(fs);
      if (missing.length > 0) {
        box.append(el('p', { id: 'import-missing', class: 'field-warning', text: `The export has no column for ${missing.map((k) => PARTICIPANTS_COLUMNS[k].header).join(', ')}: choose a column, or a value for every row, above.` }));
      }
      box.append(el('div', { class: 'actions' }, button('Preview import', () => {
        const deadline = pane.state.meeting()?.info?.registrationDeadline;
        preview = previewImport(table, mapping!, pane.state.participants().map((p) => ({ ...p, email: p.email as string | undefined })), typeof deadline === 'string' ? deadline : undefined, defaults, pane.state.timeZone());
        render();
        root.querySelector<HTMLElement>('#import-preview')?.focus();
      }, { id: 'import-preview-button' })));
    }
    if (preview) {
      const ok = preview.filter((r) => r.problems.length === 0 && !r.duplicateOf);
      const dup = preview.filter((r) => r.problems.length === 0 && r.duplicateOf);
      const bad = preview.filter((r) => r.problems.length > 0);
      const late = preview.filter((r) => r.late && r.problems.length === 0);
      const includeDup = el('input', { type: 'checkbox', id: 'import-include-duplicates' });
      box.append(
        el('div', { id: 'import-preview', tabindex: -1 },
          el('p', { text: `${ok.length} new, ${dup.length} possible duplicates, ${late.length} late, ${bad.length} with problems (not imported).` }),
          el('ul', { class: 'list' }, ...preview.map((r) => el('li', {},
            el('span', { class: 'who' }, `Line ${r.line}: ${String(r.values.givenName ?? '')} ${String(r.values.familyName ?? '')}`,
              el('span', { class: 'meta', text: [r.duplicateOf, ...r.problems].filter(Boolean).join(' · ') })),
            el('span', { class: `tag ${r.problems.length ? 'err' : r.duplicateOf || r.late ? 'warn' : 'ok'}`, text: r.problems.length ? 'Problem' : r.duplicateOf ? 'Duplicate?' : r.late ? 'Late' : 'New' }),
          ))),
          el('label', { class: 'inline' }, includeDup, ' Also import the possible duplicates'),
          el('div', { class: 'actions' }, button(`Import`, () => void (async () => {
            const rows = [...ok, ...(includeDup.checked ? dup : [])].sort((a, b) => a.line - b.line);
            const stillMissing = mapping ? missingColumns(mapping, defaults) : [];
            if (stillMissing.length > 0) {
              await pane.act('', async () => { throw new Error(`Choose a column or a value for every row for ${stillMissing.map((k) => PARTICIPANTS_COLUMNS[k].header).join(', ')} first.`); });
              return;
            }
            if (rows.length === 0) {
              // A click that imports nothing says why, in one sentence.
              await pane.act('', async () => (dup.length > 0
                ? 'Nothing to import: every row is a possible duplicate; tick "Also import the possible duplicates" to import them anyway.'
                : 'Nothing to import: every row has a problem, listed above.'));
              return;
            }
            if (!(await pane.confirm(`Write ${plural(rows.length, 'participant')} to the Participants sheet?`))) return;
            await pane.act('Importing', async () => {
              const ids = await pane.state.addParticipants(rows.map((r) => ({ ...r.record, participantId: undefined })));
              importTable = null; importFile = null; mapping = null; defaults = {}; preview = null;
              return `Imported ${plural(ids.length, 'participant')}${late.length ? `, ${late.length} registered after the deadline` : ''}.`;
            });
          })(), { class: 'primary', id: 'import-write' })),
        ),
      );
    }
    return box;
  }

  function render(): void {
    root.replaceChildren(el('h2', { id: 'h-registrations', text: 'Registrations' }));
    if (!pane.state.model?.read.sheets.Participants) {
      root.append(el('p', { text: 'The Participants sheet is not usable yet: set up the workbook on the Meeting tab.' }));
      return;
    }
    root.append(el('h3', { text: editing ? `Edit ${editing.participantId}` : 'New participant' }), personForm(), el('h3', { text: 'Find' }), finder(), delegations(), delegationBatch(), importer());
  }

  return { id: 'registrations', title: 'Registrations', root, render };
}
