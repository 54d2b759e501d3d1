// Python import statements, absolute and relative, wherever they appear in a file: the index
// follows them to resolve the names routes and models refer to.
import type { QueryCapture, Tree } from 'web-tree-sitter';
import type { FileFacts, ImportFact, Range } from '../facts';
import { loadQuery } from '../syntax/parser';
import { rangeOf } from '../syntax/nodes';
import { rangesInNode } from './imports-scan';

type ImportedName = ImportFact['names'][number];

/**
 * Both `import x` and `from x import y` hold the word `import`; the query only looks near it.
 * The word in a docstring or comment costs a look and finds nothing.
 */
const IMPORT_KEYWORD = /\bimport\b/g;

export function extractPythonImports(tree: Tree, facts: FileFacts): void {
  const query = loadQuery('python', 'imports');
  const seen = new Set<number>();
  for (const range of rangesInNode(tree.rootNode, IMPORT_KEYWORD, 200)) {
    for (const capture of query.captures(tree.rootNode, range)) {
      if (seen.has(capture.node.id)) continue;
      seen.add(capture.node.id);
      addImport(capture, facts);
    }
  }
}

/**
 * The statement's text is read directly rather than through its child nodes: an import holds no
 * strings or nesting, files hold many imports, and every node access crosses into wasm.
 */
function addImport(capture: QueryCapture, facts: FileFacts): void {
  const text = withoutLayout(capture.node.text);
  const range = rangeOf(capture.node);
  if (capture.name === 'import') facts.imports.push(...plainImportFacts(text, range));
  if (capture.name === 'import.from') {
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
  const compact = text.replace(/\s*\.\s*/g, '.');
  return DOTTED_NAME.test(compact) ? compact : undefined;
}

/** Leading dots for relative modules, then identifiers separated by dots. */
const DOTTED_NAME = /^\.*(?:[\p{L}_][\p{L}\p{N}_]*(?:\.[\p{L}_][\p{L}\p{N}_]*)*)?$/u;
