import { describe, expect, it } from 'vitest';
import type { FileFacts, RouteFact } from '../server/src/core/facts';
import { dedent, factsOf } from './helpers/facts';

async function pythonFacts(code: string): Promise<FileFacts> {
  return factsOf('app/api/routes/parts.py', dedent(code));
}

/** The identifying fields of each route, in file order. */
async function routesOf(code: string): Promise<string[]> {
  const facts = await pythonFacts(code);
  return facts.routes.map((r) => `${r.method} ${r.path} ${r.routerVar}.${r.functionName}`);
}

async function onlyRoute(code: string): Promise<RouteFact> {
  const facts = await pythonFacts(code);
  expect(facts.routes).toHaveLength(1);
  return facts.routes[0];
}

const routesFound: [string, string, string[]][] = [
  [
    'a sync route',
    '@router.get("/parts")\ndef list_parts(): ...',
    ['GET /parts router.list_parts'],
  ],
  [
    'an async route on the app',
    '@app.post("/items/", status_code=201)\nasync def create(): ...',
    ['POST /items/ app.create'],
  ],
  [
    'every HTTP method',
    `
      @r.put("/a")
      def a(): ...
      @r.patch("/b")
      def b(): ...
      @r.delete("/c")
      def c(): ...
      @r.head("/d")
      def d(): ...
      @r.options("/e")
      def e(): ...
    `,
    ['PUT /a r.a', 'PATCH /b r.b', 'DELETE /c r.c', 'HEAD /d r.d', 'OPTIONS /e r.e'],
  ],
  [
    'api_route with methods, one route per method',
    '@router.api_route("/x", methods=["GET", "post", "GET"])\ndef x(): ...',
    ['GET /x router.x', 'POST /x router.x'],
  ],
  [
    'api_route without methods serves GET',
    '@router.api_route("/x")\ndef x(): ...',
    ['GET /x router.x'],
  ],
  [
    'the path passed by keyword',
    '@router.put(path="/p/{id}")\ndef p(id): ...',
    ['PUT /p/{id} router.p'],
  ],
  [
    'an f-string path with a module constant',
    'BASE = "/parts"\n@router.get(f"{BASE}/{{part_id}}")\ndef get(part_id: int): ...',
    ['GET /parts/{part_id} router.get'],
  ],
  [
    'two route decorators stacked with another decorator',
    '@router.get("/a")\n@limiter.limit("5/minute")\n@router.get("/b")\nasync def ab(): ...',
    ['GET /a router.ab', 'GET /b router.ab'],
  ],
  [
    'a method of a class that is not a router',
    'class Views:\n    @app.get("/v")\n    def view(self): ...',
    ['GET /v app.view'],
  ],
  [
    'a route declared inside a router factory',
    `
      def build_router():
          router = APIRouter()
          @router.delete("/d")
          async def remove(): ...
          return router
    `,
    ['DELETE /d router.remove'],
  ],
  [
    'a route whose body creates a router far below, once',
    `@app.get("/a")\ndef a():\n${'    # filler\n'.repeat(40)}    sub = APIRouter()\n    return sub`,
    ['GET /a app.a'],
  ],
  ['a route without a path yet', '@router.get()\ndef f(): ...', ['GET  router.f']],
  [
    'a path built from an unknown value keeps the known text after it',
    '@router.get(settings.PREFIX + "/x")\ndef f(): ...',
    ['GET /x router.f'],
  ],
];

const notRoutes: [string, string][] = [
  ['a pytest fixture', '@pytest.fixture\ndef client(): ...'],
  ['a pytest fixture with arguments', '@pytest.fixture(scope="module")\ndef client(): ...'],
  ['lru_cache', '@lru_cache\ndef get_settings(): ...'],
  ['functools.lru_cache()', '@functools.lru_cache()\ndef get_settings(): ...'],
  ['a property', 'class A:\n    @property\n    def get(self): ...'],
  ['a startup handler', '@router.on_event("startup")\nasync def start(): ...'],
  ['a middleware', '@app.middleware("http")\nasync def timing(request, call_next): ...'],
  ['an exception handler', '@app.exception_handler(ValueError)\nasync def on_error(r, e): ...'],
  ['a celery task', '@celery.task\ndef send(): ...'],
  ['a celery task with options', '@celery.task(bind=True)\ndef send(self): ...'],
  ['a websocket endpoint', '@app.websocket("/ws")\nasync def ws(websocket): ...'],
  ['a requests call', 'response = requests.get("/x")\nrequests.post("/y", json={})'],
  ['a get decorator without a call', '@router.get\ndef f(): ...'],
  ['a decorated class', '@app.get("/x")\nclass NotAFunction: ...'],
];

describe('python routes: which functions are routes', () => {
  it.each(routesFound)('finds %s', async (_title, code, expected) => {
    expect(await routesOf(code)).toEqual(expected);
  });

  it.each(notRoutes)('ignores %s', async (_title, code) => {
    expect(await routesOf(code)).toEqual([]);
  });

  it('gives the range of the function name', async () => {
    const route = await onlyRoute('@router.get("/x")\nasync def read_part(): ...');
    expect(route.range).toEqual({
      start: { line: 1, character: 10 },
      end: { line: 1, character: 19 },
    });
    expect(route.file).toBe('app/api/routes/parts.py');
  });
});

describe('python routes: decorator arguments and return annotation', () => {
  it('reads the response model, status code and by-alias flag', async () => {
    const route = await onlyRoute(`
      @router.post(
          "/parts",
          response_model=list[PartRead],
          status_code=status.HTTP_201_CREATED,
          response_model_by_alias=False,
      )
      def create() -> list[PartRead]: ...
    `);
    expect(route.responseModelText).toBe('list[PartRead]');
    expect(route.responseModel).toEqual({
      kind: 'name',
      name: 'list',
      args: [{ kind: 'name', name: 'PartRead', args: [] }],
    });
    expect(route.statusCode).toBe(201);
    expect(route.byAlias).toBe(false);
    expect(route.returnAnnotationText).toBe('list[PartRead]');
  });

  const statusCodes: [string, number | undefined][] = [
    ['status_code=204', 204],
    ['status_code=status.HTTP_204_NO_CONTENT', 204],
    ['status_code=HTTP_202_ACCEPTED', 202],
    ['status_code=starlette.status.HTTP_418_IM_A_TEAPOT', 418],
    // FIXME: HTTPStatus members are named by phrase, not number; Seam does not map them yet.
    ['status_code=HTTPStatus.CREATED', undefined],
    ['status_code=code', undefined],
    ['', undefined],
  ];
  it.each(statusCodes)('reads the status code of %s', async (argument, expected) => {
    const route = await onlyRoute(`@router.post("/x", ${argument})\ndef f(): ...`);
    expect(route.statusCode).toBe(expected);
  });

  it('leaves the response model unset when it is None or absent', async () => {
    const none = await onlyRoute('@router.get("/x", response_model=None)\ndef f() -> Part: ...');
    expect(none.responseModel).toBeUndefined();
    expect(none.responseModelText).toBeUndefined();
    expect(none.returnAnnotationText).toBe('Part');
    expect(none.byAlias).toBe(true);

    const absent = await onlyRoute('@router.get("/x")\ndef f(): ...');
    expect(absent.responseModel).toBeUndefined();
    expect(absent.returnAnnotation).toBeUndefined();
  });

  it('reads a forward-referenced response model', async () => {
    const route = await onlyRoute(
      '@router.get("/x", response_model=Optional["Part"])\ndef f(): ...',
    );
    expect(route.responseModel).toEqual({
      kind: 'name',
      name: 'Optional',
      args: [{ kind: 'name', name: 'Part', args: [] }],
    });
  });
});

type Source = RouteFact['params'][number]['source'];

/** Parameter declaration, route path, expected source and type text. */
const paramSources: [string, string, Source, string][] = [
  ['part_id: int', '/parts/{part_id}', 'path', 'int'],
  ['file_path: str', '/files/{file_path:path}', 'path', 'str'],
  ['part_id', '/parts/{part_id}', 'path', ''],
  ['q: str | None = None', '/', 'query', 'str | None'],
  ['limit: int = 100', '/', 'query', 'int'],
  ['ids: list[int] = Query([])', '/', 'query', 'list[int]'],
  ['tags: List[str]', '/', 'query', 'List[str]'],
  ['since: Optional[datetime]', '/', 'query', 'Optional[datetime]'],
  ['owner: uuid.UUID', '/', 'query', 'uuid.UUID'],
  ['price: Decimal', '/', 'query', 'Decimal'],
  ['order: Literal["asc", "desc"] = "asc"', '/', 'query', 'Literal["asc", "desc"]'],
  ['page = 1', '/', 'query', ''],
  ['q: Annotated[str | None, Query(max_length=50)] = None', '/', 'query', 'str | None'],
  ['part_id: Annotated[int, Path(ge=1)]', '/parts/{id}', 'path', 'int'],
  ['part_id: int = Path(...)', '/', 'path', 'int'],
  ['session: Session = Depends(get_session)', '/', 'depends', 'Session'],
  ['user: Annotated[User, Depends(current_user)]', '/', 'depends', 'User'],
  ['user: typing.Annotated[User, fastapi.Depends()]', '/', 'depends', 'User'],
  ['user: User = Security(current_user, scopes=["me"])', '/', 'depends', 'User'],
  ['token: str = Header(None)', '/', 'header', 'str'],
  ['session_id: str = Cookie(None)', '/', 'other', 'str'],
  ['name: Annotated[str, Form()]', '/', 'form', 'str'],
  ['data: bytes = File()', '/', 'file', 'bytes'],
  ['upload: UploadFile', '/', 'file', 'UploadFile'],
  ['uploads: list[UploadFile]', '/', 'file', 'list[UploadFile]'],
  ['count: int = Body(embed=True)', '/', 'body', 'int'],
  ['part: PartCreate', '/', 'body', 'PartCreate'],
  ['part: schemas.PartCreate', '/', 'body', 'schemas.PartCreate'],
  ['items: list[ItemCreate]', '/', 'body', 'list[ItemCreate]'],
  ['patch: PartUpdate | None = None', '/', 'body', 'PartUpdate | None'],
  ['payload: dict', '/', 'body', 'dict'],
  // An alias of Annotated[Session, Depends(...)] looks like a model here; the index drops it.
  ['session: SessionDep', '/', 'body', 'SessionDep'],
  ['request: Request', '/', 'other', 'Request'],
  ['response: Response', '/', 'other', 'Response'],
  ['tasks: BackgroundTasks', '/', 'other', 'BackgroundTasks'],
  ['scopes: SecurityScopes', '/', 'other', 'SecurityScopes'],
];

describe('python routes: parameters', () => {
  it.each(paramSources)('reads `%s` on %s as %s', async (declaration, path, source, type) => {
    const route = await onlyRoute(`@router.post("${path}")\nasync def f(${declaration}): ...`);
    expect(route.params.map((p) => [p.source, p.type])).toEqual([[source, type]]);
  });

  it('skips self, *args and **kwargs and keeps the others in order', async () => {
    const route = await onlyRoute(`
      class PartViews:
          @router.get("/parts/{part_id}")
          def read(self, part_id: int, *args, q: str = "", **kwargs: Any): ...
    `);
    expect(route.params.map((p) => `${p.name}:${p.source}`)).toEqual(['part_id:path', 'q:query']);
  });

  it('gives each parameter its name range and type expression', async () => {
    const route = await onlyRoute(
      '@router.post("/")\ndef f(part: Annotated[PartCreate, Body()]): ...',
    );
    expect(route.params[0]).toEqual({
      name: 'part',
      type: 'PartCreate',
      typeExpr: { kind: 'name', name: 'PartCreate', args: [] },
      source: 'body',
      range: { start: { line: 1, character: 6 }, end: { line: 1, character: 10 } },
    });
  });

  it('matches path parameters per method of an api_route', async () => {
    const facts = await pythonFacts(
      '@router.api_route("/p/{pid}", methods=["GET", "PUT"])\ndef f(pid: int, body: P): ...',
    );
    const sources = facts.routes.map((r) => r.params.map((p) => p.source).join(','));
    expect(sources).toEqual(['path,body', 'path,body']);
  });
});

/** Function body, expected returnedDictKeys. */
const returnedKeys: [string, string[] | null | undefined][] = [
  ['return {"id": part.id, "name": part.name}', ['id', 'name']],
  ["return {'ok': True}", ['ok']],
  ['return dict(a=1, b=2)', ['a', 'b']],
  ['if x:\n    return {"a": 1}\nreturn {"b": 2, "a": 3}', ['a', 'b']],
  ['if x:\n    return part\nreturn {"a": 1}', ['a']],
  ['return {"a": 1, **extra}', null],
  ['return {key: 1}', null],
  ['return {f"{key}": 1}', null],
  ['return {k: v for k, v in pairs}', null],
  ['return dict(**extra)', null],
  ['return dict(pairs)', null],
  ['if x:\n    return {"a": 1}\nreturn {name: 2}', null],
  ['return part', undefined],
  ['return', undefined],
  ['pass', undefined],
  ['def inner():\n    return {"nested": 1}\nreturn inner()', undefined],
  ['fn = lambda: {"nested": 1}\nreturn {"outer": fn()}', ['outer']],
  ['class Local:\n    def m(self):\n        return {"nested": 1}\nreturn Local()', undefined],
];

describe('python routes: returned dict keys', () => {
  it.each(returnedKeys)('reads %j', async (body, expected) => {
    const indented = body.replace(/^/gm, '    ');
    const route = await onlyRoute(`@router.get("/x")\nasync def f():\n${indented}\n`);
    expect(route.returnedDictKeys).toEqual(expected);
    if (expected === undefined) expect('returnedDictKeys' in route).toBe(false);
  });
});

type RouterRow = [string, string, string, boolean | undefined];

const routersFound: [string, string, RouterRow[]][] = [
  [
    'a router with a literal prefix',
    'router = APIRouter(prefix="/parts", tags=["parts"])',
    [['router', 'router', '/parts', undefined]],
  ],
  ['a router without prefix', 'router = APIRouter()', [['router', 'router', '', undefined]]],
  ['an app', 'app = FastAPI(title="Inventory")', [['app', 'app', '', undefined]]],
  ['a qualified router', 'r = fastapi.APIRouter()', [['r', 'router', '', undefined]]],
  [
    'a router subclass named like APIRouter',
    'router = UserAPIRouter(prefix="/users")',
    [['router', 'router', '/users', undefined]],
  ],
  ['an annotated router', 'r: APIRouter = APIRouter()', [['r', 'router', '', undefined]]],
  [
    'an f-string prefix with a module constant',
    'API_PREFIX = "/api"\nrouter = APIRouter(prefix=f"{API_PREFIX}/parts")',
    [['router', 'router', '/api/parts', undefined]],
  ],
  [
    'a concatenated prefix through constants built from constants',
    'API = "/api"\nV1 = API + "/v1"\nrouter = APIRouter(prefix=V1 + "/parts")',
    [['router', 'router', '/api/v1/parts', undefined]],
  ],
  [
    'an unknown part before the known text',
    'router = APIRouter(prefix=settings.API_V1_STR + "/parts")',
    [['router', 'router', '/parts', true]],
  ],
  [
    'an unknown interpolation in an f-string',
    'router = APIRouter(prefix=f"{get_prefix()}/parts")',
    [['router', 'router', '/parts', true]],
  ],
  [
    'a prefix that is a function call',
    'router = APIRouter(prefix=build_prefix("parts"))',
    [['router', 'router', '', true]],
  ],
  [
    'a constant assigned inside a function is not a module constant',
    'def f():\n    P = "/p"\nrouter = APIRouter(prefix=P)',
    [['router', 'router', '', true]],
  ],
  [
    'a constant with an unknown part passes it on',
    'BASE = os.environ["BASE"] + "/api"\nrouter = APIRouter(prefix=f"{BASE}/parts")',
    [['router', 'router', '/api/parts', true]],
  ],
  [
    'an annotated constant far above the router',
    `API_PREFIX: Final[str] = "/api"\n${'# filler\n'.repeat(60)}router = APIRouter(prefix=API_PREFIX)`,
    [['router', 'router', '/api', undefined]],
  ],
  [
    'routers and apps created in factories',
    `
      def create_app():
          app = FastAPI()
          return app
      def make_router():
          router = APIRouter(prefix="/made")
          return router
    `,
    [
      ['app', 'app', '', undefined],
      ['router', 'router', '/made', undefined],
    ],
  ],
];

const notRouters: [string, string][] = [
  ['a cache lookup', 'router = cache.get("router")'],
  ['a settings call', 'app = settings.get("app")'],
  ['a router factory call', 'router = make_router()'],
  [
    'look-alike class names',
    'r = APIRouterFactory()\napp = FastAPIInstrumentor()\na = MyFastAPI()',
  ],
  ['a bare reference', 'router = APIRouter'],
  ['an attribute target', 'self.router = APIRouter()'],
];

describe('python routes: routers and apps', () => {
  it.each(routersFound)('finds %s', async (_title, code, expected) => {
    const facts = await pythonFacts(code);
    const rows = facts.routers.map((r) => [r.varName, r.kind, r.prefix, r.unknownPrefix]);
    expect(rows).toEqual(expected);
  });

  it.each(notRouters)('ignores %s', async (_title, code) => {
    expect((await pythonFacts(code)).routers).toEqual([]);
  });

  it('gives the range of the variable name', async () => {
    const facts = await pythonFacts('x = 1\nparts = APIRouter()');
    expect(facts.routers[0].range).toEqual({
      start: { line: 1, character: 0 },
      end: { line: 1, character: 5 },
    });
    expect(facts.routers[0].file).toBe('app/api/routes/parts.py');
  });
});

type IncludeRow = [string, string, string, boolean | undefined];

const includesFound: [string, string, IncludeRow[]][] = [
  [
    'an include with a prefix',
    'app.include_router(router, prefix="/api")',
    [['app', 'router', '/api', undefined]],
  ],
  [
    'a module attribute with tags',
    'api_router.include_router(items.router, prefix="/items", tags=["items"])',
    [['api_router', 'items.router', '/items', undefined]],
  ],
  ['no prefix', 'app.include_router(parts_router)', [['app', 'parts_router', '', undefined]]],
  [
    'the router passed by keyword',
    'app.include_router(router=parts.router, prefix=API + "/parts")\nAPI = "/api"',
    [['app', 'parts.router', '/api/parts', undefined]],
  ],
  [
    'a settings prefix',
    'app.include_router(api_router, prefix=settings.API_V1_STR)',
    [['app', 'api_router', '', true]],
  ],
  [
    'an include inside a factory',
    'def create_app():\n    app = FastAPI()\n    app.include_router(v1.router, prefix="/v1")',
    [['app', 'v1.router', '/v1', undefined]],
  ],
];

const notIncludes: [string, string][] = [
  ['an include without a router yet', 'app.include_router()'],
  ['another method', 'app.mount("/static", StaticFiles(directory="static"))'],
  ['a plain function named include_router', 'include_router(app, router)'],
];

describe('python routes: include_router', () => {
  it.each(includesFound)('finds %s', async (_title, code, expected) => {
    const facts = await pythonFacts(code);
    const rows = facts.includes.map((i) => [i.parentVar, i.child, i.prefix, i.unknownPrefix]);
    expect(rows).toEqual(expected);
  });

  it.each(notIncludes)('ignores %s', async (_title, code) => {
    expect((await pythonFacts(code)).includes).toEqual([]);
  });

  it('gives the range of the call', async () => {
    const facts = await pythonFacts('app.include_router(\n    router,\n)');
    expect(facts.includes[0].range).toEqual({
      start: { line: 0, character: 0 },
      end: { line: 2, character: 1 },
    });
  });
});

describe('python routes: broken code', () => {
  it('keeps the routes around a function that is being typed', async () => {
    const code = `
      router = APIRouter(prefix="/parts")

      @router.get("/")
      def list_parts(): ...

      @router.post("/", response_model=)
      def create_part(part: PartCreate, q: ):
          x =

      @router.delete("/{part_id}")
      def delete_part(part_id: int):
          return {"deleted": True}
    `;
    const facts = await pythonFacts(code);
    expect(facts.routes.map((r) => `${r.method} ${r.functionName}`)).toEqual([
      'GET list_parts',
      'POST create_part',
      'DELETE delete_part',
    ]);
    expect(facts.routes[1].responseModel).toBeUndefined();
    expect(facts.routes[1].params.map((p) => `${p.name}:${p.source}`)).toEqual([
      'part:body',
      'q:query',
    ]);
    expect(facts.routes[2].returnedDictKeys).toEqual(['deleted']);
    expect(facts.routers.map((r) => r.prefix)).toEqual(['/parts']);
    expect(facts.problems).toEqual([]);
  });

  it('keeps the routes before two unclosed brackets', async () => {
    const code = `
      @router.get("/")
      def list_parts(): ...

      @router.post("/", response_model=
      def create_part(part: PartCreate

      @router.delete("/{part_id}")
      def delete_part(part_id: int): ...
    `;
    // FIXME: the parser folds everything after the unclosed brackets into one error node, so the
    // routes below them are lost until the brackets are closed.
    expect(await routesOf(code)).toEqual(['GET / router.list_parts']);
  });

  it('recovers the name of a function whose parameters are half-typed', async () => {
    const facts = await pythonFacts(
      '@router.get("/x")\nasync def f(a: int, b:\n    return {"a": 1}\n',
    );
    expect(facts.routes).toMatchObject([{ method: 'GET', path: '/x', functionName: 'f' }]);
    // The parameters and body of an unfinished function are not trusted.
    expect(facts.routes[0].params).toEqual([]);
    expect(facts.routes[0].returnedDictKeys).toBeUndefined();
  });

  it('reads a route whose body is half-typed', async () => {
    const route = await onlyRoute('@router.get("/x")\ndef f(a: int):\n    return {"a": \n');
    expect(route.params.map((p) => `${p.name}:${p.source}`)).toEqual(['a:query']);
  });

  const lost: [string, string][] = [
    // FIXME: an unclosed decorator call swallows the function into one error node.
    ['an unclosed decorator call', '@router.get("/x"\ndef f(a: int):\n    return {"a": 1}\n'],
    // FIXME: an unclosed APIRouter( call swallows the route that follows it.
    [
      'an unclosed router call',
      'router = APIRouter(prefix="/x"\n@router.get("/y")\ndef f(): pass\n',
    ],
  ];
  it.each(lost)('gives no facts but no failure for %s', async (_title, code) => {
    const facts = await pythonFacts(code);
    expect([facts.routes, facts.routers, facts.problems]).toEqual([[], [], []]);
  });

  it.each([
    'app.include_router(',
    'app.include_router(router, prefix=',
    '@router.get(',
    '@router.api_route("/x", methods=',
    'router = APIRouter(prefix=f"{',
    '@router.get("/x")\ndef',
    '@',
  ])('does not fail on %j', async (code) => {
    const facts = await pythonFacts(code);
    expect(facts.problems).toEqual([]);
  });
});
