// The task pane's entry: waits for Office, checks the Excel API level the add-in needs, builds the
// sections and wires the shared busy/status/confirm behaviour, the section tabs, and the re-read
// that keeps the pane current when the workbook's tables change. Actions run one at a time: a click
// made while one runs is queued and carried out after it, never dropped.
import { LiveRefresh } from './app/live-refresh.js';
import { MeetingState } from './app/meeting-state.js';
import { EXCEL_API_LEVEL } from './excel/requirements.js';
import { errorSentence } from './excel/errors.js';
import { excelRunner } from './excel/run.js';
import { watchTables } from './excel/table-events.js';
import { agendaSection } from './views/agenda.js';
import { attendanceSection } from './views/attendance.js';
import { checkSection } from './views/check.js';
import { figuresSection } from './views/figures.js';
import { meetingSection } from './views/meeting.js';
import type { Pane, SectionView } from './views/pane.js';
import { InputKeeper, markPlace, restorePlace } from './views/keep-place.js';
import { registrationsSection } from './views/registrations.js';
import { tabList } from './views/tabs.js';


const status = document.getElementById('status')!;
const dialog = document.getElementById('confirm') as HTMLDialogElement;

function say(text: string, isError = false): void {
  status.textContent = text;
  status.classList.toggle('error', isError);
}

function confirmStep(question: string): Promise<boolean> {
  document.getElementById('confirm-text')!.textContent = question;
  return new Promise((resolve) => {
    const yes = document.getElementById('confirm-yes')!;
    const no = document.getElementById('confirm-no')!;
    const done = (answer: boolean) => {
      yes.removeEventListener('click', onYes);
      no.removeEventListener('click', onNo);
      dialog.removeEventListener('cancel', onNo);
      dialog.close();
      resolve(answer);
    };
    const onYes = () => done(true);
    const onNo = () => done(false);
    yes.addEventListener('click', onYes);
    no.addEventListener('click', onNo);
    dialog.addEventListener('cancel', onNo);
    dialog.showModal();
    no.focus();
  });
}

function start(): void {
  const state = new MeetingState(excelRunner);
  const views: SectionView[] = [];
  const keeper = new InputKeeper();
  const redraw = () => { for (const v of views) v.render(); };
  // Edits in the grid or by a co-author: re-read once they pause, never during an action.
  const live = new LiveRefresh({
    refresh: async () => {
      await state.refresh();
      const place = document.hasFocus() ? markPlace() : null;
      const typed = keeper.snapshot();
      redraw();
      keeper.restore(typed);
      if (place) restorePlace([place], views.find((v) => !v.root.hidden)?.root ?? status);
    },
    onError: (e) => say(`The pane could not read the workbook's latest changes: ${errorSentence(e)}`, true),
    onStateChange: (s) => { document.body.dataset.live = s; },
  });
  // The actions still to run, in click order: each starts when the one before has finished.
  let queue: Promise<void> = Promise.resolve();
  let waiting = 0;
  // The first read, as the pane opens, leaves focus where the host put it.
  let opening = true;
  const pane: Pane = {
    state,
    confirm: confirmStep,
    act(label, action) {
      // Where the click came from, taken now (the action may wait its turn): focus goes back there.
      const started = markPlace();
      // The form (or block, or section) of the control that started the action: the action may
      // save or clear it, so its typing is not put back; typing elsewhere in the pane is.
      const origin = document.activeElement && document.activeElement !== document.body ? document.activeElement.closest('form, details, section') : null;
      waiting++;
      if (waiting > 1 && label) say(`${label}: waiting for the action before it to finish…`);
      const run = queue.then(async () => {
        document.body.setAttribute('aria-busy', 'true');
        if (label) say(`${label}…`);
        try {
          const message = await live.runAction(action);
          say(message ?? '');
        } catch (e) {
          // One sentence that says what to do (errors.ts); the model was read again after a refused write.
          say(errorSentence(e), true);
        } finally {
          waiting--;
          if (waiting === 0) document.body.removeAttribute('aria-busy');
          const ended = markPlace();
          // Without a known origin (a click that focused nothing), nothing typed is put back.
          const typed = origin ? keeper.snapshot(origin) : [];
          redraw();
          keeper.restore(typed);
          // Focus goes back where it was (or to the control that started the action), else to the
          // message that reports the action: never to the page body.
          if (!opening) restorePlace([ended, started], status);
          opening = false;
        }
      });
      queue = run;
      return run;
    },
  };
  views.push(meetingSection(pane), registrationsSection(pane), agendaSection(pane), attendanceSection(pane, () => new Date()), checkSection(pane), figuresSection(pane));
  tabList(document.getElementById('tabs')!, document.getElementById('sections')!, views, 'meeting');
  void pane.act('Reading the workbook', async () => {
    await state.refresh();
    return 'Ready.';
  }).then(() => watchTables(excelRunner, (set, version) => Office.context.requirements.isSetSupported(set, version), () => live.changed()))
    .catch((e: unknown) => say(`The pane cannot follow changes made in the grid: ${e instanceof Error ? e.message : String(e)}`, true));
}

Office.onReady((info) => {
  if (info.host !== Office.HostType.Excel) {
    say('This add-in runs in Excel.', true);
    return;
  }
  if (!Office.context.requirements.isSetSupported('ExcelApi', EXCEL_API_LEVEL)) {
    say(`This version of Excel is too old for the add-in (it needs Excel API ${EXCEL_API_LEVEL}).`, true);
    return;
  }
  start();
});
