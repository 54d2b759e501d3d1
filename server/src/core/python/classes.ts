// Python classes that describe data: Pydantic models, SQLModel and SQLAlchemy models, enums,
// and module-level Core tables. A query finds the module-level classes and the assignments
// `Base = declarative_base()` and `x = Table(...)`; only the bodies of those classes are walked.
import type { Node, Tree } from 'web-tree-sitter';
import type { CoreTableFact, EntityFact, FileFacts } from '../facts';
import { rangeOf } from '../syntax/nodes';
import { loadQuery } from '../syntax/parser';
import { scanClassBody, type ClassBody } from './class-body';
import { readClassHeader, type ClassHeader } from './class-header';
import { decideKind, type KindContext, type KindDecision } from './class-kinds';
import { buildClassEntity } from './class-entity';
import { coreTableOf } from './core-tables';
import { moduleIndexTarget, tableIndexOfCall } from './table-indexes';

interface ClassCandidate {
  header: ClassHeader;
  body: ClassBody;
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

/** Reads everything from the tree; `text` is part of the extractor signature but not needed. */
export function extractPythonClasses(tree: Tree, text: string, facts: FileFacts): void {
  const captures = captureModuleStatements(tree);
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

function captureModuleStatements(tree: Tree): ModuleCaptures {
  const captures: ModuleCaptures = { classes: [], bases: [], indexes: [], tables: [] };
  const query = loadQuery('python', 'classes');
  for (const match of query.matches(tree.rootNode, { maxStartDepth: 0 })) {
    const byName = new Map(match.captures.map((capture) => [capture.name, capture.node]));
    const classNode = byName.get('class');
    const index = byName.get('index');
    if (classNode) captures.classes.push(classNode);
    if (index) captures.indexes.push(index);

    const name = byName.get('base.name');
    const statement = byName.get('base');
    if (name && statement) captures.bases.push({ name, statement });
    const tableName = byName.get('table.name');
    const table = byName.get('table');
    if (tableName && table) captures.tables.push({ name: tableName, call: table });
  }
  captures.classes.sort((a, b) => a.startIndex - b.startIndex);
  return captures;
}

/** The first definition of a name wins, as in `try: class A ... except: class A ...`. */
function addCandidate(node: Node, candidates: Map<string, ClassCandidate>): void {
  const header = readClassHeader(node);
  if (!header || candidates.has(header.name)) return;
  candidates.set(header.name, { header, body: scanClassBody(header.body) });
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
  candidate.decision = decideKind(candidate.header, candidate.body, context) ?? null;
  candidate.deciding = false;
  return candidate.decision;
}

function entityOfCandidate(
  candidate: ClassCandidate,
  context: KindContext,
  facts: FileFacts,
): EntityFact | undefined {
  const { header, body } = candidate;
  return guarded(facts, header.nameNode, () => {
    const decision = decideCandidate(candidate, context);
    return decision ? buildClassEntity(header, body, decision, facts.file) : undefined;
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
