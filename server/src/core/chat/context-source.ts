// The code of an entity for the chat context: its real source text when the file can be read,
// else a declaration rebuilt from the index facts (TS type, Pydantic class, ORM model).
import type { ResolvedEntity, ResolvedField } from '../index/resolved';

/** Lines of source longer than this are not worth the tokens; the index facts stand in. */
const MAX_SOURCE_LINES = 400;

export function entitySource(
  entity: ResolvedEntity,
  readText?: (file: string) => string | undefined,
): string {
  const real = readRange(entity, readText);
  if (real !== undefined) return real;
  return entity.language === 'typescript' ? rebuildTypeScript(entity) : rebuildPython(entity);
}

function readRange(
  entity: ResolvedEntity,
  readText?: (file: string) => string | undefined,
): string | undefined {
  let text: string | undefined;
  try {
    text = readText?.(entity.file);
  } catch {
    return undefined;
  }
  if (text === undefined) return undefined;

  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const { start, end } = entity.fullRange;
  if (end.line >= lines.length || end.line < start.line) return undefined;
  if (end.line - start.line >= MAX_SOURCE_LINES) return undefined;
  return lines.slice(start.line, end.line + 1).join('\n');
}

function rebuildTypeScript(entity: ResolvedEntity): string {
  const exported = entity.exported ? 'export ' : '';
  if (entity.kind === 'ts-enum') {
    const members = (entity.values ?? []).map((v) => `  ${v.name} = ${JSON.stringify(v.value)},`);
    return [`${exported}enum ${entity.name} {`, ...members, '}'].join('\n');
  }
  if (entity.values?.length && !entity.fields.length) {
    const union = entity.values.map((v) => JSON.stringify(v.value)).join(' | ');
    return `${exported}type ${entity.name} = ${union};`;
  }
  const members = entity.fields.map(
    (field) => `  ${field.wireName}${field.optional ? '?' : ''}: ${field.type || 'unknown'};`,
  );
  const lead = entity.kind === 'zod-schema' ? ['// zod schema: the fields z.infer gives'] : [];
  const typeParams = entity.typeParams.length ? `<${entity.typeParams.join(', ')}>` : '';
  return [...lead, `${exported}interface ${entity.name}${typeParams} {`, ...members, '}'].join(
    '\n',
  );
}

function rebuildPython(entity: ResolvedEntity): string {
  const keywords = Object.entries(entity.classKeywords ?? {}).map(([k, v]) => `${k}=${v}`);
  const bases = [...entity.bases, ...keywords];
  const header = `class ${entity.name}${bases.length ? `(${bases.join(', ')})` : ''}:`;
  if (entity.kind === 'enum') {
    const members = (entity.values ?? []).map((v) => `    ${v.name} = ${JSON.stringify(v.value)}`);
    return [header, ...(members.length ? members : ['    ...'])].join('\n');
  }

  const body: string[] = [];
  if (entity.tableName) body.push(`    __tablename__ = ${JSON.stringify(entity.tableName)}`);
  if (entity.config?.fromAttributes)
    body.push('    model_config = ConfigDict(from_attributes=True)');
  for (const field of entity.fields) body.push(`    ${pythonFieldLine(entity, field)}`);
  return [header, ...(body.length ? body : ['    ...'])].join('\n');
}

function pythonFieldLine(entity: ResolvedEntity, field: ResolvedField): string {
  const annotation = field.type ? `: ${field.type}` : '';
  const value = field.defaultText ? ` = ${defaultSource(field.defaultText)}` : '';
  const constraints = Object.entries(field.constraints ?? {}).map(([k, v]) => `${k}=${v}`);
  const notes = [...constraints, ...columnNotes(field)];
  if (field.declaredIn !== entity.id) notes.push(`from ${field.declaredIn.split('#')[1]}`);
  return `${field.name}${annotation}${value}${notes.length ? `  # ${notes.join(', ')}` : ''}`;
}

/** `default_factory=utcnow` is a keyword, not a value; it is shown inside `Field(...)`. */
function defaultSource(defaultText: string): string {
  return /^[A-Za-z_]\w*=/.test(defaultText) ? `Field(${defaultText})` : defaultText;
}

/** What the index knows about a field's column, said in words after the field. */
function columnNotes(field: ResolvedField): string[] {
  const notes: string[] = [];
  if (field.column && field.column !== field.name) notes.push(`column "${field.column}"`);
  if (field.primaryKey) notes.push('primary key');
  if (field.foreignKey) notes.push(`foreign key to ${field.foreignKey}`);
  if (field.index) notes.push('indexed');
  if (field.unique) notes.push('unique');
  if (field.serverDefault) notes.push(`server default ${field.serverDefault}`);
  if (field.relationship?.target) notes.push(`relationship to ${field.relationship.target}`);
  if (field.computed) notes.push('computed');
  if (field.alias) notes.push(`alias "${field.alias}"`);
  return notes;
}
