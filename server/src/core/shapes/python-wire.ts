// Python types → wire types, as Pydantic v2 serialises them to JSON by default. One table for
// scalar names; containers, unions, Literal, enums and models are handled around it.
import type { TypeExpr } from '../facts';
import { baseName } from '../python/types';
import type { ResolvedEntity } from '../index/resolved';
import { ANY, NULL, union, type StringFormat, type WireType } from './wire-type';

type Scalar = WireType;

const string = (format?: StringFormat): Scalar =>
  format ? { kind: 'string', format } : { kind: 'string' };
const integer: Scalar = { kind: 'number', integer: true };
const number: Scalar = { kind: 'number' };
const boolean: Scalar = { kind: 'boolean' };

/**
 * Python scalar names (the last dotted part) and what they become in JSON. Pydantic types,
 * constrained types and SQLAlchemy column types share the table.
 */
export const PYTHON_SCALARS: Record<string, Scalar> = {
  str: string(),
  StrictStr: string(),
  constr: string(),
  EmailStr: string('email'),
  NameEmail: string('email'),
  HttpUrl: string('url'),
  AnyUrl: string('url'),
  AnyHttpUrl: string('url'),
  FileUrl: string('url'),
  UUID: string('uuid'),
  UUID1: string('uuid'),
  UUID4: string('uuid'),
  datetime: string('datetime'),
  AwareDatetime: string('datetime'),
  NaiveDatetime: string('datetime'),
  date: string('date'),
  time: string('time'),
  timedelta: string('duration'),
  Decimal: string('decimal'),
  condecimal: string('decimal'),
  bytes: string('bytes'),
  SecretStr: string('secret'),
  Path: string(),
  IPv4Address: string(),
  IPvAnyAddress: string(),
  int: integer,
  StrictInt: integer,
  conint: integer,
  PositiveInt: integer,
  NegativeInt: integer,
  NonNegativeInt: integer,
  NonPositiveInt: integer,
  float: number,
  StrictFloat: number,
  confloat: number,
  PositiveFloat: number,
  NonNegativeFloat: number,
  bool: boolean,
  StrictBool: boolean,
  None: NULL,
  NoneType: NULL,
  // SQLAlchemy column types, for classic `Column(String)` fields.
  String: string(),
  Text: string(),
  Unicode: string(),
  UnicodeText: string(),
  VARCHAR: string(),
  CHAR: string(),
  Uuid: string('uuid'),
  DateTime: string('datetime'),
  TIMESTAMP: string('datetime'),
  Date: string('date'),
  Time: string('time'),
  Interval: string('duration'),
  Numeric: string('decimal'),
  DECIMAL: string('decimal'),
  LargeBinary: string('bytes'),
  Integer: integer,
  BigInteger: integer,
  SmallInteger: integer,
  INTEGER: integer,
  Float: number,
  REAL: number,
  Double: number,
  Boolean: boolean,
  BOOLEAN: boolean,
};

const ANY_NAMES = new Set(['Any', 'object', 'Json', 'JSON', 'JsonValue', 'PickleType']);
const ARRAY_NAMES = new Set([
  'list',
  'List',
  'set',
  'Set',
  'frozenset',
  'FrozenSet',
  'Sequence',
  'MutableSequence',
  'Iterable',
  'Collection',
  'tuple',
  'Tuple',
  'conlist',
  'conset',
  'ARRAY',
]);
const RECORD_NAMES = new Set(['dict', 'Dict', 'Mapping', 'MutableMapping', 'DefaultDict']);
const WRAPPERS = new Set([
  'Mapped',
  'Annotated',
  'Required',
  'NotRequired',
  'ReadOnly',
  'Final',
  'SkipJsonSchema',
]);

export interface PythonWireContext {
  /** The file the type is written in, for resolving names through its imports. */
  file: string;
  resolveEntity(file: string, name: string): ResolvedEntity | undefined;
  /** TypeVar bindings of a generic model being expanded (`T` → `PartResponse`). */
  bindings?: ReadonlyMap<string, WireType>;
}

export function pythonWireType(expr: TypeExpr, context: PythonWireContext): WireType {
  switch (expr.kind) {
    case 'literal':
      return expr.value === null ? NULL : { kind: 'literal', value: expr.value };
    case 'union':
      return union(expr.members.map((member) => pythonWireType(member, context)));
    case 'array':
      return { kind: 'array', element: pythonWireType(expr.element, context) };
    case 'tuple':
      return {
        kind: 'array',
        element: union(expr.elements.map((e) => pythonWireType(e, context))),
      };
    case 'object':
    case 'unknown':
      return ANY;
    case 'name':
      return namedWireType(expr, context);
  }
}

function namedWireType(
  expr: Extract<TypeExpr, { kind: 'name' }>,
  context: PythonWireContext,
): WireType {
  const name = baseName(expr.name);
  const args = expr.args;
  const bound = context.bindings?.get(expr.name);
  if (bound && !args.length) return bound;
  if (WRAPPERS.has(name)) return args[0] ? pythonWireType(args[0], context) : ANY;
  if (name === 'Optional') return union([argWire(args[0], context), NULL]);
  if (name === 'Union') return union(args.map((arg) => pythonWireType(arg, context)));
  if (name === 'Literal') return union(args.map((arg) => pythonWireType(arg, context)));
  if (ARRAY_NAMES.has(name)) return arrayOf(name, args, context);
  if (RECORD_NAMES.has(name)) return { kind: 'record', value: argWire(args[1], context) };
  if (ANY_NAMES.has(name)) return ANY;
  if (name in PYTHON_SCALARS && !args.length) return PYTHON_SCALARS[name];
  if (name in PYTHON_SCALARS && expr.name === name) return PYTHON_SCALARS[name];
  return entityWireType(expr, context);
}

function arrayOf(name: string, args: TypeExpr[], context: PythonWireContext): WireType {
  const isTuple = name === 'tuple' || name === 'Tuple';
  const elements = isTuple ? args.filter((a) => !(a.kind === 'unknown' && a.text === '...')) : args;
  if (!elements.length) return { kind: 'array', element: ANY };
  return { kind: 'array', element: union(elements.map((e) => pythonWireType(e, context))) };
}

function argWire(arg: TypeExpr | undefined, context: PythonWireContext): WireType {
  return arg ? pythonWireType(arg, context) : ANY;
}

/** A model becomes an object (with its generic arguments); an enum the union of its values. */
function entityWireType(
  expr: Extract<TypeExpr, { kind: 'name' }>,
  context: PythonWireContext,
): WireType {
  const entity = context.resolveEntity(context.file, expr.name);
  if (!entity) return { kind: 'any', reason: `unresolved ${expr.name}` };
  if (entity.kind === 'enum') {
    const values = (entity.values ?? []).map((v) => v.value);
    if (!values.length) return ANY;
    return union(values.map((value) => (value === null ? NULL : { kind: 'literal', value })));
  }
  const args = expr.args.map((arg) => pythonWireType(arg, context));
  return args.length
    ? { kind: 'object', entity: entity.id, args }
    : { kind: 'object', entity: entity.id };
}
