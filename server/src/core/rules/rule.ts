// What a rule is: a stable id, a one-line doc, a default severity, and a check over the index
// and the pairs that returns findings. Rules never see LSP or the file system.
import type { Finding, Severity } from '../findings/finding';
import type { IndexView } from '../index/resolved';
import type { MigrationIndexes } from '../migrations/migration-indexes';
import type { Pairing } from '../pairing/pairs';
import { finish, type Pausable } from '../pausable';
import type { FieldComparisons } from './field-comparison';
import type { PropertyReads } from './property-reads';
import type { QueryWorkspace } from './query-workspace';

export interface RuleContext {
  view: IndexView;
  pairing: Pairing;
  comparisons: FieldComparisons;
  reads: PropertyReads;
  /** Python query facts of every file, for the query-performance rules. */
  queries: QueryWorkspace;
  /** What the project's migrations, replayed, leave indexed (replayed on first question). */
  migrations: MigrationIndexes;
}

export interface Rule {
  id: string;
  /** One line: what the rule finds. */
  doc: string;
  defaultSeverity: Severity;
  check(context: RuleContext): Finding[];
  /**
   * The same check as pausable work (see core/pausable.ts), for rules that walk every comparison
   * or file: the server answers the editor between two of them.
   */
  checkWork?(context: RuleContext): Pausable<Finding[]>;
}

type PausableRule = Omit<Rule, 'check' | 'checkWork'> & {
  checkWork(context: RuleContext): Pausable<Finding[]>;
};

/** A rule written as pausable work; its `check` runs the work at once. */
export function pausableRule(rule: PausableRule): Rule {
  return {
    ...rule,
    check(context) {
      return finish(rule.checkWork.call(this, context));
    },
  };
}
