// Where frontend code reads a property of a given name. Files that import the type (or declare
// it) are asked first; then any hand-written TS file, since values often arrive through a
// service function without the type ever being imported where they are read.
import type { FileFacts } from '../facts';
import type { ResolvedEntity } from '../index/resolved';
import { sameItems } from '../objects';
import type { Pausable } from '../pausable';

export class PropertyReads {
  private readonly filesByName = new Map<string, string[]>();
  private readonly importersByName = new Map<string, Set<string>>();

  constructor(files: Iterable<FileFacts>) {
    for (const facts of files) this.add(facts);
  }

  /**
   * The reads of `files` as pausable work (see core/pausable.ts), a pause after each file. The
   * reads built last are given again while the frontend's facts are the same objects: an edit in
   * a Python file re-checks everything, but leaves these alone.
   */
  static *build(files: Iterable<FileFacts>): Pausable<PropertyReads> {
    const sources = [...files].filter(readsFrom);
    if (lastBuilt && sameItems(lastBuilt.sources, sources)) return lastBuilt.reads;
    const reads = new PropertyReads([]);
    for (const facts of sources) {
      reads.add(facts);
      yield;
    }
    lastBuilt = { sources, reads };
    return reads;
  }

  private add(facts: FileFacts): void {
    if (!readsFrom(facts)) return;
    for (const name of facts.propertyReads) push(this.filesByName, name, facts.file);
    for (const statement of facts.imports) {
      for (const imported of statement.names) {
        const set = this.importersByName.get(imported.name) ?? new Set();
        set.add(facts.file);
        this.importersByName.set(imported.name, set);
      }
    }
  }

  /** A file reading `fieldName` where a value of `entity` may be, or undefined. */
  whereRead(entity: ResolvedEntity, fieldName: string): string | undefined {
    const files = this.filesByName.get(fieldName);
    if (!files?.length) return undefined;
    const near = this.importersByName.get(entity.name) ?? new Set<string>();
    return files.find((file) => file === entity.file || near.has(file)) ?? files[0];
  }
}

let lastBuilt: { sources: FileFacts[]; reads: PropertyReads } | undefined;

/** Hand-written frontend files: generated clients declare types, they do not read them. */
function readsFrom(facts: FileFacts): boolean {
  return facts.language === 'typescript' && !facts.generated;
}

function push(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
