// Members of Python enums (`Enum`, `str, Enum`, `IntEnum`, `StrEnum`, `IntFlag`) with their values,
// including the values `auto()` would generate.
import type { Node } from 'web-tree-sitter';
import type { EnumValueFact } from '../facts';
import { identifierRange, readCall, stringValue } from './call-args';
import type { ClassBody } from './class-body';
import { baseWithoutArguments } from './class-header';
import { baseName } from './types';

type EnumValue = EnumValueFact['value'];

/** How `auto()` numbers members: Python's `_generate_next_value_` for each enum family. */
type AutoStyle = 'lowercase-name' | 'power-of-two' | 'counter' | 'counter-as-string';

/**
 * The members of an enum body. With `literalsOnly` (a class whose enum base lives in another
 * file) only literal and `auto()` values count, since constants of other kinds are likelier.
 */
export function enumValues(
  body: ClassBody,
  bases: string[],
  literalsOnly = false,
): EnumValueFact[] {
  const style = autoStyle(bases.map((base) => baseName(baseWithoutArguments(base))));
  const values: EnumValueFact[] = [];
  for (const member of body.members) {
    if (member.kind !== 'attribute' || !member.value || member.annotation) continue;
    if (member.name.startsWith('_') || isNonMember(member.value)) continue;
    if (literalsOnly && !isLiteralOrAuto(member.value)) continue;
    const value = isAutoCall(member.value)
      ? autoValue(style, member.name, values)
      : literalValue(member.value);
    values.push({ name: member.name, value, range: identifierRange(member.nameNode, member.name) });
  }
  return values;
}

/** Members with literal values and no annotated attributes: a subclass of an imported enum. */
export function looksLikeEnumBody(body: ClassBody): boolean {
  let literalMembers = 0;
  for (const member of body.members) {
    if (member.kind !== 'attribute') continue;
    if (member.annotation) return false;
    if (member.value && !member.name.startsWith('_') && isLiteralOrAuto(member.value)) {
      literalMembers++;
    }
  }
  return literalMembers > 0;
}

const LITERAL_TYPES = new Set([
  'string',
  'concatenated_string',
  'integer',
  'float',
  'true',
  'false',
]);

function isLiteralOrAuto(node: Node): boolean {
  const type = node.type;
  if (LITERAL_TYPES.has(type) || type === 'none') return true;
  if (type === 'unary_operator') return typeof negativeValue(node) === 'number';
  return type === 'call' && isAutoCall(node);
}

function autoStyle(bases: string[]): AutoStyle {
  if (bases.includes('StrEnum')) return 'lowercase-name';
  if (bases.includes('Flag') || bases.includes('IntFlag')) return 'power-of-two';
  // A `str` mixin turns the generated number into a string: `class C(str, Enum)` gives "1".
  if (bases.includes('str')) return 'counter-as-string';
  return 'counter';
}

function isAutoCall(node: Node): boolean {
  const call = readCall(node);
  return call?.calleeName === 'auto' && call.positional.length === 0;
}

/** Methods assigned as attributes and explicit `nonmember(...)` are not members. */
function isNonMember(node: Node): boolean {
  return node.type === 'lambda' || readCall(node)?.calleeName === 'nonmember';
}

function autoValue(style: AutoStyle, name: string, previous: EnumValueFact[]): EnumValue {
  if (style === 'lowercase-name') return name.toLowerCase();
  const numbers = previous
    .map((value) => (typeof value.value === 'string' ? Number(value.value) : value.value))
    .filter((value): value is number => typeof value === 'number' && Number.isFinite(value));
  if (style === 'power-of-two') {
    const highest = Math.max(0, ...numbers);
    return highest === 0 ? 1 : 2 ** Math.floor(Math.log2(highest) + 1);
  }
  const next = numbers.length ? numbers[numbers.length - 1] + 1 : 1;
  return style === 'counter-as-string' ? String(next) : next;
}

/**
 * A literal as its value; any other expression (a call, a longer tuple) as written. A stray
 * trailing comma (`CPN = "CPN",`) makes a one-element tuple, which a `str`/`int` mixin turns back
 * into the element, so the element is the value.
 */
function literalValue(node: Node): EnumValue {
  const elements =
    node.type === 'expression_list' || node.type === 'tuple' ? node.namedChildren : [];
  if (elements.length === 1 && elements[0]) return literalValue(elements[0]);
  const text = stringValue(node);
  if (text !== undefined) return text;
  switch (node.type) {
    case 'integer':
    case 'float':
      return numberValue(node.text);
    case 'unary_operator':
      return negativeValue(node);
    case 'true':
      return true;
    case 'false':
      return false;
    case 'none':
      return null;
    default:
      return node.text;
  }
}

function numberValue(text: string): number | string {
  const value = Number(text.replace(/_/g, ''));
  return Number.isFinite(value) ? value : text;
}

function negativeValue(node: Node): EnumValue {
  const operand = node.childForFieldName('argument');
  const isNumber = operand?.type === 'integer' || operand?.type === 'float';
  if (!isNumber || node.text.trim()[0] !== '-') return node.text;
  const value = numberValue(operand.text);
  return typeof value === 'number' ? -value : node.text;
}
