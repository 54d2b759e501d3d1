// Go to definition across the seam: from a TS type or field declaration to the backend class or
// field it mirrors, and from a Python class or field to the TS declarations that mirror it. Type
// names merely used in code are left to the language's own server.
import type { Location, Position } from 'vscode-languageserver/node';
import { symbolAt } from '../core/index/symbol-at';
import { sameField } from '../core/pairing/mirrors';
import type { SeamSession } from '../session/seam-session';
import { analyzeFile, entityLocation, fieldLocation, type FileAnalysis } from './feature-context';
import { uniqueLocations } from './locations';

export function definition(session: SeamSession, uri: string, position: Position): Location[] {
  const analysis = analyzeFile(session, uri);
  if (!analysis) return [];
  const symbol = symbolAt(analysis.view, analysis.file, position);
  if (!symbol) return [];
  if (symbol.kind === 'entity') return mirroredEntities(analysis, symbol.entity.id);
  const typescript = symbol.entity.language === 'typescript';
  const mirrors = analysis.mirrors
    .ofField(symbol.field)
    .filter((m) => !m.possible)
    .map((m) => (typescript ? m.backendField.field : m.frontendField.field))
    .filter((field) => !sameField(field, symbol.field));
  return uniqueLocations(mirrors.map((field) => fieldLocation(analysis.root, field)));
}

/** The declarations on the other side of an entity's checked pairs. */
export function mirroredEntities(analysis: FileAnalysis, entityId: string): Location[] {
  const others = analysis.mirrors
    .ofEntity(entityId)
    .filter((m) => !m.possible)
    .map((m) => (m.frontend.id === entityId ? m.backend : m.frontend));
  return uniqueLocations(others.map((entity) => entityLocation(analysis.root, entity)));
}
