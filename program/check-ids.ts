// Ids become Temporal workflow ids by joining them with "/": a program's occurrence is
// `<program>/<item>/<period>`, a unit's assignment `<occurrence>/<unit>`, a campaign's
// results cycle `<occurrence>/ket-qua`, the program's own workflow `program/<program>`,
// a stand-alone assignment `assign/…`. A unit or program id equal to one of those fixed
// segments would make two workflows claim one id, so validate refuses it.
import { error, type Finding } from './errors';
import { arr, rec, str } from './raw';

/** Segments dondoc itself puts where a unit id would go. */
export const RESERVED_UNIT_IDS = ['ket-qua', 'ke-hoach'] as const;
/** Prefixes of workflow ids dondoc builds itself. */
export const RESERVED_PROGRAM_IDS = ['program', 'assign'] as const;

export function checkReservedIds(value: unknown): Finding[] {
  const root = rec(value) ?? {};
  const out: Finding[] = [];
  const programId = str(rec(root.program)?.id);
  if (programId !== undefined && (RESERVED_PROGRAM_IDS as readonly string[]).includes(programId)) {
    out.push(error(['program', 'id'], `mã chương trình "${programId}" trùng với tiền tố hệ thống dùng (${RESERVED_PROGRAM_IDS.join(', ')}); hãy đặt mã khác (reserved program id)`));
  }
  arr(root.units).forEach((u, i) => {
    const id = str(rec(u)?.id);
    if (id !== undefined && (RESERVED_UNIT_IDS as readonly string[]).includes(id)) {
      out.push(error(['units', i, 'id'], `mã đơn vị "${id}" trùng với mã hệ thống dùng cho quy trình (${RESERVED_UNIT_IDS.join(', ')}); hãy đặt mã khác (reserved unit id)`));
    }
  });
  return out;
}
