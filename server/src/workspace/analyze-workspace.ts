// Loads a workspace from disk and checks it: the one path from a folder to findings that the
// CLI commands share.
import type { SeamConfig } from '../core/config/seam-config';
import { checkWorkspace, type CheckResult } from '../core/findings/check';
import type { Logger } from '../core/log';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { loadSeamConfig } from './load-config';
import { parallelLoader } from './load-in-worker';
import type { LoadedWorkspace, LoadOptions } from './load-workspace';

/**
 * Loads a root for a CLI command: split between worker threads (the bundled index-worker.js
 * beside the CLI) on a machine with several cores, else in this thread.
 */
export function loadForCommand(root: string, options: LoadOptions): Promise<LoadedWorkspace> {
  const script = join(__dirname, 'index-worker.js');
  return parallelLoader(script, Math.min(availableParallelism(), MAX_THREADS))(root, options);
}

/** Threads beyond this add memory more than speed: the view and the rules run in one thread. */
const MAX_THREADS = 4;

export interface AnalyzedWorkspace extends CheckResult {
  workspace: LoadedWorkspace;
  config: SeamConfig;
  configProblems: string[];
}

export async function analyzeWorkspace(root: string, logger?: Logger): Promise<AnalyzedWorkspace> {
  const { config, problems } = loadSeamConfig(root);
  const workspace = await loadForCommand(root, {
    logger,
    include: config.include,
    exclude: config.exclude,
  });
  const result = checkWorkspace(workspace.index.view(), workspace.index.allFacts(), config, logger);
  return { ...result, workspace, config, configProblems: problems };
}
