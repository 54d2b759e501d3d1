// The columns a query clause filters, sorts or joins on, read from its arguments as written:
// `.where(Part.name == name)`, `.filter(Part.qty > 1)`, `.filter_by(sku=sku)`,
// `.order_by(Part.name.desc())`, `.join(Category, Part.category_id == Category.id)`, Core table
// columns (`part_tags.c.tag_id == tag_id`) and filters through a relationship
// (`Part.tags.any(Tag.id == tag_id)`).
import type { Node } from 'web-tree-sitter';
import { namedChildren, rangeOf } from '../syntax/nodes';
import type { ConditionClause, QueryConditionFact } from './query-facts';

interface ColumnReference {
  model: string;
  column: string;
  node: Node;
  /** `model` is a Core table: `part_tags.c.tag_id`. */
  table?: boolean;
}

/** Comparisons an index can serve; `!=`, `is not` and `not in` scan anyway. */
const EQUALITY_OPERATORS = new Set(['==', 'in']);
const RANGE_OPERATORS = new Set(['<', '<=', '>', '>=']);
/** Column methods that filter for equality or a range. */
const EQUALITY_METHODS = new Set(['in_', 'is_distinct_from', 'isnot_distinct_from']);
const RANGE_METHODS = new Set(['between']);
/** Wrappers that leave the column as it is: SQLModel's `col()`, SQLAlchemy's sort helpers. */
const TRANSPARENT_CALLS = new Set(['col', 'asc', 'desc', 'nulls_first', 'nulls_last']);
const SORT_METHODS = new Set(['asc', 'desc', 'nulls_first', 'nulls_last', 'nullsfirst']);
const COMBINING_CALLS = new Set(['and_', 'or_']);
/** Relationship comparators that filter through the related rows. */
const THROUGH_METHODS = new Set(['any', 'contains']);
const NONE_OR_BOOLEAN = new Set(['none', 'true', 'false']);
/** Walks that go deeper than this into one condition are given up. */
const MAX_DEPTH = 12;

/** The conditions of one `.where(...)`-like call's argument list. */
export function readConditions(
  clause: string,
  argumentList: Node,
  rootModel: string | undefined,
): QueryConditionFact[] {
  const conditions: QueryConditionFact[] = [];
  const arguments_ = namedChildren(argumentList);
  if (clause === 'filter_by') return readFilterBy(arguments_, rootModel);
  if (clause === 'order_by') {
    for (const argument of arguments_) addSortColumn(argument, conditions);
    return conditions;
  }
  const kind: ConditionClause =
    clause === 'filter' ? 'filter' : clause === 'where' ? 'where' : 'join';
  for (const argument of arguments_) {
    const value =
      argument.type === 'keyword_argument' ? argument.childForFieldName('value') : argument;
    if (value) addFilter(kind, value, conditions, 0);
  }
  return conditions;
}

function readFilterBy(arguments_: Node[], rootModel: string | undefined): QueryConditionFact[] {
  const conditions: QueryConditionFact[] = [];
  for (const argument of arguments_) {
    if (argument.type !== 'keyword_argument') continue;
    const name = argument.childForFieldName('name');
    const value = argument.childForFieldName('value');
    if (!name || !value || NONE_OR_BOOLEAN.has(value.type)) continue;
    const condition: QueryConditionFact = {
      clause: 'filter_by',
      column: name.text,
      range: rangeOf(name),
      equality: true,
    };
    if (rootModel) condition.model = rootModel;
    conditions.push(condition);
  }
  return conditions;
}

function addSortColumn(argument: Node, conditions: QueryConditionFact[]): void {
  const column = columnReference(argument, true);
  if (!column) return;
  conditions.push({
    clause: 'order_by',
    model: column.model,
    column: column.column,
    range: rangeOf(column.node),
    equality: false,
  });
}

/** One filter expression: a comparison, `and_`/`or_` of them, or a column method call. */
function addFilter(
  kind: ConditionClause,
  node: Node,
  conditions: QueryConditionFact[],
  depth: number,
): void {
  if (depth > MAX_DEPTH) return;
  if (node.type === 'comparison_operator') return addComparison(kind, node, conditions);
  if (node.type === 'parenthesized_expression' || node.type === 'boolean_operator') {
    for (const child of namedChildren(node)) addFilter(kind, child, conditions, depth + 1);
    return;
  }
  if (node.type !== 'call') return;
  const functionNode = node.childForFieldName('function');
  const argumentList = node.childForFieldName('arguments');
  if (!functionNode || !argumentList) return;
  if (COMBINING_CALLS.has(lastName(functionNode.text))) {
    for (const child of namedChildren(argumentList)) addFilter(kind, child, conditions, depth + 1);
    return;
  }
  addColumnMethod(kind, functionNode, conditions);
  addThroughRelationship(kind, functionNode, argumentList, conditions, depth);
}

/**
 * `Part.tags.any(Tag.id == tag_id)`, `Part.tags.any(id=tag_id)`, `Part.tags.contains(tag)`: a
 * filter through a relationship (an association table, when it has a `secondary`). The rules
 * decide whether `tags` is a relationship; on a string column `.contains()` is a LIKE.
 */
function addThroughRelationship(
  kind: ConditionClause,
  functionNode: Node,
  argumentList: Node,
  conditions: QueryConditionFact[],
  depth: number,
): void {
  if (functionNode.type !== 'attribute') return;
  const method = functionNode.childForFieldName('attribute')?.text ?? '';
  const object = functionNode.childForFieldName('object');
  const relationship = object ? columnReference(object, false) : undefined;
  if (!THROUGH_METHODS.has(method) || !relationship || relationship.table) return;
  const through: NonNullable<QueryConditionFact['through']> = {
    method: method as 'any' | 'contains',
  };
  const target = method === 'any' ? anyCriterion(argumentList, depth) : undefined;
  if (target) through.target = target;
  conditions.push({
    clause: kind,
    model: relationship.model,
    column: relationship.column,
    range: rangeOf(relationship.node),
    equality: true,
    through,
  });
}

/** The target column `.any(...)` compares for equality: `Tag.id == tag_id` or `id=tag_id`. */
function anyCriterion(argumentList: Node, depth: number) {
  const [argument, ...rest] = namedChildren(argumentList);
  if (!argument || rest.length) return undefined;
  if (argument.type === 'keyword_argument') {
    const column = argument.childForFieldName('name')?.text;
    return column ? { column } : undefined;
  }
  const inner: QueryConditionFact[] = [];
  addFilter('where', argument, inner, depth + 1);
  const found = inner.length === 1 && inner[0].equality && !inner[0].otherColumn && inner[0];
  return found && found.model && !found.table
    ? { model: found.model, column: found.column }
    : undefined;
}

/** `Part.sku.in_(skus)`, `Part.qty.between(1, 5)`. */
function addColumnMethod(
  kind: ConditionClause,
  functionNode: Node,
  conditions: QueryConditionFact[],
): void {
  if (functionNode.type !== 'attribute') return;
  const method = functionNode.childForFieldName('attribute')?.text ?? '';
  if (!EQUALITY_METHODS.has(method) && !RANGE_METHODS.has(method)) return;
  const object = functionNode.childForFieldName('object');
  const column = object ? columnReference(object, false) : undefined;
  if (!column) return;
  conditions.push({
    clause: kind,
    model: column.model,
    column: column.column,
    range: rangeOf(column.node),
    equality: EQUALITY_METHODS.has(method),
    ...(column.table ? { table: true } : {}),
  });
}

function addComparison(kind: ConditionClause, node: Node, conditions: QueryConditionFact[]): void {
  const operators = node.childrenForFieldName('operators');
  const operands = namedChildren(node);
  if (operators.length !== 1 || operands.length !== 2) return;
  const operator = operators[0]?.type ?? '';
  if (!EQUALITY_OPERATORS.has(operator) && !RANGE_OPERATORS.has(operator)) return;

  const [left, right] = operands.map((operand) => columnReference(operand, false));
  if (!left && !right) return;
  // Comparing two columns of one class (`Part.qty <= Part.min_qty`) is not served by an index.
  if (left && right && left.model === right.model) return;
  const other = left ? operands[1] : operands[0];
  if (!(left && right) && NONE_OR_BOOLEAN.has(other.type)) return;
  for (const [column, partner] of [
    [left, right],
    [right, left],
  ] as const) {
    if (!column) continue;
    const condition: QueryConditionFact = {
      clause: kind,
      model: column.model,
      column: column.column,
      range: rangeOf(column.node),
      equality: EQUALITY_OPERATORS.has(operator),
    };
    if (column.table) condition.table = true;
    if (partner) condition.otherColumn = { model: partner.model, column: partner.column };
    conditions.push(condition);
  }
}

/**
 * `Part.name` (also inside `col(...)`, or sorted with `.desc()` when `sorting`) as a class and a
 * column. The class must look like one (`Part`, `models.Part`): a lower-case object is a value,
 * unless it is a Core table's column collection (`part_tags.c.tag_id`).
 */
function columnReference(node: Node, sorting: boolean): ColumnReference | undefined {
  if (node.type === 'call') return columnInsideCall(node, sorting);
  if (node.type !== 'attribute') return undefined;
  const object = node.childForFieldName('object');
  const attribute = node.childForFieldName('attribute');
  if (!object || !attribute) return undefined;
  const table = tableOfColumns(object);
  if (table) return { model: table, column: attribute.text, node, table: true };
  if (!isClassLike(object)) return undefined;
  return { model: object.text, column: attribute.text, node };
}

/** `part_tags.c` or `part_tags.columns`: the Core table variable whose columns these are. */
function tableOfColumns(object: Node): string | undefined {
  if (object.type !== 'attribute') return undefined;
  const collection = object.childForFieldName('attribute')?.text;
  const owner = object.childForFieldName('object');
  if (collection !== 'c' && collection !== 'columns') return undefined;
  return owner?.type === 'identifier' ? owner.text : undefined;
}

function columnInsideCall(node: Node, sorting: boolean): ColumnReference | undefined {
  const functionNode = node.childForFieldName('function');
  const argumentList = node.childForFieldName('arguments');
  if (!functionNode || !argumentList) return undefined;
  if (sorting && functionNode.type === 'attribute') {
    const method = functionNode.childForFieldName('attribute')?.text ?? '';
    const object = functionNode.childForFieldName('object');
    if (SORT_METHODS.has(method) && object) return columnReference(object, sorting);
  }
  const name = functionNode.text;
  if (!TRANSPARENT_CALLS.has(lastName(name))) return undefined;
  if (!sorting && name !== 'col') return undefined;
  const first = namedChildren(argumentList)[0];
  return first ? columnReference(first, sorting) : undefined;
}

/** `Part` or `models.Part`: the last name starts with a capital letter. */
export function isClassLike(node: Node): boolean {
  if (node.type !== 'identifier' && node.type !== 'attribute') return false;
  return /^[A-Z]/.test(lastName(node.text)) && !/[^\w.]/.test(node.text);
}

function lastName(dotted: string): string {
  return dotted.slice(dotted.lastIndexOf('.') + 1);
}
