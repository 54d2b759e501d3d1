// What an Alembic environment says about its database: the dialect of `sqlalchemy.url` in
// alembic.ini or of URLs written in env.py, and whether env.py turns on `render_as_batch`
// (only useful on SQLite, so it marks a project that runs there).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Node } from 'web-tree-sitter';
import { parseText } from '../syntax/parser';
import { readPythonCall } from './python-values';
import type { SqlDialect } from './sql-parse';

export interface AlembicSettings {
  /** Dialects named by URLs in alembic.ini and env.py. */
  urlDialects: string[];
  renderAsBatch: boolean;
}

export interface DatabaseTarget {
  /** SQLite rules apply. */
  sqlite: boolean;
  /** The dialect whose branch of `if dialect == ...` the replay follows. */
  replayDialect: string;
  /** Dialects to read literal SQL with, most likely first. */
  sqlDialects: SqlDialect[];
}

const URL_SCHEMES: [string, string][] = [
  ['sqlite', 'sqlite'],
  ['postgresql', 'postgresql'],
  ['postgres', 'postgresql'],
  ['mysql', 'mysql'],
  ['mariadb', 'mysql'],
];

/** Reads env.py (absolute path) and the alembic.ini files in its folder and the folders above. */
export function readAlembicSettings(envFile: string, root: string): AlembicSettings {
  const settings: AlembicSettings = { urlDialects: [], renderAsBatch: false };
  const text = readText(envFile);
  if (text !== undefined) readEnvPy(text, settings);
  for (let dir = dirname(envFile); dir.startsWith(root); dir = dirname(dir)) {
    const ini = readText(join(dir, 'alembic.ini'));
    if (ini !== undefined) addDialect(settings, iniUrl(ini));
    if (dir === root || dirname(dir) === dir) break;
  }
  return settings;
}

function readText(path: string): string | undefined {
  try {
    return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
  } catch {
    return undefined;
  }
}

function readEnvPy(text: string, settings: AlembicSettings): void {
  const tree = parseText('python', text);
  if (!tree) return;
  try {
    for (const node of tree.rootNode.descendantsOfType(['call', 'string'])) {
      if (!node) continue;
      if (node.type === 'string') addDialect(settings, stringStart(node));
      else if (isBatchConfigure(node)) settings.renderAsBatch = true;
    }
  } finally {
    tree.delete();
  }
}

/** `context.configure(..., render_as_batch=True)`. */
function isBatchConfigure(node: Node): boolean {
  const call = readPythonCall(node);
  return call?.name === 'configure' && call.keywords.get('render_as_batch')?.type === 'true';
}

/** The first characters of a string literal's content (f-strings included). */
function stringStart(node: Node): string {
  const content = node.namedChildren.find((child) => child?.type === 'string_content');
  return content?.text.slice(0, 20) ?? '';
}

/** `sqlalchemy.url = sqlite:///./app.db` in the [alembic] section. */
function iniUrl(text: string): string {
  let section = '';
  for (const line of text.split(/\r?\n/)) {
    const trimmed = line.trim();
    if (trimmed.startsWith('[')) section = trimmed;
    const [key, ...value] = trimmed.split('=');
    if (section === '[alembic]' && key.trim() === 'sqlalchemy.url') return value.join('=').trim();
  }
  return '';
}

function addDialect(settings: AlembicSettings, url: string): void {
  const scheme = url.split(/[:+]/)[0].toLowerCase();
  const dialect = URL_SCHEMES.find(([prefix]) => scheme === prefix)?.[1];
  if (dialect && url.includes('://') && !settings.urlDialects.includes(dialect)) {
    settings.urlDialects.push(dialect);
  }
}

/** How the rules and the replay treat a project's database. */
export function databaseTarget(urlDialects: string[], renderAsBatch: boolean): DatabaseTarget {
  const sqliteOnly = urlDialects.length > 0 && urlDialects.every((d) => d === 'sqlite');
  const sqlite = urlDialects.includes('sqlite') || renderAsBatch;
  const other = urlDialects.find((d) => d !== 'sqlite');
  const replayDialect = sqliteOnly ? 'sqlite' : (other ?? 'postgresql');
  const sqlDialects: SqlDialect[] = sqliteOnly
    ? ['sqlite', 'postgresql', 'mysql']
    : ['postgresql', 'sqlite', 'mysql'];
  return { sqlite, replayDialect, sqlDialects };
}
