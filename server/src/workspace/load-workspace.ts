// Builds a workspace index from disk: discovers the files, reads and extracts each one, and
// reads tsconfig path aliases. Used by the CLI and by the server's first index.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { extractFacts, MAX_FILE_BYTES } from '../core/extract';
import { emptyFacts, type FileFacts } from '../core/facts';
import { WorkspaceIndex } from '../core/index/workspace-index';
import { describeError, silentLogger, type Logger } from '../core/log';
import { initSyntax } from '../core/syntax/parser';
import { discoverFiles, type DiscoveredFiles, type DiscoveryOptions } from './discover';
import { readTsPathConfigs } from './tsconfig';

/** The longest stretch indexing runs without letting other work in (one file may take longer). */
const YIELD_EVERY_MS = 20;

export interface LoadOptions extends DiscoveryOptions {
  logger?: Logger;
  /** Files already discovered (or a worker's share of them): extracted without discovering. */
  discovered?: DiscoveredFiles;
  /** Called after each file with the number done and the total. */
  onProgress?: (done: number, total: number) => void;
  /** Called with each file's facts as soon as they are extracted. */
  onFacts?: (facts: FileFacts) => void;
}

export interface LoadedWorkspace {
  root: string;
  index: WorkspaceIndex;
  files: string[];
  /** Files that gave no facts, with the reason. */
  skipped: { file: string; reason: string }[];
  milliseconds: number;
}

export async function loadWorkspace(
  root: string,
  options: LoadOptions = {},
): Promise<LoadedWorkspace> {
  const started = performance.now();
  const logger = options.logger ?? silentLogger;
  await initSyntax();
  const discovered = options.discovered ?? discoverFiles(root, options);
  const index = new WorkspaceIndex();
  index.setTsConfigs(readTsPathConfigs(root, discovered.projectConfigs));

  const skipped: { file: string; reason: string }[] = [];
  let lastYield = performance.now();
  for (const [i, file] of discovered.sources.entries()) {
    const facts = readAndExtract(root, file);
    const skip = facts.problems.find((problem) => problem.message.startsWith('skipped'));
    if (skip) skipped.push({ file, reason: skip.message });
    for (const problem of facts.problems)
      if (!problem.range) logger.warn(`${file}: ${problem.message}`);
    index.setFile(facts);
    options.onFacts?.(facts);
    options.onProgress?.(i + 1, discovered.sources.length);
    // Let the event loop breathe, so a server keeps answering and its progress reports leave.
    if (performance.now() - lastYield > YIELD_EVERY_MS) {
      await new Promise((resume) => setImmediate(resume));
      lastYield = performance.now();
    }
  }
  return {
    root,
    index,
    files: discovered.sources,
    skipped,
    milliseconds: performance.now() - started,
  };
}

/** Reads one workspace file and extracts its facts; unreadable files give empty facts. */
export function readAndExtract(root: string, file: string): FileFacts {
  const path = join(root, file);
  try {
    if (statSync(path).size > MAX_FILE_BYTES) {
      const facts = emptyFacts(file, file.endsWith('.py') ? 'python' : 'typescript');
      facts.problems.push({ message: `skipped: larger than ${MAX_FILE_BYTES} bytes` });
      return facts;
    }
    return extractFacts(file, withoutByteOrderMark(readFileSync(path, 'utf8'))).facts;
  } catch (error) {
    const facts = emptyFacts(file, file.endsWith('.py') ? 'python' : 'typescript');
    facts.problems.push({
      message: `skipped: unreadable (${describeError(error).split('\n')[0]})`,
    });
    return facts;
  }
}

/** Editors hide a leading byte order mark, so columns on the first line count without it. */
export function withoutByteOrderMark(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
