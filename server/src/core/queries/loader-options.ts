// Loader options given to a query: `.options(selectinload(Part.category))`, chained paths such as
// `joinedload(Part.category).selectinload(Category.parent)`, and `Load(Part).joinedload(...)`.
import type { Node } from 'web-tree-sitter';
import { namedChildren, rangeOf, unquote } from '../syntax/nodes';
import type { LoaderOptionFact } from './query-facts';

export interface LoaderOptions {
  loaders: LoaderOptionFact[];
  /** An argument Seam cannot read (`*options`, a variable): it may load anything. */
  unknown: boolean;
}

/** Chains longer than this are given up rather than followed. */
const MAX_STEPS = 8;

/** The options in one `.options(...)` argument list. */
export function readLoaderOptions(argumentList: Node): LoaderOptions {
  const result: LoaderOptions = { loaders: [], unknown: false };
  for (const argument of namedChildren(argumentList)) {
    const steps = argument.type === 'call' ? loaderSteps(argument, 0) : undefined;
    if (!steps) result.unknown = true;
    else if (steps.length) result.loaders.push({ steps, range: rangeOf(argument) });
  }
  return result;
}

/** The steps of one option chain, outermost call last; undefined when it cannot be read. */
function loaderSteps(call: Node, depth: number): LoaderOptionFact['steps'] | undefined {
  if (depth > MAX_STEPS) return undefined;
  const functionNode = call.childForFieldName('function');
  const argumentList = call.childForFieldName('arguments');
  if (!functionNode || !argumentList) return undefined;

  let earlier: LoaderOptionFact['steps'] = [];
  let strategy = functionNode.text;
  if (functionNode.type === 'attribute') {
    const object = functionNode.childForFieldName('object');
    strategy = functionNode.childForFieldName('attribute')?.text ?? '';
    if (object?.type === 'call') {
      const inner = loaderSteps(object, depth + 1);
      if (!inner) return undefined;
      earlier = inner;
    }
  }
  // `Load(Part)` starts a chain without loading anything itself.
  if (strategy === 'Load') return earlier;
  return [
    ...earlier,
    ...pathAttributes(argumentList).map((attribute) => ({ strategy, attribute })),
  ];
}

/** `Part.category` → `category`; `"category"` → `category`; `"*"` stays `*`. */
function pathAttributes(argumentList: Node): string[] {
  const attributes: string[] = [];
  for (const argument of namedChildren(argumentList)) {
    if (argument.type === 'attribute') {
      const name = argument.childForFieldName('attribute')?.text;
      if (name) attributes.push(name);
    } else if (argument.type === 'string') {
      const text = unquote(argument.text);
      if (text) attributes.push(...text.split('.'));
    }
  }
  return attributes;
}
