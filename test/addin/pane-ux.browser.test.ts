// The built task pane in headless Chromium against the fake Excel host, for how it behaves around
// the user: it follows edits made in the grid (one table-change listener, bursts re-read once,
// typed input and focus kept), puts focus back after an action, has tabs that follow the WAI-ARIA
// tabs pattern, and shows the selected tab in forced colours. Screenshots at 320 px, normal and
// forced colours, go to test/output/addin/.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/temp-dir.js';
import { buildPane, CHROMIUM, ROOT, serveDist } from './pane-server.js';

const hasChromium = existsSync(CHROMIUM);
const OUT = join(ROOT, 'test/output/addin');
const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

interface UxHost {
  runs: number;
  tableChangedHandlers: unknown[];
  appendByHand(table: string, rows: unknown[][]): void;
  setCell(sheet: string, a1: string, value: unknown): void;
}

describe.skipIf(!hasChromium)('task pane around the user (Chromium, fake Excel host)', () => {
  let browser: Browser;
  let server: Server;
  let page: Page;
  const dist = tempDir('att-pane-ux-'); // removed after the file (test/setup.ts), or by the run
  const pageErrors: string[] = [];

  beforeAll(async () => {
    // Its own build folder: the other browser test builds addin/dist at the same time.
    await buildPane(dist);
    const served = await serveDist(dist);
    server = served.server;
    mkdirSync(OUT, { recursive: true });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
    page = await browser.newPage({ viewport: { width: 500, height: 900 } });
    page.on('pageerror', (e) => pageErrors.push(e.message));
    const fake = readFileSync(join(ROOT, 'test/addin/fake-office.js'), 'utf8');
    await page.route(OFFICE_JS, (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: fake }));
    await page.goto(`${served.url}/taskpane.html`);
    await page.getByRole('status').filter({ hasText: 'Ready.' }).waitFor();
    await page.evaluate(() => { (window as unknown as { __host: { tableEvents: boolean } }).__host.tableEvents = true; });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((r) => server?.close(r));
  });

  const hostCall = <A, T>(fn: (h: UxHost, a: A) => T, arg: A) =>
    page.evaluate(([src, a]) => new Function('h', 'a', `return (${src})(h, a)`)((window as unknown as { __host: UxHost }).__host, a), [fn.toString(), arg] as const) as Promise<T>;
  const runs = () => hostCall((h) => h.runs, null);
  const focused = () => page.evaluate(() => {
    const a = document.activeElement as HTMLElement | null;
    return a === document.body ? 'BODY' : a?.id || a?.getAttribute('aria-label') || a?.getAttribute('name') || a?.tagName || 'none';
  });
  async function waitStatus(text: string | RegExp) {
    await expect.poll(async () => (await page.getByRole('status').textContent()) ?? '', { timeout: 10_000 }).toMatch(text);
  }
  /** Waits until the pane has re-read the workbook `n` more times than `before` and is idle again. */
  async function waitRereads(before: number, n: number) {
    await expect.poll(runs, { timeout: 10_000 }).toBe(before + n);
    await expect.poll(() => page.evaluate(() => document.body.dataset.live), { timeout: 10_000 }).toBe('idle');
  }

  it('sets up a workbook with a meeting, two sessions, a delegation and two people', async () => {
    await page.getByRole('tab', { name: 'Meeting' }).click();
    await page.getByRole('button', { name: 'Set up workbook' }).click();
    await waitStatus(/^Created Meeting/);
    const form = page.locator('#meeting-form');
    await form.getByLabel('Code (required)').fill('CSP12-PREP');
    await form.getByLabel('Title (required)').fill('CSP12 Informal Preparatory Meeting');
    await form.getByLabel('Start date (required)').fill('2026-05-27');
    await form.getByLabel('End date (required)').fill('2026-05-28');
    await page.getByRole('button', { name: 'Save meeting fields' }).click();
    await waitStatus('Meeting fields saved.');
    const before = await runs();
    await hostCall((h) => {
      h.appendByHand('Sessions', [['S1', '2026-05-27', '10:00', '13:00', 'Opening plenary'], ['S2', '2026-05-27', '15:00', '18:00', 'Working groups']]);
      h.appendByHand('Delegations', [['D-CHE', 'Switzerland', 'State Party', 'CHE']]);
      h.appendByHand('Participants', [['P0001', 'D-CHE', 'Ms', 'Anna', 'Muster', 'Woman', 'Head of delegation', '', 'In person', '2026-05-10', ''], ['P0002', 'D-CHE', 'Mr', 'Marc', 'Keller', 'Man', 'Delegate', '', 'In person', '2026-05-10', '']]);
    }, null);
    // Three tables edited in one burst: one re-read, and the sessions are listed without a click.
    await waitRereads(before, 1);
    expect(await page.locator('#sessions li .who').allTextContents()).toEqual([expect.stringMatching(/^S1 · Opening plenary/), expect.stringMatching(/^S2 · Working groups/)]);
    // One listener on the workbook's tables, whatever the actions since.
    expect(await hostCall((h) => h.tableChangedHandlers.length, null)).toBe(1);
  });

  it('follows edits made in the grid: lists, figures and check, with no click in the pane', async () => {
    await page.getByRole('tab', { name: 'Attendance' }).click();
    expect(await page.locator('#attendance-count').textContent()).toBe('0 of 2 checked in to this session.');
    await page.getByRole('tab', { name: 'Check' }).click();
    expect(await page.locator('button.issue[data-cell="Participants!F3"]').count()).toBe(0);

    let before = await runs();
    // A colleague checks Anna in by hand, then mistypes Marc's gender, cell by cell.
    await hostCall((h) => {
      h.appendByHand('Attendance', [['P0001', 'S1', 'In person', '2026-05-27 10:05']]);
      h.setCell('Participants', 'F3', 'M');
      h.setCell('Participants', 'F3', 'Ma');
      h.setCell('Participants', 'F3', 'Mxn');
    }, null);
    await waitRereads(before, 1);
    expect(await page.locator('button.issue[data-cell="Participants!F3"]').textContent()).toContain('Mxn');

    before = await runs();
    await hostCall((h) => h.setCell('Participants', 'F3', 'Man'), null);
    await waitRereads(before, 1);
    expect(await page.locator('button.issue[data-cell="Participants!F3"]').count()).toBe(0);
    await page.getByRole('tab', { name: 'Attendance' }).click();
    expect(await page.locator('#attendance-count').textContent()).toBe('1 of 2 checked in to this session.');
    await page.getByRole('tab', { name: 'Figures' }).click();
    // S1: Anna (a woman) attended; both heads of delegation: Anna.
    expect(await page.locator('#headline strong').allTextContents()).toEqual(['100.0%', '100.0%', '—']);
    expect(await page.locator('#meeting-figures').textContent()).toBe('Registered 2 (50.0% women); attended 1 (100.0% women). Delegations with a woman: 1 of 1; headed by a woman: 1.');
  });

  it('keeps what the user is typing, and the caret, when a change elsewhere redraws the pane', async () => {
    await page.getByRole('tab', { name: 'Registrations' }).click();
    const form = page.locator('#participant-form');
    await form.getByLabel('Delegation ID (required)').selectOption('D-CHE');
    await form.getByLabel('Gender (required)').selectOption('Woman');
    await form.getByLabel('Role (required)').selectOption('Delegate');
    await form.getByLabel('Participation (required)').selectOption('Online');
    await form.getByLabel('Family name (required)').fill('Reyes');
    const given = form.getByLabel('Given name (required)');
    await given.fill('Sofi');
    await given.press('ArrowLeft');
    const before = await runs();
    await hostCall((h) => h.appendByHand('Participants', [['P0003', 'D-CHE', '', 'Lea', 'Graf', 'Woman', 'Adviser', '', 'Online', '2026-05-11', '']]), null);
    await waitRereads(before, 1);
    // The new person is listed; the form still holds the typing, focus and caret where they were.
    await page.locator('#find-person').fill('graf');
    expect(await page.locator('#people li').allTextContents()).toEqual([expect.stringContaining('Lea Graf')]);
    expect(await form.getByLabel('Given name (required)').inputValue()).toBe('Sofi');
    expect(await form.getByLabel('Family name (required)').inputValue()).toBe('Reyes');
    expect(await form.getByLabel('Gender (required)').inputValue()).toBe('Woman');

    await given.focus();
    await given.press('End');
    await given.press('ArrowLeft');
    const again = await runs();
    await hostCall((h) => h.setCell('Participants', 'B4', 'D-CHE'), null);
    await waitRereads(again, 1);
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).name)).toBe('givenName');
    expect(await page.evaluate(() => [(document.activeElement as HTMLInputElement).selectionStart, (document.activeElement as HTMLInputElement).selectionEnd])).toEqual([3, 3]);
    await page.keyboard.type('a');
    expect(await form.getByLabel('Given name (required)').inputValue()).toBe('Sofai');
    await page.getByRole('button', { name: 'Add participant' }).click();
    await waitStatus('Added Sofai Reyes as P0004.');
    // The form was saved: it starts afresh, and a later redraw does not bring the old typing back.
    const after = await runs();
    await hostCall((h) => h.setCell('Participants', 'B4', 'D-CHE'), null);
    await waitRereads(after, 1);
    expect(await form.getByLabel('Given name (required)').inputValue()).toBe('');
  });

  it('keeps what is typed in one form through an action started elsewhere', async () => {
    await page.getByRole('tab', { name: 'Registrations' }).click();
    const form = page.locator('#participant-form');
    await form.getByLabel('Given name (required)').fill('Ines');
    await form.getByLabel('Role (required)').selectOption('Adviser');
    await page.getByRole('tab', { name: 'Agenda' }).click();
    await page.locator('#agenda-title').fill('Opening of the meeting');
    await page.getByRole('button', { name: 'Add item' }).click();
    await waitStatus('Added A1.');
    // The item's own form starts afresh; the participant form still holds what was typed.
    expect(await page.locator('#agenda-title').inputValue()).toBe('');
    await page.getByRole('tab', { name: 'Registrations' }).click();
    expect(await form.getByLabel('Given name (required)').inputValue()).toBe('Ines');
    expect(await form.getByLabel('Role (required)').inputValue()).toBe('Adviser');
    await form.getByLabel('Given name (required)').fill('');
    await form.getByLabel('Role (required)').selectOption('');
  });

  it('puts focus back on the control that started an action, or on the message when it is gone', async () => {
    await page.getByRole('tab', { name: 'Check' }).click();
    const check = page.getByRole('button', { name: 'Check the workbook again' });
    await check.focus();
    await page.keyboard.press('Enter');
    await waitStatus(/^0 errors, \d+ warnings?\.$/);
    expect(await focused()).toBe('check-run');

    await page.getByRole('tab', { name: 'Attendance' }).click();
    await page.locator('#attendance-find').fill('keller');
    await page.getByRole('button', { name: 'Check in Marc Keller' }).focus();
    await page.keyboard.press('Enter');
    await waitStatus('Marc Keller checked in (in person).');
    // The button is gone (Marc is checked in): focus is on the message that says so.
    expect(await focused()).toBe('status');
    expect(await page.locator('#status').evaluate((s) => s.textContent)).toBe('Marc Keller checked in (in person).');

    await page.getByRole('tab', { name: 'Meeting' }).click();
    await page.locator('#meeting-form').getByLabel('Venue').fill('CICG');
    await page.getByRole('button', { name: 'Save meeting fields' }).click();
    await waitStatus('Meeting fields saved.');
    expect(await focused()).toBe('save-meeting');
  });

  it('re-reads a change made during an action only after the action, with 300 ms per sync', async () => {
    // Latency as on the web: every sync of every batch waits 300 ms; each batch's start and end noted.
    await page.evaluate(() => {
      type Batch = (context: { workbook: unknown; sync(): Promise<void> }) => Promise<unknown>;
      const w = window as unknown as { Excel: { run(b: Batch): Promise<unknown> }; __fastRun?: unknown; __batches: { start: number; end: number }[] };
      const run = w.Excel.run;
      w.__fastRun = run;
      w.__batches = [];
      w.Excel.run = (batch) => {
        const noted = { start: performance.now(), end: Infinity };
        w.__batches.push(noted);
        return run((context) => batch({ workbook: context.workbook, sync: () => new Promise((r) => setTimeout(r, 300)).then(() => context.sync()) }))
          .finally(() => { noted.end = performance.now(); });
      };
    });
    try {
      await page.getByRole('tab', { name: 'Attendance' }).click();
      await page.locator('#attendance-find').fill('graf');
      // When the pane reports the check-in done, noted in the page (the test's own clock may lag).
      await page.evaluate(() => {
        const status = document.getElementById('status')!;
        new MutationObserver((_, observer) => {
          if (status.textContent !== 'Lea Graf checked in (in person).') return;
          (window as unknown as { __reported: number }).__reported = performance.now();
          observer.disconnect();
        }).observe(status, { childList: true, characterData: true, subtree: true });
      });
      await page.getByRole('button', { name: 'Check in Lea Graf' }).click();
      // A colleague edits Lea's title while the check-in is under way.
      await hostCall((h) => h.setCell('Participants', 'C4', 'Dr'), null);
      await waitStatus('Lea Graf checked in (in person).');
      const actionEnded = await page.evaluate(() => (window as unknown as { __reported: number }).__reported);
      const batches = () => page.evaluate(() => (window as unknown as { __batches: { start: number; end: number }[] }).__batches);
      // The re-read for the colleague's edit comes after the check-in has finished...
      await expect.poll(async () => (await batches()).filter((b) => b.start >= actionEnded && b.end < Infinity).length, { timeout: 10_000 }).toBe(1);
      await expect.poll(() => page.evaluate(() => document.body.dataset.live), { timeout: 10_000 }).toBe('idle');
      // ...and no two batches (the check-in's and the re-read's) ever ran at once.
      const all = await batches();
      expect(all.length).toBeGreaterThanOrEqual(2);
      for (let i = 1; i < all.length; i++) expect(all[i]!.start).toBeGreaterThanOrEqual(all[i - 1]!.end);
    } finally {
      await page.evaluate(() => { const w = window as unknown as { Excel: { run: unknown }; __fastRun: unknown }; w.Excel.run = w.__fastRun; });
    }
  });

  it('moves between tabs with the arrow keys, Home and End, one tab in the Tab order', async () => {
    const tab = (name: string) => page.getByRole('tab', { name });
    await tab('Meeting').click();
    await tab('Meeting').focus();
    const at = () => page.evaluate(() => ({
      focus: document.activeElement?.id,
      selected: [...document.querySelectorAll('[role=tab][aria-selected=true]')].map((t) => t.id),
      tabbable: [...document.querySelectorAll<HTMLElement>('[role=tab]')].filter((t) => t.tabIndex === 0).map((t) => t.id),
      shown: [...document.querySelectorAll<HTMLElement>('[role=tabpanel]')].filter((p) => !p.hidden).map((p) => `${p.id} by ${p.getAttribute('aria-labelledby')}`),
    }));
    await page.keyboard.press('End');
    expect(await at()).toEqual({ focus: 'tab-figures', selected: ['tab-figures'], tabbable: ['tab-figures'], shown: ['section-figures by tab-figures'] });
    await page.keyboard.press('Home');
    expect(await at()).toEqual({ focus: 'tab-meeting', selected: ['tab-meeting'], tabbable: ['tab-meeting'], shown: ['section-meeting by tab-meeting'] });
    await page.keyboard.press('ArrowLeft');
    expect((await at()).focus).toBe('tab-figures');
    await page.keyboard.press('ArrowRight');
    expect((await at()).focus).toBe('tab-meeting');
    await page.keyboard.press('ArrowRight');
    expect(await at()).toEqual({ focus: 'tab-registrations', selected: ['tab-registrations'], tabbable: ['tab-registrations'], shown: ['section-registrations by tab-registrations'] });
    // Home and End move between tabs, not the page: nothing scrolled.
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
  });

  it('shows the selected tab in forced colours by a Highlight underline the other tabs lack', async () => {
    await page.getByRole('tab', { name: 'Attendance' }).click();
    await page.setViewportSize({ width: 320, height: 900 });
    await page.screenshot({ path: join(OUT, 'tabs-320.png'), fullPage: true });
    await page.emulateMedia({ forcedColors: 'active' });
    try {
      const look = await page.evaluate(() => {
        const probe = document.createElement('span');
        document.body.append(probe);
        const system = (c: string) => { probe.style.color = c; return getComputedStyle(probe).color; };
        const colours = { highlight: system('Highlight'), canvas: system('Canvas') };
        probe.remove();
        const style = (t: Element) => { const s = getComputedStyle(t); return { border: `${s.borderBottomStyle} ${s.borderBottomWidth} ${s.borderBottomColor}`, text: s.color }; };
        return {
          colours,
          forced: matchMedia('(forced-colors: active)').matches,
          selected: style(document.querySelector('[role=tab][aria-selected=true]')!),
          others: [...new Set([...document.querySelectorAll('[role=tab][aria-selected=false]')].map((t) => JSON.stringify(style(t))))],
        };
      });
      expect(look.forced).toBe(true);
      expect(look.colours.highlight).not.toBe(look.colours.canvas);
      expect(look.selected).toEqual({ border: `solid 3px ${look.colours.highlight}`, text: look.colours.highlight });
      expect(look.others.map((o) => JSON.parse(o) as { border: string }).map((o) => o.border)).toEqual([`solid 3px ${look.colours.canvas}`]);
      await page.screenshot({ path: join(OUT, 'tabs-320-forced-colors.png'), fullPage: true });
      // Each section in forced colours, to look at.
      for (const name of ['Meeting', 'Registrations', 'Check', 'Figures']) {
        await page.getByRole('tab', { name }).click();
        await page.screenshot({ path: join(OUT, `${name.toLowerCase()}-320-forced-colors.png`), fullPage: true });
      }
    } finally {
      await page.emulateMedia({ forcedColors: 'none' });
      await page.setViewportSize({ width: 500, height: 900 });
    }
  });

  it('raised no page error', () => {
    expect(pageErrors).toEqual([]);
  });
});

describe.runIf(!hasChromium)('task pane around the user', () => {
  it.skipIf(!process.env.CI)(`needs Chromium at ${CHROMIUM} under CI (.ci/run installs it)`, () => {
    expect.fail(`no Chromium at ${CHROMIUM}: apt-get install chromium`);
  });
  it.runIf(!process.env.CI)(`is skipped: no Chromium at ${CHROMIUM} (apt-get install chromium; CI installs it)`, () => {
    expect(hasChromium).toBe(false);
  });
});
