// The demo program `npm start` applies beside the real one, generated for fixed "now" values:
// it validates like any program file, its requests are due at once, one assignment falls
// overdue and escalates within minutes (as the assignment workflow itself computes it), and
// its ordinary deadlines respect the working-day calendar (Tết, weekends, the year's end).
import { describe, expect, it } from 'vitest';
import { WorkCalendar } from '../../calendar';
import { demoProgram } from '../../dev/demo-program';
import { compilePlan, parseProgram, type Program } from '../../program';
import { assignmentInputSchema } from '../../workflows/assignment/messages';
import { ProgramIndex } from '../../activities/plan/occurrence-inputs';

const national = new WorkCalendar();
const MINUTE = 60_000;

function load(now: number): { program: Program; demo: ReturnType<typeof demoProgram> } {
  const demo = demoProgram(now);
  const result = parseProgram({ text: demo.yaml, fileName: 'demo-program.yaml' });
  if (!result.ok) throw new Error(result.errors.map((e) => `${e.line}:${e.col} ${e.path}: ${e.message}`).join('\n'));
  return { program: result.program, demo };
}

const cases: { name: string; at: string; dayOff: boolean }[] = [
  { name: 'an ordinary Wednesday morning', at: '2026-12-02T08:30:12+07:00', dayOff: false },
  { name: 'the first working day of the Tết week 2026 is still Tết (Monday 16/2)', at: '2026-02-16T10:00:00+07:00', dayOff: true },
  { name: 'Tết 2027 (Saturday 6/2, mùng 1)', at: '2027-02-06T15:45:30+07:00', dayOff: true },
  { name: 'a Sunday afternoon', at: '2026-12-06T14:07:00+07:00', dayOff: true },
  { name: '31 December, a working Thursday', at: '2026-12-31T16:20:00+07:00', dayOff: false },
  { name: '31 December, a minute before midnight', at: '2026-12-31T23:58:40+07:00', dayOff: false },
];

describe('demo program', () => {
  for (const c of cases) {
    describe(c.name, () => {
      const now = Date.parse(c.at);
      const { program, demo } = load(now);
      const plan = compilePlan(program);

      it('is a labelled demo with its own id, and validates with the program schema', () => {
        const year = Number(c.at.slice(0, 4));
        expect(program.program.id).toBe(`demo-${year}`);
        expect(program.program.title).toMatch(/^\[Minh họa\]/);
        expect(program.program.titleEn).toMatch(/^\[Demo\]/);
        expect(demo.yaml.split('\n')[0]).toMatch(/MINH HỌA/);
        expect(national.isWorkingDay(c.at.slice(0, 10))).toBe(!c.dayOff);
      });

      it('sends every request within the first minute', () => {
        expect(plan.assignments.length).toBeGreaterThanOrEqual(5);
        for (const a of plan.assignments) {
          const at = Date.parse(a.request!.at);
          expect(at).toBeLessThanOrEqual(now + MINUTE);
          expect(at).toBeGreaterThan(now - MINUTE);
        }
      });

      it('has an assignment that falls overdue and escalates within minutes, as the workflow schedules it', () => {
        const overdue = plan.assignments.find((a) => a.id === demo.overdueAssignmentId)!;
        expect(overdue).toBeDefined();
        const due = Date.parse(overdue.due.at);
        expect(due).toBeGreaterThan(now);
        expect(due).toBeLessThanOrEqual(now + 3 * MINUTE);
        // What the assignment workflow will do, from the same inputs the program workflow gives it.
        const index = new ProgramIndex(program, plan);
        const occurrence = plan.occurrences.find((o) => o.id === overdue.occurrenceId)!;
        const input = assignmentInputSchema.parse(index.assignmentInput(occurrence, overdue));
        const escalations = input.steps.filter((s) => s.kind === 'escalation');
        expect(escalations.map((s) => s.audience)).toEqual(['unit-head', 'office']);
        for (const s of escalations) {
          expect(Date.parse(s.at)).toBeGreaterThan(due);
          expect(Date.parse(s.at)).toBeLessThanOrEqual(now + 5 * MINUTE);
        }
        // The compiled plan says the same as the workflow (what `dondoc plan` shows).
        expect(overdue.escalations.map((e) => Date.parse(e.at))).toEqual(escalations.map((s) => Date.parse(s.at)));
      });

      it('declares a day off worked only when the short deadline needs it, and says so', () => {
        const dueDate = demo.overdueDueAt.slice(0, 10);
        expect(demo.workedDaysOff.length > 0).toBe(c.dayOff || !national.isWorkingDay(dueDate));
        for (const d of demo.workedDaysOff) expect(national.isWorkingDay(d)).toBe(false);
        if (demo.workedDaysOff.length > 0) expect(demo.yaml).toContain('ngày nghỉ; bản minh họa coi là ngày làm việc (calendar.workingDays)');
      });

      it('keeps the ordinary deadlines on working days of the real calendar, after today', () => {
        const quick = plan.assignments.find((a) => a.id === demo.submittedAssignmentId)!;
        expect(quick).toBeDefined();
        expect(national.isWorkingDay(quick.due.date)).toBe(true);
        expect(quick.due.date > c.at.slice(0, 10)).toBe(true);
        expect(national.workingDaysBetween(national.rollForward(c.at.slice(0, 10)), quick.due.date)).toBe(3);
        const monthly = plan.assignments.filter((a) => a.itemId === 'bao-cao-thang');
        expect(monthly.length).toBe(3);
        for (const a of monthly) expect(national.isWorkingDay(a.due.date)).toBe(true);
      });
    });
  }

  it('near midnight on 31 December moves the short deadline to the first minutes of 1 January, declared worked', () => {
    const demo = demoProgram(Date.parse('2026-12-31T23:58:40+07:00'));
    expect(demo.overdueDueAt).toBe('2027-01-01T00:00:00+07:00');
    expect(demo.workedDaysOff).toEqual(['2027-01-01']);
  });

  it('puts 31 December deadlines in January, and the Tết week ones after Tết', () => {
    expect(compilePlan(load(Date.parse('2026-12-31T16:20:00+07:00')).program).assignments.find((a) => a.itemId === 'bao-cao-nhanh')!.due.date).toBe('2027-01-06');
    // Tết 2026: 14/2–22/2 off; the first working day is Monday 23/2, three working days later 26/2.
    expect(compilePlan(load(Date.parse('2026-02-16T10:00:00+07:00')).program).assignments.find((a) => a.itemId === 'bao-cao-nhanh')!.due.date).toBe('2026-02-26');
  });
});
