// Query facts of one Python file: the loops over query results, the functions returning them,
// and where each query starts with the options and filters applied to it. Only the candidates
// (loops, returns, filtering calls) found by query-candidates.ts are read.
import type { Node, Tree } from 'web-tree-sitter';
import type { FileFacts } from '../facts';
import { rangeOf } from '../syntax/nodes';
import { readColumnIndexEdits } from './column-index-edits';
import { readReturnedQuery } from './functions';
import { readLoop } from './loops';
import { findCandidates, refiningCallAt, type QueryCandidates } from './query-candidates';
import { QueryChains } from './query-chains';
import type { QueryFunctionFact, QueryLoopFact } from './query-facts';
import { SourceText } from './query-text';
import { readSerializers } from './serializers';
import { ScopeIndex } from './scopes';

/** What the steps of one file's extraction share. */
interface Extraction {
  tree: Tree;
  facts: FileFacts;
  source: SourceText;
  scopes: ScopeIndex;
  chains: QueryChains;
  candidates: QueryCandidates;
}

/** Fills `facts.queries`; call it after the class extractor, whose entities it reads. */
export function extractQueries(tree: Tree, text: string, facts: FileFacts): void {
  const source = new SourceText(text);
  const scopes = new ScopeIndex(tree.rootNode, source);
  const chains = new QueryChains(scopes);
  const candidates = findCandidates(tree.rootNode, source);
  const extraction: Extraction = { tree, facts, source, scopes, chains, candidates };

  const functions = readFunctions(extraction);
  const loops = readLoops(extraction, functions);
  readRefinements(extraction);
  facts.queries = {
    roots: chains.roots,
    loops,
    functions,
    definedFunctions: [...candidates.functionNames],
    parameterReads: guarded(facts, tree.rootNode, () => readSerializers(source)) ?? [],
    columnIndexEdits:
      guarded(facts, tree.rootNode, () => readColumnIndexEdits(source, facts)) ?? [],
  };
}

/** Functions returning a query result, one fact per function (its first such `return`). */
function readFunctions({ facts, chains, source, candidates }: Extraction): QueryFunctionFact[] {
  const functions = new Map<number, QueryFunctionFact>();
  for (const { node, value } of candidates.returns) {
    const fact = guarded(facts, node, () => readReturnedQuery(node, value, chains, source));
    const key = fact ? source.offsetAt(fact.range.start) : -1;
    if (fact && !functions.has(key)) functions.set(key, fact);
  }
  return [...functions.values()];
}

function readLoops(extraction: Extraction, functions: QueryFunctionFact[]): QueryLoopFact[] {
  const { tree, facts, source, chains, scopes, candidates } = extraction;
  const queryFunctions = new Set(functions.map((fact) => fact.name));
  // A call to a function of this file that returns no query needs no look at the loop body.
  const returnsNoQuery = (callee: string) => {
    const local = /^(?:(?:self|cls)\.)?(\w+)$/.exec(callee)?.[1];
    return !!local && candidates.functionNames.has(local) && !queryFunctions.has(local);
  };
  const context = { root: tree.rootNode, source, chains, scopes, returnsNoQuery };
  const loops: QueryLoopFact[] = [];
  for (const candidate of candidates.loops) {
    const loop = guarded(facts, candidate.node, () => readLoop(candidate, context));
    if (loop) loops.push(loop);
  }
  return loops;
}

/** Last first: a chain's outermost call comes last, and reading it reads the inner ones. */
function readRefinements({ tree, facts, chains, candidates }: Extraction): void {
  for (const offset of [...candidates.refinements].reverse()) {
    if (chains.wasRead(offset)) continue;
    const call = refiningCallAt(tree.rootNode, offset);
    if (call) guarded(facts, call, () => chains.record(call));
  }
}

/** Runs one step; a failure becomes a problem on the file and the step's result is missing. */
function guarded<T>(facts: FileFacts, node: Node, step: () => T): T | undefined {
  try {
    return step();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    facts.problems.push({ message: `a query fact was skipped: ${message}`, range: rangeOf(node) });
    return undefined;
  }
}
