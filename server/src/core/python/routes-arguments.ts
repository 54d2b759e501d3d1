// The arguments of a call as written: positional ones in order and keyword ones by name. Used for
// route decorators, router constructors and include_router calls.
import type { Node } from 'web-tree-sitter';
import { namedChildren } from '../syntax/nodes';

export interface CallArguments {
  positional: Node[];
  keywords: Map<string, Node>;
}

/** Splats (`*args`, `**options`) are skipped: their contents cannot be known statically. */
export function readCallArguments(argumentList: Node | null | undefined): CallArguments {
  const found: CallArguments = { positional: [], keywords: new Map() };
  if (!argumentList) return found;
  for (const argument of namedChildren(argumentList)) {
    if (argument.type === 'keyword_argument') {
      const name = argument.childForFieldName('name');
      const value = argument.childForFieldName('value');
      if (name && value) found.keywords.set(name.text, value);
    } else if (!SKIPPED_ARGUMENTS.has(argument.type)) {
      found.positional.push(argument);
    }
  }
  return found;
}

const SKIPPED_ARGUMENTS = new Set(['list_splat', 'dictionary_splat', 'ERROR']);

/** The argument at a position, or the same argument passed by keyword. */
export function argumentAt(args: CallArguments, index: number, keyword: string): Node | undefined {
  return args.positional[index] ?? args.keywords.get(keyword);
}
