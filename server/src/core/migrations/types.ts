// The plain data of the migration review: what one Alembic revision or hand-written script does to
// the database, as a list of operations that the replay applies and the rules read.
import type { Range } from '../facts';

/** Type families that compare across SQLAlchemy, raw SQL and Python annotations. */
export type TypeFamily =
  | 'integer'
  | 'float'
  | 'numeric'
  | 'string'
  | 'boolean'
  | 'datetime'
  | 'date'
  | 'time'
  | 'interval'
  | 'json'
  | 'binary'
  | 'uuid'
  | 'enum'
  | 'array'
  | 'unknown';

export interface SqlType {
  /** The type as written: `sa.String(length=50)`, `VARCHAR(500)`. */
  text: string;
  family: TypeFamily;
  /** A string type's length, when written. */
  length?: number;
}

export interface ColumnDefault {
  text: string;
  /**
   * True for literals, false for expressions the database evaluates (`CURRENT_TIMESTAMP`,
   * `sa.func.now()`), undefined when Seam cannot tell.
   */
  constant?: boolean;
}

export interface ForeignKeyTarget {
  table: string;
  column?: string;
}

export interface ColumnSpec {
  name: string;
  type?: SqlType;
  /** As written; undefined means the SQL default (nullable unless part of the primary key). */
  nullable?: boolean;
  primaryKey: boolean;
  unique: boolean;
  index: boolean;
  serverDefault?: ColumnDefault;
  /** A Python-side `default=`, as written: it never reaches the database. */
  pythonDefault?: string;
  foreignKey?: ForeignKeyTarget;
  range: Range;
}

export interface ConstraintSpec {
  kind: 'unique' | 'foreignkey' | 'primarykey' | 'check';
  name?: string;
  columns: string[];
  references?: ForeignKeyTarget & { columns: string[] };
}

/** Where an operation runs: `upgrade()`, `downgrade()`, or a hand-written script. */
export type OperationPhase = 'upgrade' | 'downgrade' | 'script';

/** A dialect condition around an operation: `if op.get_bind().dialect.name == "postgresql":`. */
export interface DialectGuard {
  dialect: string;
  equal: boolean;
}

export interface OperationBase {
  file: string;
  /** The call or SQL statement; findings about the operation start here. */
  range: Range;
  phase: OperationPhase;
  /** Inside `with op.batch_alter_table(...)`: Alembic may rebuild the table on SQLite. */
  batch: boolean;
  /** Read from SQL text (a script, a `.sql` file, `op.execute("...")`) rather than an op call. */
  raw: boolean;
  guards: DialectGuard[];
  /** Inside `autocommit_block()`: the statement runs outside the migration's transaction. */
  autocommit?: boolean;
}

export type OperationDetail =
  | {
      kind: 'create_table';
      table: string;
      columns: ColumnSpec[];
      constraints: ConstraintSpec[];
      ifNotExists: boolean;
    }
  | { kind: 'drop_table'; table: string }
  | { kind: 'rename_table'; table: string; newName: string }
  | { kind: 'add_column'; table: string; column: ColumnSpec }
  | { kind: 'drop_column'; table: string; column: string }
  | {
      kind: 'alter_column';
      table: string;
      column: string;
      newName?: string;
      type?: SqlType;
      nullable?: boolean;
      /** null removes the default. */
      serverDefault?: ColumnDefault | null;
    }
  | { kind: 'create_index'; table: string; name?: string; columns: string[]; unique: boolean }
  | { kind: 'drop_index'; name: string; table?: string }
  | { kind: 'add_constraint'; table: string; constraint: ConstraintSpec }
  | { kind: 'drop_constraint'; table: string; name: string | null; constraintType?: string }
  | { kind: 'create_trigger'; table: string; name: string }
  | { kind: 'pragma'; name: string; value: string }
  | { kind: 'transaction'; action: 'begin' | 'commit' | 'rollback' }
  /**
   * INSERT / UPDATE / DELETE / SELECT / bulk_insert: `table` is written, `source` read (SELECT,
   * INSERT ... SELECT); `text` is the statement, when it is SQL.
   */
  | { kind: 'data'; table?: string; source?: string; text?: string }
  /** Something that may change the schema in ways Seam cannot read: names it mentions. */
  | { kind: 'opaque'; text: string; mentions: string[] };

export type Operation = OperationBase & OperationDetail;

export type OperationOf<K extends Operation['kind']> = Extract<Operation, { kind: K }>;

export interface ImportSpec {
  module: string;
  names: string[];
  range: Range;
}

export interface RevisionInfo {
  id?: string;
  idRange?: Range;
  downRevisions: string[];
  downRange?: Range;
  branchLabels: string[];
  dependsOn: string[];
  message?: string;
  /** The `def upgrade` / `def downgrade` names; absent when the function is missing. */
  upgradeRange?: Range;
  downgradeRange?: Range;
  /** The body does nothing: only `pass`, `...`, a docstring or comments. */
  upgradeEmpty: boolean;
  downgradeEmpty: boolean;
  /** The body raises (an irreversible migration said so). */
  downgradeRaises: boolean;
}

/** One Alembic revision, hand-written Python script or `.sql` file. */
export interface MigrationSource {
  kind: 'revision' | 'script';
  file: string;
  /** The Alembic environment folder a revision belongs to (its chain is separate). */
  environment?: string;
  revision?: RevisionInfo;
  upgrade: Operation[];
  downgrade: Operation[];
  imports: ImportSpec[];
  /** Why parts of the file could not be read (shown in verbose output, never findings). */
  problems: string[];
}

/**
 * The migration one Python file holds, kept with its facts so that the checks can replay the
 * migrations without reading files: a revision's identity and upgrade(), or a script's DDL.
 */
export interface MigrationFacts {
  kind: 'revision' | 'script';
  revision?: RevisionInfo;
  upgrade: Operation[];
}
