// Code actions: the quick fixes each finding carries (in the diagnostic's `data.fixes`), fixes
// computed here from the document where a rule has none (index=True, `| null`, `?`, missing
// request fields), a seam-ignore comment for every Seam diagnostic, and two refactors on Python
// models: generate a TS interface, and keep a field's wire or column name stable.
import {
  CodeActionKind,
  type CodeAction,
  type CodeActionContext,
  type Diagnostic,
  type Position,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import type { FindingEdit, FindingFix } from '../core/findings/finding';
import { entitiesInFile, lineAt, symbolAt } from '../core/index/symbol-at';
import type { ResolvedEntity, ResolvedField } from '../core/index/resolved';
import { ORM_KINDS } from '../core/pairing/orm-model';
import { typeScriptForWire } from '../core/shapes/wire-to-typescript';
import { ClientCommands, type GenerateTsInterfaceParams } from '../protocol';
import type { RootState, SeamSession } from '../session/seam-session';
import { analyzeFile, uriOf, type FileAnalysis } from './feature-context';
import {
  addColumnName,
  addFieldAlias,
  addKeywordArgument,
  fieldCall,
  hasColumnName,
  importFieldEdit,
} from './python-edits';
import { addNull, removeNull, removeOptional } from './typescript-edits';

const SCHEMA_KINDS = new Set(['pydantic-model', 'sqlmodel-model', 'sqlmodel-table']);
const GENERATE_KINDS = new Set([...SCHEMA_KINDS, 'sqlalchemy-model']);

interface DiagnosticData {
  fixes?: FindingFix[];
  pair?: { frontend: string; backend: string };
}

export function codeActions(
  session: SeamSession,
  uri: string,
  position: Position,
  context: CodeActionContext,
): CodeAction[] {
  const analysis = analyzeFile(session, uri);
  if (!analysis) return [];
  const actions: CodeAction[] = [];
  for (const diagnostic of context.diagnostics.filter((d) => d.source === 'seam')) {
    actions.push(...findingFixes(analysis.root, diagnostic));
    actions.push(...computedFixes(analysis, diagnostic));
    actions.push(...seamIgnoreFix(analysis, diagnostic));
  }
  actions.push(...refactors(analysis, position));
  return actions.filter((action) => wanted(context.only, action.kind));
}

/** The editor may ask for some kinds only (`quickfix`, `refactor`, `refactor.rewrite`...). */
function wanted(only: string[] | undefined, kind: string | undefined): boolean {
  if (!only?.length || !kind) return true;
  return only.some((k) => kind === k || kind.startsWith(`${k}.`));
}

/** The fixes a rule attached to its finding; their files are relative to the root. */
function findingFixes(root: RootState, diagnostic: Diagnostic): CodeAction[] {
  const fixes = (diagnostic.data as DiagnosticData | undefined)?.fixes ?? [];
  return fixes.map((fix) => ({
    title: fix.title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    isPreferred: fix.preferred ?? false,
    edit: workspaceEdit(root, fix.edits),
  }));
}

export function workspaceEdit(root: RootState, edits: FindingEdit[]): WorkspaceEdit {
  const changes: Record<string, TextEdit[]> = {};
  for (const edit of edits) {
    const uri = uriOf(root, edit.file);
    (changes[uri] ??= []).push({ range: edit.range, newText: edit.newText });
  }
  return { changes };
}

/** Fixes for findings whose rule attaches none, computed from the document's text. */
function computedFixes(analysis: FileAnalysis, diagnostic: Diagnostic): CodeAction[] {
  const data = diagnostic.data as DiagnosticData | undefined;
  if (data?.fixes?.length) return [];
  const { text } = analysis;
  const at = diagnostic.range;
  const fix = (title: string, edit: TextEdit | undefined, preferred = true): CodeAction[] =>
    edit ? [quickFix(analysis, diagnostic, title, [edit], preferred)] : [];
  switch (diagnostic.code) {
    case 'foreign-key-index': {
      const call = fieldCall(text, at);
      return fix('Add index=True', call && addKeywordArgument(text, call, 'index=True'));
    }
    case 'field-nullability':
      return [
        ...fix('Remove `| null`', removeNull(text, at)),
        ...fix('Add `| null`', addNull(text, at)),
      ];
    case 'field-optionality':
      return fix('Make it required (remove `?`)', removeOptional(text, at));
    case 'request-field-required':
      return [
        ...fix('Make it required (remove `?`)', removeOptional(text, at)),
        ...missingRequestFields(analysis, diagnostic, data),
      ];
    default:
      return [];
  }
}

function quickFix(
  analysis: FileAnalysis,
  diagnostic: Diagnostic,
  title: string,
  edits: TextEdit[],
  preferred: boolean,
): CodeAction {
  return {
    title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    isPreferred: preferred,
    edit: { changes: { [analysis.uri]: edits } },
  };
}

/** Adds the fields a request schema requires and the TS interface lacks, with wire types. */
function missingRequestFields(
  analysis: FileAnalysis,
  diagnostic: Diagnostic,
  data: DiagnosticData | undefined,
): CodeAction[] {
  const mirror = data?.pair && analysis.mirrors.pairOf(data.pair.frontend, data.pair.backend);
  if (!mirror || mirror.frontend.kind !== 'ts-interface') return [];
  if (diagnostic.range.start.line !== mirror.frontend.range.start.line) return [];
  const comparison = analysis.mirrors.comparison(mirror.pair, 'request');
  const missing = comparison?.backendOnly.filter((field) => field.required) ?? [];
  if (!missing.length) return [];
  const mirrorName = (id: string) => analysis.mirrors.frontendNameOf(id);
  const lines = missing.map((f) => `  ${f.key}: ${typeScriptForWire(f.type, mirrorName)};\n`);
  const end = mirror.frontend.fullRange.end;
  const at = { line: end.line, character: Math.max(0, end.character - 1) };
  const keys = missing.map((f) => `\`${f.key}\``).join(', ');
  const title = `Add the required ${plural(missing.length, 'field')} ${keys}`;
  return [
    quickFix(
      analysis,
      diagnostic,
      title,
      [{ range: { start: at, end: at }, newText: lines.join('') }],
      true,
    ),
  ];
}

/**
 * `// seam-ignore <code>: <reason>` (or `#`) on a line of its own above the finding. Above a
 * line that a JSDoc ends on, the comment goes at the end of the finding's line instead, so the
 * JSDoc stays attached to its declaration.
 */
function seamIgnoreFix(analysis: FileAnalysis, diagnostic: Diagnostic): CodeAction[] {
  const code = diagnostic.code;
  if (typeof code !== 'string' || code === 'seam-ignore-reason') return [];
  const line = diagnostic.range.start.line;
  const text = lineAt(analysis.text, line) ?? '';
  const marker = analysis.file.endsWith('.py') ? '#' : '//';
  const comment = `${marker} seam-ignore ${code}: <reason>`;
  const previous = line > 0 ? (lineAt(analysis.text, line - 1) ?? '') : '';
  const trailing = marker === '//' && previous.trimEnd().endsWith('*/');
  const edit: TextEdit = trailing
    ? { range: pointRange({ line, character: text.length }), newText: ` ${comment}` }
    : {
        range: pointRange({ line, character: 0 }),
        newText: `${/^\s*/.exec(text)![0]}${comment}\n`,
      };
  return [
    quickFix(
      analysis,
      diagnostic,
      `Ignore ${code} here (seam-ignore with a reason)`,
      [edit],
      false,
    ),
  ];
}

function pointRange(position: Position) {
  return { start: position, end: position };
}

/** Refactors on a Python model's header line or on one of its fields. */
function refactors(analysis: FileAnalysis, position: Position): CodeAction[] {
  if (!analysis.file.endsWith('.py')) return [];
  const header = entitiesInFile(analysis.view, analysis.file).find(
    (e) => e.range.start.line === position.line && GENERATE_KINDS.has(e.kind),
  );
  if (header) return [generateInterfaceAction(analysis, header)];
  const symbol = symbolAt(analysis.view, analysis.file, position);
  if (symbol?.kind !== 'field' || symbol.field.computed) return [];
  return [
    ...keepWireNameAction(analysis, symbol.entity, symbol.field),
    ...keepColumnNameAction(analysis, symbol.entity, symbol.field),
  ];
}

function generateInterfaceAction(analysis: FileAnalysis, entity: ResolvedEntity): CodeAction {
  const params: GenerateTsInterfaceParams = { uri: analysis.uri, entity: entity.id };
  const title = `Generate TS interface from ${entity.name}`;
  return {
    title,
    kind: CodeActionKind.Refactor,
    command: { title, command: ClientCommands.generateTsInterface, arguments: [params] },
  };
}

/** Pins the wire key with an alias, so renaming the Python attribute leaves the JSON as is. */
function keepWireNameAction(
  analysis: FileAnalysis,
  entity: ResolvedEntity,
  field: ResolvedField,
): CodeAction[] {
  if (!SCHEMA_KINDS.has(entity.kind) || field.alias || field.serializationAlias) return [];
  const edit = addFieldAlias(analysis.text, field.range, field.wireName);
  if (!edit) return [];
  const module = entity.kind === 'pydantic-model' ? 'pydantic' : 'sqlmodel';
  const importEdit = importFieldEdit(analysis.text, module);
  return [
    {
      title: `Keep the wire name "${field.wireName}" stable: add alias="${field.wireName}"`,
      kind: CodeActionKind.RefactorRewrite,
      edit: { changes: { [analysis.uri]: importEdit ? [importEdit, edit] : [edit] } },
    },
  ];
}

/** Pins the DB column name as the first argument of mapped_column(...)/Column(...). */
function keepColumnNameAction(
  analysis: FileAnalysis,
  entity: ResolvedEntity,
  field: ResolvedField,
): CodeAction[] {
  if (!ORM_KINDS.has(entity.kind) || field.relationship) return [];
  const call = fieldCall(analysis.text, field.range);
  if (!call || call.callee === 'Field' || hasColumnName(analysis.text, call)) return [];
  const column = field.column ?? field.name;
  return [
    {
      title: `Keep the column name "${column}" stable: ${call.callee}("${column}", …)`,
      kind: CodeActionKind.RefactorRewrite,
      edit: { changes: { [analysis.uri]: [addColumnName(analysis.text, call, column)] } },
    },
  ];
}

function plural(count: number, noun: string): string {
  return count === 1 ? noun : `${noun}s`;
}
