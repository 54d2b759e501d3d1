// Follows an expression back to where its query starts: `session.exec(stmt).all()` with
// `stmt = select(Part).where(...)` earlier in the function gives the root `select(Part)` and the
// shape `models`. Each clause on the way (options, filters) is recorded on the root once.
import type { Node } from 'web-tree-sitter';
import { namedChildren, rangeOf } from '../syntax/nodes';
import { isClassLike, readConditions } from './conditions';
import { readLoaderOptions } from './loader-options';
import type { QueryRootFact, QueryShape, QueryUseFact } from './query-facts';
import type { ScopeIndex } from './scopes';

/** Methods that refine a query and keep its shape. */
const REFINING_METHODS = new Set([
  'where',
  'filter',
  'filter_by',
  'order_by',
  'join',
  'outerjoin',
  'join_from',
  'options',
  'limit',
  'offset',
  'slice',
  'distinct',
  'group_by',
  'having',
  'select_from',
  'execution_options',
  'params',
  'unique',
  'with_for_update',
  'populate_existing',
  'enable_eagerloads',
  'yield_per',
  'correlate',
]);
const CONDITION_METHODS = new Set([
  'where',
  'filter',
  'filter_by',
  'order_by',
  'join',
  'outerjoin',
]);
const LIMITING_METHODS = new Set(['limit', 'slice', 'first', 'one', 'one_or_none', 'paginate']);
const LIST_METHODS = new Set(['all', 'fetchall']);
const SINGLE_METHODS = new Set([
  'get',
  'first',
  'one',
  'one_or_none',
  'scalar',
  'scalar_one',
  'scalar_one_or_none',
  'first_or_404',
  'one_or_404',
]);
const EXECUTING_METHODS: Record<string, QueryShape> = {
  exec: 'models',
  scalars: 'models',
  execute: 'rows',
  scalar: 'single',
};
/** Calls whose result is the iterable they were given. */
const PASS_THROUGH_CALLS = new Set(['list', 'sorted', 'reversed', 'tuple', 'set', 'iter']);
/** Built-in functions and constructors: never a function that returns a query. */
const PLAIN_FUNCTIONS = new Set([
  'range',
  'enumerate',
  'zip',
  'len',
  'dict',
  'map',
  'filter',
  'open',
  'print',
  'str',
  'int',
  'float',
  'bool',
  'getattr',
  'isinstance',
  'super',
  'type',
  'vars',
  'any',
  'all',
  'min',
  'max',
  'sum',
  'frozenset',
]);
/** Methods of built-in types: never a function that returns a query. */
const PLAIN_METHODS = new Set([
  'items',
  'keys',
  'values',
  'get',
  'split',
  'copy',
  'format',
  'join',
  'strip',
  'lower',
  'upper',
  'replace',
  'append',
  'pop',
  'model_dump',
  'dict',
]);
/** Expressions nested deeper than this are not followed. */
const MAX_DEPTH = 24;

interface Value {
  root: QueryRootFact;
  shape: QueryShape;
  awaited: boolean;
}

export class QueryChains {
  readonly roots: QueryRootFact[] = [];
  private readonly rootIndex = new Map<QueryRootFact, number>();
  private readonly rootsByNode = new Map<number, QueryRootFact>();
  private readonly appliedClauses = new Set<number>();
  private readonly assignmentValues = new Map<number, Value | null>();
  /** Calls already read as part of a chain, so a filtering call inside one is not read again. */
  private readonly visitedCalls = new Set<number>();
  /** Offsets spanned by the expressions read so far (a call's arguments are not read). */
  private readonly readSpans: [number, number][] = [];

  constructor(private readonly scopes: ScopeIndex) {}

  /** What `node` is made of, as a fact pointing at its root; undefined when it is no query. */
  use(node: Node): QueryUseFact | undefined {
    this.readSpans.push([node.startIndex, node.endIndex]);
    const value = this.evaluate(node, 0);
    if (!value) return undefined;
    return { root: this.indexOf(value.root), shape: value.shape, awaited: value.awaited };
  }

  /** Reads a filtering call wherever it stands, so its conditions reach its root. */
  record(node: Node): void {
    if (this.visitedCalls.has(node.id)) return;
    this.readSpans.push([node.startIndex, node.endIndex]);
    const value = this.evaluate(node, 0);
    if (value && (value.root.kind !== 'call' || value.root.conditions.length)) {
      this.indexOf(value.root);
    }
  }

  /**
   * Whether `offset` lies in an expression read already. A filtering call there was read with
   * its chain, or sits in an argument (a subquery), which is left out on purpose.
   */
  wasRead(offset: number): boolean {
    return this.readSpans.some(([start, end]) => offset >= start && offset < end);
  }

  /** `list(parts)`, `sorted(parts, key=...)`: the iterated argument, else the node itself. */
  unwrapIterable(node: Node): Node {
    if (node.type !== 'call') return node;
    const name = node.childForFieldName('function')?.text ?? '';
    const first = namedChildren(node.childForFieldName('arguments') ?? node)[0];
    return PASS_THROUGH_CALLS.has(name) && first ? this.unwrapIterable(first) : node;
  }

  private indexOf(root: QueryRootFact): number {
    let index = this.rootIndex.get(root);
    if (index === undefined) {
      index = this.roots.push(root) - 1;
      this.rootIndex.set(root, index);
    }
    return index;
  }

  private evaluate(node: Node, depth: number): Value | undefined {
    if (depth > MAX_DEPTH) return undefined;
    switch (node.type) {
      case 'await': {
        const inner = namedChildren(node)[0];
        const value = inner ? this.evaluate(inner, depth + 1) : undefined;
        return value ? { ...value, awaited: true } : undefined;
      }
      case 'parenthesized_expression': {
        const inner = namedChildren(node)[0];
        return inner ? this.evaluate(inner, depth + 1) : undefined;
      }
      case 'identifier':
        return this.evaluateName(node, depth);
      case 'call':
        return this.evaluateCall(node, depth);
      default:
        return undefined;
    }
  }

  private evaluateName(node: Node, depth: number): Value | undefined {
    const name = node.text;
    if (name === 'self' || name === 'cls') return undefined;
    const assignment = this.scopes.assignmentBefore(name, node);
    if (!assignment) return undefined;
    const cached = this.assignmentValues.get(assignment.node.id);
    if (cached !== undefined) return cached ?? undefined;
    // Marked first, so `stmt = stmt.where(...)` cannot loop on itself.
    this.assignmentValues.set(assignment.node.id, null);
    const value = this.evaluate(assignment.value, depth + 1);
    this.assignmentValues.set(assignment.node.id, value ?? null);
    return value;
  }

  private evaluateCall(call: Node, depth: number): Value | undefined {
    this.visitedCalls.add(call.id);
    const functionNode = call.childForFieldName('function');
    const argumentList = call.childForFieldName('arguments');
    if (!functionNode || argumentList?.type !== 'argument_list') return undefined;
    const functionType = functionNode.type;
    if (functionType === 'identifier') return this.evaluateFunctionCall(call, functionNode);
    if (functionType !== 'attribute') return undefined;

    const method = functionNode.childForFieldName('attribute')?.text ?? '';
    const object = functionNode.childForFieldName('object');
    if (!object) return undefined;
    const rooted = this.rootOfMethodCall(call, method, object, argumentList);
    if (rooted) return rooted;
    if (method in EXECUTING_METHODS && argumentList.namedChildCount) {
      return this.execute(method, argumentList, depth);
    }
    const inner = this.evaluate(object, depth + 1);
    if (!inner) return this.callRoot(call, functionNode, method);
    return this.applyMethod(inner, method, call, argumentList);
  }

  /** `select(Part)` or a local function call: `get_parts(session)`. */
  private evaluateFunctionCall(call: Node, functionNode: Node): Value | undefined {
    const name = functionNode.text;
    if (name === 'select') return this.selectRoot(call);
    if (PASS_THROUGH_CALLS.has(name) || PLAIN_FUNCTIONS.has(name)) return undefined;
    // A capitalised callee builds an object (`Response(...)`, `HTTPException(...)`).
    if (/^[A-Z]/.test(name)) return undefined;
    return this.callRoot(call, functionNode, name);
  }

  /** `sa.select(Part)`, `session.query(Part)`, `session.get(Part, id)`. */
  private rootOfMethodCall(call: Node, method: string, object: Node, argumentList: Node) {
    if (method === 'select' && object.type !== 'call' && isModuleLike(object)) {
      return this.selectRoot(call);
    }
    if (method !== 'query' && method !== 'get') return undefined;
    const first = argumentList.firstNamedChild;
    if (method === 'query' && first) return this.modelRoot(call, 'query', first, 'models');
    if (method === 'get' && first && argumentList.namedChildCount >= 2 && isClassLike(first)) {
      return this.modelRoot(call, 'get', first, 'single');
    }
    return undefined;
  }

  private execute(method: string, argumentList: Node, depth: number): Value | undefined {
    const statement = argumentList.firstNamedChild;
    const inner = statement ? this.evaluate(statement, depth + 1) : undefined;
    if (!inner || inner.shape === 'single' || inner.shape === 'rows') return undefined;
    return { ...inner, shape: EXECUTING_METHODS[method] ?? 'models' };
  }

  private applyMethod(inner: Value, method: string, call: Node, argumentList: Node) {
    if (REFINING_METHODS.has(method)) {
      this.applyClause(inner.root, method, call, argumentList);
      return inner;
    }
    if (LIMITING_METHODS.has(method)) inner.root.limited = true;
    if (LIST_METHODS.has(method)) return { ...inner, shape: listShape(inner.shape) };
    if (method === 'scalars') return { ...inner, shape: 'models' as const };
    if (SINGLE_METHODS.has(method)) return { ...inner, shape: 'single' as const };
    return undefined;
  }

  private applyClause(root: QueryRootFact, method: string, call: Node, argumentList: Node) {
    if (this.appliedClauses.has(call.id)) return;
    this.appliedClauses.add(call.id);
    if (LIMITING_METHODS.has(method)) root.limited = true;
    if (method === 'join' || method === 'outerjoin') root.joined = true;
    if (method === 'options') {
      const options = readLoaderOptions(argumentList);
      root.loaders.push(...options.loaders);
      root.unknownOptions ||= options.unknown;
    }
    if (CONDITION_METHODS.has(method)) {
      const clause = method === 'outerjoin' ? 'join' : method;
      const model = root.joined ? undefined : root.model;
      root.conditions.push(...readConditions(clause, argumentList, model));
    }
  }

  private selectRoot(call: Node): Value | undefined {
    const argumentList = call.childForFieldName('arguments');
    const entities = argumentList ? namedChildren(argumentList) : [];
    const model = entities.length === 1 && isClassLike(entities[0]) ? entities[0] : undefined;
    return this.newRoot(call, 'select', model, 'statement');
  }

  private modelRoot(call: Node, kind: 'query' | 'get', first: Node, shape: QueryShape) {
    const model = isClassLike(first) ? first : undefined;
    const entities = namedChildren(call.childForFieldName('arguments') ?? call);
    return this.newRoot(
      call,
      kind,
      kind === 'query' && entities.length > 1 ? undefined : model,
      shape,
    );
  }

  /** A call to something that may return a query: settled by the rules across files. */
  private callRoot(call: Node, functionNode: Node, name: string): Value | undefined {
    if (PLAIN_METHODS.has(name)) return undefined;
    const callee = functionNode.text;
    if (!/^[\w.]+$/.test(callee)) return undefined;
    // `func.count().filter(...)` is an aggregate's FILTER clause, not a query.
    if (/(^|\.)func\./.test(callee)) return undefined;
    const value = this.newRoot(call, 'call', undefined, 'returned');
    if (value) value.root.callee = callee;
    return value;
  }

  private newRoot(
    call: Node,
    kind: QueryRootFact['kind'],
    model: Node | undefined,
    shape: QueryShape,
  ): Value | undefined {
    let root = this.rootsByNode.get(call.id);
    if (!root) {
      const range = rangeOf(call);
      root = {
        kind,
        range,
        loaders: [],
        unknownOptions: false,
        conditions: [],
        limited: false,
        joined: false,
      };
      if (model) root.model = model.text;
      if (kind === 'select' || kind === 'query') {
        root.optionsAt = { line: range.end.line, character: range.end.character };
      }
      this.rootsByNode.set(call.id, root);
    }
    return { root, shape, awaited: false };
  }
}

function listShape(shape: QueryShape): QueryShape {
  return shape === 'statement' || shape === 'returned' ? 'models' : shape;
}

/** `sa`, `sqlalchemy`, `sqlmodel.sql.expression`: a module name rather than a value. */
function isModuleLike(node: Node): boolean {
  return (
    (node.type === 'identifier' || node.type === 'attribute') && /^[a-z_][\w.]*$/.test(node.text)
  );
}
