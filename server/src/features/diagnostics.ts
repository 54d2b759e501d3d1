// Findings as LSP diagnostics, grouped by file. The related locations and the finding's fixes
// travel along (fixes in `data`) so code actions can offer them without re-checking.
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic } from 'vscode-languageserver/node';
import type { Finding, Severity } from '../core/findings/finding';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** Diagnostics per absolute file path, for every file with findings under `rootPath`. */
export function diagnosticsByFile(
  rootPath: string,
  findings: Finding[],
): Map<string, Diagnostic[]> {
  const byFile = new Map<string, Diagnostic[]>();
  for (const finding of findings) {
    const path = join(rootPath, finding.file);
    const list = byFile.get(path) ?? [];
    list.push(toDiagnostic(rootPath, finding));
    byFile.set(path, list);
  }
  return byFile;
}

export function toDiagnostic(rootPath: string, finding: Finding): Diagnostic {
  return {
    range: finding.range,
    severity: SEVERITY[finding.severity],
    code: finding.code,
    source: 'seam',
    message: finding.message,
    relatedInformation: finding.related.map((related) => ({
      location: { uri: fileUri(rootPath, related.file), range: related.range },
      message: related.message,
    })),
    ...(finding.code === 'response-field-unused' ? { tags: [DiagnosticTag.Unnecessary] } : {}),
    data: { fixes: finding.fixes ?? [], pair: finding.pair, evidence: finding.evidence },
  };
}

export function fileUri(rootPath: string, file: string): string {
  return pathToFileURL(join(rootPath, file)).toString();
}
