// What the browser tests share: one built pane served over HTTP, Chromium, and a fresh page (or a
// page of two desks sharing one workbook) per test, each with its own workbook from the strict fake
// host (fake-office.js), optionally seeded before the pane first reads it.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { type Browser, chromium, type Frame, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { CHROMIUM, CHROMIUM_ARGS, hasChromium } from '../support/chromium.js';
import { buildPane, ROOT, serveDist } from './pane-server.js';

export { hasChromium };
export const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const FAKE = readFileSync(join(ROOT, 'test/addin/fake-office.js'), 'utf8');

/** The fake host's test helpers (see fake-office.js). */
export interface FakeHost {
  syncs: number;
  runs: number;
  /** Each Excel.run batch's start and end (performance.now()); end is null while it runs. */
  batches: { start: number; end: number | null }[];
  listenerCount(): number;
  latency: number;
  /** True: no tables.onChanged events reach the pane (for tests that count one action's syncs). */
  silenceEvents: boolean;
  apiLevel: string;
  selected: string | null;
  active: string | null;
  appendByHand(table: string, rows: unknown[][]): void;
  setCell(sheet: string, a1: string, value: unknown): void;
  tableRows(table: string): unknown[][] | null;
  tableFormulas(table: string): unknown[][];
  sheetValues(sheet: string): unknown[][];
  formulaCells(sheet: string): string[];
  tableGeometry(table: string): { address: string; rows: number };
  validations(sheet: string): string[];
  addValidation(sheet: string, a1: string): void;
  summary(): { name: string; charts: number; validations: number }[];
  chartFills(sheet: string): string[];
  beforeNextSync(fn: () => void): void;
  sortTable(table: string, header: string): void;
  insertRow(table: string, index: number, values: unknown[]): void;
  deleteRow(table: string, index: number): void;
  renameTable(from: string, to: string): void;
  protectSheet(name: string): void;
  setEditMode(on: boolean): void;
  setReadOnly(on: boolean): void;
  makeTable(sheet: string, table: string, headers: string[], rows: unknown[][]): void;
}
declare global {
  interface Window {
    __host: FakeHost;
  }
}

export const LAUNCH = { executablePath: CHROMIUM, args: CHROMIUM_ARGS };

/**
 * Builds the pane once per test file, into a folder of its own (test files run side by side, and
 * two builds emptying one addin/dist would serve each other half a pane), and serves it; `close`
 * stops the server and the browser and removes the folder.
 */
export async function startPaneServer(): Promise<{ browser: Browser; url: string; close(): Promise<void> }> {
  const dist = mkdtempSync(join(tmpdir(), 'att-pane-'));
  await buildPane(dist);
  const served = await serveDist(dist);
  const browser = await chromium.launch(LAUNCH);
  return {
    browser,
    url: served.url,
    async close() {
      await browser.close();
      await new Promise((r) => (served.server as Server).close(r));
      rmSync(dist, { recursive: true, force: true });
    },
  };
}

/** Runs `fn(host, arg)` in a frame's page, against its fake host. */
export function hostCall<A, T>(frame: Page | Frame, fn: (h: FakeHost, a: A) => T, arg: A): Promise<T> {
  return frame.evaluate(([src, a]) => new Function('h', 'a', `return (${src})(h, a)`)(window.__host, a), [fn.toString(), arg] as const) as Promise<T>;
}

/** Waits until a frame's status line matches. */
export async function waitStatus(frame: Page | Frame, text: string | RegExp, timeout = 15_000): Promise<void> {
  await expect.poll(async () => (await frame.getByRole('status').textContent()) ?? '', { timeout }).toMatch(text);
}

/**
 * Opens the pane in a new page over a new workbook. `seed(host)` runs in the page before the
 * pane first reads the workbook (a workbook made by hand, or by an earlier version).
 */
export type Seed = ((h: FakeHost) => void) | readonly ((h: FakeHost) => void)[];

/** The fake host's script followed by the seed functions (each sent as its own source text: no closures). */
function fakeWith(seed?: Seed): string {
  const list = seed === undefined ? [] : typeof seed === 'function' ? [seed] : seed;
  return [FAKE, ...list.map((f) => `;(${f.toString()})(window.__host);`)].join('\n');
}

export async function openPane(browser: Browser, url: string, seed?: Seed, errors: string[] = [], requests: string[] = []): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 500, height: 900 } });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('request', (r) => requests.push(r.url()));
  const body = fakeWith(seed);
  await page.route(OFFICE_JS, (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body }));
  await page.goto(`${url}/taskpane.html`);
  await page.getByRole('status').filter({ hasText: 'Ready.' }).waitFor();
  return page;
}

/**
 * Opens two desks, two panes in two frames of one page sharing one workbook (fake-office.js takes
 * the parent's `__sharedBook`). `seed` runs in the first desk before either pane reads.
 */
export async function openDesks(browser: Browser, url: string, seed?: Seed): Promise<{ page: Page; a: Frame; b: Frame }> {
  const page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
  let served = 0;
  await page.route(OFFICE_JS, (route) => {
    // The first desk to load seeds the shared workbook.
    const body = served++ === 0 ? fakeWith(seed) : FAKE;
    return route.fulfill({ status: 200, contentType: 'text/javascript', body });
  });
  await page.route(`${url}/desks.html`, (route) => route.fulfill({
    status: 200,
    contentType: 'text/html',
    body: '<!doctype html><meta charset="utf-8"><title>Two desks</title><script>window.__sharedBook = null;</script>'
      + '<iframe name="a" src="/taskpane.html" style="width:480px;height:880px"></iframe><iframe name="b" src="/taskpane.html" style="width:480px;height:880px"></iframe>',
  }));
  await page.goto(`${url}/desks.html`);
  const frame = async (name: string) => {
    await expect.poll(() => page.frame({ name }) !== null).toBe(true);
    const f = page.frame({ name })!;
    await f.getByRole('status').filter({ hasText: 'Ready.' }).waitFor();
    return f;
  };
  const a = await frame('a');
  const b = await frame('b');
  return { page, a, b };
}

export const PARTICIPANT_HEADERS = ['Participant ID', 'Delegation ID', 'Title', 'Given name', 'Family name', 'Gender', 'Role', 'Email', 'Participation', 'Registered on', 'Status'];

/**
 * A small meeting made by hand (no drop-down lists): its fields, two sessions, two delegations,
 * two participants and no attendance. Runs inside the page (no closure over test variables).
 */
export function smallMeeting(h: FakeHost): void {
  h.makeTable('Meeting', 'MeetingFields', ['Field', 'Value'], [['Code', 'CSP12-PREP'], ['Title', 'CSP12 Informal Preparatory Meeting'], ['Start date', '2026-05-27'], ['End date', '2026-05-28']]);
  h.makeTable('Sessions', 'Sessions', ['Session ID', 'Date', 'Start', 'End', 'Title', 'Kind', 'Room'], [['S1', '2026-05-27', '10:00', '13:00', 'Opening plenary', 'Plenary', ''], ['S2', '2026-05-27', '15:00', '18:00', 'Working groups', 'Plenary', '']]);
  h.makeTable('Agenda', 'Agenda', ['Item ID', 'Session ID', 'Order', 'Title', 'Body', 'Document', 'Status'], []);
  h.makeTable('Delegations', 'Delegations', ['Delegation ID', 'Name', 'Category', 'Country code'], [['D-CHE', 'Switzerland', 'State Party', 'CHE'], ['D-FRA', 'France', 'State Party', 'FRA']]);
  h.makeTable('Participants', 'Participants', ['Participant ID', 'Delegation ID', 'Title', 'Given name', 'Family name', 'Gender', 'Role', 'Email', 'Participation', 'Registered on', 'Status'], [
    ['P0001', 'D-CHE', 'Ms', 'Anna', 'Zeller', 'Woman', 'Head of delegation', '', 'In person', '2026-05-10', ''],
    ['P0002', 'D-FRA', 'Mr', 'Bruno', 'Adam', 'Man', 'Delegate', '', 'In person', '2026-05-11', ''],
  ]);
  h.makeTable('Attendance', 'Attendance', ['Participant ID', 'Session ID', 'Mode', 'Checked in at'], []);
  h.makeTable('Speakers', 'Speakers', ['Session ID', 'Item ID', 'Participant ID', 'Minutes'], []);
  h.makeTable('Submissions', 'Submissions', ['Submission ID', 'Delegation ID', 'Type', 'Title', 'Received on'], []);
}

/**
 * Waits until the pane is settled: its table-change listener registered, no re-read pending or
 * under way (`data-live` idle) and no Excel batch started for a whole second. Returns the host's
 * run count then, the baseline for counting re-reads.
 */
export async function settle(page: Page): Promise<number> {
  await expect.poll(() => hostCall(page, (h) => h.listenerCount(), null), { timeout: 10_000 }).toBe(1);
  const deadline = Date.now() + 30_000;
  for (;;) {
    const before = await page.evaluate(() => ({ live: document.body.dataset.live, runs: window.__host.runs, open: window.__host.batches.filter((b) => b.end === null).length }));
    await page.waitForTimeout(1000);
    const after = await page.evaluate(() => ({ live: document.body.dataset.live, runs: window.__host.runs, open: window.__host.batches.filter((b) => b.end === null).length }));
    if (before.live === 'idle' && after.live === 'idle' && before.runs === after.runs && after.open === 0) return after.runs;
    if (Date.now() > deadline) throw new Error(`the pane did not settle: ${JSON.stringify(after)}`);
  }
}

/** A participant as the tests type one into the form. */
export interface Person { delegation: string; given: string; family: string; gender: string; role: string }

/** Fills the participant form (frames of one page share its keyboard: fill one desk at a time). */
export async function fillPerson(f: Page | Frame, p: Person) {
  await f.getByRole('tab', { name: 'Registrations' }).click();
  const form = f.locator('#participant-form');
  await form.getByLabel('Delegation ID (required)').selectOption(p.delegation);
  await form.getByLabel('Given name (required)').fill(p.given);
  await form.getByLabel('Family name (required)').fill(p.family);
  await form.getByLabel('Gender (required)').selectOption(p.gender);
  await form.getByLabel('Role (required)').selectOption(p.role);
  await form.getByLabel('Participation (required)').selectOption('In person');
  await form.getByLabel('Registered on').fill('2026-05-12');
}

/** Opens a participant in the form by name. */
export async function editPerson(f: Page | Frame, name: string) {
  await f.getByRole('tab', { name: 'Registrations' }).click();
  await f.locator('#find-person').fill(name);
  await f.getByRole('button', { name: `Edit ${name}` }).click();
}
