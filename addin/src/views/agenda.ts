// The Agenda section: the items of a session in order; move them, add one, and mark each Addressed
// or Deferred as the meeting takes items on a rolling basis.
import { AGENDA_STATUSES } from '../../../templates/contract/index.js';
import { nextIds } from '../app/registration.js';
import { button, el, field, select } from './dom.js';
import type { Pane, SectionView } from './pane.js';

export function agendaSection(pane: Pane): SectionView {
  const root = el('section', { id: 'section-agenda', 'aria-labelledby': 'h-agenda' });
  let sessionId = '';

  function render(): void {
    root.replaceChildren(el('h2', { id: 'h-agenda', text: 'Agenda' }));
    const state = pane.state;
    if (!state.model?.read.sheets.Agenda || !state.model.read.sheets.Sessions) {
      root.append(el('p', { text: 'The Agenda and Sessions sheets are not usable yet: set up the workbook on the Meeting tab.' }));
      return;
    }
    const sessions = state.sessions();
    if (!sessions.some((s) => s.sessionId === sessionId)) sessionId = String(sessions[0]?.sessionId ?? '');
    const pick = select(sessions.map((s) => ({ value: String(s.sessionId), label: `${String(s.sessionId)} · ${String(s.date)} ${String(s.start)} · ${String(s.title)}` })), sessionId, { id: 'agenda-session' });
    pick.addEventListener('change', () => { sessionId = pick.value; render(); });
    root.append(field('Session', pick).wrap);
    const items = state.agenda().filter((a) => a.sessionId === sessionId);
    const list = el('ul', { class: 'list', id: 'agenda-items', 'aria-label': 'Agenda items' });
    items.forEach((item, i) => {
      const id = String(item.itemId);
      const status = select([...AGENDA_STATUSES], String(item.status), { 'aria-label': `Status of ${id}` });
      status.addEventListener('change', () => void pane.act('Saving the status', async () => {
        await state.editRow('Agenda', item.row, { status: status.value });
        return `${id} marked ${status.value}.`;
      }));
      list.append(el('li', {},
        el('span', { class: 'who' }, `${String(item.order)}. ${String(item.title)}`, el('span', { class: 'meta', text: [id, item.body, item.document].filter(Boolean).map(String).join(' · ') })),
        el('span', { class: 'controls' },
          button('↑', () => void pane.act('Moving', async () => { await state.moveAgendaItem(id, -1); }), { class: 'small', 'aria-label': `Move ${id} up`, disabled: i === 0 }),
          button('↓', () => void pane.act('Moving', async () => { await state.moveAgendaItem(id, 1); }), { class: 'small', 'aria-label': `Move ${id} down`, disabled: i === items.length - 1 }),
          status),
      ));
    });
    if (items.length === 0) list.append(el('li', { text: 'No items in this session yet.' }));
    const title = el('input', { type: 'text', id: 'agenda-title' });
    root.append(list,
      el('h3', { text: 'Add an item' }),
      field('Title', title).wrap,
      el('div', { class: 'actions' }, button('Add item', () => {
        if (!title.value.trim() || !sessionId) return;
        const [id] = nextIds(state.usedIds('Agenda'), 'A', 1, 1);
        void pane.act('Adding the item', async () => { await state.addAgendaItem(sessionId, id!, title.value.trim()); return `Added ${id}.`; });
      }, { id: 'agenda-add' })),
    );
  }
  return { id: 'agenda', title: 'Agenda', root, render };
}
