// Hover across the seam: on a TS type or field, the backend class or field it mirrors, written
// as Python with its DB column and the pair's evidence; on a Python class or field, the TS types
// and fields that mirror it. Pairs below the threshold show as "possible mirror".
import type { Hover, Position } from 'vscode-languageserver/node';
import { symbolAt, type SymbolAt } from '../core/index/symbol-at';
import type { ResolvedEntity, ResolvedField } from '../core/index/resolved';
import type { EntityMirror, FieldMirror } from '../core/pairing/mirrors';
import { fieldKey, sameField } from '../core/pairing/mirrors';
import { ORM_KINDS, ormModelOf, schemasOfOrmModel } from '../core/pairing/orm-model';
import { describeWire } from '../core/shapes/wire-type';
import type { SeamSession } from '../session/seam-session';
import {
  analyzeFile,
  entityLocation,
  fieldLocation,
  findingsOfPair,
  markdownLink,
  type FileAnalysis,
} from './feature-context';
import {
  columnOf,
  describeColumn,
  pythonClassSource,
  pythonFieldInClass,
} from './python-rendering';

const MAX_SECTIONS = 3;

export function hover(session: SeamSession, uri: string, position: Position): Hover | null {
  const analysis = analyzeFile(session, uri);
  if (!analysis) return null;
  const symbol = symbolAt(analysis.view, analysis.file, position, analysis.text);
  if (!symbol) return null;
  const sections = sectionsFor(analysis, symbol);
  if (!sections.length) return null;
  return {
    contents: { kind: 'markdown', value: sections.join('\n\n---\n\n') },
    range: symbol.range,
  };
}

function sectionsFor(analysis: FileAnalysis, symbol: SymbolAt): string[] {
  const typescript = symbol.entity.language === 'typescript';
  if (symbol.kind === 'entity') {
    return typescript
      ? frontendEntitySections(analysis, symbol.entity)
      : backendEntitySections(analysis, symbol.entity);
  }
  return typescript
    ? frontendFieldSections(analysis, symbol.field)
    : backendFieldSections(analysis, symbol.entity, symbol.field);
}

function frontendEntitySections(analysis: FileAnalysis, entity: ResolvedEntity): string[] {
  const mirrors = analysis.mirrors.ofEntity(entity.id).filter((m) => m.frontend.id === entity.id);
  return mirrors.slice(0, MAX_SECTIONS).map((mirror) => {
    const { backend } = mirror;
    const link = markdownLink(backend.name, entityLocation(analysis.root, backend));
    const lines = [mirrorHeading(analysis, mirror, link), pythonBlock(pythonClassSource(backend))];
    const model = ORM_KINDS.has(backend.kind) ? undefined : ormModelOf(analysis.view, backend);
    if (model) {
      const link = markdownLink(model.name, entityLocation(analysis.root, model));
      lines.push(`ORM model ${link}${model.tableName ? ` · table \`${model.tableName}\`` : ''}`);
    }
    lines.push(evidenceLine(mirror));
    const findings = findingsOfPair(analysis.check, mirror.pair.frontend, mirror.pair.backend);
    if (findings) lines.push(`${counted(findings, 'finding')} on this pair`);
    return lines.join('\n\n');
  });
}

function frontendFieldSections(analysis: FileAnalysis, field: ResolvedField): string[] {
  const mirrors = unique(
    analysis.mirrors.ofField(field).filter((m) => sameField(m.frontendField.field, field)),
    (m) => `${fieldKey(m.backendField.field)}\0${m.pair.backend}\0${m.direction}`,
  );
  return mirrors.slice(0, MAX_SECTIONS).map((mirror) => {
    const backendField = mirror.backendField.field;
    const name = `${mirror.backend.name}.${backendField.name}`;
    const link = markdownLink(name, fieldLocation(analysis.root, backendField));
    const lines = [
      mirrorHeading(analysis, mirror, link),
      pythonBlock(pythonFieldInClass(analysis.view, backendField)),
    ];
    const column = columnOf(analysis.view, mirror.backend, backendField);
    if (column) {
      const columnLink = markdownLink(
        `${column.model.name}.${column.attribute.name}`,
        fieldLocation(analysis.root, column.attribute),
      );
      lines.push(`${describeColumn(column)} (${columnLink})`);
    }
    const wire = describeWire(mirror.backendField.type);
    lines.push(`Wire key \`"${mirror.backendField.key}"\`: ${wire}${byNameNote(mirror)}`);
    lines.push(evidenceLine(mirror));
    return lines.join('\n\n');
  });
}

function backendEntitySections(analysis: FileAnalysis, entity: ResolvedEntity): string[] {
  const sections: string[] = [];
  const mirrors = analysis.mirrors.ofEntity(entity.id).filter((m) => m.backend.id === entity.id);
  if (mirrors.length) {
    const checked = mirrors.filter((m) => !m.possible).length;
    const lines = [
      `**Seam** · \`${entity.name}\` is mirrored by ${counted(checked, 'frontend type')}`,
      ...mirrors.map((mirror) => frontendEntityItem(analysis, mirror)),
    ];
    sections.push(lines.join('\n'));
  }
  if (ORM_KINDS.has(entity.kind)) {
    const schemas = schemasOfOrmModel(analysis.view, entity);
    if (schemas.length) {
      const links = schemas.map((s) => markdownLink(s.name, entityLocation(analysis.root, s)));
      sections.push(`**Seam** · schemas built on this ORM model: ${links.join(', ')}`);
    }
  }
  return sections;
}

function frontendEntityItem(analysis: FileAnalysis, mirror: EntityMirror): string {
  const { frontend, pair } = mirror;
  const link = markdownLink(frontend.name, entityLocation(analysis.root, frontend));
  const findings = findingsOfPair(analysis.check, pair.frontend, pair.backend);
  const parts = [`${link} in \`${frontend.file}\``, pair.direction, `score ${pair.score}`];
  if (findings) parts.push(counted(findings, 'finding'));
  return `- ${mirror.possible ? 'possible mirror: ' : ''}${parts.join(' · ')}`;
}

function backendFieldSections(
  analysis: FileAnalysis,
  entity: ResolvedEntity,
  field: ResolvedField,
): string[] {
  const mirrors = unique(
    analysis.mirrors.ofField(field).filter((m) => sameField(m.backendField.field, field)),
    (m) => `${fieldKey(m.frontendField.field)}\0${m.direction}`,
  );
  const lines: string[] = [];
  if (mirrors.length) {
    const checked = mirrors.filter((m) => !m.possible);
    const count = new Set(checked.map((m) => fieldKey(m.frontendField.field))).size;
    lines.push(
      `**Seam** · \`${entity.name}.${field.name}\` is mirrored by ${counted(count, 'TS field')}`,
      mirrors.map((mirror) => frontendFieldItem(analysis, mirror)).join('\n'),
    );
  }
  const column = ORM_KINDS.has(entity.kind) ? undefined : columnOf(analysis.view, entity, field);
  if (column) {
    const link = markdownLink(column.model.name, entityLocation(analysis.root, column.model));
    lines.push(`${describeColumn(column)} (ORM model ${link})`);
  }
  return lines.length ? [lines.join('\n\n')] : [];
}

function frontendFieldItem(analysis: FileAnalysis, mirror: FieldMirror): string {
  const tsField = mirror.frontendField.field;
  const link = markdownLink(
    `${mirror.frontend.name}.${tsField.name}`,
    fieldLocation(analysis.root, tsField),
  );
  const via = `${mirror.direction} via \`${mirror.backend.name}\``;
  const possible = mirror.possible ? 'possible mirror: ' : '';
  return `- ${possible}${link}: \`${tsField.type}\` · ${via}${byNameNote(mirror)}`;
}

function mirrorHeading(analysis: FileAnalysis, mirror: EntityMirror, target: string): string {
  const { pair } = mirror;
  if (mirror.possible) {
    const threshold = analysis.root.config.threshold;
    return (
      `**Seam** · possible mirror of ${target} · score ${pair.score}, below the pairing ` +
      `threshold ${threshold}, so Seam does not check it`
    );
  }
  return `**Seam** · mirrors ${target} · ${pair.direction} · score ${pair.score}`;
}

function evidenceLine(mirror: EntityMirror): string {
  const evidence = mirror.pair.evidence;
  const shown = evidence.slice(0, 3).join('; ');
  const more = evidence.length > 3 ? ` (+${evidence.length - 3} more)` : '';
  return `Paired by: ${shown}${more}`;
}

function byNameNote(mirror: FieldMirror): string {
  return mirror.byPythonName ? ' · TS uses the Python name, not the alias' : '';
}

function pythonBlock(source: string): string {
  return '```python\n' + source + '\n```';
}

/** `1 frontend type`, `2 frontend types` */
function counted(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function unique<T>(items: T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => !seen.has(key(item)) && !!seen.add(key(item)));
}
