// Fuzzes the whole check (index, pairing, every rule with the default configuration) over a
// workspace made of the example app and the synthetic corpus, with one or two files damaged at a
// time: no exception may escape or be caught by a rule, and every finding, related location and
// fix edit must lie inside its file. Also a table of cross-file cycles the index must survive.
import { beforeAll, describe, expect, it } from 'vitest';
import { initSyntax } from '../../server/src/core/syntax/parser';
import { corpusFiles, type SourceFile } from './corpus';
import { describeFailure, failed, FuzzWorkspace, makeCase, type FuzzCase } from './fuzz-harness';
import { seededRandom } from './prng';

/** 2,500 random workspaces in chunks of 250; seeds start far from the extract fuzz's. */
const RANDOM_CASES = 2500;
const CHUNK = 250;
const FIRST_SEED = 1_000_001;

let corpus: SourceFile[];
let workspace: FuzzWorkspace;

beforeAll(async () => {
  await initSyntax();
  corpus = corpusFiles();
  workspace = new FuzzWorkspace(corpus);
});

/** Damages one file (two, one time in four), checks, then puts the original texts back. */
function runCheckCase(seed: number): string | undefined {
  const cases: FuzzCase[] = [makeCase(corpus, seed)];
  if (seededRandom(seed).chance(0.25)) cases.push(makeCase(corpus, seed + 7_777_777));
  const originals = cases.map((fuzzCase) => workspace.texts.get(fuzzCase.file)!);
  const caughtWhileIndexing = cases.flatMap((fuzzCase) =>
    workspace.setText(fuzzCase.file, fuzzCase.text),
  );
  const outcome = workspace.check();
  outcome.caught.push(...caughtWhileIndexing);
  cases.forEach((fuzzCase, i) => workspace.setText(fuzzCase.file, originals[i]));
  return failed(outcome) ? describeFailure(cases[0], outcome) : undefined;
}

describe('the whole check on random damage', () => {
  it('starts from a clean workspace', () => {
    const outcome = workspace.check();
    expect(outcome).toMatchObject({ caught: [], outside: [] });
    expect(outcome.escaped).toBeUndefined();
  });

  for (let from = 0; from < RANDOM_CASES; from += CHUNK) {
    const seeds = [FIRST_SEED + from, FIRST_SEED + from + CHUNK - 1];
    it(`seeds ${seeds[0]}..${seeds[1]}`, () => {
      const failures: string[] = [];
      for (let seed = seeds[0]; seed <= seeds[1]; seed++) {
        const failure = runCheckCase(seed);
        if (failure) failures.push(failure);
      }
      expect(failures).toEqual([]);
    }, 120_000);
  }
});

describe('the whole check on cycles across files', () => {
  const workspaces: { title: string; files: Record<string, string> }[] = [
    {
      title: 'two Python classes inheriting from each other',
      files: {
        'a.py':
          'from pydantic import BaseModel\nclass A(B):\n    x: int\nclass B(A):\n    y: str\n',
        'a.ts': 'export interface A { x: number }\nexport interface B { y: string }\n',
      },
    },
    {
      title: 'a class and an interface that extend themselves',
      files: {
        'a.py': 'from pydantic import BaseModel\nclass A(A, BaseModel):\n    x: int\n',
        'a.ts': 'export interface A extends A { x: number }\n',
      },
    },
    {
      title: 'type aliases and interfaces that refer to each other',
      files: {
        'a.ts':
          'export type A = B;\nexport type B = A;\nexport interface C extends D {}\n' +
          'export interface D extends C { a: A }\n',
        'b.py': 'from pydantic import BaseModel\nclass C(BaseModel):\n    a: int\n',
      },
    },
    {
      title: 'self-referential shapes on both sides',
      files: {
        'a.ts':
          "export type A = Partial<A> & Omit<A, 'x'>;\n" +
          'export type L = { next: L | null; v: number };\n',
        'b.py':
          'from pydantic import BaseModel\nclass L(BaseModel):\n    next: "L | None"\n    v: int\n',
      },
    },
    {
      title: 'star imports in a circle',
      files: {
        'm/__init__.py': 'from .a import *\n',
        'm/a.py': 'from . import *\nfrom .b import *\n',
        'm/b.py': 'from .a import *\nfrom m import *\n',
      },
    },
    {
      title: 'TS re-exports in a circle',
      files: {
        'x.ts': "export * from './y';\nexport { A } from './x';\n",
        'y.ts': "export * from './x';\nexport type { A as B } from './y';\n",
      },
    },
    {
      title: 'routers that include each other and themselves',
      files: {
        'r.py':
          'from fastapi import APIRouter\nr = APIRouter(prefix="/a")\n' +
          's = APIRouter(prefix="/b")\nr.include_router(s)\ns.include_router(r)\n' +
          'r.include_router(r)\n@r.get("/x")\ndef x(): ...\n',
        'c.ts': "import axios from 'axios';\naxios.get('/a/b/a/x');\n",
      },
    },
    {
      title: 'generics that expand forever',
      files: {
        'g.py':
          'from typing import Generic, TypeVar\nfrom pydantic import BaseModel\n' +
          'T = TypeVar("T")\nclass E(BaseModel, Generic[T]):\n    data: "E[E[T]]"\n',
        'g.ts': 'export interface E<T> { data: E<E<T>> }\n',
      },
    },
    {
      title: 'zod schemas built from each other',
      files: {
        'z.ts':
          "import { z } from 'zod';\nexport const A = B.extend({ a: z.string() });\n" +
          'export const B = A.merge(A);\nexport type A = z.infer<typeof A>;\n',
      },
    },
    {
      title: 'wrappers and constants defined through themselves',
      files: {
        'w.ts':
          "import axios from 'axios';\n" +
          'function get<T>(url: string) { return get<T>(url); }\n' +
          'function f(u: string) { return g(u); }\nfunction g(u: string) { return f(u); }\n' +
          "get<number>('/api/x'); f('/api/y');\nexport const API = API + '/x';\n",
      },
    },
    {
      title: 'a relationship to its own class and a model as its own alias generator',
      files: {
        'o.py':
          'from sqlalchemy.orm import relationship, DeclarativeBase\n' +
          'class Base(DeclarativeBase): pass\nclass A(Base):\n    __tablename__ = "a"\n' +
          '    b = relationship("A", back_populates="b")\n',
        'p.py':
          'from pydantic import BaseModel\nclass P(BaseModel):\n' +
          '    model_config = {"alias_generator": P}\n    x: "P"\n',
      },
    },
  ];
  for (const { title, files } of workspaces) {
    it(`survives ${title}`, async () => {
      const sources = Object.entries(files).map(([file, text]) => ({ file, text }));
      const outcome = new FuzzWorkspace(sources).check();
      expect(outcome.escaped).toBeUndefined();
      expect(outcome).toMatchObject({ caught: [], outside: [] });
    });
  }
});
