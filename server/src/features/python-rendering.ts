// Backend classes and fields written back as Python for hovers: the annotation, the default and
// the Field(...) arguments Seam read, and the DB column behind a field when an ORM model has one.
import type { ModelConfigFact } from '../core/facts';
import type { IndexView, ResolvedEntity, ResolvedField } from '../core/index/resolved';
import { ORM_KINDS, ormAttributeOf, ormModelOf } from '../core/pairing/orm-model';

const MAX_CLASS_FIELDS = 25;

/**
 * `description: Optional[str] = Field(default=None, max_length=1000)`; SQLAlchemy attributes
 * are written with `mapped_column(...)`, whatever style the source uses.
 */
export function pythonFieldSource(field: ResolvedField, ownerKind?: string): string {
  if (field.computed)
    return `@computed_field\n@property\ndef ${field.name}(self) -> ${field.type}: ...`;
  const annotation = field.type ? `${field.name}: ${field.type}` : field.name;
  const sqlalchemy = ownerKind === 'sqlalchemy-model';
  const args = sqlalchemy ? columnArguments(field) : fieldArguments(field);
  const docstring = field.docstring ? `\n"""${field.docstring}"""` : '';
  const callee = sqlalchemy ? 'mapped_column' : 'Field';
  if (args.length) return `${annotation} = ${callee}(${args.join(', ')})${docstring}`;
  if (field.defaultText !== undefined) return `${annotation} = ${field.defaultText}${docstring}`;
  return annotation + docstring;
}

function fieldArguments(field: ResolvedField): string[] {
  const args: string[] = [];
  const extra = [
    ...aliasArguments(field),
    ...ormArguments(field),
    ...Object.entries(field.constraints ?? {})
      .filter(([key]) => key !== 'description' || !field.docstring)
      .map(([key, value]) => `${key}=${value}`),
  ];
  if (!extra.length) return [];
  if (field.defaultText?.startsWith('default_factory=')) args.push(field.defaultText);
  else if (field.defaultText !== undefined) args.push(`default=${field.defaultText}`);
  return [...args, ...extra];
}

function ormArguments(field: ResolvedField): string[] {
  const args: string[] = [];
  if (field.primaryKey) args.push('primary_key=True');
  if (field.foreignKey) args.push(`foreign_key=${JSON.stringify(field.foreignKey)}`);
  if (field.unique) args.push('unique=True');
  if (field.index) args.push('index=True');
  return args;
}

function columnArguments(field: ResolvedField): string[] {
  const args: string[] = [];
  if (field.column && field.column !== field.name) args.push(JSON.stringify(field.column));
  if (field.foreignKey) args.push(`ForeignKey(${JSON.stringify(field.foreignKey)})`);
  if (field.primaryKey) args.push('primary_key=True');
  if (field.unique) args.push('unique=True');
  if (field.index) args.push('index=True');
  if (field.defaultText !== undefined) args.push(`default=${field.defaultText}`);
  if (field.serverDefault) args.push(`server_default=${field.serverDefault}`);
  return args;
}

function aliasArguments(field: ResolvedField): string[] {
  const args: string[] = [];
  if (field.alias) args.push(`alias=${JSON.stringify(field.alias)}`);
  if (field.serializationAlias && field.serializationAlias !== field.alias)
    args.push(`serialization_alias=${JSON.stringify(field.serializationAlias)}`);
  if (field.validationAlias && field.validationAlias !== field.alias)
    args.push(`validation_alias=${JSON.stringify(field.validationAlias)}`);
  return args;
}

/** The class header (`class PartResponse(PartBase):`) with its docstring and model_config. */
export function pythonClassHeader(entity: ResolvedEntity): string[] {
  const keywords = Object.entries(entity.classKeywords ?? {}).map(([k, v]) => `${k}=${v}`);
  const bases = [...entity.bases, ...keywords].join(', ');
  const lines = [`class ${entity.name}${bases ? `(${bases})` : ''}:`];
  if (entity.docstring) lines.push(`    """${entity.docstring.split('\n')[0]}"""`);
  const config = configSource(entity.config);
  if (config) lines.push(`    model_config = ${config}`);
  return lines;
}

function configSource(config: ModelConfigFact | undefined): string | undefined {
  if (!config) return undefined;
  const args: string[] = [];
  if (config.fromAttributes) args.push('from_attributes=True');
  if (config.populateByName) args.push('populate_by_name=True');
  if (config.aliasGenerator) args.push(`alias_generator=${config.aliasGenerator}`);
  if (config.extra) args.push(`extra="${config.extra}"`);
  return args.length ? `ConfigDict(${args.join(', ')})` : undefined;
}

/** The whole class: own fields first, then the inherited ones under the base they come from. */
export function pythonClassSource(entity: ResolvedEntity): string {
  const lines = pythonClassHeader(entity);
  const fields = entity.fields.filter((f) => !f.excluded);
  let base = entity.id;
  for (const field of fields.slice(0, MAX_CLASS_FIELDS)) {
    if (field.declaredIn !== base) {
      base = field.declaredIn;
      lines.push(`    # from ${base.split('#')[1]}`);
    }
    lines.push(...indent(pythonFieldSource(field, entity.kind)));
  }
  if (fields.length > MAX_CLASS_FIELDS)
    lines.push(`    # … ${fields.length - MAX_CLASS_FIELDS} more`);
  if (!fields.length) lines.push('    ...');
  return lines.join('\n');
}

/** A field under the header of the class that declares it. */
export function pythonFieldInClass(view: IndexView, field: ResolvedField): string {
  const owner = view.entityById.get(field.declaredIn);
  const header = owner ? pythonClassHeader(owner).filter((l) => !l.includes('model_config')) : [];
  return [...header, ...indent(pythonFieldSource(field, owner?.kind))].join('\n');
}

function indent(source: string): string[] {
  return source.split('\n').map((line) => `    ${line}`);
}

export interface ColumnInfo {
  model: ResolvedEntity;
  attribute: ResolvedField;
}

/** The ORM attribute behind a backend field: its own, or its schema's ORM model's. */
export function columnOf(
  view: IndexView,
  entity: ResolvedEntity,
  field: ResolvedField,
): ColumnInfo | undefined {
  if (ORM_KINDS.has(entity.kind))
    return isColumn(field) ? { model: entity, attribute: field } : undefined;
  const model = ormModelOf(view, entity);
  const attribute = model && ormAttributeOf(model, field);
  return model && attribute && isColumn(attribute) ? { model, attribute } : undefined;
}

function isColumn(field: ResolvedField): boolean {
  return !field.relationship && !field.computed && !field.excluded;
}

/** "DB column `parts.location_id` · NULL allowed · foreign key → locations.id · no index" */
export function describeColumn({ model, attribute }: ColumnInfo): string {
  const table = model.tableName ?? model.name;
  const parts = [`DB column \`${table}.${attribute.column ?? attribute.name}\``];
  if (attribute.primaryKey) parts.push('primary key');
  else parts.push(attribute.nullable ? 'NULL allowed' : 'NOT NULL');
  if (attribute.foreignKey) parts.push(`foreign key → ${attribute.foreignKey}`);
  if (attribute.unique) parts.push('unique');
  else if (attribute.index) parts.push('indexed');
  if (attribute.serverDefault) parts.push(`server default ${attribute.serverDefault}`);
  return parts.join(' · ');
}
