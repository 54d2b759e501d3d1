// The module scope the call extractor asks about, read lazily: each question searches the text
// first and enters the tree only where the text names what is asked for, since most files have
// few calls and reading every import or declaration of every file costs more than the calls do.
import type { Node } from 'web-tree-sitter';
import type { CallsContext } from './calls-context';
import { callArguments, objectEntry } from './calls-nodes';
import { urlPieces, type UrlPiece } from './calls-url';

const COLLECTION_DECLARATION =
  /(?:new\s+|:\s*)(?:Map|WeakMap|Set|WeakSet|URLSearchParams|Headers|FormData|URL)\b/;

/** `import a, { b as c, type D } from 'x'`, `import * as ns from 'x'` (not `import 'x'`). */
const IMPORT_TEXT = /\bimport\s+(?:type\s+)?([\w$*{][^;'"]*?)\s*from\s*['"]([^'"]+)['"]/g;

/** `export { a, b as c }` without a `from` (which would be a re-export). */
const EXPORT_LIST_TEXT = /\bexport\s*(?:type\s*)?\{([^}]*)\}(?!\s*from\b)/g;

const DECLARATION_PARENTS = new Set(['lexical_declaration', 'variable_declaration']);

export class ModuleScope implements CallsContext {
  readonly axiosNames: Set<string>;
  readonly mentionsCollections: boolean;
  private imports?: Set<string>;
  private exportList?: Set<string>;
  private declarationIndex?: Map<string, number[]>;
  private readonly declarators = new Map<string, Node | undefined>();
  private readonly constants = new Map<string, UrlPiece[] | undefined>();
  private readonly instances = new Map<string, UrlPiece[] | undefined>();

  constructor(
    readonly file: string,
    readonly root: Node,
    private readonly text: string,
  ) {
    this.axiosNames = new Set(['axios', ...importsFrom(text, 'axios')]);
    this.mentionsCollections = COLLECTION_DECLARATION.test(text);
  }

  isImported(name: string): boolean {
    this.imports ??= importedNames(this.text);
    return this.imports.has(name);
  }

  inExportList(name: string): boolean {
    this.exportList ??= exportListNames(this.text);
    return this.exportList.has(name);
  }

  declarationPositions(name: string): number[] {
    this.declarationIndex ??= declarationIndex(this.text);
    return this.declarationIndex.get(name) ?? [];
  }

  topLevel(name: string): Node | undefined {
    if (!this.declarators.has(name)) {
      const positions = this.declarationPositions(name);
      this.declarators.set(name, topLevelDeclarator(this.root, positions));
    }
    return this.declarators.get(name);
  }

  /** A `const` whose value is built from text and constants only; cycles resolve to nothing. */
  constant(name: string): UrlPiece[] | undefined {
    if (this.constants.has(name)) return this.constants.get(name);
    this.constants.set(name, undefined);
    const value = this.constValue(name);
    const pieces = value && !this.instance(name) ? urlPieces(value, this) : undefined;
    const constant = pieces && isConstantString(pieces) ? pieces : undefined;
    this.constants.set(name, constant);
    return constant;
  }

  instance(name: string): UrlPiece[] | undefined {
    if (this.instances.has(name)) return this.instances.get(name);
    this.instances.set(name, undefined);
    const value = this.constValue(name);
    const base = value ? axiosInstanceBase(value, this) : undefined;
    this.instances.set(name, base);
    return base;
  }

  private constValue(name: string): Node | undefined {
    const declarator = this.topLevel(name);
    if (declarator?.parent?.childForFieldName('kind')?.text !== 'const') return undefined;
    return declarator.childForFieldName('value') ?? undefined;
  }
}

/** A constant string has no runtime part other than a leading base (an env variable). */
function isConstantString(pieces: UrlPiece[]): boolean {
  if (pieces.some((piece) => piece.kind === 'dynamic')) return false;
  return pieces.some((piece) => piece.kind === 'text' || piece.kind === 'base');
}

/**
 * The base URL pieces of `axios.create({ baseURL })`: empty without a baseURL, a lone unknown
 * base when the config is not an object literal. Undefined when the node is not such a call.
 */
export function axiosInstanceBase(node: Node, context: CallsContext): UrlPiece[] | undefined {
  const callee = node.type === 'call_expression' ? node.childForFieldName('function') : null;
  const object = callee?.type === 'member_expression' ? callee.childForFieldName('object') : null;
  if (!object || !context.axiosNames.has(object.text)) return undefined;
  if (callee?.childForFieldName('property')?.text !== 'create') return undefined;

  const config = callArguments(node)[0];
  if (!config) return [];
  if (config.type !== 'object') return [{ kind: 'base' }];
  const baseUrl = objectEntry(config, 'baseURL');
  return baseUrl ? urlPieces(baseUrl, context) : [];
}

/** Where each name follows `const`/`let`/`var` in the text: one pass, done when first needed. */
function declarationIndex(text: string): Map<string, number[]> {
  const index = new Map<string, number[]>();
  for (const match of text.matchAll(/\b(?:const|let|var)\s+([\w$]+)/g)) {
    const name = match[1];
    const position = match.index + match[0].length - name.length;
    const positions = index.get(name);
    if (positions) positions.push(position);
    else index.set(name, [position]);
  }
  return index;
}

/**
 * The declarator at one of the positions that is a statement of the program itself (possibly
 * exported): the text found the candidates, the tree confirms them.
 */
function topLevelDeclarator(root: Node, positions: number[]): Node | undefined {
  for (const position of positions) {
    const declarator = root.descendantForIndex(position)?.parent;
    const statement = declarator?.parent;
    if (declarator?.type !== 'variable_declarator' || !statement) continue;
    if (!DECLARATION_PARENTS.has(statement.type)) continue;
    const container = statement.parent;
    if (container?.type === 'program') return declarator;
    if (container?.type === 'export_statement' && container.parent?.type === 'program') {
      return declarator;
    }
  }
  return undefined;
}

/** Local names bound by the file's import statements. */
function importedNames(text: string): Set<string> {
  const names = new Set<string>();
  for (const match of text.matchAll(IMPORT_TEXT)) {
    for (const name of clauseNames(match[1])) names.add(name);
  }
  return names;
}

/** Default and namespace names an import of `module` binds (`import http from 'axios'`). */
function importsFrom(text: string, module: string): string[] {
  const names: string[] = [];
  for (const match of text.matchAll(IMPORT_TEXT)) {
    if (match[2] !== module) continue;
    const outside = match[1].replace(/\{[^}]*\}/g, '');
    names.push(...clauseNames(outside));
  }
  return names;
}

/** `a, { b as c, type D }` → `a`, `c`, `D`; `* as ns` → `ns`. */
function clauseNames(clause: string): string[] {
  const names: string[] = [];
  for (const part of clause.replace(/[{}]/g, ',').split(',')) {
    const words = part.trim().split(/\s+/);
    const name = words.at(-1);
    if (name && /^[\w$]+$/.test(name) && name !== 'type') names.push(name);
  }
  return names;
}

function exportListNames(text: string): Set<string> {
  const names = new Set<string>();
  for (const match of text.matchAll(EXPORT_LIST_TEXT)) {
    for (const part of match[1].split(',')) {
      const words = part.trim().split(/\s+/);
      const name = words[0] === 'type' ? words[1] : words[0];
      if (name && /^[\w$]+$/.test(name)) names.add(name);
    }
  }
  return names;
}
