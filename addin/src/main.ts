// The task pane's entry: waits for Office, checks the Excel API level the add-in needs, builds the
// sections and wires the shared busy/status/confirm behaviour. Actions run one at a time: a click
// made while one runs is queued and carried out after it, never dropped.
import { MeetingState } from './app/meeting-state.js';
import { EXCEL_API_LEVEL } from './excel/requirements.js';
import { errorSentence } from './excel/errors.js';
import { excelRunner } from './excel/run.js';
import { agendaSection } from './views/agenda.js';
import { attendanceSection } from './views/attendance.js';
import { checkSection } from './views/check.js';
import { el } from './views/dom.js';
import { figuresSection } from './views/figures.js';
import { meetingSection } from './views/meeting.js';
import type { Pane, SectionView } from './views/pane.js';
import { registrationsSection } from './views/registrations.js';


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
  // The actions still to run, in click order: each starts when the one before has finished.
  let queue: Promise<void> = Promise.resolve();
  let waiting = 0;
  const pane: Pane = {
    state,
    confirm: confirmStep,
    act(label, action) {
      waiting++;
      if (waiting > 1 && label) say(`${label}: waiting for the action before it to finish…`);
      const run = queue.then(async () => {
        document.body.setAttribute('aria-busy', 'true');
        if (label) say(`${label}…`);
        try {
          const message = await action();
          say(message ?? '');
        } catch (e) {
          // One sentence that says what to do (errors.ts); the model was read again after a refused write.
          say(errorSentence(e), true);
        } finally {
          waiting--;
          if (waiting === 0) document.body.removeAttribute('aria-busy');
          for (const v of views) v.render();
        }
      });
      queue = run;
      return run;
    },
  };
  views.push(meetingSection(pane), registrationsSection(pane), agendaSection(pane), attendanceSection(pane, () => new Date()), checkSection(pane), figuresSection(pane));

  const tabs = document.getElementById('tabs')!;
  const main = document.getElementById('sections')!;
  const show = (id: string) => {
    for (const v of views) {
      v.root.hidden = v.id !== id;
      const tab = document.getElementById(`tab-${v.id}`)!;
      tab.setAttribute('aria-selected', String(v.id === id));
      tab.tabIndex = v.id === id ? 0 : -1;
    }
  };
  views.forEach((v, i) => {
    const tab = el('button', { type: 'button', role: 'tab', id: `tab-${v.id}`, 'aria-controls': `section-${v.id}`, text: v.title });
    tab.addEventListener('click', () => show(v.id));
    // Arrow keys move between tabs, as in Fluent's tab list.
    tab.addEventListener('keydown', (e) => {
      if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
      const next = views[(i + (e.key === 'ArrowRight' ? 1 : views.length - 1)) % views.length]!;
      show(next.id);
      document.getElementById(`tab-${next.id}`)!.focus();
    });
    tabs.append(tab);
    v.root.setAttribute('role', 'tabpanel');
    main.append(v.root);
  });
  show('meeting');
  void pane.act('Reading the workbook', async () => {
    await state.refresh();
    return 'Ready.';
  });
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
