// The Python extractors read some things from the source text when the tree has no error (string
// values without interpolations, statements starting with `def`/`import`/`from`) and from the
// tree's nodes otherwise. Both readings must agree: the same module, with and without a syntax
// error at its end, gives the same classes, imports and queries.
import { describe, expect, it } from 'vitest';
import { extractFacts } from '../server/src/core/extract';
import { wordOffsets } from '../server/src/core/python/imports-scan';
import { initSyntax, parseText } from '../server/src/core/syntax/parser';
import { dedent } from './helpers/facts';

const MODULE = dedent(`
  from __future__ import annotations
  import sqlalchemy as sa
  from sqlalchemy.orm import Mapped, mapped_column
  from .base import Base

  def helper():
      return 1

  async def load(session):
      for part in await session.scalars(sa.select(Part).where(Part.sku == "x")):
          print(part)
      return session.query(Part).all()

  class Part(Base):
      """A part."""
      __tablename__ = "parts"
      id: Mapped[int] = mapped_column(primary_key=True)
      sku: Mapped[str] = mapped_column(sa.String(40), comment="the " "sku")
      """The stock-keeping unit."""
      label: Mapped[str] = mapped_column(default=f"{__name__}", doc=rf'raw {"x"}')
      note: Mapped[str] = mapped_column(doc=u"plain", info={"k": b"v"})

      def method(self):
          import os
          return os.sep

      async def other(self):
          return None

      defaults: Mapped[str] = mapped_column(doc="after methods")
`);

const BROKEN_TAIL = '\nvalue = )\n';

describe('Python text fast paths', () => {
  it('give the same facts whether or not the tree has an error', async () => {
    await initSyntax();
    const clean = extractFacts('models.py', MODULE).facts;
    const broken = extractFacts('models.py', MODULE + BROKEN_TAIL).facts;
    // The tail must leave the tree with an error but the module readable, so the nodes are read.
    const brokenTree = parseText('python', MODULE + BROKEN_TAIL)!;
    expect([brokenTree.rootNode.type, brokenTree.rootNode.hasError]).toEqual(['module', true]);
    brokenTree.delete();
    expect(clean.problems).toEqual([]);
    expect(broken.entities).toEqual(clean.entities);
    expect(broken.imports).toEqual(clean.imports);
    expect(broken.queries?.roots).toEqual(clean.queries?.roots);
    const part = clean.entities.find((entity) => entity.name === 'Part');
    expect(part?.fields.map((field) => field.name)).toEqual([
      'id',
      'sku',
      'label',
      'note',
      'defaults',
    ]);
  });

  it('finds a word where /\\bword\\b/g does', () => {
    const text = 'for x in fors: _for for\nfor9 éfor foré (for) "for"\u00e9for for';
    const expected = [...text.matchAll(/\bfor\b/g)].map((match) => match.index);
    expect(wordOffsets(text, 'for')).toEqual(expected);
    expect(wordOffsets('aaa a aa', 'aa')).toEqual(
      [...'aaa a aa'.matchAll(/\baa\b/g)].map((m) => m.index),
    );
  });
});
