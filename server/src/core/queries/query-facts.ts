// Plain facts about database queries in one Python file: where queries start, the loops over
// their results, and the functions that return them. The query-performance rules read them.
import type { Position, Range } from '../facts';

/**
 * What an expression built on a query gives: an unexecuted statement (`select(Part)`), model
 * instances (`session.exec(...)`, `.scalars().all()`, a `session.query(Part)`), rows
 * (`session.execute(...)` without `.scalars()`), one instance (`.first()`, `session.get`), or
 * whatever a called function returns (`returned`), which the rules settle across files.
 */
export type QueryShape = 'statement' | 'models' | 'rows' | 'single' | 'returned';

/** One loader option: `selectinload(Part.category).joinedload(Category.parent)` has two steps. */
export interface LoaderOptionFact {
  steps: { strategy: string; attribute: string }[];
  range: Range;
}

export type ConditionClause = 'where' | 'filter' | 'filter_by' | 'order_by' | 'join';

/** A column a query filters, sorts or joins on: `Part.name == name`, `filter_by(name=name)`. */
export interface QueryConditionFact {
  clause: ConditionClause;
  /** The class as written (`Part`, `models.Part`); absent for `filter_by` (the root's model). */
  model?: string;
  column: string;
  range: Range;
  /** Compared for equality (`==`, `in_`, `filter_by`), which an index serves best. */
  equality: boolean;
  /** Compared with another class's column (`Part.category_id == Category.id`). */
  otherColumn?: { model: string; column: string };
  /** `model` names a Core table and `column` one of its columns: `part_tags.c.tag_id`. */
  table?: boolean;
  /**
   * A filter through the relationship `column` of `model`: `Part.tags.any(Tag.id == tag_id)`
   * (with the target's column compared for equality, when there is one) or
   * `Part.tags.contains(tag)`.
   */
  through?: { method: 'any' | 'contains'; target?: { model?: string; column: string } };
}

/**
 * Where a query starts: `select(Part)`, `session.query(Part)`, `session.get(Part, id)`, or a
 * call to a function that may return one (`crud.get_parts(db)`). Everything the file applies to
 * it afterwards (options, filters) is gathered here, from every branch that applies it.
 */
export interface QueryRootFact {
  kind: 'select' | 'query' | 'get' | 'call';
  /** The single entity selected, as written; absent for `select(Part.id)`, `select(A, B)`. */
  model?: string;
  /** For `call` roots: the called expression as written (`crud.get_parts`, `self.repo.list`). */
  callee?: string;
  range: Range;
  /** Right after the `select(Part)` / `session.query(Part)` call, where `.options(...)` fits. */
  optionsAt?: Position;
  loaders: LoaderOptionFact[];
  /** `.options(*opts)` or another option Seam cannot read: it may load anything. */
  unknownOptions: boolean;
  conditions: QueryConditionFact[];
  /** `.limit()`, `.first()`, a page: sorting without an index then costs a full scan. */
  limited: boolean;
  joined: boolean;
}

/** The value a loop iterates or a function returns: a root and what was made of it. */
export interface QueryUseFact {
  root: number;
  shape: QueryShape;
  /** Reached through `await`: an async session, where a lazy load raises instead of querying. */
  awaited: boolean;
}

/** `part.category` (and `.name` after it) read on a loop variable. */
export interface LoopAccessFact {
  attribute: string;
  range: Range;
  /** The attribute read on the result (`name` in `part.category.name`), when there is one. */
  next?: string;
  /** The access is a method call: `part.to_dict()`. */
  called: boolean;
}

/** A call inside a loop that passes the loop variable: `to_dict(part)`, `crud.get(db, part.id)`. */
export interface LoopCallFact {
  callee: string;
  range: Range;
  /** Position of the argument, or its keyword, that is the loop variable itself. */
  argument?: number | string;
}

/** A query executed inside the loop's body that depends on the loop variable. */
export interface LoopQueryFact {
  root: number;
  range: Range;
}

export interface QueryLoopFact {
  kind: 'for' | 'comprehension';
  /** From `for` to the end of the iterated expression. */
  range: Range;
  variable: string;
  source: QueryUseFact;
  accesses: LoopAccessFact[];
  calls: LoopCallFact[];
  queries: LoopQueryFact[];
}

/** A function or method that returns a query or its result: `def list_parts(self): return ...`. */
export interface QueryFunctionFact {
  name: string;
  /** The class a method belongs to. */
  className?: string;
  range: Range;
  result: QueryUseFact;
}

/** A function's parameter and the attributes its body reads on it (serializers). */
export interface ParameterReadsFact {
  function: string;
  className?: string;
  /** Parameter position, counting `self`. */
  position: number;
  name: string;
  attributes: string[];
}

/** Where `index=True` goes in a column's `Field(...)`, `mapped_column(...)` or `Column(...)`. */
export interface ColumnIndexEditFact {
  className: string;
  field: string;
  range: Range;
  newText: string;
}

export interface QueryFileFacts {
  roots: QueryRootFact[];
  loops: QueryLoopFact[];
  functions: QueryFunctionFact[];
  /** Names of every function and method the file defines, to tell when a method name is unique. */
  definedFunctions: string[];
  parameterReads: ParameterReadsFact[];
  columnIndexEdits: ColumnIndexEditFact[];
}
