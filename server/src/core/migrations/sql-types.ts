// Type families: `sa.String(50)`, `VARCHAR(50)` and a model's `str` all land in `string`, so the
// replayed schema and the models compare without caring which spelling each side used.
import type { TypeFamily } from './types';

const SQL_FAMILIES: Record<string, TypeFamily> = {};

function register(family: TypeFamily, names: string[]): void {
  for (const name of names) SQL_FAMILIES[name] = family;
}

register('integer', ['integer', 'int', 'biginteger', 'bigint', 'smallinteger', 'smallint']);
register('integer', ['tinyint', 'mediumint', 'serial', 'bigserial', 'int2', 'int4', 'int8']);
register('float', ['float', 'real', 'double', 'double_precision', 'float4', 'float8']);
register('numeric', ['numeric', 'decimal', 'money']);
register('string', ['string', 'varchar', 'char', 'nchar', 'nvarchar', 'text', 'unicode']);
register('string', ['unicodetext', 'clob', 'citext', 'autostring', 'character', 'tinytext']);
register('string', ['mediumtext', 'longtext']);
register('boolean', ['boolean', 'bool']);
register('datetime', ['datetime', 'timestamp', 'timestamptz']);
register('date', ['date']);
register('time', ['time', 'timetz']);
register('interval', ['interval']);
register('json', ['json', 'jsonb']);
register('binary', ['largebinary', 'blob', 'bytea', 'binary', 'varbinary']);
register('uuid', ['uuid']);
register('enum', ['enum']);
register('array', ['array']);

/** `sa.String`, `postgresql.JSONB`, `VARCHAR` → their family; custom types are `unknown`. */
export function familyOfSqlTypeName(name: string): TypeFamily {
  const last = name.split('.').pop() ?? name;
  return SQL_FAMILIES[last.toLowerCase()] ?? 'unknown';
}

const PYTHON_FAMILIES: Record<string, TypeFamily> = {
  int: 'integer',
  float: 'float',
  Decimal: 'numeric',
  str: 'string',
  EmailStr: 'string',
  HttpUrl: 'string',
  AnyUrl: 'string',
  AnyHttpUrl: 'string',
  bool: 'boolean',
  datetime: 'datetime',
  date: 'date',
  time: 'time',
  timedelta: 'interval',
  bytes: 'binary',
  UUID: 'uuid',
  UUID4: 'uuid',
};

/** A Python annotation's base name (`int`, `datetime.datetime`) → its family. */
export function familyOfPythonTypeName(name: string): TypeFamily {
  const last = name.split('.').pop() ?? name;
  return PYTHON_FAMILIES[last] ?? 'unknown';
}

/** Pairs that store and read back the same values in practice. */
const COMPATIBLE = new Set([
  'float numeric',
  'enum string',
  'string uuid',
  'boolean integer',
  'binary uuid',
]);

/** Whether two known families clearly disagree; unknown, JSON and arrays never do. */
export function familiesDisagree(left: TypeFamily, right: TypeFamily): boolean {
  const vague: TypeFamily[] = ['unknown', 'json', 'array'];
  if (vague.includes(left) || vague.includes(right) || left === right) return false;
  return !COMPATIBLE.has([left, right].sort().join(' '));
}
