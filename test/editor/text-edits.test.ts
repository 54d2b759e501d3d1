// The edits code actions compute from document text, one table per edit. Each source has the
// cursor mark before the field's name; `null` means no edit may be offered (a look-alike or a
// shape the edit does not handle).
import { describe, expect, it } from 'vitest';
import type { TextEdit } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  addColumnName,
  addFieldAlias,
  addKeywordArgument,
  fieldCall,
  hasColumnName,
  importFieldEdit,
} from '../../server/src/features/python-edits';
import { addNull, removeNull, removeOptional } from '../../server/src/features/typescript-edits';
import { takeCursor } from '../helpers/cursor';
import { dedent } from '../helpers/facts';

type Edit = (text: string, range: { start: Pos; end: Pos }) => TextEdit | undefined;
type Pos = { line: number; character: number };

/** Applies `edit` at the marked name (an identifier or a quoted key); the new text, or null. */
function applyAtCursor(marked: string, edit: Edit): string | null {
  const { text, position } = takeCursor(dedent(marked));
  if (!position) throw new Error('no cursor mark');
  const rest = text.split('\n')[position.line].slice(position.character);
  const name = /^('[^']*'|"[^"]*"|[\w$]+)/.exec(rest)![0];
  const range = {
    start: position,
    end: { ...position, character: position.character + name.length },
  };
  const result = edit(text, range);
  if (!result) return null;
  return TextDocument.applyEdits(TextDocument.create('', '', 0, text), [result]);
}

const addIndex: Edit = (text, range) => {
  const call = fieldCall(text, range);
  return call && addKeywordArgument(text, call, 'index=True');
};

const pinColumn: Edit = (text, range) => {
  const call = fieldCall(text, range);
  return call && !hasColumnName(text, call) ? addColumnName(text, call, 'old') : undefined;
};

const pinAlias: Edit = (text, range) => addFieldAlias(text, range, 'old');

const pythonCases: [string, Edit, string, string | null][] = [
  [
    'index=True into Field(...) after the name',
    addIndex,
    '/*|*/x: int = Field(default=None, foreign_key="a.id")',
    'x: int = Field(default=None, foreign_key="a.id", index=True)',
  ],
  [
    'index=True into mapped_column with a nested call',
    addIndex,
    '/*|*/x: Mapped[int] = mapped_column(ForeignKey("a.id", ondelete="CASCADE"))',
    'x: Mapped[int] = mapped_column(ForeignKey("a.id", ondelete="CASCADE"), index=True)',
  ],
  [
    'index=True into classic Column with a ) inside a string',
    addIndex,
    '/*|*/x = Column(Integer, ForeignKey("a.id"), comment="(see a)")',
    'x = Column(Integer, ForeignKey("a.id"), comment="(see a)", index=True)',
  ],
  [
    'index=True into a call spread over lines with a trailing comma',
    addIndex,
    `
    /*|*/x: int = Field(
        foreign_key="a.id",
    )`,
    'x: int = Field(\n    foreign_key="a.id", index=True,\n)',
  ],
  ['no call: no index edit', addIndex, '/*|*/x: int = 0', null],
  ['a look-alike call is not a column', addIndex, '/*|*/x: int = MyField(1)', null],
  [
    'column name first in mapped_column',
    pinColumn,
    '/*|*/x: Mapped[str] = mapped_column(String(20))',
    'x: Mapped[str] = mapped_column("old", String(20))',
  ],
  ['column name into an empty Column()', pinColumn, '/*|*/x = Column()', 'x = Column("old")'],
  ['an explicit column name stays', pinColumn, '/*|*/x = Column("x_col", String)', null],
  [
    'alias into Field(...)',
    pinAlias,
    '/*|*/x: str = Field(min_length=1)',
    'x: str = Field(min_length=1, alias="old")',
  ],
  [
    'alias around a plain default',
    pinAlias,
    '/*|*/x: str | None = None  # note',
    'x: str | None = Field(default=None, alias="old")  # note',
  ],
  ['alias on a required field', pinAlias, '/*|*/x: int', 'x: int = Field(alias="old")'],
  ['a default spread over lines is left alone', pinAlias, '/*|*/x: list[int] = [\n    1,\n]', null],
  ['an alias into a column call is not offered', pinAlias, '/*|*/x = Column(String)', null],
];

describe('Python field edits', () => {
  it.each(pythonCases)('%s', (_name, edit, source, expected) => {
    expect(applyAtCursor(source, edit)).toBe(expected);
  });
});

const importCases: [string, string, string | null][] = [
  ['Field already imported', 'from pydantic import BaseModel, Field\n', null],
  [
    'Field in a parenthesised import',
    'from pydantic import (\n    BaseModel,\n    Field,\n)\n',
    null,
  ],
  [
    'appended to the pydantic import',
    'from pydantic import BaseModel\n\nclass A(BaseModel): ...\n',
    'from pydantic import BaseModel, Field\n\nclass A(BaseModel): ...\n',
  ],
  [
    'a new import after the last one',
    'from __future__ import annotations\nimport os\n\nx = 1\n',
    'from __future__ import annotations\nimport os\nfrom pydantic import Field\n\nx = 1\n',
  ],
];

describe('importing Field for an alias', () => {
  it.each(importCases)('%s', (_name, source, expected) => {
    const edit = importFieldEdit(source, 'pydantic');
    const document = TextDocument.create('', '', 0, source);
    expect(edit ? TextDocument.applyEdits(document, [edit]) : null).toBe(expected);
  });
});

const typescriptCases: [string, Edit, string, string | null][] = [
  ['add | null', addNull, '/*|*/a: string;', 'a: string | null;'],
  ['add | null before a comment', addNull, '/*|*/a: string // x', 'a: string | null // x'],
  ['add | null to a generic', addNull, '/*|*/a: Array<string>;', 'a: Array<string> | null;'],
  ['wrap a function type', addNull, '/*|*/a: () => void;', 'a: (() => void) | null;'],
  ['zod: .nullable()', addNull, '/*|*/a: z.string().max(3),', 'a: z.string().max(3).nullable(),'],
  ['already nullable', addNull, '/*|*/a: string | null;', null],
  ['a type over several lines', addNull, '/*|*/a: {\n  b: string;\n};', null],
  ['remove | null', removeNull, '/*|*/a?: string | null;', 'a?: string;'],
  ['remove null | first', removeNull, '/*|*/a: null | number;', 'a: number;'],
  ['zod: drop .nullable()', removeNull, '/*|*/a: z.string().nullable(),', 'a: z.string(),'],
  [
    'zod: .nullish() becomes .optional()',
    removeNull,
    '/*|*/a: z.number().nullish(),',
    'a: z.number().optional(),',
  ],
  ['nothing to remove', removeNull, '/*|*/a: string;', null],
  ['remove ?', removeOptional, '/*|*/a?: string;', 'a: string;'],
  ['remove ? after a quoted key', removeOptional, "/*|*/'a-b'?: string;", "'a-b': string;"],
  ['zod: drop .optional()', removeOptional, '/*|*/a: z.string().optional(),', 'a: z.string(),'],
  ['not optional', removeOptional, '/*|*/a: string;', null],
];

describe('TS property edits', () => {
  it.each(typescriptCases)('%s', (_name, edit, source, expected) => {
    expect(applyAtCursor(source, edit)).toBe(expected);
  });
});
