// The workspace index joins facts across files: imports, re-exports, inheritance, router prefixes,
// tsconfig path aliases and API base URLs. Each case is a small multi-file workspace.
import { describe, expect, it } from 'vitest';
import { extractFacts } from '../server/src/core/extract';
import type { WorkspaceIndex } from '../server/src/core/index/workspace-index';
import { dedent } from './helpers/facts';
import { indexOf } from './helpers/workspace';

const pydanticPart = {
  'backend/app/schemas/common.py': `
    from typing import Generic, Optional, TypeVar
    from pydantic import BaseModel

    T = TypeVar("T")

    class ResponseSchema(BaseModel, Generic[T]):
        status: str
        message: str
        data: Optional[T] = None
  `,
  'backend/app/schemas/part.py': `
    from pydantic import BaseModel, ConfigDict
    from pydantic.alias_generators import to_camel

    class PartBase(BaseModel):
        model_config = ConfigDict(alias_generator=to_camel, populate_by_name=True)
        part_number: str
        quantity: int = 0

    class PartCreate(PartBase):
        supplier_id: int

    class PartResponse(PartBase):
        id: int
  `,
  'backend/app/schemas/__init__.py': `
    from .common import ResponseSchema
    from .part import PartCreate, PartResponse
  `,
};

describe('Python resolution', () => {
  it('follows bases into other files and applies the inherited alias generator', async () => {
    const index = await indexOf(pydanticPart);
    const part = index.view().entityById.get('backend/app/schemas/part.py#PartCreate')!;
    expect(part.kind).toBe('pydantic-model');
    expect(part.fields.map((f) => [f.name, f.wireName])).toEqual([
      ['part_number', 'partNumber'],
      ['quantity', 'quantity'],
      ['supplier_id', 'supplierId'],
    ]);
    expect(part.fields[0].declaredIn).toBe('backend/app/schemas/part.py#PartBase');
    expect(part.baseIds).toEqual(['backend/app/schemas/part.py#PartBase']);
  });

  it('resolves names through __init__ re-exports, drops classes that are no models', async () => {
    const index = await indexOf({
      ...pydanticPart,
      'backend/app/errors.py': `
        class NotFound(LookupError):
            detail: str
      `,
      'backend/app/api/parts.py': `
        from fastapi import APIRouter
        from app.schemas import PartCreate, PartResponse, ResponseSchema

        router = APIRouter(prefix="/parts")

        @router.post("/", response_model=ResponseSchema[PartResponse])
        def create_part(part: PartCreate):
            ...
      `,
    });
    const view = index.view();
    expect(view.entityById.has('backend/app/errors.py#NotFound')).toBe(false);
    expect(view.resolveEntity('backend/app/api/parts.py', 'PartCreate')?.id).toBe(
      'backend/app/schemas/part.py#PartCreate',
    );
    expect(view.routes[0].requestEntity).toBe('backend/app/schemas/part.py#PartCreate');
    expect(view.routes[0].responseTypeText).toBe('ResponseSchema[PartResponse]');
  });

  it('settles SQLModel tables that inherit from a schema in another file', async () => {
    const index = await indexOf({
      'app/models/base.py': `
        from sqlmodel import SQLModel, Field

        class ItemBase(SQLModel):
            title: str = Field(max_length=255)
      `,
      'app/models/item.py': `
        from .base import ItemBase
        from sqlmodel import Field

        class Item(ItemBase, table=True):
            id: int | None = Field(default=None, primary_key=True)
      `,
    });
    const item = index.view().entityById.get('app/models/item.py#Item')!;
    expect(item.kind).toBe('sqlmodel-table');
    expect(item.fields.map((f) => [f.name, f.column])).toEqual([
      ['title', 'title'],
      ['id', 'id'],
    ]);
  });
});

const routers = {
  'backend/app/main.py': `
    from fastapi import FastAPI
    from app.api.router import api_router

    app = FastAPI()
    app.include_router(api_router, prefix="/api")
  `,
  'backend/app/api/router.py': `
    from fastapi import APIRouter
    from app.api.routes import parts, stats
    from .routes.categories import router as categories_router

    api_router = APIRouter()
    api_router.include_router(parts.router)
    api_router.include_router(stats.router, prefix="/stats")
    api_router.include_router(categories_router)
  `,
  'backend/app/api/routes/__init__.py': '',
  'backend/app/api/routes/parts.py': `
    from fastapi import APIRouter
    router = APIRouter(prefix="/parts", tags=["parts"])

    @router.get("/get_all_parts")
    def get_all_parts():
        ...

    @router.get("/{part_id}")
    def get_part(part_id: int):
        ...
  `,
  'backend/app/api/routes/stats.py': `
    from fastapi import APIRouter
    router = APIRouter()

    @router.get("/summary")
    def summary():
        return {"parts": 1, "low_stock": 2}
  `,
  'backend/app/api/routes/categories.py': `
    from fastapi import APIRouter
    router = APIRouter(prefix="/categories")

    @router.delete("/{category_id}")
    def delete_category(category_id: int):
        ...
  `,
  'backend/app/unmounted.py': `
    from fastapi import APIRouter
    router = APIRouter(prefix="/old")

    @router.get("/thing")
    def thing():
        ...
  `,
};

describe('route paths', () => {
  it('joins router and include prefixes across files', async () => {
    const index = await indexOf(routers);
    const paths = index
      .view()
      .routes.map((r) => `${r.method} ${r.fullPath} ${r.mounted ? 'mounted' : 'unmounted'}`);
    expect(paths.sort()).toEqual([
      'DELETE /api/categories/{category_id} mounted',
      'GET /api/parts/get_all_parts mounted',
      'GET /api/parts/{part_id} mounted',
      'GET /api/stats/summary mounted',
      'GET /old/thing unmounted',
    ]);
  });

  it('keeps what follows a prefix it cannot know', async () => {
    const index = await indexOf({
      'app/main.py': `
        from fastapi import FastAPI
        from app.core.config import settings
        from app.api.main import api_router

        app = FastAPI()
        app.include_router(api_router, prefix=settings.API_V1_STR)
      `,
      'app/api/main.py': `
        from fastapi import APIRouter
        from app.api.routes import items

        api_router = APIRouter()
        api_router.include_router(items.router)
      `,
      'app/api/routes/items.py': `
        from fastapi import APIRouter
        router = APIRouter(prefix="/items", tags=["items"])

        @router.get("/")
        def read_items():
            ...
      `,
    });
    const [route] = index.view().routes;
    expect([route.fullPath, route.unknownPrefix]).toEqual(['/items/', true]);
  });
});

describe('TypeScript resolution', () => {
  it('resolves tsconfig path aliases, extends across files and z.infer', async () => {
    const index = await indexOf(
      {
        'frontend/src/types/base.ts': `
          export interface Timestamped { created_at: string; updated_at: string | null }
        `,
        'frontend/src/types/part.ts': `
          import type { Timestamped } from '@/types/base';
          export interface Part extends Timestamped { id: number; name: string }
          export type PartPatch = Partial<Omit<Part, 'id' | 'created_at' | 'updated_at'>>;
        `,
        'frontend/src/schemas/form.ts': `
          import { z } from 'zod';
          export const PartForm = z.object({ name: z.string(), quantity: z.number().optional() });
          export type PartFormValues = z.infer<typeof PartForm>;
        `,
      },
      [{ folder: 'frontend', baseUrl: undefined, paths: { '@/*': ['frontend/src/*'] } }],
    );
    const view = index.view();
    const fieldsOf = (id: string) => view.entityById.get(id)!.fields.map((f) => f.name);
    expect(fieldsOf('frontend/src/types/part.ts#Part')).toEqual([
      'created_at',
      'updated_at',
      'id',
      'name',
    ]);
    expect(fieldsOf('frontend/src/types/part.ts#PartPatch')).toEqual(['name']);
    expect(view.entityById.get('frontend/src/types/part.ts#PartPatch')!.fields[0].optional).toBe(
      true,
    );
    expect(fieldsOf('frontend/src/schemas/form.ts#PartFormValues')).toEqual(['name', 'quantity']);
  });

  it('substitutes generic arguments of extended interfaces', async () => {
    const index = await indexOf({
      'src/api.ts': `
        export interface Page<T> { items: T[]; total: number }
        export interface Part { id: number }
        export interface PartPage extends Page<Part> { cursor: string }
      `,
    });
    const items = index.view().entityById.get('src/api.ts#PartPage')!.fields[0];
    expect(items.typeExpr).toEqual({
      kind: 'array',
      element: { kind: 'name', name: 'Part', args: [] },
    });
  });

  it('prepends the base URL of an imported axios instance and imported constants', async () => {
    const index = await indexOf(
      {
        'web/src/lib/config.ts': `
          export const API_PREFIX = '/api';
        `,
        'web/src/lib/api.ts': `
          import axios from 'axios';
          import { API_PREFIX } from './config';
          export const apiClient = axios.create({ baseURL: API_PREFIX });
        `,
        'web/src/services/parts.ts': `
          import { apiClient } from '@/lib/api';
          import type { Part } from '../types';
          export const getPart = (id: number) => apiClient.get<Part>(\`/parts/\${id}\`);
        `,
      },
      [{ folder: 'web', paths: { '@/*': ['web/src/*'] } }],
    );
    const [call] = index.view().calls;
    expect([call.method, call.path, call.unknownPrefix, call.responseTypeText]).toEqual([
      'GET',
      '/api/parts/{param}',
      false,
      'Part',
    ]);
  });

  it('does not prepend a same-file instance base URL twice', async () => {
    const index = await indexOf({
      'web/src/api.ts': `
        import axios from 'axios';
        const api = axios.create({ baseURL: '/api' });
        export const listParts = () => api.get<string[]>('/parts');
      `,
    });
    expect(index.view().calls.map((call) => call.path)).toEqual(['/api/parts']);
  });
});

// The index keeps its module maps (and the names they resolved) from one view to the next while
// no file's imports or top-level names change; an edit that changes them must be seen.
describe('resolution after edits', () => {
  const edit = (index: WorkspaceIndex, file: string, text: string) =>
    index.setFile(extractFacts(file, dedent(text)).facts);
  const baseOf = (index: WorkspaceIndex, id: string) => index.view().entityById.get(id)?.baseIds;

  it('follows a Python import to its new module, and a base to its new class', async () => {
    const index = await indexOf({
      'app/old.py': 'from pydantic import BaseModel\nclass Base(BaseModel):\n    a: int\n',
      'app/new.py': 'from pydantic import BaseModel\nclass Base(BaseModel):\n    b: int\n',
      'app/user.py': 'from app.old import Base\nclass User(Base):\n    name: str\n',
    });
    expect(baseOf(index, 'app/user.py#User')).toEqual(['app/old.py#Base']);
    // Inside a class body: the kept maps still answer, with the edited fields.
    edit(
      index,
      'app/old.py',
      'from pydantic import BaseModel\nclass Base(BaseModel):\n    c: int\n',
    );
    const fields = index
      .view()
      .entityById.get('app/user.py#User')
      ?.fields.map((f) => f.name);
    expect(fields).toEqual(['c', 'name']);
    edit(index, 'app/user.py', 'from app.new import Base\nclass User(Base):\n    name: str\n');
    expect(baseOf(index, 'app/user.py#User')).toEqual(['app/new.py#Base']);
    edit(
      index,
      'app/new.py',
      'from pydantic import BaseModel\nclass Other(BaseModel):\n    b: int\n',
    );
    // Its base gone, User is no longer known to be a model.
    expect(index.view().entityById.has('app/user.py#User')).toBe(false);
  });

  it('follows a name behind star re-exports to another module after a rename', async () => {
    const model = (name: string, field: string) =>
      `from pydantic import BaseModel\nclass ${name}(BaseModel):\n    ${field}: int\n`;
    const index = await indexOf({
      'app/models/__init__.py': 'from .part import *\nfrom .legacy import *\n',
      'app/models/part.py': model('Part', 'a'),
      'app/models/legacy.py': model('OldPart', 'b'),
      'app/user.py': 'from app.models import Part\nclass User(Part):\n    name: str\n',
    });
    expect(baseOf(index, 'app/user.py#User')).toEqual(['app/models/part.py#Part']);
    edit(index, 'app/models/part.py', model('NewPart', 'a'));
    expect(index.view().entityById.has('app/user.py#User')).toBe(false);
    edit(index, 'app/models/legacy.py', model('Part', 'b'));
    expect(baseOf(index, 'app/user.py#User')).toEqual(['app/models/legacy.py#Part']);
    edit(index, 'app/models/part.py', model('Part', 'a'));
    expect(baseOf(index, 'app/user.py#User')).toEqual(['app/models/part.py#Part']);
  });

  it('follows a TS import to its new file, and sees a file removed', async () => {
    const index = await indexOf({
      'web/a.ts': 'export interface Base { a: string }\n',
      'web/b.ts': 'export interface Base { b: string }\n',
      'web/user.ts':
        "import { Base } from './a';\nexport interface User extends Base { n: string }\n",
    });
    const fields = () =>
      index
        .view()
        .entityById.get('web/user.ts#User')
        ?.fields.map((f) => f.name);
    expect(fields()).toEqual(['a', 'n']);
    edit(index, 'web/a.ts', 'export interface Base { a2: string }\n');
    expect(fields()).toEqual(['a2', 'n']);
    edit(
      index,
      'web/user.ts',
      "import { Base } from './b';\nexport interface User extends Base { n: string }\n",
    );
    expect(fields()).toEqual(['b', 'n']);
    index.removeFile('web/b.ts');
    expect(fields()).toEqual(['n']);
  });
});
