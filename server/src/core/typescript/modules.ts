// The module's imports, re-exports and exported names, and the local names they bind or export.
// Statements are read from their text when its form is plain (module-text.ts), else from the tree.
import type { Node } from 'web-tree-sitter';
import type { FileFacts, ImportFact } from '../facts';
import { childOfType, namedChildren, rangeOf, rangeOfText, unquote } from '../syntax/nodes';
import { extend } from '../objects';
import {
  exportListFromText,
  exportStarFromText,
  importFromText,
  type ImportedName,
  type ModuleReference,
} from './module-text';

/** Declarations whose name is in their `name` field. */
const NAMED_DECLARATIONS = new Set([
  ...['interface_declaration', 'type_alias_declaration', 'enum_declaration', 'class_declaration'],
  ...['abstract_class_declaration', 'function_declaration', 'generator_function_declaration'],
  ...['function_signature', 'internal_module', 'module'],
]);

const DEFAULT_EXPORT = /^export\s+default\b/;

/**
 * Fills `facts.imports` and `facts.exports`. Returns the local declarations that an
 * `export { A }` list or `export default A` exports, which mark their entities as exported.
 */
export function extractModules(statements: Node[], facts: FileFacts): Set<string> {
  const exportedLocals = new Set<string>();
  for (const statement of statements) {
    const text = statement.text;
    if (text.startsWith('import')) addImport(statement, text, facts);
    else addExport(statement, text, facts, exportedLocals);
  }
  return exportedLocals;
}

function addImport(statement: Node, text: string, facts: FileFacts): void {
  const reference = importFromText(text) ?? importFromTree(statement);
  if (reference) facts.imports.push(extend(reference, { range: rangeOfText(statement, text) }));
}

function importFromTree(statement: Node): ModuleReference | undefined {
  const requireClause = childOfType(statement, 'import_require_clause');
  if (requireClause) return requireFromTree(requireClause);
  const module = moduleOf(statement);
  if (module === undefined) return undefined;

  const reference: ModuleReference = { module, names: [] };
  const clause = childOfType(statement, 'import_clause');
  for (const part of clause ? namedChildren(clause) : []) {
    if (part.type === 'identifier') reference.names.push({ name: 'default', alias: part.text });
    else if (part.type === 'named_imports') reference.names.push(...specifiers(part));
    else if (part.type === 'namespace_import') reference.namespace = namedChildren(part)[0]?.text;
  }
  return reference;
}

/** `import fs = require('fs')` binds the module's namespace. */
function requireFromTree(clause: Node): ModuleReference | undefined {
  const module = moduleOf(clause);
  const namespace = childOfType(clause, 'identifier')?.text;
  return module !== undefined && namespace ? { module, names: [], namespace } : undefined;
}

function moduleOf(node: Node): string | undefined {
  const source = node.childForFieldName('source');
  return source ? unquote(source.text) : undefined;
}

/** `{ A, B as C }` in an import or export list. */
function specifiers(list: Node): ImportedName[] {
  return namedChildren(list).map((specifier) => {
    const name = nameText(specifier.childForFieldName('name'));
    const alias = nameText(specifier.childForFieldName('alias')) || name;
    return { name, alias };
  });
}

/** Module export names may be strings: `export { a as "a-b" }`. */
function nameText(node: Node | null): string {
  if (!node) return '';
  return unquote(node.text) ?? node.text;
}

function addExport(
  statement: Node,
  text: string,
  facts: FileFacts,
  exportedLocals: Set<string>,
): void {
  const star = exportStarFromText(text);
  if (star) return addReexport(statement, star, facts);
  const list = exportListFromText(text);
  if (list?.module !== undefined) {
    return addReexport(statement, { module: list.module, names: list.names }, facts);
  }
  if (list) return addExportList(list.names, facts, exportedLocals);
  addExportFromTree(statement, DEFAULT_EXPORT.test(text), facts, exportedLocals);
}

function addExportFromTree(
  statement: Node,
  isDefault: boolean,
  facts: FileFacts,
  exportedLocals: Set<string>,
): void {
  const module = moduleOf(statement);
  if (module !== undefined)
    return addReexport(statement, reexportFromTree(statement, module), facts);
  const declaration = statement.childForFieldName('declaration');
  const list = declaration ? undefined : childOfType(statement, 'export_clause');

  if (declaration) {
    const names = declaredNames(declaration);
    if (isDefault) names.forEach((name) => exportedLocals.add(name));
    facts.exports.push(...(isDefault ? ['default'] : names));
  } else if (list) {
    addExportList(specifiers(list), facts, exportedLocals);
  } else if (isDefault) {
    const value = statement.childForFieldName('value');
    if (value?.type === 'identifier') exportedLocals.add(value.text);
    facts.exports.push('default');
  }
}

/** `export { a, b as c }` exports `a` and `c`, and marks the locals `a` and `b`. */
function addExportList(names: ImportedName[], facts: FileFacts, exportedLocals: Set<string>) {
  names.forEach((name) => exportedLocals.add(name.name));
  facts.exports.push(...names.map((name) => name.alias));
}

function reexportFromTree(statement: Node, module: string): ModuleReference {
  const list = childOfType(statement, 'export_clause');
  const namespace = childOfType(statement, 'namespace_export');
  if (list) return { module, names: specifiers(list) };
  if (namespace) return { module, names: [], namespace: nameText(namedChildren(namespace)[0]) };
  return { module, names: [{ name: '*', alias: '*' }] };
}

/** `export { A as B } from './a'`, `export * from './b'`, `export * as ns from './c'`. */
function addReexport(statement: Node, reference: ModuleReference, facts: FileFacts): void {
  const fact: ImportFact = extend(reference, { reexport: true, range: rangeOf(statement) });
  facts.imports.push(fact);
  if (fact.namespace) facts.exports.push(fact.namespace);
  facts.exports.push(...fact.names.filter((name) => name.alias !== '*').map((name) => name.alias));
}

/** Names a declaration binds: `const a = 1, { b } = c` gives `a` and `b`. */
function declaredNames(declaration: Node): string[] {
  const type = declaration.type;
  if (type === 'ambient_declaration') {
    const inner = namedChildren(declaration)[0];
    return inner ? declaredNames(inner) : [];
  }
  if (NAMED_DECLARATIONS.has(type)) {
    const name = declaration.childForFieldName('name');
    return name && name.type !== 'string' ? [name.text] : [];
  }
  if (type !== 'lexical_declaration' && type !== 'variable_declaration') return [];
  return namedChildren(declaration).flatMap((declarator) =>
    patternNames(declarator.childForFieldName('name')),
  );
}

/** The identifiers a binding pattern introduces. */
function patternNames(pattern: Node | null): string[] {
  if (!pattern) return [];
  if (pattern.type === 'identifier') return [pattern.text];
  const bound = pattern.descendantsOfType(['identifier', 'shorthand_property_identifier_pattern']);
  return bound.filter((node): node is Node => !!node).map((node) => node.text);
}
