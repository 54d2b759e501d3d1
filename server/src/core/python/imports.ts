// Python import statements, absolute and relative, wherever they appear in a file: the index
// follows them to resolve the names routes and models refer to.
import type { Node, Tree } from 'web-tree-sitter';
import type { FileFacts, ImportFact, Range } from '../facts';
import { sourceOf } from '../syntax/parser';
import { rangeOfText } from '../syntax/nodes';
import { wordOffsets } from './imports-scan';

type ImportedName = ImportFact['names'][number];

const IMPORT_TYPES = new Set(['import_statement', 'import_from_statement']);

/** The first word of a line that may start an import statement. */
const STATEMENT_START = /[ \t]*(import|from)\b/y;

export function extractPythonImports(tree: Tree, facts: FileFacts): void {
  const root = tree.rootNode;
  const source = sourceOf(tree);
  const text = source ?? root.text;
  const base = source === undefined ? root.startIndex : 0;
  const seen = new Set<number>();
  // Both `import x` and `from x import y` hold the word `import`; the tree is asked only there.
  // The word in a docstring or comment costs a look and finds nothing.
  for (const offset of wordOffsets(text, 'import')) {
    const found = importAt(root, text, base, offset);
    if (!found || seen.has(found.node.id)) continue;
    seen.add(found.node.id);
    addImport(found.node, found.type, found.text, facts);
  }
}

interface FoundImport {
  node: Node;
  type: string;
  text: string;
}

/**
 * The import statement holding the keyword at `index` of `text` (which starts at `base` in the
 * tree). Most statements start their line: the smallest named node at the line's first word is
 * the statement, one call into wasm. Others (`if x: import y`, `a; import b`) are found from the
 * keyword's own token and its parent.
 */
function importAt(root: Node, text: string, base: number, index: number): FoundImport | undefined {
  const lineStart = text.lastIndexOf('\n', index - 1) + 1;
  STATEMENT_START.lastIndex = lineStart;
  const word = STATEMENT_START.exec(text);
  if (word) {
    const start = base + STATEMENT_START.lastIndex - word[1].length;
    const found = importNode(root.namedDescendantForIndex(start, start + 1), text, base);
    // The statement must hold the keyword: `import a; import b` has two on one line.
    if (found && found.node.startIndex + found.text.length > base + index) return found;
  }
  const token = root.descendantForIndex(base + index, base + index + 'import'.length);
  return token?.type === 'import' ? importNode(token.parent, text, base) : undefined;
}

function importNode(node: Node | null, text: string, base: number): FoundImport | undefined {
  const type = node?.type;
  if (!node || !type || !IMPORT_TYPES.has(type)) return undefined;
  const start = node.startIndex - base;
  return { node, type, text: text.slice(start, start + (node.endIndex - node.startIndex)) };
}

/**
 * The statement's text is read directly rather than through its child nodes: an import holds no
 * strings or nesting, files hold many imports, and every node access crosses into wasm.
 */
function addImport(node: Node, type: string, statement: string, facts: FileFacts): void {
  const text = withoutLayout(statement);
  const range = rangeOfText(node, statement);
  if (type === 'import_statement') facts.imports.push(...plainImportFacts(text, range));
  if (type === 'import_from_statement') {
    const fact = fromImportFact(text, range);
    if (fact) facts.imports.push(fact);
  }
}

/** Comments, line continuations and the parentheses of `from x import (a, b)` carry nothing. */
function withoutLayout(text: string): string {
  return text
    .replace(/#[^\n]*/g, ' ')
    .replace(/\\\r?\n/g, ' ')
    .replace(/[()]/g, ' ')
    .trim();
}

/** `import a.b, c as d` binds one module per name, so it gives one fact per name. */
function plainImportFacts(text: string, range: Range): ImportFact[] {
  const facts: ImportFact[] = [];
  for (const imported of importedNames(text.replace(/^import\b/, ''))) {
    const fact: ImportFact = { module: imported.name, names: [], range };
    if (imported.alias !== imported.name) fact.namespace = imported.alias;
    facts.push(fact);
  }
  return facts;
}

/** `from ..models import Part as PartModel, Tag` and `from . import *`. */
function fromImportFact(text: string, range: Range): ImportFact | undefined {
  const match = /^from\s*(.+?)\s*\bimport\b(.*)$/s.exec(text);
  const module = match ? compactDotted(match[1]) : undefined;
  if (!match || !module) return undefined;
  const isStar = match[2].trim() === '*';
  const names = isStar ? [{ name: '*', alias: '*' }] : importedNames(match[2]);
  return { module, names, range };
}

/** `a.b as c, d`: names that are not dotted identifiers (half-typed code) are dropped. */
function importedNames(list: string): ImportedName[] {
  const names: ImportedName[] = [];
  for (const part of list.split(',')) {
    const match = /^(.+?)(?:\s+as\s+(\S+))?$/s.exec(part.trim());
    const name = match ? compactDotted(match[1]) : undefined;
    if (!match || !name) continue;
    names.push({ name, alias: match[2] ?? name });
  }
  return names;
}

/** Python allows spaces around the dots of a name (`from . models import x`); the fact has none. */
function compactDotted(text: string): string | undefined {
  // Most names are plain ASCII without spaces: nothing to compact, and the same answer.
  if (ASCII_DOTTED_NAME.test(text)) return text;
  const compact = text.replace(/\s*\.\s*/g, '.');
  return DOTTED_NAME.test(compact) ? compact : undefined;
}

/** Leading dots for relative modules, then identifiers separated by dots. */
const DOTTED_NAME = /^\.*(?:[\p{L}_][\p{L}\p{N}_]*(?:\.[\p{L}_][\p{L}\p{N}_]*)*)?$/u;
const ASCII_DOTTED_NAME = /^\.*(?:[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)?$/;
