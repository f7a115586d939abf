import { z } from 'zod';
import { entityId, limits } from './models';

/**
 * Sessions: a roundtable, a committee or working-group meeting, or a focus group's gathering. Focus
 * groups record their sessions here; notes carried to the table point at a roundtable session.
 */
export const sessionKinds = ['roundtable', 'steering_committee', 'working_group', 'focus_group'] as const;
export const sessionStatuses = ['planned', 'live', 'closed'] as const;

/** Whether `2026-02-30` and the like name a day that exists (Date.parse rolls them over instead). */
function isRealDate(value: string): boolean {
  const [year, month, day] = value.slice(0, 10).split('-').map(Number);
  const at = new Date(Date.UTC(year, month - 1, day));
  const time = value.length > 10 ? value.slice(11).split(':').map(Number) : [0, 0];
  return (
    at.getUTCFullYear() === year &&
    at.getUTCMonth() === month - 1 &&
    at.getUTCDate() === day &&
    time[0] < 24 &&
    time[1] < 60
  );
}

/** A calendar date and a local time of day, as the facilitator typed them: `2026-11-23T18:30`. */
export const LocalDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?$/, 'must be a date like 2026-11-23 or 2026-11-23T18:30')
  .refine(isRealDate, 'is not a real date')
  .or(z.literal(''));

export const LocalDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2026-11-23')
  .refine(isRealDate, 'is not a real date')
  .or(z.literal(''));

export const Session = z.object({
  id: entityId,
  kind: z.enum(sessionKinds),
  title: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  place: z.string(),
  topic: z.string(),
  /** The group that holds it: a focus group's own sessions, a working group's meetings. */
  groupId: entityId.nullable(),
  facilitatorId: entityId.nullable(),
  status: z.enum(sessionStatuses),
});
export type Session = z.infer<typeof Session>;

const sessionFields = {
  kind: z.enum(sessionKinds),
  title: z.string().trim().min(1, 'must not be empty').max(limits.name),
  startsAt: LocalDateTime,
  endsAt: LocalDateTime,
  place: z.string().max(limits.shortText),
  topic: z.string().max(limits.longText),
  groupId: entityId.nullable(),
  facilitatorId: entityId.nullable(),
  status: z.enum(sessionStatuses),
};

export const SessionDraft = z
  .object({
    ...sessionFields,
    startsAt: LocalDateTime.default(''),
    endsAt: LocalDateTime.default(''),
    place: sessionFields.place.default(''),
    topic: sessionFields.topic.default(''),
    groupId: sessionFields.groupId.default(null),
    facilitatorId: sessionFields.facilitatorId.default(null),
    status: sessionFields.status.default('planned'),
  })
  .strict();
export type SessionDraft = z.input<typeof SessionDraft>;

export const SessionPatch = z.object(sessionFields).partial().strict();
export type SessionPatch = z.infer<typeof SessionPatch>;

export const SessionFilter = z
  .object({ kind: z.enum(sessionKinds).optional(), groupId: entityId.optional() })
  .strict()
  .default({});
