// `seam check --format github`: GitHub Actions workflow commands, one annotation per finding.
import type { Finding, Severity } from '../../core/findings/finding';

const COMMAND: Record<Severity, string> = {
  error: 'error',
  warning: 'warning',
  information: 'notice',
  hint: 'notice',
};

export function formatGithub(findings: Finding[]): string {
  return findings
    .map((finding) => {
      const { start, end } = finding.range;
      const properties = [
        `file=${escapeProperty(finding.file)}`,
        `line=${start.line + 1}`,
        `col=${start.character + 1}`,
        `endLine=${end.line + 1}`,
        `endColumn=${end.character + 1}`,
        `title=${escapeProperty(`Seam ${finding.code}`)}`,
      ];
      return `::${COMMAND[finding.severity]} ${properties.join(',')}::${escapeData(finding.message)}`;
    })
    .join('\n');
}

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
