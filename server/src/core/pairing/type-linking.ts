// Walks a call's TS type and its route's Python type side by side and links the entities found
// at the same place: `ApiResponse<Part[]>` against `ResponseSchema[List[PartResponse]]` links
// ApiResponse with ResponseSchema and Part with PartResponse. Envelopes are recognised by their
// generic parameter, not by name; an envelope on one side only is recorded as a mismatch.
import type { TypeExpr } from '../facts';
import type { IndexView, ResolvedEntity } from '../index/resolved';
import { baseName } from '../python/types';
import { bindTypeParams, substituteType } from '../index/type-substitution';

export interface TypeLink {
  frontend: ResolvedEntity;
  backend: ResolvedEntity;
  /** Both are generic envelopes around the payload. */
  envelope: boolean;
}

export type EnvelopeProblem = 'bare-where-wrapped' | 'wrapped-where-bare' | 'wrapped-twice';

export interface EnvelopeNote {
  problem: EnvelopeProblem;
  /** The envelope entity involved (backend for bare-where-wrapped, frontend otherwise). */
  envelope: ResolvedEntity;
}

export interface LinkResult {
  links: TypeLink[];
  envelope?: EnvelopeNote;
}

interface Side {
  expr: TypeExpr;
  file: string;
}

const TS_TRANSPARENT = new Set(['Promise', 'AxiosResponse', 'Awaited', 'Readonly']);
const PY_TRANSPARENT = new Set(['Optional', 'Annotated', 'Mapped']);
const PY_ARRAYS = new Set(['list', 'List', 'Sequence', 'set', 'Set', 'tuple', 'Tuple']);
const MAX_DEPTH = 6;

export function linkTypes(view: IndexView, frontend: Side, backend: Side): LinkResult {
  const result: LinkResult = { links: [] };
  walk(view, frontend, backend, result, 0, 0);
  return result;
}

function walk(
  view: IndexView,
  frontend: Side,
  backend: Side,
  result: LinkResult,
  depth: number,
  envelopesSeen: number,
): void {
  if (depth > MAX_DEPTH) return;
  const ts = unwrapTs(frontend.expr);
  const py = unwrapPy(backend.expr);
  const tsElement = arrayElementTs(ts);
  const pyElement = arrayElementPy(py);
  if (tsElement && pyElement) {
    walk(
      view,
      { ...frontend, expr: tsElement },
      { ...backend, expr: pyElement },
      result,
      depth + 1,
      envelopesSeen,
    );
    return;
  }
  if (ts.kind !== 'name' || py.kind !== 'name') return;
  const tsEntity = view.resolveEntity(frontend.file, ts.name);
  const pyEntity = view.resolveEntity(backend.file, py.name);
  if (!tsEntity || !pyEntity) return;

  const tsEnvelope = isEnvelope(tsEntity) && ts.args.length > 0;
  const pyEnvelope = isEnvelope(pyEntity) && py.args.length > 0;
  const next = (tsExpr: TypeExpr, pyExpr: TypeExpr, seen: number) =>
    walk(
      view,
      { ...frontend, expr: tsExpr },
      { ...backend, expr: pyExpr },
      result,
      depth + 1,
      seen,
    );

  if (tsEnvelope && pyEnvelope) {
    result.links.push({ frontend: tsEntity, backend: pyEntity, envelope: true });
    next(ts.args[0], py.args[0], envelopesSeen + 1);
  } else if (tsEnvelope) {
    const concrete = concreteEnvelope(tsEntity, ts.args, pyEntity);
    if (concrete) {
      result.links.push({ frontend: tsEntity, backend: pyEntity, envelope: true });
      next(concrete.genericSide, concrete.concreteSide, envelopesSeen + 1);
      return;
    }
    result.envelope ??= {
      problem: envelopesSeen > 0 ? 'wrapped-twice' : 'wrapped-where-bare',
      envelope: tsEntity,
    };
    next(ts.args[0], py, envelopesSeen);
  } else if (pyEnvelope) {
    const concrete = concreteEnvelope(pyEntity, py.args, tsEntity);
    if (concrete) {
      result.links.push({ frontend: tsEntity, backend: pyEntity, envelope: true });
      next(concrete.concreteSide, concrete.genericSide, envelopesSeen + 1);
      return;
    }
    result.envelope ??= { problem: 'bare-where-wrapped', envelope: pyEntity };
    next(ts, py.args[0], envelopesSeen);
  } else {
    result.links.push({ frontend: tsEntity, backend: pyEntity, envelope: false });
  }
}

/**
 * The other side may be the envelope with its argument filled in by a subclass
 * (`class PartPage(Page[Part])`, `interface PartPage { items: Part[]; total: number }`). It is,
 * when it has the envelope's generic field and most of its other fields; the payload types are
 * then the generic field's type on each side, with the type parameter bound to the argument.
 */
function concreteEnvelope(envelope: ResolvedEntity, args: TypeExpr[], other: ResolvedEntity) {
  const names = new Set(other.fields.map((field) => field.name));
  const shared = envelope.fields.filter((field) => names.has(field.name)).length;
  if (shared * 2 < envelope.fields.length) return undefined;
  const generic = envelope.fields.find((field) => mentions(field.typeExpr, envelope.typeParams));
  const counterpart = generic && other.fields.find((field) => field.name === generic.name);
  if (!generic || !counterpart) return undefined;
  const bindings = bindTypeParams(envelope.typeParams, args);
  return {
    genericSide: substituteType(generic.typeExpr, bindings),
    concreteSide: counterpart.typeExpr,
  };
}

/** A generic model whose fields use its type parameter: `ResponseSchema[T]`, `ApiResponse<T>`. */
export function isEnvelope(entity: ResolvedEntity): boolean {
  if (!entity.typeParams.length) return false;
  return entity.fields.some((field) => mentions(field.typeExpr, entity.typeParams));
}

function mentions(expr: TypeExpr, names: string[]): boolean {
  switch (expr.kind) {
    case 'name':
      return names.includes(expr.name) || expr.args.some((arg) => mentions(arg, names));
    case 'union':
      return expr.members.some((m) => mentions(m, names));
    case 'array':
      return mentions(expr.element, names);
    case 'tuple':
      return expr.elements.some((e) => mentions(e, names));
    default:
      return false;
  }
}

function unwrapTs(expr: TypeExpr): TypeExpr {
  if (expr.kind === 'name' && TS_TRANSPARENT.has(expr.name) && expr.args[0]) {
    return unwrapTs(expr.args[0]);
  }
  return withoutNullMembers(expr, (m) => m.kind === 'name' && m.name === 'undefined', unwrapTs);
}

function unwrapPy(expr: TypeExpr): TypeExpr {
  if (expr.kind === 'name' && PY_TRANSPARENT.has(baseName(expr.name)) && expr.args[0]) {
    return unwrapPy(expr.args[0]);
  }
  return withoutNullMembers(expr, () => false, unwrapPy);
}

/** `X | null` → X, when exactly one non-null member remains. */
function withoutNullMembers(
  expr: TypeExpr,
  alsoDrop: (member: TypeExpr) => boolean,
  again: (expr: TypeExpr) => TypeExpr,
): TypeExpr {
  if (expr.kind !== 'union') return expr;
  const rest = expr.members.filter(
    (m) => !(m.kind === 'literal' && m.value === null) && !alsoDrop(m),
  );
  return rest.length === 1 ? again(rest[0]) : expr;
}

function arrayElementTs(expr: TypeExpr): TypeExpr | undefined {
  if (expr.kind === 'array') return expr.element;
  if (expr.kind === 'name' && (expr.name === 'Array' || expr.name === 'ReadonlyArray')) {
    return expr.args[0];
  }
  return undefined;
}

function arrayElementPy(expr: TypeExpr): TypeExpr | undefined {
  if (expr.kind === 'name' && PY_ARRAYS.has(baseName(expr.name))) return expr.args[0];
  return undefined;
}
