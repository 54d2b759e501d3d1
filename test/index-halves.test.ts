// The view is built in two halves, one per language, and an edit in one language hands the other
// half to the next view as it was; a rebuilt Python half takes over the classes the edit did not
// reach. These tests hold both sides of that: what is kept is the very same objects, and a check
// on a view built from kept objects reports what a fresh index of the same facts reports.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../server/src/core/config/seam-config';
import { extractFacts } from '../server/src/core/extract';
import { checkWorkspace } from '../server/src/core/findings/check';
import type { IndexView, ResolvedEntity } from '../server/src/core/index/resolved';
import { WorkspaceIndex } from '../server/src/core/index/workspace-index';
import { loadWorkspace } from '../server/src/workspace/load-workspace';
import { dedent } from './helpers/facts';
import { indexOf } from './helpers/workspace';

const root = join(__dirname, '..', 'examples', 'inventory');

describe('view halves', () => {
  it('keeps the TS half through a Python edit and the Python half through a TS edit', async () => {
    const files = {
      'app/schemas.py': `
        from fastapi import APIRouter
        from pydantic import BaseModel
        router = APIRouter(prefix="/parts")
        class Part(BaseModel):
            name: str
        @router.get("/", response_model=Part)
        def read_part(): ...
      `,
      'web/part.ts': `
        import axios from 'axios';
        export interface Part { name: string }
        export const getPart = () => axios.get<Part>('/parts/');
      `,
    };
    const { index, editor } = await editing(files);
    const first = index.view();
    editor.edit('app/schemas.py', 'name: str', 'nam: str');
    const second = index.view();
    expect(entityIn(second, 'web/part.ts#Part')).toBe(entityIn(first, 'web/part.ts#Part'));
    expect(second.calls).toBe(first.calls);
    expect(second.routes).not.toBe(first.routes);
    expect(fieldNames(second.entityById.get('app/schemas.py#Part'))).toEqual(['nam']);

    editor.edit('web/part.ts', 'name: string', 'nam: string');
    const third = index.view();
    expect(entityIn(third, 'app/schemas.py#Part')).toBe(entityIn(second, 'app/schemas.py#Part'));
    expect(third.routes).toBe(second.routes);
    expect(fieldNames(third.entityById.get('web/part.ts#Part'))).toEqual(['nam']);
  });

  it('rebuilds both halves when a file comes or goes', async () => {
    const index = await indexOf({
      'app/schemas.py': 'from pydantic import BaseModel\nclass Part(BaseModel):\n    name: str\n',
      'web/part.ts': 'export interface Part { name: string }\n',
    });
    const first = index.view();
    index.setFile(extractFacts('web/other.ts', 'export interface Other { a: string }\n').facts);
    const second = index.view();
    expect(second.entityById.has('web/other.ts#Other')).toBe(true);
    expect(entityIn(second, 'web/part.ts#Part')).not.toBe(entityIn(first, 'web/part.ts#Part'));
    // The Python half was rebuilt too, and took over the class nothing changed for.
    expect(entityIn(second, 'app/schemas.py#Part')).toBe(entityIn(first, 'app/schemas.py#Part'));
  });

  it('takes over Python classes an edit leaves alone, re-resolves those it reaches', async () => {
    const files = {
      'app/base.py': `
        from pydantic import BaseModel
        class Base(BaseModel):
            a: int
      `,
      'app/part.py': `
        from app.base import Base
        class Part(Base):
            name: str
      `,
      'app/other.py': `
        from pydantic import BaseModel
        class Other(BaseModel):
            b: int
      `,
    };
    const { index, editor } = await editing(files);
    const first = index.view();
    editor.edit('app/base.py', 'a: int', 'a2: int');
    const second = index.view();
    expect(entityIn(second, 'app/other.py#Other')).toBe(entityIn(first, 'app/other.py#Other'));
    expect(fieldNames(second.entityById.get('app/part.py#Part'))).toEqual(['a2', 'name']);
    editor.edit('app/other.py', 'b: int', 'b2: int');
    const third = index.view();
    expect(entityIn(third, 'app/part.py#Part')).toBe(entityIn(second, 'app/part.py#Part'));
    expect(fieldNames(third.entityById.get('app/other.py#Other'))).toEqual(['b2']);
  });

  it('lists a name declared twice in a file once, where it first appears', async () => {
    const index = await indexOf({
      'app/schemas.py': `
        from pydantic import BaseModel
        class Part(BaseModel):
            old: int
        class Other(BaseModel):
            b: int
        class Part(BaseModel):
            new: int
      `,
      'web/part.ts': `
        export interface Part { old: string }
        export interface Other { b: string }
        export interface Part { new: string }
      `,
    });
    const { entities } = index.view();
    const listed = entities.map((entity) => [entity.file, entity.name, fieldNames(entity)]);
    expect(listed).toEqual([
      // FIXME: at run time the second class replaces the first; the Python extractor keeps the
      // first declaration only.
      ['app/schemas.py', 'Part', ['old']],
      ['app/schemas.py', 'Other', ['b']],
      // FIXME: TS merges the two interface declarations (old and new); the view takes the last.
      ['web/part.ts', 'Part', ['new']],
      ['web/part.ts', 'Other', ['b']],
    ]);
  });

  it('checks the example after edits in both languages as a fresh index does', async () => {
    const { index } = await loadWorkspace(root);
    const editor = new Editor(index, (file) => readFileSync(join(root, file), 'utf8'));
    checkWorkspace(index.view(), index.allFacts(), DEFAULT_CONFIG);
    const edits: [file: string, from: string, to: string][] = [
      // A schema field renamed, a TS field renamed, the schema field back, a TS type changed, a
      // schema class renamed (its surface changes).
      ['backend/app/schemas/part.py', '    sku: str = Field(', '    skew: str = Field('],
      ['frontend/src/types/part.ts', '  manufacturer: string | null;', '  maker: string | null;'],
      ['backend/app/schemas/part.py', '    skew: str = Field(', '    sku: str = Field('],
      ['frontend/src/types/part.ts', '  quantity: number;', '  quantity: string;'],
      ['backend/app/schemas/part.py', 'class PartCreate(PartBase)', 'class PartCreated(PartBase)'],
      // A column added to the declarative base the models of other files inherit.
      [
        'backend/app/database.py',
        '    metadata = SQLModel.metadata\n',
        '    metadata = SQLModel.metadata\n    created_by: Mapped[str] = mapped_column()\n',
      ],
    ];
    for (const [file, from, to] of edits) {
      editor.edit(file, from, to);
      const warm = checkWorkspace(index.view(), index.allFacts(), DEFAULT_CONFIG);
      const fresh = new WorkspaceIndex();
      fresh.setTsConfigs(index.tsPathConfigs);
      for (const facts of index.allFacts()) fresh.setFile(facts);
      const cold = checkWorkspace(fresh.view(), fresh.allFacts(), DEFAULT_CONFIG);
      expect(warm.findings.length).toBeGreaterThan(0);
      expect(JSON.stringify(warm.findings)).toEqual(JSON.stringify(cold.findings));
      expect(JSON.stringify(warm.pairing.pairs)).toEqual(JSON.stringify(cold.pairing.pairs));
      const { entities, routes, calls } = index.view();
      const view = fresh.view();
      expect(JSON.stringify({ entities, routes, calls })).toEqual(
        JSON.stringify({ entities: view.entities, routes: view.routes, calls: view.calls }),
      );
    }
  });
});

/** An index of `files` (dedented) and an editor over them. */
async function editing(files: Record<string, string>) {
  const index = await indexOf(files);
  return { index, editor: new Editor(index, (file) => dedent(files[file])) };
}

function entityIn(view: IndexView, id: string): ResolvedEntity | undefined {
  return view.entityById.get(id);
}

function fieldNames(entity: ResolvedEntity | undefined): string[] | undefined {
  return entity?.fields.map((field) => field.name);
}

/** Edits files of an index one replacement at a time, as an editor's changes would. */
class Editor {
  private readonly texts = new Map<string, string>();

  constructor(
    private readonly index: WorkspaceIndex,
    private readonly original: (file: string) => string,
  ) {}

  edit(file: string, from: string, to: string): void {
    const current = this.texts.get(file) ?? this.original(file);
    expect(current).toContain(from);
    const next = current.replace(from, to);
    this.texts.set(file, next);
    this.index.setFile(extractFacts(file, next).facts);
  }
}
