// `seam check --format text`: findings grouped by file, readable in a terminal, coloured only
// when writing to a terminal that wants colour.
import { styleText } from 'node:util';
import type { Finding, Severity } from '../../core/findings/finding';

type Style = Parameters<typeof styleText>[0];

const SEVERITY_STYLE: Record<Severity, Style> = {
  error: 'red',
  warning: 'yellow',
  information: 'blue',
  hint: 'gray',
};

export function formatText(findings: Finding[], colour: boolean): string {
  const paint = (style: Style, text: string) => (colour ? styleText(style, text) : text);
  if (!findings.length) return 'No findings.';
  const lines: string[] = [];
  let currentFile = '';
  for (const finding of findings) {
    if (finding.file !== currentFile) {
      if (currentFile) lines.push('');
      currentFile = finding.file;
      lines.push(paint('underline', finding.file));
    }
    const { line, character } = finding.range.start;
    const where = paint('dim', `${line + 1}:${character + 1}`.padEnd(8));
    const severity = paint(SEVERITY_STYLE[finding.severity], finding.severity.padEnd(12));
    lines.push(`  ${where}${severity}${paint('bold', finding.code)}`);
    lines.push(`          ${finding.message}`);
    for (const related of finding.related) {
      lines.push(
        paint(
          'dim',
          `          ↳ ${related.file}:${related.range.start.line + 1} ${related.message}`,
        ),
      );
    }
    if (finding.evidence?.length) {
      lines.push(paint('dim', `          paired by: ${shortEvidence(finding.evidence)}`));
    }
  }
  lines.push('', summaryLine(findings));
  return lines.join('\n');
}

function summaryLine(findings: Finding[]): string {
  const count = (severity: Severity) => findings.filter((f) => f.severity === severity).length;
  const parts = (['error', 'warning', 'information', 'hint'] as Severity[])
    .map((severity) => [severity, count(severity)] as const)
    .filter(([, n]) => n > 0)
    .map(
      ([severity, n]) =>
        `${n} ${severity === 'information' ? 'info' : severity}${n === 1 || severity === 'information' ? '' : 's'}`,
    );
  return `${findings.length} finding${findings.length === 1 ? '' : 's'}: ${parts.join(', ')}`;
}

/** The first routes and the field overlap; the full list is in the JSON output. */
function shortEvidence(evidence: string[]): string {
  const routes = evidence.filter((item) => item.startsWith('route '));
  const others = evidence.filter((item) => !item.startsWith('route '));
  const shown = [...routes.slice(0, 2), ...others];
  const more = routes.length > 2 ? ` (+${routes.length - 2} more routes)` : '';
  return shown.join('; ') + more;
}
