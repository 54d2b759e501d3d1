// What a migration's module holds at its top level: simple assignments (the names its code may
// use), function definitions (helpers that upgrade() calls) and the docstring; and its imports,
// read apart because only the review needs them.
import type { Node } from 'web-tree-sitter';
import { rangeOf } from '../syntax/nodes';
import { locatedString } from './python-strings';
import type { ImportSpec } from './types';

export interface PythonModule {
  /** Top-level `name = value` assignments, the last one winning. */
  assignments: Map<string, Node>;
  /** Top-level function definitions by name. */
  functions: Map<string, Node>;
  docstring?: string;
}

export function readPythonModule(root: Node): PythonModule {
  const module: PythonModule = { assignments: new Map(), functions: new Map() };
  const statements = root.namedChildren.filter((child): child is Node => !!child);
  const first = statements.find((statement) => statement.type !== 'comment');
  if (first?.type === 'expression_statement') {
    module.docstring = locatedString(first.namedChildren[0])?.text;
  }
  for (const statement of statements) readTopLevel(statement, module);
  return module;
}

function readTopLevel(statement: Node, module: PythonModule): void {
  if (statement.type === 'function_definition') {
    const name = statement.childForFieldName('name')?.text;
    if (name) module.functions.set(name, statement);
  } else if (statement.type === 'decorated_definition') {
    const definition = statement.childForFieldName('definition');
    if (definition) readTopLevel(definition, module);
  } else if (statement.type === 'expression_statement') {
    const assignment = statement.namedChildren[0];
    if (assignment?.type === 'assignment') recordAssignment(assignment, module.assignments);
  }
}

/** `name = value` and `name: T = value` → scope entries; tuple targets are left out. */
export function recordAssignment(assignment: Node, scope: Map<string, Node>): void {
  const target = assignment.childForFieldName('left');
  const value = assignment.childForFieldName('right');
  if (target?.type === 'identifier' && value) scope.set(target.text, value);
}

/** Every import in the file, including those inside functions (data migrations do that). */
export function readModuleImports(root: Node): ImportSpec[] {
  const imports: ImportSpec[] = [];
  for (const node of root.descendantsOfType(['import_statement', 'import_from_statement'])) {
    if (!node) continue;
    if (node.type === 'import_statement') {
      for (const name of node.namedChildren) {
        const dotted = name?.type === 'aliased_import' ? name.childForFieldName('name') : name;
        if (dotted) imports.push({ module: dotted.text, names: [], range: rangeOf(node) });
      }
      continue;
    }
    const module = node.childForFieldName('module_name')?.text ?? '';
    const names = node.childrenForFieldName('name').map((name) => {
      const dotted = name?.type === 'aliased_import' ? name.childForFieldName('name') : name;
      return dotted?.text ?? '';
    });
    imports.push({ module, names: names.filter(Boolean), range: rangeOf(node) });
  }
  return imports;
}
