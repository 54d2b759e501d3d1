// migration-chain: the revision graph is broken. A revision without an id, two revisions with
// the same id, a down_revision that names no revision, or several heads: `alembic upgrade head`
// refuses to run ("Multiple head revisions", "Can't locate revision").
import type { Finding } from '../../findings/finding';
import { ancestorsOf } from '../revision-chain';
import type { MigrationSource } from '../types';
import { finding, type MigrationRule, type MigrationRuleContext } from './rule';

const START = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

export const migrationChain: MigrationRule = {
  id: 'migration-chain',
  doc: 'A missing or duplicate revision id, a down_revision naming nothing, or several heads.',
  defaultSeverity: 'error',
  check(context) {
    const findings: Finding[] = [];
    for (const source of context.chain.ordered) {
      if (!context.reviewed(source.file)) continue;
      findings.push(
        ...identityFindings(this, source, context),
        ...linkFindings(this, source, context),
      );
    }
    findings.push(...headFindings(this, context));
    return findings;
  },
};

function identityFindings(
  rule: MigrationRule,
  source: MigrationSource,
  context: MigrationRuleContext,
) {
  const info = source.revision;
  if (!info) return [];
  if (info.id === undefined) {
    // A helper module in versions/ has neither an id nor an upgrade(); it is no revision.
    if (!info.upgradeRange) return [];
    const message =
      `${source.file} has no \`revision = "..."\`, so Alembic cannot place it in the chain and ` +
      `\`alembic upgrade\` stops with an error. Give it a unique revision id.`;
    return [finding(rule, source.file, info.upgradeRange, message)];
  }
  const same = context.chain.byId.get(info.id) ?? [];
  if (same.length < 2 || same[0] === source) return [];
  const message =
    `Revision id "${info.id}" is also the id of ${same[0].file}. Alembic cannot tell the two ` +
    `apart and refuses to run. Give this revision a new id (and update any down_revision that ` +
    `meant it).`;
  const related = [
    {
      file: same[0].file,
      range: same[0].revision?.idRange ?? START,
      message: 'the other revision',
    },
  ];
  return [finding(rule, source.file, info.idRange ?? START, message, related)];
}

function linkFindings(rule: MigrationRule, source: MigrationSource, context: MigrationRuleContext) {
  const info = source.revision;
  if (!info) return [];
  const labels = new Set(
    context.chain.ordered.flatMap((other) => other.revision?.branchLabels ?? []),
  );
  const findings: Finding[] = [];
  for (const down of info.downRevisions) {
    if (context.chain.byId.has(down)) continue;
    const message =
      `down_revision "${down}" names no revision in this project, so Alembic cannot build the ` +
      `chain ("Can't locate revision"). Point it at the revision this one follows.`;
    findings.push(finding(rule, source.file, info.downRange ?? START, message));
  }
  for (const dependency of info.dependsOn) {
    if (context.chain.byId.has(dependency) || labels.has(dependency)) continue;
    const message =
      `depends_on "${dependency}" names no revision or branch label, so Alembic stops with ` +
      `"Can't locate revision". Fix the id or remove the dependency.`;
    findings.push(finding(rule, source.file, info.idRange ?? START, message));
  }
  return findings;
}

/** Several heads in one environment, unless each sits on its own labelled branch. */
function headFindings(rule: MigrationRule, context: MigrationRuleContext): Finding[] {
  const byEnvironment = new Map<string, MigrationSource[]>();
  for (const head of context.chain.heads) {
    const key = head.environment ?? '';
    byEnvironment.set(key, [...(byEnvironment.get(key) ?? []), head]);
  }
  const findings: Finding[] = [];
  for (const heads of byEnvironment.values()) {
    if (heads.length < 2 || onSeparateBranches(heads, context)) continue;
    for (const head of heads) {
      if (!context.reviewed(head.file)) continue;
      const others = heads.filter((other) => other !== head);
      const message =
        `Revision "${head.revision?.id}" is one of ${heads.length} heads: no revision follows it ` +
        `or ${others.map((o) => `"${o.revision?.id}"`).join(', ')}. \`alembic upgrade head\` ` +
        `fails with "Multiple head revisions". Merge them with \`alembic merge heads\`, or make ` +
        `one revise the other.`;
      const related = others.map((other) => ({
        file: other.file,
        range: other.revision?.idRange ?? START,
        message: 'another head',
      }));
      findings.push(finding(rule, head.file, head.revision?.idRange ?? START, message, related));
    }
  }
  return findings;
}

function onSeparateBranches(heads: MigrationSource[], context: MigrationRuleContext): boolean {
  const labelSets = heads.map((head) => {
    const ancestors = ancestorsOf(head, context.chain.byId);
    return [...ancestors]
      .flatMap((revision) => revision.revision?.branchLabels ?? [])
      .sort()
      .join(',');
  });
  return labelSets.every((labels) => labels !== '') && new Set(labelSets).size === heads.length;
}
