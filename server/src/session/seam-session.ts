// The language server's state: one workspace index per root folder, the open documents with
// their trees, and the latest check of each root. Knows files and text, not LSP messages.
import { existsSync, readFileSync } from 'node:fs';
import { relative, sep } from 'node:path';
import type { Tree } from 'web-tree-sitter';
import type { FileFacts } from '../core/facts';
import type { SeamConfig } from '../core/config/seam-config';
import type { Finding } from '../core/findings/finding';
import { extractFacts } from '../core/extract';
import { checkWork, checkWorkspace, type CheckResult } from '../core/findings/check';
import type { WorkspaceIndex } from '../core/index/workspace-index';
import { silentLogger, type Logger } from '../core/log';
import { finishInSlices } from '../core/pausable';
import { grammarForFile } from '../core/syntax/parser';
import { CONFIG_FILE, loadSeamConfig } from '../workspace/load-config';
import type { WorkspaceLoader } from '../workspace/load-in-worker';
import { loadWorkspace, readAndExtract } from '../workspace/load-workspace';
import {
  DEFAULT_SETTINGS,
  mergeConfig,
  parseClientSettings,
  seamJsonKeys,
  type ClientSettings,
} from './client-settings';
import { applyChange, editForChange, type TextRangeChange } from './incremental-edit';

export interface RootState {
  path: string;
  index: WorkspaceIndex;
  config: SeamConfig;
  configProblems: string[];
  check?: { version: number; result: CheckResult };
  /** Findings of the last migration review run in this root, shown as diagnostics too. */
  migrationFindings?: Finding[];
  /** A check running in slices (see `checkInSlices`), with what it started from. */
  checking?: {
    version: number;
    index: WorkspaceIndex;
    config: SeamConfig;
    done: Promise<CheckResult>;
  };
}

interface OpenDocument {
  uri: string;
  path: string;
  text: string;
  version: number;
  tree?: Tree;
}

export interface Located {
  root: RootState;
  /** Path relative to the root, with forward slashes. */
  file: string;
}

export class SeamSession {
  readonly roots: RootState[] = [];
  private readonly documents = new Map<string, OpenDocument>();
  private settings: ClientSettings = DEFAULT_SETTINGS;

  /**
   * `load` builds a root's index from disk: in this thread by default, in a worker thread for the
   * server (see workspace/load-in-worker.ts).
   */
  constructor(
    private readonly logger: Logger = silentLogger,
    private readonly load: WorkspaceLoader = loadWorkspace,
  ) {}

  /** Indexes a root folder from disk; open documents then override their files. */
  async addRoot(path: string, onProgress?: (done: number, total: number) => void) {
    const { config, problems } = this.configFor(path);
    const workspace = await this.load(path, {
      logger: this.logger,
      include: config.include,
      exclude: config.exclude,
      onProgress,
    });
    const root: RootState = { path, index: workspace.index, config, configProblems: problems };
    this.roots.push(root);
    for (const document of this.documents.values()) this.refreshFacts(document);
    return { root, workspace };
  }

  /** Reads a root again from disk, with its current file filters; open documents still win. */
  async reindexRoot(root: RootState): Promise<void> {
    const workspace = await this.load(root.path, {
      logger: this.logger,
      include: root.config.include,
      exclude: root.config.exclude,
    });
    root.index = workspace.index;
    root.check = undefined;
    for (const document of this.documents.values()) this.refreshFacts(document);
  }

  locate(path: string): Located | undefined {
    const root = this.roots
      .filter((r) => path === r.path || path.startsWith(r.path + sep))
      .sort((a, b) => b.path.length - a.path.length)[0];
    if (!root) return undefined;
    return { root, file: relative(root.path, path).split(sep).join('/') };
  }

  openDocument(uri: string, path: string, text: string, version: number): void {
    const document: OpenDocument = { uri, path, text, version };
    this.documents.set(uri, document);
    this.refreshFacts(document);
  }

  /** Applies LSP content changes (ranged or whole-text) and reparses incrementally. */
  changeDocument(uri: string, changes: (TextRangeChange | { text: string })[], version: number) {
    const document = this.documents.get(uri);
    if (!document) return;
    for (const change of changes) {
      if ('range' in change) {
        document.tree?.edit(editForChange(document.text, change));
        document.text = applyChange(document.text, change);
      } else {
        document.tree?.delete();
        document.tree = undefined;
        document.text = change.text;
      }
    }
    document.version = version;
    this.refreshFacts(document);
  }

  closeDocument(uri: string): void {
    const document = this.documents.get(uri);
    if (!document) return;
    document.tree?.delete();
    this.documents.delete(uri);
    // The file on disk is the truth again once the editor lets go of it.
    this.fileChangedOnDisk(document.path);
  }

  document(uri: string): { text: string; version: number; path: string } | undefined {
    return this.documents.get(uri);
  }

  openUris(): string[] {
    return [...this.documents.keys()];
  }

  /** A file was created, changed or deleted outside the editor (or by a git checkout). */
  fileChangedOnDisk(path: string): void {
    const located = this.locate(path);
    if (!located || this.isOpen(path)) return;
    if (located.file === CONFIG_FILE) return this.reloadConfig(located.root);
    if (!grammarForFile(path)) return;
    if (existsSync(path))
      located.root.index.setFile(readAndExtract(located.root.path, located.file));
    else located.root.index.removeFile(located.file);
  }

  /** False when the editor's `seam.enable` setting is off: no findings, no features. */
  get enabled(): boolean {
    return this.settings.enable;
  }

  /**
   * Takes the editor's `seam` settings section; seam.json still overrides them per root. Returns
   * the problems with the settings, and whether the file filters changed (a re-index is due).
   */
  applySettings(raw: unknown): { problems: string[]; filtersChanged: boolean } {
    const { settings, problems } = parseClientSettings(raw);
    this.settings = settings;
    let filtersChanged = false;
    for (const root of this.roots) {
      const before = JSON.stringify([root.config.include, root.config.exclude]);
      this.reloadConfig(root);
      filtersChanged ||= before !== JSON.stringify([root.config.include, root.config.exclude]);
    }
    return { problems, filtersChanged };
  }

  /** The latest findings of a root, re-checked only when its index changed. */
  check(root: RootState): CheckResult {
    if (!this.enabled) return { findings: [], pairing: emptyPairing() };
    if (root.check?.version === root.index.version) return root.check.result;
    const view = root.index.view();
    const result = checkWorkspace(view, root.index.allFacts(), root.config, this.logger);
    root.check = { version: root.index.version, result };
    return result;
  }

  /**
   * `check`, run in slices of a few milliseconds so the server answers the editor in between (a
   * whole check of a large workspace takes most of a second). Callers asking while a check of the
   * same index version runs share it. The result is kept only when nothing changed meanwhile.
   */
  checkInSlices(root: RootState): Promise<CheckResult> {
    if (!this.enabled) return Promise.resolve({ findings: [], pairing: emptyPairing() });
    const { index, config } = root;
    const version = index.version;
    if (root.check?.version === version) return Promise.resolve(root.check.result);
    const running = root.checking;
    if (running?.version === version && running.index === index && running.config === config)
      return running.done;
    // The view copies the file map when it starts; the rules read the facts of that moment too.
    const facts = [...index.allFacts()];
    const done = (async () => {
      const view = await finishInSlices(index.viewWork());
      const result = await finishInSlices(checkWork(view, facts, config, this.logger));
      if (root.index === index && root.config === config && index.version === version)
        root.check = { version, result };
      return result;
    })();
    root.checking = { version, index, config, done };
    const clear = () => {
      if (root.checking?.done === done) root.checking = undefined;
    };
    done.then(clear, clear);
    return done;
  }

  /** Resolves once every root's check is current, checking in slices meanwhile. */
  async checksCurrent(): Promise<void> {
    // Edits during a check make it stale; a few rounds catch up with a burst of them, and a
    // caller still behind after that checks at once (`check`) rather than wait on the typing.
    for (let round = 0; round < 3; round++) {
      const stale = this.roots.filter((root) => root.check?.version !== root.index.version);
      if (!stale.length || !this.enabled) return;
      for (const root of stale) await this.checkInSlices(root);
    }
  }

  /** The text of a workspace file: the open document's, else the file on disk. */
  readText(path: string): string | undefined {
    for (const document of this.documents.values())
      if (document.path === path) return document.text;
    try {
      return readFileSync(path, 'utf8');
    } catch {
      return undefined;
    }
  }

  private isOpen(path: string): boolean {
    for (const document of this.documents.values()) if (document.path === path) return true;
    return false;
  }

  private reloadConfig(root: RootState): void {
    const { config, problems } = this.configFor(root.path);
    root.config = config;
    root.configProblems = problems;
    root.check = undefined;
  }

  /** seam.json merged over the editor's settings, with seam.json's problems. */
  private configFor(rootPath: string) {
    const fromFile = loadSeamConfig(rootPath);
    const config = mergeConfig(this.settings, fromFile, seamJsonKeys(rootPath));
    return { config, problems: fromFile.problems };
  }

  private refreshFacts(document: OpenDocument): void {
    const located = this.locate(document.path);
    if (!located || !grammarForFile(document.path)) return;
    const result = extractFacts(located.file, document.text, {
      keepTree: true,
      oldTree: document.tree,
    });
    document.tree?.delete();
    document.tree = result.tree;
    // Most keystrokes (inside a function body, a comment) leave the file's facts as they were;
    // keeping the index's version then spares the whole workspace a re-check.
    const previous = located.root.index.fileFacts(located.file);
    if (previous && sameFacts(previous, result.facts)) return;
    located.root.index.setFile(result.facts);
  }
}

function sameFacts(a: FileFacts, b: FileFacts): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function emptyPairing(): CheckResult['pairing'] {
  return { pairs: [], possible: [], dictResponses: [], envelopeMismatches: [], callLinks: [] };
}
