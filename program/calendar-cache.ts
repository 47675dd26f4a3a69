// The plan asks the same calendar questions many times (every unit of a period shares its
// dates); answers are memoised per compile so a national program stays fast.
import { addDays, type IsoDate, type WorkCalendar } from '../calendar';

export type CalendarLike = Pick<WorkCalendar, 'isWorkingDay' | 'addWorkingDays' | 'nextWorkingDay' | 'previousWorkingDay' | 'rollForward' | 'hasOfficialData' | 'isDayOff' | 'workingDaysBetween'>;

export class CachedCalendar {
  private readonly working = new Map<IsoDate, boolean>();
  private readonly added = new Map<string, IsoDate>();
  private readonly days = new Map<string, IsoDate>();

  constructor(readonly inner: CalendarLike) {}

  isWorkingDay(d: IsoDate): boolean {
    let v = this.working.get(d);
    if (v === undefined) {
      v = this.inner.isWorkingDay(d);
      this.working.set(d, v);
    }
    return v;
  }

  addWorkingDays(d: IsoDate, n: number): IsoDate {
    const key = `${d}|${n}`;
    let v = this.added.get(key);
    if (v === undefined) {
      v = this.inner.addWorkingDays(d, n);
      this.added.set(key, v);
    }
    return v;
  }

  addDays(d: IsoDate, n: number): IsoDate {
    const key = `${d}|${n}`;
    let v = this.days.get(key);
    if (v === undefined) {
      v = addDays(d, n);
      this.days.set(key, v);
    }
    return v;
  }

  /** Civil Code: a period ending on a day off ends on the next working day. */
  rollForward(d: IsoDate): IsoDate {
    return this.isWorkingDay(d) ? d : this.addWorkingDays(d, 0);
  }

  rollBack(d: IsoDate): IsoDate {
    return this.isWorkingDay(d) ? d : this.inner.previousWorkingDay(d);
  }
}
