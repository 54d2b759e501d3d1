// The eight mutation kinds of bench/mutation.mjs: which paired fields each kind can touch, the
// one-line edit it makes, and whether that edit is a drift at run time (and which finding codes
// may report it). Pure functions over `seam index --json` / `seam pairs --json` data and text.

export const KINDS = [
  'rename-ts',
  'rename-py',
  'drop-ts',
  'drop-py',
  'retype-ts',
  'retype-py',
  'null-ts',
  'null-py',
];

// Codes accepted per kind and direction. Why each one:
// - rename/drop: the key now exists on one side only. A TS key the response lacks is
//   response-field-missing; a backend key TS lacks is response-field-unused (one hint per pair,
//   its message lists the keys); in a request TS's unknown key is request-field-unknown and a
//   required schema key TS no longer sends is request-field-required. A renamed Python field of
//   a from_attributes schema also no longer names an ORM attribute: schema-orm-field.
// - retype: the wire types cannot agree: field-type-mismatch (error, or a warning for lax-mode
//   coercions in requests).
// - nullability: null on one side only: field-nullability. A Python field of a from_attributes
//   schema made non-nullable over a nullable column is also schema-orm-field.
const ACCEPTED = {
  'rename-ts': {
    response: ['response-field-missing', 'response-field-unused'],
    request: ['request-field-unknown', 'request-field-required'],
  },
  'rename-py': {
    response: ['response-field-missing', 'response-field-unused', 'schema-orm-field'],
    request: ['request-field-unknown', 'request-field-required', 'schema-orm-field'],
  },
  'drop-ts': { response: ['response-field-unused'], request: ['request-field-required'] },
  'drop-py': { response: ['response-field-missing'], request: ['request-field-unknown'] },
  'retype-ts': { response: ['field-type-mismatch'], request: ['field-type-mismatch'] },
  'retype-py': { response: ['field-type-mismatch'], request: ['field-type-mismatch'] },
  'null-ts': { response: ['field-nullability'], request: ['field-nullability'] },
  'null-py': {
    response: ['field-nullability', 'schema-orm-field'],
    request: ['field-nullability', 'schema-orm-field'],
  },
};

const PY_PRIMITIVES = {
  string:
    'str StrictStr constr EmailStr NameEmail HttpUrl AnyUrl AnyHttpUrl UUID UUID1 UUID4 ' +
    'datetime AwareDatetime NaiveDatetime date time SecretStr',
  number:
    'int float StrictInt StrictFloat conint confloat PositiveInt NonNegativeInt ' +
    'PositiveFloat NonNegativeFloat',
  boolean: 'bool StrictBool',
};
const PY_TIMESTAMPS = new Set(['datetime', 'AwareDatetime', 'NaiveDatetime']);
const TS_RETYPE = { string: 'number', number: 'string', boolean: 'string' };
const PY_RETYPE = { str: 'int', int: 'str', bool: 'str' };
const PY_PRIMITIVE_OF = { str: 'string', int: 'number', bool: 'boolean' };

// ---------------------------------------------------------------------------------------------
// Pairs and their matched fields.

/** The field's declaring file: inherited fields live in their base's file. */
export function fieldFile(entity, field) {
  return field.declaredIn ? field.declaredIn.split('#')[0] : entity.file;
}

function declaringId(entity, field) {
  return field.declaredIn ?? entity.id;
}

function normalKey(key) {
  return key.replace(/[_"']/g, '').toLowerCase();
}

/** TS fields lined up with backend fields as Seam does: wire key, Python name, then case. */
export function lineUp(tsFields, pyFields) {
  const candidates = pyFields.filter((f) => !f.computed && f.relationship === undefined);
  const used = new Set();
  const matches = [];
  const finders = [
    (ts, py) => py.wireName === ts.wireName,
    (ts, py) => py.name === ts.wireName,
    (ts, py) => normalKey(py.wireName) === normalKey(ts.wireName),
  ];
  for (const ts of tsFields) {
    for (const finder of finders) {
      const py = candidates.find((f) => !used.has(f) && finder(ts, f));
      if (!py) continue;
      used.add(py);
      matches.push({ ts, py });
      break;
    }
  }
  return matches;
}

function directionsOf(pair) {
  return pair.direction === 'both' ? ['response', 'request'] : [pair.direction];
}

/**
 * Every declared field that a reported pair matches with a field on the other side, with the
 * contexts (pair, direction, both fields and entities) it takes part in.
 */
export function collectTargets(index, pairs) {
  const entities = new Map(index.entities.map((e) => [e.id, e]));
  const targets = new Map();
  for (const pair of pairs) {
    const tsEntity = entities.get(pair.frontend);
    const pyEntity = entities.get(pair.backend);
    if (!tsEntity || !pyEntity) continue;
    for (const { ts, py } of lineUp(tsEntity.fields, pyEntity.fields)) {
      for (const direction of directionsOf(pair)) {
        const context = { pair, direction, ts, py, tsEntity, pyEntity };
        addContext(targets, 'ts', tsEntity, ts, context);
        addContext(targets, 'py', pyEntity, py, context);
      }
    }
  }
  return [...targets.values()];
}

function addContext(targets, side, entity, field, context) {
  const key = `${side}\0${declaringId(entity, field)}\0${field.name}`;
  let target = targets.get(key);
  if (!target) {
    target = {
      side,
      file: fieldFile(entity, field),
      line: field.range.start.line,
      range: field.range,
      name: field.name,
      declaredIn: declaringId(entity, field),
      contexts: [],
    };
    targets.set(key, target);
  }
  target.contexts.push(context);
}

// ---------------------------------------------------------------------------------------------
// Reading one field's line.

/** Splits `text` at top-level occurrences of `separator` (outside brackets and strings). */
function splitTopLevel(text, separator) {
  const parts = [];
  let depth = 0;
  let quote = null;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote && text[i - 1] !== '\\') quote = null;
    } else if (c === '"' || c === "'" || c === '`') quote = c;
    else if ('([{<'.includes(c)) depth++;
    else if (')]}>'.includes(c) && !(c === '>' && text[i - 1] === '=')) depth--;
    else if (depth === 0 && text.startsWith(separator, i)) {
      if (separator === '=' && (text[i + 1] === '=' || '!<>='.includes(text[i - 1]))) continue;
      parts.push({ text: text.slice(start, i), start });
      start = i + separator.length;
    }
  }
  parts.push({ text: text.slice(start), start });
  return parts;
}

function balanced(text) {
  let depth = 0;
  for (const c of text.replace(/(["'`])(?:\\.|(?!\1).)*\1/g, '""')) {
    if ('([{'.includes(c)) depth++;
    if (')]}'.includes(c)) depth--;
  }
  return depth === 0;
}

/** A TS property line `name?: type;` whose type ends on this line; null otherwise. */
export function readTsLine(lines, target) {
  const line = lines[target.line];
  if (line === undefined) return null;
  const { start, end } = target.range;
  const after = line.slice(end.character);
  const header = /^(\??)(\s*:\s*)/.exec(after);
  if (!header) return null;
  const typeStart = end.character + header[0].length;
  const tail = /\s*[;,]?\s*(\/\/.*)?$/.exec(line.slice(typeStart));
  const typeText = line.slice(typeStart, typeStart + tail.index);
  const next = lines[target.line + 1] ?? '';
  const complete =
    typeText.length > 0 &&
    balanced(typeText) &&
    !/[|&(<,]\s*$|=>/.test(typeText) &&
    !/^\s*[|&]/.test(next) &&
    line
      .slice(0, start.character)
      .trim()
      .replace(/^readonly$/, '') === '';
  return complete ? { line, typeStart, typeText } : null;
}

/** A Python `name: annotation [= default]` line; `oneLine` when the whole statement fits. */
export function readPyLine(lines, target) {
  const line = lines[target.line];
  if (line === undefined) return null;
  const { start, end } = target.range;
  if (line.slice(0, start.character).trim() !== '') return null;
  const header = /^\s*:\s*/.exec(line.slice(end.character));
  if (!header) return null;
  const rest = line.slice(end.character + header[0].length);
  const code = splitTopLevel(rest, '#')[0].text;
  const [annotation, ...defaults] = splitTopLevel(code, '=');
  const annotationText = annotation.text.trimEnd();
  if (!annotationText || !balanced(annotationText)) return null;
  const statement = code.trimEnd();
  return {
    line,
    annotationStart: end.character + header[0].length,
    annotationText,
    defaultText: defaults.length ? code.slice(defaults[0].start).trim() : null,
    oneLine: balanced(statement) && !/[\\(\[{,]\s*$/.test(statement),
  };
}

// ---------------------------------------------------------------------------------------------
// Types in text: the core type without null, and whether null is a member.

/** `Mapped[Optional[str]]` → { wrapper: 'Mapped', core: 'str', nullable: true } */
export function pythonTypeParts(annotation) {
  let text = annotation.trim();
  let wrapper = null;
  const mapped = /^(?:\w+\.)?Mapped\[(.*)\]$/.exec(text);
  if (mapped) [wrapper, text] = ['Mapped', mapped[1].trim()];
  let nullable = false;
  const optional = /^(?:typing\.)?Optional\[(.*)\]$/.exec(text);
  if (optional) [nullable, text] = [true, optional[1].trim()];
  const union = /^(?:typing\.)?Union\[(.*)\]$/.exec(text);
  const members = union
    ? splitTopLevel(union[1], ',').map((p) => p.text.trim())
    : splitTopLevel(text, '|').map((p) => p.text.trim());
  const kept = members.filter((m) => m !== 'None');
  if (kept.length !== members.length) nullable = true;
  const core = kept.length === 1 ? kept[0] : kept.join(' | ');
  return { wrapper, core, nullable, unionForm: !!union };
}

export function tsTypeParts(typeText) {
  const members = splitTopLevel(typeText, '|')
    .map((p) => p.text.trim())
    .filter(Boolean);
  const kept = members.filter((m) => m !== 'null' && m !== 'undefined');
  return {
    core: kept.join(' | '),
    nullable: members.includes('null'),
    undefinedMember: members.includes('undefined'),
  };
}

function unwrapAnnotated(core) {
  const annotated = /^(?:typing\.)?Annotated\[(.*)\]$/.exec(core);
  return annotated ? splitTopLevel(annotated[1], ',')[0].text.trim() : core;
}

/** The JSON primitive a Python type travels as, or null when this script cannot tell. */
export function pythonPrimitive(typeText, enumsByName) {
  const { core } = pythonTypeParts(typeText);
  const inner = unwrapAnnotated(core);
  const literal = /^(?:typing\.)?Literal\[(.*)\]$/.exec(inner);
  if (literal) return literalPrimitive(splitTopLevel(literal[1], ',').map((p) => p.text.trim()));
  const name = inner
    .replace(/\(.*\)$/, '')
    .split('.')
    .pop();
  for (const [primitive, names] of Object.entries(PY_PRIMITIVES)) {
    if (names.split(/\s+/).includes(name)) return primitive;
  }
  const values = enumsByName.get(`py:${name}`);
  return values ? literalPrimitive(values.map((v) => JSON.stringify(v))) : null;
}

/** The JSON primitive of a TS type, or null when this script cannot tell. */
export function tsPrimitive(typeText, enumsByName) {
  const { core } = tsTypeParts(typeText);
  if (['string', 'number', 'boolean'].includes(core)) return core;
  const members = splitTopLevel(core, '|').map((p) => p.text.trim());
  const fromLiterals = literalPrimitive(members);
  if (fromLiterals) return fromLiterals;
  const values = enumsByName.get(`ts:${core}`);
  return values ? literalPrimitive(values.map((v) => JSON.stringify(v))) : null;
}

function literalPrimitive(members) {
  if (!members.length) return null;
  if (members.every((m) => /^(["']).*\1$/.test(m))) return 'string';
  if (members.every((m) => /^-?\d+(\.\d+)?$/.test(m))) return 'number';
  if (members.every((m) => m === 'true' || m === 'false' || m === 'True' || m === 'False'))
    return 'boolean';
  return null;
}

/** Enum value lists by `py:Name` / `ts:Name`; names defined twice are left out as ambiguous. */
export function enumsByName(index) {
  const result = new Map();
  const seen = new Set();
  for (const entity of index.entities) {
    if (!entity.values) continue;
    const key = `${entity.language === 'python' ? 'py' : 'ts'}:${entity.name}`;
    if (seen.has(key)) result.delete(key);
    else result.set(key, entity.values);
    seen.add(key);
  }
  return result;
}

function pythonNullableText(typeText) {
  return pythonTypeParts(typeText).nullable;
}

function tsNullableText(typeText) {
  return tsTypeParts(typeText).nullable;
}

// ---------------------------------------------------------------------------------------------
// Planning a mutation: the edit, and the verdict per context.

/**
 * The mutation `kind` on `target`, or null when the kind does not apply to that field. The
 * result holds the new file text, a one-line description, and per context whether it drifts.
 */
export function planMutation(kind, target, text, env) {
  const lines = text.split('\n');
  const edit = EDITS[kind](lines, target, text, env);
  if (!edit) return null;
  // A renamed override adds a new key next to the inherited one: the usual rename verdict holds.
  const base = kind.startsWith('drop-') ? env.overridden(target) : undefined;
  const verdicts = target.contexts.map((context) =>
    withEnvelopeCodes(kind, {
      context,
      ...(base ? overrideVerdict(target, context, base, env) : VERDICTS[kind](context, edit, env)),
    }),
  );
  return { kind, target, edit, verdicts, newText: edit.newText };
}

/**
 * The payload field of a generic envelope (`data: Optional[T]`), renamed or dropped, breaks every
 * call that reads it; envelope-mismatch on those calls (wherever they are) reports that too.
 */
function withEnvelopeCodes(kind, verdict) {
  const { context } = verdict;
  if (!verdict.drift || !/^(rename|drop)-/.test(kind)) return verdict;
  const usesParam = (entity, field) =>
    (entity.typeParams ?? []).some((p) => new RegExp(`\\b${p}\\b`).test(field.type));
  if (!usesParam(context.pyEntity, context.py) && !usesParam(context.tsEntity, context.ts))
    return verdict;
  return {
    ...verdict,
    codes: [...verdict.codes, 'envelope-mismatch'],
    anywhere: ['envelope-mismatch'],
  };
}

/**
 * A dropped field that redeclares one of a base class: the base's declaration takes over and the
 * key stays on the wire. Only a different type, nullability or default in the base is a drift.
 */
function overrideVerdict(target, context, base, env) {
  const own = target.side === 'py' ? context.py : context.ts;
  const same = (f) => wireSummary(target.side, f, env);
  const where = `\`${base.entity.name}.${base.field.name}: ${base.field.type}\``;
  if (same(own) === same(base.field))
    return noDrift(`it overrides ${where}, which stays on the wire unchanged`);
  const codes = [
    'field-nullability',
    'field-type-mismatch',
    'request-field-required',
    'enum-values',
  ];
  return { drift: true, codes, note: `the inherited ${where} takes over` };
}

/** What a field puts on the wire, as far as a redeclaration can change it. */
function wireSummary(side, field, env) {
  const python = side === 'py';
  const primitive = python
    ? pythonPrimitive(field.type, env.enums)
    : tsPrimitive(field.type, env.enums);
  const nullable = python ? pythonNullableText(field.type) : tsNullableText(field.type);
  const core = python
    ? unwrapAnnotated(pythonTypeParts(field.type).core)
    : tsTypeParts(field.type).core;
  const shape = primitive ?? core.replace(/\s+/g, '');
  return `${shape}\0${nullable}\0${!!field.hasDefault}\0${!!field.optional}`;
}

/** The base-class field a declared field redeclares, found through the entities' base names. */
export function overrideFinder(index) {
  const byId = new Map(index.entities.map((e) => [e.id, e]));
  const byName = new Map();
  for (const entity of index.entities) {
    const key = `${entity.language}:${entity.name}`;
    byName.set(key, [...(byName.get(key) ?? []), entity]);
  }
  return (target) => {
    const owner = byId.get(target.declaredIn);
    if (!owner) return undefined;
    for (const baseText of owner.bases ?? []) {
      const name = baseText
        .replace(/[[<].*$/, '')
        .split('.')
        .pop()
        .trim();
      for (const entity of byName.get(`${owner.language}:${name}`) ?? []) {
        const field = entity.fields.find((f) => f.name === target.name);
        if (field) return { entity, field };
      }
    }
    return undefined;
  };
}

function replaceLine(lines, lineNumber, newLine) {
  const copy = [...lines];
  if (newLine === null) copy.splice(lineNumber, 1);
  else copy[lineNumber] = newLine;
  return copy.join('\n');
}

function insertAt(line, character, insertion) {
  return line.slice(0, character) + insertion + line.slice(character);
}

const EDITS = {
  'rename-ts'(lines, target) {
    if (target.side !== 'ts') return null;
    const line = lines[target.line] ?? '';
    const { start, end } = target.range;
    if (line.slice(start.character, end.character).replace(/["']/g, '') !== target.name)
      return null;
    const quoted = /["']/.test(line[end.character - 1] ?? '');
    const at = quoted ? end.character - 1 : end.character;
    const newLine = insertAt(line, at, 'X');
    return { before: line, after: newLine, newText: replaceLine(lines, target.line, newLine) };
  },
  'rename-py'(lines, target) {
    if (target.side !== 'py') return null;
    const parsed = readPyLine(lines, target);
    if (!parsed || hasExplicitAlias(lines, target.line)) return null;
    const newLine = insertAt(parsed.line, target.range.end.character, '_x');
    return {
      before: parsed.line,
      after: newLine,
      newText: replaceLine(lines, target.line, newLine),
    };
  },
  'drop-ts'(lines, target) {
    if (target.side !== 'ts' || !readTsLine(lines, target)) return null;
    const line = lines[target.line];
    return {
      before: line,
      after: null,
      dropped: true,
      newText: replaceLine(lines, target.line, null),
    };
  },
  'drop-py'(lines, target, _text, env) {
    if (target.side !== 'py') return null;
    const parsed = readPyLine(lines, target);
    if (!parsed?.oneLine || env.ownFieldCount(target.declaredIn) < 2) return null;
    return {
      before: parsed.line,
      after: null,
      dropped: true,
      newText: replaceLine(lines, target.line, null),
    };
  },
  'retype-ts'(lines, target, _text, env) {
    if (target.side !== 'ts') return null;
    const parsed = readTsLine(lines, target);
    if (!parsed) return null;
    const { core } = tsTypeParts(parsed.typeText);
    const to = TS_RETYPE[core];
    if (!to || !target.contexts.some((c) => pythonPrimitive(c.py.type, env.enums) === core))
      return null;
    const members = splitTopLevel(parsed.typeText, '|').map((p) => p.text.trim());
    const newType = members.map((m) => (m === core ? to : m)).join(' | ');
    const newLine = spliceType(parsed.line, parsed.typeStart, parsed.typeText, newType);
    return {
      before: parsed.line,
      after: newLine,
      from: core,
      to,
      newText: replaceLine(lines, target.line, newLine),
    };
  },
  'retype-py'(lines, target, _text, env) {
    if (target.side !== 'py') return null;
    const parsed = readPyLine(lines, target);
    if (!parsed) return null;
    const { core } = pythonTypeParts(parsed.annotationText);
    const to = PY_RETYPE[core];
    if (!to) return null;
    const primitive = PY_PRIMITIVE_OF[core];
    if (!target.contexts.some((c) => tsPrimitive(c.ts.type, env.enums) === primitive)) return null;
    const pattern = new RegExp(`\\b${core}\\b`, 'g');
    if ((parsed.annotationText.match(pattern) ?? []).length !== 1) return null;
    const newAnnotation = parsed.annotationText.replace(pattern, to);
    const newLine = spliceType(
      parsed.line,
      parsed.annotationStart,
      parsed.annotationText,
      newAnnotation,
    );
    return {
      before: parsed.line,
      after: newLine,
      from: core,
      to,
      newText: replaceLine(lines, target.line, newLine),
    };
  },
  'null-ts'(lines, target) {
    if (target.side !== 'ts') return null;
    const parsed = readTsLine(lines, target);
    if (!parsed) return null;
    const parts = tsTypeParts(parsed.typeText);
    const members = splitTopLevel(parsed.typeText, '|').map((p) => p.text.trim());
    const newType = parts.nullable
      ? members.filter((m) => m !== 'null').join(' | ')
      : `${parsed.typeText} | null`;
    const newLine = spliceType(parsed.line, parsed.typeStart, parsed.typeText, newType);
    return {
      before: parsed.line,
      after: newLine,
      nowNullable: !parts.nullable,
      newText: replaceLine(lines, target.line, newLine),
    };
  },
  'null-py'(lines, target, text) {
    if (target.side !== 'py') return null;
    const parsed = readPyLine(lines, target);
    if (!parsed) return null;
    const parts = pythonTypeParts(parsed.annotationText);
    if (parts.unionForm || !parts.core) return null;
    const optionalImported = /^\s*from\s+typing\s+import[^\n]*\bOptional\b/m.test(text);
    const inner = parts.nullable
      ? parts.core
      : optionalImported
        ? `Optional[${parts.core}]`
        : `${parts.core} | None`;
    const newAnnotation = parts.wrapper ? `${parts.wrapper}[${inner}]` : inner;
    const newLine = spliceType(
      parsed.line,
      parsed.annotationStart,
      parsed.annotationText,
      newAnnotation,
    );
    return {
      before: parsed.line,
      after: newLine,
      nowNullable: !parts.nullable,
      hasNoneDefault: parsed.defaultText === 'None',
      newText: replaceLine(lines, target.line, newLine),
    };
  },
};

function spliceType(line, start, oldText, newText) {
  return line.slice(0, start) + newText + line.slice(start + oldText.length);
}

/** An `alias=`, `serialization_alias=` or `validation_alias=` anywhere in the statement. */
function hasExplicitAlias(lines, lineNumber) {
  let statement = lines[lineNumber];
  for (let next = lineNumber + 1; !balanced(statement) && next < lines.length; next++)
    statement += `\n${lines[next]}`;
  return /\b(?:serialization_|validation_)?alias\s*=/.test(statement);
}

// Verdicts: { drift: true, codes } or { drift: false, reason }.
const drift = (kind, direction) => ({ drift: true, codes: ACCEPTED[kind][direction] });
const noDrift = (reason) => ({ drift: false, reason });

const VERDICTS = {
  'rename-ts': (c) => drift('rename-ts', c.direction),
  'rename-py': (c) => drift('rename-py', c.direction),
  'drop-ts'(c, _edit, env) {
    if (c.direction === 'response') return drift('drop-ts', 'response');
    return requiredInRequest(c.py, env)
      ? drift('drop-ts', 'request')
      : noDrift(`the request schema field \`${c.py.name}\` has a default, so omitting it is valid`);
  },
  'drop-py': (c) => drift('drop-py', c.direction),
  'retype-ts'(c, edit, env) {
    const backend = pythonPrimitive(c.py.type, env.enums);
    if (backend !== edit.from)
      return noDrift(`the backend field is \`${c.py.type}\`, not ${edit.from}, in this pair`);
    if (c.direction === 'request') {
      const why = laxAccepts(pythonTypeParts(c.py.type).core, backend, edit.to, env);
      if (why) return noDrift(why);
    }
    return drift('retype-ts', c.direction);
  },
  'retype-py'(c, edit, env) {
    const frontend = tsPrimitive(c.ts.type, env.enums);
    const before = PY_PRIMITIVE_OF[edit.from];
    const after = PY_PRIMITIVE_OF[edit.to];
    if (frontend !== before)
      return noDrift(`the TS field is \`${c.ts.type}\`, not ${before}, in this pair`);
    if (c.direction === 'request') {
      const why = laxAccepts(edit.to, after, frontend, env);
      if (why) return noDrift(why);
    }
    return drift('retype-py', c.direction);
  },
  'null-ts'(c, edit) {
    const backendNullable = pythonNullableText(c.py.type);
    if (c.direction === 'response') {
      if (edit.nowNullable) return noDrift('TS now also accepts null; nothing breaks');
      return backendNullable
        ? drift('null-ts', 'response')
        : noDrift(`the backend \`${c.py.type}\` never sends null`);
    }
    if (!edit.nowNullable) return noDrift('TS stops sending null; the schema accepts either');
    return backendNullable
      ? noDrift(`the schema \`${c.py.type}\` accepts null`)
      : drift('null-ts', 'request');
  },
  'null-py'(c, edit) {
    const frontendNullable = tsNullableText(c.ts.type);
    if (c.direction === 'response') {
      if (!edit.nowNullable)
        return noDrift('the backend stops declaring null; TS still accepts whatever it sends');
      return frontendNullable
        ? noDrift(`TS \`${c.ts.type}\` already accepts null`)
        : drift('null-py', 'response');
    }
    if (edit.nowNullable) return noDrift('the schema now also accepts null; nothing breaks');
    return frontendNullable
      ? drift('null-py', 'request')
      : noDrift(`TS \`${c.ts.type}\` never sends null`);
  },
};

/** Request fields without a default must be sent (Pydantic v1 also defaults Optional to None). */
function requiredInRequest(pyField, env) {
  if (pyField.hasDefault) return false;
  return !(env.pydanticV1 && pythonNullableText(pyField.type));
}

/**
 * Why a request carrying a `sent` JSON value always passes validation of a field of Python type
 * `core` (JSON primitive `expected`), or null when some values fail (422) and it is a drift.
 */
function laxAccepts(core, expected, sent, env) {
  if (expected === sent) return 'the JSON types still agree';
  const name = unwrapAnnotated(core).split('.').pop();
  if (expected === 'string' && sent === 'number' && PY_TIMESTAMPS.has(name))
    return 'Pydantic parses a number as a Unix timestamp for datetime fields';
  if (env.pydanticV1 && name === 'str' && (sent === 'number' || sent === 'boolean'))
    return 'Pydantic v1 coerces numbers and booleans to str';
  return null;
}
