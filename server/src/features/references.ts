// References across the seam: a field's family is the backend fields it lines up with and every
// TS field and zod key lining up with those; a type's family is the classes and types paired
// with it. Uses inside ordinary code are left to the language's own server.
import type { Location, Position } from 'vscode-languageserver/node';
import { symbolAt } from '../core/index/symbol-at';
import type { ResolvedField } from '../core/index/resolved';
import { fieldKey } from '../core/pairing/mirrors';
import type { SeamSession } from '../session/seam-session';
import { mirroredEntities } from './definition';
import { analyzeFile, entityLocation, fieldLocation, type FileAnalysis } from './feature-context';
import { uniqueLocations } from './locations';

export function references(
  session: SeamSession,
  uri: string,
  position: Position,
  includeDeclaration: boolean,
): Location[] {
  const analysis = analyzeFile(session, uri);
  if (!analysis) return [];
  const symbol = symbolAt(analysis.view, analysis.file, position);
  if (!symbol) return [];
  if (symbol.kind === 'entity') {
    const own = entityLocation(analysis.root, symbol.entity);
    const others = mirroredEntities(analysis, symbol.entity.id);
    return includeDeclaration ? uniqueLocations([own, ...others]) : others;
  }
  const family = fieldFamily(analysis, symbol.field).filter(
    (field) => includeDeclaration || fieldKey(field) !== fieldKey(symbol.field),
  );
  return uniqueLocations(family.map((field) => fieldLocation(analysis.root, field)));
}

/**
 * The backend fields a field lines up with (itself, for a Python field), then every frontend
 * field lining up with one of those: backend fields first.
 */
export function fieldFamily(analysis: FileAnalysis, field: ResolvedField): ResolvedField[] {
  const checked = (f: ResolvedField) => analysis.mirrors.ofField(f).filter((m) => !m.possible);
  const backend =
    analysis.view.entityById.get(field.declaredIn)?.language === 'python'
      ? [field]
      : checked(field).map((m) => m.backendField.field);
  const frontend = backend.flatMap((b) => checked(b).map((m) => m.frontendField.field));
  const seen = new Set<string>();
  return [field, ...backend, ...frontend].filter(
    (f) => !seen.has(fieldKey(f)) && !!seen.add(fieldKey(f)),
  );
}
