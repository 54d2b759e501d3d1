// Where a name used inside a call was declared: a parameter of an enclosing function, a local
// `const`/`let`, or a top-level declaration. Only the ancestors of the use are visited.
import type { Node } from 'web-tree-sitter';
import { namedChildren } from '../syntax/nodes';
import type { CallsContext } from './calls-context';
import { parentOf } from './calls-nodes';

export type Declaration =
  | { kind: 'parameter'; functionNode: Node; index: number; parameter: Node; type?: Node }
  | { kind: 'variable'; declarator: Node };

const FUNCTION_TYPES = new Set([
  'function_declaration',
  'generator_function_declaration',
  'function_expression',
  'generator_function',
  'arrow_function',
  'method_definition',
]);

const BLOCK_TYPES = new Set(['statement_block', 'switch_case', 'switch_default']);

export function isFunctionNode(node: Node): boolean {
  return FUNCTION_TYPES.has(node.type);
}

/** The nearest function, arrow function or method around a node. */
export function enclosingFunction(node: Node): Node | undefined {
  for (let current = parentOf(node); current; current = parentOf(current)) {
    if (FUNCTION_TYPES.has(current.type)) return current;
  }
  return undefined;
}

/**
 * The declaration a name refers to at `from`: the innermost block or parameter list that binds it
 * wins, and top-level declarations come last.
 */
export function findDeclaration(
  name: string,
  from: Node,
  module: Pick<CallsContext, 'topLevel' | 'isImported' | 'declarationPositions'>,
): Declaration | undefined {
  const positions = module.declarationPositions(name);
  for (let current = parentOf(from); current; current = parentOf(current)) {
    const type = current.type;
    if (BLOCK_TYPES.has(type)) {
      const declarator = positions.length > 0 ? declaratorIn(current, positions) : undefined;
      if (declarator) return { kind: 'variable', declarator };
    } else if (FUNCTION_TYPES.has(type)) {
      const parameter = parameterOf(current, name);
      if (parameter) return parameter;
    }
  }
  const declarator = module.isImported(name) ? undefined : module.topLevel(name);
  return declarator ? { kind: 'variable', declarator } : undefined;
}

/**
 * A `const`/`let`/`var` declarator directly in `block` at one of the positions where the text
 * declares the name, so only a real candidate costs any tree access.
 */
function declaratorIn(block: Node, positions: number[]): Node | undefined {
  for (const position of positions) {
    if (position < block.startIndex || position >= block.endIndex) continue;
    const declarator = block.descendantForIndex(position)?.parent;
    if (declarator?.type !== 'variable_declarator') continue;
    if (declarator.parent?.parent?.id === block.id) return declarator;
  }
  return undefined;
}

/** `(part: PartCreate) =>`, `function f(url: string, body?: T)`, `url => ...`. */
function parameterOf(functionNode: Node, name: string): Declaration | undefined {
  const single = functionNode.childForFieldName('parameter');
  if (single?.text === name) {
    return { kind: 'parameter', functionNode, index: 0, parameter: single };
  }

  const parameters = functionNode.childForFieldName('parameters');
  if (!parameters || !parameters.text.includes(name)) return undefined;
  const list = namedChildren(parameters);
  for (let index = 0; index < list.length; index++) {
    const parameter = list[index];
    if (parameterName(parameter) !== name) continue;
    const type = parameter.childForFieldName('type')?.namedChildren.at(-1) ?? undefined;
    return { kind: 'parameter', functionNode, index, parameter, type };
  }
  return undefined;
}

/** The bound identifier of a simple parameter (`url`, `url?: string`, `url = '/'`). */
export function parameterName(parameter: Node): string | undefined {
  if (parameter.type === 'identifier') return parameter.text;
  const pattern = parameter.childForFieldName('pattern');
  return pattern?.type === 'identifier' ? pattern.text : undefined;
}

/** Names of a function's type parameters, in order (`<T, D = unknown>` → `['T', 'D']`). */
export function typeParameterNames(functionNode: Node): string[] {
  const list = functionNode.childForFieldName('type_parameters');
  if (!list) return [];
  return namedChildren(list).map((parameter) => parameter.childForFieldName('name')?.text ?? '');
}
