// One Alembic revision file → its identity (revision, down_revision, branch_labels, depends_on),
// the operations of upgrade() and downgrade(), and its imports.
import type { Node } from 'web-tree-sitter';
import { namedChildren, rangeOf } from '../syntax/nodes';
import { describeError } from '../log';
import { parseText } from '../syntax/parser';
import { readModuleImports, readPythonModule, type PythonModule } from './python-module';
import { locatedString } from './python-strings';
import { isNone, stringListOf } from './python-values';
import { PythonWalker } from './python-walker';
import type { SqlDialect } from './sql-parse';
import type { MigrationSource, RevisionInfo } from './types';

/** Reads a revision file; a file that does not parse gives a source with a problem. */
export function readAlembicRevision(
  file: string,
  text: string,
  dialects: readonly SqlDialect[],
): MigrationSource {
  const tree = parseText('python', text);
  if (!tree) {
    const source = emptyRevision(file);
    source.problems.push('the parser gave up on this file');
    return source;
  }
  try {
    return readAlembicRevisionTree(file, tree.rootNode, dialects);
  } finally {
    tree.delete();
  }
}

/** Reads a revision from its parsed module, as the review has it. */
export function readAlembicRevisionTree(
  file: string,
  root: Node,
  dialects: readonly SqlDialect[],
): MigrationSource {
  return readRevision(file, root, dialects, { phases: ['upgrade', 'downgrade'], imports: true });
}

/**
 * What the index keeps of a revision: its identity and upgrade(). The extractor reads this on
 * every keystroke in an open revision, so downgrade() and the imports, which only the review
 * reads, are left out.
 */
export function readAlembicRevisionUpgrade(
  file: string,
  root: Node,
  dialects: readonly SqlDialect[],
): Pick<MigrationSource, 'revision' | 'upgrade'> {
  return readRevision(file, root, dialects, { phases: ['upgrade'], imports: false });
}

interface RevisionParts {
  phases: readonly ('upgrade' | 'downgrade')[];
  imports: boolean;
}

function readRevision(
  file: string,
  root: Node,
  dialects: readonly SqlDialect[],
  parts: RevisionParts,
): MigrationSource {
  const source = emptyRevision(file);
  try {
    if (parts.imports) source.imports = readModuleImports(root);
    const module = readPythonModule(root);
    source.revision = readRevisionInfo(module);
    for (const phase of parts.phases) source[phase] = walkPhase(module, phase, file, dialects);
  } catch (error) {
    // Parsing never fails: what was read before the error stays, the rest is a problem.
    source.problems.push(`reading stopped: ${describeError(error).split('\n')[0]}`);
  }
  return source;
}

function emptyRevision(file: string): MigrationSource {
  return { kind: 'revision', file, upgrade: [], downgrade: [], imports: [], problems: [] };
}

function walkPhase(
  module: PythonModule,
  phase: 'upgrade' | 'downgrade',
  file: string,
  dialects: readonly SqlDialect[],
) {
  const definition = module.functions.get(phase);
  if (!definition) return [];
  const walker = new PythonWalker({ file, module, mode: 'revision', dialects });
  walker.walkFunction(definition, phase);
  return walker.operations;
}

function readRevisionInfo(module: PythonModule): RevisionInfo {
  const { assignments, functions } = module;
  const idNode = assignments.get('revision');
  const downNode = assignments.get('down_revision');
  const upgrade = functions.get('upgrade');
  const downgrade = functions.get('downgrade');
  const info: RevisionInfo = {
    downRevisions: revisionList(downNode),
    branchLabels: revisionList(assignments.get('branch_labels')),
    dependsOn: revisionList(assignments.get('depends_on')),
    upgradeEmpty: !upgrade || isEmptyBody(upgrade),
    downgradeEmpty: !downgrade || isEmptyBody(downgrade),
    downgradeRaises: !!downgrade && raisesOnly(downgrade),
  };
  const id = idNode ? locatedString(idNode)?.text : undefined;
  if (id !== undefined && idNode) Object.assign(info, { id, idRange: rangeOf(idNode) });
  if (downNode) info.downRange = rangeOf(downNode);
  const message = module.docstring?.split('\n')[0].trim();
  if (message) info.message = message;
  if (upgrade) info.upgradeRange = nameRange(upgrade);
  if (downgrade) info.downgradeRange = nameRange(downgrade);
  return info;
}

/** `None`, `"abc"`, `("a", "b")`, `["a"]` → ids. */
function revisionList(node: Node | undefined): string[] {
  if (!node || isNone(node)) return [];
  return stringListOf(node) ?? [];
}

function nameRange(definition: Node) {
  const name = definition.childForFieldName('name');
  return rangeOf(name ?? definition);
}

/** Statements that do nothing: `pass`, `...`, docstrings and other bare literals. */
function isInert(statement: Node): boolean {
  if (statement.type === 'pass_statement') return true;
  if (statement.type !== 'expression_statement') return false;
  const expression = statement.namedChildren[0];
  return expression?.type === 'string' || expression?.type === 'ellipsis';
}

function isEmptyBody(definition: Node): boolean {
  const body = definition.childForFieldName('body');
  return !body || namedChildren(body).every(isInert);
}

function raisesOnly(definition: Node): boolean {
  const body = definition.childForFieldName('body');
  const statements = body ? namedChildren(body).filter((s) => !isInert(s)) : [];
  return statements.length > 0 && statements.every((s) => s.type === 'raise_statement');
}
