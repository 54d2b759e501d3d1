// Code lenses above paired types: "mirrors PartResponse · 2 mismatches" over a TS type (click:
// go to the backend class) and "3 frontend mirrors" over a Python class (click: peek at them).
import type { CodeLens, Location } from 'vscode-languageserver/node';
import { entitiesInFile } from '../core/index/symbol-at';
import type { ResolvedEntity } from '../core/index/resolved';
import type { EntityMirror } from '../core/pairing/mirrors';
import { ClientCommands, type GoToLocationArguments } from '../protocol';
import type { SeamSession } from '../session/seam-session';
import { analyzeFile, entityLocation, findingsOfPair, type FileAnalysis } from './feature-context';
import { uniqueLocations } from './locations';

export function codeLenses(session: SeamSession, uri: string): CodeLens[] {
  const analysis = analyzeFile(session, uri);
  if (!analysis) return [];
  const lenses: CodeLens[] = [];
  for (const entity of entitiesInFile(analysis.view, analysis.file)) {
    const mirrors = analysis.mirrors.ofEntity(entity.id).filter((m) => !m.possible);
    const asFrontend = mirrors.filter((m) => m.frontend.id === entity.id);
    const asBackend = mirrors.filter((m) => m.backend.id === entity.id);
    if (asFrontend.length) lenses.push(frontendLens(analysis, entity, asFrontend));
    if (asBackend.length) lenses.push(backendLens(analysis, entity, asBackend));
  }
  return lenses;
}

function frontendLens(
  analysis: FileAnalysis,
  entity: ResolvedEntity,
  mirrors: EntityMirror[],
): CodeLens {
  const names = [...new Set(mirrors.map((m) => m.backend.name))];
  const shown =
    names.length > 2 ? `${names.slice(0, 2).join(', ')} +${names.length - 2}` : names.join(', ');
  const findings = mirrors.reduce(
    (sum, m) => sum + findingsOfPair(analysis.check, m.pair.frontend, m.pair.backend),
    0,
  );
  const status = findings ? `${findings} mismatch${findings === 1 ? '' : 'es'}` : 'in sync';
  const targets = mirrors.map((m) => entityLocation(analysis.root, m.backend));
  return lens(analysis, entity, `mirrors ${shown} · ${status}`, targets);
}

function backendLens(
  analysis: FileAnalysis,
  entity: ResolvedEntity,
  mirrors: EntityMirror[],
): CodeLens {
  const targets = uniqueLocations(mirrors.map((m) => entityLocation(analysis.root, m.frontend)));
  const title = `${targets.length} frontend mirror${targets.length === 1 ? '' : 's'}`;
  return lens(analysis, entity, title, targets);
}

function lens(
  analysis: FileAnalysis,
  entity: ResolvedEntity,
  title: string,
  targets: Location[],
): CodeLens {
  const argument: GoToLocationArguments = {
    uri: analysis.uri,
    position: entity.range.start,
    locations: uniqueLocations(targets),
  };
  return {
    range: entity.range,
    command: { title, command: ClientCommands.goToLocation, arguments: [argument] },
  };
}
