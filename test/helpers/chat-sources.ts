// What chat reads of a workspace on disk, as the `seam ask` CLI builds it: the view, the pairs,
// the findings and the files' texts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ContextSources } from '../../server/src/core/chat/context';
import { analyzeWorkspace } from '../../server/src/workspace/analyze-workspace';

export async function contextSourcesOnDisk(root: string): Promise<ContextSources> {
  const analyzed = await analyzeWorkspace(root);
  return {
    view: analyzed.workspace.index.view(),
    pairing: analyzed.pairing,
    findings: analyzed.findings,
    readText: (file) => readFileSync(join(root, file), 'utf8'),
  };
}
