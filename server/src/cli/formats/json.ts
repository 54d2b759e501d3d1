// `seam check --format json`, version 1: a contract for CI users and tools. Add fields, never
// rename or remove them.
import type { Finding } from '../../core/findings/finding';

export const CHECK_JSON_VERSION = 1;

export function formatJson(findings: Finding[]): string {
  const diagnostics = findings.map((finding) => ({
    file: finding.file,
    range: finding.range,
    severity: finding.severity,
    code: finding.code,
    message: finding.message,
    related: finding.related,
    ...(finding.pair ? { pair: finding.pair } : {}),
    ...(finding.evidence ? { evidence: finding.evidence } : {}),
  }));
  return JSON.stringify({ version: CHECK_JSON_VERSION, diagnostics }, null, 2);
}
