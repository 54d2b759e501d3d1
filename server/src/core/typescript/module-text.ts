// Import and export statements read from their text. Their grammar is small, and one read of a
// statement's text costs far less than visiting its dozen nodes. A statement with a comment
// inside, or one these patterns do not cover, gives undefined and is read from the tree instead.
import type { ImportFact } from '../facts';
import { unquote } from '../syntax/nodes';

export type ImportedName = ImportFact['names'][number];

/** What an import or re-export says, before its range is added. */
export type ModuleReference = Omit<ImportFact, 'range'>;

const COMMENT = /\/\*|\/\//;

/** `with { type: 'json' }` import attributes, and the final semicolon. */
const STATEMENT_END = String.raw`\s*(?:(?:with|assert)\s*\{[^{}]*\}\s*)?;?$`;
const MODULE = String.raw`(?<quote>["'])(?<module>[^"'\n]*)\k<quote>`;
const NAME = String.raw`[\w$]+|"[^"\n]*"|'[^'\n]*'`;

const SIDE_EFFECT_IMPORT = new RegExp(String.raw`^import\s*${MODULE}${STATEMENT_END}`);
const REQUIRE_IMPORT = new RegExp(
  String.raw`^import\s+(?:type\s+)?(?<namespace>[\w$]+)\s*=\s*require\s*\(\s*${MODULE}\s*\)\s*;?$`,
);
const IMPORT_FROM = new RegExp(
  String.raw`^import\s+(?<clause>[\s\S]*?)\s*\bfrom\s*${MODULE}${STATEMENT_END}`,
);
const EXPORT_LIST = new RegExp(
  String.raw`^export\s+(?:type\s+)?(?<list>\{[^{}]*\})\s*(?:from\s*${MODULE})?${STATEMENT_END}`,
);
const STAR_NAMESPACE = String.raw`(?:as\s+(?<namespace>${NAME})\s*)?`;
const EXPORT_STAR = new RegExp(
  String.raw`^export\s+(?:type\s+)?\*\s*${STAR_NAMESPACE}from\s*${MODULE}${STATEMENT_END}`,
);
const DEFAULT_THEN_REST = /^([\w$]+)\s*(?:,\s*|$)/;
const NAMESPACE_IMPORT = /^\*\s*as\s+([\w$]+)$/;
const SPECIFIER = new RegExp(String.raw`^(${NAME})(?:\s+as\s+(${NAME}))?$`);
const PLAIN_NAME = /^[\w$]+$/;

/** `import D, { A, B as C } from './x'` and the other import forms. */
export function importFromText(text: string): ModuleReference | undefined {
  if (COMMENT.test(text)) return undefined;
  const sideEffect = SIDE_EFFECT_IMPORT.exec(text)?.groups;
  if (sideEffect) return { module: sideEffect.module, names: [] };
  const required = REQUIRE_IMPORT.exec(text)?.groups;
  if (required) return { module: required.module, names: [], namespace: required.namespace };

  const match = IMPORT_FROM.exec(text)?.groups;
  const clause = match ? importClause(withoutTypeKeyword(match.clause)) : undefined;
  return match && clause ? { module: match.module, ...clause } : undefined;
}

/**
 * `import type D from` imports `D`, but `import type from` imports a default named `type`, and
 * `import type, { a } from` both.
 */
function withoutTypeKeyword(clause: string): string {
  const rest = /^type\s+([\s\S]+)$/.exec(clause)?.[1];
  return rest && !rest.startsWith(',') && !/^from\b/.test(rest) ? rest : clause;
}

function importClause(clause: string): Pick<ModuleReference, 'names' | 'namespace'> | undefined {
  const names: ImportedName[] = [];
  let rest = clause.trim();
  const defaultImport = DEFAULT_THEN_REST.exec(rest);
  if (defaultImport) {
    names.push({ name: 'default', alias: defaultImport[1] });
    rest = rest.slice(defaultImport[0].length);
  }
  if (rest === '') return { names };

  const namespace = NAMESPACE_IMPORT.exec(rest)?.[1];
  if (namespace) return { names, namespace };
  const listed = specifierList(rest);
  return listed ? { names: [...names, ...listed] } : undefined;
}

/** `{ A, type B, C as D, "e-f" as ef }`. */
function specifierList(text: string): ImportedName[] | undefined {
  const inside = /^\{([^{}]*)\}$/.exec(text)?.[1];
  if (inside === undefined) return undefined;
  const names: ImportedName[] = [];
  for (const part of inside.split(',')) {
    const trimmed = part.trim();
    // Most specifiers are a bare name, which is its own alias; this spares the patterns below.
    if (PLAIN_NAME.test(trimmed)) {
      names.push({ name: trimmed, alias: trimmed });
      continue;
    }
    const specifier = withoutSpecifierType(trimmed);
    if (specifier === '') continue;
    const match = SPECIFIER.exec(specifier);
    if (!match) return undefined;
    const name = unquote(match[1]) ?? match[1];
    names.push({ name, alias: match[2] ? (unquote(match[2]) ?? match[2]) : name });
  }
  return names;
}

/** `type B` imports `B`; `type as t` imports a binding named `type`. */
function withoutSpecifierType(specifier: string): string {
  if (/^type\s+as\s+[\w$]+$/.test(specifier) || specifier === 'type') return specifier;
  return specifier.replace(/^type\s+/, '');
}

/** `export { A, B as C }` (module undefined) and `export { A } from './a'`. */
export function exportListFromText(
  text: string,
): { module?: string; names: ImportedName[] } | undefined {
  if (COMMENT.test(text)) return undefined;
  const match = EXPORT_LIST.exec(text)?.groups;
  const names = match ? specifierList(match.list) : undefined;
  if (!match || !names) return undefined;
  return match.module === undefined ? { names } : { module: match.module, names };
}

/** `export * from './b'` and `export * as ns from './c'`. */
export function exportStarFromText(text: string): ModuleReference | undefined {
  if (COMMENT.test(text)) return undefined;
  const match = EXPORT_STAR.exec(text)?.groups;
  if (!match) return undefined;
  const { module, namespace } = match;
  if (!namespace) return { module, names: [{ name: '*', alias: '*' }] };
  return { module, names: [], namespace: unquote(namespace) ?? namespace };
}
