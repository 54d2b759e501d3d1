import { describe, expect, it } from 'vitest';
import type { CallFact, FileFacts, HttpWrapperFact, TypeExpr } from '../server/src/core/facts';
import { dedent, factsOf } from './helpers/facts';

/** The facts of one snippet, by default as `src/api.ts`. */
async function facts(source: string, file = 'src/api.ts'): Promise<FileFacts> {
  return factsOf(file, dedent(source));
}

/** A call as the tables write it: method, path, via, and the type texts when set. */
function summary(call: CallFact): string {
  const prefix = call.unknownPrefix ? '…' : '';
  const types = [
    call.responseTypeText !== undefined ? ` -> ${call.responseTypeText}` : '',
    call.requestTypeText !== undefined ? ` <- ${call.requestTypeText}` : '',
  ].join('');
  return `${call.method} ${prefix}${call.path} via ${call.via}${types}`;
}

async function callSummaries(source: string, file?: string): Promise<string[]> {
  const result = await facts(source, file);
  expect(result.problems).toEqual([]);
  return result.calls.map(summary);
}

/** Everything but ranges, for whole-fact comparisons. */
function withoutRange<T extends { range?: unknown }>(fact: T): Omit<T, 'range'> {
  const copy: T = { ...fact };
  delete copy.range;
  return copy;
}

const name = (text: string, args: TypeExpr[] = []): TypeExpr => ({
  kind: 'name',
  name: text,
  args,
});

describe('string constants and axios instances', () => {
  const cases: [string, string, object[]][] = [
    [
      'a literal, exported or not',
      `
      export const API_BASE = '/api';
      const OTHER = "/other";
      `,
      [
        { name: 'API_BASE', value: '/api', kind: 'string', exported: true },
        { name: 'OTHER', value: '/other', kind: 'string', exported: false },
      ],
    ],
    [
      'a template and a concatenation of known constants',
      `
      const API_BASE = '/api';
      export const V1 = \`\${API_BASE}/v1\`;
      const PARTS = API_BASE + '/parts';
      `,
      [
        { name: 'API_BASE', value: '/api', kind: 'string', exported: false },
        { name: 'V1', value: '/api/v1', kind: 'string', exported: true },
        { name: 'PARTS', value: '/api/parts', kind: 'string', exported: false },
      ],
    ],
    [
      'env variables give an unknown prefix',
      `
      export const API_URL = import.meta.env.VITE_API_URL ?? '';
      const NODE = process.env.API_URL || 'http://localhost:8000';
      const V2 = \`\${import.meta.env.VITE_API_URL}/v2\`;
      `,
      [
        { name: 'API_URL', value: '', kind: 'string', exported: true, unknownPrefix: true },
        { name: 'NODE', value: '', kind: 'string', exported: false, unknownPrefix: true },
        { name: 'V2', value: '/v2', kind: 'string', exported: false, unknownPrefix: true },
      ],
    ],
    [
      'a full URL keeps only its path; `as const` and annotations are read through',
      `
      const SERVER = 'http://localhost:8000/api/';
      const TYPED: string = '/typed' as const;
      `,
      [
        { name: 'SERVER', value: '/api/', kind: 'string', exported: false },
        { name: 'TYPED', value: '/typed', kind: 'string', exported: false },
      ],
    ],
    [
      'a leading imported constant stays a placeholder',
      `
      import { BASE } from './config';
      export const V1 = \`\${BASE}/v1\`;
      `,
      [{ name: 'V1', value: '{const:BASE}/v1', kind: 'string', exported: true }],
    ],
    [
      'axios.create with a literal, a constant, a template, an env variable, or no baseURL',
      `
      import axios from 'axios';
      const BASE = '/api';
      export const a = axios.create({ baseURL: '/api/v1', timeout: 1000 });
      const b = axios.create({ baseURL: BASE });
      const c = axios.create({ baseURL: \`\${BASE}/v1\` });
      const d = axios.create({ baseURL: import.meta.env.VITE_API_URL });
      const e = axios.create();
      const f = axios.create(config);
      `,
      [
        { name: 'BASE', value: '/api', kind: 'string', exported: false },
        { name: 'a', value: '/api/v1', kind: 'axios-instance', exported: true },
        { name: 'b', value: '/api', kind: 'axios-instance', exported: false },
        { name: 'c', value: '/api/v1', kind: 'axios-instance', exported: false },
        { name: 'd', value: '', kind: 'axios-instance', exported: false, unknownPrefix: true },
        { name: 'e', value: '', kind: 'axios-instance', exported: false },
        { name: 'f', value: '', kind: 'axios-instance', exported: false, unknownPrefix: true },
      ],
    ],
    [
      'export default axios.create(...)',
      `
      import axios from 'axios';
      export default axios.create({ baseURL: '/api' });
      `,
      [{ name: 'default', value: '/api', kind: 'axios-instance', exported: true }],
    ],
    [
      'export default of a named instance, and an export list',
      `
      import http from 'axios';
      const client = http.create({ baseURL: '/api' });
      const ROOT = '/root';
      export { ROOT };
      export default client;
      `,
      [
        { name: 'client', value: '/api', kind: 'axios-instance', exported: false },
        { name: 'ROOT', value: '/root', kind: 'string', exported: true },
        { name: 'default', value: '/api', kind: 'axios-instance', exported: true },
      ],
    ],
    [
      'not constants: let, numbers, runtime values, aliases of imports, locals',
      `
      import { OTHER } from './config';
      let MUTABLE = '/mutable';
      const COUNT = 3;
      const FROM_CALL = getBase();
      const PARTIAL = \`/parts/\${id}\`;
      const ALIAS = OTHER;
      function f() { const LOCAL = '/local'; }
      `,
      [],
    ],
    [
      'not published: strings that cannot start a URL, and a default export of a component',
      `
      export const TITLE = 'Parts';
      const VERSION = 'v1';
      export default PartsPage;
      `,
      [],
    ],
  ];

  it.each(cases)('%s', async (_name, source, expected) => {
    expect((await facts(source)).constants).toEqual(expected);
  });
});

const PREAMBLE = `
  import axios from 'axios';
  import api from './api/client';
  import { apiClient, BASE_URL } from '@/lib/api';
  const API_BASE = '/api';
  const ENV_BASE = import.meta.env.VITE_API_URL ?? '';
`;

describe('HTTP calls', () => {
  const cases: [string, string, string[]][] = [
    [
      'every axios method',
      `
      axios.get('/a'); axios.post('/b', x); axios.put('/c', x); axios.patch('/d', x);
      axios.delete('/e'); axios.head('/f'); axios.options('/g'); axios.postForm('/h', form);
      `,
      [
        'GET /a via axios',
        'POST /b via axios',
        'PUT /c via axios',
        'PATCH /d via axios',
        'DELETE /e via axios',
        'HEAD /f via axios',
        'OPTIONS /g via axios',
        'POST /h via axios',
      ],
    ],
    [
      'a local axios instance adds its baseURL',
      `
      const http = axios.create({ baseURL: \`\${API_BASE}/v1/\` });
      const env = axios.create({ baseURL: import.meta.env.VITE_API });
      http.get('/parts'); http.get('parts'); env.delete('/parts/1'); http.get('http://x.io/raw');
      `,
      [
        'GET /api/v1/parts via http',
        'GET /api/v1/parts via http',
        'DELETE …/parts/1 via env',
        'GET /raw via http',
      ],
    ],
    [
      'an axios instance under an aliased import',
      `
      import client from 'axios';
      const http = client.create({ baseURL: '/api' });
      client.get('/a'); http.get('/b');
      `,
      ['GET /a via client', 'GET /api/b via http'],
    ],
    [
      'imported clients and other receivers with URL-like arguments',
      `
      api.get('/parts');
      apiClient.post(\`/parts/\${id}/move\`, body);
      this.http.get(\`\${API_BASE}/users\`);
      client.put(BASE_URL + '/x', body);
      `,
      [
        'GET /parts via api',
        'POST /parts/{param}/move via apiClient',
        'GET /api/users via this.http',
        'PUT {const:BASE_URL}/x via client',
      ],
    ],
    [
      'a runtime base on an unknown receiver needs a URL-like name',
      `
      this.http.get(\`\${this.baseUrl}/parts\`);
      service.get(\`\${group}/parts\`);
      `,
      ['GET …/parts via this.http'],
    ],
    [
      'axios config calls and request()',
      `
      axios({ method: 'post', url: '/parts', data: part });
      axios({ url: '/parts' });
      axios('/plain');
      axios('/configured', { method: 'PUT' });
      axios.request({ method: 'delete', url: \`/parts/\${id}\` });
      api.request({ method: 'PATCH', url: '/parts/1', data: patch });
      const config = { method: 'post', url: '/local' };
      axios(config);
      `,
      [
        'POST /parts via axios',
        'GET /parts via axios',
        'GET /plain via axios',
        'PUT /configured via axios',
        'DELETE /parts/{param} via axios',
        'PATCH /parts/1 via api',
        'POST /local via axios',
      ],
    ],
    [
      'fetch: GET by default, a method from init, a method from a constant',
      `
      fetch('/parts');
      fetch('/parts', { method: 'POST', body: JSON.stringify(part) });
      window.fetch('/w', { method: 'delete' });
      const METHOD = 'PUT';
      fetch('/m', { method: METHOD });
      const init = { method: 'PATCH' };
      fetch('/i', init);
      fetch(\`\${ENV_BASE}/env\`);
      fetch('api/relative');
      `,
      [
        'GET /parts via fetch',
        'POST /parts via fetch',
        'DELETE /w via fetch',
        'PUT /m via fetch',
        'PATCH /i via fetch',
        'GET …/env via fetch',
        'GET api/relative via fetch',
      ],
    ],
    [
      'fetch of a variable built from constants or a local template',
      `
      const PARTS_URL = \`\${API_BASE}/parts\`;
      fetch(PARTS_URL);
      async function load(id: string) {
        const url = \`\${API_BASE}/parts/\${id}\`;
        return fetch(url, { method: 'DELETE' });
      }
      fetch(ENDPOINTS.list);
      const ENDPOINTS = { list: '/list' } as const;
      `,
      ['GET /api/parts via fetch', 'DELETE /api/parts/{param} via fetch', 'GET /list via fetch'],
    ],
    [
      'an awaited call with type arguments (parsed as a call of `await api.get`)',
      `
      async function f() {
        const parts = await api.get<Part[]>('/parts');
        const { data } = await axios.post<Part>('/parts', part);
      }
      `,
      ['GET /parts via api -> Part[]', 'POST /parts via axios -> Part'],
    ],
    [
      'openapi-fetch clients: upper-case methods, route templates, a body option',
      `
      function f(part: PartCreate, id: string) {
        client.GET('/v1/parts/{part_id}', { params: { path: { part_id: id } } });
        client.POST('/v1/parts', { body: part });
        api.DELETE(\`/v1/parts/\${id}\`);
      }
      `,
      [
        'GET /v1/parts/{param} via client',
        'POST /v1/parts via client <- PartCreate',
        'DELETE /v1/parts/{param} via api',
      ],
    ],
    [
      'a string constant that is not published still resolves calls of its file',
      `
      const VERSION = 'v1';
      axios.get(\`/api/\${VERSION}/parts\`);
      `,
      ['GET /api/v1/parts via axios'],
    ],
    [
      'route helpers: a top-level arrow returning the URL',
      `
      const prefix = '/api';
      const routes = {
        parts: \`\${prefix}/parts\`,
        part: (id: string) => \`\${prefix}/parts/\${id}\`,
      };
      const partUrl = (id: string) => \`/api/parts/\${id}/items\`;
      export function load(id: string) {
        api.get(routes.parts);
        api.get(routes.part(id));
        fetch(partUrl(id));
      }
      `,
      [
        'GET /api/parts via api',
        'GET /api/parts/{param} via api',
        'GET /api/parts/{param}/items via fetch',
      ],
    ],
  ];

  it.each(cases)('%s', async (_name, source, expected) => {
    expect(await callSummaries(PREAMBLE + dedent(source))).toEqual(expected);
  });

  it('reports the callee as the range', async () => {
    const result = await facts(`
      async function f() {
        await api.get<Part[]>('/parts');
        fetch('/x');
      }
    `);
    expect(result.calls.map((call) => call.range)).toEqual([
      { start: { line: 1, character: 8 }, end: { line: 1, character: 15 } },
      { start: { line: 2, character: 2 }, end: { line: 2, character: 7 } },
    ]);
    expect(result.calls[0].file).toBe('src/api.ts');
  });
});

describe('look-alikes stay silent', () => {
  const cases: [string, string][] = [
    ['Map.get and a Map-typed variable', `const m = new Map(); m.get('/x'); cache.get(key);`],
    ['a parameter typed as a collection', `function f(seen: Map<string, P>) { seen.get('/x'); }`],
    [
      'URLSearchParams.get',
      `const q = new URLSearchParams(s); q.get('q'); searchParams.get('/p');`,
    ],
    ['a cache keyed by URL', `cache.delete('/api/parts'); queryCache.get('/api/x');`],
    ['localStorage', `localStorage.getItem('/token'); localStorage.setItem('/k', v);`],
    ['router navigation', `router.push('/parts'); navigate('/parts'); history.replace('/x');`],
    [
      'express and msw handlers',
      `app.get('/parts', (req, res) => res.send()); router.post('/x', h);`,
    ],
    ['msw with a function', `http.get('/api/parts', () => HttpResponse.json([]));`],
    ['a non-URL key on an unknown receiver', `store.get(key); headers.get('content-type');`],
    ['fetch of a variable not built from constants', `async function f(u: string) { fetch(u); }`],
    ['fetch of a call result', `fetch(makeUrl()); fetch(request);`],
    ['axios with an unknown URL', `axios.get(url); axios.get(getUrl());`],
    ['axios.get in a comment or a string', `// axios.get('/parts')\nconst s = "axios.get('/x')";`],
    ['fetch options passed on whole', `fetch('/parts', options);`],
    ['a method that is not HTTP', `fetch('/parts', { method: 'PURGE' });`],
    [
      'a string that is no URL on an unknown receiver',
      `client.get('parts'); thing.post('a/b', x);`,
    ],
    ['a path parameter of an anonymous function', `items.map((id) => api.get(id));`],
    ['a test browser', `page.goto('/parts'); await page.waitForURL('/parts/1');`],
    ['assertions and route declarations', `expect(url).toBe('/x'); createFileRoute('/parts');`],
  ];

  it.each(cases)('%s', async (_name, source) => {
    const result = await facts(PREAMBLE + source);
    expect(result.calls.map(summary)).toEqual([]);
    expect(result.unresolvedCalls).toEqual([]);
    expect(result.problems).toEqual([]);
  });
});

describe('URL normalisation', () => {
  const cases: [string, string, boolean][] = [
    [`'/parts'`, '/parts', false],
    [`'/parts/'`, '/parts/', false],
    ['`/parts/${id}`', '/parts/{param}', false],
    [`'/parts/' + id`, '/parts/{param}', false],
    [`'/parts/' + id + '/items'`, '/parts/{param}/items', false],
    ['`${API_BASE}/parts`', '/api/parts', false],
    ['`${BASE_URL}/parts`', '{const:BASE_URL}/parts', false],
    ['`${import.meta.env.VITE_API_URL}/parts`', '/parts', true],
    ['`${process.env.API_URL}/parts`', '/parts', true],
    ['`${window.location.origin}/parts`', '/parts', true],
    ['`${ENV_BASE}/parts`', '/parts', true],
    ['`${getBase()}/parts`', '/parts', true],
    [`'http://localhost:8000/api/x'`, '/api/x', false],
    ['`https://${host}:8000/api/x`', '/api/x', false],
    [`'http://localhost:8000'`, '', false],
    [`'/parts?limit=10'`, '/parts', false],
    [`'/parts#top'`, '/parts', false],
    ['`/parts?${qs}`', '/parts', false],
    ['`/parts/${id}?expand=${e}`', '/parts/{param}', false],
    ['`/parts${query}`', '/parts', false],
    ['`/files/${name}.json`', '/files/{param}', false],
    ['`/a/${x}-${y}/b`', '/a/{param}/b', false],
    [`'/parts/' + encodeURIComponent(id)`, '/parts/{param}', false],
  ];

  it.each(cases)('%s → %s', async (expression, path, unknownPrefix) => {
    const result = await facts(`${PREAMBLE}\naxios.get(${expression});`);
    expect(result.calls.map(({ path, unknownPrefix }) => ({ path, unknownPrefix }))).toEqual([
      { path, unknownPrefix },
    ]);
  });
});

describe('response types', () => {
  const cases: [string, string, string | undefined][] = [
    ['the first type argument', `api.get<Part[]>('/parts');`, 'Part[]'],
    ['a nested generic', `api.post<ApiResponse<Part>>('/parts', p);`, 'ApiResponse<Part>'],
    [
      'an AxiosResponse annotation',
      `async function f() { const res: AxiosResponse<Part> = await api.get('/parts/1'); }`,
      'Part',
    ],
    [
      'a destructured data annotation',
      `async function f() { const { data }: { data: Part[] } = await axios.get('/parts'); }`,
      'Part[]',
    ],
    [
      'an annotation after `.data`',
      `async function f() { const parts: Part[] = (await api.get('/parts')).data; }`,
      'Part[]',
    ],
    [
      'an annotation of the whole response that is not AxiosResponse is not guessed',
      `async function f() { const parts: Part[] = await api.get('/parts'); }`,
      undefined,
    ],
    [
      'fetch: res.json() cast',
      `async function f() {
        const res = await fetch('/parts');
        const parts = (await res.json()) as Part[];
      }`,
      'Part[]',
    ],
    [
      'fetch: res.json() received by an annotated const',
      `async function f() {
        const response = await fetch('/parts');
        const parts: Part[] = await response.json();
      }`,
      'Part[]',
    ],
    [
      'fetch: a chained json() cast to a Promise',
      `function f() { return (await fetch('/parts')).json() as Promise<Part[]>; }`,
      'Part[]',
    ],
    [
      'a Promise<T> return type with one call',
      `async function list(): Promise<Part[]> {
        const r = await api.get('/parts');
        return r.data;
      }`,
      'Part[]',
    ],
    [
      'a Promise<AxiosResponse<T>> return type',
      `const one = (id: string): Promise<AxiosResponse<Part>> => api.get(\`/parts/\${id}\`);`,
      'Part',
    ],
    [
      'a fetch in a function returning Promise<T>',
      `async function list(): Promise<Part[]> {
        const r = await fetch('/parts');
        return r.json();
      }`,
      'Part[]',
    ],
    [
      'Promise<void> says nothing',
      `async function f(): Promise<void> { await api.delete('/p'); }`,
      undefined,
    ],
    ['no annotation anywhere', `api.get('/parts').then((r) => r.data);`, undefined],
    [
      'an Observable<T> return type (Angular HttpClient)',
      `export class PartsService {
        constructor(private http: HttpClient) {}
        list(): Observable<Part[]> { return this.http.get('/api/parts'); }
      }`,
      'Part[]',
    ],
  ];

  it.each(cases)('%s', async (_name, source, expected) => {
    const result = await facts(PREAMBLE + source);
    expect(result.calls).toHaveLength(1);
    expect(result.calls[0].responseTypeText).toBe(expected);
  });

  it('the Promise<T> rule needs exactly one HTTP call in the function', async () => {
    const result = await facts(`
      async function both(): Promise<Part[]> {
        const a = await api.get('/a');
        const b = await api.get('/b');
        return [...a.data, ...b.data];
      }
      async function withUnresolved(): Promise<Part[]> {
        await getJson('/c');
        return (await api.get('/d')).data;
      }
    `);
    expect(result.calls.map(summary)).toEqual([
      'GET /a via api',
      'GET /b via api',
      'GET /d via api',
    ]);
  });

  it('parses the response type into a TypeExpr', async () => {
    const [call] = (await facts(`api.get<Page<Part>>('/parts');`)).calls;
    expect(call.responseType).toEqual(name('Page', [name('Part')]));
  });
});

describe('request types', () => {
  const cases: [string, string, string | undefined][] = [
    [
      'a typed parameter',
      `const create = (part: PartCreate) => api.post('/parts', part);`,
      'PartCreate',
    ],
    [
      'the third axios type argument wins',
      `function f(part: Other) {
        api.post<Part, AxiosResponse<Part>, PartCreate>('/parts', part);
      }`,
      'PartCreate',
    ],
    [
      'an annotated const',
      `const part: PartCreate = make(); api.put('/parts/1', part);`,
      'PartCreate',
    ],
    [
      'an annotated local let',
      `function f() { let p: PartCreate; api.patch('/p', p); }`,
      'PartCreate',
    ],
    ['x as T', `api.post('/parts', form as PartCreate);`, 'PartCreate'],
    ['x satisfies T', `api.post('/parts', { name: 'a' } satisfies PartCreate);`, 'PartCreate'],
    [
      'an object literal',
      `api.post('/parts', { name: 'bolt', quantity: 2, active: true, note: null, other: x });`,
      '{ name: string; quantity: number; active: boolean; note: null; other: unknown }',
    ],
    [
      'shorthand keys keep declared types',
      `function f(name: string, tags: Tag[]) { api.post('/parts', { name, tags, extra }); }`,
      '{ name: string; tags: Tag[]; extra: unknown }',
    ],
    [
      'a spread of a typed value joins as an intersection',
      `function f(part: PartCreate, q: number) { api.put('/p', { ...part, quantity: q }); }`,
      'PartCreate & { quantity: number }',
    ],
    [
      'a lone spread is its type',
      `function f(part: PartCreate) { api.put('/p', { ...part }); }`,
      'PartCreate',
    ],
    [
      'a spread of an untyped value is skipped',
      `api.put('/p', { ...rest, id: 1 });`,
      '{ id: number }',
    ],
    [
      'axios({ data })',
      `function f(data: PartCreate) { axios({ method: 'post', url: '/p', data }); }`,
      'PartCreate',
    ],
    [
      'fetch body JSON.stringify',
      `function f(part: PartCreate) {
        fetch('/p', { method: 'POST', body: JSON.stringify(part) });
      }`,
      'PartCreate',
    ],
    [
      'an unannotated const takes its value',
      `const payload = { name: 'a' } as PartCreate; api.post('/p', payload);`,
      'PartCreate',
    ],
    ['an untyped variable', `api.post('/p', payload);`, undefined],
    ['a GET has no body', `function f(q: Query) { api.get('/p', q); }`, undefined],
  ];

  it.each(cases)('%s', async (_name, source, expected) => {
    const result = await facts(PREAMBLE + source);
    expect(result.calls).toHaveLength(1);
    expect(result.calls[0].requestTypeText).toBe(expected);
  });

  it('builds an object TypeExpr with fields for a literal', async () => {
    const [call] = (
      await facts(`function f(q: number) { api.post('/p', { 'part-name': 'a', q }); }`)
    ).calls;
    expect(call.requestType).toMatchObject({
      kind: 'object',
      fields: [
        { name: 'part-name', wireName: 'part-name', type: 'string', typeExpr: name('string') },
        { name: 'q', type: 'number', typeExpr: name('number'), optional: false, nullable: false },
      ],
    });
  });

  it('builds an intersection for spreads', async () => {
    const [call] = (await facts(`function f(p: PartCreate) { api.post('/p', { ...p, id: 1 }); }`))
      .calls;
    expect(call.requestType).toMatchObject({
      kind: 'name',
      name: '&',
      args: [name('PartCreate'), { kind: 'object' }],
    });
  });
});

describe('wrappers', () => {
  const cases: [string, string, Partial<HttpWrapperFact>[]][] = [
    [
      'a generic GET wrapper over axios',
      `export function getJson<T>(url: string) { return axios.get<T>(url); }`,
      [
        {
          name: 'getJson',
          method: 'GET',
          urlParam: 0,
          urlPrefix: '',
          unknownPrefix: false,
          responseTypeParam: 0,
          exported: true,
        },
      ],
    ],
    [
      'a fetch wrapper with a constant prefix and a Promise<T> return',
      `
      const API = '/api';
      async function getJson<T>(url: string): Promise<T> {
        const res = await fetch(\`\${API}\${url}\`);
        return res.json();
      }
      `,
      [
        {
          name: 'getJson',
          method: 'GET',
          urlParam: 0,
          urlPrefix: '/api',
          unknownPrefix: false,
          responseTypeParam: 0,
          exported: false,
        },
      ],
    ],
    [
      'method, URL and body as parameters',
      `
      export const request = async <T,>(method: string, path: string, body?: unknown) => {
        const init = { method, body: JSON.stringify(body) };
        const res = await fetch(import.meta.env.VITE_API + path, init);
        return (await res.json()) as T;
      };
      `,
      [
        {
          name: 'request',
          methodParam: 0,
          urlParam: 1,
          urlPrefix: '',
          unknownPrefix: true,
          bodyParam: 2,
          responseTypeParam: 0,
          exported: true,
        },
      ],
    ],
    [
      'an axios config wrapper on an instance',
      `
      const http = axios.create({ baseURL: '/api/v1' });
      export function call<R>(method: Method, url: string, data?: object) {
        return http.request<R>({ method, url, data });
      }
      `,
      [
        {
          name: 'call',
          methodParam: 0,
          urlParam: 1,
          urlPrefix: '/api/v1',
          unknownPrefix: false,
          bodyParam: 1 + 1,
          responseTypeParam: 0,
          exported: true,
        },
      ],
    ],
    [
      'a post wrapper with a fixed response type',
      `
      export async function postPart(url: string, part: PartCreate): Promise<Part> {
        const { data } = await api.post(url, part);
        return data;
      }
      `,
      [
        {
          name: 'postPart',
          method: 'POST',
          urlParam: 0,
          urlPrefix: '',
          unknownPrefix: false,
          bodyParam: 1,
          responseType: name('Part'),
          exported: true,
        },
      ],
    ],
    [
      'an imported prefix constant',
      `export const get = (path: string) => fetch(\`\${BASE_URL}\${path}\`);`,
      [
        {
          name: 'get',
          method: 'GET',
          urlParam: 0,
          urlPrefix: '{const:BASE_URL}',
          unknownPrefix: false,
          exported: true,
        },
      ],
    ],
    [
      'a URL parameter after a slash, named like a URL',
      `function load(endpoint: string) { return api.get(\`/api/\${endpoint}?page=1\`); }`,
      [
        {
          name: 'load',
          method: 'GET',
          urlParam: 0,
          urlPrefix: '/api/',
          unknownPrefix: false,
          exported: false,
        },
      ],
    ],
    [
      'wrappers built on a wrapper of the same file',
      `
      async function request<T>(method: string, url: string, body?: unknown): Promise<T> {
        const { data } = await axios({ method, url: \`/api\${url}\`, data: body });
        return data;
      }
      export const get = <T,>(url: string) => request<T>('GET', url);
      export const post = <T,>(url: string, body: unknown) => request<T>('POST', url, body);
      export const getPart = (url: string): Promise<Part> => get(url);
      `,
      [
        {
          name: 'request',
          methodParam: 0,
          urlParam: 1,
          urlPrefix: '/api',
          bodyParam: 2,
          responseTypeParam: 0,
          exported: false,
        },
        {
          name: 'get',
          method: 'GET',
          urlParam: 0,
          urlPrefix: '/api',
          responseTypeParam: 0,
          exported: true,
        },
        {
          name: 'post',
          method: 'POST',
          urlParam: 0,
          urlPrefix: '/api',
          bodyParam: 1,
          responseTypeParam: 0,
          exported: true,
        },
        {
          name: 'getPart',
          method: 'GET',
          urlParam: 0,
          urlPrefix: '/api',
          responseType: name('Part'),
          exported: true,
        },
      ],
    ],
    [
      'methods of a top-level object literal',
      `
      export const client = {
        get<T>(url: string) { return api.get<T>(url); },
        del: (url: string) => api.delete(url),
      };
      `,
      [
        { name: 'client.get', method: 'GET', urlParam: 0, responseTypeParam: 0, exported: true },
        { name: 'client.del', method: 'DELETE', urlParam: 0, exported: true },
      ],
    ],
    [
      'fetch options passed whole leave the method open',
      `export function send(url: string, init?: RequestInit) { return fetch(url, init); }`,
      [{ name: 'send', urlParam: 0, urlPrefix: '', exported: true }],
    ],
    [
      'an unknown receiver needs a URL-named parameter',
      `
      export function getJson(url: string) { return thing.get(url); }
      export function byKey(key: string) { return thing.get(key); }
      `,
      [{ name: 'getJson', method: 'GET', urlParam: 0, urlPrefix: '', exported: true }],
    ],
    [
      'an export list marks a wrapper exported',
      `function getJson(url: string) { return api.get(url); }\nexport { getJson };`,
      [{ name: 'getJson', method: 'GET', urlParam: 0, exported: true }],
    ],
  ];

  it.each(cases)('%s', async (_name, source, expected) => {
    const result = await facts(PREAMBLE + dedent(source));
    expect(result.problems).toEqual([]);
    expect(result.wrappers.map(withoutRange)).toEqual(
      expected.map((w) => expect.objectContaining(w)),
    );
    for (const [index, wrapper] of expected.entries()) {
      for (const key of [
        'method',
        'methodParam',
        'bodyParam',
        'responseTypeParam',
        'responseType',
      ]) {
        if (!(key in wrapper)) expect(result.wrappers[index]).not.toHaveProperty(key);
      }
    }
    expect(result.calls).toEqual([]);
  });

  it('reports the wrapper name as its range', async () => {
    const [wrapper] = (await facts(`export function getJson(url: string) { return api.get(url); }`))
      .wrappers;
    expect(wrapper.range).toEqual({
      start: { line: 0, character: 16 },
      end: { line: 0, character: 23 },
    });
  });

  const notWrappers: [string, string, string[]][] = [
    [
      'a path parameter is not the URL',
      `export function getPart(id: string) { return api.get(\`/parts/\${id}\`); }`,
      ['GET /parts/{param} via api'],
    ],
    [
      'a non-string parameter is not a URL',
      `export function getPart(id: number) { return axios.get(\`/api\${id}\`); }`,
      ['GET /{param} via axios'],
    ],
    [
      'a parameter used after a fixed path is not the URL',
      `export function f(url: string) { return fetch(\`\${url}/parts\`); }`,
      ['GET …/parts via fetch'],
    ],
    [
      'a nested function is not a top-level wrapper',
      `function outer() { const get = (url: string) => api.get(url); }`,
      [],
    ],
    [
      'a storage, a set or a registry is not a client',
      `
      export function read(key: string) { return storage.get(key); }
      export function drop(id: string) { return seen.delete(id); }
      export function find(name: string) { return registry.get(name); }
      export function header(res: Response, name: string) {
        return res.headers.get(\`x-request-\${name}\`);
      }
      `,
      [],
    ],
  ];

  it.each(notWrappers)('%s', async (_name, source, calls) => {
    const result = await facts(PREAMBLE + source);
    expect(result.wrappers).toEqual([]);
    expect(result.calls.map(summary)).toEqual(calls);
  });

  it('resolves calls to the wrappers of the same file into calls', async () => {
    const result = await facts(`
      const API = '/api';
      export async function getJson<T>(url: string): Promise<T> {
        return (await fetch(API + url)).json();
      }
      export async function send<T>(method: string, url: string, body?: unknown): Promise<T> {
        return (await fetch(API + url, { method, body: JSON.stringify(body) })).json();
      }
      export async function fixed(url: string): Promise<Part> {
        return (await fetch(API + url)).json();
      }
      async function use(part: PartCreate, id: string, m: string) {
        await getJson<Part[]>('/parts');
        const one: Part = await getJson(\`/parts/\${id}\`);
        await send<Part>('post', '/parts', part);
        await send(m, '/parts');
        await fixed('/fixed');
        const url = '/local';
        await getJson(url);
      }
    `);
    expect(result.calls.map(summary)).toEqual([
      'GET /api/parts via getJson -> Part[]',
      'GET /api/parts/{param} via getJson -> Part',
      'POST /api/parts via send -> Part <- PartCreate',
      'GET /api/fixed via fixed -> Part',
      'GET /api/local via getJson',
    ]);
    expect(result.unresolvedCalls.map((call) => call.callee)).toEqual(['send']);
  });
});

describe('unresolved calls', () => {
  it('keeps URL-like calls of unknown functions with their arguments', async () => {
    const result = await facts(`
      import { getJson } from './http';
      const API = '/api';
      async function f(part: PartCreate, id: string) {
        const parts: Part[] = await getJson<Part[]>('/parts');
        await api.fetchJson(\`\${API}/parts/\${id}\`, part, 'POST');
        await postJson(API_URL + '/x', { name: 'a' });
        await request(PARTS_URL);
      }
    `);
    expect(result.unresolvedCalls.map(withoutRange)).toEqual([
      {
        callee: 'getJson',
        argPaths: [{ path: '/parts', unknownPrefix: false }],
        argTypes: [null],
        argStrings: ['/parts'],
        typeArgs: [{ kind: 'array', element: name('Part') }],
        resultType: { kind: 'array', element: name('Part') },
        file: 'src/api.ts',
      },
      {
        callee: 'api.fetchJson',
        argPaths: [{ path: '/api/parts/{param}', unknownPrefix: false }, null, null],
        argTypes: [null, name('PartCreate'), null],
        argStrings: [null, null, 'POST'],
        typeArgs: [],
        file: 'src/api.ts',
      },
      {
        callee: 'postJson',
        argPaths: [{ path: '/x', unknownPrefix: true }, null],
        argTypes: [null, expect.objectContaining({ kind: 'object' })],
        argStrings: [null, null],
        typeArgs: [],
        file: 'src/api.ts',
      },
    ]);
    expect(result.calls).toEqual([]);
  });

  it('leaves look-alike callees alone', async () => {
    const result = await facts(`
      console.log('/parts');
      t('/key');
      path.join('/a', b);
      describe('/parts', () => {});
      useSWR('/api/parts', (u) => fetch(u));
      url.startsWith('/api');
      formatLabel('plain text');
    `);
    expect(result.unresolvedCalls).toEqual([]);
    expect(result.calls).toEqual([]);
  });
});

describe('.tsx files', () => {
  it('finds calls around JSX and ignores link paths', async () => {
    const result = await facts(
      `
      import axios from 'axios';
      export function Parts({ id }: { id: string }) {
        const [parts, setParts] = useState<Part[]>([]);
        useEffect(() => {
          axios.get<Part[]>(\`/api/parts/\${id}\`).then((r) => setParts(r.data));
        }, [id]);
        const save = async (part: PartCreate) => {
          await fetch('/api/parts', { method: 'POST', body: JSON.stringify(part) });
        };
        return <div><Link to="/parts">{parts.length}</Link><a href="/api/x">x</a></div>;
      }
      `,
      'src/Parts.tsx',
    );
    expect(result.problems).toEqual([]);
    expect(result.calls.map(summary)).toEqual([
      'GET /api/parts/{param} via axios -> Part[]',
      'POST /api/parts via fetch <- PartCreate',
    ]);
    expect(result.unresolvedCalls).toEqual([]);
  });

  it('reads generic arrow wrappers written with a trailing comma', async () => {
    const result = await facts(
      `export const getJson = async <T,>(url: string): Promise<T> => (await fetch(url)).json();`,
      'src/http.tsx',
    );
    expect(result.wrappers.map(withoutRange)).toEqual([
      {
        name: 'getJson',
        method: 'GET',
        urlParam: 0,
        urlPrefix: '',
        unknownPrefix: false,
        responseTypeParam: 0,
        exported: true,
      },
    ]);
  });
});

describe('half-typed code', () => {
  const cases: [string, string, string[]][] = [
    [
      'an open call with type arguments',
      `const r = api.get<Part[]>('/parts'`,
      ['GET /parts via api -> Part[]'],
    ],
    ['an open fetch', `fetch('/parts'`, ['GET /parts via fetch']],
    [
      'an unclosed object argument',
      `const r = await api.post("/parts", { name, `,
      ['POST /parts via api'],
    ],
    ['an unclosed template', 'fetch(`/parts/${id', []],
    ['an unclosed type argument list', `api.get<Part[]`, []],
    ['a look-alike left open', `cache.get('/x'`, []],
    [
      'a complete call before broken code still counts',
      `api.get('/ok');\nconst x = ;\napi.post('/p', x);`,
      ['GET /ok via api', 'POST /p via api'],
    ],
    [
      'a call the parser could not rebuild is lost',
      `api.get('/ok');\nfunction f( { return api.post('/p', x) `,
      ['GET /ok via api'],
    ],
    ['a call inside broken JSX', `const a = <div>{api.get('/x')}</`, ['GET /x via api']],
  ];

  it.each(cases)('%s', async (_name, source, expected) => {
    const file = source.includes('<div>') ? 'src/broken.tsx' : 'src/broken.ts';
    const result = await facts(source, file);
    expect(result.problems).toEqual([]);
    expect(result.calls.map(summary)).toEqual(expected);
  });

  it('does not throw on arbitrary prefixes of a real file', async () => {
    const source = dedent(`
      import axios from 'axios';
      const API = \`\${import.meta.env.VITE_API}/api\`;
      export const http = axios.create({ baseURL: API });
      export async function getJson<T>(url: string): Promise<T> {
        const res = await fetch(\`\${API}\${url}\`, { method: 'GET' });
        return (await res.json()) as T;
      }
      export const create = (part: PartCreate) => http.post<Part>('/parts', { ...part, id: 1 });
    `);
    for (let end = 0; end <= source.length; end += 7) {
      const result = await facts(source.slice(0, end));
      expect(result.problems).toEqual([]);
    }
  });
});
