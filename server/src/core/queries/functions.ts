// Functions and methods that return a query or its result, such as a repository method
// `def list_parts(self): return self.session.exec(select(Part)).all()`.
import type { Node } from 'web-tree-sitter';
import type { QueryChains } from './query-chains';
import type { QueryFunctionFact } from './query-facts';
import type { SourceText } from './query-text';

/** The fact for one `return <value>` statement, when the value comes from a query. */
export function readReturnedQuery(
  returnNode: Node,
  value: Node,
  chains: QueryChains,
  source: SourceText,
): QueryFunctionFact | undefined {
  const definition = source.enclosingFunction(returnNode.startIndex);
  if (!definition) return undefined;
  const result = chains.use(value);
  if (!result) return undefined;
  const start = source.positionAt(definition.nameOffset);
  const end = source.positionAt(definition.nameOffset + definition.name.length);
  const fact: QueryFunctionFact = { name: definition.name, range: { start, end }, result };
  const owner = source.classOf(definition);
  if (owner) fact.className = owner.name;
  return fact;
}
