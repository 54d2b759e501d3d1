// Python classes that describe data: Pydantic models, SQLModel and SQLAlchemy models, enums,
// and module-level Core tables. A walk over the module's statements finds the module-level
// classes and the assignments `Base = declarative_base()` and `x = Table(...)`; only the bodies
// of those classes are walked.
import type { Node, Tree } from 'web-tree-sitter';
import type { CoreTableFact, EntityFact, FileFacts } from '../facts';
import { rangeOf } from '../syntax/nodes';
import { scanClassBody, type ClassBody } from './class-body';
import { readClassHeader, type ClassHeader } from './class-header';
import { decideKind, type KindContext, type KindDecision } from './class-kinds';
import { buildClassEntity } from './class-entity';
import { coreTableOf } from './core-tables';
import { isFunctionOrImport } from './statement-start';
import { moduleIndexTarget, tableIndexOfCall } from './table-indexes';

interface ClassCandidate {
  header: ClassHeader;
  /** Scanned on first use (see decideKind). */
  body?: ClassBody;
  /** undefined until decided; null when the class is not a model. */
  decision?: KindDecision | null;
  deciding?: boolean;
}

interface ModuleCaptures {
  classes: Node[];
  bases: { name: Node; statement: Node }[];
  indexes: Node[];
  tables: { name: Node; call: Node }[];
}

export function extractPythonClasses(tree: Tree, text: string, facts: FileFacts): void {
  const captures = captureModuleStatements(tree, text);
  const candidates = new Map<string, ClassCandidate>();
  for (const node of captures.classes) guarded(facts, node, () => addCandidate(node, candidates));

  const declarativeBases = new Set(captures.bases.map((base) => base.name.text));
  const context = kindContext(candidates, declarativeBases);
  const entities: EntityFact[] = captures.bases.map((base) => declarativeBaseEntity(base, facts));
  const names = new Set(entities.map((entity) => entity.name));
  for (const candidate of candidates.values()) {
    const entity = names.has(candidate.header.name)
      ? undefined
      : entityOfCandidate(candidate, context, facts);
    if (entity) entities.push(entity);
  }

  attachModuleIndexes(captures.indexes, entities);
  entities.sort((a, b) => compareRanges(a.fullRange.start, b.fullRange.start));
  facts.entities.push(...entities);
  addCoreTables(captures.tables, facts);
}

/** `part_tags = Table("part_tags", metadata, ...)`; a later binding of the name wins. */
function addCoreTables(captures: { name: Node; call: Node }[], facts: FileFacts): void {
  const tables = new Map<string, CoreTableFact>();
  for (const { name, call } of captures) {
    const table = guarded(facts, call, () => coreTableOf(name, call));
    if (table) tables.set(table.variable, table);
  }
  if (tables.size) facts.tables = [...tables.values()];
}

/**
 * Walks the module's statements (and the blocks of its `if` and `try` statements) for classes,
 * and its expression statements for bases and indexes. A walk rather than a query: it visits the
 * same few top-level nodes, and no query has to be compiled in every process.
 */
function captureModuleStatements(tree: Tree, text: string): ModuleCaptures {
  const captures: ModuleCaptures = { classes: [], bases: [], indexes: [], tables: [] };
  // Bases, indexes and tables name `declarative_base`, `generate_base`, `Index` or `Table`: most
  // files do not.
  const mayDeclare = text.includes('Index') || text.includes('_base') || text.includes('Table');
  if (!mayDeclare && !text.includes('class')) return captures;
  const root = tree.rootNode;
  // A file the parser could not read as a module at all (its root is an ERROR) has no classes.
  if (root.type !== 'module') return captures;
  for (const statement of root.namedChildren) {
    if (!statement || isFunctionOrImport(statement)) continue;
    const type = statement.type;
    if (type === 'if_statement' || type === 'try_statement') {
      classesInClauses(statement, captures.classes);
    } else if (type === 'expression_statement') {
      if (mayDeclare) readBaseOrIndex(statement, captures);
    } else {
      addClass(statement, type, captures.classes);
    }
  }
  captures.classes.sort((a, b) => a.startIndex - b.startIndex);
  return captures;
}

/**
 * `if`/`try` blocks, and the blocks of their `elif`, `else`, `except` and `finally` clauses. A
 * block the parser left inside an ERROR node is not looked into.
 */
function classesInClauses(statement: Node, classes: Node[]): void {
  for (const clause of statement.namedChildren) {
    const type = clause?.type;
    if (!clause || type === 'ERROR') continue;
    if (type === 'block') {
      classesInBlock(clause, classes);
      continue;
    }
    for (const block of clause.namedChildren) {
      if (block?.type === 'block') classesInBlock(block, classes);
    }
  }
}

function classesInBlock(block: Node, classes: Node[]): void {
  for (const statement of block.namedChildren) {
    if (statement) addClass(statement, statement.type, classes);
  }
}

/** A class statement, decorated or not. */
function addClass(statement: Node, type: string | undefined, classes: Node[]): void {
  if (type === 'class_definition') classes.push(statement);
  if (type !== 'decorated_definition') return;
  const definition = statement.childForFieldName('definition');
  if (definition?.type === 'class_definition') classes.push(definition);
}

const DECLARATIVE_BASE = /(^|[.])(declarative_base|generate_base)$/;
const INDEX_CALL = /(^|[.])Index$/;
const TABLE_CALL = /(^|[.])Table$/;

/**
 * `Base = declarative_base()`, `Index("ix", Part.name)`, `ix = Index(...)` and
 * `part_tags = Table(...)`: the assignment and its name for a base, the call for an index, the
 * name and the call for a table.
 */
function readBaseOrIndex(statement: Node, captures: ModuleCaptures): void {
  for (const expression of statement.namedChildren) {
    if (!expression) continue;
    const type = expression.type;
    if (type === 'call' && INDEX_CALL.test(calleeText(expression))) {
      captures.indexes.push(expression);
    } else if (type === 'assignment') {
      readAssignment(expression, captures);
    }
  }
}

function readAssignment(assignment: Node, captures: ModuleCaptures): void {
  const right = assignment.childForFieldName('right');
  if (right?.type !== 'call') return;
  const callee = calleeText(right);
  if (INDEX_CALL.test(callee)) captures.indexes.push(right);
  const left = assignment.childForFieldName('left');
  if (left?.type !== 'identifier') return;
  if (DECLARATIVE_BASE.test(callee)) captures.bases.push({ name: left, statement: assignment });
  if (TABLE_CALL.test(callee)) captures.tables.push({ name: left, call: right });
}

/**
 * The call's function as written; empty for a function the parser left in an ERROR node. Only a
 * text that may match is asked for its node's type.
 */
function calleeText(call: Node): string {
  const callee = call.childForFieldName('function');
  const text = callee?.text ?? '';
  return /Index|_base|Table/.test(text) && callee?.type === 'ERROR' ? '' : text;
}

/** The first definition of a name wins, as in `try: class A ... except: class A ...`. */
function addCandidate(node: Node, candidates: Map<string, ClassCandidate>): void {
  const header = readClassHeader(node);
  if (!header || candidates.has(header.name)) return;
  candidates.set(header.name, { header });
}

function bodyOf(candidate: ClassCandidate): ClassBody {
  candidate.body ??= scanClassBody(candidate.header.body);
  return candidate.body;
}

/** Runs one class's step; a failure costs that class, not the file's other models. */
function guarded<T>(facts: FileFacts, node: Node, step: () => T): T | undefined {
  try {
    return step();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    facts.problems.push({ message: `a class was skipped: ${message}`, range: rangeOf(node) });
    return undefined;
  }
}

/** Resolves classes lazily, so a base defined later in the file is decided first. */
function kindContext(
  candidates: Map<string, ClassCandidate>,
  declarativeBases: Set<string>,
): KindContext {
  const context: KindContext = {
    declarativeBases,
    localClass(name) {
      const candidate = candidates.get(name);
      if (!candidate || candidate.deciding) return undefined;
      return decideCandidate(candidate, context);
    },
  };
  return context;
}

function decideCandidate(candidate: ClassCandidate, context: KindContext): KindDecision | null {
  if (candidate.decision !== undefined) return candidate.decision;
  candidate.deciding = true;
  candidate.decision = decideKind(candidate.header, () => bodyOf(candidate), context) ?? null;
  candidate.deciding = false;
  return candidate.decision;
}

function entityOfCandidate(
  candidate: ClassCandidate,
  context: KindContext,
  facts: FileFacts,
): EntityFact | undefined {
  const { header } = candidate;
  return guarded(facts, header.nameNode, () => {
    const decision = decideCandidate(candidate, context);
    return decision ? buildClassEntity(header, bodyOf(candidate), decision, facts.file) : undefined;
  });
}

/** `Base = declarative_base()`: an abstract declarative base without fields. */
function declarativeBaseEntity(
  base: { name: Node; statement: Node },
  facts: FileFacts,
): EntityFact {
  return {
    id: `${facts.file}#${base.name.text}`,
    language: 'python',
    kind: 'sqlalchemy-model',
    name: base.name.text,
    file: facts.file,
    range: rangeOf(base.name),
    fullRange: rangeOf(base.statement),
    bases: [],
    typeParams: [],
    generated: false,
    fields: [],
    abstract: true,
  };
}

/** `Index("ix_part_name", Part.name)` at module level indexes the table of class Part. */
function attachModuleIndexes(indexes: Node[], entities: EntityFact[]): void {
  for (const node of indexes) {
    const target = entities.find((entity) => entity.name === moduleIndexTarget(node));
    if (!target) continue;
    const columns = new Map(target.fields.map((field) => [field.name, field.column ?? field.name]));
    const index = tableIndexOfCall(node, columns);
    if (index) (target.tableIndexes ??= []).push(index);
  }
}

function compareRanges(a: { line: number; character: number }, b: typeof a): number {
  return a.line - b.line || a.character - b.character;
}
