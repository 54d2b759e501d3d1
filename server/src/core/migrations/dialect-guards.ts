// Dialect conditions around operations: `if op.get_bind().dialect.name == "sqlite":`, a helper
// such as `def is_postgres(): return op.get_context().dialect.name == "postgresql"`, or a variable
// bound to such a comparison. SQLite rules skip what only runs on other databases.
import type { Node } from 'web-tree-sitter';
import { namedChildren } from '../syntax/nodes';
import type { PythonModule } from './python-module';
import { readPythonCall, resolveName, stringOf, type NameScope } from './python-values';
import type { SqlDialect } from './sql-parse';
import type { DialectGuard } from './types';

const DIALECT_NAMES: Record<string, string> = {
  sqlite: 'sqlite',
  postgresql: 'postgresql',
  postgres: 'postgresql',
  mysql: 'mysql',
  mariadb: 'mysql',
  mssql: 'mssql',
  oracle: 'oracle',
};

export function invertGuard(guard: DialectGuard): DialectGuard {
  return { dialect: guard.dialect, equal: !guard.equal };
}

/** The dialect a condition tests, or undefined when it tests something else. */
export function dialectGuardOf(
  condition: Node | null | undefined,
  scope: NameScope,
  module: PythonModule,
  depth = 0,
): DialectGuard | undefined {
  if (!condition || depth > 3) return undefined;
  switch (condition.type) {
    case 'parenthesized_expression':
      return dialectGuardOf(condition.namedChildren[0], scope, module, depth + 1);
    case 'not_operator': {
      const inner = dialectGuardOf(
        condition.childForFieldName('argument'),
        scope,
        module,
        depth + 1,
      );
      return inner ? invertGuard(inner) : undefined;
    }
    case 'identifier': {
      const bound = resolveName(condition, scope);
      return bound === condition ? undefined : dialectGuardOf(bound, scope, module, depth + 1);
    }
    case 'call':
      return helperGuard(condition, scope, module, depth);
    case 'comparison_operator':
      return comparisonGuard(condition, scope);
  }
  return undefined;
}

/** `is_postgres()`: the comparison the helper returns. */
function helperGuard(node: Node, scope: NameScope, module: PythonModule, depth: number) {
  const call = readPythonCall(node);
  const definition = call ? module.functions.get(call.callee) : undefined;
  const body = definition?.childForFieldName('body');
  const returned = body
    ? namedChildren(body).find((s) => s.type === 'return_statement')
    : undefined;
  return dialectGuardOf(returned?.namedChildren[0], scope, module, depth + 1);
}

/** `<...dialect...> == "sqlite"` in either order, with `==` or `!=`. */
function comparisonGuard(node: Node, scope: NameScope): DialectGuard | undefined {
  const operands = namedChildren(node);
  const operators = node.children.filter((child) => child && !child.isNamed).map((c) => c?.type);
  if (operands.length !== 2 || operators.length !== 1) return undefined;
  const equal = operators[0] === '==' || operators[0] === 'is';
  if (!equal && operators[0] !== '!=' && operators[0] !== 'is not') return undefined;

  const [left, right] = operands;
  const mentionsDialect = (side: Node) => /dialect/.test(resolveName(side, scope)?.text ?? '');
  const literal = mentionsDialect(left) ? stringOf(right, scope) : undefined;
  const other = mentionsDialect(right) ? stringOf(left, scope) : undefined;
  const dialect = DIALECT_NAMES[(literal ?? other ?? '').toLowerCase()];
  return dialect ? { dialect, equal } : undefined;
}

/** Whether operations under these guards run on the given dialect (unguarded ones always do). */
export function runsOn(guards: readonly DialectGuard[], dialect: string): boolean {
  return guards.every((guard) => (guard.dialect === dialect) === guard.equal);
}

/** The dialects to read literal SQL with, given what the guards say. */
export function sqlDialectsFor(
  guards: readonly DialectGuard[],
  fallback: readonly SqlDialect[],
): SqlDialect[] {
  const only = guards.find((guard) => guard.equal)?.dialect;
  const first = (['sqlite', 'postgresql', 'mysql'] as SqlDialect[]).find((d) => d === only);
  const excluded = new Set(guards.filter((guard) => !guard.equal).map((guard) => guard.dialect));
  const rest = fallback.filter((dialect) => dialect !== first && !excluded.has(dialect));
  return first ? [first, ...rest] : rest.length ? rest : [...fallback];
}
