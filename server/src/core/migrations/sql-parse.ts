// The one door to the SQL parser (sql-parser-cst): SQL text in, a syntax tree with ranges out, or
// nothing when no dialect reads it. It never throws.
import { parse, type DialectName, type ParserOptions, type Program } from 'sql-parser-cst';

export type SqlDialect = Extract<DialectName, 'sqlite' | 'postgresql' | 'mysql'>;

export interface ParsedSql {
  program: Program;
  dialect: SqlDialect;
}

/** Bound parameters as drivers write them: `:name` (SQLAlchemy text), `?` (sqlite3), `$1`. */
const PARAMETERS: NonNullable<ParserOptions['paramTypes']> = [':name', '?', '?nr', '$nr'];

/**
 * Recent parses by dialects and text. Every keystroke in an open migration reads its SQL again,
 * and a text no dialect reads costs one failed parse per dialect. Readers never change the trees
 * they are given, so one tree serves every caller. Short texts only, and a few dozen of them,
 * so that the trees held stay small.
 */
const recentParses = new Map<string, ParsedSql | undefined>();
const MAX_RECENT_PARSES = 64;
const MAX_CACHED_TEXT = 10_000;

/** Parses with each dialect in turn and keeps the first that reads the whole text. */
export function parseSql(text: string, dialects: readonly SqlDialect[]): ParsedSql | undefined {
  if (text.length > MAX_CACHED_TEXT) return parseUncached(text, dialects);
  const key = `${dialects.join(',')}\n${text}`;
  const parsed = recentParses.has(key) ? recentParses.get(key) : parseUncached(text, dialects);
  // Insertion order is use order: the entry just used goes last, the oldest first out.
  recentParses.delete(key);
  recentParses.set(key, parsed);
  const oldest = recentParses.keys().next();
  if (recentParses.size > MAX_RECENT_PARSES && !oldest.done) recentParses.delete(oldest.value);
  return parsed;
}

function parseUncached(text: string, dialects: readonly SqlDialect[]): ParsedSql | undefined {
  for (const dialect of dialects) {
    try {
      const program = parse(text, { dialect, includeRange: true, paramTypes: PARAMETERS });
      return { program, dialect };
    } catch (error) {
      // The bundles load the parser from a file of its own on the first parse: that file missing
      // is a broken install, not SQL no dialect reads, and must not pass for one.
      if ((error as { code?: unknown }).code === 'MODULE_NOT_FOUND') throw error;
      // Another dialect may read it; SQL a migration sends to one database only is common.
    }
  }
  return undefined;
}

const LITERAL_TYPES = new Set([
  'number_literal',
  'string_literal',
  'boolean_literal',
  'null_literal',
  'blob_literal',
]);

/**
 * Whether a default expression is a constant (`0`, `'active'`, `-1`, `NULL`) rather than one the
 * database evaluates (`CURRENT_TIMESTAMP`, `(datetime('now'))`); undefined when it does not parse.
 */
export function sqlExpressionIsConstant(expression: string): boolean | undefined {
  const parsed = parseSql(`SELECT ${expression}`, ['sqlite']);
  const statement = parsed?.program.statements[0];
  if (statement?.type !== 'select_stmt') return undefined;
  const clause = statement.clauses[0];
  if (clause?.type !== 'select_clause' || clause.columns?.items.length !== 1) return undefined;
  return isConstantNode(clause.columns.items[0]);
}

function isConstantNode(node: { type: string; expr?: unknown; operator?: unknown }): boolean {
  if (LITERAL_TYPES.has(node.type)) return true;
  if (node.type === 'prefix_op_expr' && (node.operator === '-' || node.operator === '+')) {
    const inner = node.expr as { type: string } | undefined;
    return !!inner && inner.type === 'number_literal';
  }
  return false;
}
