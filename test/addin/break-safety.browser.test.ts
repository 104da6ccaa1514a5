// Attacks on the pane's data safety, as a new user and a hostile co-author would make them, against
// the strict fake host in headless Chromium. Each scenario has its own page and workbook and ends
// by asserting the tables cell by cell: nothing lost, nothing overwritten, no ID twice, and a
// sentence when a write is refused. Serial numbers are Excel's: 2026-05-10 is 46152.
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editPerson, fillPerson, hasChromium, hostCall, openPane, smallMeeting, startPaneServer, waitStatus } from './browser.js';
import { CHROMIUM } from './pane-server.js';

const ANNA = ['P0001', 'D-CHE', 'Ms', 'Anna', 'Zeller', 'Woman', 'Head of delegation', '', 'In person', 46152, ''];
const BRUNO = ['P0002', 'D-FRA', 'Mr', 'Bruno', 'Adam', 'Man', 'Delegate', '', 'In person', 46153, ''];
const HEADERS = ['Participant ID', 'Delegation ID', 'Title', 'Given name', 'Family name', 'Gender', 'Role', 'Email', 'Participation', 'Registered on', 'Status'];


const rows = (f: Page | Frame, table: string) => hostCall(f, (h, t) => h.tableRows(t), table);

/** Adds a new delegation, Ghana (State Party, GHA), with the given people (one per line), by "Add a whole delegation". */
async function addGhana(page: Page, people: string) {
  await page.getByRole('tab', { name: 'Registrations' }).click();
  await page.getByText('Add a whole delegation').click();
  await page.locator('#batch-delegation').selectOption({ label: 'A new delegation…' });
  const fresh = page.locator('#batch-new');
  await fresh.getByLabel('Name (required)').fill('Ghana');
  await fresh.getByLabel('Category (required)').selectOption('State Party');
  await fresh.getByLabel('Country code').fill('GHA');
  await page.locator('#batch-people').fill(people);
  await page.getByRole('button', { name: 'Add these people' }).click();
}

describe.skipIf(!hasChromium)('attacks on the pane: nothing lost, nothing overwritten', () => {
  let browser: Browser;
  let url: string;
  let close: () => Promise<void>;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    ({ browser, url, close } = await startPaneServer());
  }, 120_000);
  afterAll(async () => {
    await close?.();
    expect(pageErrors).toEqual([]);
  });

  it("keeps a name's leading apostrophe ('t Hooft): Excel takes a first apostrophe as its text prefix", async () => {
    const page = await openPane(browser, url, smallMeeting, pageErrors);
    await fillPerson(page, { delegation: 'D-CHE', given: 'Gerard', family: "'t Hooft", gender: 'Man', role: 'Delegate' });
    await page.getByRole('button', { name: 'Add participant' }).click();
    await waitStatus(page, "Added Gerard 't Hooft as P0003.");
    expect(await rows(page, 'Participants')).toEqual([HEADERS, ANNA, BRUNO, ['P0003', 'D-CHE', '', 'Gerard', "'t Hooft", 'Man', 'Delegate', '', 'In person', 46154, '']]);
    // Edited afterwards: the name is found as shown and still kept.
    await editPerson(page, "Gerard 't Hooft");
    await page.locator('#participant-form').getByLabel('Title').fill('Prof');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await waitStatus(page, 'Saved P0003.');
    expect((await rows(page, 'Participants'))![3]).toEqual(['P0003', 'D-CHE', 'Prof', 'Gerard', "'t Hooft", 'Man', 'Delegate', '', 'In person', 46154, 'Registered']);
    await page.close();
  });

  it("does not write over a co-author's edit of the same cell made between the pane's read and its write", async () => {
    const page = await openPane(browser, url, smallMeeting, pageErrors);
    await editPerson(page, 'Bruno Adam');
    await page.locator('#participant-form').getByLabel('Role (required)').selectOption('Adviser');
    // The co-author's edit lands after the pane's first sync (the row checked) and before its second (the write).
    await hostCall(page, (h) => h.beforeNextSync(() => h.beforeNextSync(() => h.setCell('Participants', 'G3', 'Head of delegation'))), null);
    await page.getByRole('button', { name: 'Save changes' }).click();
    await waitStatus(page, /^Someone changed P0002 on the Participants sheet .*nothing was saved/);
    expect(await rows(page, 'Participants')).toEqual([HEADERS, ANNA, [...BRUNO.slice(0, 6), 'Head of delegation', ...BRUNO.slice(7)]]);
    await page.close();
  });

  it("does not write over a co-author's edit of a Meeting field made between the pane's read and its write", async () => {
    const page = await openPane(browser, url, smallMeeting, pageErrors);
    await page.getByRole('tab', { name: 'Meeting' }).click();
    await page.locator('#meeting-form').getByLabel('Title (required)').fill('Preparatory meeting');
    await hostCall(page, (h) => h.beforeNextSync(() => h.beforeNextSync(() => h.setCell('Meeting', 'B3', 'Title from the co-author'))), null);
    await page.getByRole('button', { name: 'Save meeting fields' }).click();
    await waitStatus(page, /^Someone changed Title on the Meeting sheet .*nothing was saved/);
    expect(await rows(page, 'MeetingFields')).toEqual([['Field', 'Value'], ['Code', 'CSP12-PREP'], ['Title', 'Title from the co-author'], ['Start date', 46169], ['End date', 46170]]);
    await page.close();
  });

  it('adds one person for a double click on Add participant under latency, not two', async () => {
    const page = await openPane(browser, url, smallMeeting, pageErrors);
    await fillPerson(page, { delegation: 'D-CHE', given: 'Carla', family: 'Weber', gender: 'Woman', role: 'Delegate' });
    await hostCall(page, (h) => { h.latency = 300; }, null);
    await page.getByRole('button', { name: 'Add participant' }).dblclick();
    await waitStatus(page, /Added Carla Weber as P0003\./);
    // Let a queued second action, if any, run out.
    await page.waitForTimeout(2500);
    expect(await rows(page, 'Participants')).toEqual([HEADERS, ANNA, BRUNO, ['P0003', 'D-CHE', '', 'Carla', 'Weber', 'Woman', 'Delegate', '', 'In person', 46154, '']]);
    await page.close();
  });

  it('leaves no delegation row behind when its members cannot be written (Participants sheet protected)', async () => {
    const page = await openPane(browser, url, smallMeeting, pageErrors);
    await hostCall(page, (h) => h.protectSheet('Participants'), null);
    await addGhana(page, 'Ama; Mensah; Woman; Head of delegation');
    await waitStatus(page, /^Excel refused the change: the sheet may be protected/);
    expect(await rows(page, 'Delegations')).toEqual([['Delegation ID', 'Name', 'Category', 'Country code'], ['D-CHE', 'Switzerland', 'State Party', 'CHE'], ['D-FRA', 'France', 'State Party', 'FRA']]);
    expect(await rows(page, 'Participants')).toEqual([HEADERS, ANNA, BRUNO]);
    expect(await hostCall(page, (h) => h.sheetValues('Delegations').length, null)).toBe(3);
    await page.close();
  });

  it('sets up a half-set-up workbook while a co-author adds a row, data untouched', async () => {
    const page = await openPane(browser, url, smallMeeting, pageErrors);
    const carla = ['P0003', 'D-CHE', '', 'Carla', 'Weber', 'Woman', 'Delegate', '', 'Online', 46150, ''];
    await page.getByRole('tab', { name: 'Meeting' }).click();
    // Between setup's second sync (table sizes read) and its third (the writes), a row is typed.
    await hostCall(page, (h, c) => h.beforeNextSync(() => h.beforeNextSync(() => h.beforeNextSync(() => h.appendByHand('Participants', [c])))), carla);
    await page.getByRole('button', { name: 'Set up workbook' }).click();
    await waitStatus(page, /Every contract sheet was already there|Set up/);
    expect(await rows(page, 'Participants')).toEqual([HEADERS, ANNA, BRUNO, carla]);
    await page.close();
  });

  it('moves and marks agenda items whose Item IDs are whole numbers typed in the grid (Excel holds them as numbers)', async () => {
    const page = await openPane(browser, url, [smallMeeting, (h) => h.appendByHand('Agenda', [[1, 'S1', 1, 'Opening', '', '', 'Planned'], [2, 'S1', 2, 'Adoption of the agenda', '', '', 'Planned']])], pageErrors);
    await page.getByRole('tab', { name: 'Agenda' }).click();
    await page.getByRole('button', { name: 'Move 2 up' }).click();
    await waitStatus(page, /^$|Moved|Ready/);
    await expect.poll(() => rows(page, 'Agenda')).toEqual([
      ['Item ID', 'Session ID', 'Order', 'Title', 'Body', 'Document', 'Status'],
      [1, 'S1', 2, 'Opening', '', '', 'Planned'],
      [2, 'S1', 1, 'Adoption of the agenda', '', '', 'Planned'],
    ]);
    await page.getByRole('combobox', { name: 'Status of 1' }).selectOption('Addressed');
    await waitStatus(page, '1 marked Addressed.');
    expect((await rows(page, 'Agenda'))![1]).toEqual([1, 'S1', 2, 'Opening', '', '', 'Addressed']);
    await page.close();
  });

  it('keeps text that Excel would read as a number as the text typed (Item ID 1.10, title 2.5), so the ID stays usable', async () => {
    const page = await openPane(browser, url, smallMeeting, pageErrors);
    await page.getByRole('tab', { name: 'Agenda' }).click();
    const form = page.locator('#agenda-form');
    await form.getByLabel('Item ID (required)').fill('1.10');
    await form.getByLabel('Title (required)').fill('2.5');
    await page.getByRole('button', { name: 'Add item' }).click();
    await waitStatus(page, 'Added 1.10.');
    expect(await rows(page, 'Agenda')).toEqual([['Item ID', 'Session ID', 'Order', 'Title', 'Body', 'Document', 'Status'], ['1.10', 'S1', 1, '2.5', '', '', 'Planned']]);
    await page.getByRole('combobox', { name: 'Status of 1.10' }).selectOption('Deferred');
    await waitStatus(page, '1.10 marked Deferred.');
    expect((await rows(page, 'Agenda'))![1]).toEqual(['1.10', 'S1', 1, '2.5', '', '', 'Deferred']);
    await page.close();
  });

  it("checks a delegation in once when another desk checks one of its people in between the pane's read and its write", async () => {
    const page = await openPane(browser, url, [smallMeeting, (h) => h.appendByHand('Attendance', [['P0002', 'S1', 'In person', 46169.3]])], pageErrors);
    await page.getByRole('tab', { name: 'Attendance' }).click();
    await page.locator('#attendance-delegation').selectOption('D-CHE');
    // The pane's opening is over (the read, three syncs, and its onChanged registration, one).
    await expect.poll(() => hostCall(page, (h) => h.syncs, null)).toBe(4);
    // The other desk's check-in lands between the pane's read (sync 1) and its write (sync 2).
    await hostCall(page, (h) => h.beforeNextSync(() => h.beforeNextSync(() => h.appendByHand('Attendance', [['P0001', 'S1', 'Online', 46169.4]]))), null);
    await page.getByRole('button', { name: 'Check in the delegation' }).click();
    await expect.poll(async () => (await rows(page, 'Attendance'))!.length).toBeGreaterThan(2);
    await page.waitForTimeout(1000);
    expect(await rows(page, 'Attendance')).toEqual([['Participant ID', 'Session ID', 'Mode', 'Checked in at'], ['P0002', 'S1', 'In person', 46169.3], ['P0001', 'S1', 'Online', 46169.4]]);
    await page.close();
  });

  it('writes @, =, +, - and number-like text typed in the forms as text, never as a formula or a number', async () => {
    const page = await openPane(browser, url, smallMeeting, pageErrors);
    await fillPerson(page, { delegation: 'D-CHE', given: '@SUM(1,2)', family: '50%', gender: 'Woman', role: 'Delegate' });
    await page.getByRole('button', { name: 'Add participant' }).click();
    await waitStatus(page, 'Added @SUM(1,2) 50% as P0003.');
    await page.getByRole('tab', { name: 'Meeting' }).click();
    await page.locator('#meeting-form').getByLabel('Title (required)').fill('=1+1');
    await page.getByRole('button', { name: 'Save meeting fields' }).click();
    await waitStatus(page, /saved/);
    await editPerson(page, '@SUM(1,2) 50%');
    await page.locator('#participant-form').getByLabel('Title').fill('-Dr');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await waitStatus(page, 'Saved P0003.');
    expect((await rows(page, 'Participants'))![3]).toEqual(['P0003', 'D-CHE', '-Dr', '@SUM(1,2)', '50%', 'Woman', 'Delegate', '', 'In person', 46154, 'Registered']);
    expect((await rows(page, 'MeetingFields'))![2]).toEqual(['Title', '=1+1']);
    expect(await hostCall(page, (h) => [...h.formulaCells('Participants'), ...h.formulaCells('Meeting')], null)).toEqual([]);
    await page.close();
  });

  it('records one intervention for a double click on Record intervention under latency', async () => {
    const page = await openPane(browser, url, [smallMeeting, (h) => h.appendByHand('Attendance', [['P0001', 'S1', 'In person', 46169.4]])], pageErrors);
    await page.getByRole('tab', { name: 'Attendance' }).click();
    await page.locator('#speaker-person').selectOption('P0001');
    await page.locator('#speaker-minutes').fill('3');
    await hostCall(page, (h) => { h.latency = 300; }, null);
    await page.getByRole('button', { name: 'Record intervention' }).dblclick();
    await waitStatus(page, 'Intervention recorded.');
    await page.waitForTimeout(2500);
    expect(await rows(page, 'Speakers')).toEqual([['Session ID', 'Item ID', 'Participant ID', 'Minutes'], ['S1', '', 'P0001', 3]]);
    await page.close();
  });

  it('adds one agenda item for a double click on Add item, and says it was added (not that its ID is taken)', async () => {
    const page = await openPane(browser, url, smallMeeting, pageErrors);
    await page.getByRole('tab', { name: 'Agenda' }).click();
    await page.locator('#agenda-form').getByLabel('Title (required)').fill('Opening');
    await hostCall(page, (h) => { h.latency = 300; }, null);
    await page.getByRole('button', { name: 'Add item' }).dblclick();
    await waitStatus(page, 'Added A1.');
    await page.waitForTimeout(2500);
    expect(await page.getByRole('status').textContent()).toBe('Added A1.');
    expect(await rows(page, 'Agenda')).toEqual([['Item ID', 'Session ID', 'Order', 'Title', 'Body', 'Document', 'Status'], ['A1', 'S1', 1, 'Opening', '', '', 'Planned']]);
    await page.close();
  });

  it("says what to do, and writes nothing, when the table is renamed between the pane's read and its write", async () => {
    const page = await openPane(browser, url, smallMeeting, pageErrors);
    await fillPerson(page, { delegation: 'D-CHE', given: 'Carla', family: 'Weber', gender: 'Woman', role: 'Delegate' });
    await expect.poll(() => hostCall(page, (h) => h.syncs, null)).toBe(4);
    await hostCall(page, (h) => h.beforeNextSync(() => h.beforeNextSync(() => h.renameTable('Participants', 'People'))), null);
    await page.getByRole('button', { name: 'Add participant' }).click();
    await waitStatus(page, 'A sheet or table the add-in needs was not found: it may have been renamed or deleted. Give it its name back or run Set up workbook on the Meeting tab, then try again.');
    expect(await rows(page, 'People')).toEqual([HEADERS, ANNA, BRUNO]);
    expect(await hostCall(page, (h) => h.sheetValues('Participants').length, null)).toBe(3);
    await page.close();
  });

  it('adds a new delegation and its members to tables that do not grow (ExcelApi 1.8, lists below both): nothing added, nothing left behind', async () => {
    const page = await openPane(browser, url, [smallMeeting, (h) => {
      h.apiLevel = '1.8';
      h.addValidation('Participants', 'F2:F10001');
      h.addValidation('Delegations', 'C2:C10001');
    }], pageErrors);
    await addGhana(page, 'Ama; Mensah; Woman; Head of delegation\nKofi; Boateng; Man; Delegate');
    await waitStatus(page, /^Excel did not extend the Delegations, Participants table to take the new rows/);
    expect(await rows(page, 'Delegations')).toEqual([['Delegation ID', 'Name', 'Category', 'Country code'], ['D-CHE', 'Switzerland', 'State Party', 'CHE'], ['D-FRA', 'France', 'State Party', 'FRA']]);
    expect(await rows(page, 'Participants')).toEqual([HEADERS, ANNA, BRUNO]);
    expect(await hostCall(page, (h) => [h.sheetValues('Delegations').length, h.sheetValues('Participants').length], null)).toEqual([3, 3]);
    await page.close();
  });

  it("puts nothing back over another person's cell when rows move again while a refused edit is undone", async () => {
    const page = await openPane(browser, url, smallMeeting, pageErrors);
    const carla = ['P0003', 'D-CHE', '', 'Carla', 'Weber', 'Woman', 'Delegate', '', 'Online', 46150, ''];
    await editPerson(page, 'Bruno Adam');
    await page.locator('#participant-form').getByLabel('Role (required)').selectOption('Adviser');
    // A row inserted before the pane's write (so it lands on Anna's row and is refused), then
    // deleted again before the pane puts Anna's value back.
    await hostCall(page, (h, c) => h.beforeNextSync(() => h.beforeNextSync(() => { h.insertRow('Participants', 0, c); h.beforeNextSync(() => h.deleteRow('Participants', 0)); })), carla);
    await page.getByRole('button', { name: 'Save changes' }).click();
    await waitStatus(page, /nothing was saved/);
    expect(await rows(page, 'Participants')).toEqual([HEADERS, ANNA, BRUNO]);
    await page.close();
  });
});

describe.runIf(!hasChromium)('attacks on the pane', () => {
  it.skipIf(!process.env.CI)(`needs Chromium at ${CHROMIUM} under CI`, () => {
    expect.fail(`no Chromium at ${CHROMIUM}: apt-get install chromium`);
  });
});
