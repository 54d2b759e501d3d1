import { describe, expect, it } from 'vitest';
import type { ImportFact } from '../server/src/core/facts';
import { dedent, factsOf } from './helpers/facts';

type ImportWithoutRange = Omit<ImportFact, 'range'>;

async function importsOf(code: string): Promise<ImportWithoutRange[]> {
  const facts = await factsOf('app/api/routes.py', dedent(code));
  return facts.imports.map(({ range, ...rest }) => (void range, rest));
}

const name = (imported: string, alias = imported) => ({ name: imported, alias });

const found: [string, string, ImportWithoutRange[]][] = [
  ['a dotted module', 'import a.b', [{ module: 'a.b', names: [] }]],
  ['a module alias', 'import a.b as c', [{ module: 'a.b', names: [], namespace: 'c' }]],
  [
    'several modules in one statement',
    'import os, app.models as models',
    [
      { module: 'os', names: [] },
      { module: 'app.models', names: [], namespace: 'models' },
    ],
  ],
  [
    'names with and without aliases',
    'from a.b import X, Y as Z',
    [{ module: 'a.b', names: [name('X'), name('Y', 'Z')] }],
  ],
  ['the current package', 'from . import routers', [{ module: '.', names: [name('routers')] }]],
  ['a star import', 'from ..models import *', [{ module: '..models', names: [name('*')] }]],
  [
    'a parenthesised list over several lines with comments',
    `
      from .schemas import (
          PartCreate,  # what clients send
          PartRead as Read,
      )
    `,
    [{ module: '.schemas', names: [name('PartCreate'), name('PartRead', 'Read')] }],
  ],
  [
    'spaces inside a relative module',
    'from . models import Part',
    [{ module: '.models', names: [name('Part')] }],
  ],
  [
    'an import under if TYPE_CHECKING',
    `
      from typing import TYPE_CHECKING
      if TYPE_CHECKING:
          from .models import Part
    `,
    [
      { module: 'typing', names: [name('TYPE_CHECKING')] },
      { module: '.models', names: [name('Part')] },
    ],
  ],
  [
    'both branches of a try block',
    `
      try:
          import ujson as json
      except ImportError:
          import json
    `,
    [
      { module: 'ujson', names: [], namespace: 'json' },
      { module: 'json', names: [] },
    ],
  ],
  [
    'an import inside a function',
    `
      def get_router():
          from .routers import parts
          return parts.router
    `,
    [{ module: '.routers', names: [name('parts')] }],
  ],
  [
    'a line continuation',
    'from app.models \\\n    import Part, \\\n    Tag',
    [{ module: 'app.models', names: [name('Part'), name('Tag')] }],
  ],
  [
    'modules whose names start with the keywords',
    'from .important import x\nfrom importlib import y\nimport fromage',
    [
      { module: '.important', names: [name('x')] },
      { module: 'importlib', names: [name('y')] },
      { module: 'fromage', names: [] },
    ],
  ],
  [
    'one-line blocks and semicolons',
    'if DEBUG: import pdb\nimport a; from b import c',
    [
      { module: 'pdb', names: [] },
      { module: 'a', names: [] },
      { module: 'b', names: [name('c')] },
    ],
  ],
  [
    'non-ASCII names',
    'from .modèles import Pièce',
    [{ module: '.modèles', names: [name('Pièce')] }],
  ],
  [
    'imports after a docstring line starting with "from"',
    'def f():\n    """\n    from the docs\n    """\n    from .x import y',
    [{ module: '.x', names: [name('y')] }],
  ],
];

const notImports: [string, string][] = [
  ['importlib', 'module = importlib.import_module("app.models")'],
  ['__import__', 'models = __import__("app.models")'],
  ['a string', 'text = "from app import models"'],
  ['a comment', '# import app.models'],
  // A __future__ import changes how the file is compiled; it names nothing the index can resolve.
  ['a __future__ import', 'from __future__ import annotations'],
];

describe('python imports', () => {
  it.each(found)('finds %s', async (_title, code, expected) => {
    expect(await importsOf(code)).toEqual(expected);
  });

  it.each(notImports)('ignores %s', async (_title, code) => {
    expect(await importsOf(code)).toEqual([]);
  });

  it('gives the range of the whole statement', async () => {
    const facts = await factsOf('a.py', 'x = 1\nfrom .schemas import (\n    Part,\n)\n');
    expect(facts.imports[0].range).toEqual({
      start: { line: 1, character: 0 },
      end: { line: 3, character: 1 },
    });
  });

  it('keeps what it can read from half-typed imports', async () => {
    expect(await importsOf('from .models import Part,\nimport os\n')).toEqual([
      { module: '.models', names: [name('Part')] },
      { module: 'os', names: [] },
    ]);
    // FIXME: the parser folds an unclosed name list into one error node, so nothing is found.
    expect(await importsOf('from . import (a, b\nx = 1\n')).toEqual([]);
    // FIXME: the parser folds the next line's `import os` into the unfinished statement, whose
    // names are then not valid, so `os` is lost.
    expect(await importsOf('from a.b import\nimport os\n')).toEqual([{ module: 'a.b', names: [] }]);
  });
});
