// Which assignment a name refers to at a point in a function: `parts = session.exec(...).all()`
// followed by `for part in parts:`. The file's `parts = ...` lines and its functions are found
// in its text (no tree walk); the tree is asked only for the assignment finally chosen.
import type { Node } from 'web-tree-sitter';
import { statementEnd, type AssignmentText, type SourceText } from './query-text';

export interface Assignment {
  name: string;
  value: Node;
  node: Node;
  start: number;
  end: number;
}

export class ScopeIndex {
  private readonly nodes = new Map<number, Assignment | null>();

  constructor(
    private readonly root: Node,
    private readonly source: SourceText,
  ) {}

  /** The last assignment to `name` in the function of `use` that ends before `use` starts. */
  assignmentBefore(name: string, use: Node): Assignment | undefined {
    const useOffset = use.startIndex;
    const scope = this.source.enclosingFunction(useOffset);
    const scopeStart = scope?.nameOffset ?? 0;
    let found: AssignmentText | undefined;
    for (const assignment of this.source.assignments(name)) {
      if (assignment.nameOffset >= useOffset) break;
      if (assignment.nameOffset < scopeStart) continue;
      // `stmt = stmt.where(...)`: the `stmt` on the right means the earlier assignment.
      if (this.endOf(assignment) > useOffset) continue;
      if (this.source.enclosingFunction(assignment.nameOffset) === scope) found = assignment;
    }
    return found ? this.assignmentNode(found, name) : undefined;
  }

  private endOf(assignment: AssignmentText & { end?: number }): number {
    assignment.end ??= statementEnd(this.source.text, assignment.valueOffset);
    return assignment.end;
  }

  /** The tree's assignment at a `name = ...` line, or undefined when the text misled. */
  private assignmentNode(text: AssignmentText, name: string): Assignment | undefined {
    const cached = this.nodes.get(text.nameOffset);
    if (cached !== undefined) return cached ?? undefined;
    const identifier = this.root.descendantForIndex(text.nameOffset, text.nameOffset + name.length);
    const node = identifier?.type === 'identifier' ? identifier.parent : undefined;
    const isLeft =
      node?.type === 'assignment' && node.childForFieldName('left')?.id === identifier?.id;
    const value = isLeft ? node?.childForFieldName('right') : undefined;
    const assignment =
      node && value ? { name, value, node, start: node.startIndex, end: node.endIndex } : null;
    this.nodes.set(text.nameOffset, assignment);
    return assignment ?? undefined;
  }
}
