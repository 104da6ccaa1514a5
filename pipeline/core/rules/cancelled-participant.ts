// Rule cancelled-participant: a participant whose registration is cancelled cannot attend or take
// the floor (Attendance and Speakers, Participant ID); such a row is an error and is left out. Pure.
import type { Located, ParticipantRow } from '../../../templates/contract/index.js';
import { ERROR_CODES } from '../issues.js';
import { at, leaveOut, type Rule } from './rule.js';

export const cancelledParticipant: Rule = {
  name: ERROR_CODES.cancelledParticipant,
  sheets: ['Attendance', 'Speakers'],
  apply(ctx) {
    const { sheets, issues } = ctx;
    const participants = sheets.Participants;
    if (!participants) return; // no participants, so none cancelled (the missing sheet is reported elsewhere)
    const cancelled = new Set(participants.rows.filter((r) => (r as Located<ParticipantRow>).status === 'Cancelled').map((r) => r.participantId as string));
    for (const name of ['Attendance', 'Speakers'] as const) {
      const s = sheets[name];
      leaveOut(ctx, name, (r) => {
        const id = r.participantId as string;
        if (!cancelled.has(id)) return true;
        issues.push({
          severity: 'error', code: ERROR_CODES.cancelledParticipant, sheet: name, cell: at(s!, 'participantId', r.row), row: r.row,
          found: JSON.stringify(id), expected: 'a participant whose registration is not cancelled',
          message: `Participant ${id} is recorded as ${name === 'Attendance' ? 'attending' : 'speaking'}, but their registration is cancelled (${at(participants, 'status', participants.ids.get(id)!)}).`,
        });
        return 'by a cancelled participant';
      });
    }
  },
};
