// The program types the rest of dondoc uses: what a valid program file parses to.
import type { z } from 'zod';
import type * as s from './schema';

export type Program = z.output<typeof s.programFile>;
export type ProgramHeader = Program['program'];
export type Unit = Program['units'][number];
export type Group = Program['groups'][number];
export type Item = Program['items'][number];
export type ItemKind = Item['kind'];
export type ReportItem = Extract<Item, { kind: 'report' }>;
export type TaskItem = Extract<Item, { kind: 'task' }>;
export type CampaignItem = Extract<Item, { kind: 'campaign' }>;
export type InspectionItem = Extract<Item, { kind: 'inspection' }>;
export type DateSpec = z.output<typeof s.dateSpec>;
export type OffsetSpec = z.output<typeof s.offsetSpec>;
export type Anchor = z.output<typeof s.anchor>;
export type Reminder = z.output<typeof s.reminder>;
export type EscalationStep = z.output<typeof s.escalationStep>;
export type Audience = EscalationStep['to'];
export type Review = z.output<typeof s.review>;
export type Consolidation = z.output<typeof s.consolidation>;
export type Indicator = z.output<typeof s.indicator>;
export type PeriodKind = z.output<typeof s.periodKind>;
export type Defaults = Program['defaults'];
export type Recipient = z.output<typeof s.recipient>;
export type Person = z.output<typeof s.person>;

export type { PlannedEvent, PlannedAssignment, Occurrence, Plan, EventKind, EventAudience, Instant } from './plan-types';
