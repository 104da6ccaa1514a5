// The shape of summary.json: every figure of a meeting report, as a zod schema that both the
// pipeline (before writing) and the add-in (for its task pane) rely on. Pure.
import { z } from 'zod';
import { CATEGORIES, ROLES } from '../../templates/contract/index.js';

const count = z.number().int().nonnegative();
/** A share between 0 and 1; null when its denominator is 0, never NaN. */
const share = z.number().min(0).max(1).nullable();

export const GenderCountsSchema = z.object({ woman: count, man: count, other: count, notStated: count });
export type GenderCounts = z.infer<typeof GenderCountsSchema>;

/** People counted by gender; the share of women is women / (women + men + other). */
export const GenderBreakdownSchema = z.object({ total: count, byGender: GenderCountsSchema, womenShare: share });
export type GenderBreakdown = z.infer<typeof GenderBreakdownSchema>;

function byKeys<K extends string, T extends z.ZodType>(keys: readonly K[], value: T): z.ZodObject<{ [P in K]: T }> {
  return z.object(Object.fromEntries(keys.map((k) => [k, value])) as { [P in K]: T });
}

const ByCategorySchema = byKeys(CATEGORIES, GenderBreakdownSchema);
const ByRoleSchema = byKeys(ROLES, GenderBreakdownSchema);

export const MinutesSchema = z.object({
  total: z.number().nonnegative(),
  byGender: z.object({ woman: z.number().nonnegative(), man: z.number().nonnegative(), other: z.number().nonnegative(), notStated: z.number().nonnegative() }),
  /** How many interventions had their minutes recorded. */
  timedInterventions: count,
});

export const SpeakersSummarySchema = z.object({
  interventions: count,
  byGender: GenderCountsSchema,
  /** Share of interventions made by women, with the same denominator rule as attendance. */
  womenShare: share,
  minutes: MinutesSchema,
});
export type SpeakersSummary = z.infer<typeof SpeakersSummarySchema>;

export const SessionSummarySchema = z.object({
  id: z.string(),
  date: z.string(),
  start: z.string(),
  end: z.string(),
  title: z.string(),
  kind: z.string(),
  attendees: z.object({
    total: count,
    byGender: GenderCountsSchema,
    womenShare: share,
    byMode: z.object({ inPerson: GenderBreakdownSchema, online: GenderBreakdownSchema }),
    byCategory: ByCategorySchema,
    headsOfDelegation: GenderBreakdownSchema,
  }),
  /** Null when the workbook has no Speakers sheet: not recorded, which is not zero. */
  speakers: SpeakersSummarySchema.nullable(),
});
export type SessionSummary = z.infer<typeof SessionSummarySchema>;

const ParticipantGroupSchema = GenderBreakdownSchema.extend({ byCategory: ByCategorySchema, byRole: ByRoleSchema });

export const DelegationCountsSchema = z.object({
  /** Delegations with at least one participant who is not cancelled. */
  total: count,
  withWoman: count,
  womanHeaded: count,
  menOnly: count,
});
export type DelegationCounts = z.infer<typeof DelegationCountsSchema>;

export const SummarySchema = z.object({
  /**
   * The workbook contract version (CONTRACT_VERSION) of the att-meetings that wrote the summary, so
   * that a later one can tell an older summary from a damaged one; absent in the add-in's summaries.
   */
  contractVersion: z.number().int().positive().optional(),
  meeting: z.object({
    code: z.string(),
    title: z.string(),
    venue: z.string().nullable(),
    city: z.string().nullable(),
    startDate: z.string(),
    endDate: z.string(),
  }),
  /** The three figures a reader looks for first. */
  headline: z.object({
    /** Women among the distinct participants who attended at least one session. */
    attendees: share,
    /** Women among the heads of delegation who attended at least one session. */
    headsOfDelegation: share,
    /** Women's share of interventions; null without a Speakers sheet. */
    speakers: share,
  }),
  sessions: z.array(SessionSummarySchema),
  participants: z.object({
    /** Everyone registered and not cancelled. */
    registered: ParticipantGroupSchema,
    /** The distinct participants with an Attendance row for at least one session. */
    attended: ParticipantGroupSchema,
    /** Registered but attended no session. */
    noShows: GenderBreakdownSchema,
  }),
  delegations: DelegationCountsSchema.extend({ byCategory: byKeys(CATEGORIES, DelegationCountsSchema) }),
  /** Meeting-wide interventions; null without a Speakers sheet. */
  speakers: SpeakersSummarySchema.nullable(),
  /** Added by the pipeline from validation; absent when the summary is computed in the add-in. */
  dataQuality: z
    .object({
      errors: count,
      warnings: count,
      leftOut: z.array(z.object({ sheet: z.string(), count, reasons: z.array(z.string()) })),
    })
    .optional(),
});

export type Summary = z.infer<typeof SummarySchema>;
