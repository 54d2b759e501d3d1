// `seam check --format sarif`: SARIF 2.1.0 for code-scanning services.
import type { Log, ReportingDescriptor, Result } from 'sarif';
import type { Finding, RelatedLocation, Severity } from '../../core/findings/finding';
import type { Range } from '../../core/facts';

const LEVEL: Record<Severity, Result.level> = {
  error: 'error',
  warning: 'warning',
  information: 'note',
  hint: 'note',
};

export interface SarifRule {
  id: string;
  doc: string;
  defaultSeverity: Severity;
}

export function formatSarif(
  findings: Finding[],
  rules: readonly SarifRule[],
  version: string,
): string {
  const descriptors: ReportingDescriptor[] = rules.map((rule) => ({
    id: rule.id,
    shortDescription: { text: rule.doc },
    defaultConfiguration: { level: LEVEL[rule.defaultSeverity] },
  }));
  const ruleIndex = new Map(rules.map((rule, i) => [rule.id, i]));
  const log: Log = {
    version: '2.1.0',
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    runs: [
      {
        tool: { driver: { name: 'Seam', version, rules: descriptors } },
        columnKind: 'utf16CodeUnits',
        results: findings.map((finding) => toResult(finding, ruleIndex.get(finding.code))),
      },
    ],
  };
  return JSON.stringify(log, null, 2);
}

function toResult(finding: Finding, ruleIndex: number | undefined): Result {
  return {
    ruleId: finding.code,
    ...(ruleIndex !== undefined ? { ruleIndex } : {}),
    level: LEVEL[finding.severity],
    message: { text: finding.message },
    locations: [location(finding.file, finding.range)],
    relatedLocations: finding.related.map((related, id) => relatedLocation(related, id)),
    ...(finding.evidence ? { properties: { evidence: finding.evidence, pair: finding.pair } } : {}),
  };
}

function location(file: string, range: Range) {
  return {
    physicalLocation: {
      artifactLocation: { uri: encodeURI(file), uriBaseId: '%SRCROOT%' },
      region: {
        startLine: range.start.line + 1,
        startColumn: range.start.character + 1,
        endLine: range.end.line + 1,
        endColumn: range.end.character + 1,
      },
    },
  };
}

function relatedLocation(related: RelatedLocation, id: number) {
  return { id, ...location(related.file, related.range), message: { text: related.message } };
}
