// Serializers and the attributes they read on their parameters: `def to_dict(self)` reading
// `self.category`, or `def part_to_dict(part)` reading `part.category`. Called once per row of
// a query, such a function loads each lazy relationship it reads once per row. Read from the
// text only, and only for functions named like serializers.
import type { ParameterReadsFact } from './query-facts';
import { statementEnd, type HeaderText, type SourceText } from './query-text';

const SERIALIZER_NAME =
  /^(to_dict|to_json|as_dict|to_api|serialize\w*|dump\w*|marshal\w*|\w+_to_(dict|json))$/;
/** Parameters read by a serializer are looked up in this much of its body at most. */
const MAX_BODY = 20_000;

export function readSerializers(source: SourceText): ParameterReadsFact[] {
  const reads: ParameterReadsFact[] = [];
  const headers = source.headerList();
  headers.forEach((header, index) => {
    if (header.kind !== 'def' || !SERIALIZER_NAME.test(header.name)) return;
    const body = bodyText(source, headers, index);
    const owner = source.classOf(header);
    parameterNames(source, header).forEach((name, position) => {
      const attributes = attributesRead(body, name);
      if (!attributes.length) return;
      const fact: ParameterReadsFact = { function: header.name, position, name, attributes };
      if (owner) fact.className = owner.name;
      reads.push(fact);
    });
  });
  return reads;
}

/** From the `def` to the next header indented no deeper (the end of the function). */
function bodyText(source: SourceText, headers: HeaderText[], index: number): string {
  const header = headers[index];
  const next = headers.slice(index + 1).find((other) => other.indent <= header.indent);
  const end = Math.min(next?.nameOffset ?? source.text.length, header.nameOffset + MAX_BODY);
  return source.text.slice(header.nameOffset, end);
}

/** `def to_dict(self, *, depth=1)` → `self`, `depth`. */
function parameterNames(source: SourceText, header: HeaderText): string[] {
  const signature = source.text.slice(
    header.nameOffset,
    statementEnd(source.text, header.nameOffset),
  );
  const open = signature.indexOf('(');
  if (open < 0) return [];
  const names: string[] = [];
  let depth = 0;
  let start = open + 1;
  for (let i = open; i < signature.length && depth >= 0; i++) {
    const char = signature[i];
    if (char === '(' || char === '[' || char === '{') depth += i === open ? 0 : 1;
    else if ((char === ')' || char === ']' || char === '}') && depth-- === 0) depth = -1;
    if ((char === ',' && depth === 0) || depth < 0) {
      const name = /^\s*\**(\w+)/.exec(signature.slice(start, i))?.[1];
      if (name) names.push(name);
      start = i + 1;
    }
  }
  return names;
}

function attributesRead(body: string, name: string): string[] {
  const pattern = new RegExp(`(?<![\\w.])${name}\\.([A-Za-z_]\\w*)`, 'g');
  return [...new Set([...body.matchAll(pattern)].map((match) => match[1]))];
}
