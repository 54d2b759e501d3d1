// What a loop body does with its loop variable: the attributes it reads (`part.category`), the
// calls it passes the variable to (`to_dict(part)`), and the queries it runs per iteration.
// The body's text is searched for the variable's name; the tree is asked only at those places,
// to drop hits in strings and comments and to find the calls around them.
import type { Node } from 'web-tree-sitter';
import { namedChildren, rangeOf } from '../syntax/nodes';
import type { QueryChains } from './query-chains';
import type { LoopAccessFact, LoopCallFact, LoopQueryFact, QueryUseFact } from './query-facts';
import type { SourceText } from './query-text';
import type { ScopeIndex } from './scopes';

export interface LoopParts {
  /** The block of a `for`; the whole comprehension for a `for ... in` clause. */
  body: Node;
  name: string;
  /** The loop's own target, whose name is not a rebinding. */
  target: Node;
  /** In a comprehension, the iterated expression, which is evaluated outside the loop. */
  excluded?: Node;
}

/** Calls that take the loop variable without loading anything through it. */
const PLAIN_CALLEES = new Set([
  'print',
  'len',
  'str',
  'repr',
  'int',
  'isinstance',
  'getattr',
  'setattr',
  'hasattr',
  'id',
  'append',
  'add',
  'extend',
  'remove',
  'discard',
  'update',
  'delete',
  'merge',
  'expunge',
  'refresh',
  'flush',
  'debug',
  'info',
  'warning',
  'error',
  'exception',
]);
/** Statements whose left side (or target) binds the names in it. */
const BINDING_PARENTS = new Set([
  'assignment',
  'augmented_assignment',
  'for_statement',
  'for_in_clause',
]);
const EXECUTING_CALL = /\.\s*(exec|execute|scalars|scalar|query|get)\s*\(/g;

export class LoopBody {
  readonly accesses: LoopAccessFact[] = [];
  readonly calls: LoopCallFact[] = [];
  readonly queries: LoopQueryFact[] = [];
  private readonly calledNodes = new Set<number>();
  private readonly queriedRoots = new Set<number>();
  private readonly start: number;
  private readonly text: string;

  constructor(
    private readonly root: Node,
    private readonly source: SourceText,
    private readonly parts: LoopParts,
    private readonly chains: QueryChains,
    private readonly scopes: ScopeIndex,
  ) {
    this.start = parts.body.startIndex;
    this.text = source.text.slice(this.start, parts.body.endIndex);
  }

  /** Reads the body; false when the loop variable is rebound inside it. */
  read(): boolean {
    if (!/^\w+$/.test(this.parts.name) || this.isRebound()) return false;
    this.readAccesses();
    this.readQueries();
    this.readCalls();
    return true;
  }

  /**
   * `part = ...`, `a, part = ...`, `for part in ...`, `part := ...`, `as part`. The text picks
   * the places where the name may be bound; the tree confirms (a keyword argument is not).
   */
  private isRebound(): boolean {
    const name = this.parts.name;
    const ownTarget = this.parts.target.startIndex;
    for (const match of this.text.matchAll(new RegExp(`(?<![\\w.])${name}\\b`, 'g'))) {
      const at = match.index ?? 0;
      if (this.start + at === ownTarget) continue;
      const after = this.text.slice(at + name.length, at + name.length + 60);
      const before = this.text.slice(Math.max(0, at - 60), at);
      if (/^\s*:=/.test(after) || /\bas\s+$/.test(before)) return true;
      const assigned = /^\s*([-+*/|&%]?=(?!=)|:[^=\n]*=(?!=))/.test(after);
      const inTuple = /^\s*[,)]/.test(after) && /(^|\n)[ \t]*\(?[\w \t,]*$/.test(before);
      const forTarget = /\bfor\s+[\w\s,(]*$/.test(before);
      if ((assigned || inTuple || forTarget) && this.isBindingAt(this.start + at)) return true;
    }
    return false;
  }

  /** The name at `offset` is assigned to or a loop target, not a keyword argument. */
  private isBindingAt(offset: number): boolean {
    const name = this.root.descendantForIndex(offset, offset + 1);
    let bound = name?.type === 'identifier' ? name : undefined;
    let parent = bound?.parent;
    if (parent?.type === 'pattern_list' || parent?.type === 'tuple_pattern') {
      [bound, parent] = [parent, parent.parent];
    }
    if (!bound || !parent || !BINDING_PARENTS.has(parent.type)) return false;
    return parent.childForFieldName('left')?.id === bound.id;
  }

  private readAccesses(): void {
    const name = this.parts.name;
    const pattern = new RegExp(`(?<![\\w.])${name}[ \\t]*\\.[ \\t]*([A-Za-z_]\\w*)`, 'g');
    for (const match of this.text.matchAll(pattern)) {
      const offset = this.start + (match.index ?? 0);
      if (this.isExcluded(offset) || !this.isCodeAt(offset, 'identifier')) continue;
      const end = offset + match[0].length;
      const after = this.source.text.slice(end, end + 120);
      if (/^[ \t]*([-+*/|&%]?=)(?!=)/.test(after)) continue;
      const access: LoopAccessFact = {
        attribute: match[1],
        range: { start: this.source.positionAt(offset), end: this.source.positionAt(end) },
        called: /^\s*\(/.test(after),
      };
      const next = /^\s*\.\s*([A-Za-z_]\w*)/.exec(after)?.[1];
      if (next) access.next = next;
      this.accesses.push(access);
    }
  }

  /** A query run inside the loop that depends on the loop variable. */
  private readQueries(): void {
    for (const match of this.text.matchAll(EXECUTING_CALL)) {
      const offset = this.start + (match.index ?? 0) + match[0].indexOf(match[1]);
      const call = this.callOfMethodAt(offset);
      if (!call || this.isExcluded(call.startIndex) || !this.dependsOnVariable(call)) continue;
      const use = this.chains.use(call);
      if (!use || !isExecuted(use) || this.queriedRoots.has(use.root)) continue;
      if (this.chains.roots[use.root]?.kind === 'call') continue;
      this.queriedRoots.add(use.root);
      this.queries.push({ root: use.root, range: rangeOf(call) });
    }
  }

  /** `to_dict(part)`, `send(item=part)`, `crud.get_category(db, part.category_id)`. */
  private readCalls(): void {
    const name = this.parts.name;
    const pattern = new RegExp(
      `[(,][ \\t\\n]*(?:[A-Za-z_]\\w*[ \\t]*=[ \\t]*)?(${name})(\\.\\w+)?[ \\t\\n]*(?=[,)])`,
      'g',
    );
    for (const match of this.text.matchAll(pattern)) {
      const offset = this.start + (match.index ?? 0) + match[0].lastIndexOf(name, match[0].length);
      const variable = this.root.descendantForIndex(offset, offset + name.length);
      if (variable?.type !== 'identifier' || this.isExcluded(offset)) continue;
      this.readCall(variable, !match[2]);
    }
  }

  private readCall(variable: Node, direct: boolean): void {
    const argument = direct ? variable : variable.parent;
    const holder = argument?.parent;
    const keyword = holder?.type === 'keyword_argument' ? holder : undefined;
    const list = keyword ? keyword.parent : holder;
    const call = list?.type === 'argument_list' ? list.parent : undefined;
    const callee = call?.childForFieldName('function')?.text ?? '';
    if (!call || !argument || this.calledNodes.has(call.id) || !/^[\w.]+$/.test(callee)) return;
    if (PLAIN_CALLEES.has(callee.slice(callee.lastIndexOf('.') + 1))) return;

    this.calledNodes.add(call.id);
    const fact: LoopCallFact = { callee, range: rangeOf(call) };
    const keywordName = keyword?.childForFieldName('name')?.text;
    if (direct && keywordName) fact.argument = keywordName;
    else if (direct && list) fact.argument = argumentPosition(list, argument);
    this.calls.push(fact);
  }

  /** The call whose method name starts at `offset`: `session.exec(...)`. */
  private callOfMethodAt(offset: number): Node | undefined {
    const name = this.root.descendantForIndex(offset, offset + 1);
    const attribute = name?.type === 'identifier' ? name.parent : undefined;
    const call = attribute?.type === 'attribute' ? attribute.parent : undefined;
    if (call?.type !== 'call' || call.childForFieldName('function')?.id !== attribute?.id) {
      return undefined;
    }
    return call;
  }

  /** The call mentions the variable, or runs a statement built from it inside the loop. */
  private dependsOnVariable(call: Node): boolean {
    const name = this.parts.name;
    if (mentions(call.text, name)) return true;
    const argument = call.childForFieldName('arguments')?.firstNamedChild;
    if (argument?.type !== 'identifier') return false;
    const assignment = this.scopes.assignmentBefore(argument.text, argument);
    if (!assignment || assignment.start < this.start) return false;
    return mentions(assignment.value.text, name);
  }

  private isCodeAt(offset: number, type: string): boolean {
    return this.root.descendantForIndex(offset, offset + 1)?.type === type;
  }

  private isExcluded(offset: number): boolean {
    const excluded = this.parts.excluded;
    return !!excluded && offset >= excluded.startIndex && offset < excluded.endIndex;
  }
}

function isExecuted(use: QueryUseFact): boolean {
  return use.shape === 'models' || use.shape === 'rows' || use.shape === 'single';
}

function mentions(text: string, name: string): boolean {
  return new RegExp(`(^|[^\\w.])${name}\\b`).test(text);
}

function argumentPosition(list: Node, argument: Node): number | undefined {
  const index = namedChildren(list).findIndex((child) => child.id === argument.id);
  return index >= 0 ? index : undefined;
}
