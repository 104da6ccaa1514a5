// `npm run sideload`: puts the add-in into Excel for development. On Windows and macOS it registers
// manifest.xml and opens Excel (office-addin-dev-settings); elsewhere, Excel on the web is the only
// Excel, so it prints the sideload URL for a document given on the command line and the manual steps.
// That URL makes Excel on the web fetch manifest.xml from the dev server (port and file name from
// the manifest), which `npm start` serves at https://localhost:3000/manifest.xml.
import { get } from 'node:https';
import { fileURLToPath } from 'node:url';
import { AppType, generateSideloadUrl, sideloadAddIn } from 'office-addin-dev-settings';
import { OfficeAddinManifest, OfficeApp } from 'office-addin-manifest';

const manifestPath = fileURLToPath(new URL('../../manifest.xml', import.meta.url));

const MANUAL = `To add it by hand in Excel on the web:
  1. Run \`npm start\` and open https://localhost:3000/taskpane.html once in the same browser to accept
     the development certificate.
  2. Open the workbook in Excel on the web, then Home > Add-ins > More Add-ins (or Insert > Add-ins).
  3. Choose "Upload My Add-in" (My Add-ins > Manage My Add-ins > Upload My Add-in) and pick
     ${manifestPath}.
  4. The "Meeting pane" button appears on the Home tab.`;

/** Whether `url` answers 200 (the dev server's certificate may be self-signed: not checked here). */
function answers(url) {
  return new Promise((resolve) => {
    const req = get(url, { rejectUnauthorized: false, timeout: 3000 }, (res) => { res.resume(); resolve(res.statusCode === 200); });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(false));
  });
}

async function main(argv) {
  if (process.platform === 'win32' || process.platform === 'darwin') {
    await sideloadAddIn(manifestPath, OfficeApp.Excel, true, false, AppType.Desktop);
    process.stdout.write('Registered manifest.xml and opened Excel. Keep `npm start` running; open the pane from Home > Meeting pane.\n');
    return 0;
  }
  const documentUrl = argv[0];
  if (!documentUrl) {
    process.stderr.write(`On ${process.platform} there is no desktop Excel: give the URL of a workbook open in Excel on the web,\n  npm run sideload -- "https://<tenant>.sharepoint.com/...Doc.aspx?sourcedoc=..."\n\n${MANUAL}\n`);
    return 2;
  }
  if (!/^https:\/\//.test(documentUrl)) {
    process.stderr.write(`The document URL must start with https://, not ${JSON.stringify(documentUrl)}.\n`);
    return 2;
  }
  const manifest = await OfficeAddinManifest.readManifestFile(manifestPath);
  // The sideload parameters are appended with '&', so the URL needs a query string already.
  const base = documentUrl.includes('?') ? documentUrl : `${documentUrl}?`;
  const url = await generateSideloadUrl('manifest.xml', manifest, base);
  const served = new URL('/manifest.xml', manifest.defaultSettings.sourceLocation).href;
  process.stdout.write(`Open this URL (with \`npm start\` running) to load the add-in into the workbook:\n${url}\n\nExcel on the web then fetches ${served}.\n\n${MANUAL}\n`);
  if (!(await answers(served))) process.stderr.write(`Note: nothing answers at ${served} yet: run \`npm start\` in another terminal before opening the URL.\n`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (e) => { process.stderr.write(`sideload: ${e instanceof Error ? e.message : String(e)}\n`); process.exitCode = 1; },
);
