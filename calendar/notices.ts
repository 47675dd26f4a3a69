// The yearly decisions on Tết, the extra 2/9 day and swapped working days for state officials
// (cán bộ, công chức, viên chức), as data. Until 2025 the Ministry of Labour (Bộ LĐ-TB&XH)
// proposed and announced them after the Government Office (Văn phòng Chính phủ) conveyed the
// Prime Minister's approval; from 2025 the Ministry of Home Affairs (Bộ Nội vụ) does.
// Holidays fixed by the Labour Code itself (1/1, Giỗ Tổ, 30/4, 1/5, 2/9) and compensatory
// days (art. 111(3)) are not repeated here: holidays.ts and year-calendar.ts derive them, and
// test/calendar checks the result against the day lists these documents publish.
//
// Checked against press reports of the documents (research in 2026):
// - 2021: number from the reports, issue date not confirmed (December 2020).
// - 2024: Tết document number confirmed, its issue date not (late 2023).
// - 2026: the Saturday worked for the 31/8 swap (22/8/2026) comes from one press report of the
//   Prime Minister's approval; the Bộ Nội vụ notice is cited as "Thông báo số 9441".
// Not encoded: "Ngày Văn hóa Việt Nam" (24/11). Politburo Resolution 80-NQ/TW (7/1/2026) wants it
// to be a paid holiday and Government Resolution 30/NQ-CP (2/2026) tasks amending Labour Code
// art. 112(1); until that amendment is law and dated, a program can add it through overrides.
import type { IsoDate } from './dates';
import type { DayOff } from './types';

export interface Swap {
  /** The weekday given off to bridge a holiday. */
  dayOff: IsoDate;
  /** The Saturday worked in exchange. */
  workedSaturday: IsoDate;
  /** The holiday the swap bridges, in Vietnamese (used in the day's name). */
  occasion: string;
}

export interface YearNotice {
  year: number;
  /** The five Tết days named by the decision (some may fall on a weekend). */
  tet: IsoDate[];
  /** The day next to 2/9 that is also a holiday. */
  nationalDayExtra: IsoDate;
  swaps: Swap[];
  /** One-off days off granted on top of the Labour Code (none so far). */
  extraDaysOff: DayOff[];
  sources: string[];
}

export const NOTICES: readonly YearNotice[] = [
  {
    year: 2021,
    tet: ['2021-02-10', '2021-02-11', '2021-02-12', '2021-02-13', '2021-02-14'],
    nationalDayExtra: '2021-09-03',
    swaps: [],
    extraDaysOff: [],
    sources: [
      'Thông báo 4875/TB-LĐTBXH (12/2020) của Bộ Lao động – Thương binh và Xã hội: Tết Âm lịch từ 10/2 đến hết 16/2/2021 (2 ngày trước Tết, 3 ngày sau Tết, nghỉ bù 15–16/2); Quốc khánh 2/9 và 3/9/2021',
    ],
  },
  {
    year: 2022,
    tet: ['2022-01-31', '2022-02-01', '2022-02-02', '2022-02-03', '2022-02-04'],
    nationalDayExtra: '2022-09-01',
    swaps: [],
    extraDaysOff: [],
    sources: [
      'Công văn 245/VPCP-KGVX ngày 11/01/2022 của Văn phòng Chính phủ (ý kiến Phó Thủ tướng Vũ Đức Đam): Tết Âm lịch từ 31/1 đến hết 4/2/2022 (1 ngày trước Tết, 4 ngày sau Tết); Quốc khánh 1/9 và 2/9/2022',
    ],
  },
  {
    year: 2023,
    tet: ['2023-01-20', '2023-01-21', '2023-01-22', '2023-01-23', '2023-01-24'],
    nationalDayExtra: '2023-09-01',
    swaps: [],
    extraDaysOff: [],
    sources: [
      'Công văn 8056/VPCP-KGVX ngày 01/12/2022 của Văn phòng Chính phủ: Tết Âm lịch từ 20/1 đến hết 26/1/2023 (2 ngày trước Tết, 3 ngày sau Tết, 2 ngày nghỉ bù); Quốc khánh từ 1/9 đến hết 4/9/2023',
    ],
  },
  {
    year: 2024,
    tet: ['2024-02-08', '2024-02-09', '2024-02-10', '2024-02-11', '2024-02-12'],
    nationalDayExtra: '2024-09-03',
    swaps: [{ dayOff: '2024-04-29', workedSaturday: '2024-05-04', occasion: '30/4 – 1/5' }],
    extraDaysOff: [],
    sources: [
      'Công văn 8662/VPCP-KGVX (cuối 2023) của Văn phòng Chính phủ: Tết Âm lịch từ 8/2 đến hết 14/2/2024 (29 tháng Chạp đến mùng 5, gồm 2 ngày nghỉ bù); Quốc khánh từ 31/8 đến hết 3/9/2024',
      'Công văn 2450/VPCP-KGVX ngày 12/04/2024 của Văn phòng Chính phủ: nghỉ từ 27/4 đến hết 1/5/2024, hoán đổi thứ Hai 29/4 sang thứ Bảy 4/5/2024',
    ],
  },
  {
    year: 2025,
    tet: ['2025-01-27', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31'],
    nationalDayExtra: '2025-09-01',
    swaps: [{ dayOff: '2025-05-02', workedSaturday: '2025-04-26', occasion: '30/4 – 1/5' }],
    extraDaysOff: [],
    sources: [
      'Công văn 8726/VPCP-KGVX ngày 26/11/2024 của Văn phòng Chính phủ: Tết Âm lịch từ 25/1 đến hết 2/2/2025 (nghỉ 27–31/1); 30/4 – 1/5 nghỉ từ 30/4 đến hết 4/5/2025, hoán đổi thứ Sáu 2/5 sang thứ Bảy 26/4/2025; Quốc khánh từ 30/8 đến hết 2/9/2025',
    ],
  },
  {
    year: 2026,
    tet: ['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20'],
    nationalDayExtra: '2026-09-01',
    swaps: [
      { dayOff: '2026-01-02', workedSaturday: '2026-01-10', occasion: 'Tết Dương lịch' },
      { dayOff: '2026-08-31', workedSaturday: '2026-08-22', occasion: 'Quốc khánh' },
    ],
    extraDaysOff: [],
    sources: [
      'Thông báo 9441/TB-BNV ngày 16/10/2025 của Bộ Nội vụ (theo ý kiến Thủ tướng Chính phủ): Tết Âm lịch từ 14/2 đến hết 22/2/2026 (nghỉ 16–20/2, 1 ngày trước Tết, 4 ngày sau Tết); Quốc khánh từ 29/8 đến hết 2/9/2026, hoán đổi thứ Hai 31/8 sang thứ Bảy 22/8/2026',
      'Công văn 12729/VPCP-KGVX ngày 25/12/2025 của Văn phòng Chính phủ: Tết Dương lịch từ 1/1 đến hết 4/1/2026, hoán đổi thứ Sáu 2/1 sang thứ Bảy 10/1/2026',
    ],
  },
];

export function noticeFor(year: number): YearNotice | undefined {
  return NOTICES.find((n) => n.year === year);
}

/** The first year with a notice: days off of earlier years are estimated by the rules of their time. */
export const OFFICIAL_DATA_FROM = Math.min(...NOTICES.map((n) => n.year));
