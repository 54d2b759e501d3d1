// Orders Alembic revisions so that each comes after the revisions it revises, and finds the
// chain's heads, duplicates and dangling links for the chain rule.
import type { MigrationSource } from './types';

export interface RevisionChain {
  /** Every revision, each after its down revisions (broken links and cycles go last). */
  ordered: MigrationSource[];
  /** Revisions that no other revision revises. */
  heads: MigrationSource[];
  /** The revisions of each id, more than one when the id is duplicated. */
  byId: Map<string, MigrationSource[]>;
}

export function orderRevisions(revisions: readonly MigrationSource[]): RevisionChain {
  const sorted = [...revisions].sort((a, b) => a.file.localeCompare(b.file));
  const byId = new Map<string, MigrationSource[]>();
  for (const revision of sorted) {
    const id = revision.revision?.id;
    if (id !== undefined) byId.set(id, [...(byId.get(id) ?? []), revision]);
  }
  return { ordered: topologicalOrder(sorted, byId), heads: headsOf(sorted, byId), byId };
}

/** One chain per Alembic environment, joined: their orders in turn, all their heads. */
export function chainOfEnvironments(revisions: readonly MigrationSource[]): RevisionChain {
  const environments = [...new Set(revisions.map((revision) => revision.environment ?? ''))];
  const chains = environments.map((environment) =>
    orderRevisions(revisions.filter((revision) => (revision.environment ?? '') === environment)),
  );
  return {
    ordered: chains.flatMap((chain) => chain.ordered),
    heads: chains.flatMap((chain) => chain.heads),
    byId: new Map(chains.flatMap((chain) => [...chain.byId])),
  };
}

function topologicalOrder(
  sorted: MigrationSource[],
  byId: Map<string, MigrationSource[]>,
): MigrationSource[] {
  const placed = new Set<MigrationSource>();
  const ordered: MigrationSource[] = [];
  const ready = (revision: MigrationSource) =>
    (revision.revision?.downRevisions ?? []).every((down) => {
      const parents = byId.get(down);
      return !parents || parents.every((parent) => placed.has(parent));
    });
  for (let progress = true; progress;) {
    progress = false;
    for (const revision of sorted) {
      if (placed.has(revision) || !ready(revision)) continue;
      placed.add(revision);
      ordered.push(revision);
      progress = true;
    }
  }
  return [...ordered, ...sorted.filter((revision) => !placed.has(revision))];
}

function headsOf(sorted: MigrationSource[], byId: Map<string, MigrationSource[]>) {
  const revised = new Set<string>();
  for (const revision of sorted) {
    for (const down of revision.revision?.downRevisions ?? []) revised.add(down);
  }
  return sorted.filter((revision) => {
    const id = revision.revision?.id;
    return id !== undefined && !revised.has(id) && byId.get(id)?.[0] === revision;
  });
}

/** The revisions a revision descends from, itself included. */
export function ancestorsOf(
  revision: MigrationSource,
  byId: Map<string, MigrationSource[]>,
): Set<MigrationSource> {
  const seen = new Set<MigrationSource>();
  const pending = [revision];
  while (pending.length) {
    const current = pending.pop()!;
    if (seen.has(current)) continue;
    seen.add(current);
    for (const down of current.revision?.downRevisions ?? [])
      pending.push(...(byId.get(down) ?? []));
  }
  return seen;
}
