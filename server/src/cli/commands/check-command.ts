// `seam check`: every finding in a workspace, as text, JSON, SARIF or GitHub annotations. Exits 1
// when a finding at or above --fail-on exists.
import { Option, type Command } from 'commander';
import { resolve } from 'node:path';
import { SEVERITY_ORDER, type Severity } from '../../core/findings/finding';
import { RULES } from '../../core/rules/registry';
import { analyzeWorkspace } from '../../workspace/analyze-workspace';
import { formatGithub } from '../formats/github';
import { formatJson } from '../formats/json';
import { formatSarif } from '../formats/sarif';
import { formatText } from '../formats/text';
import { stderrLogger } from '../stderr-logger';
import { SEAM_VERSION } from '../version';

interface CheckOptions {
  format: 'text' | 'json' | 'sarif' | 'github';
  failOn: Severity | 'never';
  verbose?: boolean;
}

export function registerCheckCommand(program: Command): void {
  program
    .command('check')
    .description('report where the frontend, the API schemas and the models disagree')
    .argument('[dir]', 'workspace folder', '.')
    .addOption(
      new Option('--format <format>', 'output format')
        .choices(['text', 'json', 'sarif', 'github'])
        .default('text'),
    )
    .addOption(
      new Option('--fail-on <severity>', 'exit 1 when a finding at or above this severity exists')
        .choices(['error', 'warning', 'information', 'hint', 'never'])
        .default('error'),
    )
    .option('--verbose', 'log skipped files and timings to stderr')
    .action(async (dir: string, options: CheckOptions) => {
      const analyzed = await analyzeWorkspace(
        resolve(dir),
        options.verbose ? stderrLogger : undefined,
      );
      for (const problem of analyzed.configProblems) stderrLogger.warn(problem);
      process.stdout.write(`${formatFindings(analyzed.findings, options.format)}\n`);
      process.exitCode = shouldFail(analyzed.findings, options.failOn) ? 1 : 0;
    });
}

function formatFindings(
  findings: Parameters<typeof formatJson>[0],
  format: CheckOptions['format'],
) {
  switch (format) {
    case 'json':
      return formatJson(findings);
    case 'sarif':
      return formatSarif(findings, RULES, SEAM_VERSION);
    case 'github':
      return formatGithub(findings);
    case 'text':
      return formatText(findings, useColour());
  }
}

function useColour(): boolean {
  return !!process.stdout.isTTY && !process.env.NO_COLOR && process.env.TERM !== 'dumb';
}

export function shouldFail(findings: { severity: Severity }[], failOn: CheckOptions['failOn']) {
  if (failOn === 'never') return false;
  return findings.some((finding) => SEVERITY_ORDER[finding.severity] >= SEVERITY_ORDER[failOn]);
}
