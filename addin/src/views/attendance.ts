// The Attendance section: pick the session (by default the one under way in the meeting's time
// zone), check people in one by one or a delegation at once, record who took the floor, and import
// an online meeting's attendance report as Online attendance rows after a preview.
import { MODES, type Mode } from '../../../templates/contract/index.js';
import { ExportFileError, type ExportTable } from '../app/export-file.js';
import { guessReportMapping, type OnlineAttendancePlan, planOnlineAttendance, readAttendanceReport, REPORT_COLUMNS, type ReportColumn, type ReportMapping } from '../app/online-attendance.js';
import { findPeople } from '../app/registration.js';
import { defaultSession } from '../app/sessions.js';
import { button, el, field, oneAtATime, plural, select } from './dom.js';
import type { Pane, SectionView } from './pane.js';

export function attendanceSection(pane: Pane, now: () => Date): SectionView {
  const root = el('section', { id: 'section-attendance', 'aria-labelledby': 'h-attendance' });
  // The same intervention again while it is queued or running (a double click) is not recorded twice.
  const once = oneAtATime();
  let sessionId = '';
  let mode: Mode = 'In person';
  let query = '';
  let report: { bytes: Uint8Array; name: string; table: ExportTable; mapping: ReportMapping } | null = null;
  let plan: OnlineAttendancePlan | null = null;
  const confirmed = new Set<string>();
  let reportOpen = false;

  const COLUMN_LABELS: Record<ReportColumn, string> = { name: 'Name', email: 'E-mail', join: 'Join time (required)', leave: 'Leave time', delegation: 'Delegation or organisation' };

  /** Import of an online meeting's attendance report: read, map, preview, then write. */
  function onlineImport(): HTMLElement {
    const state = pane.state;
    const box = el('details', { id: 'online-import', open: reportOpen || report !== null });
    box.addEventListener('toggle', () => { reportOpen = box.open; });
    box.append(el('summary', { text: 'Import an online attendance report' }),
      el('p', { class: 'muted', text: 'The participants table of the meeting platform\'s attendance report (Teams, Zoom...), as CSV or .xlsx. Times are taken in the meeting\'s time zone.' }));
    const file = el('input', { type: 'file', accept: '.csv,.txt,.tsv,.xlsx,text/csv,text/tab-separated-values,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', id: 'online-file' });
    const readIt = async (bytes: Uint8Array, name: string, headerLine?: number) => {
      try {
        const table = readAttendanceReport(bytes, name, headerLine);
        if (table.rows.length === 0) {
          // As for a registration export: a header alone is said, not shown as "0 rows" to preview.
          await pane.act('', async () => { throw new Error(`${name} has a header on line ${table.headerLine} but no rows of people below it: choose another header line or another file.`); });
          if (headerLine === undefined) return;
        }
        report = { bytes, name, table, mapping: guessReportMapping(table.headers) };
        plan = null;
        confirmed.clear();
        render();
      } catch (e) {
        const message = e instanceof ExportFileError ? e.message : `${name} could not be read as an attendance report.`;
        await pane.act('', async () => { throw new Error(message); });
      }
    };
    file.addEventListener('change', () => {
      const f = file.files?.[0];
      if (f) void f.arrayBuffer().then((b) => readIt(new Uint8Array(b), f.name));
    });
    box.append(field('Attendance report', file).wrap);
    if (!report) return box;
    const r = report;
    const pick = select(r.table.candidates.map((c) => ({ value: String(c.line), label: `Line ${c.line}: ${c.cells.filter((x) => x.trim() !== '').join(' | ').slice(0, 80)}` })), String(r.table.headerLine), { id: 'online-header-line' });
    pick.addEventListener('change', () => void readIt(r.bytes, r.name, Number(pick.value)));
    const fs = el('fieldset', { id: 'online-mapping' }, el('legend', { text: `Columns (${plural(r.table.rows.length, 'row')} read)` }));
    for (const key of REPORT_COLUMNS) {
      const s = select([{ value: '-1', label: '(none)' }, ...r.table.headers.map((h, i) => ({ value: String(i), label: h === '' ? `(column ${i + 1})` : h }))], String(r.mapping[key]), { 'data-key': key });
      s.addEventListener('change', () => { r.mapping[key] = Number(s.value); plan = null; render(); });
      fs.append(field(COLUMN_LABELS[key], s).wrap);
    }
    box.append(el('p', { class: 'muted', id: 'online-read-as', text: `${r.name}: ${r.table.encoding === 'xlsx' ? 'workbook' : r.table.encoding}, header on line ${r.table.headerLine}, ${plural(r.table.rows.length, 'row')}.` }),
      field('Header row', pick).wrap, fs,
      el('div', { class: 'actions' }, button('Preview online attendance', () => {
        if (r.mapping.join < 0 || (r.mapping.email < 0 && r.mapping.name < 0)) {
          void pane.act('', async () => { throw new Error('Choose the join time column, and the e-mail or name column.'); });
          return;
        }
        const sessions = state.sessions().map((x) => ({ sessionId: String(x.sessionId), date: String(x.date), start: String(x.start), end: String(x.end) }));
        const existing = state.attendance().map((a) => ({ participantId: String(a.participantId), sessionId: String(a.sessionId) }));
        const people = state.participants().map((x) => ({ ...x, email: typeof x.email === 'string' ? x.email : undefined }));
        const delegationNames = new Map(state.delegations().map((d) => [String(d.delegationId), String(d.name)]));
        plan = planOnlineAttendance(r.table, r.mapping, people, sessions, existing, state.timeZone(), delegationNames);
        confirmed.clear();
        render();
        root.querySelector<HTMLElement>('#online-preview')?.focus();
      }, { id: 'online-preview-button' })));
    if (!plan) return box;
    const p = plan;
    const names = new Map(state.participants().map((x) => [x.participantId, `${x.givenName} ${x.familyName}`]));
    const byName = p.rows.filter((x) => x.matchedBy === 'name');
    const key = (x: { participantId: string; sessionId: string }) => `${x.participantId}\u0000${x.sessionId}`;
    const line = (u: { line: number; name: string; email: string; reason: string }) => el('li', {}, el('span', { class: 'who' }, `Line ${u.line}: ${u.name}${u.email ? ` <${u.email}>` : ''}`, el('span', { class: 'meta', text: u.reason })));
    box.append(el('div', { id: 'online-preview', tabindex: -1 },
      el('p', { text: `${p.rows.length} to write (${byName.length} matched by name, to confirm), ${p.already.length} already recorded, ${p.unmatched.length} not found, ${p.skipped.length} outside the sessions or unreadable.` }),
      el('ul', { class: 'list', id: 'online-rows', 'aria-label': 'Online attendance to write' }, ...p.rows.map((x) => {
        const who = `${names.get(x.participantId) ?? x.participantId} (${x.participantId})`;
        let tag: HTMLElement;
        if (x.matchedBy === 'name') {
          const box2 = el('input', { type: 'checkbox', 'data-confirm': key(x), 'aria-label': `Confirm ${x.reportName} is ${who}` });
          box2.checked = confirmed.has(key(x));
          box2.addEventListener('change', () => { if (box2.checked) confirmed.add(key(x)); else confirmed.delete(key(x)); });
          tag = el('label', { class: 'inline' }, box2, ` Same person as "${x.reportName}"?`);
        } else tag = el('span', { class: 'tag ok', text: 'By e-mail' });
        return el('li', {}, el('span', { class: 'who' }, `${x.sessionId} · ${who}`, el('span', { class: 'meta', text: `checked in at ${x.checkedInAt}` })), tag);
      })),
      p.unmatched.length ? el('div', {}, el('h4', { text: 'Not found among the participants (not written)' }), el('ul', { class: 'list', id: 'online-unmatched' }, ...p.unmatched.map(line))) : null,
      p.skipped.length ? el('div', {}, el('h4', { text: 'Not placed in a session' }), el('ul', { class: 'list', id: 'online-skipped' }, ...p.skipped.map(line))) : null,
      el('div', { class: 'actions' }, button('Write online attendance', () => void (async () => {
        const rows = p.rows.filter((x) => x.matchedBy === 'email' || confirmed.has(key(x)));
        if (rows.length === 0) {
          // A click that writes nothing says why, in one sentence.
          await pane.act('', async () => (p.rows.length === 0
            ? `Nothing to write: ${p.already.length} already recorded, ${p.unmatched.length} not found, ${p.skipped.length} outside the sessions or unreadable.`
            : 'Nothing to write: tick "Same person as …?" for each person matched by name that you confirm, then write again.'));
          return;
        }
        if (!(await pane.confirm(`Write ${plural(rows.length, 'Online attendance row')} to the Attendance sheet?`))) return;
        await pane.act('Recording online attendance', async () => {
          const n = await state.recordOnlineAttendance(rows);
          report = null; plan = null; confirmed.clear();
          const missing = p.unmatched.length;
          // Rows another desk recorded between the preview and the write are left as they are, and said.
          const meanwhile = rows.length - n;
          return `Recorded ${plural(n, 'online attendance')}${meanwhile ? ` (${meanwhile} already recorded meanwhile)` : ''}${missing ? `; ${missing} ${missing === 1 ? 'person' : 'people'} of the report ${missing === 1 ? 'was' : 'were'} not found` : ''}.`;
        });
      })(), { class: 'primary', id: 'online-write' })),
    ));
    return box;
  }

  function render(): void {
    root.replaceChildren(el('h2', { id: 'h-attendance', text: 'Attendance' }));
    const state = pane.state;
    if (!state.model?.read.sheets.Attendance || !state.model.read.sheets.Sessions) {
      root.append(el('p', { text: 'The Attendance and Sessions sheets are not usable yet: set up the workbook on the Meeting tab.' }));
      return;
    }
    const sessions = state.sessions().map((s) => ({ sessionId: String(s.sessionId), date: String(s.date), start: String(s.start), end: String(s.end), title: String(s.title) }));
    if (!sessions.some((s) => s.sessionId === sessionId)) sessionId = defaultSession(sessions, now(), state.timeZone())?.sessionId ?? '';
    const pick = select(sessions.map((s) => ({ value: s.sessionId, label: `${s.sessionId} · ${s.date} ${s.start}–${s.end} · ${s.title}` })), sessionId, { id: 'attendance-session' });
    pick.addEventListener('change', () => { sessionId = pick.value; render(); });
    const modes = el('fieldset', { class: 'inline' }, el('legend', { text: 'Attending' }),
      ...MODES.map((m) => {
        const r = el('input', { type: 'radio', name: 'mode', value: m, checked: m === mode });
        r.addEventListener('change', () => { mode = m; });
        return el('label', {}, r, m);
      }));
    const present = new Set(state.attendance().filter((a) => a.sessionId === sessionId).map((a) => String(a.participantId)));
    const people = state.participants().filter((p) => p.status !== 'Cancelled');
    root.append(field('Session', pick).wrap, modes, el('p', { class: 'muted', id: 'attendance-count', text: `${present.size} of ${people.length} checked in to this session.` }));

    const search = el('input', { type: 'search', id: 'attendance-find', placeholder: 'Name, ID or delegation' });
    search.value = query;
    const list = el('ul', { class: 'list', id: 'attendance-people', 'aria-label': 'People to check in' });
    const names = new Map(state.delegations().map((d) => [String(d.delegationId), String(d.name)]));
    const draw = () => {
      list.replaceChildren(...findPeople(people, query, names, 15).map((p) =>
        el('li', {},
          el('span', { class: 'who' }, `${p.givenName} ${p.familyName}`, el('span', { class: 'meta', text: `${names.get(p.delegationId) ?? p.delegationId}` })),
          present.has(p.participantId)
            ? el('span', { class: 'tag ok', text: 'Checked in' })
            : button('Check in', () => void pane.act('Checking in', async () => {
                await state.checkIn([p.participantId], sessionId, mode);
                return `${p.givenName} ${p.familyName} checked in (${mode.toLowerCase()}).`;
              }), { class: 'small', 'aria-label': `Check in ${p.givenName} ${p.familyName}` }),
        )));
    };
    search.addEventListener('input', () => { query = search.value; draw(); });
    draw();
    root.append(field('Find a person', search).wrap, list);

    const delegation = select([{ value: '', label: 'Choose a delegation' }, ...state.delegations().map((d) => ({ value: String(d.delegationId), label: String(d.name) }))], '', { id: 'attendance-delegation' });
    root.append(el('h3', { text: 'A whole delegation' }), field('Delegation', delegation).wrap,
      el('div', { class: 'actions' }, button('Check in the delegation', () => {
        const ids = people.filter((p) => p.delegationId === delegation.value).map((p) => p.participantId);
        if (ids.length === 0) return;
        void pane.act('Checking in the delegation', async () => `${await state.checkIn(ids, sessionId, mode)} checked in; the others already were.`);
      }, { id: 'attendance-delegation-go' })));

    const attendees = people.filter((p) => present.has(p.participantId));
    const speaker = select([{ value: '', label: 'Choose who spoke' }, ...attendees.map((p) => ({ value: p.participantId, label: `${p.givenName} ${p.familyName}` }))], '', { id: 'speaker-person' });
    const items = state.agenda().filter((a) => a.sessionId === sessionId);
    const item = select([{ value: '', label: '(no item)' }, ...items.map((a) => ({ value: String(a.itemId), label: `${String(a.itemId)} ${String(a.title)}` }))], '', { id: 'speaker-item' });
    const minutes = el('input', { type: 'number', min: 0, step: 0.5, id: 'speaker-minutes' });
    const speakersUsable = Boolean(state.model.read.sheets.Speakers);
    root.append(el('h3', { text: 'Took the floor' }),
      speakersUsable ? el('div', {}, field('Speaker (checked in)', speaker).wrap, field('Agenda item', item).wrap, field('Minutes (optional)', minutes).wrap,
        el('div', { class: 'actions' }, button('Record intervention', () => {
          if (!speaker.value) return;
          const m = minutes.value === '' ? undefined : Number(minutes.value);
          const what = [sessionId, item.value, speaker.value, m];
          void once(what, () => pane.act('Recording', async () => { await state.recordSpeaker(sessionId, item.value || undefined, speaker.value, m); return 'Intervention recorded.'; }));
        }, { id: 'speaker-record' })))
        : el('p', { text: 'No Speakers sheet: set up the workbook to add it.' }));
    root.append(onlineImport());
  }
  return { id: 'attendance', title: 'Attendance', root, render };
}
