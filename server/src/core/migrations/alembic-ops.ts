// Alembic operation calls → operations: `op.add_column("parts", sa.Column(...))` and the same
// calls on a batch_alter_table's `batch_op`, which take no table argument.
import type { Node } from 'web-tree-sitter';
import {
  columnOfCall,
  readColumn,
  readServerDefault,
  readSqlType,
  tableConstraintOfCall,
} from './alembic-columns';
import {
  argumentOf,
  booleanOf,
  mentionedStrings,
  readPythonCall,
  resolveName,
  stringListOf,
  stringOf,
  type NameScope,
  type PythonCall,
} from './python-values';
import type { ConstraintSpec, OperationDetail } from './types';

/** Operation methods that read or configure rather than change the schema. */
const NOT_SCHEMA_CHANGES = new Set([
  'get_bind',
  'get_context',
  'f',
  'inline_literal',
  'implementation_for',
  'invoke',
  'run_async',
  'register_operation',
  'batch_alter_table',
  'create_table_comment',
  'drop_table_comment',
  'execute',
]);

/** The table a `batch_op` works on, or undefined for plain `op` calls. */
export interface OpTarget {
  batchTable?: string;
}

interface OpCall {
  call: PythonCall;
  scope: NameScope;
  /** Alembic's batch methods drop the table argument, so every later argument moves left. */
  batch: boolean;
  tableIndex: number;
  table?: string;
}

type OpReader = (op: OpCall) => OperationDetail[];

/**
 * The operations of one `op.<method>(...)` call. Methods that change nothing give none; unknown
 * methods give an opaque operation naming what they mention.
 */
export function alembicOperations(
  call: PythonCall,
  target: OpTarget,
  scope: NameScope,
): OperationDetail[] {
  if (NOT_SCHEMA_CHANGES.has(call.name)) return [];
  const batch = target.batchTable !== undefined;
  const reader = READERS[call.name];
  if (!reader) return [opaque(call)];
  const [tableIndex, tableKeyword] = TABLE_ARGUMENT[call.name] ?? [0, 'table_name'];
  const table = batch
    ? target.batchTable
    : stringOf(argumentOf(call, tableIndex, tableKeyword), scope);
  const details = reader({ call, scope, batch, tableIndex, table });
  return details.length ? details : [opaque(call)];
}

/** Where the table argument sits in the plain (non-batch) form of each method. */
const TABLE_ARGUMENT: Record<string, [number, string]> = {
  create_index: [1, 'table_name'],
  create_unique_constraint: [1, 'table_name'],
  create_primary_key: [1, 'table_name'],
  create_check_constraint: [1, 'table_name'],
  create_foreign_key: [1, 'source_table'],
  drop_constraint: [1, 'table_name'],
  drop_index: [1, 'table_name'],
};

function opaque(call: PythonCall): Extract<OperationDetail, { kind: 'opaque' }> {
  return {
    kind: 'opaque',
    text: call.node.text.slice(0, 300),
    mentions: mentionedStrings(call.node),
  };
}

/** An argument of the plain form, found at its batch position when the call is batched. */
function argument(op: OpCall, index: number, keyword: string): Node | undefined {
  const shifted = op.batch && index > op.tableIndex ? index - 1 : index;
  return argumentOf(op.call, shifted, keyword);
}

const READERS: Record<string, OpReader> = {
  create_table: createTable,
  drop_table: ({ table }) => (table ? [{ kind: 'drop_table', table }] : []),
  rename_table: renameTable,
  add_column: addColumn,
  drop_column: dropColumn,
  alter_column: alterColumn,
  create_index: createIndex,
  drop_index: dropIndex,
  create_unique_constraint: (op) => addConstraint(op, 'unique'),
  create_primary_key: (op) => addConstraint(op, 'primarykey'),
  create_check_constraint: (op) => addConstraint(op, 'check'),
  create_foreign_key: createForeignKey,
  drop_constraint: dropConstraint,
  bulk_insert: bulkInsert,
};

function createTable({ call, scope, table }: OpCall): OperationDetail[] {
  if (!table) return [];
  const detail: OperationDetail = {
    kind: 'create_table',
    table,
    columns: [],
    constraints: [],
    ifNotExists: booleanOf(call.keywords.get('if_not_exists'), scope) === true,
  };
  let unreadable = false;
  for (const item of call.positional.slice(1)) {
    const resolved = resolveName(item, scope);
    const itemCall = readPythonCall(resolved);
    const column = columnOfCall(itemCall, scope);
    const constraint = column ? undefined : tableConstraintOfCall(itemCall, scope);
    if (column) detail.columns.push(column);
    else if (constraint) detail.constraints.push(constraint);
    // Only an Index written in place is left out; a name bound to one is not read.
    else if ((resolved === item ? itemCall : undefined)?.name !== 'Index') unreadable = true;
  }
  return unreadable ? [detail, { ...opaque(call), mentions: [table] }] : [detail];
}

function renameTable({ call, scope }: OpCall): OperationDetail[] {
  const table = stringOf(argumentOf(call, 0, 'old_table_name'), scope);
  const newName = stringOf(argumentOf(call, 1, 'new_table_name'), scope);
  return table && newName ? [{ kind: 'rename_table', table, newName }] : [];
}

function addColumn(op: OpCall): OperationDetail[] {
  const node = argument(op, 1, 'column');
  const column = node ? readColumn(node, op.scope) : undefined;
  if (!op.table || !column) return [];
  return [{ kind: 'add_column', table: op.table, column }];
}

function dropColumn(op: OpCall): OperationDetail[] {
  const column = stringOf(argument(op, 1, 'column_name'), op.scope);
  return op.table && column ? [{ kind: 'drop_column', table: op.table, column }] : [];
}

function alterColumn(op: OpCall): OperationDetail[] {
  const column = stringOf(argument(op, 1, 'column_name'), op.scope);
  if (!op.table || !column) return [];
  const { keywords } = op.call;
  const detail: OperationDetail = { kind: 'alter_column', table: op.table, column };
  const newName = stringOf(keywords.get('new_column_name'), op.scope);
  if (newName) detail.newName = newName;
  const nullable = booleanOf(keywords.get('nullable'), op.scope);
  if (nullable !== undefined) detail.nullable = nullable;
  const type = keywords.get('type_');
  if (type) detail.type = readSqlType(type);
  const serverDefault = keywords.get('server_default');
  if (serverDefault?.type === 'none') detail.serverDefault = null;
  else if (serverDefault && serverDefault.type !== 'false') {
    detail.serverDefault = readServerDefault(serverDefault, op.scope);
  }
  return [detail];
}

function createIndex(op: OpCall): OperationDetail[] {
  const name = stringOf(argument(op, 0, 'index_name'), op.scope);
  const columnsNode = resolveName(argument(op, 2, 'columns'), op.scope);
  if (!op.table || !columnsNode) return [];
  const columns = stringListOf(columnsNode, op.scope) ?? expressionColumns(columnsNode, op.scope);
  const unique = booleanOf(op.call.keywords.get('unique'), op.scope) === true;
  return [{ kind: 'create_index', table: op.table, ...(name ? { name } : {}), columns, unique }];
}

/** Index columns mixing names and expressions (`sa.text("lower(name)")`): the names only. */
function expressionColumns(node: Node, scope: NameScope): string[] {
  return node.namedChildren
    .map((item) => (item ? stringOf(item, scope) : undefined))
    .filter((name): name is string => name !== undefined);
}

function dropIndex(op: OpCall): OperationDetail[] {
  const name = stringOf(argument(op, 0, 'index_name'), op.scope);
  if (!name) return [];
  return [{ kind: 'drop_index', name, ...(op.table ? { table: op.table } : {}) }];
}

function addConstraint(op: OpCall, kind: ConstraintSpec['kind']): OperationDetail[] {
  const name = stringOf(argument(op, 0, 'constraint_name'), op.scope);
  const columns = kind === 'check' ? [] : stringListOf(argument(op, 2, 'columns'), op.scope);
  if (!op.table || !columns) return [];
  const constraint: ConstraintSpec = { kind, ...(name ? { name } : {}), columns };
  return [{ kind: 'add_constraint', table: op.table, constraint }];
}

function createForeignKey(op: OpCall): OperationDetail[] {
  const name = stringOf(argument(op, 0, 'constraint_name'), op.scope);
  const table = op.table;
  const referent = stringOf(argument(op, 2, 'referent_table'), op.scope);
  const local = stringListOf(argument(op, 3, 'local_cols'), op.scope);
  const remote = stringListOf(argument(op, 4, 'remote_cols'), op.scope) ?? [];
  if (!table || !referent || !local) return [];
  const constraint: ConstraintSpec = {
    kind: 'foreignkey',
    ...(name ? { name } : {}),
    columns: local,
    references: { table: referent, columns: remote },
  };
  return [{ kind: 'add_constraint', table, constraint }];
}

function dropConstraint(op: OpCall): OperationDetail[] {
  const nameNode = resolveName(argument(op, 0, 'constraint_name'), op.scope);
  const name = nameNode?.type === 'none' ? null : stringOf(nameNode, op.scope);
  if (!op.table || name === undefined) return [];
  const constraintType = stringOf(op.call.keywords.get('type_'), op.scope);
  return [
    {
      kind: 'drop_constraint',
      table: op.table,
      name,
      ...(constraintType ? { constraintType } : {}),
    },
  ];
}

/** `op.bulk_insert(parts_table, rows)` where `parts_table = sa.table("parts", ...)`. */
function bulkInsert({ call, scope }: OpCall): OperationDetail[] {
  const tableNode = resolveName(argumentOf(call, 0, 'table'), scope);
  const tableCall = readPythonCall(tableNode);
  const table = tableCall ? stringOf(tableCall.positional[0], scope) : undefined;
  return [{ kind: 'data', ...(table ? { table } : {}) }];
}
