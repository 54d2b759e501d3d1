// The `seam/pairsForFile` request: every pair a type declared in the file is a side of, for the
// client's "Seam: Show Pairs for This File" quick pick.
import { entitiesInFile } from '../core/index/symbol-at';
import type { EntityMirror } from '../core/pairing/mirrors';
import type { PairSummary } from '../protocol';
import type { SeamSession } from '../session/seam-session';
import { analyzeFile, entityLocation, findingsOfPair, type FileAnalysis } from './feature-context';

export function pairsForFile(session: SeamSession, uri: string): PairSummary[] {
  const analysis = analyzeFile(session, uri);
  if (!analysis) return [];
  const seen = new Set<EntityMirror>();
  const summaries: PairSummary[] = [];
  for (const entity of entitiesInFile(analysis.view, analysis.file)) {
    for (const mirror of analysis.mirrors.ofEntity(entity.id)) {
      if (seen.has(mirror)) continue;
      seen.add(mirror);
      summaries.push(summaryOf(analysis, mirror));
    }
  }
  return summaries;
}

function summaryOf(analysis: FileAnalysis, mirror: EntityMirror): PairSummary {
  const { pair } = mirror;
  return {
    frontend: pair.frontend,
    backend: pair.backend,
    direction: pair.direction,
    score: pair.score,
    evidence: pair.evidence,
    frontendLocation: entityLocation(analysis.root, mirror.frontend),
    backendLocation: entityLocation(analysis.root, mirror.backend),
    possible: mirror.possible,
    findings: findingsOfPair(analysis.check, pair.frontend, pair.backend),
  };
}
