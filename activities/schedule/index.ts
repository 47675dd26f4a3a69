// Schedules computed for running workflows, with the one schedule function the plan uses
// (program/follow-ups.ts). Run as local activities: the result is recorded in the history,
// so a later change to the calendar data or the function never changes a replay.
import { DateTime } from 'luxon';
import { calendarFor, roundSteps, type FollowUpSpec, type Step } from '../../program/follow-ups';

export interface RoundRequest {
  spec: FollowUpSpec;
  dueAt: string;
  round: number;
  /** A new assignment (an inspection's remediation item) is also asked, at this instant. */
  requestAt?: string;
}

export interface ResubmitRequest {
  spec: FollowUpSpec;
  /** The instant the work was returned (the workflow's clock). */
  returnedAt: string;
  workingDays: number;
  /** Time of day of the new due (the previous due's), HH:mm. */
  time: string;
}

export function createScheduleActivities() {
  return {
    /** The steps of a round whose due has moved (extension, return, re-applied program). */
    async scheduleRound({ spec, dueAt, round, requestAt }: RoundRequest): Promise<Step[]> {
      return roundSteps(spec, dueAt, round, calendarFor(spec), requestAt);
    },
    /** The due of a resubmission when the office set none: N working days after the return. */
    async resubmitDue({ spec, returnedAt, workingDays, time }: ResubmitRequest): Promise<string> {
      const day = DateTime.fromISO(returnedAt, { zone: spec.timeZone }).toISODate()!;
      const date = calendarFor(spec).addWorkingDays(day, workingDays);
      return DateTime.fromISO(`${date}T${time}`, { zone: spec.timeZone }).toISO({ suppressMilliseconds: true })!;
    },
  };
}
