// Security properties as tests. Workspace text must never reach eval, Function, a child process
// or the network: a syntax-tree scan of server/src and client/src allows git (execFile with an
// argument array, in the migration review) and fetch (in the chat client) and nothing else.
// Webviews carry a strict content security policy; chat sends nothing from untrusted workspaces.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it, vi } from 'vitest';

const trust = vi.hoisted(() => ({
  trusted: false,
  workspaceValues: {} as Record<string, unknown>,
}));

// The VS Code API exists only inside the editor: this stand-in has what chat-settings reads.
vi.mock('vscode', () => ({
  workspace: {
    get isTrusted() {
      return trust.trusted;
    },
    getConfiguration: () => ({
      get: (_key: string, fallback: unknown) => fallback,
      inspect: (key: string) => ({ workspaceValue: trust.workspaceValues[key] }),
    }),
  },
}));

import { chatBlockedReason, readChatSettings } from '../../client/src/chat/chat-settings';
import { contentSecurityPolicy, panelHtml } from '../../client/src/chat/panel-html';
import { reportHtml } from '../../client/src/migration-review';

const REPO = join(__dirname, '..', '..');
const GIT_RUNNER = 'server/src/core/migrations/git-baseline.ts';
const CHAT_CLIENT = 'server/src/core/chat/openai-client.ts';
const NETWORK_MODULES =
  /^(node:)?(http|https|http2|net|tls|dgram|dns)$|^(undici|axios|node-fetch|ws)$/;
const INDEX_WORKER = 'server/src/workspace/index-worker.ts';
const WORKER_LOADER = 'server/src/workspace/load-in-worker.ts';
const WORKER_SCRIPT = "join(__dirname, 'index-worker.js')";
const CLI_LOADER = 'server/src/workspace/analyze-workspace.ts';
const PROCESS_MODULES = /^(node:)?(child_process|vm|worker_threads|cluster)$/;

interface Use {
  file: string;
  line: number;
  what: string;
}

const sources = [...listFiles('server/src'), ...listFiles('client/src')].map((file) => ({
  file,
  tree: ts.createSourceFile(
    file,
    readFileSync(join(REPO, file), 'utf8'),
    ts.ScriptTarget.Latest,
    true,
  ),
}));

function listFiles(folder: string): string[] {
  return readdirSync(join(REPO, folder)).flatMap((name) => {
    const path = `${folder}/${name}`;
    if (statSync(join(REPO, path)).isDirectory()) return listFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

type Describe = (node: ts.Node) => string | undefined;

/** Every node of every source file that `describe` names as a use of something dangerous. */
function usesWhere(describe: Describe, files = sources): Use[] {
  const uses: Use[] = [];
  for (const { file, tree } of files) {
    const visit = (node: ts.Node): void => {
      const what = describe(node);
      if (what) {
        const line = tree.getLineAndCharacterOfPosition(node.getStart(tree)).line + 1;
        uses.push({ file, line, what });
      }
      ts.forEachChild(node, visit);
    };
    visit(tree);
  }
  return uses;
}

/** The module a node imports: `import ... from 'm'`, `require('m')`, `import('m')`. */
function importedModule(node: ts.Node): string | undefined {
  if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) {
    const specifier = node.moduleSpecifier;
    return specifier && ts.isStringLiteral(specifier) ? specifier.text : undefined;
  }
  if (!ts.isCallExpression(node)) return undefined;
  const callee = node.expression;
  const isLoader =
    callee.kind === ts.SyntaxKind.ImportKeyword ||
    (ts.isIdentifier(callee) && callee.text === 'require');
  const first = node.arguments[0];
  if (!isLoader || !first) return undefined;
  return ts.isStringLiteralLike(first) ? first.text : '<computed>';
}

function calleeName(node: ts.Node): string | undefined {
  if (!ts.isCallExpression(node) && !ts.isNewExpression(node)) return undefined;
  const callee = node.expression;
  if (ts.isIdentifier(callee)) return callee.text;
  if (ts.isPropertyAccessExpression(callee)) return `.${callee.name.text}`;
  return undefined;
}

const evalOrFunction: Describe = (node) => {
  const name = calleeName(node);
  if (name === 'eval' || name === '.eval') return 'eval';
  if (name === 'Function' || name === '.Function') return 'Function';
  return ts.isIdentifier(node) && node.text === 'eval' && !ts.isCallExpression(node.parent)
    ? 'a reference to eval'
    : undefined;
};

const computedImport: Describe = (node) =>
  importedModule(node) === '<computed>' ? 'computed import' : undefined;

describe('the scan itself', () => {
  it('sees each thing it looks for in a planted file', () => {
    const planted = [
      "eval('1'); const e = eval; new Function('return 1'); globalThis.eval('2');",
      "require(name); import('./' + name); import('node:fs');",
    ].join('\n');
    const tree = ts.createSourceFile('planted.ts', planted, ts.ScriptTarget.Latest, true);
    const files = [{ file: 'planted.ts', tree }];
    expect(usesWhere(evalOrFunction, files).map((use) => use.what)).toEqual([
      'eval',
      'a reference to eval',
      'Function',
      'eval',
      'a reference to eval',
    ]);
    expect(usesWhere(computedImport, files).map((use) => use.line)).toEqual([2, 2]);
  });
});

describe('no code runs from workspace text', () => {
  it('never calls eval or the Function constructor', () => {
    expect(usesWhere(evalOrFunction)).toEqual([]);
  });

  it('never loads a module whose name is computed', () => {
    expect(usesWhere(computedImport)).toEqual([]);
  });

  it('imports child processes only in the git runner, and threads only for indexing', () => {
    const imports = usesWhere((node) => {
      const module = importedModule(node);
      return module && PROCESS_MODULES.test(module) ? module : undefined;
    });
    expect(imports).toEqual([
      { file: GIT_RUNNER, line: expect.any(Number), what: 'node:child_process' },
      { file: INDEX_WORKER, line: expect.any(Number), what: 'node:worker_threads' },
      { file: WORKER_LOADER, line: expect.any(Number), what: 'node:worker_threads' },
    ]);
    const runner = readFileSync(join(REPO, GIT_RUNNER), 'utf8');
    expect(runner).toMatch(/import \{ execFile \} from 'node:child_process';/);
    expect(runner).not.toMatch(/\bshell\s*:/);
    expect(runner).not.toMatch(/\b(exec|execSync|spawn|spawnSync|fork)\s*\(/);
  });

  it('starts a worker only from the bundled index worker, never from workspace text', () => {
    const workers = usesWhere((node) =>
      ts.isNewExpression(node) &&
      ts.isIdentifier(node.expression) &&
      node.expression.text === 'Worker'
        ? node.arguments?.[0]?.getText()
        : undefined,
    );
    expect(workers).toEqual([{ file: WORKER_LOADER, line: expect.any(Number), what: 'script' }]);
    const loaders = usesWhere((node) =>
      ts.isCallExpression(node) &&
      ['workerLoader', 'parallelLoader'].includes(calleeName(node) ?? '')
        ? node.arguments[0]?.getText()
        : undefined,
    );
    expect(loaders).toEqual([
      { file: 'server/src/server.ts', line: expect.any(Number), what: WORKER_SCRIPT },
      { file: CLI_LOADER, line: expect.any(Number), what: 'script' },
    ]);
    const cliLoader = readFileSync(join(REPO, CLI_LOADER), 'utf8');
    expect(cliLoader).toContain(`const script = ${WORKER_SCRIPT};`);
  });

  it('runs git by name with an argument array, never a command line', () => {
    const runs = usesWhere((node) => {
      if (!ts.isCallExpression(node) || calleeName(node) !== 'run') return undefined;
      const [program, args] = node.arguments;
      const literalGit = !!program && ts.isStringLiteral(program) && program.text === 'git';
      const isArray = !!args && (ts.isArrayLiteralExpression(args) || ts.isIdentifier(args));
      return `${literalGit ? 'git' : 'other'} ${isArray ? 'array' : 'other'}`;
    }).filter((use) => use.file === GIT_RUNNER);
    expect(runs.map((use) => use.what)).toEqual(['git array']);
    const runner = readFileSync(join(REPO, GIT_RUNNER), 'utf8');
    expect(runner).toMatch(/async function git\(root: string, args: string\[\]\)/);
  });
});

describe('nothing reaches the network but the chat client', () => {
  it('calls fetch only in the chat client', () => {
    const uses = usesWhere((node) => {
      const name = calleeName(node);
      return name === 'fetch' || name === '.fetch' ? 'fetch' : undefined;
    });
    expect(uses.map((use) => use.file)).toEqual([CHAT_CLIENT]);
  });

  it('imports no network module and uses no socket API', () => {
    const uses = usesWhere((node) => {
      const module = importedModule(node);
      if (module && NETWORK_MODULES.test(module)) return module;
      const name = calleeName(node);
      return name === 'XMLHttpRequest' || name === 'WebSocket' ? name : undefined;
    });
    expect(uses).toEqual([]);
  });
});

describe('webviews', () => {
  const hostile = '<script>alert(1)</script><img src=x onerror="alert(2)">';

  it('are all built by a page function that sets the policy', () => {
    const assignments = usesWhere((node) => {
      if (!ts.isBinaryExpression(node) || node.operatorToken.kind !== ts.SyntaxKind.EqualsToken)
        return undefined;
      const target = node.left.getText();
      return target.endsWith('webview.html') ? calleeName(node.right) : undefined;
    });
    expect(assignments.map((use) => use.what).sort()).toEqual(['panelHtml', 'reportHtml']);
  });

  it('allow nothing by default, and scripts and styles only with the page nonce', () => {
    const policy = contentSecurityPolicy({ nonce: 'N0nce', cspSource: 'vscode-webview:' });
    const directives = new Map(policy.split('; ').map((d) => [d.split(' ')[0], d]));
    expect(directives.get('default-src')).toBe("default-src 'none'");
    expect(directives.get('script-src')).toBe("script-src 'nonce-N0nce'");
    expect(policy).not.toMatch(/unsafe-inline|unsafe-eval|\*|https?:|data:/);
  });

  const pages = [
    {
      title: 'the chat panel',
      html: () => panelHtml({ nonce: 'N0nce', cspSource: 'vscode-webview:' }),
    },
    {
      title: 'the migration review, with hostile workspace text',
      html: () =>
        reportHtml(
          {
            markdown: hostile,
            findings: [
              {
                code: hostile,
                severity: 'error',
                message: hostile,
                uri: 'file:///w/a.py',
                range: { start: { line: 0 } },
              },
            ],
          },
          'N0nce',
          'vscode-webview:',
        ),
    },
  ];
  for (const { title, html } of pages) {
    it(`${title}: carries the policy and runs only nonce'd inline scripts`, () => {
      const page = html();
      expect(page).toMatch(
        /<meta http-equiv="Content-Security-Policy" content="default-src 'none';/,
      );
      const scripts = page.match(/<script\b[^>]*>/g) ?? [];
      expect(scripts.length).toBeGreaterThan(0);
      for (const tag of scripts) expect(tag).toBe('<script nonce="N0nce">');
      // Workspace text arrives escaped: no tag it carried opens, no handler attribute exists.
      expect(page).not.toMatch(/<img|<[^>]*\son\w+=/i);
    });
  }
});

describe('chat in an untrusted workspace', () => {
  const settings = {
    enabled: true,
    endpoint: 'https://llm.example',
    model: '',
    agentFile: '',
    tokenBudget: 100,
  };

  it('is blocked until the workspace is trusted', () => {
    trust.trusted = false;
    expect(chatBlockedReason(settings)).toMatch(/untrusted workspace/);
    trust.trusted = true;
    expect(chatBlockedReason(settings)).toBeUndefined();
    trust.trusted = false;
  });

  it('cannot be turned on or pointed elsewhere by the workspace settings', () => {
    trust.workspaceValues = { enabled: true, endpoint: 'https://attacker.example' };
    expect(readChatSettings()).toMatchObject({ enabled: false, endpoint: '' });
    trust.workspaceValues = {};
  });

  it('checks the gate before every send', () => {
    // A sender is a function that calls the chat endpoint or a VS Code language model; each must
    // check chatBlockedReason itself, or be called only from functions that check it first.
    const functions = clientFunctions();
    const senders = [...functions.values()].filter((f) =>
      /sendChatCompletion\(|\bmodel\.sendRequest\(/.test(f.body),
    );
    expect(senders.map((f) => f.name).sort()).toEqual(['sendToModel', 'stream']);
    for (const sender of senders) {
      const callers = [...functions.values()].filter((f) => callsFunction(f.body, sender.name));
      expect(callers.length, `callers of ${sender.name}`).toBeGreaterThan(0);
      for (const caller of callers) {
        const gate = caller.body.indexOf('chatBlockedReason(');
        const call = caller.body.search(new RegExp(`\\b${sender.name}\\(`));
        expect(gate, `${caller.name} checks the gate before ${sender.name}`).toBeGreaterThanOrEqual(
          0,
        );
        expect(gate).toBeLessThan(call);
      }
    }
  });
});

/** Functions and methods of client/src by name, with their body text. */
function clientFunctions(): Map<string, { name: string; body: string }> {
  const functions = new Map<string, { name: string; body: string }>();
  for (const { file, tree } of sources.filter((source) => source.file.startsWith('client/'))) {
    const visit = (node: ts.Node): void => {
      const named = ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node);
      if (named && node.name && node.body) {
        const name = node.name.getText(tree);
        functions.set(`${relative('client', file)}#${name}`, {
          name,
          body: node.body.getText(tree),
        });
      }
      ts.forEachChild(node, visit);
    };
    visit(tree);
  }
  return functions;
}

function callsFunction(body: string, name: string): boolean {
  return new RegExp(`(?<![\\w.])${name}\\(|this\\.${name}\\(`).test(body);
}
