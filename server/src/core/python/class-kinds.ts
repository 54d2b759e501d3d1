// Decides what a Python class is (Pydantic model, SQLModel table, SQLAlchemy model, enum) from its
// direct bases, its header keywords and, for ORM classes whose base lives elsewhere, its body.
// Bases defined in the same file are followed; others leave a provisional guess for the index.
import type { Node } from 'web-tree-sitter';
import type { EntityKind, TypeExpr } from '../facts';
import { attributeNamed, type ClassBody } from './class-body';
import { isComputedFieldMethod } from './computed-fields';
import { baseWithoutArguments, type ClassHeader } from './class-header';
import { looksLikeEnumBody } from './enums';
import { baseName } from './types';

export interface KindDecision {
  kind: EntityKind;
  provisional?: boolean;
  abstract?: boolean;
  /** A plain class that only lends its annotated attributes to models inheriting it. */
  fieldMixin?: boolean;
}

const ENUM_BASES = new Set(['Enum', 'IntEnum', 'StrEnum', 'Flag', 'IntFlag', 'ReprEnum']);
const PYDANTIC_BASES = new Set(['BaseModel', 'RootModel', 'GenericModel']);
const DECLARATIVE_BASES = new Set(['DeclarativeBase', 'DeclarativeBaseNoMeta']);
const DECLARATIVE_FACTORIES = new Set(['declarative_base', 'generate_base']);
const ORM_VALUE_CALLS = new Set(['Column', 'mapped_column', 'relationship', 'column_property']);
const ORM_MARKER_NAMES = ['__tablename__', '__table_args__', '__mapper_args__'];

/** Bases that never make a class a model, so they do not make it a provisional candidate. */
const NON_MODEL_BASES = new Set([
  ...['object', 'Exception', 'BaseException', 'Protocol', 'ABC', 'TypedDict', 'NamedTuple'],
  ...['Generic', 'dict', 'list', 'tuple', 'set', 'frozenset', 'str', 'int', 'float', 'bytes'],
  ...['type', 'Dict', 'List'],
  // Settings are Pydantic models, but they are read from the environment, never sent.
  'BaseSettings',
]);

/** An indented `name: ...` line or a computed field somewhere in a class's text. */
const MAY_DECLARE_FIELDS = /^[ \t]+\w+[ \t]*:(?!=)|computed_field/m;

/** Bases a plain mixin may have. */
const MIXIN_BASES = new Set(['object', 'ABC', 'Generic']);

/** What the resolver knows about the rest of the file. */
export interface KindContext {
  /** Resolves a class defined in the same file; null when it is not a model. */
  localClass(name: string): KindDecision | null | undefined;
  /** Names bound by `Base = declarative_base()` in this file. */
  declarativeBases: ReadonlySet<string>;
}

/**
 * `body` scans the class body on first use: most classes that are no model (services, tests,
 * exceptions) are decided without it, since their text names no ORM marker.
 */
export function decideKind(
  header: ClassHeader,
  body: () => ClassBody,
  context: KindContext,
): KindDecision | undefined {
  const names = header.bases.map(baseWithoutArguments);
  const known = knownBaseKind(header, names);
  if (known) return withAbstractMarker(known, body());

  const local = localBaseKind(names, context);
  if (local && !local.provisional) return withAbstractMarker(inheritedKind(local, header), body());
  if (mayHaveOrmEvidence(header.text) && hasOrmEvidence(body())) {
    return withAbstractMarker(ormKind(names, context), body());
  }
  if (local) return inheritedKind(local, header);
  if (names.some((name) => isCandidateBase(name, context))) {
    return { kind: looksLikeEnumBody(body()) ? 'enum' : 'pydantic-model', provisional: true };
  }
  if (isFieldMixin(header, names, body)) {
    return { kind: 'pydantic-model', provisional: true, fieldMixin: true };
  }
  return undefined;
}

/**
 * Pydantic takes the annotated attributes and `@computed_field` methods of every class in a
 * model's MRO as fields, models or not; a class without model bases that has either is kept for
 * the models that may inherit it.
 */
function isFieldMixin(header: ClassHeader, names: string[], body: () => ClassBody): boolean {
  // Dataclasses, TypedDicts, NamedTuples and Protocols are classes of their own kind.
  if (header.decorators.length || !names.every((name) => MIXIN_BASES.has(baseName(name))))
    return false;
  // The body is scanned only when its text may hold an annotation or a computed field.
  if (!MAY_DECLARE_FIELDS.test(header.text)) return false;
  return body().members.some(
    (member) =>
      (member.kind === 'attribute' && !!member.typeExpr) ||
      (member.kind === 'method' && isComputedFieldMethod(member)),
  );
}

/**
 * Every piece of ORM evidence (a marker name, a column call, a `Mapped` annotation) is written
 * out in the class's text, so a class whose text holds none of these words has none.
 */
const ORM_EVIDENCE_TEXT = new RegExp(
  [...ORM_MARKER_NAMES, '__abstract__', ...ORM_VALUE_CALLS, 'Mapped'].join('|'),
);

function mayHaveOrmEvidence(classText: string): boolean {
  return ORM_EVIDENCE_TEXT.test(classText);
}

/** Kinds fixed by well-known bases, decorators and class keywords alone. */
function knownBaseKind(header: ClassHeader, names: string[]): KindDecision | undefined {
  const last = names.map(baseName);
  if (last.some((name) => ENUM_BASES.has(name))) return { kind: 'enum' };
  if (last.includes('SQLModel')) return sqlModelKind(header);
  if (last.some((name) => PYDANTIC_BASES.has(name))) return { kind: 'pydantic-model' };
  if (last.some((name) => DECLARATIVE_BASES.has(name))) {
    return { kind: 'sqlalchemy-model', abstract: true };
  }
  if (header.bases.some(isDeclarativeFactoryCall)) {
    return { kind: 'sqlalchemy-model', abstract: true };
  }
  return (
    decoratorKind(header) ?? (isTrue(header.keywords.table) ? sqlModelKind(header) : undefined)
  );
}

function sqlModelKind(header: ClassHeader): KindDecision {
  return { kind: isTrue(header.keywords.table) ? 'sqlmodel-table' : 'sqlmodel-model' };
}

/** `@as_declarative()` makes a declarative base; `@mapper_registry.mapped` maps a class. */
function decoratorKind(header: ClassHeader): KindDecision | undefined {
  const names = header.decorators.map((text) => baseName(text.replace(/\(.*$/s, '')));
  if (names.some((name) => name === 'as_declarative' || name === 'as_declarative_base')) {
    return { kind: 'sqlalchemy-model', abstract: true };
  }
  if (names.some((name) => name === 'mapped' || name === 'mapped_as_dataclass')) {
    return { kind: 'sqlalchemy-model' };
  }
  return undefined;
}

function isDeclarativeFactoryCall(base: string): boolean {
  const callee = /^([\w.()]*?)\(/.exec(base)?.[1];
  return callee !== undefined && DECLARATIVE_FACTORIES.has(baseName(callee));
}

/** The first base defined in this file that is a model, enum or declarative base. */
function localBaseKind(names: string[], context: KindContext): KindDecision | undefined {
  for (const name of names) {
    if (context.declarativeBases.has(name)) return { kind: 'sqlalchemy-model', abstract: true };
    const local = context.localClass(name);
    if (local && !local.fieldMixin) return local;
  }
  return undefined;
}

/** A subclass of a declarative base is a concrete model; SQLModel tables need `table=True`. */
function inheritedKind(base: KindDecision, header: ClassHeader): KindDecision {
  const provisional = base.provisional ? { provisional: true } : {};
  if (base.kind === 'sqlmodel-table' || base.kind === 'sqlmodel-model') {
    return { ...sqlModelKind(header), ...provisional };
  }
  return { kind: base.kind, ...provisional };
}

/** A class whose base lives elsewhere but whose body declares columns is an ORM model. */
function ormKind(names: string[], context: KindContext): KindDecision {
  const hasModelBase = names.some((name) => isCandidateBase(name, context));
  // Without any base, a class declaring columns is a declarative mixin.
  return hasModelBase ? { kind: 'sqlalchemy-model' } : { kind: 'sqlalchemy-model', abstract: true };
}

function withAbstractMarker(decision: KindDecision, body: ClassBody): KindDecision {
  const marker = attributeNamed(body, '__abstract__');
  if (marker?.value?.type !== 'true') return decision;
  return { ...decision, kind: 'sqlalchemy-model', abstract: true };
}

function hasOrmEvidence(body: ClassBody): boolean {
  return body.members.some((member) => {
    if (member.kind === 'method') return member.decorators.some(isDeclaredAttr);
    if (member.kind !== 'attribute') return false;
    if (ORM_MARKER_NAMES.includes(member.name)) return true;
    if (member.name === '__abstract__') return member.value?.type === 'true';
    if (member.valueCallee && ORM_VALUE_CALLS.has(member.valueCallee)) return true;
    return isMappedType(member.typeExpr);
  });
}

/** `declared_attr`, `orm.declared_attr`, `declared_attr.directive`, `declared_attr.cascading`. */
const DECLARED_ATTR = /^(?:[\w.]*\.)?declared_attr(?:\.(?:directive|cascading))?$/;

/** A decorator by which a method declares a mapped attribute (a column or a relationship). */
export function isDeclaredAttr(decorator: Node): boolean {
  return DECLARED_ATTR.test(decorator.text);
}

const MAPPED_WRAPPERS = new Set(['Mapped', 'WriteOnlyMapped', 'DynamicMapped']);

/** `Mapped[int]`: a SQLAlchemy 2.0 mapped attribute. */
export function isMappedType(typeExpr: TypeExpr | undefined): boolean {
  return typeExpr?.kind === 'name' && MAPPED_WRAPPERS.has(baseName(typeExpr.name));
}

/** A base this file cannot classify, which may be a model defined in another file. */
function isCandidateBase(name: string, context: KindContext): boolean {
  const local = context.localClass(name);
  if (local === null || local?.fieldMixin) return false;
  const last = baseName(name);
  if (NON_MODEL_BASES.has(last)) return false;
  return !/(Error|Exception|Warning)$/.test(last);
}

function isTrue(text: string | undefined): boolean {
  return text === 'True';
}
