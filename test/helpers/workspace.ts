// Test helper: a workspace index built in memory from a table of files, through the real parser.
import { extractFacts } from '../../server/src/core/extract';
import { WorkspaceIndex } from '../../server/src/core/index/workspace-index';
import type { TsPathConfig } from '../../server/src/core/index/typescript-modules';
import { initSyntax } from '../../server/src/core/syntax/parser';
import { dedent } from './facts';

export async function indexOf(
  files: Record<string, string>,
  tsConfigs: TsPathConfig[] = [],
): Promise<WorkspaceIndex> {
  await initSyntax();
  const index = new WorkspaceIndex();
  index.setTsConfigs(tsConfigs);
  for (const [file, text] of Object.entries(files)) {
    index.setFile(extractFacts(file, dedent(text)).facts);
  }
  return index;
}
