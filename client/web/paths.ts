// URLs of the office pages, built in one place so ids with slashes are always encoded.
import { officeAssignmentPath } from '../../auth/links';

export const assignmentPath = officeAssignmentPath;
export const programPath = (programId: string) => `/office/programs/${encodeURIComponent(programId)}`;
export const unitHistoryPath = (programId: string, unitId: string) => `${programPath(programId)}/units/${encodeURIComponent(unitId)}`;

export function withQuery(path: string, params: Record<string, string | string[] | undefined>): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === '') continue;
    for (const one of Array.isArray(v) ? v : [v]) search.append(k, one);
  }
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}

/** A report cycle, task or campaign: the occurrence workflow's own page. */
export const occurrencePath = (workflowId: string) => `/office/occurrences/${encodeURIComponent(workflowId)}`;
export const occurrenceFilePath = (workflowId: string, ref: string) => `${occurrencePath(workflowId)}/files/${encodeURIComponent(ref)}`;
