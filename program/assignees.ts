// Who an item is assigned to: unit ids and group ids, expanded to units in the order the
// file lists them (so plans and ids come out the same on every run).

export interface DirectoryInput {
  units: ReadonlyArray<{ id: string; groups?: readonly string[] | undefined }>;
  groups: ReadonlyArray<{ id: string; members?: readonly string[] | undefined }>;
}

export class Directory {
  private readonly order = new Map<string, number>();
  private readonly direct = new Map<string, string[]>();
  private readonly expanded = new Map<string, string[]>();
  /** Group ids that reach themselves through members; reported by the checks. */
  readonly cycles = new Set<string>();

  constructor(input: DirectoryInput) {
    input.units.forEach((u, i) => {
      if (!this.order.has(u.id)) this.order.set(u.id, i);
    });
    for (const g of input.groups) if (!this.direct.has(g.id)) this.direct.set(g.id, [...(g.members ?? [])]);
    for (const u of input.units) {
      for (const g of u.groups ?? []) this.direct.get(g)?.push(u.id);
    }
  }

  isUnit(id: string): boolean {
    return this.order.has(id);
  }

  isGroup(id: string): boolean {
    return this.direct.has(id);
  }

  get unitIds(): string[] {
    return [...this.order.keys()];
  }

  get groupIds(): string[] {
    return [...this.direct.keys()];
  }

  /** The units of a group, in file order; a member cycle is cut where it closes. */
  members(groupId: string): string[] {
    const cached = this.expanded.get(groupId);
    if (cached) return cached;
    const found = new Set<string>();
    const visit = (id: string, trail: Set<string>): void => {
      if (this.order.has(id)) {
        found.add(id);
        return;
      }
      const members = this.direct.get(id);
      if (!members) return;
      if (trail.has(id)) {
        this.cycles.add(id);
        return;
      }
      trail.add(id);
      for (const m of members) visit(m, trail);
      trail.delete(id);
    };
    visit(groupId, new Set());
    const list = this.sorted(found);
    this.expanded.set(groupId, list);
    return list;
  }

  /** Unit and group ids → unit ids, without duplicates, in file order. Unknown ids are skipped. */
  resolve(ids: readonly string[]): string[] {
    const found = new Set<string>();
    for (const id of ids) {
      if (this.order.has(id)) found.add(id);
      else for (const m of this.members(id)) found.add(m);
    }
    return this.sorted(found);
  }

  private sorted(ids: Set<string>): string[] {
    return [...ids].sort((a, b) => (this.order.get(a) ?? 0) - (this.order.get(b) ?? 0));
  }
}
