// When a dated act is late against a deadline from the Meeting sheet: after the deadline day, the
// day itself being on time. Shared by late-registration and late-submission. Pure.

/** True when `day` (ISO date) falls after `deadline` (ISO date); on the deadline day is on time. */
export function isLate(day: string, deadline: string): boolean {
  return day > deadline;
}
