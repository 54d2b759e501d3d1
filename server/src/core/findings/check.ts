// Runs the rules over the index: pairs the entities, compares the pairs' fields once, lets every
// rule report, then applies the configured severities and the seam-ignore comments.
import type { FileFacts } from '../facts';
import type { SeamConfig } from '../config/seam-config';
import type { IndexView } from '../index/resolved';
import { silentLogger, type Logger } from '../log';
import { MigrationIndexes } from '../migrations/migration-indexes';
import { pairingWork, type Pairing } from '../pairing/pairs';
import { finish, type Pausable } from '../pausable';
import { FieldComparisons } from '../rules/field-comparison';
import { PropertyReads } from '../rules/property-reads';
import { QueryWorkspace } from '../rules/query-workspace';
import { RULES } from '../rules/registry';
import type { RuleContext } from '../rules/rule';
import type { Finding } from './finding';

export interface CheckResult {
  findings: Finding[];
  pairing: Pairing;
}

export function checkWorkspace(
  view: IndexView,
  files: Iterable<FileFacts>,
  config: SeamConfig,
  logger: Logger = silentLogger,
): CheckResult {
  return finish(checkWork(view, files, config, logger));
}

/**
 * `checkWorkspace` as pausable work (see core/pausable.ts): pauses inside the pairing, after
 * each pair's field comparison, each migration replayed and each rule.
 */
export function* checkWork(
  view: IndexView,
  files: Iterable<FileFacts>,
  config: SeamConfig,
  logger: Logger = silentLogger,
): Pausable<CheckResult> {
  const facts = [...files];
  const pairing = yield* pairingWork(view, {
    threshold: config.threshold,
    explicit: config.pairs,
  });
  const comparisons = new FieldComparisons(view, pairing.pairs);
  // Most field rules walk every comparison: computed here, they are computed between pauses.
  yield* comparisons.allWork();
  const migrations = new MigrationIndexes(facts);
  // The query rules ask what the migrations leave indexed; the replay, too, pauses.
  yield* migrations.replayWork();
  const context: RuleContext = {
    view,
    pairing,
    comparisons,
    reads: yield* PropertyReads.build(facts),
    queries: new QueryWorkspace(facts, view.pythonModules),
    migrations,
  };

  const findings: Finding[] = [];
  for (const rule of RULES) {
    const setting = config.rules[rule.id];
    if (setting === 'off') continue;
    yield;
    try {
      const found = rule.checkWork ? yield* rule.checkWork(context) : rule.check(context);
      for (const finding of found) {
        findings.push(setting ? { ...finding, severity: setting } : finding);
      }
    } catch (error) {
      logger.error(`rule ${rule.id} failed; its findings are missing`, error);
    }
  }
  return { findings: applySuppressions(findings, facts), pairing };
}

/**
 * Drops findings silenced by a `seam-ignore` comment on the line above, and reports such
 * comments that give no reason.
 */
function applySuppressions(findings: Finding[], facts: FileFacts[]): Finding[] {
  const byFile = new Map(facts.map((f) => [f.file, f.suppressions]));
  const kept = findings.filter((finding) => {
    const suppressions = byFile.get(finding.file) ?? [];
    return !suppressions.some(
      (s) =>
        s.reason &&
        (s.line === finding.range.start.line - 1 || s.line === finding.range.start.line) &&
        s.rules.includes(finding.code),
    );
  });
  for (const fileFacts of facts) {
    for (const suppression of fileFacts.suppressions) {
      if (suppression.reason) continue;
      kept.push({
        code: 'seam-ignore-reason',
        severity: 'warning',
        file: fileFacts.file,
        range: suppression.range,
        message:
          'This seam-ignore gives no reason, so it silences nothing. Write why after a colon: ' +
          '`seam-ignore rule-id: the reason`.',
        related: [],
      });
    }
  }
  return sortFindings(kept);
}

export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort(
    (a, b) =>
      a.file.localeCompare(b.file) ||
      a.range.start.line - b.range.start.line ||
      a.range.start.character - b.range.start.character ||
      a.code.localeCompare(b.code),
  );
}
