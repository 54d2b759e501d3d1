// What the declaration extractors know about the file as a whole, and the fields every
// TypeScript entity shares (id, ranges, exported, JSDoc).
import type { Node } from 'web-tree-sitter';
import type { EntityFact, EntityKind } from '../facts';
import { namedChildren, rangeOf } from '../syntax/nodes';
import { leadingJsDoc } from './jsdoc';

export interface DeclarationContext {
  file: string;
  /** The file is a generated client; its entities are marked so. */
  generated: boolean;
  /** Local names bound to the zod module (`z` in `import { z } from 'zod'`). */
  zodNames: ReadonlySet<string>;
  /** Every local name bound by an import. */
  importedNames: ReadonlySet<string>;
  /** Local declarations exported by an `export { A }` list or `export default A`. */
  exportedNames: ReadonlySet<string>;
}

/**
 * An entity with no fields yet. `statement` is the outermost statement of the declaration
 * (`export`, `declare`), which gives the full range, the exported flag and the JSDoc.
 */
export function newEntity(
  context: DeclarationContext,
  kind: EntityKind,
  nameNode: Node,
  statement: Node,
): EntityFact {
  const name = nameNode.text;
  const entity: EntityFact = {
    id: `${context.file}#${name}`,
    language: 'typescript',
    kind,
    name,
    file: context.file,
    range: rangeOf(nameNode),
    fullRange: rangeOf(statement),
    bases: [],
    typeParams: [],
    generated: context.generated,
    fields: [],
    exported: statement.type === 'export_statement' || context.exportedNames.has(name),
  };
  return withJsDoc(entity, statement);
}

/** Copies the description and `@seam` tag of the JSDoc before `statement`. */
export function withJsDoc(entity: EntityFact, statement: Node): EntityFact {
  const doc = leadingJsDoc(statement);
  if (doc.docstring) entity.docstring = doc.docstring;
  if (doc.seamTag) entity.seamTag = doc.seamTag;
  return entity;
}

/** `<T, U extends X = Y>` gives `['T', 'U']`. */
export function typeParamsOf(declaration: Node): string[] {
  const list = declaration.childForFieldName('type_parameters');
  if (!list) return [];
  return namedChildren(list)
    .map((parameter) => parameter.childForFieldName('name')?.text ?? '')
    .filter((name) => name !== '');
}
