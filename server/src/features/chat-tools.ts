// The requests behind Seam's language-model tools: `seam/findingsForTool` (the findings of a file,
// a folder or the workspace) and `seam/schemaLookup` (what a name denotes on both sides). Each
// finds the root, hands the core its index, pairs and findings, and adds file:// URIs.
import { existsSync } from 'node:fs';
import { isAbsolute, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findingsMarkdown, selectFindings } from '../core/chat/tool-findings';
import { DEFAULT_LOOKUP_LIMIT, lookUpSchema, type SchemaLookup } from '../core/chat/schema-lookup';
import type { Finding } from '../core/findings/finding';
import type {
  FindingsForToolParams,
  FindingsForToolResult,
  SchemaLookupMatch,
  SchemaLookupParams,
  SchemaLookupResult,
  ToolFinding,
} from '../protocol';
import type { RootState, SeamSession } from '../session/seam-session';
import { contextSourcesOf } from './chat-context';
import { uriOf } from './feature-context';

const SWITCHED_OFF =
  'Seam is switched off (the `seam.enable` setting is false), so it reports nothing.';
const NOT_INDEXED = 'Seam has not indexed a workspace folder yet.';

interface Scope {
  root: RootState;
  /** Root-relative file or folder; empty for the whole root. */
  path: string;
}

export function findingsForTool(
  session: SeamSession,
  params: FindingsForToolParams,
): FindingsForToolResult {
  const requested = params.file?.trim() ?? '';
  const unavailable = unavailableReason(session);
  if (unavailable) return emptyFindings(requested, unavailable);
  const scopes = requested ? scopeOf(session, requested) : wholeRoots(session);
  if (typeof scopes === 'string') return emptyFindings(requested, scopes);

  const findings: ToolFinding[] = [];
  const texts: string[] = [];
  let total = 0;
  for (const scope of scopes) {
    // The migration review's findings too, once it ran: the editor shows them as diagnostics.
    const all = [...session.check(scope.root).findings, ...(scope.root.migrationFindings ?? [])];
    const selection = selectFindings(all, scope.path, params.limit);
    findings.push(...selection.listed.map((finding) => toolFinding(scope.root, finding)));
    total += selection.total;
    const heading = scopes.length > 1 ? [`Workspace folder ${scope.root.path}:`] : [];
    texts.push([...heading, findingsMarkdown(selection, scope.path || undefined)].join('\n'));
  }
  const problems = requested && missingOnDisk(scopes) ? [`\`${requested}\` does not exist.`] : [];
  return {
    file: requested ? scopes[0].path : undefined,
    findings,
    total,
    text: [...problems, ...texts].join('\n\n'),
    problems,
  };
}

export function schemaLookup(session: SeamSession, params: SchemaLookupParams): SchemaLookupResult {
  const name = params.name?.trim() ?? '';
  const unavailable =
    unavailableReason(session) ?? (name ? undefined : 'No name was given to look up.');
  if (unavailable)
    return { name, matches: [], more: [], text: unavailable, problems: [unavailable] };

  const limit = params.limit ?? DEFAULT_LOOKUP_LIMIT;
  const lookups = session.roots.map((root) => ({
    root,
    lookup: lookUpRoot(session, root, name, limit),
  }));
  const found = lookups.filter(({ lookup }) => lookup.targets.length);
  // With several roots, only those where the name matched speak; else the first says "no match".
  const speaking = found.length ? found : lookups.slice(0, 1);
  return {
    name,
    matches: found.flatMap(({ root, lookup }) => matchesOf(root, lookup)),
    more: found.flatMap(({ lookup }) => lookup.more.map((target) => target.entity.id)),
    text: speaking
      .map(({ root, lookup }) =>
        speaking.length > 1 ? `Workspace folder ${root.path}:\n${lookup.text}` : lookup.text,
      )
      .join('\n\n'),
    problems: [],
  };
}

function lookUpRoot(session: SeamSession, root: RootState, name: string, limit: number) {
  return lookUpSchema(contextSourcesOf(session, root), name, limit);
}

function matchesOf(root: RootState, lookup: SchemaLookup): SchemaLookupMatch[] {
  return lookup.targets.map((target) => ({
    entity: target.entity.id,
    name: target.entity.name,
    kind: target.entity.kind,
    uri: uriOf(root, target.entity.file),
    range: target.entity.range,
    field: target.field?.name,
    pairs: (lookup.pairs.get(target) ?? []).map(({ pair, possible }) => ({
      frontend: pair.frontend,
      backend: pair.backend,
      direction: pair.direction,
      score: pair.score,
      evidence: pair.evidence,
      possible,
      findings: lookup.findingsPerPair.get(`${pair.frontend}\0${pair.backend}`) ?? 0,
    })),
  }));
}

function unavailableReason(session: SeamSession): string | undefined {
  if (!session.enabled) return SWITCHED_OFF;
  if (!session.roots.length) return NOT_INDEXED;
  return undefined;
}

function wholeRoots(session: SeamSession): Scope[] {
  return session.roots.map((root) => ({ root, path: '' }));
}

/**
 * The root and root-relative path of a file or folder given as a file:// URI, an absolute path
 * or a path relative to a workspace folder; a sentence saying why when it is outside them all.
 */
function scopeOf(session: SeamSession, requested: string): Scope[] | string {
  let path: string | undefined;
  try {
    if (requested.startsWith('file:')) path = fileURLToPath(requested);
  } catch {
    return `\`${requested}\` is not a valid file URI.`;
  }
  path ??= isAbsolute(requested) ? normalize(requested) : relativeToRoots(session, requested);
  const located = path ? session.locate(path) : undefined;
  if (!located) return `\`${requested}\` is outside the workspace folders Seam checks.`;
  return [{ root: located.root, path: located.file }];
}

/** The first root under which the relative path exists, else the path under the first root. */
function relativeToRoots(session: SeamSession, requested: string): string | undefined {
  const relative = requested.replace(/\\/g, '/').replace(/^\.\//, '');
  if (relative.split('/').includes('..')) return undefined;
  const candidates = session.roots.map((root) => join(root.path, relative));
  return candidates.find((candidate) => existsSync(candidate)) ?? candidates[0];
}

function missingOnDisk(scopes: Scope[]): boolean {
  return scopes.some((scope) => !existsSync(join(scope.root.path, scope.path)));
}

function toolFinding(root: RootState, finding: Finding): ToolFinding {
  return {
    code: finding.code,
    severity: finding.severity,
    message: finding.message,
    file: finding.file,
    uri: uriOf(root, finding.file),
    range: finding.range,
    pair: finding.pair,
  };
}

function emptyFindings(requested: string, problem: string): FindingsForToolResult {
  return {
    file: requested || undefined,
    findings: [],
    total: 0,
    text: problem,
    problems: [problem],
  };
}
