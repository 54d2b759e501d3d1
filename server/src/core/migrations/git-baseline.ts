// The baseline of a project whose tables come from `create_all()` and are patched by scripts: the
// models as they were at a git revision (by default the commit that added the first script),
// read with Seam's own extractors. git runs with argument arrays, never through a shell.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { extractFacts } from '../extract';
import { WorkspaceIndex } from '../index/workspace-index';
import { describeError } from '../log';
import { modelTables, type ModelTable } from './model-tables';
import { emptyTable, type Schema, type SchemaTable } from './schema';

const run = promisify(execFile);

export type GitBaseline =
  { ok: true; revision: string; schema: Schema } | { ok: false; reason: string };

/** Runs git in `root`; stdout, or an error whose message says why git failed. */
async function git(root: string, args: string[]): Promise<string> {
  const { stdout } = await run('git', args, { cwd: root, maxBuffer: 64 * 1024 * 1024 });
  return stdout;
}

export async function gitBaseline(
  root: string,
  since: string | undefined,
  scripts: readonly string[],
  excluded: (file: string) => boolean,
): Promise<GitBaseline> {
  try {
    await git(root, ['rev-parse', '--show-toplevel']);
  } catch (error) {
    return { ok: false, reason: whyNoGit(error) };
  }
  try {
    const revision = since ?? (await firstScriptCommit(root, scripts));
    if (!revision) return { ok: false, reason: 'the repository has no commit yet' };
    const schema = await schemaAt(root, revision, excluded);
    return { ok: true, revision, schema };
  } catch (error) {
    return { ok: false, reason: `git failed: ${describeError(error).split('\n')[0]}` };
  }
}

function whyNoGit(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  if (code === 'ENOENT') return 'git is not installed';
  return 'the folder is not inside a git repository';
}

/** The commit that added the oldest of the scripts; HEAD when none of them is committed yet. */
async function firstScriptCommit(root: string, scripts: readonly string[]) {
  const added = await git(root, [
    'log',
    '--diff-filter=A',
    '--format=%H',
    '--reverse',
    '--',
    ...scripts,
  ]);
  const first = added.split('\n').find((line) => line.trim());
  if (first) return first.trim();
  const head = await git(root, ['rev-parse', '--verify', '--quiet', 'HEAD']).catch(() => '');
  return head.trim() || undefined;
}

/** The tables the models declared at `revision`, as a schema. */
async function schemaAt(root: string, revision: string, excluded: (file: string) => boolean) {
  const listed = await git(root, [
    'grep',
    '-l',
    '-E',
    '__tablename__|table=True',
    revision,
    '--',
    '*.py',
  ]).catch(() => '');
  const index = new WorkspaceIndex();
  const texts = new Map<string, string>();
  for (const line of listed.split('\n')) {
    const file = line.slice(line.indexOf(':') + 1).trim();
    if (!file || excluded(file)) continue;
    const text = await git(root, ['show', `${revision}:./${file}`]);
    texts.set(file, text);
    index.setFile(extractFacts(file, text).facts);
  }
  return schemaOfModels(modelTables(index.view(), excluded, (file) => texts.get(file)));
}

/** Tables as the models describe them: what `create_all()` made at the baseline. */
export function schemaOfModels(models: Map<string, ModelTable>): Schema {
  const schema: Schema = new Map();
  for (const model of models.values()) schema.set(model.name, tableOfModel(model));
  return schema;
}

function tableOfModel(model: ModelTable): SchemaTable {
  const entity = model.entities[0];
  const table = emptyTable(model.name, { file: entity.file, range: entity.range });
  for (const column of model.columns.values()) {
    const origin = { file: column.file, range: column.field.range };
    const type = { text: column.field.type, family: column.family, ...lengthOf(column.length) };
    table.columns.set(column.column, {
      name: column.column,
      type,
      nullable: column.nullable,
      primaryKey: !!column.field.primaryKey,
      origin,
    });
  }
  for (const index of model.indexes) {
    const origin = { file: index.file, range: index.range };
    table.indexes.push({ columns: index.columns, unique: index.unique, constraint: false, origin });
  }
  return table;
}

function lengthOf(length: number | undefined) {
  return length !== undefined ? { length } : {};
}
