// Loads a workspace from disk and checks it: the one path from a folder to findings that the
// CLI commands share.
import type { SeamConfig } from '../core/config/seam-config';
import { checkWorkspace, type CheckResult } from '../core/findings/check';
import type { Logger } from '../core/log';
import { loadSeamConfig } from './load-config';
import { loadWorkspace, type LoadedWorkspace } from './load-workspace';

export interface AnalyzedWorkspace extends CheckResult {
  workspace: LoadedWorkspace;
  config: SeamConfig;
  configProblems: string[];
}

export async function analyzeWorkspace(root: string, logger?: Logger): Promise<AnalyzedWorkspace> {
  const { config, problems } = loadSeamConfig(root);
  const workspace = await loadWorkspace(root, {
    logger,
    include: config.include,
    exclude: config.exclude,
  });
  const result = checkWorkspace(workspace.index.view(), workspace.index.allFacts(), config, logger);
  return { ...result, workspace, config, configProblems: problems };
}
