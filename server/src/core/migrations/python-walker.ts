// Walks the statements of a revision's upgrade()/downgrade() (or a whole script) in order and
// collects its operations: `op.*` calls, `batch_alter_table` blocks, literal SQL sent through
// `execute`, dialect conditions around them, and helpers of the same module that they call.
import type { Node } from 'web-tree-sitter';
import { namedChildren } from '../syntax/nodes';
import { alembicOperations } from './alembic-ops';
import { dialectGuardOf, invertGuard, sqlDialectsFor } from './dialect-guards';
import type { PythonModule } from './python-module';
import { recordAssignment } from './python-module';
import { locatedString } from './python-strings';
import {
  argumentOf,
  readPythonCall,
  resolveName,
  stringListOf,
  stringOf,
  type NameScope,
  type PythonCall,
} from './python-values';
import type { SqlDialect } from './sql-parse';
import { operationsFromSql } from './sql-operations';
import type { DialectGuard, Operation, OperationDetail, OperationPhase } from './types';

export interface WalkOptions {
  file: string;
  module: PythonModule;
  /** Scripts have no `op`; their commits end transactions and helpers are walked where defined. */
  mode: 'revision' | 'script';
  /** Dialects to read literal SQL with, the project's own first. */
  dialects: readonly SqlDialect[];
}

interface WalkContext {
  phase: OperationPhase;
  batch?: { variable: string; table: string };
  guards: DialectGuard[];
  autocommit: boolean;
  scope: Map<string, Node>;
  /** Helper functions being walked, so that recursion stops. */
  stack: string[];
}

const EXECUTE_METHODS = new Set(['execute', 'executescript', 'exec_driver_sql']);
/** Calls whose first argument is the SQL itself: `text("...")`, `dedent("""...""")`. */
const TEXT_CALLS = new Set(['text', 'DDL', 'dedent']);
/** Methods on a `text(...)` object that keep its SQL: `.bindparams(...)`, `.columns(...)`. */
const TEXT_METHODS = new Set(['bindparams', 'columns', 'execution_options']);
const MAX_HELPER_DEPTH = 3;

export class PythonWalker {
  readonly operations: Operation[] = [];

  constructor(private readonly options: WalkOptions) {}

  /** Walks one function's body; `phase` says whether it is upgrade(), downgrade() or a script. */
  walkFunction(definition: Node, phase: OperationPhase): void {
    const context: WalkContext = {
      phase,
      guards: [],
      autocommit: false,
      scope: new Map(this.options.module.assignments),
      stack: [definition.childForFieldName('name')?.text ?? ''],
    };
    this.walkBlock(definition.childForFieldName('body'), context);
  }

  /** Walks a script's top-level statements and, where they are defined, its functions. */
  walkScript(root: Node): void {
    const context: WalkContext = {
      phase: 'script',
      guards: [],
      autocommit: false,
      scope: new Map(this.options.module.assignments),
      stack: [],
    };
    this.walkBlock(root, context);
  }

  private walkBlock(block: Node | null | undefined, context: WalkContext): void {
    if (!block) return;
    for (const statement of namedChildren(block)) this.walkStatement(statement, context);
  }

  private walkStatement(statement: Node, context: WalkContext): void {
    switch (statement.type) {
      case 'expression_statement':
      case 'return_statement':
        this.handleCalls(statement, context);
        if (statement.namedChildren[0]?.type === 'assignment') {
          recordAssignment(statement.namedChildren[0], context.scope);
        }
        return;
      case 'with_statement':
        return this.walkWith(statement, context);
      case 'if_statement':
        return this.walkIf(statement, context);
      case 'for_statement':
        return this.walkFor(statement, context);
      case 'while_statement':
        return this.walkBlock(statement.childForFieldName('body'), context);
      case 'try_statement':
        return this.walkTry(statement, context);
    }
    this.walkDefinition(statement, context);
  }

  /** In scripts, functions and methods are walked where they are defined, in file order. */
  private walkDefinition(statement: Node, context: WalkContext): void {
    if (this.options.mode !== 'script') return;
    const definition =
      statement.type === 'decorated_definition'
        ? statement.childForFieldName('definition')
        : statement;
    if (definition?.type !== 'function_definition' && definition?.type !== 'class_definition') {
      return;
    }
    const scope = new Map(this.options.module.assignments);
    this.walkBlock(definition.childForFieldName('body'), { ...context, scope });
  }

  private walkWith(statement: Node, context: WalkContext): void {
    let inner = context;
    for (const item of statement.descendantsOfType('with_item')) {
      const value = item?.childForFieldName('value');
      const call = readPythonCall(value?.type === 'as_pattern' ? value.namedChildren[0] : value);
      if (!call || !value) continue;
      if (call.name === 'batch_alter_table') inner = this.batchContext(call, value, inner);
      else if (call.name === 'autocommit_block') inner = { ...inner, autocommit: true };
    }
    this.walkBlock(statement.childForFieldName('body'), inner);
  }

  private batchContext(call: PythonCall, value: Node, context: WalkContext): WalkContext {
    const table = stringOf(argumentOf(call, 0, 'table_name'), context.scope);
    const alias = value.type === 'as_pattern' ? value.childForFieldName('alias') : null;
    const variable = alias?.descendantsOfType('identifier')[0]?.text;
    return table && variable ? { ...context, batch: { variable, table } } : context;
  }

  private walkIf(statement: Node, context: WalkContext): void {
    const module = this.options.module;
    const guard = dialectGuardOf(statement.childForFieldName('condition'), context.scope, module);
    const guarded = (extra: DialectGuard[]) => ({
      ...context,
      guards: [...context.guards, ...extra],
    });
    this.walkBlock(statement.childForFieldName('consequence'), guarded(guard ? [guard] : []));

    const previous: DialectGuard[] = guard ? [invertGuard(guard)] : [];
    for (const alternative of statement.childrenForFieldName('alternative')) {
      if (!alternative) continue;
      const condition = alternative.childForFieldName('condition');
      const own = condition ? dialectGuardOf(condition, context.scope, module) : undefined;
      const body =
        alternative.childForFieldName('consequence') ?? alternative.childForFieldName('body');
      this.walkBlock(body, guarded(own ? [...previous, own] : previous));
      if (own) previous.push(invertGuard(own));
    }
  }

  /** `for table in ["a", "b"]:` runs the body once per name; other loops are walked once. */
  private walkFor(statement: Node, context: WalkContext): void {
    const variable = statement.childForFieldName('left');
    const body = statement.childForFieldName('body');
    const items = resolveName(statement.childForFieldName('right') ?? undefined, context.scope);
    const names = variable?.type === 'identifier' ? stringListOf(items, context.scope) : undefined;
    if (!names?.length || !variable || !items) return this.walkBlock(body, context);
    const literals = namedChildren(items);
    literals.forEach((literal) => {
      const scope = new Map(context.scope).set(variable.text, literal);
      this.walkBlock(body, { ...context, scope });
    });
  }

  private walkTry(statement: Node, context: WalkContext): void {
    for (const child of namedChildren(statement)) {
      if (child.type === 'block') this.walkBlock(child, context);
      else if (child.type === 'else_clause' || child.type === 'finally_clause') {
        this.walkBlock(child.childForFieldName('body') ?? child.namedChildren.at(-1), context);
      }
    }
  }

  /**
   * Every call in a statement, outermost first; calls inside a handled call are its arguments.
   * Most statements are one call that is handled whole (`op.create_table(...)`): reading the
   * statement's own children first spares marshalling every call nested in its arguments out of
   * wasm, which a search of the whole statement does.
   */
  private handleCalls(statement: Node, context: WalkContext): void {
    for (const child of statement.namedChildren) {
      if (!child) continue;
      const isCall = child.type === 'call';
      const call = isCall ? readPythonCall(child) : undefined;
      if (call && this.handleCall(call, context)) continue;
      this.handleNestedCalls(child, isCall, context);
    }
  }

  /** The calls inside `node` (and `node` itself unless it was tried already), outermost first. */
  private handleNestedCalls(node: Node, skipSelf: boolean, context: WalkContext): void {
    let handledUntil = -1;
    for (const nested of node.descendantsOfType('call')) {
      if (!nested || nested.startIndex < handledUntil) continue;
      if (skipSelf && nested.id === node.id) continue;
      const call = readPythonCall(nested);
      if (call && this.handleCall(call, context)) handledUntil = nested.endIndex;
    }
  }

  private handleCall(call: PythonCall, context: WalkContext): boolean {
    const isOp = call.receiver === 'op' || call.receiver === context.batch?.variable;
    if (isOp && this.options.mode === 'revision') {
      if (call.name === 'execute') this.rawSql(call, context);
      else
        this.pushDetails(
          alembicOperations(call, this.targetOf(call, context), context.scope),
          call,
          context,
        );
      return true;
    }
    if (call.receiver && EXECUTE_METHODS.has(call.name)) {
      this.rawSql(call, context);
      return true;
    }
    if (
      this.options.mode === 'script' &&
      call.receiver &&
      ['commit', 'rollback'].includes(call.name)
    ) {
      const action = call.name as 'commit' | 'rollback';
      this.pushDetails([{ kind: 'transaction', action }], call, context);
      return true;
    }
    return this.walkHelper(call, context);
  }

  private targetOf(call: PythonCall, context: WalkContext) {
    return call.receiver === context.batch?.variable ? { batchTable: context.batch.table } : {};
  }

  /** A module function called from upgrade(): its body, with literal arguments bound. */
  private walkHelper(call: PythonCall, context: WalkContext): boolean {
    const definition = this.options.module.functions.get(call.callee);
    if (this.options.mode !== 'revision' || !definition) return false;
    if (context.stack.includes(call.callee) || context.stack.length > MAX_HELPER_DEPTH)
      return false;
    const scope = new Map(this.options.module.assignments);
    const parameters = definition.childForFieldName('parameters');
    namedChildren(parameters ?? definition).forEach((parameter, index) => {
      const value = call.positional[index];
      const bound = value ? resolveName(value, context.scope) : undefined;
      if (parameter.type === 'identifier' && bound) scope.set(parameter.text, bound);
    });
    const stack = [...context.stack, call.callee];
    this.walkBlock(definition.childForFieldName('body'), { ...context, scope, stack });
    return true;
  }

  /** `op.execute("...")`, `conn.execute(text("..."))`, `cursor.executescript("""...""")`. */
  private rawSql(call: PythonCall, context: WalkContext): void {
    const first = argumentOf(call, 0, 'sqltext') ?? call.keywords.get('statement');
    const argument = sqlArgument(first, context.scope);
    const located = locatedString(argument);
    if (!located) {
      const text = this.unreadableText(call, context);
      this.pushDetails([{ kind: 'opaque', text, mentions: [] }], call, context);
      return;
    }
    const base = this.baseOf(context);
    const sql = operationsFromSql(
      located,
      base,
      sqlDialectsFor(context.guards, this.options.dialects),
    );
    if (sql.parsed) this.operations.push(...sql.operations);
    else this.pushDetails([{ kind: 'opaque', text: located.text, mentions: [] }], call, context);
  }

  /** The call's text and that of the helpers and variables it uses: what it may create. */
  private unreadableText(call: PythonCall, context: WalkContext): string {
    const parts = [call.node.text];
    for (const identifier of call.node.descendantsOfType('identifier')) {
      const name = identifier?.text ?? '';
      const helper = this.options.module.functions.get(name);
      const bound = context.scope.get(name);
      if (helper) parts.push(helper.text);
      else if (bound) parts.push(bound.text);
    }
    return parts.join('\n');
  }

  private baseOf(context: WalkContext) {
    return {
      file: this.options.file,
      phase: context.phase,
      batch: false,
      guards: [...context.guards],
      ...(context.autocommit ? { autocommit: true } : {}),
    };
  }

  private pushDetails(details: OperationDetail[], call: PythonCall, context: WalkContext): void {
    const batch = call.receiver === context.batch?.variable && !!context.batch;
    for (const detail of details) {
      const base = { ...this.baseOf(context), batch, raw: false, range: call.calleeRange };
      this.operations.push({ ...base, ...detail } as Operation);
    }
  }
}

/** The literal SQL node inside `text(dedent("..."))`, `sa.text(q).bindparams(...)`, names. */
function sqlArgument(node: Node | undefined, scope: NameScope): Node | undefined {
  let current = resolveName(node, scope);
  for (let step = 0; step < 6; step++) {
    const call = readPythonCall(current);
    if (!call) return current;
    if (TEXT_CALLS.has(call.name)) current = resolveName(call.positional[0], scope);
    else if (TEXT_METHODS.has(call.name)) {
      const method = call.node.childForFieldName('function');
      current = resolveName(method?.childForFieldName('object') ?? undefined, scope);
    } else return current;
  }
  return current;
}
