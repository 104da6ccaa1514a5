// The built task pane in real headless Chromium against the strict fake Excel host: one meeting
// from an empty workbook to the Report sheet (set up, register by form, delegation and CSV import,
// agenda, check-in, check, figures, sessions, submissions), with a screenshot of each section at 320
// and 500 px in test/output/addin/. The steps build on each other, so they are one test with its own
// page and workbook; the data-safety scenarios are in safety.browser.test.ts, each on its own page.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeHost, hasChromium, OFFICE_JS, openPane, startPaneServer } from './browser.js';
import { CHROMIUM, ROOT } from './pane-server.js';

const OUT = join(ROOT, 'test/output/addin');

describe.skipIf(!hasChromium)('task pane in Chromium against the fake Excel host', () => {
  let browser: Browser;
  let url: string;
  let close: () => Promise<void>;
  let page: Page;
  const pageErrors: string[] = [];
  const requests: string[] = [];
  const steps: [string, () => Promise<void> | void][] = [];
  const step = (name: string, fn: () => Promise<void> | void) => { steps.push([name, fn]); };

  beforeAll(async () => {
    ({ browser, url, close } = await startPaneServer());
    mkdirSync(OUT, { recursive: true });
  }, 120_000);

  afterAll(async () => {
    await close?.();
  });

  const host = <T>(fn: (h: FakeHost) => T) => page.evaluate(fn as (h: unknown) => T, undefined as never);
  const hostCall = <A, T>(fn: (h: FakeHost, a: A) => T, arg: A) => page.evaluate(([src, a]) => new Function('h', 'a', `return (${src})(h, a)`)(window.__host, a), [fn.toString(), arg] as const) as Promise<T>;
  const status = () => page.getByRole('status');
  const tab = (name: string) => page.getByRole('tab', { name });
  /**
   * Waits until the re-read that follows the last action (about half a second after it, when its
   * table events arrive) is over, so a count of syncs or runs measures the next action alone: under
   * load that re-read could land in the next action's window and add its three syncs.
   */
  async function settled() {
    await page.waitForTimeout(800);
    await expect.poll(() => page.evaluate(() => document.body.dataset.live ?? 'idle'), { timeout: 10_000 }).toBe('idle');
  }

  async function waitStatus(text: string | RegExp) {
    await expect.poll(async () => (await status().textContent()) ?? '', { timeout: 10_000 }).toMatch(text);
  }

  /** Opens a collapsible block the way a user would, unless it is open already (blocks stay open across actions). */
  async function openDetails(id: string) {
    if (!(await page.locator(`#${id}`).evaluate((d) => (d as HTMLDetailsElement).open))) await page.locator(`#${id} > summary`).click();
  }

  async function shoot(section: string) {
    for (const width of [320, 500]) {
      await page.setViewportSize({ width, height: 900 });
      // Usable at this width: nothing sticks out sideways (charts resize on the next frames).
      await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      // A viewport as tall as the pane, so the sticky status line sits where a user would see it.
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      await page.setViewportSize({ width, height: Math.max(600, height) });
      await page.screenshot({ path: join(OUT, `${section}-${width}.png`) });
    }
    await page.setViewportSize({ width: 500, height: 900 });
  }

  step('sets up an empty workbook: every contract sheet as a table, with lists and formats', async () => {
    await tab('Meeting').click();
    await page.getByRole('button', { name: 'Set up workbook' }).click();
    await waitStatus(/Created Meeting, Sessions, Agenda, Delegations, Participants, Attendance, Speakers, Submissions/);
    const sheets = await hostCall((h) => h.summary(), null);
    expect(sheets.map((s) => s.name)).toEqual(['Meeting', 'Sessions', 'Agenda', 'Delegations', 'Participants', 'Attendance', 'Speakers', 'Submissions']);
    // Participants: Delegation ID, Gender, Role, Participation and Status have drop-downs.
    expect(sheets.find((s) => s.name === 'Participants')!.validations).toBe(5);
    expect(await hostCall((h) => h.tableRows('Participants')![0], null)).toEqual(['Participant ID', 'Delegation ID', 'Title', 'Given name', 'Family name', 'Gender', 'Role', 'Email', 'Participation', 'Registered on', 'Status']);

    const fields = page.locator('#meeting-form');
    await fields.getByLabel('Code (required)').fill('CSP12-PREP');
    await fields.getByLabel('Title (required)').fill('CSP12 Informal Preparatory Meeting');
    await fields.getByLabel('Start date (required)').fill('2026-05-27');
    await fields.getByLabel('End date (required)').fill('2026-05-28');
    await fields.getByLabel('Registration deadline').fill('2026-05-22');
    await page.getByRole('button', { name: 'Save meeting fields' }).click();
    await waitStatus('Meeting fields saved.');
    const meeting = await hostCall((h) => h.tableRows('MeetingFields'), null);
    expect(meeting).toContainEqual(['Code', 'CSP12-PREP']);
    // Excel reads an ISO date written to a cell as a date: its serial number (22 May 2026 is 46164).
    expect(meeting).toContainEqual(['Registration deadline', 46164]);

    // What staff type into the sheets by hand: sessions and delegations.
    await hostCall((h) => {
      h.appendByHand('Sessions', [['S1', '2026-05-27', '10:00', '13:00', 'Opening plenary'], ['S2', '2026-05-27', '15:00', '18:00', 'Working groups']]);
      h.appendByHand('Delegations', [['D-CHE', 'Switzerland', 'State Party', 'CHE'], ['D-FRA', 'France', 'State Party', 'FRA'], ['D-SAS', 'Small Arms Survey', 'Civil Society or NGO', '']]);
    }, null);
    await page.getByRole('button', { name: 'Set up workbook' }).click();
    await waitStatus('Every contract sheet was already there.');
    await shoot('meeting');
  });

  step('registers a participant through the form, checking fields as they are typed', async () => {
    await tab('Registrations').click();
    const form = page.locator('#participant-form');
    await form.getByLabel('Email').fill('not an address');
    await form.getByLabel('Email').blur();
    expect(await form.getByLabel('Email').getAttribute('aria-invalid')).toBe('true');
    await form.getByLabel('Email').fill('anna.muster@example.ch');
    await form.getByLabel('Delegation ID (required)').selectOption('D-CHE');
    await form.getByLabel('Title').fill('Ms');
    await form.getByLabel('Given name (required)').fill('Anna');
    await form.getByLabel('Family name (required)').fill('Muster');
    await form.getByLabel('Gender (required)').selectOption('Woman');
    await form.getByLabel('Role (required)').selectOption('Head of delegation');
    await form.getByLabel('Participation (required)').selectOption('In person');
    await form.getByLabel('Registered on').fill('2026-05-10');
    await page.getByRole('button', { name: 'Add participant' }).click();
    await waitStatus('Added Anna Muster as P0001.');

    await page.getByText('Add a whole delegation').click();
    await page.locator('#batch-delegation').selectOption('D-FRA');
    await page.locator('#batch-people').fill('Claire; Dubois; Femme; Head of delegation\nMarc; Petit; Man; Delegate');
    await page.getByRole('button', { name: 'Add these people' }).click();
    await waitStatus('Added 2 people (P0002 to P0003).');
    const rows = await hostCall((h) => h.tableRows('Participants')!.slice(1).map((r) => [r[0], r[1], r[3], r[5], r[6]]), null);
    expect(rows).toEqual([
      ['P0001', 'D-CHE', 'Anna', 'Woman', 'Head of delegation'],
      ['P0002', 'D-FRA', 'Claire', 'Femme', 'Head of delegation'],
      ['P0003', 'D-FRA', 'Marc', 'Man', 'Delegate'],
    ]);
    await page.locator('#find-person').fill('dubois');
    expect(await page.locator('#people li').allTextContents()).toEqual([expect.stringContaining('Claire Dubois')]);

    // Editing rewrites only that row's cells: the role changes, nothing else moves.
    await page.getByRole('button', { name: 'Edit Claire Dubois' }).click();
    await page.locator('#participant-form').getByLabel('Role (required)').selectOption('Deputy head of delegation');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await waitStatus('Saved P0002.');
    expect(await hostCall((h) => h.tableRows('Participants')!.slice(1).map((r) => `${r[0]} ${r[6]}`), null)).toEqual(['P0001 Head of delegation', 'P0002 Deputy head of delegation', 'P0003 Delegate']);
    await page.getByRole('button', { name: 'Edit Claire Dubois' }).click();
    await page.locator('#participant-form').getByLabel('Role (required)').selectOption('Head of delegation');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await waitStatus('Saved P0002.');
  });

  step('imports a registration export: maps columns, shows duplicates and late ones before writing', async () => {
    const csv = [
      'First name,Last name,Delegation,Sex,Function,Attendance mode,Registration date,E-mail',
      'Jean,Martin,D-SAS,M,Observer,Online,2026-05-20,jm@example.org',
      'Anna,Muster,D-CHE,F,Delegate,In person,2026-05-12,',
      'Sofia,Reyes,D-SAS,Mujer,Observer,In person,2026-05-25,sr@example.org',
      '"Bad, Row",Row,D-SAS,Q,Observer,Online,2026-05-01,',
      '<img src=x onerror=alert(1)>,"=HYPERLINK(""http://evil.example"",""x"")",D-SAS,F,Observer,Online,2026-05-02,',
    ].join('\r\n');
    // Rows pasted from a spreadsheet (tab-separated, French headers) go through the same mapping.
    await page.getByText('Import an online-registration export').click();
    await page.locator('#import-paste').fill('Prénom\tNom\tDelegation\tGenre\tFonction\tParticipation\nLucía\tGarcía\tD-SAS\tMujer\tObservadora\tEn línea');
    await page.getByRole('button', { name: 'Read pasted rows' }).click();
    expect(await page.locator('#import-mapping select[data-key="givenName"]').inputValue()).toBe('0');
    expect(await page.locator('#import-mapping select[data-key="gender"]').inputValue()).toBe('3');
    await page.getByRole('button', { name: 'Preview import' }).click();
    await expect.poll(() => page.locator('#import-preview p').first().textContent()).toBe('1 new, 0 possible duplicates, 0 late, 0 with problems (not imported).');

    await page.locator('#import-file').setInputFiles({ name: 'registrations.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.locator('#import-mapping').waitFor();
    expect(await page.locator('#import-mapping select[data-key="givenName"]').inputValue()).toBe('0');
    expect(await page.locator('#import-mapping select[data-key="email"]').inputValue()).toBe('7');
    await page.getByRole('button', { name: 'Preview import' }).click();
    await expect.poll(() => page.locator('#import-preview p').first().textContent()).toBe('3 new, 1 possible duplicates, 1 late, 1 with problems (not imported).');
    // Workbook and export text is shown as characters, never parsed as HTML.
    expect(await page.locator('#import-preview img').count()).toBe(0);
    expect(await page.locator('#import-preview').textContent()).toContain('Line 6: <img src=x onerror=alert(1)> =HYPERLINK');
    await shoot('registrations');
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByRole('dialog').getByText('Write 3 participants to the Participants sheet?').waitFor();
    await page.getByRole('button', { name: 'Continue' }).click();
    await waitStatus('Imported 3 participants, 1 registered after the deadline.');
    const ids = await hostCall((h) => h.tableRows('Participants')!.slice(1).map((r) => `${r[0]} ${r[3]} ${r[4]}`), null);
    expect(ids).toEqual(['P0001 Anna Muster', 'P0002 Claire Dubois', 'P0003 Marc Petit', 'P0004 Jean Martin', 'P0005 Sofia Reyes', 'P0006 <img src=x onerror=alert(1)> =HYPERLINK("http://evil.example","x")']);
  });

  step('keeps the agenda: adds items, reorders them and marks one Addressed', async () => {
    await tab('Agenda').click();
    await page.locator('#agenda-title').fill('Opening of the meeting');
    await page.getByRole('button', { name: 'Add item' }).click();
    await waitStatus('Added A1.');
    await page.locator('#agenda-title').fill('Reports of the working groups');
    await page.getByRole('button', { name: 'Add item' }).click();
    await waitStatus('Added A2.');
    await page.getByRole('button', { name: 'Move A2 up' }).click();
    await expect.poll(() => page.locator('#agenda-items li .who').allTextContents()).toEqual([expect.stringMatching(/^1\. Reports/), expect.stringMatching(/^2\. Opening/)]);
    await page.getByLabel('Status of A2').selectOption('Addressed');
    await waitStatus('A2 marked Addressed.');
    await shoot('agenda');
  });

  step('checks people in, one or a delegation, for the same fixed number of syncs', async () => {
    await tab('Attendance').click();
    expect(await page.locator('#attendance-session').inputValue()).toBe('S1');
    await settled();
    let before = await hostCall((h) => h.syncs, null);
    await page.locator('#attendance-find').fill('muster');
    await page.getByRole('button', { name: 'Check in Anna Muster' }).click();
    await waitStatus('Anna Muster checked in (in person).');
    const oneSyncs = (await hostCall((h) => h.syncs, null)) - before;

    await settled();

    before = await hostCall((h) => h.syncs, null);
    await page.locator('#attendance-delegation').selectOption('D-FRA');
    await page.getByRole('button', { name: 'Check in the delegation' }).click();
    await waitStatus('2 checked in; the others already were.');
    const delegationSyncs = (await hostCall((h) => h.syncs, null)) - before;
    // Append (table geometry, one write) + re-read (sheets, used ranges, cells).
    expect(oneSyncs).toBe(5);
    expect(delegationSyncs).toBe(oneSyncs);

    await page.getByLabel('Online').check();
    await page.locator('#attendance-find').fill('jean');
    await page.getByRole('button', { name: 'Check in Jean Martin' }).click();
    await waitStatus('Jean Martin checked in (online).');
    expect(await page.locator('#attendance-count').textContent()).toBe('4 of 6 checked in to this session.');

    await page.locator('#speaker-person').selectOption('P0002');
    await page.locator('#speaker-item').selectOption('A1');
    await page.locator('#speaker-minutes').fill('5');
    await page.getByRole('button', { name: 'Record intervention' }).click();
    await waitStatus('Intervention recorded.');
    const attendance = await hostCall((h) => h.tableRows('Attendance')!.slice(1).map((r) => `${r[0]} ${r[1]} ${r[2]}`), null);
    expect(attendance).toEqual(['P0001 S1 In person', 'P0002 S1 In person', 'P0003 S1 In person', 'P0004 S1 Online']);
    expect(await hostCall((h) => h.tableRows('Speakers')!.slice(1), null)).toEqual([['S1', 'A1', 'P0002', 5]]);
    await shoot('attendance');
  });

  step('runs the validation on the open workbook and selects a problem cell when clicked', async () => {
    await hostCall((h) => h.setCell('Participants', 'F4', 'Xyz'), null);
    await tab('Check').click();
    await page.getByRole('button', { name: 'Check the workbook again' }).click();
    await waitStatus(/^1 error, \d+ warnings\.$/);
    const problem = page.locator('button.issue[data-cell="Participants!F4"]');
    expect(await problem.textContent()).toContain('Participants!F4');
    await shoot('check');
    await problem.click();
    await waitStatus('Selected Participants!F4.');
    expect(await hostCall((h) => [h.selected, h.active], null)).toEqual(['Participants!F4', 'Participants']);
    await hostCall((h) => h.setCell('Participants', 'F4', 'Man'), null);
    await page.getByRole('button', { name: 'Check the workbook again' }).click();
    await waitStatus(/^0 errors, \d+ warnings\.$/);
  });

  step('shows the figures and builds the Report sheet with native charts, asking before replacing it', async () => {
    await tab('Figures').click();
    // S1: Anna, Claire (women), Marc, Jean (men); both heads of delegation are women; Claire spoke.
    expect(await page.locator('#headline strong').allTextContents()).toEqual(['50.0%', '100.0%', '100.0%']);
    // Each share beside the counts it stands for, as in report.xlsx and the brief.
    expect(await page.locator('#headline .basis').allTextContents()).toEqual(['2 of 4 attendees; 0 not stated; small group (n under 10)', '2 of 2 heads; 0 not stated; small group (n under 10)', '1 of 1 interventions; 0 not stated; small group (n under 10)']);
    expect(await page.locator('#session-figures tbody tr').allTextContents()).toEqual(['All2200', 'In person2100', 'Online0100', 'Heads of delegation2000']);
    // Registered: Anna, Claire, Sofia and the imported F (women), Marc, Jean (men); every delegation has a woman.
    expect(await page.locator('#meeting-figures').textContent()).toBe('Registered 6: women 66.7% (4 of 6 registered; small group (n under 10)). Attended 4: women 50.0% (2 of 4 attendees; small group (n under 10)). Delegations with at least one woman: 3 of 3; headed by a woman: 2.');
    await shoot('figures');
    await page.getByRole('button', { name: 'Build report sheet' }).click();
    await waitStatus('Report sheet built.');
    let report = (await hostCall((h) => h.summary(), null)).filter((s) => s.name === 'Report');
    expect(report).toEqual([{ name: 'Report', charts: 3, validations: 0 }]);
    // The native charts' series in the palette of the pane's charts and the PNGs.
    expect(await hostCall((h) => h.chartFills('Report'), null)).toEqual(Array(3).fill('#E69F00 #0072B2 #009E73 #999999'));

    // Asked before replacing: Escape (or Cancel) leaves the sheet as it is, with no Excel batch run.
    await settled();
    const runs = await hostCall((h) => h.runs, null);
    await page.getByRole('button', { name: 'Build report sheet' }).click();
    await page.getByRole('dialog').getByText('Replace the existing Report sheet?').waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('confirm-no');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    expect(await hostCall((h) => h.runs, null)).toBe(runs);

    await page.getByRole('button', { name: 'Build report sheet' }).click();
    await page.getByRole('dialog').getByText('Replace the existing Report sheet?').waitFor();
    await page.getByRole('button', { name: 'Continue' }).click();
    await waitStatus('Report sheet built.');
    report = (await hostCall((h) => h.summary(), null)).filter((s) => s.name === 'Report');
    expect(report).toHaveLength(1);
  });

  step('adds and edits sessions, checked against the meeting\'s days and their own times as they are typed', async () => {
    await tab('Meeting').click();
    expect(await page.locator('#sessions li .who').allTextContents()).toEqual([expect.stringMatching(/^S1 · Opening plenary/), expect.stringMatching(/^S2 · Working groups/)]);
    const form = page.locator('#session-form');
    expect(await form.getByLabel('Session ID (required)').inputValue()).toBe('S3');
    await form.getByLabel('Date (required)').fill('2026-05-29');
    await form.getByLabel('Start (required)').fill('15:00');
    await form.getByLabel('End (required)').fill('18:00');
    await form.getByLabel('Title (required)').fill('Closing plenary');
    // The rules are the validator's: the day is outside 27-28 May; then the end is not after the start.
    expect(await page.locator('#session-date-error').textContent()).toBe('Session S3 is dated outside the meeting\'s days.');
    await settled();
    const runs = await hostCall((h) => h.runs, null);
    await page.getByRole('button', { name: 'Add session' }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('session-date');
    expect(await hostCall((h) => h.runs, null)).toBe(runs);
    await form.getByLabel('Date (required)').fill('2026-05-28');
    await form.getByLabel('End (required)').fill('14:00');
    expect(await page.locator('#session-date-error').textContent()).toBe('');
    expect(await page.locator('#session-end-error').textContent()).toBe('Session S3 ends (14:00) at or before its start (15:00).');
    await shoot('session-error');
    await form.getByLabel('End (required)').fill('18:00');
    await form.getByLabel('Room').fill('CICG Room 2');
    expect(await page.locator('#session-end-error').textContent()).toBe('');
    await page.getByRole('button', { name: 'Add session' }).click();
    await waitStatus('Added session S3.');
    await page.getByRole('button', { name: 'Edit session S2' }).click();
    expect(await page.locator('#session-sessionId').getAttribute('readonly')).toBe('');
    await page.locator('#session-form').getByLabel('Room').fill('Room XVIII');
    await page.getByRole('button', { name: 'Save session' }).click();
    await waitStatus('Saved session S2.');
    expect(await hostCall((h) => h.tableRows('Sessions')!.slice(1), null)).toEqual([
      // Dates and times as Excel stores them: 27 May 2026 is 46169, 10:00 is 10/24 of a day.
      ['S1', 46169, 10 / 24, 13 / 24, 'Opening plenary', '', ''],
      ['S2', 46169, 15 / 24, 18 / 24, 'Working groups', 'Plenary', 'Room XVIII'],
      ['S3', 46170, 15 / 24, 18 / 24, 'Closing plenary', 'Plenary', 'CICG Room 2'],
    ]);
    // The working paper deadline, which the Submissions form checks against.
    await page.locator('#meeting-form').getByLabel('Working paper deadline').fill('2026-05-13');
    await page.getByRole('button', { name: 'Save meeting fields' }).click();
    await waitStatus('Meeting fields saved.');
    await shoot('meeting-sessions');
  });

  step('adds and edits a delegation, and creates a new delegation with its members in one action', async () => {
    await tab('Registrations').click();
    await openDetails('delegations');
    const form = page.locator('#delegation-form');
    await form.getByLabel('Name (required)').fill('Stockholm International Peace Research Institute');
    expect(await form.getByLabel('Delegation ID (required)').inputValue()).toBe('D-SIPRI');
    await form.getByLabel('Category (required)').selectOption('Civil Society or NGO');
    await form.getByLabel('Country code').fill('XYZ');
    expect(await form.getByLabel('Country code').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#delegation-countryCode-error').textContent()).toBe('Expected an ISO 3166-1 alpha-3 country code such as CHE.');
    await form.getByLabel('Country code').fill('SWE');
    // A country code on an organisation reads, but the validator warns of it.
    expect(await page.locator('#delegation-countryCode-warning').textContent()).toContain('not a State, yet has a country code');
    await form.getByLabel('Country code').fill('');
    await page.getByRole('button', { name: 'Add delegation' }).click();
    await waitStatus('Added delegation D-SIPRI.');
    await page.locator('#find-delegation').fill('sipri');
    await page.getByRole('button', { name: 'Edit Stockholm International Peace Research Institute' }).click();
    await page.locator('#delegation-form').getByLabel('Name (required)').fill('SIPRI');
    await page.getByRole('button', { name: 'Save delegation' }).click();
    await waitStatus('Saved delegation D-SIPRI.');

    await openDetails('batch');
    await page.locator('#batch-delegation').selectOption({ label: 'A new delegation…' });
    const fresh = page.locator('#batch-new');
    // An incomplete new delegation writes nothing, neither the delegation nor its people.
    await page.locator('#batch-people').fill('Ama; Mensah; F; Head of delegation');
    await settled();
    const runs = await hostCall((h) => h.runs, null);
    await page.getByRole('button', { name: 'Add these people' }).click();
    expect(await fresh.getByLabel('Name (required)').getAttribute('aria-invalid')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('batch-new-delegationId');
    expect(await hostCall((h) => h.runs, null)).toBe(runs);
    await fresh.getByLabel('Name (required)').fill('Ghana');
    await fresh.getByLabel('Category (required)').selectOption('State Party');
    await fresh.getByLabel('Country code').fill('gha');
    expect(await page.locator('#batch-new-countryCode-note').textContent()).toBe('Ghana');
    await shoot('delegation-new');
    expect(await fresh.getByLabel('Delegation ID (required)').inputValue()).toBe('D-GHA');
    await page.locator('#batch-people').fill('Ama; Mensah; F; Head of delegation\nKofi; Boateng; M; Delegate');
    await settled();
    const before = await hostCall((h) => h.syncs, null);
    await page.getByRole('button', { name: 'Add these people' }).click();
    await waitStatus('Added delegation D-GHA with 2 people (P0007 to P0008).');
    // One batch for both tables: two syncs to append, three to read the workbook again.
    expect((await hostCall((h) => h.syncs, null)) - before).toBe(5);
    expect(await hostCall((h) => h.tableRows('Delegations')!.slice(-2), null)).toEqual([['D-SIPRI', 'SIPRI', 'Civil Society or NGO', ''], ['D-GHA', 'Ghana', 'State Party', 'GHA']]);
    expect(await hostCall((h) => h.tableRows('Participants')!.slice(-2).map((r) => r.slice(0, 7)), null)).toEqual([
      ['P0007', 'D-GHA', '', 'Ama', 'Mensah', 'F', 'Head of delegation'],
      ['P0008', 'D-GHA', '', 'Kofi', 'Boateng', 'M', 'Delegate'],
    ]);
    await shoot('delegations');
  });

  step('adds an agenda item with its body and document, and records submissions with the deadline checked first', async () => {
    await tab('Agenda').click();
    await page.locator('#agenda-session').selectOption('S3');
    const item = page.locator('#agenda-form');
    expect(await item.getByLabel('Item ID (required)').inputValue()).toBe('A3');
    await item.getByLabel('Title (required)').fill('Closing of the meeting');
    await item.getByLabel('Body').fill('Presidency');
    await item.getByLabel('Document').fill('ATT/CSP12/2026/PM.1/1');
    await page.getByRole('button', { name: 'Add item' }).click();
    await waitStatus('Added A3.');
    expect(await hostCall((h) => h.tableRows('Agenda')!.slice(-1), null)).toEqual([['A3', 'S3', 1, 'Closing of the meeting', 'Presidency', 'ATT/CSP12/2026/PM.1/1', 'Planned']]);

    const form = page.locator('#submission-form');
    // Received today by default, as the meeting's time zone counts days.
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Zurich', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
    expect(await form.getByLabel('Received on (required)').inputValue()).toBe(today);
    expect(await form.getByLabel('Submission ID (required)').inputValue()).toBe('WP1');
    await form.getByLabel('Delegation ID (required)').selectOption('D-GHA');
    await form.getByLabel('Title (required)').fill('=Gender and small arms');
    await form.getByLabel('Received on (required)').fill('2026-05-15');
    expect(await page.locator('#submission-receivedOn-warning').textContent()).toBe('Submission WP1 was received after the working paper deadline. Expected on or before the working paper deadline 2026-05-13.');
    await shoot('submission-late');
    // Asked before writing a late one: Cancel writes nothing.
    await settled();
    const runs = await hostCall((h) => h.runs, null);
    await page.getByRole('button', { name: 'Record submission' }).click();
    await page.getByRole('dialog').getByText('Record it anyway?').waitFor();
    await page.getByRole('button', { name: 'Cancel' }).click();
    expect(await hostCall((h) => h.runs, null)).toBe(runs);
    await page.getByRole('button', { name: 'Record submission' }).click();
    await page.getByRole('button', { name: 'Continue' }).click();
    await waitStatus('Recorded WP1 (late).');

    await form.getByLabel('Type (required)').selectOption('AOB');
    expect(await form.getByLabel('Submission ID (required)').inputValue()).toBe('AOB1');
    await form.getByLabel('Delegation ID (required)').selectOption('D-CHE');
    await form.getByLabel('Title (required)').fill('Dates of the next cycle');
    await form.getByLabel('Received on (required)').fill('2026-05-13');
    await page.getByRole('button', { name: 'Record submission' }).click();
    await waitStatus('Recorded AOB1.');
    // Formula-like text is stored as the text it is (the fake host refuses any formula write).
    expect(await hostCall((h) => h.tableRows('Submissions')!.slice(1), null)).toEqual([
      ['WP1', 'D-GHA', 'Working paper', '=Gender and small arms', 46157],
      ['AOB1', 'D-CHE', 'AOB', 'Dates of the next cycle', 46155],
    ]);
    expect(await page.locator('#submissions li').allTextContents()).toEqual([expect.stringContaining('Dates of the next cycle'), expect.stringMatching(/Gender and small arms.*Late$/)]);
    await shoot('agenda-submissions');
  });

  step('checks in for the same number of syncs with a thousand more participants in the workbook', async () => {
    await hostCall((h) => {
      const rows = Array.from({ length: 1000 }, (_, i) => [`X${String(i).padStart(4, '0')}`, 'D-SAS', '', `Given${i}`, `Family${i}`, i % 2 ? 'Man' : 'Woman', 'Observer', '', 'Online', '2026-05-01', '']);
      h.appendByHand('Participants', rows);
    }, null);
    await tab('Check').click();
    await page.getByRole('button', { name: 'Check the workbook again' }).click();
    await waitStatus(/^0 errors, \d+ warnings\.$/);
    await tab('Attendance').click();
    await settled();
    const before = await hostCall((h) => h.syncs, null);
    await page.locator('#attendance-find').fill('Given999 Family999');
    await page.getByRole('button', { name: 'Check in Given999 Family999' }).click();
    await waitStatus('Given999 Family999 checked in (online).');
    expect((await hostCall((h) => h.syncs, null)) - before).toBe(5);
  });

  step('labels every control in every section and shows where keyboard focus is', async () => {
    for (const name of ['Meeting', 'Registrations', 'Agenda', 'Attendance', 'Check', 'Figures']) {
      await tab(name).click();
      const unlabelled = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('main input, main select, main textarea, main button')]
          .filter((c) => c.offsetParent !== null)
          .filter((c) => !((c as HTMLInputElement).labels?.length || c.getAttribute('aria-label') || (c.tagName === 'BUTTON' && c.textContent?.trim())))
          .map((c) => c.outerHTML.slice(0, 80)),
      );
      expect(unlabelled, name).toEqual([]);
      // Every description a control points to (hint, problem, warning) exists.
      const dangling = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('main [aria-describedby]')]
          .flatMap((c) => c.getAttribute('aria-describedby')!.split(' ').filter((id) => !document.getElementById(id)).map((id) => `${c.id} -> ${id}`)),
      );
      expect(dangling, name).toEqual([]);
    }
    // Tabbing from the tab list reaches the section's first control with a visible outline.
    await tab('Meeting').focus();
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('tab-registrations');
    await page.keyboard.press('Tab');
    const focus = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const style = getComputedStyle(el);
      return { id: el.id || el.tagName, outline: style.outlineStyle, width: style.outlineWidth };
    });
    expect(focus.outline).toBe('solid');
    expect(focus.width).toBe('2px');
  });

  step('made no request but to its own origin and office.js, and raised no page error', () => {
    expect(pageErrors).toEqual([]);
    const foreign = requests.filter((u) => !u.startsWith('http://127.0.0.1') && u !== OFFICE_JS);
    expect(foreign).toEqual([]);
  });

  it('runs a meeting from an empty workbook to the Report sheet, step by step', async () => {
    page = await openPane(browser, url, undefined, pageErrors, requests);
    // This walk counts each action's syncs and Excel batches; the re-read that table-change events
    // start in the background is tested in pane-ux.browser.test.ts.
    await hostCall((h) => { h.silenceEvents = true; }, null);
    for (const [name, fn] of steps) {
      try {
        await fn();
      } catch (e) {
        if (e instanceof Error) e.message = `${name}: ${e.message}`;
        throw e;
      }
    }
    await page.close();
  }, 300_000);
});

describe.runIf(!hasChromium)('task pane in Chromium', () => {
  // Skipping (reported as skipped) is for a developer's machine; under CI a missing browser fails.
  it.skipIf(!process.env.CI)(`needs Chromium at ${CHROMIUM} under CI (.ci/run installs it; or set CHROMIUM_PATH)`, () => {
    expect.fail(`no Chromium at ${CHROMIUM}: apt-get install chromium, or set CHROMIUM_PATH`);
  });
});
