// Module-level Core tables: `part_tags = Table("part_tags", Base.metadata, Column(...), ...)`,
// the usual form of a many-to-many association table (`relationship(secondary=part_tags)`).
// Their columns, keys and indexes are read as written, like a model's.
import type { Node } from 'web-tree-sitter';
import type { CoreColumnFact, CoreTableFact, TableIndexFact } from '../facts';
import { rangeOf } from '../syntax/nodes';
import { readCall, stringValue, type CallArgs } from './call-args';
import { COLUMN_CALLS, readColumnCall } from './orm';
import { tableIndexOfCall } from './table-indexes';

/** `name = Table("t", metadata, ...)` → the table, or undefined when its name is not a string. */
export function coreTableOf(variable: Node, node: Node): CoreTableFact | undefined {
  const call = readCall(node);
  const name = call ? stringValue(call.positional[0]) : undefined;
  if (!call || !name) return undefined;
  const table: CoreTableFact = {
    variable: variable.text,
    name,
    columns: [],
    indexes: [],
    range: rangeOf(variable),
  };
  for (const argument of call.positional.slice(1)) addArgument(table, argument);
  return table;
}

/** A `Column(...)`, an index or constraint, or something else (the metadata) left alone. */
function addArgument(table: CoreTableFact, argument: Node): void {
  const call = readCall(argument);
  if (!call) return;
  if (COLUMN_CALLS.has(call.calleeName)) {
    const column = columnOf(call);
    if (column) table.columns.push(column);
    return;
  }
  const index =
    call.calleeName === 'PrimaryKeyConstraint'
      ? primaryKeyOf(call)
      : tableIndexOfCall(argument, new Map());
  if (index) table.indexes.push(index);
}

function columnOf(call: CallArgs): CoreColumnFact | undefined {
  const info = readColumnCall(call);
  if (!info.columnName) return undefined;
  const column: CoreColumnFact = { name: info.columnName };
  if (info.foreignKey) column.foreignKey = info.foreignKey;
  if (info.primaryKey) column.primaryKey = true;
  if (info.index) column.index = true;
  if (info.unique) column.unique = true;
  return column;
}

/** `PrimaryKeyConstraint("part_id", "tag_id")`: a composite key, which is a unique index. */
function primaryKeyOf(call: CallArgs): TableIndexFact | undefined {
  const columns = call.positional
    .map((argument) => stringValue(argument))
    .filter((column): column is string => column !== undefined);
  return columns.length ? { columns, unique: true, range: rangeOf(call.node) } : undefined;
}
