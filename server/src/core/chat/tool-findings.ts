// What the `seam_findings` language-model tool answers: the findings of a file, a folder or the
// whole workspace, each with its rule id, place and message, as Markdown a model reads well.
import { SEVERITY_ORDER, type Finding } from '../findings/finding';
import { renderFinding } from './context-render';

export const DEFAULT_TOOL_FINDINGS_LIMIT = 50;

export interface FindingsSelection {
  /** The findings listed: the most severe first chosen, then shown by file and line. */
  listed: Finding[];
  /** Findings in scope, listed or not. */
  total: number;
  /** Files the findings in scope are in. */
  files: number;
}

/**
 * The findings in `scope` (a workspace-relative file or folder; undefined or empty for all),
 * at most `limit` of them. When some must be left out, the least severe go first.
 */
export function selectFindings(
  findings: readonly Finding[],
  scope: string | undefined,
  limit = DEFAULT_TOOL_FINDINGS_LIMIT,
): FindingsSelection {
  const inScope = findings.filter((finding) => isInScope(finding.file, scope));
  const bySeverity = inScope
    .map((finding, index) => ({ finding, index }))
    .sort((a, b) => severityOf(b.finding) - severityOf(a.finding) || a.index - b.index);
  const chosen = new Set(bySeverity.slice(0, Math.max(0, limit)).map((item) => item.finding));
  return {
    listed: inScope.filter((finding) => chosen.has(finding)),
    total: inScope.length,
    files: new Set(inScope.map((finding) => finding.file)).size,
  };
}

/** True when `file` is the scope itself or lies in the scope's folder. */
export function isInScope(file: string, scope: string | undefined): boolean {
  if (!scope) return true;
  const folder = scope.replace(/\/+$/, '');
  return file === folder || file.startsWith(`${folder}/`);
}

function severityOf(finding: Finding): number {
  return SEVERITY_ORDER[finding.severity] ?? 0;
}

/** The selection as Markdown: a sentence on what was checked, then one item per finding. */
export function findingsMarkdown(selection: FindingsSelection, scope: string | undefined): string {
  const where = scope ? `\`${scope}\`` : 'the workspace';
  if (!selection.total) return `Seam reports no findings in ${where}.`;

  const count = selection.total === 1 ? '1 finding' : `${selection.total} findings`;
  const files = selection.files === 1 ? '1 file' : `${selection.files} files`;
  const lines = [
    `Seam reports ${count} in ${where} (${files}). Each gives the rule id, the severity, the ` +
      'place (workspace-relative path:line, lines from 1) and what differs, why it matters and ' +
      'what to do. Seam reads the code statically; nothing was run.',
    '',
    ...selection.listed.map(renderFinding),
  ];
  const left = selection.total - selection.listed.length;
  if (left > 0)
    lines.push('', `(${left} less severe findings are not listed; ask about one file or folder.)`);
  return lines.join('\n');
}
