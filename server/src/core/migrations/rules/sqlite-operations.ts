// Which operations the SQLite rules look at: those of sources that run on SQLite, outside the
// branches of `if dialect == "postgresql":`-style conditions that skip SQLite.
import { runsOn } from '../dialect-guards';
import type { MigrationSource, Operation } from '../types';
import {
  reviewedOperations,
  reviewedSteps,
  type MigrationRuleContext,
  type ReviewedStep,
} from './rule';

export function sqliteOperations(context: MigrationRuleContext): [MigrationSource, Operation][] {
  return reviewedOperations(context).filter(
    ([source, operation]) => context.sqlite(source) && runsOn(operation.guards, 'sqlite'),
  );
}

export function sqliteSteps(context: MigrationRuleContext): ReviewedStep[] {
  return reviewedSteps(context).filter(
    (step) => context.sqlite(step.source) && runsOn(step.operation.guards, 'sqlite'),
  );
}
