// What every editor feature starts from: the document's root and relative path, its text, the
// root's index view, its latest check and the mirrors between the two languages. Undefined when
// Seam is switched off or the document lies outside every root.
import { fileURLToPath } from 'node:url';
import { fileUri } from './diagnostics';
import type { Location } from 'vscode-languageserver/node';
import type { Range } from '../core/facts';
import type { CheckResult } from '../core/findings/check';
import type { IndexView, ResolvedEntity, ResolvedField } from '../core/index/resolved';
import { Mirrors } from '../core/pairing/mirrors';
import type { RootState, SeamSession } from '../session/seam-session';

export interface FileAnalysis {
  session: SeamSession;
  root: RootState;
  uri: string;
  /** Path relative to the root, with forward slashes. */
  file: string;
  text: string;
  view: IndexView;
  check: CheckResult;
  mirrors: Mirrors;
}

const mirrorsByCheck = new WeakMap<CheckResult, Mirrors>();

export function analyzeFile(session: SeamSession, uri: string): FileAnalysis | undefined {
  if (!session.enabled) return undefined;
  const path = pathOfUri(uri);
  const located = session.locate(path);
  const text = session.document(uri)?.text ?? session.readText(path);
  if (!located || text === undefined) return undefined;
  const { root, file } = located;
  const check = session.check(root);
  const view = root.index.view();
  let mirrors = mirrorsByCheck.get(check);
  if (!mirrors) {
    mirrors = new Mirrors(view, check.pairing);
    mirrorsByCheck.set(check, mirrors);
  }
  return { session, root, uri, file, text, view, check, mirrors };
}

export function pathOfUri(uri: string): string {
  return uri.startsWith('file:') ? fileURLToPath(uri) : uri;
}

/** The file:// URI of a root-relative path. */
export function uriOf(root: RootState, file: string): string {
  return fileUri(root.path, file);
}

export function locationOf(root: RootState, file: string, range: Range): Location {
  return { uri: uriOf(root, file), range };
}

/** The file that declares a field (itself or the base it is inherited from). */
export function fileOfField(field: ResolvedField): string {
  return field.declaredIn.split('#')[0];
}

export function fieldLocation(root: RootState, field: ResolvedField): Location {
  return locationOf(root, fileOfField(field), field.range);
}

export function entityLocation(root: RootState, entity: ResolvedEntity): Location {
  return locationOf(root, entity.file, entity.range);
}

/** A markdown link to a place, `[text](file:///...#L42)`, as VS Code opens it at the line. */
export function markdownLink(text: string, location: Location): string {
  return `[${text}](${location.uri}#L${location.range.start.line + 1})`;
}

const findingCounts = new WeakMap<CheckResult, Map<string, number>>();

/** How many findings the latest check reported about a pair. */
export function findingsOfPair(check: CheckResult, frontend: string, backend: string): number {
  let counts = findingCounts.get(check);
  if (!counts) {
    counts = new Map();
    for (const finding of check.findings) {
      if (!finding.pair) continue;
      const key = `${finding.pair.frontend}\0${finding.pair.backend}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    findingCounts.set(check, counts);
  }
  return counts.get(`${frontend}\0${backend}`) ?? 0;
}
