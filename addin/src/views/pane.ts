// What every section view gets: the model, a way to run an action (busy state, status line,
// errors as sentences) and a confirmation dialog for destructive steps.
import type { MeetingState } from '../app/meeting-state.js';

export interface Pane {
  readonly state: MeetingState;
  /** Runs an action; its returned text goes to the status line, and every section re-renders. */
  act(label: string, action: () => Promise<string | void>): Promise<void>;
  /** Asks before a destructive step (window.confirm does not work in Office task panes). */
  confirm(question: string): Promise<boolean>;
}

export interface SectionView {
  readonly id: string;
  readonly title: string;
  /** Redraws from the current model; called after every action. */
  render(): void;
  readonly root: HTMLElement;
}
