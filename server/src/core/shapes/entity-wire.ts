// The keys an entity puts on the wire, per direction: what a backend model sends in a response or
// accepts in a request (aliases, defaults, computed fields), and what a TS type declares.
import { applyAliasGenerator } from '../index/alias-generators';
import type { IndexView, ResolvedEntity, ResolvedField } from '../index/resolved';
import type { Direction } from './compare-wire';
import { pythonWireType } from './python-wire';
import { typeScriptWireType } from './typescript-wire';
import { membersOf, type WireType } from './wire-type';

export interface WireField {
  /** The JSON key. */
  key: string;
  /** Other keys accepted for the same field in a request (`populate_by_name`). */
  alternateKeys: string[];
  type: WireType;
  /** Response: always present. Request: must be sent. TS: not marked optional. */
  required: boolean;
  nullable: boolean;
  field: ResolvedField;
}

export interface BackendWireOptions {
  /** FastAPI serialises response models by alias unless `response_model_by_alias=False`. */
  byAlias?: boolean;
  /** TypeVar bindings when the entity is used with generic arguments. */
  bindings?: ReadonlyMap<string, WireType>;
}

export function backendWireFields(
  view: IndexView,
  entity: ResolvedEntity,
  direction: Direction,
  options: BackendWireOptions = {},
): WireField[] {
  const fields = entity.fields.filter((field) => isOnWire(field, direction));
  return fields.map((field) => {
    const type = pythonWireType(field.typeExpr, {
      file: fileOf(field),
      resolveEntity: view.resolveEntity,
      bindings: options.bindings,
    });
    const keys = backendKeys(entity, field, direction, options.byAlias ?? true);
    return {
      key: keys[0],
      alternateKeys: keys.slice(1),
      type,
      // A bare name Seam cannot resolve may be an alias carrying its own default.
      required: direction === 'response' || (!field.hasDefault && !isOpaqueName(field, type)),
      nullable: field.nullable || hasNullMember(type),
      field,
    };
  });
}

/**
 * A field typed with a bare name Seam cannot resolve (`conditions: ConditionsField`, where
 * `ConditionsField = Annotated[dict, Field(default_factory=dict)]` is written elsewhere): the name
 * may carry a default or `None`, so neither requiredness nor nullability is known.
 */
export function isOpaqueName(field: ResolvedField, type: WireType): boolean {
  return type.kind === 'any' && field.typeExpr.kind === 'name' && !field.typeExpr.args.length;
}

function isOnWire(field: ResolvedField, direction: Direction): boolean {
  if (field.excluded || field.relationship) return false;
  return direction === 'response' || !field.computed;
}

/** Keys in preference order: the serialised or validated key first. */
function backendKeys(
  entity: ResolvedEntity,
  field: ResolvedField,
  direction: Direction,
  byAlias: boolean,
): string[] {
  const generator = entity.config?.aliasGenerator;
  const generated = generator ? applyAliasGenerator(generator, field.name) : undefined;
  if (direction === 'response') {
    return [
      byAlias ? (field.serializationAlias ?? field.alias ?? generated ?? field.name) : field.name,
    ];
  }
  const validation = field.validationAlias ?? field.alias ?? generated ?? field.name;
  const keys = [validation, ...(field.validationAliasChoices ?? [])];
  if (entity.config?.populateByName) keys.push(field.name);
  return [...new Set(keys)];
}

export function frontendWireFields(view: IndexView, entity: ResolvedEntity): WireField[] {
  return entity.fields.map((field) => {
    const type = typeScriptWireType(field.typeExpr, {
      file: fileOf(field),
      resolveEntity: view.resolveEntity,
      resolveAlias: view.resolveTypeAlias,
    });
    return {
      key: field.wireName,
      alternateKeys: [],
      type,
      required: !field.optional,
      nullable: field.nullable || hasNullMember(type),
      field,
    };
  });
}

/** Fields resolve their type names in the file that declares them. */
function fileOf(field: ResolvedField): string {
  return field.declaredIn.split('#')[0];
}

function hasNullMember(type: WireType): boolean {
  return membersOf(type).some((member) => member.kind === 'null');
}
