// Finds the top-level statements of a module by walking the program's children, and looks inside
// `export` and `declare` wrappers and ERROR nodes. Declarations nested in functions, namespaces
// or `declare module` blocks are local to them and are not looked at.
import type { Node } from 'web-tree-sitter';

/** A declaration at the top of the module, inside any `export` / `declare` wrappers. */
export interface TopLevelDeclaration {
  /** The outermost statement (`export declare interface A {}`): full range, JSDoc, exported. */
  statement: Node;
  /** The interface, type alias, enum or lexical declaration itself. */
  declaration: Node;
  /** The declaration's node type, read once here: each read of a node's type crosses into wasm. */
  type: string;
}

export interface TopLevel {
  declarations: TopLevelDeclaration[];
  /** Import and export statements. */
  moduleStatements: Node[];
  /** ERROR nodes among the statements, where unfinished declarations may be read back. */
  errors: Node[];
}

/** Declarations the extractors read; `export`/`declare` may wrap any of them. */
const DECLARATION_TYPES = new Set([
  'interface_declaration',
  'type_alias_declaration',
  'enum_declaration',
  'lexical_declaration',
]);

/** ERROR nodes nest when the parser recovers more than once; deeper ones are not searched. */
const MAX_ERROR_NESTING = 4;

export function topLevelStatements(root: Node): TopLevel {
  const result: TopLevel = { declarations: [], moduleStatements: [], errors: [] };
  collectStatements(root, result, 0);
  return result;
}

function collectStatements(container: Node, result: TopLevel, depth: number) {
  for (const node of container.namedChildren) {
    const type = node?.type;
    if (!node || !type) continue;
    if (DECLARATION_TYPES.has(type)) {
      result.declarations.push({ statement: node, declaration: node, type });
    } else if (type === 'import_statement') result.moduleStatements.push(node);
    else if (type === 'export_statement') collectExport(node, result);
    else if (type === 'ambient_declaration') collectWrapped(node, node.firstNamedChild, result);
    else if (type === 'ERROR' && depth < MAX_ERROR_NESTING) collectError(node, result, depth);
  }
}

function collectError(error: Node, result: TopLevel, depth: number): void {
  result.errors.push(error);
  collectStatements(error, result, depth + 1);
}

function collectExport(statement: Node, result: TopLevel): void {
  result.moduleStatements.push(statement);
  const declaration = statement.childForFieldName('declaration');
  if (!declaration) return;
  const type = declaration.type;
  if (type === 'ambient_declaration')
    collectWrapped(statement, declaration.firstNamedChild, result);
  else if (DECLARATION_TYPES.has(type)) {
    result.declarations.push({ statement, declaration, type });
  }
}

function collectWrapped(statement: Node, inner: Node | null | undefined, result: TopLevel): void {
  const type = inner?.type;
  if (inner && type && DECLARATION_TYPES.has(type)) {
    result.declarations.push({ statement, declaration: inner, type });
  }
}
