// What a model file states that the index does not keep: the SQLAlchemy type written beside an
// annotation (`mapped_column(String(80))`, `Field(sa_type=...)`), the column name given with
// `name=`, which call the attribute is bound to (`association_proxy(...)` is no column), and the
// columns `@declared_attr` methods return.
import type { Node } from 'web-tree-sitter';
import type { Range } from '../facts';
import { namedChildren } from '../syntax/nodes';
import { parseText } from '../syntax/parser';
import { readSqlType } from './alembic-columns';
import { readPythonCall, stringOf, type PythonCall } from './python-values';
import type { SqlType } from './types';

const COLUMN_CALLS = new Set(['mapped_column', 'Column']);
const NOT_TYPES = new Set(['ForeignKey', 'Sequence', 'Identity', 'Computed', 'FetchedValue']);

export interface AttributeSource {
  /** The SQLAlchemy type the column states, when it states one. */
  type?: SqlType;
  /** `mapped_column("col")` / `mapped_column(name="col")`. */
  columnName?: string;
  /** The call the attribute is bound to (`mapped_column`, `association_proxy`, ...). */
  valueCall?: string;
}

interface FileSource {
  attributes: Map<string, AttributeSource>;
  /** Column names `@declared_attr` methods return, by the position of their class's name. */
  declaredColumns: Map<string, string[]>;
}

export class ModelSource {
  private readonly byFile = new Map<string, FileSource>();

  constructor(private readonly readText: (file: string) => string | undefined) {}

  /** What the file states about the attribute whose name starts at `range`. */
  attribute(file: string, range: Range): AttributeSource | undefined {
    return this.fileSource(file).attributes.get(positionKey(range));
  }

  /** Columns the class (its name at `range`) declares through `@declared_attr`. */
  declaredColumns(file: string, range: Range): string[] {
    return this.fileSource(file).declaredColumns.get(positionKey(range)) ?? [];
  }

  private fileSource(file: string): FileSource {
    let source = this.byFile.get(file);
    if (!source) {
      source = readFileSource(this.readText(file));
      this.byFile.set(file, source);
    }
    return source;
  }
}

function positionKey(range: Range): string {
  return `${range.start.line}:${range.start.character}`;
}

function nodeKey(node: Node): string {
  return `${node.startPosition.row}:${node.startPosition.column}`;
}

function readFileSource(text: string | undefined): FileSource {
  const source: FileSource = { attributes: new Map(), declaredColumns: new Map() };
  const tree = text ? parseText('python', text) : null;
  if (!tree) return source;
  try {
    for (const assignment of tree.rootNode.descendantsOfType('assignment')) {
      const target = assignment?.childForFieldName('left');
      if (target?.type !== 'identifier' || !assignment) continue;
      source.attributes.set(
        nodeKey(target),
        attributeSource(assignment.childForFieldName('right')),
      );
    }
    for (const definition of tree.rootNode.descendantsOfType('class_definition')) {
      const name = definition?.childForFieldName('name');
      const columns = definition ? declaredAttrColumns(definition) : [];
      if (name && columns.length) source.declaredColumns.set(nodeKey(name), columns);
    }
  } finally {
    tree.delete();
  }
  return source;
}

function attributeSource(value: Node | null): AttributeSource {
  const unwrapped = value?.type === 'parenthesized_expression' ? value.namedChildren[0] : value;
  const call = readPythonCall(unwrapped);
  if (!call) return {};
  const column = columnCall(call);
  const source: AttributeSource = { valueCall: call.name };
  if (!column) return source;
  const type = explicitType(column);
  const columnName = stringOf(column.positional[0]) ?? stringOf(column.keywords.get('name'));
  return { ...source, ...(type ? { type } : {}), ...(columnName ? { columnName } : {}) };
}

/** The Column / mapped_column call behind an attribute, also inside SQLModel's `Field`. */
function columnCall(call: PythonCall): PythonCall | undefined {
  if (COLUMN_CALLS.has(call.name)) return call;
  if (call.name !== 'Field') return undefined;
  return readPythonCall(call.keywords.get('sa_column'));
}

function explicitType(call: PythonCall): SqlType | undefined {
  const keyword = call.keywords.get('type_') ?? call.keywords.get('sa_type');
  if (keyword) return readSqlType(keyword);
  const typeArgument = call.positional.find((argument) => isTypeArgument(argument));
  return typeArgument ? readSqlType(typeArgument) : undefined;
}

/** Not the column's name (a string) and not a ForeignKey(...) or other option. */
function isTypeArgument(node: Node): boolean {
  if (node.type === 'string' || node.type === 'concatenated_string') return false;
  const call = readPythonCall(node);
  return !call || !NOT_TYPES.has(call.name);
}

/** `@declared_attr def properties(cls): return mapped_column("properties", JSONB)`. */
function declaredAttrColumns(definition: Node): string[] {
  const body = definition.childForFieldName('body');
  const columns: string[] = [];
  for (const statement of body ? namedChildren(body) : []) {
    if (statement.type !== 'decorated_definition') continue;
    const decorators = namedChildren(statement).filter((child) => child.type === 'decorator');
    if (!decorators.some((decorator) => decorator.text.includes('declared_attr'))) continue;
    const method = statement.childForFieldName('definition');
    const name = method?.childForFieldName('name')?.text;
    const returned = method?.descendantsOfType('return_statement')[0]?.namedChildren[0];
    const call = readPythonCall(returned);
    if (!name || !call || !COLUMN_CALLS.has(call.name)) continue;
    columns.push(stringOf(call.positional[0]) ?? stringOf(call.keywords.get('name')) ?? name);
  }
  return columns;
}
