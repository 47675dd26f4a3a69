// How a Vietnamese letter addresses a person: "Đồng chí" and the title as the program gives
// it, completed with the unit's name when the title names only the kind of office. Offices
// write "Kính gửi: Đồng chí Chủ tịch UBND xã Đồng Tiến", not "Thủ trưởng UBND xã Đồng Tiến".

const FORM_OF_ADDRESS = /^(đồng chí|ông|bà)\s/i;

/** "Đồng chí Nguyễn Văn An"; a name already carrying a form of address is left as written. */
export function comrade(name: string): string {
  return FORM_OF_ADDRESS.test(name) ? name : `Đồng chí ${name}`;
}

/** The same inside a sentence: "ý kiến của đồng chí Nguyễn Văn An". */
export function comradeInText(name: string): string {
  return FORM_OF_ADDRESS.test(name) ? name : `đồng chí ${name}`;
}

const words = (s: string) => s.split(/\s+/).filter((w) => w !== '');
const same = (a: string, b: string) => a.localeCompare(b, 'vi', { sensitivity: 'accent' }) === 0;

/**
 * A unit head's full title. The title may end where the unit's name begins ("Chủ tịch UBND
 * xã" + "UBND xã Đồng Tiến", "Giám đốc Trung tâm" + "Trung tâm Khuyến nông", "Trưởng phòng"
 * + "Phòng Nội vụ"): the two are joined over the shared words, in the title's spelling. A
 * bare title ("Chi cục trưởng", "Giám đốc") is followed by the unit's name. Any other title
 * ("Trưởng phòng Nội vụ", "Chủ tịch Hội LHPN huyện") already says whose head it is.
 */
export function headTitle(title: string, unitName: string): string {
  const t = words(title);
  const u = words(unitName);
  for (let n = Math.min(t.length, u.length); n >= 1; n--) {
    const tail = t.slice(t.length - n);
    if (tail.every((w, i) => same(w, u[i] ?? ''))) return [...t, ...u.slice(n)].join(' ');
  }
  const bare = t.length <= 2 || /trưởng$/i.test(title.trim());
  return bare ? `${title.trim()} ${unitName.trim()}` : title.trim();
}

/**
 * "Đồng chí Nguyễn Văn An, Chủ tịch UBND xã Đồng Tiến"; "Đồng chí Chủ tịch UBND xã Đồng
 * Tiến" when the program names no one; "Lãnh đạo UBND xã Đồng Tiến" when it gives neither.
 */
export function unitHeadAddress(name: string | undefined, title: string | undefined, unitName: string): string {
  const full = title ? headTitle(title, unitName) : undefined;
  if (name && full) return `${comrade(name)}, ${full}`;
  if (full) return `Đồng chí ${full}`;
  if (name) return `${comrade(name)}, lãnh đạo ${unitName}`;
  return `Lãnh đạo ${unitName}`;
}

/** A person whose title is complete as given (the chair): "Đồng chí Lê Quang Trung, Phó Chủ tịch UBND huyện, Trưởng ban". */
export function personAddress(name: string | undefined, title: string | undefined, fallback: string): string {
  if (name && title) return `${comrade(name)}, ${title}`;
  if (name) return comrade(name);
  if (title) return `Đồng chí ${title}`;
  return fallback;
}
