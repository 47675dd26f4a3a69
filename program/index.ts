// The program layer's public surface: parse and check a program file, compile its plan,
// pick events out of it. Pure, so workflows may import it; reading files from disk is in
// ./load (loadProgram), which workflows must not import.
export { parseProgram, type LoadResult, type ProgramSource } from './parse';
export { compilePlan, planEvents, type CompileOptions } from './plan';
export { filterEvents, sortEvents, type EventFilter } from './plan-query';
export { periodWindows, type PeriodWindow } from './periods';
export { formatDiagnostic, formatPath, type Diagnostic, type Severity } from './errors';
export { Directory } from './assignees';
export { calendarOverrides } from './calendar-overrides';
export type * from './types';
