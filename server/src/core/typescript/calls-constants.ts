// ConstantFacts: top-level string constants that can start a URL (`const API_BASE = '/api'`) and
// `axios.create({ baseURL })` instances, for the index to substitute across files. The text
// finds the declarations that may be such constants; the module scope resolves them.
import type { Node } from 'web-tree-sitter';
import type { ConstantFact, FileFacts } from '../facts';
import { axiosInstanceBase, type ModuleScope } from './calls-module';
import { normaliseUrl, type UrlPiece } from './calls-url';

/**
 * A declaration that may be a URL constant or an axios instance (`const API = '/api'`, `= ''`,
 * `= 'http://...'`, `= import.meta.env...`, `= BASE + '/v1'`, `= axios.create(...)`), or an
 * `export default axios.create(...)`. Not anchored at line starts: a plain first word keeps the
 * search fast, and a local constant merely costs a needless look.
 */
const DECLARATION_SOURCE =
  'const[ \\t]+(?<name>[\\w$]+)[ \\t]*(?::[^=\\n]*)?=\\s*' +
  '(?:([\'"`])(?:/|https?:|\\$\\{|\\2)|import\\.meta|process\\.env|window\\.location' +
  '|[\\w$]+\\.create\\s*\\(|[A-Z_$][\\w$]*[ \\t]*(?:\\+|\\?\\?|\\|\\||;|$))' +
  '|(?<default>export[ \\t]+default[ \\t]+)[\\w$]+\\.create\\s*\\(';

/** `export default api`: published only when `api` is one of the constants found. */
const DEFAULT_NAME_SOURCE = '|(?<defaultName>export[ \\t]+default[ \\t]+)[\\w$]+[ \\t]*;?[ \\t]*$';

const MAY_DECLARE_CONSTANT = new RegExp(DECLARATION_SOURCE, 'm');
const CONSTANT_TEXT = new RegExp(DECLARATION_SOURCE + DEFAULT_NAME_SOURCE, 'gm');

/** Whether the file may declare a URL constant, so it must be read even without calls. */
export function mayDeclareConstants(text: string): boolean {
  return MAY_DECLARE_CONSTANT.test(text);
}

export function publishConstants(scope: ModuleScope, text: string, facts: FileFacts): void {
  const published = new Set<string>();
  for (const match of text.matchAll(CONSTANT_TEXT)) {
    const { name, default: exportDefault, defaultName } = match.groups ?? {};
    const fact = name
      ? namedConstant(name, scope)
      : (exportDefault ?? defaultName) && defaultConstant(scope.root, match.index, scope);
    if (!fact || published.has(fact.name)) continue;
    published.add(fact.name);
    facts.constants.push(fact);
  }
}

/** `const API = '/api'`, `export const api = axios.create({ baseURL: API })`. */
function namedConstant(name: string, scope: ModuleScope): ConstantFact | undefined {
  const declarator = scope.topLevel(name);
  if (!declarator) return undefined;
  const exported =
    declarator.parent?.parent?.type === 'export_statement' || scope.inExportList(name);
  const instance = scope.instance(name);
  if (instance) return constantFact(name, instance, 'axios-instance', exported);
  const pieces = scope.constant(name);
  const fact = pieces && constantFact(name, pieces, 'string', exported);
  return fact && isUrlValue(fact.value) ? fact : undefined;
}

/** `export default axios.create(...)`, or `export default api` naming a constant of this file. */
function defaultConstant(root: Node, index: number, scope: ModuleScope): ConstantFact | undefined {
  const statement = root.descendantForIndex(index)?.parent;
  if (statement?.type !== 'export_statement' || statement.parent?.type !== 'program') {
    return undefined;
  }
  const value = statement.childForFieldName('value');
  const instance = value && axiosInstanceBase(value, scope);
  if (instance) return constantFact('default', instance, 'axios-instance', true);
  if (value?.type !== 'identifier') return undefined;
  const named = namedConstant(value.text, scope);
  return named && { ...named, name: 'default', exported: true };
}

/**
 * Only string constants that can start a URL are published (`/api`, a full URL, an env base, an
 * imported base); the others still resolve the calls of this file.
 */
function isUrlValue(value: string): boolean {
  return value === '' || value.startsWith('/') || value.startsWith('{const:');
}

function constantFact(
  name: string,
  pieces: UrlPiece[],
  kind: ConstantFact['kind'],
  exported: boolean,
): ConstantFact {
  const url = normaliseUrl(pieces);
  const fact: ConstantFact = { name, value: url.path, kind, exported };
  if (url.unknownPrefix) fact.unknownPrefix = true;
  return fact;
}
