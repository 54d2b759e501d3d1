// What the migrations may do that Seam could not read: the words of every opaque operation
// (`op.execute(some_variable)`, unknown op calls, SQL no dialect parses). A model column whose
// name such code mentions is not reported missing: the code may well create it.
import type { MigrationSource } from '../types';

export class UnreadableCode {
  private readonly words = new Set<string>();

  constructor(sources: readonly MigrationSource[]) {
    for (const source of sources) {
      for (const operation of source.upgrade) {
        if (operation.kind !== 'opaque') continue;
        for (const word of wordsOf(operation.text)) this.words.add(word);
        for (const mention of operation.mentions) this.words.add(mention.toLowerCase());
      }
    }
  }

  /** Whether unreadable migration code mentions every one of these names. */
  mentions(...names: string[]): boolean {
    return names.every((name) => this.words.has(name.toLowerCase()));
  }
}

function wordsOf(text: string): string[] {
  return (text.match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? []).map((word) => word.toLowerCase());
}
