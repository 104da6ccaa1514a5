// The section tabs, as the WAI-ARIA Authoring Practices' tabs pattern describes them
// (https://www.w3.org/WAI/ARIA/apg/patterns/tabs/): one tab in the Tab order (roving tabindex),
// Left and Right arrows move to the previous and next tab (wrapping), Home and End to the first and
// last; the tab that gets focus is shown at once (automatic activation); each panel is labelled by
// its tab. The selected tab's look, forced-colours mode included, is in pane.css.
import { el } from './dom.js';

export interface TabPanel {
  readonly id: string;
  readonly title: string;
  readonly root: HTMLElement;
}

export interface Tabs {
  /** Shows the panel `id` and marks its tab selected; `focus` also moves keyboard focus to the tab. */
  show(id: string, focus?: boolean): void;
}

/** Fills `list` (an element with role tablist) with a tab per panel and appends the panels to `container`. */
export function tabList(list: HTMLElement, container: HTMLElement, panels: readonly TabPanel[], initial: string): Tabs {
  list.setAttribute('role', 'tablist');
  const tabs = panels.map((p) => el('button', { type: 'button', role: 'tab', id: `tab-${p.id}`, 'aria-controls': p.root.id || undefined, text: p.title }));
  const show = (id: string, focus = false) => {
    panels.forEach((p, i) => {
      const selected = p.id === id;
      p.root.hidden = !selected;
      tabs[i]!.setAttribute('aria-selected', String(selected));
      tabs[i]!.tabIndex = selected ? 0 : -1;
      if (selected && focus) tabs[i]!.focus();
    });
  };
  panels.forEach((p, i) => {
    const tab = tabs[i]!;
    tab.addEventListener('click', () => show(p.id));
    tab.addEventListener('keydown', (e) => {
      const last = panels.length - 1;
      const to = e.key === 'ArrowRight' ? (i === last ? 0 : i + 1)
        : e.key === 'ArrowLeft' ? (i === 0 ? last : i - 1)
          : e.key === 'Home' ? 0
            : e.key === 'End' ? last
              : -1;
      if (to < 0) return;
      e.preventDefault();
      show(panels[to]!.id, true);
    });
    list.append(tab);
    p.root.setAttribute('role', 'tabpanel');
    p.root.setAttribute('aria-labelledby', tab.id);
    container.append(p.root);
  });
  show(initial);
  return { show };
}
