// The Agenda section: the items of a session in order; move them, add one (with its body and
// document), and mark each Addressed or Deferred as the meeting takes items on a rolling basis.
// Below, the working papers and AOB requests received, with the deadline checked before writing.
import { AGENDA_STATUSES, type CellInput, SUBMISSION_TYPES } from '../../../templates/contract/index.js';
import { idProblem, proposeId } from '../app/records.js';
import { localDateTime } from '../app/sessions.js';
import { button, el, field, oneAtATime, select } from './dom.js';
import type { Pane, SectionView } from './pane.js';
import { recordForm } from './record-form.js';

export function agendaSection(pane: Pane, now: () => Date = () => new Date()): SectionView {
  const root = el('section', { id: 'section-agenda', 'aria-labelledby': 'h-agenda' });
  // The same item again while it is queued or being added (a double click) is not queued twice.
  const once = oneAtATime();
  let sessionId = '';

  function items(): HTMLElement[] {
    const state = pane.state;
    if (!state.model?.read.sheets.Agenda || !state.model.read.sheets.Sessions) {
      return [el('p', { text: 'The Agenda and Sessions sheets are not usable yet: set up the workbook on the Meeting tab.' })];
    }
    const sessions = state.sessions();
    if (!sessions.some((s) => s.sessionId === sessionId)) sessionId = String(sessions[0]?.sessionId ?? '');
    const pick = select(sessions.map((s) => ({ value: String(s.sessionId), label: `${String(s.sessionId)} · ${String(s.date)} ${String(s.start)} · ${String(s.title)}` })), sessionId, { id: 'agenda-session' });
    pick.addEventListener('change', () => { sessionId = pick.value; render(); });
    const out: HTMLElement[] = [field('Session', pick).wrap];
    const inSession = state.agenda().filter((a) => a.sessionId === sessionId);
    const list = el('ul', { class: 'list', id: 'agenda-items', 'aria-label': 'Agenda items' });
    inSession.forEach((item, i) => {
      const id = String(item.itemId);
      const status = select([...AGENDA_STATUSES], String(item.status), { 'aria-label': `Status of ${id}` });
      status.addEventListener('change', () => void pane.act('Saving the status', async () => {
        await state.editRecord('Agenda', String(item.itemId), { status: status.value });
        return `${id} marked ${status.value}.`;
      }));
      list.append(el('li', {},
        el('span', { class: 'who' }, `${String(item.order)}. ${String(item.title)}`, el('span', { class: 'meta', text: [id, item.body, item.document].filter(Boolean).map(String).join(' · ') })),
        el('span', { class: 'controls' },
          button('↑', () => void pane.act('Moving', async () => { await state.moveAgendaItem(id, -1); }), { class: 'small', 'aria-label': `Move ${id} up`, disabled: i === 0 }),
          button('↓', () => void pane.act('Moving', async () => { await state.moveAgendaItem(id, 1); }), { class: 'small', 'aria-label': `Move ${id} down`, disabled: i === inSession.length - 1 }),
          status),
      ));
    });
    if (inSession.length === 0) list.append(el('li', { text: sessionId ? 'No items in this session yet.' : 'Add a session on the Meeting tab first.' }));
    out.push(list);
    if (!sessionId) return out;

    const used = state.usedIds('Agenda');
    const withSession = (v: Record<string, CellInput>): Record<string, CellInput> => ({ ...v, sessionId, order: state.nextOrder(sessionId) });
    const form = recordForm({
      sheet: 'Agenda',
      id: 'agenda',
      fields: [
        { key: 'itemId' },
        { key: 'title', wide: true },
        { key: 'body', hint: 'WGETI, WGTR, WGTU, VTF, MC, Presidency, Secretariat…' },
        { key: 'document' },
      ],
      initial: {},
      extra: (v) => ({ itemId: idProblem('Agenda', String(v.itemId ?? ''), used) }),
      rules: (v) => state.ruleIssues('Agenda', withSession(v)),
      propose: { key: 'itemId', from: () => proposeId('Agenda', used) },
    });
    const submit = () => {
      if (form.check() === null) return;
      const v = form.parsed();
      const id = String(v.itemId);
      void once(['agenda', sessionId, v], () => pane.act('Adding the item', async () => {
        await state.addAgendaItem(sessionId, id, String(v.title), { body: v.body as string | undefined, document: v.document as string | undefined });
        return `Added ${id}.`;
      }));
    };
    const box = el('form', { id: 'agenda-form', 'aria-label': `Add an item to ${sessionId}`, novalidate: true }, form.root,
      el('div', { class: 'actions' }, button('Add item', submit, { id: 'agenda-add' })));
    box.addEventListener('submit', (e) => { e.preventDefault(); submit(); });
    out.push(el('h3', { text: `Add an item to ${sessionId}` }), box);
    return out;
  }

  function submissions(): HTMLElement[] {
    const state = pane.state;
    const out: HTMLElement[] = [el('h3', { text: 'Working papers and AOB' })];
    if (!state.model?.read.sheets.Submissions) {
      out.push(el('p', { text: 'No usable Submissions sheet: set up the workbook on the Meeting tab to add it.' }));
      return out;
    }
    const rows = state.submissions();
    const deadline = state.meeting()?.info?.workingPaperDeadline;
    out.push(el('p', { class: 'muted', id: 'submissions-count', text: `${rows.length} received${typeof deadline === 'string' ? `; deadline ${deadline}` : '; no working paper deadline on the Meeting sheet'}.` }));
    const names = new Map(state.delegations().map((d) => [String(d.delegationId), String(d.name)]));
    const list = el('ul', { class: 'list', id: 'submissions', 'aria-label': 'Submissions received' });
    for (const r of rows.slice(-10).reverse()) {
      const late = typeof deadline === 'string' && typeof r.receivedOn === 'string' && r.receivedOn > deadline;
      list.append(el('li', {},
        el('span', { class: 'who' }, String(r.title), el('span', { class: 'meta', text: [r.submissionId, r.type, names.get(String(r.delegationId)) ?? r.delegationId, r.receivedOn].filter(Boolean).map(String).join(' · ') })),
        late ? el('span', { class: 'tag warn', text: 'Late' }) : null));
    }
    if (rows.length > 0) out.push(list);

    const used = state.usedIds('Submissions');
    const form = recordForm({
      sheet: 'Submissions',
      id: 'submission',
      fields: [
        { key: 'type', choices: [...SUBMISSION_TYPES] },
        { key: 'submissionId', hint: 'Proposed; change it if you like.' },
        { key: 'delegationId', choices: [{ value: '', label: 'Choose a delegation' }, ...state.delegations().map((d) => ({ value: String(d.delegationId), label: `${String(d.name)} (${String(d.delegationId)})` }))], wide: true },
        { key: 'title', wide: true },
        { key: 'receivedOn', type: 'date' },
      ],
      // Received today, as the meeting's time zone counts days.
      initial: { type: 'Working paper', receivedOn: localDateTime(now(), state.timeZone()).slice(0, 10) },
      extra: (v) => ({ submissionId: idProblem('Submissions', String(v.submissionId ?? ''), used) }),
      rules: (v) => state.ruleIssues('Submissions', v),
      propose: { key: 'submissionId', from: (v) => proposeId('Submissions', used, String(v.type ?? '')) },
    });
    const submit = async () => {
      const warnings = form.check();
      if (warnings === null) return;
      const v = form.parsed();
      // The late warning is what staff check against the Meeting sheet: they decide, before writing.
      if (warnings.length > 0 && !(await pane.confirm(`${warnings.map((w) => w.message).join(' ')} Record it anyway?`))) return;
      await pane.act('Recording the submission', async () => {
        await state.addRecord('Submissions', v);
        return `Recorded ${String(v.submissionId)}${warnings.length > 0 ? ' (late)' : ''}.`;
      });
    };
    const box = el('form', { id: 'submission-form', 'aria-label': 'Record a submission', novalidate: true }, form.root,
      el('div', { class: 'actions' }, button('Record submission', () => void submit(), { class: 'primary', id: 'submission-save' })));
    box.addEventListener('submit', (e) => { e.preventDefault(); void submit(); });
    out.push(el('h3', { text: 'Record a submission' }), box);
    return out;
  }

  function render(): void {
    root.replaceChildren(el('h2', { id: 'h-agenda', text: 'Agenda' }), ...items(), ...submissions());
  }
  return { id: 'agenda', title: 'Agenda', root, render };
}
