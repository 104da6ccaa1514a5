// The Attendance section: pick the session (by default the one under way in the meeting's time
// zone), check people in one by one or a delegation at once, and record who took the floor.
import { MODES, type Mode } from '../../../templates/contract/index.js';
import { findPeople } from '../app/registration.js';
import { defaultSession } from '../app/sessions.js';
import { button, el, field, oneAtATime, select } from './dom.js';
import type { Pane, SectionView } from './pane.js';

export function attendanceSection(pane: Pane, now: () => Date): SectionView {
  const root = el('section', { id: 'section-attendance', 'aria-labelledby': 'h-attendance' });
  // The same intervention again while it is queued or running (a double click) is not recorded twice.
  const once = oneAtATime();
  let sessionId = '';
  let mode: Mode = 'In person';
  let query = '';

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
  }
  return { id: 'attendance', title: 'Attendance', root, render };
}
