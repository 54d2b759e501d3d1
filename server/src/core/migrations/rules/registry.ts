// Every migration rule, by id. A rule's file is named after its id.
import { migrationBlastRadius } from './migration-blast-radius';
import { migrationChain } from './migration-chain';
import { migrationDowngrade } from './migration-downgrade';
import { migrationDrift } from './migration-drift';
import { migrationDrop } from './migration-drop';
import { migrationDropConstraintNone } from './migration-drop-constraint-none';
import { migrationFkIndex } from './migration-fk-index';
import { migrationImportsAppModels } from './migration-imports-app-models';
import { migrationNotNullNoDefault } from './migration-not-null-no-default';
import { migrationOrphanColumn } from './migration-orphan-column';
import { migrationProbableRename } from './migration-probable-rename';
import { migrationPythonDefault } from './migration-python-default';
import { migrationTypeDrift } from './migration-type-drift';
import { migrationUniqueOnExisting } from './migration-unique-on-existing';
import type { MigrationRule } from './rule';
import { sqliteAddColumn } from './sqlite-add-column';
import { sqliteBatchRequired } from './sqlite-batch-required';
import { sqlitePragmaInTransaction } from './sqlite-pragma-in-transaction';
import { sqliteTableRebuild } from './sqlite-table-rebuild';
import { sqliteVersion } from './sqlite-version';

export const MIGRATION_RULES: readonly MigrationRule[] = [
  migrationChain,
  migrationDrift,
  migrationOrphanColumn,
  migrationTypeDrift,
  migrationNotNullNoDefault,
  migrationPythonDefault,
  migrationDrop,
  migrationProbableRename,
  migrationUniqueOnExisting,
  migrationFkIndex,
  migrationDowngrade,
  migrationDropConstraintNone,
  migrationImportsAppModels,
  sqliteBatchRequired,
  sqliteAddColumn,
  sqlitePragmaInTransaction,
  sqliteTableRebuild,
  sqliteVersion,
  migrationBlastRadius,
];
