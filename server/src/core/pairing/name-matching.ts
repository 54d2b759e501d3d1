// Name evidence for pairs: the same name, or the same stem once common suffixes are removed
// (`PartResponse`, `PartRead`, `IPart` → `part`). Names alone never make a pair; fields confirm.

const SUFFIXES = [
  'Response',
  'Read',
  'Public',
  'Out',
  'Schema',
  'DTO',
  'Dto',
  'Model',
  'Create',
  'Update',
  'Request',
  'Input',
  'Base',
  'Payload',
  'In',
  'Type',
  'Data',
  'Interface',
  'Entity',
];

const REQUEST_SUFFIXES = /(Create|Update|Request|Input|Payload|Form|In|Patch)$/;
const REQUEST_PREFIXES = /^(Create|Update|New|Edit|Patch)[A-Z]/;
/** `Create` or `Update` as a word inside a name: the variants of a create or update body. */
const REQUEST_WORDS = /[a-z0-9](Create|Update)[A-Z]/;
const RESPONSE_SUFFIXES = /(Response|Read|Out|Public|Event)$/;

/** `PartResponseSchema` → `part`; `IPart` → `part`. */
export function nameStem(name: string): string {
  return remembered(stems, name, stemOf);
}

function stemOf(name: string): string {
  let stem = /^I[A-Z]/.test(name) ? name.slice(1) : name;
  for (let changed = true; changed;) {
    changed = false;
    for (const suffix of SUFFIXES) {
      if (stem.length > suffix.length && stem.endsWith(suffix)) {
        stem = stem.slice(0, -suffix.length);
        changed = true;
      }
    }
  }
  return stem.toLowerCase();
}

/**
 * `PartCreate`, `PartUpdateRequest`, `CreatePartType`, `ProductCreateRecurring`: names of what
 * is sent, not received. A name ending like a response (`PartUpdateResponse`) is received.
 */
export function looksLikeRequest(name: string): boolean {
  const stem = name.replace(/(Type|Schema|Dto|DTO|Model|Interface)$/, '');
  if (RESPONSE_SUFFIXES.test(stem)) return false;
  return REQUEST_SUFFIXES.test(stem) || REQUEST_PREFIXES.test(stem) || REQUEST_WORDS.test(stem);
}

/** Field overlap between two key sets: the share of keys in common over all keys. */
export function keyOverlap(
  a: Iterable<string>,
  b: Iterable<string>,
): { shared: number; total: number } {
  const left = new Set([...a].map(normaliseKey));
  const right = new Set([...b].map(normaliseKey));
  let shared = 0;
  for (const key of left) if (right.has(key)) shared++;
  return { shared, total: new Set([...left, ...right]).size };
}

/** `part_number`, `partNumber` and `PartNumber` compare equal for overlap purposes. */
export function normaliseKey(key: string): string {
  return remembered(normalisedKeys, key, (text) => text.replace(/_/g, '').toLowerCase());
}

/** `nameStem` of each name seen lately: pairing asks for the same few thousand names a lot. */
const stems = new Map<string, string>();
/** `normaliseKey` of each key seen lately. */
const normalisedKeys = new Map<string, string>();
/** Names and keys remembered at most; a long editing session starts over past it. */
const MAX_REMEMBERED = 50_000;

function remembered(cache: Map<string, string>, text: string, compute: (text: string) => string) {
  let value = cache.get(text);
  if (value === undefined) {
    if (cache.size >= MAX_REMEMBERED) cache.clear();
    value = compute(text);
    cache.set(text, value);
  }
  return value;
}
