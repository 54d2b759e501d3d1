// Loops over query results (`for part in parts:`, `[p.name for p in parts]`) and what their body
// does with the loop variable: attributes it reads, calls it is passed to, queries it runs.
import type { Node } from 'web-tree-sitter';
import { namedChildren, rangeOf } from '../syntax/nodes';
import { LoopBody, type LoopParts } from './loop-body';
import type { QueryChains } from './query-chains';
import type { QueryLoopFact } from './query-facts';
import type { SourceText } from './query-text';
import type { ScopeIndex } from './scopes';

export interface LoopCandidate {
  kind: 'for' | 'comprehension';
  node: Node;
  target: Node;
  iterable: Node;
  /** The block of a `for`; the whole comprehension for a `for ... in` clause. */
  body: Node;
}

interface LoopVariable {
  name: string;
  iterable: Node;
  target: Node;
}

/** What the extractor shares with every loop it reads. */
export interface LoopContext {
  root: Node;
  source: SourceText;
  chains: QueryChains;
  scopes: ScopeIndex;
  /** A call to a function of this file that returns no query: its loops need no reading. */
  returnsNoQuery(callee: string): boolean;
}

export function readLoop(
  candidate: LoopCandidate,
  context: LoopContext,
): QueryLoopFact | undefined {
  const variable = loopVariable(candidate);
  if (!variable) return undefined;
  const { chains } = context;
  const source = chains.use(chains.unwrapIterable(variable.iterable));
  if (!source || (source.shape !== 'models' && source.shape !== 'returned')) return undefined;
  const callee = chains.roots[source.root]?.callee;
  if (callee && context.returnsNoQuery(callee)) return undefined;

  const parts: LoopParts = { body: candidate.body, name: variable.name, target: variable.target };
  if (candidate.kind === 'comprehension') parts.excluded = variable.iterable;
  const body = new LoopBody(context.root, context.source, parts, chains, context.scopes);
  if (!body.read()) return undefined;
  return {
    kind: candidate.kind,
    range: { start: rangeOf(candidate.node).start, end: rangeOf(variable.iterable).end },
    variable: variable.name,
    source,
    accesses: body.accesses,
    calls: body.calls,
    queries: body.queries,
  };
}

/** `part` in `for part in parts`, or in `for i, part in enumerate(parts)`. */
function loopVariable(candidate: LoopCandidate): LoopVariable | undefined {
  const { target, iterable } = candidate;
  if (target.type === 'identifier') return { name: target.text, iterable, target };
  if (target.type !== 'pattern_list' && target.type !== 'tuple_pattern') return undefined;
  const names = namedChildren(target);
  const item = names[1];
  if (names.length !== 2 || item?.type !== 'identifier' || iterable.type !== 'call')
    return undefined;
  if (iterable.childForFieldName('function')?.text !== 'enumerate') return undefined;
  const enumerated = namedChildren(iterable.childForFieldName('arguments') ?? iterable)[0];
  return enumerated ? { name: item.text, iterable: enumerated, target: item } : undefined;
}
