// Settles Python classes across files: which are models (following bases such as
// `class PartRead(PartBase)` into other files), their inherited fields and effective config.
import type { EntityFact, EntityKind, FieldFact, ModelConfigFact } from '../facts';
import { extend, sameItems } from '../objects';
import { applyAliasGenerator } from './alias-generators';
import type { PythonModules } from './python-modules';
import type { ResolvedEntity, ResolvedField } from './resolved';

type Lookup = (file: string, name: string) => EntityFact | undefined;

/** What a class was resolved from and to. */
export interface Resolution {
  entity: EntityFact;
  kind: EntityKind | null;
  bases: ResolvedEntity[];
  result: ResolvedEntity | null;
}

export class PythonEntityResolver {
  private readonly kinds = new Map<string, EntityKind | null>();
  /**
   * How each class was resolved, by entity id: its result, and what the next resolver compares to
   * take the result over.
   */
  readonly resolutions = new Map<string, Resolution>();

  /**
   * `previous`: the resolutions of the resolver before this one. A class whose facts, kind and
   * resolved bases are the very same objects as then resolves to the same object as then, so
   * what is computed per entity object downstream (wire fields, pairing keys) stays valid.
   */
  constructor(
    private readonly modules: PythonModules,
    private readonly lookup: Lookup,
    private readonly previous?: ReadonlyMap<string, Resolution>,
  ) {}

  /** The entity of a (possibly dotted) class name used in `file`. */
  entityNamed(file: string, name: string): EntityFact | undefined {
    const symbol = this.modules.resolveName(file, name);
    return symbol.kind === 'name' ? this.lookup(symbol.file, symbol.name) : undefined;
  }

  /** The resolved entity, or null for classes that turn out not to be models or enums. */
  resolve(entity: EntityFact, visiting = new Set<string>()): ResolvedEntity | null {
    const cached = this.resolutions.get(entity.id);
    if (cached) return cached.result;
    if (visiting.has(entity.id)) return null;
    visiting.add(entity.id);

    const kind = this.settleKind(entity, new Set());
    const bases = kind ? this.baseEntities(entity) : [];
    const resolvedBases = bases
      .map((base) => this.resolve(base, visiting) ?? (kind ? fieldMixin(base, kind) : null))
      .filter((base): base is ResolvedEntity => !!base);
    const before = this.previous?.get(entity.id);
    const result =
      before?.entity === entity && before.kind === kind && sameItems(before.bases, resolvedBases)
        ? before.result
        : kind
          ? this.join(entity, kind, resolvedBases)
          : null;
    this.resolutions.set(entity.id, { entity, kind, bases: resolvedBases, result });
    return result;
  }

  private baseEntities(entity: EntityFact): EntityFact[] {
    return entity.bases
      .map((base) => this.entityNamed(entity.file, base.replace(/\[.*$/, '')))
      .filter((base): base is EntityFact => !!base && base.id !== entity.id);
  }

  private settleKind(entity: EntityFact, visiting: Set<string>): EntityKind | null {
    if (!entity.provisional) return entity.kind;
    const cached = this.kinds.get(entity.id);
    if (cached !== undefined) return cached;
    if (visiting.has(entity.id)) return null;
    visiting.add(entity.id);

    let kind: EntityKind | null = null;
    for (const base of this.baseEntities(entity)) {
      const baseKind = this.settleKind(base, visiting);
      if (baseKind) {
        kind = inheritedKind(baseKind, entity);
        break;
      }
    }
    this.kinds.set(entity.id, kind);
    return kind;
  }

  private join(entity: EntityFact, kind: EntityKind, bases: ResolvedEntity[]): ResolvedEntity {
    const config = mergeConfigs([...bases.map((base) => base.config), entity.config]);
    const byName = new Map<string, ResolvedField | FieldFact>();
    // Pydantic collects fields from the last base to the first, then the class's own.
    for (const base of [...bases].reverse()) {
      for (const field of base.fields) byName.set(field.name, field);
    }
    for (const field of entity.fields) byName.set(field.name, field);

    const isTable = kind === 'sqlmodel-table' || kind === 'sqlalchemy-model';
    const fields = [...byName.values()].map((field) =>
      'declaredIn' in field
        ? finishField(field, config, isTable && field.declaredIn !== entity.id)
        : finishField(field, config, false, entity.id),
    );
    const { fields: _own, provisional: _p, config: _c, ...rest } = entity;
    const inheritedTable = bases.find((base) => base.tableName)?.tableName;
    return extend(rest, {
      kind,
      fields,
      // A plain mixin lends its fields but is no entity of the view.
      baseIds: bases.filter((base) => this.resolutions.get(base.id)?.result).map((base) => base.id),
      config,
      abstract: entity.abstract && kind === 'sqlalchemy-model' ? true : undefined,
      tableName: entity.tableName ?? (kind === 'sqlalchemy-model' ? inheritedTable : undefined),
      singleTableChild:
        kind === 'sqlalchemy-model' && !entity.tableName && !!inheritedTable ? true : undefined,
    });
  }
}

function inheritedKind(baseKind: EntityKind, entity: EntityFact): EntityKind {
  const isTable = entity.classKeywords?.table === 'True';
  if (baseKind === 'sqlmodel-model' || baseKind === 'sqlmodel-table') {
    return isTable ? 'sqlmodel-table' : 'sqlmodel-model';
  }
  return baseKind;
}

function mergeConfigs(configs: (ModelConfigFact | undefined)[]): ModelConfigFact | undefined {
  const present = configs.filter((config): config is ModelConfigFact => !!config);
  if (!present.length) return undefined;
  return Object.assign({}, ...present);
}

/**
 * Applies the alias generator to fields without an explicit alias, and makes fields a table
 * inherits from a plain SQLModel base into columns of the table.
 */
/**
 * A class's own field (`declaredIn` given) is copied once with everything the view adds; an
 * inherited one is shared with its base unless this class names it differently. Resolved fields
 * are never changed after the view is built.
 */
function finishField(
  field: ResolvedField | FieldFact,
  config: ModelConfigFact | undefined,
  inheritedByTable: boolean,
  declaredIn?: string,
): ResolvedField {
  const explicit = field.serializationAlias ?? field.alias;
  const generated = config?.aliasGenerator
    ? applyAliasGenerator(config.aliasGenerator, field.name)
    : undefined;
  const wireName = explicit ?? generated ?? field.name;
  const column =
    inheritedByTable && isColumnLike(field) ? (field.column ?? field.name) : field.column;
  if (declaredIn !== undefined) return extend(field, { declaredIn, wireName, column });
  const inherited = field as ResolvedField;
  if (inherited.wireName === wireName && inherited.column === column) return inherited;
  return extend(inherited, { wireName, column });
}

function isColumnLike(field: FieldFact): boolean {
  return !field.relationship && !field.computed && !field.excluded;
}

/** Mixins as bases of each kind, made once per mixin class object (see `resolve`). */
const mixins = new WeakMap<EntityFact, Map<EntityKind, ResolvedEntity>>();

/** A plain mixin's annotated attributes, as a base of a Pydantic model takes them. */
function fieldMixin(base: EntityFact, kind: EntityKind): ResolvedEntity | null {
  if (!base.fieldMixin || (kind !== 'pydantic-model' && kind !== 'sqlmodel-model')) return null;
  let byKind = mixins.get(base);
  if (!byKind) mixins.set(base, (byKind = new Map()));
  let mixin = byKind.get(kind);
  if (!mixin) {
    const { fields, provisional: _p, config: _c, fieldMixin: _m, ...rest } = base;
    mixin = extend(rest, {
      kind,
      fields: fields.map((field) => extend(field, { declaredIn: base.id })),
      baseIds: [],
    });
    byKind.set(kind, mixin);
  }
  return mixin;
}
