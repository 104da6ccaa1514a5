// The built task pane in headless Chromium against the fake Excel host: an online meeting's
// attendance report (the field case: UTF-16, tab-separated, in sections) imported in the Attendance
// section for a meeting whose sessions and people match it, written as Online attendance rows; and
// a registration system's export imported with the column it lacks asked once. Each scenario on a
// page of its own.
import { existsSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPane, CHROMIUM, ROOT, serveDist } from './pane-server.js';

const hasChromium = existsSync(CHROMIUM);
const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

interface FakeHost {
  appendByHand(table: string, rows: unknown[][]): void;
  tableRows(table: string): unknown[][] | null;
}

describe.skipIf(!hasChromium && !process.env.CI)('exports and attendance reports imported in the task pane', () => {
  let browser: Browser;
  let server: Server;
  let url: string;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    await buildPane();
    const served = await serveDist();
    server = served.server;
    url = served.url;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((r) => server?.close(r));
  });

  /** A new page on a new, empty fake workbook. */
  async function openPane() {
    page = await browser.newPage({ viewport: { width: 500, height: 900 } });
    page.on('pageerror', (e) => pageErrors.push(e.message));
    const fake = readFileSync(join(ROOT, 'test/addin/fake-office.js'), 'utf8');
    await page.route(OFFICE_JS, (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: fake }));
    await page.goto(`${url}/taskpane.html`);
    await page.getByRole('status').filter({ hasText: 'Ready.' }).waitFor();
  }

  const hostCall = <T>(fn: (h: FakeHost) => T) => page.evaluate((src) => new Function('h', `return (${src})(h)`)((window as unknown as { __host: unknown }).__host), fn.toString()) as Promise<T>;
  const waitStatus = (text: string | RegExp) => expect.poll(async () => (await page.getByRole('status').textContent()) ?? '', { timeout: 10_000 }).toMatch(text);

  async function setUpMeeting(deadline?: string) {
    await page.getByRole('tab', { name: 'Meeting' }).click();
    await page.getByRole('button', { name: 'Set up workbook' }).click();
    await waitStatus(/Created Meeting/);
    const fields = page.locator('#meeting-form');
    await fields.getByLabel('Code (required)').fill('PREP-ONLINE');
    await fields.getByLabel('Title (required)').fill('Fictional Preparatory Meeting');
    await fields.getByLabel('Start date (required)').fill('2026-05-27');
    await fields.getByLabel('End date (required)').fill('2026-05-28');
    if (deadline) await fields.getByLabel('Registration deadline').fill(deadline);
    await page.getByRole('button', { name: 'Save meeting fields' }).click();
    await waitStatus('Meeting fields saved.');
  }

  it('writes one Online row per person and session, from the report\'s participants section', async () => {
    await openPane();
    await setUpMeeting();
    // The meeting as staff typed it: the report's people, and someone already checked in in person.
    await hostCall((h) => {
      h.appendByHand('Sessions', [['S1', '2026-05-27', '10:00', '13:00', 'Morning'], ['S2', '2026-05-27', '15:00', '18:00', 'Afternoon'], ['S3', '2026-05-28', '10:00', '13:00', 'Second day']]);
      h.appendByHand('Delegations', [['D-FRA', 'France', 'State Party', 'FRA'], ['D-CHE', 'Switzerland', 'State Party', 'CHE'], ['D-NGO', 'Example Network', 'Civil Society or NGO', '']]);
      h.appendByHand('Participants', [
        ['P0001', 'D-FRA', 'Ms', 'Zoé', 'Lefèvre', 'Woman', 'Head of delegation', 'zoe@example.org', 'Online', '2026-05-10', 'Registered'],
        ['P0002', 'D-CHE', 'Mr', 'Jérôme', 'Müller', 'Man', 'Head of delegation', 'jerome@example.org', 'Online', '2026-05-11', 'Registered'],
        ['P0003', 'D-NGO', 'Dr', 'Ana', 'Núñez', 'Woman', 'Head of delegation', 'ana@example.org', 'Online', '2026-05-12', 'Registered'],
        ['P0004', 'D-CHE', 'Mr', 'Bruno', 'Muster', 'Man', 'Delegate', 'bruno@example.org', 'In person', '2026-05-12', 'Registered'],
      ]);
      h.appendByHand('Attendance', [['P0004', 'S1', 'In person', '2026-05-27 09:51']]);
    });
    await page.getByRole('button', { name: 'Set up workbook' }).click();
    await waitStatus('Every contract sheet was already there.');

    await page.getByRole('tab', { name: 'Attendance' }).click();
    await page.locator('#online-import > summary').click();
    const report = readFileSync(join(ROOT, 'test/fixtures/field-cases/online-meeting-attendance-report-utf16.csv'));
    await page.locator('#online-file').setInputFiles({ name: 'online-meeting-attendance-report-utf16.csv', mimeType: 'text/csv', buffer: report });
    await expect.poll(() => page.locator('#online-read-as').textContent()).toBe('online-meeting-attendance-report-utf16.csv: UTF-16LE, header on line 9, 3 rows.');
    expect(await page.locator('#online-mapping select[data-key="email"]').inputValue()).toBe('4');
    expect(await page.locator('#online-mapping select[data-key="join"]').inputValue()).toBe('1');
    await page.getByRole('button', { name: 'Preview online attendance' }).click();
    await expect.poll(() => page.locator('#online-preview p').first().textContent())
      .toBe('3 to write (0 matched by name, to confirm), 0 already recorded, 0 not found, 0 outside the sessions or unreadable.');

    await page.getByRole('button', { name: 'Write online attendance' }).click();
    await page.getByRole('dialog').getByText('Write 3 Online attendance rows to the Attendance sheet?').waitFor();
    await page.getByRole('button', { name: 'Continue' }).click();
    await waitStatus('Recorded 3 online attendances.');
    // Zoé 09:58-13:02, Jérôme 10:02-12:40 and Ana 10:03-13:00 on 27 May: the morning session only.
    expect(await hostCall((h) => h.tableRows('Attendance'))).toEqual([
      ['Participant ID', 'Session ID', 'Mode', 'Checked in at'],
      ['P0004', 'S1', 'In person', '2026-05-27 09:51'],
      ['P0001', 'S1', 'Online', '2026-05-27 09:58'],
      ['P0002', 'S1', 'Online', '2026-05-27 10:02'],
      ['P0003', 'S1', 'Online', '2026-05-27 10:03'],
    ]);

    // The same report again writes nothing: those rows exist.
    await page.locator('#online-import > summary').waitFor();
    if (!(await page.locator('#online-import').evaluate((d) => (d as HTMLDetailsElement).open))) await page.locator('#online-import > summary').click();
    await page.locator('#online-file').setInputFiles({ name: 'again.csv', mimeType: 'text/csv', buffer: report });
    await page.getByRole('button', { name: 'Preview online attendance' }).click();
    await expect.poll(() => page.locator('#online-preview p').first().textContent())
      .toBe('0 to write (0 matched by name, to confirm), 3 already recorded, 0 not found, 0 outside the sessions or unreadable.');
    expect(pageErrors).toEqual([]);
  });

  it('reads a registration system\'s export, asks once for the participation it lacks, and writes what the contract reads', async () => {
    await openPane();
    await setUpMeeting('2026-05-22');
    await hostCall((h) => h.appendByHand('Delegations', [['D-CHE', 'Switzerland', 'State Party', 'CHE'], ['D-NGO', 'Example Network', 'Civil Society or NGO', '']]));
    await page.getByRole('button', { name: 'Set up workbook' }).click();
    await waitStatus('Every contract sheet was already there.');
    await page.getByRole('tab', { name: 'Registrations' }).click();
    await page.getByText('Import an online-registration export').click();

    // A webinar report: the header below its metadata lines is found.
    await page.locator('#import-file').setInputFiles({ name: 'webinar-registration-report.csv', mimeType: 'text/csv', buffer: readFileSync(join(ROOT, 'test/fixtures/field-cases/webinar-registration-report.csv')) });
    await expect.poll(() => page.locator('#import-read-as').textContent()).toBe('webinar-registration-report.csv: UTF-8, commas, header on line 7, 2 rows.');
    expect(await page.locator('#import-header-line').inputValue()).toBe('7');

    // An .xlsx export, read in the pane itself (fflate and saxes in the browser): title rows above the header.
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Inscriptions');
    ws.addRow(['Liste des inscriptions']);
    ws.addRow([]);
    ws.addRow(['Prénom', 'Nom', 'Délégation', 'Genre']);
    ws.addRow(['Zoé', 'Lefèvre', 'D-CHE', 'Non-binaire']);
    await page.locator('#import-file').setInputFiles({ name: 'inscriptions.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from(await wb.xlsx.writeBuffer()) });
    await expect.poll(() => page.locator('#import-read-as').textContent()).toBe('inscriptions.xlsx: workbook, first sheet, header on line 3, 1 rows.');
    expect(await page.locator('#import-mapping select[data-key="gender"]').inputValue()).toBe('3');

    await page.locator('#import-file').setInputFiles({ name: 'registration-system-export.csv', mimeType: 'text/csv', buffer: readFileSync(join(ROOT, 'test/fixtures/field-cases/registration-system-export.csv')) });
    await expect.poll(() => page.locator('#import-read-as').textContent()).toBe('registration-system-export.csv: UTF-8, commas, header on line 1, 3 rows.');
    expect(await page.locator('#import-missing').textContent()).toBe('The export has no column for Participation: choose a column, or a value for every row, above.');
    await page.locator('#import-mapping select[data-key="participation"]').selectOption('=In person');
    await expect.poll(() => page.locator('#import-missing').count()).toBe(0);
    await page.getByRole('button', { name: 'Preview import' }).click();
    await expect.poll(() => page.locator('#import-preview p').first().textContent()).toBe('3 new, 0 possible duplicates, 1 late, 0 with problems (not imported).');
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByRole('dialog').getByText('Write 3 participants to the Participants sheet?').waitFor();
    await page.getByRole('button', { name: 'Continue' }).click();
    await waitStatus('Imported 3 participants, 1 registered after the deadline.');
    // Bruno registered at 22:40 UTC on 23 May: 24 May in Geneva, the meeting's time zone.
    expect(await hostCall((h) => h.tableRows('Participants'))).toEqual([
      ['Participant ID', 'Delegation ID', 'Title', 'Given name', 'Family name', 'Gender', 'Role', 'Email', 'Participation', 'Registered on', 'Status'],
      ['P0001', 'D-CHE', 'Ms', 'Aline', 'Exemple', 'Woman', 'Head of delegation', 'aline@example.org', 'In person', '2026-05-20', 'Registered'],
      ['P0002', 'D-CHE', 'Mr', 'Bruno', 'Muster', 'Man', 'Delegate', 'bruno@example.org', 'In person', '2026-05-24', 'Registered'],
      ['P0003', 'D-NGO', 'Dr', 'Carla', 'Núñez', 'Not stated', 'Observer', 'carla@example.org', 'In person', '2026-05-21', 'Registered'],
    ]);
    expect(pageErrors).toEqual([]);
  });
});
