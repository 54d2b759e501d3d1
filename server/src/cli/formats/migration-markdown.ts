// `seam review-migration --format markdown`: the review as a PR comment, findings grouped by
// severity, each with its file and line and the places it relates to.
import type { Finding, Severity } from '../../core/findings/finding';
import type { MigrationReview } from '../../core/migrations/review';

const SECTIONS: [Severity, string][] = [
  ['error', 'Errors'],
  ['warning', 'Warnings'],
  ['information', 'Information'],
  ['hint', 'Hints'],
];

export function formatMigrationMarkdown(review: MigrationReview): string {
  const lines = [`## Seam migration review: \`${review.migration || '.'}\``, ''];
  lines.push(revisionsLine(review), '', summaryLine(review.findings), '');
  for (const [severity, title] of SECTIONS) {
    const findings = review.findings.filter((finding) => finding.severity === severity);
    if (!findings.length) continue;
    lines.push(`### ${title} (${findings.length})`, '');
    for (const finding of findings) lines.push(...findingLines(finding));
    lines.push('');
  }
  return lines.join('\n').trimEnd() + '\n';
}

function revisionsLine(review: MigrationReview): string {
  const count = review.revisions.length;
  if (!count) return 'No Alembic revision under review.';
  const shown = review.revisions.slice(-5).map((revision) => {
    const message = revision.message ? ` ${revision.message}` : '';
    return `\`${revision.id ?? '?'}\`${message}`;
  });
  const more = count > 5 ? `${count - 5} earlier, then ` : '';
  return `Reviewed ${count} revision${count === 1 ? '' : 's'}: ${more}${shown.join(' → ')}.`;
}

function summaryLine(findings: Finding[]): string {
  if (!findings.length) return '**No findings.**';
  const parts = SECTIONS.map(
    ([severity]) => [severity, findings.filter((f) => f.severity === severity).length] as const,
  )
    .filter(([, count]) => count > 0)
    .map(
      ([severity, count]) =>
        `${count} ${severity}${count === 1 || severity === 'information' ? '' : 's'}`,
    );
  return `**${parts.join(', ')}**`;
}

function findingLines(finding: Finding): string[] {
  const where = `${finding.file}:${finding.range.start.line + 1}`;
  const lines = [`- **\`${finding.code}\`** \`${where}\`: ${finding.message}`];
  for (const related of finding.related.slice(0, 10)) {
    lines.push(`  - \`${related.file}:${related.range.start.line + 1}\` ${related.message}`);
  }
  if (finding.related.length > 10) lines.push(`  - and ${finding.related.length - 10} more`);
  return lines;
}
