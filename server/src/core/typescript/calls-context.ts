// What the call extractor may ask about a module beyond the call it reads: imports, top-level
// declarations, string constants, axios instances and export lists (see calls-module.ts).
import type { Node } from 'web-tree-sitter';
import type { UrlPiece } from './calls-url';

export interface CallsContext {
  file: string;
  /** `axios` itself and any local name an `import ... from 'axios'` binds to the default export. */
  axiosNames: Set<string>;
  /** The text declares a Map, Set, URLSearchParams... somewhere, so receivers may be those. */
  mentionsCollections: boolean;
  /** Where the name follows `const`/`let`/`var` anywhere in the text (declaration candidates). */
  declarationPositions(name: string): number[];
  /** The top-level `const`/`let`/`var` declarator of a name. */
  topLevel(name: string): Node | undefined;
  /** A top-level string constant of this file, as URL pieces (`API_BASE` → `/api`). */
  constant(name: string): UrlPiece[] | undefined;
  /** The base URL pieces of a top-level `axios.create({ baseURL })` instance of this file. */
  instance(name: string): UrlPiece[] | undefined;
  /** Whether an import statement binds the name. */
  isImported(name: string): boolean;
  /** Whether a local `export { a, b as c }` list names it (by its local name). */
  inExportList(name: string): boolean;
}
