// The header of a Python class: name, bases, PEP 695 and `Generic[...]` type parameters, class
// keywords (`table=True`, `extra="forbid"`) and decorators.
import type { Node } from 'web-tree-sitter';
import { namedChildren } from '../syntax/nodes';
import { baseName } from './types';

export interface ClassHeader {
  classNode: Node;
  /** The class statement's text, header and body. */
  text: string;
  /** The decorated_definition around the class when decorated, else the class itself. */
  outerNode: Node;
  name: string;
  nameNode: Node;
  /** Base classes as written, without `Generic[...]`. */
  bases: string[];
  typeParams: string[];
  keywords: Record<string, string>;
  keywordValues: Map<string, Node>;
  /** Decorator expressions as written, without the `@`. */
  decorators: string[];
  body: Node | null;
}

export function readClassHeader(classNode: Node): ClassHeader | undefined {
  const nameNode = classNode.childForFieldName('name');
  if (!nameNode || nameNode.type !== 'identifier') return undefined;
  const parent = classNode.parent;
  const outerNode = parent?.type === 'decorated_definition' ? parent : classNode;
  const header: ClassHeader = {
    classNode,
    text: classNode.text,
    outerNode,
    name: nameNode.text,
    nameNode,
    bases: [],
    typeParams: pep695TypeParams(classNode.childForFieldName('type_parameters')),
    keywords: {},
    keywordValues: new Map(),
    decorators: decoratorTexts(outerNode),
    body: classNode.childForFieldName('body'),
  };
  readSuperclasses(classNode.childForFieldName('superclasses'), header);
  return header;
}

function readSuperclasses(argumentList: Node | null, header: ClassHeader): void {
  if (argumentList?.type !== 'argument_list') return;
  for (const argument of namedChildren(argumentList)) {
    const type = argument.type;
    if (type === 'keyword_argument') {
      readClassKeyword(argument, header);
    } else if (type === 'subscript' && isGenericSubscript(argument)) {
      const params = argument.childrenForFieldName('subscript').filter((n): n is Node => !!n);
      header.typeParams.push(...params.map(typeParamName));
    } else if (type !== 'list_splat' && type !== 'dictionary_splat') {
      // `*bases` and `**options` cannot be read statically.
      header.bases.push(argument.text);
    }
  }
}

function readClassKeyword(argument: Node, header: ClassHeader): void {
  const name = argument.childForFieldName('name')?.text;
  const value = argument.childForFieldName('value');
  if (!name || !value) return;
  header.keywords[name] = value.text;
  header.keywordValues.set(name, value);
}

/** `Generic[T, U]` (also `typing.Generic[T]`) only declares type parameters. */
function isGenericSubscript(node: Node): boolean {
  return baseName(node.childForFieldName('value')?.text ?? '') === 'Generic';
}

/** `class R[T: int, *Ts, **P]` gives T, Ts and P. */
function pep695TypeParams(typeParameters: Node | null): string[] {
  if (!typeParameters) return [];
  return namedChildren(typeParameters).map(typeParamName);
}

/** Wrappers around a type parameter's name: bounds (`T: int`) and stars (`*Ts`, `**P`). */
const TYPE_PARAMETER_WRAPPERS = new Set(['type', 'constrained_type', 'splat_type']);

/** The declared name of one type parameter, without its bound, default or star. */
function typeParamName(node: Node): string {
  let current: Node | undefined = node;
  let type = current.type;
  while (current && TYPE_PARAMETER_WRAPPERS.has(type)) {
    current = namedChildren(current)[0];
    type = current?.type ?? '';
  }
  return current && type === 'identifier' ? current.text : node.text;
}

function decoratorTexts(outerNode: Node): string[] {
  if (outerNode.type !== 'decorated_definition') return [];
  return namedChildren(outerNode)
    .filter((child) => child.type === 'decorator')
    .map((decorator) => namedChildren(decorator)[0]?.text ?? '');
}

/** `RootModel[list[int]]` → `RootModel`; `pydantic.BaseModel` stays dotted. */
export function baseWithoutArguments(base: string): string {
  const bracket = base.indexOf('[');
  return (bracket < 0 ? base : base.slice(0, bracket)).trim();
}
