// Loads the tree-sitter runtime and grammars once, and parses text into trees. Trees are owned by
// the caller: delete them once their facts are extracted unless the document stays open.
import { readFileSync } from 'node:fs';
import { Language, Parser, Query, type Tree } from 'web-tree-sitter';
import { queryPath, wasmPath } from './assets';

export type GrammarName = 'python' | 'typescript' | 'tsx';

interface Grammars {
  python: Language;
  typescript: Language;
  tsx: Language;
}

let loading: Promise<Grammars> | undefined;
let loaded: Grammars | undefined;
const parsers = new Map<GrammarName, Parser>();
const queries = new Map<string, Query>();

/** Loads the runtime and the three grammars; safe to call many times. */
export function initSyntax(): Promise<Grammars> {
  loading ??= (async () => {
    const runtime = wasmPath('web-tree-sitter.wasm', 'web-tree-sitter');
    await Parser.init({ locateFile: () => runtime });
    const [python, typescript, tsx] = await Promise.all([
      Language.load(wasmPath('tree-sitter-python.wasm', 'tree-sitter-python')),
      Language.load(wasmPath('tree-sitter-typescript.wasm', 'tree-sitter-typescript')),
      Language.load(wasmPath('tree-sitter-tsx.wasm', 'tree-sitter-typescript')),
    ]);
    loaded = { python, typescript, tsx };
    return loaded;
  })();
  return loading;
}

function grammars(): Grammars {
  if (!loaded) throw new Error('initSyntax() must complete before parsing');
  return loaded;
}

export function grammarForFile(file: string): GrammarName | undefined {
  if (file.endsWith('.py')) return 'python';
  if (file.endsWith('.tsx')) return 'tsx';
  if (/\.(ts|mts|cts)$/.test(file) && !file.endsWith('.d.ts')) return 'typescript';
  if (file.endsWith('.d.ts')) return 'typescript';
  return undefined;
}

function parserFor(grammar: GrammarName): Parser {
  let parser = parsers.get(grammar);
  if (!parser) {
    parser = new Parser();
    parser.setLanguage(grammars()[grammar]);
    parsers.set(grammar, parser);
  }
  return parser;
}

/** The text each tree was parsed from (node indices are UTF-16 offsets into it). */
const sources = new WeakMap<Tree, string>();

/**
 * Parses text; with `oldTree` (already edited) the parse is incremental. Returns null only when
 * tree-sitter gives up (a timeout or cancellation), which callers treat as "no facts".
 */
export function parseText(grammar: GrammarName, text: string, oldTree?: Tree | null): Tree | null {
  const tree = parserFor(grammar).parse(text, oldTree ?? null);
  if (tree) sources.set(tree, text);
  return tree;
}

/**
 * The text `tree` was parsed from by parseText, which `node.text` also reads: slicing it at a
 * node's indices gives the node's text without a call into wasm.
 */
export function sourceOf(tree: Tree): string | undefined {
  return sources.get(tree);
}

/**
 * The compiled query `grammars/<language>/<name>.scm`. TypeScript queries compile against both
 * the typescript and tsx grammars, so the cache key includes the grammar.
 */
export function loadQuery(grammar: GrammarName, name: string): Query {
  const folder = grammar === 'python' ? 'python' : 'typescript';
  const key = `${grammar}/${name}`;
  let query = queries.get(key);
  if (!query) {
    const source = readFileSync(queryPath(folder, name), 'utf8');
    query = new Query(grammars()[grammar], source);
    queries.set(key, query);
  }
  return query;
}
