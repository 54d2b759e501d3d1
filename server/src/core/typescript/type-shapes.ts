// Type nodes as ShapeExprs: how an interface base or a type alias derives its fields
// (`Partial<Omit<Part, 'id'>>`, `Base & { extra: string }`, `z.infer<typeof PartSchema>`).
import type { Node } from 'web-tree-sitter';
import type { ShapeExpr } from '../facts';
import { namedChildren, unquote } from '../syntax/nodes';
import { objectFields, parseTsType } from './types';

/** `z.infer<typeof S>` and its siblings; `TypeOf` is zod's older name for `infer`. */
const ZOD_INFER = new Set(['infer', 'input', 'output', 'TypeOf']);

/** openapi-typescript refers to schemas as `components["schemas"]["Part"]`. */
const COMPONENT_SCHEMA = /^components\[\s*["']schemas["']\s*\]\[\s*["']([^"']+)["']\s*\]$/;

export function shapeOfType(
  node: Node | null | undefined,
  zodNames: ReadonlySet<string>,
): ShapeExpr {
  if (!node) return { op: 'opaque', text: '' };
  switch (node.type) {
    case 'object_type':
      return { op: 'object', fields: objectFields(node) };
    case 'type_identifier':
    case 'nested_type_identifier':
      return { op: 'ref', name: node.text, args: [] };
    case 'generic_type':
      return shapeOfGeneric(node, zodNames);
    case 'intersection_type':
      return {
        op: 'intersect',
        parts: intersectionParts(node).map((part) => shapeOfType(part, zodNames)),
      };
    case 'parenthesized_type':
    case 'readonly_type':
      return shapeOfType(namedChildren(node).at(-1), zodNames);
    case 'lookup_type':
      return shapeOfLookup(node);
    default:
      return { op: 'opaque', text: node.text };
  }
}

/** `A & B & C` nests to the left; this gives `[A, B, C]`. */
export function intersectionParts(node: Node, parts: Node[] = []): Node[] {
  // One shared list: copying the nested lists at every level is quadratic in long chains.
  for (const child of namedChildren(node)) {
    if (child.type === 'intersection_type') intersectionParts(child, parts);
    else parts.push(child);
  }
  return parts;
}

function shapeOfGeneric(node: Node, zodNames: ReadonlySet<string>): ShapeExpr {
  const nameNode = node.childForFieldName('name');
  const argumentList = node.childForFieldName('type_arguments');
  const args = argumentList ? namedChildren(argumentList) : [];
  const zodInfer = nameNode ? zodInferTarget(nameNode, args, zodNames) : undefined;
  if (zodInfer) return { op: 'zod-infer', name: zodInfer };

  const name = nameNode?.text ?? '';
  switch (name) {
    case 'Partial':
    case 'Required':
      return {
        op: name === 'Partial' ? 'partial' : 'required',
        of: shapeOfType(args[0], zodNames),
      };
    case 'Readonly':
      return shapeOfType(args[0], zodNames);
    case 'Pick':
    case 'Omit':
      return pickOrOmit(node, name === 'Pick' ? 'pick' : 'omit', args, zodNames);
    default:
      return { op: 'ref', name, args: args.map(parseTsType) };
  }
}

function pickOrOmit(
  node: Node,
  op: 'pick' | 'omit',
  args: Node[],
  zodNames: ReadonlySet<string>,
): ShapeExpr {
  const keys = args[1] ? literalKeys(args[1]) : undefined;
  if (!keys) return { op: 'opaque', text: node.text };
  return { op, of: shapeOfType(args[0], zodNames), keys };
}

/** `'a' | 'b'` gives `['a', 'b']`; anything but string literals gives undefined. */
export function literalKeys(node: Node): string[] | undefined {
  const members = node.type === 'union_type' ? unionMembers(node) : [node];
  const keys: string[] = [];
  for (const member of members) {
    const literal = member.type === 'literal_type' ? namedChildren(member)[0] : undefined;
    if (literal?.type !== 'string') return undefined;
    keys.push(unquote(literal.text) ?? literal.text);
  }
  return keys;
}

export function unionMembers(node: Node, members: Node[] = []): Node[] {
  // One shared list: copying the nested lists at every level is quadratic in long chains.
  for (const child of namedChildren(node)) {
    if (child.type === 'union_type') unionMembers(child, members);
    else members.push(child);
  }
  return members;
}

/** `z.infer<typeof PartSchema>` gives `PartSchema` when `z` is bound to zod. */
function zodInferTarget(
  nameNode: Node,
  args: Node[],
  zodNames: ReadonlySet<string>,
): string | undefined {
  if (nameNode.type !== 'nested_type_identifier') return undefined;
  const namespace = nameNode.childForFieldName('module')?.text ?? '';
  const member = nameNode.childForFieldName('name')?.text ?? '';
  if (!zodNames.has(namespace) || !ZOD_INFER.has(member)) return undefined;
  if (args[0]?.type !== 'type_query') return undefined;
  return namedChildren(args[0])[0]?.text;
}

function shapeOfLookup(node: Node): ShapeExpr {
  const schema = componentSchemaName(node.text);
  return schema ? { op: 'ref', name: schema, args: [] } : { op: 'opaque', text: node.text };
}

/** `components["schemas"]["Part"]` gives `Part`. */
export function componentSchemaName(text: string): string | undefined {
  return COMPONENT_SCHEMA.exec(text)?.[1];
}
