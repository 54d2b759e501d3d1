// Ways to damage a source file, each a pure function of the text and a seeded random source:
// truncation, byte flips and inserts, deleted and duplicated lines, deep nesting, mixed line
// endings, byte order marks, bytes that are not UTF-8, astral characters and lone surrogates.
import type { Random } from './prng';

export interface Mutation {
  name: string;
  /** How often the fuzzer draws it, relative to 1; deep inputs are slow, so they come rarer. */
  weight: number;
  apply(text: string, random: Random, file: string): string;
}

// prettier-ignore
const PYTHON_TOKENS = [
  'class ', 'def ', 'async def ', '@router.get("/', '(', ')', '[', ']', '{', '}', ':', '"""', "'",
  '"', 'f"{', '\\', '    ', '\t', 'lambda: ', 'Optional[', 'Mapped[', 'Field(', '= ',
  '# seam-ignore field-nullability: why\n', 'BaseModel', 'table=True', 'import ', 'from . ', '->',
  '*', '**', ',', '.', '\n', 'relationship(', 'select(', 'for x in ', 'yield ',
];

// prettier-ignore
const TS_TOKENS = [
  'interface ', 'type ', 'export ', 'enum ', '<', '>', '(', ')', '{', '}', '[', ']', ':', ';',
  '?', '|', '&', '`', '${', "'", '"', '/*', '*/', '//', '/** @seam x.py#Y */', '=>', '</',
  '<div>', 'axios.get<', "fetch('/api/", 'z.object({', 'extends ', 'keyof ', 'as const', '\n',
  '// seam-ignore response-field-missing\n', 'Partial<', 'Omit<', 'import ', 'from ', '...',
];

const INVALID_UTF8 = [[0xff], [0xc3], [0xe2, 0x82], [0xed, 0xa0, 0x80], [0xc0, 0xaf], [0x80]];
const SURROGATES = ['\ud800', '\udc00', '\udbff\udbff'];
const ASTRAL = ['😀', '𝔘', '🇫🇷', 'é', 'e\u0301', '中文', '\u200b', '\u2028', '\u0085', '\ufffd'];

export const MUTATIONS: Mutation[] = [
  mutation('truncate', 1, (text, random) => text.slice(0, random.below(text.length + 1))),
  mutation('flip-bytes', 1, flipBytes),
  mutation('insert-bytes', 1, insertBytes),
  mutation('insert-tokens', 1.5, insertTokens),
  mutation('delete-lines', 1, deleteLines),
  mutation('duplicate-lines', 1, duplicateLines),
  mutation('swap-identifiers', 1.5, swapIdentifiers),
  mutation('nest-brackets', 0.2, nestBrackets),
  mutation('deep-construct', 0.2, deepConstruct),
  mutation('mixed-line-endings', 1, mixLineEndings),
  mutation('byte-order-mark', 0.5, byteOrderMark),
  mutation('invalid-utf8', 1, invalidUtf8),
  mutation('latin1-mojibake', 0.5, (text) => Buffer.from(text, 'utf8').toString('latin1')),
  mutation('astral-characters', 1, (text, random) => insertAt(text, random, ASTRAL, 8)),
  mutation('lone-surrogate', 0.5, (text, random) => insertAt(text, random, SURROGATES, 3)),
];

function mutation(name: string, weight: number, apply: Mutation['apply']): Mutation {
  return { name, weight, apply };
}

/** A mutation drawn with its weight. */
export function pickMutation(random: Random): Mutation {
  const total = MUTATIONS.reduce((sum, m) => sum + m.weight, 0);
  let left = random.next() * total;
  for (const candidate of MUTATIONS) {
    left -= candidate.weight;
    if (left < 0) return candidate;
  }
  return MUTATIONS[MUTATIONS.length - 1];
}

export function mutationNamed(name: string): Mutation {
  const found = MUTATIONS.find((mutation) => mutation.name === name);
  if (!found) throw new Error(`no mutation ${name}`);
  return found;
}

function flipBytes(text: string, random: Random): string {
  const bytes = Buffer.from(text, 'utf8');
  if (!bytes.length) return text;
  for (let n = random.between(1, 8); n > 0; n--)
    bytes[random.below(bytes.length)] ^= random.between(1, 255);
  return bytes.toString('utf8');
}

function insertBytes(text: string, random: Random): string {
  const bytes = Buffer.from(text, 'utf8');
  const at = random.below(bytes.length + 1);
  const inserted = Buffer.from(
    Array.from({ length: random.between(1, 16) }, () => random.between(1, 255)),
  );
  return Buffer.concat([bytes.subarray(0, at), inserted, bytes.subarray(at)]).toString('utf8');
}

function insertTokens(text: string, random: Random, file: string): string {
  return insertAt(text, random, file.endsWith('.py') ? PYTHON_TOKENS : TS_TOKENS, 6);
}

/** Inserts 1..`most` pieces drawn from `pieces` at random offsets. */
export function insertAt(text: string, random: Random, pieces: string[], most: number): string {
  let result = text;
  for (let n = random.between(1, most); n > 0; n--) {
    const at = random.below(result.length + 1);
    result = result.slice(0, at) + random.pick(pieces) + result.slice(at);
  }
  return result;
}

function deleteLines(text: string, random: Random): string {
  const lines = text.split('\n');
  for (let n = random.between(1, Math.max(1, lines.length >> 2)); n > 0 && lines.length; n--)
    lines.splice(random.below(lines.length), random.between(1, 3));
  return lines.join('\n');
}

function duplicateLines(text: string, random: Random): string {
  const lines = text.split('\n');
  const start = random.below(lines.length);
  const block = lines.slice(start, start + random.between(1, 12));
  lines.splice(random.below(lines.length + 1), 0, ...block);
  return lines.join('\n');
}

/**
 * Renames: every occurrence of one identifier of the file becomes another of its identifiers, so
 * classes collide, inherit from themselves, fields change type and routes change paths.
 */
function swapIdentifiers(text: string, random: Random): string {
  const words = [...new Set(text.match(/[A-Za-z_]\w{2,}/g) ?? [])];
  if (words.length < 2) return text;
  let result = text;
  for (let n = random.between(1, 3); n > 0; n--) {
    const from = random.pick(words);
    const to = random.pick(words);
    const pattern = new RegExp(`\\b${from}\\b`, 'g');
    result = random.chance(0.5) ? result.replace(pattern, to) : result.replace(from, to);
  }
  return result;
}

/** Thousands of open brackets at one point, closed again (or not, or half). */
function nestBrackets(text: string, random: Random): string {
  const [open, close] = random.pick([
    ['(', ')'],
    ['[', ']'],
    ['{', '}'],
    ['<', '>'],
    ['${', '}'],
  ]);
  const depth = random.between(500, 3000);
  const closing = random.pick([depth, 0, depth >> 1]);
  const inner = random.pick(['', 'x', '1', "'s'", 'a: int']);
  const at = random.below(text.length + 1);
  return text.slice(0, at) + open.repeat(depth) + inner + close.repeat(closing) + text.slice(at);
}

/** A deep instance of a construct an extractor walks: types, chains, unions, concatenations. */
function deepConstruct(text: string, random: Random, file: string): string {
  const depth = random.between(100, 1000);
  const line = file.endsWith('.py')
    ? deepPythonLine(random, depth)
    : deepTypeScriptLine(random, depth);
  const lines = text.split('\n');
  lines.splice(random.below(lines.length + 1), 0, line);
  return lines.join('\n');
}

function deepPythonLine(random: Random, depth: number): string {
  return random.pick([
    () => `    deep: ${'List['.repeat(depth)}int${']'.repeat(depth)}`,
    () => `    deep: ${Array.from({ length: depth }, (_, i) => `A${i}`).join(' | ')} = None`,
    () => `    deep: Optional[${'Dict[str, '.repeat(depth)}int${']'.repeat(depth)}] = None`,
    () => `x = session.query(Part)${'.filter(Part.id == 1)'.repeat(depth)}.all()`,
    () => `x = ${'a.'.repeat(depth)}b`,
    () => `x = ${'f('.repeat(depth)}1${')'.repeat(depth)}`,
    () => `x = ${Array.from({ length: depth }, () => '1').join(' + ')}`,
    () => `    return ${'{"k": '.repeat(depth)}1${'}'.repeat(depth)}`,
    () => `@router.get(${Array.from({ length: depth }, () => '"/a"').join(' + ')})`,
    () => {
      const nested = Math.min(depth, 200);
      return `router = APIRouter(prefix=${'f"{'.repeat(nested)}x${'}"'.repeat(nested)})`;
    },
  ])();
}

function deepTypeScriptLine(random: Random, depth: number): string {
  return random.pick([
    () => `  deep: ${'Array<'.repeat(depth)}string${'>'.repeat(depth)};`,
    () => `export type Deep = ${Array.from({ length: depth }, (_, i) => `'v${i}'`).join(' | ')};`,
    () => `export type Deep = ${'{ a: '.repeat(depth)}number${' }'.repeat(depth)};`,
    () => `export type Deep = ${'Partial<'.repeat(depth)}Order${'>'.repeat(depth)};`,
    () => `export type Deep = ${Array.from({ length: depth }, (_, i) => `T${i}`).join(' & ')};`,
    () => `const url = ${Array.from({ length: depth }, () => "'/a'").join(' + ')};`,
    () => `axios.get(${Array.from({ length: depth }, () => "'/a'").join(' + ')});`,
    () => `const x = ${'a.'.repeat(depth)}b;`,
    () => `const x = ${'f('.repeat(depth)}1${')'.repeat(depth)};`,
    () => `const s = z${'.object({ a: z'.repeat(depth)}.string()${' })'.repeat(depth)};`,
    () => `const t = ${'`${'.repeat(Math.min(depth, 500))}x${'}`'.repeat(Math.min(depth, 500))};`,
  ])();
}

function mixLineEndings(text: string, random: Random): string {
  const style = random.pick(['crlf', 'cr', 'mixed']);
  if (style === 'crlf') return text.replace(/\n/g, '\r\n');
  if (style === 'cr') return text.replace(/\n/g, '\r');
  return text.replace(/\n/g, () => random.pick(['\n', '\r\n', '\r', '\n\r']));
}

function byteOrderMark(text: string, random: Random): string {
  return random.pick([
    () => `\ufeff${text}`,
    () => `\ufeff\ufeff${text}`,
    () => insertAt(text, random, ['\ufeff'], 3),
  ])();
}

function invalidUtf8(text: string, random: Random): string {
  const bytes = Buffer.from(text, 'utf8');
  const parts: Buffer[] = [];
  let last = 0;
  const cuts = Array.from({ length: random.between(1, 6) }, () => random.below(bytes.length + 1));
  for (const cut of cuts.sort((a, b) => a - b)) {
    parts.push(bytes.subarray(last, cut), Buffer.from(random.pick(INVALID_UTF8)));
    last = cut;
  }
  parts.push(bytes.subarray(last));
  return Buffer.concat(parts).toString('utf8');
}
