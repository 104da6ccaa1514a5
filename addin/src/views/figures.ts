// The Figures section: live gender figures for a session and for the meeting, drawn with Chart.js
// from the same Summary the pipeline computes; "Build report sheet" writes them into Excel.
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';
import { GENDER_PALETTE } from '../../../pipeline/core/palette.js';
import type { GenderCounts } from '../../../pipeline/core/summary.js';
import { dataQualityText, figureText, GENDER_HEADERS, headlines, NOT_RECORDED, shareFigure, shareText, tileCounts } from '../../../pipeline/core/figures.js';
import { button, el, field, select } from './dom.js';
import type { Pane, SectionView } from './pane.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

/** Counts in the palette's order, the order of GENDER_HEADERS and of the charts' series. */
function counts(c: GenderCounts): number[] {
  return GENDER_PALETTE.map((g) => c[g.key]);
}

export function figuresSection(pane: Pane): SectionView {
  const root = el('section', { id: 'section-figures', 'aria-labelledby': 'h-figures' });
  let sessionId = '';
  const charts: Chart[] = [];

  function chart(canvas: HTMLCanvasElement, labels: string[], rows: number[][]): void {
    charts.push(new Chart(canvas, {
      type: 'bar',
      data: { labels, datasets: GENDER_PALETTE.map((g, i) => ({ label: g.label, data: rows.map((r) => r[i] ?? 0), backgroundColor: g.colour })) },
      options: { animation: false, responsive: true, maintainAspectRatio: false, scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } } },
    }));
  }

  function render(): void {
    for (const c of charts.splice(0)) c.destroy();
    root.replaceChildren(el('h2', { id: 'h-figures', text: 'Figures' }));
    const summary = pane.state.model?.summary;
    if (!summary) {
      root.append(el('p', { text: 'Figures appear once the Meeting sheet and the required sheets read without errors (see Check).' }));
      return;
    }
    root.append(el('div', { class: 'headline', id: 'headline' },
      ...headlines(summary).map((h) => el('div', {},
        el('strong', { text: h.figure === undefined ? NOT_RECORDED : shareText(h.figure.share) }),
        h.tile,
        el('span', { class: 'muted basis', text: tileCounts(h) }))),
    ));
    if (!summary.sessions.some((s) => s.id === sessionId)) sessionId = summary.sessions[0]?.id ?? '';
    const pick = select(summary.sessions.map((s) => ({ value: s.id, label: `${s.id} · ${s.date} · ${s.title}` })), sessionId, { id: 'figures-session' });
    pick.addEventListener('change', () => { sessionId = pick.value; render(); });
    const s = summary.sessions.find((x) => x.id === sessionId);
    root.append(field('Session', pick).wrap);
    if (s) {
      const a = s.attendees;
      root.append(el('table', { class: 'figures', id: 'session-figures' },
        el('caption', { class: 'muted', text: `${s.id}: ${a.total} attendees; women ${figureText(shareFigure(a.byGender), 'attendees')}` }),
        el('thead', {}, el('tr', {}, el('th', { text: '' }), ...GENDER_HEADERS.map((g) => el('th', { scope: 'col', text: g })))),
        el('tbody', {},
          el('tr', {}, el('th', { scope: 'row', text: 'All' }), ...counts(a.byGender).map((n) => el('td', { text: String(n) }))),
          el('tr', {}, el('th', { scope: 'row', text: 'In person' }), ...counts(a.byMode.inPerson.byGender).map((n) => el('td', { text: String(n) }))),
          el('tr', {}, el('th', { scope: 'row', text: 'Online' }), ...counts(a.byMode.online.byGender).map((n) => el('td', { text: String(n) }))),
          el('tr', {}, el('th', { scope: 'row', text: 'Heads of delegation' }), ...counts(a.headsOfDelegation.byGender).map((n) => el('td', { text: String(n) }))),
        )));
      const canvas = el('canvas', { role: 'img', 'aria-label': `Attendees of ${s.id} by gender and mode` });
      root.append(el('div', { class: 'chart-box' }, canvas));
      chart(canvas, ['In person', 'Online'], [counts(a.byMode.inPerson.byGender), counts(a.byMode.online.byGender)]);
    }
    const canvas = el('canvas', { role: 'img', 'aria-label': 'Attendees of every session by gender' });
    const p = summary.participants;
    root.append(el('h3', { text: 'Meeting' }),
      el('p', { id: 'meeting-figures', text: `Registered ${p.registered.total}: women ${figureText(shareFigure(p.registered.byGender), 'registered')}. Attended ${p.attended.total}: women ${figureText(shareFigure(p.attended.byGender), 'attendees')}. Delegations with at least one woman: ${summary.delegations.withWoman} of ${summary.delegations.total}; headed by a woman: ${summary.delegations.womanHeaded}.` }),
      el('p', { class: 'muted', text: `Share of women = women / (women + men + other); "not stated" is never in the denominator. ${dataQualityText(summary)}` }),
      el('div', { class: 'chart-box' }, canvas));
    chart(canvas, summary.sessions.map((x) => x.id), summary.sessions.map((x) => counts(x.attendees.byGender)));
    root.append(el('div', { class: 'actions' }, button('Build report sheet', () => void (async () => {
      if (pane.state.model?.hasReportSheet && !(await pane.confirm('Replace the existing Report sheet? Anything added to it by hand will be lost.'))) return;
      await pane.act('Building the Report sheet', async () => { await pane.state.buildReport(); return 'Report sheet built.'; });
    })(), { class: 'primary', id: 'build-report' })));
  }
  return { id: 'figures', title: 'Figures', root, render };
}
