// Turns one file's text into its facts. This is the only entry point from text to facts, and it
// never throws: a failure becomes a problem on the file and whatever was extracted before it.
import type { Tree } from 'web-tree-sitter';
import { detachStrings } from './detach-strings';
import { emptyFacts, type FileFacts } from './facts';
import { extractPythonFacts } from './python/extract-python';
import { findSuppressions } from './suppressions';
import { grammarForFile, parseText } from './syntax/parser';
import { extractTypeScriptFacts } from './typescript/extract-typescript';

/** Files above this size are skipped: they are generated bundles or data, not hand-written code. */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;

export interface ExtractResult {
  facts: FileFacts;
  /** The tree, when `keepTree` was asked for; the caller then owns it and must delete it. */
  tree?: Tree;
}

export interface ExtractOptions {
  keepTree?: boolean;
  /** An already edited previous tree, for an incremental reparse. */
  oldTree?: Tree | null;
}

export function extractFacts(
  file: string,
  text: string,
  options: ExtractOptions = {},
): ExtractResult {
  const grammar = grammarForFile(file);
  const language = grammar === 'python' ? 'python' : 'typescript';
  const facts = emptyFacts(file, language);
  if (!grammar) {
    facts.problems.push({ message: 'not a Python or TypeScript file' });
    return { facts };
  }
  if (text.length > MAX_FILE_BYTES) {
    facts.problems.push({ message: `skipped: larger than ${MAX_FILE_BYTES} bytes` });
    return { facts };
  }
  if (text.includes('\u0000')) {
    facts.problems.push({ message: 'skipped: binary content' });
    return { facts };
  }

  facts.suppressions = findSuppressions(text);
  let tree: Tree | null = null;
  try {
    tree = parseText(grammar, text, options.oldTree);
    if (!tree) {
      facts.problems.push({ message: 'the parser gave up on this file' });
      return { facts };
    }
    if (grammar === 'python') extractPythonFacts(tree, text, facts);
    else extractTypeScriptFacts(tree, grammar, text, facts);
  } catch (error) {
    facts.problems.push({ message: `extraction failed: ${describeError(error)}` });
  }
  detachStrings(facts);

  if (tree && options.keepTree) return { facts, tree };
  tree?.delete();
  return { facts };
}

function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.message}\n${error.stack ?? ''}`;
  return String(error);
}
