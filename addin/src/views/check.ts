// The Check section: the pipeline's own validation run on the open workbook; each problem is a
// button that selects its cell in Excel.
import { button, el, plural } from './dom.js';
import type { Pane, SectionView } from './pane.js';

export function checkSection(pane: Pane): SectionView {
  const root = el('section', { id: 'section-check', 'aria-labelledby': 'h-check' });

  function render(): void {
    const issues = pane.state.issues();
    const errors = issues.filter((i) => i.severity === 'error').length;
    const leftOut = pane.state.model?.validation.leftOut ?? [];
    root.replaceChildren(
      el('h2', { id: 'h-check', text: 'Check' }),
      el('div', { class: 'actions' }, button('Check the workbook again', () => void pane.act('Checking', async () => {
        await pane.state.refresh();
        const n = pane.state.issues();
        return `${plural(n.filter((i) => i.severity === 'error').length, 'error')}, ${plural(n.filter((i) => i.severity === 'warning').length, 'warning')}.`;
      }), { class: 'primary', id: 'check-run' })),
      el('p', { id: 'check-summary', text: issues.length === 0 ? 'No problems found.' : `${plural(errors, 'error')} and ${plural(issues.length - errors, 'warning')}. Select one to go to its cell.` }),
      ...leftOut.map((l) => el('p', { class: 'muted', text: `${l.sheet}: ${plural(l.count, 'row')} left out of the figures (${l.reasons.join('; ')}).` })),
    );
    const list = el('div', { id: 'issues', role: 'list' });
    for (const issue of issues.slice(0, 500)) {
      const where = issue.cell ?? issue.sheet ?? 'Workbook';
      const b = el('button', { type: 'button', class: `issue ${issue.severity}`, role: 'listitem', 'data-cell': issue.cell, disabled: !issue.cell },
        el('span', { class: 'where', text: `${issue.severity === 'error' ? 'Error' : 'Warning'} · ${where}` }),
        issue.message);
      if (issue.cell) {
        const cell = issue.cell;
        b.addEventListener('click', () => void pane.act('', async () => {
          await pane.state.selectProblem(cell);
          return `Selected ${cell}.`;
        }));
      }
      list.append(b);
    }
    if (issues.length > 500) list.append(el('p', { class: 'muted', text: `${issues.length - 500} more not shown; fix these first.` }));
    root.append(list);
  }
  return { id: 'check', title: 'Check', root, render };
}
