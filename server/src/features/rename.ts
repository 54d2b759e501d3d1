// Rename of a backend field across layers. Renaming a Python field renames, in one workspace edit:
// the field, the ORM attribute its schema reads (and the same field in the model's other
// schemas), and every TS field and zod key that mirrors one of them when the wire key changes.
// Code that uses the attribute (`part.name`) is not renamed here: the VS Code client asks each
// language's own rename provider for it (client/src/rename-usages.ts); other editors get the
// declarations only. Fields in generated clients are left alone, and no migration is written for
// a renamed column. To keep the JSON key or the column, run the "Keep the wire name / column name
// stable" refactor first.
import type { Position, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver/node';
import { applyAliasGenerator, toCamel } from '../core/index/alias-generators';
import { lineAt, symbolAt } from '../core/index/symbol-at';
import type { ResolvedEntity, ResolvedField } from '../core/index/resolved';
import { fieldKey, sameField, type FieldMirror } from '../core/pairing/mirrors';
import {
  ORM_KINDS,
  ormAttributeOf,
  ormModelOf,
  schemasOfOrmModel,
} from '../core/pairing/orm-model';
import type { SeamSession } from '../session/seam-session';
import { analyzeFile, fieldLocation, pathOfUri, type FileAnalysis } from './feature-context';

const PYTHON_KEYWORDS = new Set(
  (
    'False None True and as assert async await break class continue def del elif else except ' +
    'finally for from global if import in is lambda nonlocal not or pass raise return try while ' +
    'with yield'
  ).split(' '),
);

/** A rename Seam refuses, with the reason shown to the user. */
export class RenameRejected extends Error {}

interface Target {
  analysis: FileAnalysis;
  entity: ResolvedEntity;
  field: ResolvedField;
}

export function prepareRename(
  session: SeamSession,
  uri: string,
  position: Position,
): { range: Range; placeholder: string } | null {
  const target = targetAt(session, uri, position);
  return target ? { range: target.field.range, placeholder: target.field.name } : null;
}

export function rename(
  session: SeamSession,
  uri: string,
  position: Position,
  newName: string,
): WorkspaceEdit | null {
  const target = targetAt(session, uri, position);
  if (!target) return null;
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(newName) || PYTHON_KEYWORDS.has(newName)) {
    throw new RenameRejected(`"${newName}" is not a Python identifier.`);
  }
  const edits = new EditCollector(target.analysis);
  const fields = pythonFieldsToRename(target);
  for (const field of fields) edits.add(field, newName);
  for (const field of fields) {
    for (const mirror of target.analysis.mirrors.ofField(field)) {
      if (mirror.possible || !sameField(mirror.backendField.field, field)) continue;
      if (mirror.frontend.generated) continue;
      const key = renamedFrontendKey(mirror, newName);
      if (key) edits.add(mirror.frontendField.field, key);
    }
  }
  return edits.workspaceEdit();
}

/** A Python field's own declaration under the position, in a model Seam knows. */
function targetAt(session: SeamSession, uri: string, position: Position): Target | undefined {
  const analysis = analyzeFile(session, uri);
  if (!analysis || !analysis.file.endsWith('.py')) return undefined;
  const symbol = symbolAt(analysis.view, analysis.file, position);
  if (symbol?.kind !== 'field' || symbol.entity.kind === 'enum') return undefined;
  return { analysis, entity: symbol.entity, field: symbol.field };
}

/**
 * The field, the ORM attribute behind it, and the same-named fields of the other schemas built
 * on that ORM model: the attribute name is shared by all of them.
 */
function pythonFieldsToRename({ analysis, entity, field }: Target): ResolvedField[] {
  const { view } = analysis;
  const model = ORM_KINDS.has(entity.kind) ? entity : ormModelOf(view, entity);
  const attribute = model && !field.validationAlias ? ormAttributeOf(model, field) : undefined;
  const fields = [field];
  if (model && (attribute || model === entity)) {
    if (attribute) fields.push(attribute);
    for (const schema of schemasOfOrmModel(view, model)) {
      const same = schema.fields.find((f) => f.name === field.name && !f.validationAlias);
      if (same) fields.push(same);
    }
  }
  const seen = new Set<string>();
  return fields.filter((f) => !seen.has(fieldKey(f)) && !!seen.add(fieldKey(f)));
}

/**
 * The TS key after the rename, or undefined when the wire key does not change (an explicit
 * alias) or the TS key does not follow the Python name in a way Seam recognises.
 */
function renamedFrontendKey(mirror: FieldMirror, newName: string): string | undefined {
  const field = mirror.backendField.field;
  const wireKey = mirror.backendField.key;
  const generator = mirror.backend.config?.aliasGenerator;
  const generated = (name: string) => (generator ? applyAliasGenerator(generator, name) : name);
  const tsKey = mirror.frontendField.key;
  if (mirror.byPythonName && tsKey === field.name) return newName;
  if (wireKey !== field.name && wireKey !== generated(field.name)) return undefined;
  const newWireKey = wireKey === field.name ? newName : generated(newName);
  if (!newWireKey) return undefined;
  if (tsKey === wireKey) return newWireKey;
  return tsKey === toCamel(wireKey) ? toCamel(newWireKey) : undefined;
}

/** Edits by file URI, one per declaration, inside the quotes of a quoted key. */
class EditCollector {
  private readonly changes: Record<string, TextEdit[]> = {};
  private readonly seen = new Set<string>();

  constructor(private readonly analysis: FileAnalysis) {}

  add(field: ResolvedField, newText: string): void {
    const location = fieldLocation(this.analysis.root, field);
    const key = `${location.uri}:${location.range.start.line}:${location.range.start.character}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    const range = this.unquoted(location.uri, location.range);
    (this.changes[location.uri] ??= []).push({ range, newText });
  }

  workspaceEdit(): WorkspaceEdit {
    return { changes: this.changes };
  }

  private unquoted(uri: string, range: Range): Range {
    const text = this.analysis.session.readText(pathOfUri(uri)) ?? '';
    const line = lineAt(text, range.start.line) ?? '';
    const first = line[range.start.character];
    if (range.start.line !== range.end.line || (first !== "'" && first !== '"')) return range;
    return {
      start: { line: range.start.line, character: range.start.character + 1 },
      end: { line: range.end.line, character: range.end.character - 1 },
    };
  }
}
