// SQL text → operations: CREATE/ALTER/DROP TABLE, CREATE/DROP INDEX, PRAGMA, transactions and
// data statements, read from sql-parser-cst's tree with every range mapped back to the file.
import type { AlterTableAction, CreateTableStmt, Node as SqlNode, Statement } from 'sql-parser-cst';
import type { Range } from '../facts';
import type { LocatedText } from './python-strings';
import { parseSql, type SqlDialect } from './sql-parse';
import {
  constraintOf,
  columnDefinitionSpec,
  entityName,
  identifierNames,
  sqlTypeOf,
  type SqlText,
} from './sql-nodes';
import type { Operation, OperationBase, OperationDetail } from './types';

export type SqlOperationBase = Omit<OperationBase, 'range' | 'raw'>;

export interface SqlOperations {
  operations: Operation[];
  /** False when no dialect parses the text; the caller records an opaque operation. */
  parsed: boolean;
}

export function operationsFromSql(
  located: LocatedText,
  base: SqlOperationBase,
  dialects: readonly SqlDialect[],
): SqlOperations {
  const parsed = parseSql(located.text, dialects);
  if (!parsed) return { operations: [], parsed: false };
  const sql: SqlText = { located, rangeOf: (node) => mappedRange(located, node) };
  const operations: Operation[] = [];
  for (const statement of parsed.program.statements) {
    const range = mappedRange(located, statement);
    for (const detail of statementOperations(statement, sql)) {
      operations.push({ ...base, ...detail, range, raw: true } as Operation);
    }
  }
  return { operations, parsed: true };
}

/** A node's offsets in the SQL text → positions in the file. */
function mappedRange(located: LocatedText, node: { range?: [number, number] }): Range {
  const last = located.positions.length - 1;
  const [start, end] = node.range ?? [0, 0];
  return {
    start: located.positions[Math.min(start, last)],
    end: located.positions[Math.min(end, last)],
  };
}

function statementOperations(statement: Statement, sql: SqlText): OperationDetail[] {
  switch (statement.type) {
    case 'create_table_stmt':
      return createTable(statement, sql);
    case 'alter_table_stmt': {
      const table = entityName(statement.table);
      if (!table) return [];
      return statement.actions.items.flatMap((action) => alterAction(table, action, sql));
    }
    case 'drop_table_stmt':
      return namesOf(statement.tables.items).map((table) => ({ kind: 'drop_table', table }));
    case 'create_index_stmt':
      return createIndex(statement);
    case 'drop_index_stmt':
      return namesOf(statement.indexes.items).map((name) => ({ kind: 'drop_index', name }));
    default:
      return otherStatement(statement, sql);
  }
}

function otherStatement(statement: Statement, sql: SqlText): OperationDetail[] {
  switch (statement.type) {
    case 'pragma_stmt':
      return pragma(statement, sql);
    case 'start_transaction_stmt':
      return [{ kind: 'transaction', action: 'begin' }];
    case 'commit_transaction_stmt':
      return [{ kind: 'transaction', action: 'commit' }];
    case 'rollback_transaction_stmt':
      return [{ kind: 'transaction', action: 'rollback' }];
    case 'create_trigger_stmt': {
      const table = entityName(statement.target.table);
      const name = entityName(statement.name);
      return table && name ? [{ kind: 'create_trigger', table, name }] : [];
    }
    case 'insert_stmt':
    case 'update_stmt':
    case 'delete_stmt':
    case 'select_stmt':
    case 'compound_select_stmt':
      return [
        {
          ...dataStatement(statement),
          text: sql.located.text.slice(...(statement.range ?? [0, 0])),
        },
      ];
  }
  return [];
}

function namesOf(items: SqlNode[]): string[] {
  return items.map((item) => entityName(item)).filter((name): name is string => !!name);
}

function createTable(statement: CreateTableStmt, sql: SqlText): OperationDetail[] {
  const table = entityName(statement.name);
  if (!table) return [];
  const text = sql.located.text.slice(...(statement.range ?? [0, 0]));
  if (!statement.columns) return [{ kind: 'opaque', text, mentions: [table] }];
  const detail: OperationDetail = {
    kind: 'create_table',
    table,
    columns: [],
    constraints: [],
    ifNotExists: !!statement.ifNotExistsKw,
  };
  for (const item of statement.columns.expr.items) {
    if (item.type === 'column_definition') detail.columns.push(columnDefinitionSpec(item, sql));
    else {
      const constraint = constraintOf(item);
      if (constraint) detail.constraints.push(constraint);
    }
  }
  return [detail];
}

function alterAction(table: string, action: AlterTableAction, sql: SqlText): OperationDetail[] {
  switch (action.type) {
    case 'alter_action_add_column':
      return [{ kind: 'add_column', table, column: columnDefinitionSpec(action.column, sql) }];
    case 'alter_action_drop_column':
      return [{ kind: 'drop_column', table, column: action.column.name }];
    case 'alter_action_rename_column':
      return [
        { kind: 'alter_column', table, column: action.oldName.name, newName: action.newName.name },
      ];
    case 'alter_action_rename': {
      const newName = entityName(action.newName);
      return newName ? [{ kind: 'rename_table', table, newName }] : [];
    }
    case 'alter_action_alter_column':
      return alterColumn(table, action, sql);
    case 'alter_action_add_constraint': {
      const constraint = constraintOf(action.constraint);
      if (constraint && action.name?.name) constraint.name = action.name.name.name;
      return constraint ? [{ kind: 'add_constraint', table, constraint }] : [];
    }
    case 'alter_action_drop_constraint':
      return [{ kind: 'drop_constraint', table, name: action.constraint.name }];
  }
  return [];
}

function alterColumn(
  table: string,
  action: Extract<AlterTableAction, { type: 'alter_action_alter_column' }>,
  sql: SqlText,
): OperationDetail[] {
  if (action.column.type !== 'identifier') return [];
  const base = { kind: 'alter_column' as const, table, column: action.column.name };
  const change = action.action;
  switch (change.type) {
    case 'alter_action_set_not_null':
      return [{ ...base, nullable: false }];
    case 'alter_action_drop_not_null':
      return [{ ...base, nullable: true }];
    case 'alter_action_set_data_type':
      return [{ ...base, type: sqlTypeOf(change.dataType, sql) }];
    case 'alter_action_drop_default':
      return [{ ...base, serverDefault: null }];
    case 'alter_action_set_default': {
      const text = sql.located.text.slice(...(change.expr.range ?? [0, 0]));
      return [{ ...base, serverDefault: { text } }];
    }
  }
  return [];
}

function createIndex(
  statement: Extract<Statement, { type: 'create_index_stmt' }>,
): OperationDetail[] {
  const table = entityName(statement.table);
  if (!table) return [];
  const name = statement.name ? entityName(statement.name) : undefined;
  const columns = identifierNames(statement.columns);
  const unique = statement.indexTypeKw?.name === 'UNIQUE';
  return [{ kind: 'create_index', table, ...(name ? { name } : {}), columns, unique }];
}

function pragma(
  statement: Extract<Statement, { type: 'pragma_stmt' }>,
  sql: SqlText,
): OperationDetail[] {
  const assignment = statement.pragma;
  if (assignment.type !== 'pragma_assignment') return [];
  const name = entityName(assignment.name);
  // Keywords (`OFF`) come without a range; their text is the value.
  const valueNode = assignment.value as { text?: string; range?: [number, number] };
  const value = valueNode.text ?? sql.located.text.slice(...(valueNode.range ?? [0, 0]));
  return name ? [{ kind: 'pragma', name: name.toLowerCase(), value }] : [];
}

/** INSERT/UPDATE/DELETE: the table written; SELECT and INSERT ... SELECT: the table read. */
function dataStatement(statement: Statement): Extract<OperationDetail, { kind: 'data' }> {
  const clauses = 'clauses' in statement ? (statement.clauses as SqlNode[]) : [];
  const target = clauses.find((clause) =>
    ['insert_clause', 'update_clause', 'delete_clause'].includes(clause.type),
  );
  const table = target ? firstTableName(target) : undefined;
  const from = clauses.map(findFromClause).find((clause) => !!clause);
  const source = from ? firstTableName(from) : undefined;
  return { kind: 'data', ...(table ? { table } : {}), ...(source ? { source } : {}) };
}

function findFromClause(node: unknown): SqlNode | undefined {
  if (!node || typeof node !== 'object') return undefined;
  if ((node as SqlNode).type === 'from_clause') return node as SqlNode;
  for (const value of Object.values(node)) {
    const found = findFromClause(value);
    if (found) return found;
  }
  return undefined;
}

/** The first table named under a clause (skipping keywords and aliases' own names). */
function firstTableName(node: unknown): string | undefined {
  if (!node || typeof node !== 'object') return undefined;
  const sqlNode = node as SqlNode;
  if (sqlNode.type === 'identifier' || sqlNode.type === 'member_expr') return entityName(sqlNode);
  if (sqlNode.type === 'alias') return firstTableName((sqlNode as { expr: unknown }).expr);
  for (const [key, value] of Object.entries(node)) {
    if (key === 'range' || key === 'leading' || key === 'trailing') continue;
    const found = firstTableName(value);
    if (found) return found;
  }
  return undefined;
}
