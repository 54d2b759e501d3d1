// Workspaces that fight back: symlink loops, unreadable files, files deleted mid-index, a broken
// seam.json, 1,000 Alembic revisions, 100,000 files mostly ignored. Each hazard must end in a
// log line or one user-visible problem, and everything else must still be indexed and checked.
import {
  chmodSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../server/src/core/config/seam-config';
import { checkWorkspace } from '../../server/src/core/findings/check';
import type { Logger } from '../../server/src/core/log';
import { reviewMigrations } from '../../server/src/core/migrations/review';
import { initSyntax } from '../../server/src/core/syntax/parser';
import { SeamSession } from '../../server/src/session/seam-session';
import { discoverFiles } from '../../server/src/workspace/discover';
import { loadWorkspace } from '../../server/src/workspace/load-workspace';
import { TestLspClient } from '../helpers/lsp-client';
import { EXAMPLE_ROOT } from './corpus';

const MODEL = 'from pydantic import BaseModel\n\n\nclass Part(BaseModel):\n    name: str\n';
const TYPE = 'export interface Part {\n  name: string;\n}\n';

let root: string;
let logged: string[];
const logger: Logger = {
  info: (message) => logged.push(`info ${message}`),
  warn: (message) => logged.push(`warn ${message}`),
  error: (message) => logged.push(`error ${message}`),
};

beforeAll(() => initSyntax());

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'seam-hazard-'));
  logged = [];
  made.clear();
});

// Removing the 100,000-file tree takes longer than a hook's default 10 s on a slow disk.
afterEach(() => rmSync(root, { recursive: true, force: true }), 120_000);

const made = new Set<string>();

function write(file: string, text: string): void {
  const folder = dirname(join(root, file));
  if (!made.has(folder)) mkdirSync(folder, { recursive: true });
  made.add(folder);
  writeFileSync(join(root, file), text);
}

/** Loads the root and checks it; the findings of a healthy pair prove the rest still works. */
async function loadAndCheck() {
  const workspace = await loadWorkspace(root, { logger });
  const { findings, pairing } = checkWorkspace(
    workspace.index.view(),
    workspace.index.allFacts(),
    DEFAULT_CONFIG,
    logger,
  );
  return { workspace, findings, pairing };
}

describe('symbolic links', () => {
  it('does not follow looping folder links, and warns once about each dead file link', async () => {
    write('app/part.py', MODEL);
    write('web/part.ts', TYPE);
    symlinkSync('..', join(root, 'app/up'));
    symlinkSync(root, join(root, 'web/root'));
    symlinkSync('loop-b', join(root, 'app/loop-a'));
    symlinkSync('loop-a', join(root, 'app/loop-b'));
    symlinkSync('self.py', join(root, 'app/self.py'));
    symlinkSync('missing.py', join(root, 'app/dead.py'));

    const { workspace, pairing } = await loadAndCheck();
    expect(workspace.files).toEqual(['app/dead.py', 'app/part.py', 'app/self.py', 'web/part.ts']);
    expect(workspace.skipped.map((skip) => skip.file)).toEqual(['app/dead.py', 'app/self.py']);
    expect(logged).toEqual([
      expect.stringMatching(/^warn app\/dead\.py: skipped: unreadable \(.*ENOENT/),
      expect.stringMatching(/^warn app\/self\.py: skipped: unreadable \(.*ELOOP/),
    ]);
    expect(pairing.pairs.map((pair) => pair.frontend)).toEqual(['web/part.ts#Part']);
  });
});

describe('unreadable files', () => {
  it('skips a file it may not read with a warning, or reads it when running as root', async () => {
    write('app/part.py', MODEL);
    write('app/secret.py', MODEL.replace('Part', 'Secret'));
    write('web/part.ts', TYPE);
    chmodSync(join(root, 'app/secret.py'), 0o000);

    const { workspace, pairing } = await loadAndCheck();
    const isRoot = process.getuid?.() === 0;
    // Root reads a mode-000 file anyway (as CI does), so there is nothing to skip then.
    expect(workspace.skipped.map((skip) => skip.file)).toEqual(isRoot ? [] : ['app/secret.py']);
    expect(logged).toEqual(
      isRoot ? [] : [expect.stringMatching(/^warn app\/secret\.py: skipped: unreadable .*EACCES/)],
    );
    expect(workspace.index.fileFacts('app/secret.py')?.entities.length).toBe(isRoot ? 1 : 0);
    expect(pairing.pairs.map((pair) => pair.frontend)).toEqual(['web/part.ts#Part']);
  });
});

describe('files deleted while being indexed', () => {
  it('skips each vanished file with a warning and indexes the rest', async () => {
    for (let i = 0; i < 40; i++) write(`app/m${String(i).padStart(2, '0')}.py`, MODEL);
    write('web/part.ts', TYPE);
    const deleted: string[] = [];
    const workspace = await loadWorkspace(root, {
      logger,
      // After every tenth file, the next one vanishes before it is read.
      onProgress: (done) => {
        if (done % 10 !== 0 || done >= 40) return;
        const next = `app/m${String(done).padStart(2, '0')}.py`;
        unlinkSync(join(root, next));
        deleted.push(next);
      },
    });
    expect(deleted).toEqual(['app/m10.py', 'app/m20.py', 'app/m30.py']);
    expect(workspace.skipped.map((skip) => skip.file)).toEqual(deleted);
    expect(logged).toHaveLength(3);
    expect(logged[0]).toMatch(/^warn app\/m10\.py: skipped: unreadable \(.*ENOENT/);
    expect(workspace.index.fileFacts('app/m11.py')?.entities.map((e) => e.name)).toEqual(['Part']);
    expect(workspace.index.fileFacts('web/part.ts')?.entities.map((e) => e.name)).toEqual(['Part']);
  });
});

describe('huge, binary and empty files on disk', () => {
  it('skips the huge and the binary one with a warning each and indexes the rest', async () => {
    write('app/part.py', MODEL);
    write('web/part.ts', TYPE);
    write('app/huge.py', `${MODEL}\n${'# padding\n'.repeat(520_000)}`);
    write('web/binary.ts', `${TYPE}\u0000\u0001\u0002`);
    write('web/empty.ts', '');
    const { workspace, pairing } = await loadAndCheck();
    expect(workspace.skipped.map((skip) => skip.file)).toEqual(['app/huge.py', 'web/binary.ts']);
    expect(logged).toEqual([
      expect.stringMatching(/^warn app\/huge\.py: skipped: larger than 2097152 bytes$/),
      expect.stringMatching(/^warn web\/binary\.ts: skipped: binary content$/),
    ]);
    expect(pairing.pairs.map((pair) => pair.frontend)).toEqual(['web/part.ts#Part']);
  });
});

describe('files saved with a byte order mark', () => {
  it('gives first-line columns as an editor shows them, and reads seam.json', async () => {
    write('web/part.ts', `\ufeff${TYPE}`);
    write('app/part.py', `\ufeff${MODEL}`);
    write('seam.json', '\ufeff{ "rules": { "foreign-key-index": "off" } }');
    const session = new SeamSession(logger);
    const { root: state, workspace } = await session.addRoot(root);
    expect(state.configProblems).toEqual([]);
    expect(state.config.rules).toEqual({ 'foreign-key-index': 'off' });
    const part = workspace.index.fileFacts('web/part.ts')!.entities[0];
    expect(part.range.start).toEqual({ line: 0, character: 'export interface '.length });
    expect(session.check(state).pairing.pairs).toHaveLength(1);
  });
});

describe('a broken seam.json', () => {
  const cases: { title: string; text: string; problems: RegExp[] }[] = [
    {
      title: 'invalid JSON',
      text: '{ "rules": { "foreign-key-index": "off", } ',
      problems: [/^seam\.json: not valid JSON \(.*\); using defaults$/],
    },
    { title: 'a JSON array', text: '[1, 2]', problems: [/^seam\.json: expected an object/] },
    {
      title: 'wrong types everywhere',
      text: JSON.stringify({
        rules: ['foreign-key-index'],
        pairing: { threshold: 'high' },
        pairs: 5,
        include: 'src/**',
        exclude: [1, 2],
      }),
      problems: [
        /^seam\.json: rules: expected an object of rule ids$/,
        /^seam\.json: pairing\.threshold: expected a number between 0 and 1$/,
        /^seam\.json: pairs: expected an array$/,
        /^seam\.json: include: expected an array of glob strings$/,
        /^seam\.json: exclude: expected an array of glob strings$/,
      ],
    },
    {
      title: 'hostile globs and an unknown severity',
      text: JSON.stringify({
        rules: { 'foreign-key-index': 'fatal', 'no-such-rule': 'off' },
        include: ['backend/**', 'frontend/**', '[', '\\', '**/[z-a]', '!', ''],
        exclude: ['/..', 'x***y', '\u0000', '[z-a]/'],
      }),
      problems: [
        /^seam\.json: rules\.foreign-key-index: expected one of error, warning/,
        /^seam\.json: rules\.no-such-rule: unknown rule, ignored$/,
      ],
    },
  ];
  for (const { title, text, problems } of cases) {
    it(`reports ${title} once per problem and checks with the defaults`, async () => {
      cpSync(EXAMPLE_ROOT, root, { recursive: true });
      writeFileSync(join(root, 'seam.json'), text);
      const session = new SeamSession(logger);
      const { root: state, workspace } = await session.addRoot(root);
      expect(state.configProblems).toEqual(
        problems.map((problem) => expect.stringMatching(problem)),
      );
      expect(workspace.files.length).toBeGreaterThan(0);
      expect(session.check(state).findings.length).toBeGreaterThan(0);
    });
  }
});

describe('a broken seam.json in the editor (built server)', () => {
  /** Starts the server on a copy of the example with a broken seam.json; returns its warnings. */
  async function warningsShown(answerMessages: boolean) {
    cpSync(EXAMPLE_ROOT, root, { recursive: true });
    writeFileSync(join(root, 'seam.json'), '{ "rules": ');
    const client = new TestLspClient();
    const messages: string[] = [];
    // VS Code answers showMessageRequest; a client that cannot show messages answers an error.
    client.connection.onRequest('window/showMessageRequest', (params: { message: string }) => {
      messages.push(params.message);
      if (!answerMessages) throw new Error('this client shows no messages');
      return null;
    });
    try {
      await client.initialize(root);
      const part = pathToFileURL(join(root, 'frontend/src/types/part.ts')).toString();
      const published = await client.diagnosticsWhere(part, (p) => p.diagnostics.length > 0);
      expect(published.diagnostics.length).toBeGreaterThan(0);
      return messages;
    } finally {
      await client.shutdown();
    }
  }

  it('shows one warning for invalid JSON and still publishes diagnostics', async () => {
    const messages = await warningsShown(true);
    expect(messages).toEqual([expect.stringMatching(/^Seam: seam\.json: not valid JSON/)]);
  });

  it('survives a client that cannot show the warning', async () => {
    const messages = await warningsShown(false);
    expect(messages).toHaveLength(1);
  });
});

describe('a client that refuses what the server asks (built server)', () => {
  it('indexes and publishes without file watching and without a progress bar', async () => {
    cpSync(EXAMPLE_ROOT, root, { recursive: true });
    const client = new TestLspClient();
    client.connection.onRequest('client/registerCapability', () => {
      throw new Error('this client has no dynamic registration');
    });
    client.connection.onRequest('window/workDoneProgress/create', () => {
      throw new Error('this client shows no progress');
    });
    try {
      await client.initialize(root);
      const part = pathToFileURL(join(root, 'frontend/src/types/part.ts')).toString();
      const published = await client.diagnosticsWhere(part, (p) => p.diagnostics.length > 0);
      expect(published.diagnostics.length).toBeGreaterThan(0);
    } finally {
      await client.shutdown();
    }
  });
});

describe('a migration folder with 1,000 revisions', () => {
  it('indexes, checks and reviews the whole chain', async () => {
    write('backend/alembic/env.py', 'from alembic import context\n');
    write('backend/app/models.py', widgetModel());
    for (let i = 0; i < 1000; i++) write(revisionFile(i), revisionText(i));

    const { workspace } = await loadAndCheck();
    expect(workspace.files).toHaveLength(1002);
    expect(logged).toEqual([]);
    const review = await reviewMigrations({
      root,
      target: join(root, 'backend/alembic/versions'),
      index: workspace.index,
      logger,
    });
    expect(review.revisions).toHaveLength(1000);
    expect(review.revisions[0].downRevision).toBeNull();
    expect(review.revisions[999].id).toBe(revisionId(999));
  }, 120_000);
});

function revisionId(i: number): string {
  return `r${String(i).padStart(4, '0')}aa`;
}

function revisionFile(i: number): string {
  return `backend/alembic/versions/${revisionId(i)}_step_${i}.py`;
}

/** Revision 0 creates the table; each later one adds a column. */
function revisionText(i: number): string {
  const down = i === 0 ? 'None' : `"${revisionId(i - 1)}"`;
  const body =
    i === 0
      ? '    op.create_table("widgets", sa.Column("id", sa.Integer(), primary_key=True))'
      : `    op.add_column("widgets", sa.Column("c${i}", sa.Integer(), nullable=True))`;
  return [
    `"""step ${i}"""`,
    'from alembic import op',
    'import sqlalchemy as sa',
    '',
    `revision = "${revisionId(i)}"`,
    `down_revision = ${down}`,
    '',
    '',
    'def upgrade() -> None:',
    body,
    '',
  ].join('\n');
}

function widgetModel(): string {
  const columns = Array.from({ length: 999 }, (_, i) => `    c${i + 1} = Column(Integer)`);
  return [
    'from sqlalchemy import Column, Integer',
    'from sqlalchemy.orm import declarative_base',
    '',
    'Base = declarative_base()',
    '',
    '',
    'class Widget(Base):',
    '    __tablename__ = "widgets"',
    '    id = Column(Integer, primary_key=True)',
    ...columns,
    '',
  ].join('\n');
}

describe('a 100,000-file tree mostly ignored by .gitignore', () => {
  it('indexes only the files git would keep', async () => {
    write('.gitignore', 'generated/\n*.gen.py\n/cache\n');
    write('app/.gitignore', 'local_*.ts\n');
    const files = 100_000;
    let kept = 0;
    for (let i = 0; i < files; i++) {
      const folder = `f${i % 100}`;
      const place = i % 50;
      // 1 in 50 is kept; the rest go to an ignored folder or have an ignored name.
      if (place === 0) kept++;
      const path =
        place === 0
          ? `app/${folder}/m${i}.py`
          : place < 20
            ? `generated/${folder}/m${i}.py`
            : place < 30
              ? `cache/${folder}/m${i}.ts`
              : place < 40
                ? `app/${folder}/m${i}.gen.py`
                : `app/${folder}/local_${i}.ts`;
      write(path, place === 0 ? MODEL : 'x = 1\n');
    }
    const started = performance.now();
    expect(discoverFiles(root).sources).toHaveLength(kept);
    const discovered = performance.now();
    const workspace = await loadWorkspace(root, { logger });
    console.log(
      `100k tree: discovery ${Math.round(discovered - started)} ms, ` +
        `load ${Math.round(performance.now() - discovered)} ms`,
    );
    expect(workspace.files).toHaveLength(2000);
    expect(logged).toEqual([]);
  }, 300_000);
});
