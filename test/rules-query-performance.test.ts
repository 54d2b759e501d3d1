// The query-performance rules (n-plus-one, unindexed-filter, many-to-many-filter) on fixture
// backends: every marked line is reported with the right code and place, and the look-alikes
// beside them stay silent. The quick fixes are applied to the fixture text and checked, and the
// query facts behind the rules are checked on small snippets.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../server/src/core/config/seam-config';
import { extractFacts } from '../server/src/core/extract';
import { checkWorkspace } from '../server/src/core/findings/check';
import type { Finding } from '../server/src/core/findings/finding';
import { reviewMigrations } from '../server/src/core/migrations/review';
import { loadWorkspace } from '../server/src/workspace/load-workspace';
import { dedent, factsOf } from './helpers/facts';
import { applyEdits, checkFixture, fixtureDir } from './helpers/rule-fixtures';

describe.each(['n-plus-one', 'unindexed-filter', 'many-to-many-filter'])('%s', (ruleId) => {
  it('reports exactly the marked lines', async () => {
    const result = await checkFixture(fixtureDir(ruleId));
    expect(result.actual).toEqual(result.expected);
  });
});

/** The finding on the one line of a fixture file that contains `snippet`. */
function findingOn(ruleId: string, findings: Finding[], file: string, snippet: string): Finding {
  const lines = applyEdits(fixtureDir(ruleId), file, []).split('\n');
  const line = lines.findIndex((text) => text.includes(snippet));
  if (line < 0 || lines.findIndex((text, i) => i > line && text.includes(snippet)) >= 0) {
    throw new Error(`\`${snippet}\` is not on exactly one line of ${file}`);
  }
  const found = findings.find((f) => f.file === file && f.range.start.line === line);
  if (!found) throw new Error(`no finding on ${file}:${line + 1}`);
  return found;
}

/** The lines of `file` after the finding's preferred fix, that differ from the original. */
function fixedLines(ruleId: string, finding: Finding, file: string): string[] {
  const dir = fixtureDir(ruleId);
  const fix = finding.fixes?.find((f) => f.preferred);
  if (!fix) throw new Error(`no preferred fix for ${finding.file}:${finding.range.start.line + 1}`);
  return changedLines(
    applyEdits(dir, file, []).split('\n'),
    applyEdits(dir, file, fix.edits).split('\n'),
  );
}

/** Lines of `after` that replace or were inserted between the lines of `before`. */
function changedLines(before: string[], after: string[]): string[] {
  const changed: string[] = [];
  let b = 0;
  for (let a = 0; a < after.length; a++) {
    if (after[a] === before[b]) b++;
    else if (after[a + 1] === before[b]) changed.push(after[a]);
    else (changed.push(after[a]), b++);
  }
  return changed;
}

describe('n-plus-one across edits', () => {
  // A method called on a value of unknown type is followed when exactly one file defines a
  // function of that name; checks after edits patch that list instead of building it again.
  it('follows a repository method while only one file defines it', async () => {
    const { index } = await loadWorkspace(fixtureDir('n-plus-one'));
    const onRepository = () =>
      checkWorkspace(index.view(), index.allFacts(), DEFAULT_CONFIG).findings.some(
        (finding) =>
          finding.code === 'n-plus-one' &&
          finding.file === 'shop/api.py' &&
          finding.range.start.line === 59,
      );
    const other = (name: string) =>
      extractFacts(
        'shop/legacy.py',
        `class LegacyRepository:\n    def ${name}(self):\n        return []\n`,
      ).facts;
    expect(onRepository()).toBe(true);
    index.setFile(other('all_parts_by_name'));
    expect(onRepository()).toBe(false);
    index.setFile(other('all_legacy_parts'));
    expect(onRepository()).toBe(true);
    index.setFile(other('all_parts_by_name'));
    expect(onRepository()).toBe(false);
    index.removeFile('shop/legacy.py');
    expect(onRepository()).toBe(true);
  });
});

describe('n-plus-one quick fix', () => {
  const cases = [
    {
      name: 'eager-loads in the query of the same function',
      at: ['shop/api.py', 'names.append(part.category.name)'],
      file: 'shop/api.py',
      changed: [
        '    parts = session.exec(select(Part).options(selectinload(Part.category))).all()',
      ],
    },
    {
      name: 'eager-loads in the service the loop calls, and imports selectinload there',
      at: ['library/jobs.py', 'total += len(author.books)'],
      file: 'library/service.py',
      changed: [
        'from sqlalchemy.orm import selectinload',
        '    return db_session.query(Author).options(selectinload(Author.books))' +
          '.filter(Author.name != "")',
      ],
    },
    {
      name: 'loads every lazy field a schema reads',
      at: ['shop/api.py', 'nested = [PartWithCategory'],
      file: 'shop/api.py',
      changed: [
        '    parts = session.exec(select(Part).options(selectinload(Part.category))).all()',
      ],
    },
  ] as const;

  it.each(cases)('$name', async ({ at, file, changed }) => {
    const { findings } = await checkFixture(fixtureDir('n-plus-one'));
    const finding = findingOn('n-plus-one', findings, at[0], at[1]);
    expect(fixedLines('n-plus-one', finding, file)).toEqual(changed);
  });

  it('offers no fix for a query run per row', async () => {
    const { findings } = await checkFixture(fixtureDir('n-plus-one'));
    expect(
      findingOn('n-plus-one', findings, 'shop/api.py', 'orders = session.exec').fixes,
    ).toBeUndefined();
  });
});

describe('unindexed-filter quick fix', () => {
  const cases = [
    {
      name: 'adds index=True after the last argument',
      at: 'select(Part).where(Part.description == text)).all()',
      file: 'app/models.py',
      changed: [
        '    description: Optional[str] = Field(default=None, max_length=1000, index=True)',
      ],
    },
    {
      name: 'keeps a trailing comma',
      at: 'where(Part.quantity > 5)',
      file: 'app/models.py',
      changed: ['        default=0, index=True,'],
    },
    {
      name: 'goes into the sa_column of a Field',
      at: 'where(Part.legacy_code == code)',
      file: 'app/models.py',
      changed: [
        '    legacy_code: Optional[str] = ' +
          'Field(default=None, sa_column=Column(String(20), index=True))',
      ],
    },
    {
      name: 'edits the mixin that declares an inherited column',
      at: 'where(Part.created_at >= since)',
      file: 'app/mixins.py',
      changed: ['    created_at: datetime = Field(default_factory=datetime.utcnow, index=True)'],
    },
    {
      name: 'wraps a plain default in Field',
      at: 'where(Part.status == status)',
      file: 'app/models.py',
      changed: ['    status: str = Field(default="active", index=True)'],
    },
    {
      name: 'adds a Field to a bare annotation',
      at: 'where(Category.name == name)',
      file: 'app/models.py',
      changed: ['    name: str = Field(index=True)'],
    },
  ] as const;

  it.each(cases)('$name', async ({ at, file, changed }) => {
    const { findings } = await checkFixture(fixtureDir('unindexed-filter'));
    const finding = findingOn('unindexed-filter', findings, 'app/api.py', at);
    expect(fixedLines('unindexed-filter', finding, file)).toEqual(changed);
  });
});

describe('unindexed-filter with migrations', () => {
  /** The migration review's findings on one line of a fixture copy, by code. */
  async function reviewedLine(root: string, file: string, line: number) {
    const { index } = await loadWorkspace(root);
    const review = await reviewMigrations({
      root,
      target: join(root, 'alembic', 'versions'),
      index,
    });
    return review.findings
      .filter((finding) => finding.file === file && finding.range.start.line === line)
      .map((finding) => `${finding.code}: ${finding.message}`);
  }

  it('says when the replayed migrations create no index either', async () => {
    const { findings } = await checkFixture(fixtureDir('unindexed-filter'));
    const replayed = 'on the model or in any of the 3 replayed migrations';
    const withMigrations = findingOn(
      'unindexed-filter',
      findings,
      'shop/api.py',
      'Order.note == note',
    );
    expect(withMigrations.message).toContain(replayed);
    const modelOnly = findingOn('unindexed-filter', findings, 'app/api.py', 'Part.status ==');
    expect(modelOnly.message).not.toContain('migrations');
  });

  it('after its quick fix, the migration review reports the index as missing', async () => {
    const dir = fixtureDir('unindexed-filter');
    const { findings } = await checkFixture(dir);
    const finding = findingOn('unindexed-filter', findings, 'shop/api.py', 'Order.note == note');
    const fix = finding.fixes!.find((f) => f.preferred)!;
    const models = 'shop/models.py';
    const line = applyEdits(dir, models, [])
      .split('\n')
      .findIndex((t) => t.includes('note:'));

    const root = mkdtempSync(join(tmpdir(), 'seam-index-fix-'));
    try {
      cpSync(dir, root, { recursive: true });
      expect(await reviewedLine(root, models, line)).toEqual([]);
      writeFileSync(join(root, models), applyEdits(dir, models, fix.edits));
      const after = await reviewedLine(root, models, line);
      expect(after).toHaveLength(1);
      expect(after[0]).toMatch(
        /^migration-drift: `Order.note` asks for an index on `orders\(note\)`/,
      );
      const fixed = await checkFixture(root, 'unindexed-filter');
      expect(fixed.findings.some((f) => f.message.includes('Order.note'))).toBe(false);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

/** The query facts of a snippet, as `factsOf` extracts them. */
async function queriesOf(code: string) {
  const facts = await factsOf('app/queries.py', dedent(code));
  return { queries: facts.queries!, problems: facts.problems };
}

describe('query facts', () => {
  const conditionCases = [
    ['select(Part).where(Part.sku == sku)', ['where Part.sku =']],
    [
      'select(Part).where(Part.qty > 1, Part.sku.in_(skus))',
      ['where Part.qty <', 'where Part.sku ='],
    ],
    [
      'session.query(Part).filter(and_(Part.a == 1, or_(Part.b == 2)))',
      ['filter Part.a =', 'filter Part.b ='],
    ],
    ['session.query(Part).filter_by(sku=sku)', ['filter_by Part.sku =']],
    ['select(Part).order_by(Part.name.desc())', ['order_by Part.name <']],
    ['select(Part).order_by(desc(Part.name))', ['order_by Part.name <']],
    ['select(Part).join(Cat, Part.cat_id == Cat.id)', ['join Part.cat_id =', 'join Cat.id =']],
    ['select(Part).where(col(Part.sku) == sku)', ['where Part.sku =']],
    ['select(tags).where(part_tags.c.tag_id == tag_id)', ['where part_tags.tag_id =']],
    [
      'select(Tag).join(part_tags, part_tags.columns.tag_id == Tag.id)',
      ['join part_tags.tag_id =', 'join Tag.id ='],
    ],
    // Look-alikes: no usable condition.
    ['select(Part).where(Part.sku != sku)', []],
    ['select(Part).where(Part.deleted_at == None)', []],
    ['select(Part).where(Part.active == True)', []],
    ['select(Part).where(Part.name.ilike(pattern))', []],
    ['select(Part).where(Part.qty <= Part.min_qty)', []],
    ['select(Part).where(func.lower(Part.name) == name)', []],
    ['select(Part).where(part.sku == sku)', []],
  ] as const;

  it.each(conditionCases)('%s', async (expression, expected) => {
    const { queries } = await queriesOf(`def f(session):\n    return ${expression}\n`);
    const conditions = queries.roots.flatMap((root) =>
      root.conditions.map(
        (c) => `${c.clause} ${c.model ?? root.model}.${c.column} ${c.equality ? '=' : '<'}`,
      ),
    );
    expect(conditions).toEqual(expected);
  });

  it('marks Core table columns and filters through a relationship', async () => {
    const { queries } = await queriesOf(`
      def f(session):
          return select(User).where(
              part_tags.c.tag_id == tag_id,
              User.tags.any(Tag.id == tag_id),
              User.tags.any(id=tag_id),
              User.tags.any(Tag.name.ilike(pattern)),
              User.posts.contains(post),
              part.tags.any(Tag.id == tag_id),
          )
    `);
    const conditions = queries.roots[0].conditions.map((c) => [
      `${c.model}.${c.column}`,
      c.table ?? false,
      c.through ?? null,
    ]);
    expect(conditions).toEqual([
      ['part_tags.tag_id', true, null],
      ['User.tags', false, { method: 'any', target: { model: 'Tag', column: 'id' } }],
      ['User.tags', false, { method: 'any', target: { column: 'id' } }],
      ['User.tags', false, { method: 'any' }],
      ['User.posts', false, { method: 'contains' }],
    ]);
  });

  const loaderCases = [
    ['.options(selectinload(Part.category))', ['selectinload:category']],
    [
      '.options(joinedload(Part.category).selectinload(Category.parent))',
      ['joinedload:category selectinload:parent'],
    ],
    ['.options(Load(Part).joinedload(Part.category))', ['joinedload:category']],
    ['.options(selectinload("category.parent"))', ['selectinload:category selectinload:parent']],
    ['.options(orm.subqueryload(Part.tags), raiseload("*"))', ['subqueryload:tags', 'raiseload:*']],
  ] as const;

  it.each(loaderCases)('select(Part)%s', async (options, expected) => {
    const { queries } = await queriesOf(`def f(session):\n    return select(Part)${options}\n`);
    const loaders = queries.roots[0].loaders.map((loader) =>
      loader.steps.map((step) => `${step.strategy}:${step.attribute}`).join(' '),
    );
    expect(loaders).toEqual(expected);
  });

  it('marks options it cannot read as unknown', async () => {
    const { queries } = await queriesOf(
      'def f(s, opts):\n    return select(Part).options(*opts)\n',
    );
    expect(queries.roots[0].unknownOptions).toBe(true);
  });

  const loopCases = [
    ['for part in session.exec(select(Part)).all():', 'part', 'models'],
    ['for part in session.scalars(select(Part)):', 'part', 'models'],
    ['for part in session.execute(select(Part)).scalars().all():', 'part', 'models'],
    ['for part in session.query(Part).filter(Part.a == 1):', 'part', 'models'],
    ['for i, part in enumerate(session.exec(select(Part)).all()):', 'part', 'models'],
    ['for part in crud.get_parts(session):', 'part', 'returned'],
    ['for part in sorted(session.exec(select(Part)).all(), key=key):', 'part', 'models'],
  ] as const;

  it.each(loopCases)('%s', async (header, variable, shape) => {
    const { queries } = await queriesOf(`def f(session):\n    ${header}\n        part.category\n`);
    expect(queries.loops.map((loop) => [loop.variable, loop.source.shape])).toEqual([
      [variable, shape],
    ]);
    expect(queries.loops[0].accesses.map((access) => access.attribute)).toEqual(['category']);
  });

  const silentLoops = [
    'for part in [Part(), Part()]:',
    'for part in range(3):',
    'for part in parts_by_id.values():',
    'for row in session.execute(select(Part)):',
    'for part in session.exec(select(Part)).first():',
  ];

  it.each(silentLoops)('no loop fact: %s', async (header) => {
    const { queries } = await queriesOf(`def f(session):\n    ${header}\n        part.category\n`);
    expect(queries.loops).toEqual([]);
  });

  it('follows a name to the query assigned to it, and a statement refined later', async () => {
    const { queries } = await queriesOf(`
      def f(session, eager):
          statement = select(Part)
          if eager:
              statement = statement.options(selectinload(Part.category))
          parts = session.exec(statement).all()
          return [part.category for part in parts]
    `);
    const loop = queries.loops[0];
    expect(queries.roots[loop.source.root].loaders).toHaveLength(1);
  });

  it('records the functions that return a query result, with their class', async () => {
    const { queries } = await queriesOf(`
      class PartRepository:
          def list(self):
              return self.session.exec(select(Part)).all()

      def get_part(session, part_id):
          return session.get(Part, part_id)
    `);
    expect(queries.functions.map((f) => [f.className, f.name, f.result.shape])).toEqual([
      ['PartRepository', 'list', 'models'],
      [undefined, 'get_part', 'single'],
    ]);
  });

  it('drops a loop whose variable is rebound, and keeps one passed as a keyword', async () => {
    const { queries } = await queriesOf(`
      def f(session):
          for part in session.exec(select(Part)).all():
              part = session.merge(part)
              print(part.category)
          for part in session.exec(select(Part)).all():
              send(
                  part=part,
              )
              print(part.category)
    `);
    expect(queries.loops.map((loop) => loop.range.start.line)).toEqual([4]);
  });

  it('reads what serializers read on their parameters', async () => {
    const { queries } = await queriesOf(`
      class Part(SQLModel, table=True):
          def to_dict(self):
              return {"category": self.category.name}

      def part_to_dict(part: Part, *, extra: Dict[str, int] = None):
          return {"tags": [tag.name for tag in part.tags]}
    `);
    expect(
      queries.parameterReads.map((r) => [r.className, r.function, r.position, r.attributes]),
    ).toEqual([
      ['Part', 'to_dict', 0, ['category']],
      [undefined, 'part_to_dict', 0, ['tags']],
    ]);
  });

  const brokenCode = [
    'for part in session.exec(select(Part).where(',
    'def f(session):\n    return session.query(Part).filter(Part.a ==',
    'for part, in session.exec(select(Part)):\n    part.',
    'x = select(Part).options(selectinload(Part.',
    'class Part(SQLModel, table=True):\n    name: str = Field(max_length=',
  ];

  it.each(brokenCode)('broken code gives partial facts, never an exception: %s', async (code) => {
    const { queries, problems } = await queriesOf(code);
    expect(queries).toBeDefined();
    expect(problems.filter((p) => p.message.includes('query fact'))).toEqual([]);
  });
});
