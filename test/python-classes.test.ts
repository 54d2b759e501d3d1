import { describe, expect, it } from 'vitest';
import type { EntityFact, FieldFact } from '../server/src/core/facts';
import { dedent, factsOf } from './helpers/facts';

async function entitiesOf(code: string): Promise<EntityFact[]> {
  return (await factsOf('app/models.py', dedent(code))).entities;
}

async function entityOf(code: string, name: string): Promise<EntityFact> {
  const entity = (await entitiesOf(code)).find((candidate) => candidate.name === name);
  if (!entity) throw new Error(`no entity ${name}`);
  return entity;
}

async function fieldOf(code: string, className: string, fieldName: string): Promise<FieldFact> {
  const field = (await entityOf(code, className)).fields.find((f) => f.name === fieldName);
  if (!field) throw new Error(`no field ${className}.${fieldName}`);
  return field;
}

/** Like toMatchObject, except that a key expected as undefined must be absent. */
function expectMatch(actual: object | undefined, expected: object): void {
  const entries = Object.entries(expected);
  expect(actual).toMatchObject(Object.fromEntries(entries.filter(([, v]) => v !== undefined)));
  for (const [key, value] of entries) {
    if (value === undefined) expect(actual).not.toHaveProperty(key);
  }
}

type KindExpectation = Pick<EntityFact, 'kind'> &
  Partial<Pick<EntityFact, 'provisional' | 'abstract'>>;

describe('class kinds', () => {
  const found: [string, string, Record<string, KindExpectation>][] = [
    ['a BaseModel', 'class A(BaseModel): pass', { A: { kind: 'pydantic-model' } }],
    ['a dotted BaseModel', 'class A(pydantic.BaseModel): pass', { A: { kind: 'pydantic-model' } }],
    ['a RootModel', 'class A(RootModel[list[int]]): pass', { A: { kind: 'pydantic-model' } }],
    [
      'a generic model',
      'class Page(BaseModel, Generic[T]): pass',
      { Page: { kind: 'pydantic-model', provisional: undefined } },
    ],
    ['a SQLModel without table', 'class A(SQLModel): pass', { A: { kind: 'sqlmodel-model' } }],
    ['a SQLModel table', 'class A(SQLModel, table=True): pass', { A: { kind: 'sqlmodel-table' } }],
    [
      'a table over a local SQLModel base',
      `
        class HeroBase(SQLModel):
            name: str
        class Hero(HeroBase, table=True):
            id: int
        class HeroCreate(HeroBase):
            pass
      `,
      {
        HeroBase: { kind: 'sqlmodel-model' },
        Hero: { kind: 'sqlmodel-table' },
        HeroCreate: { kind: 'sqlmodel-model', provisional: undefined },
      },
    ],
    [
      'a table over a base from another file',
      'class Hero(HeroBase, table=True): pass',
      { Hero: { kind: 'sqlmodel-table', provisional: undefined } },
    ],
    [
      'a DeclarativeBase subclass and a model on it',
      `
        class Base(DeclarativeBase):
            pass
        class Part(Base):
            __tablename__ = "parts"
      `,
      {
        Base: { kind: 'sqlalchemy-model', abstract: true },
        Part: { kind: 'sqlalchemy-model', abstract: undefined, provisional: undefined },
      },
    ],
    [
      'a DeclarativeBaseNoMeta subclass',
      'class Base(orm.DeclarativeBaseNoMeta): pass',
      { Base: { kind: 'sqlalchemy-model', abstract: true } },
    ],
    [
      'a class on a declarative_base() call',
      'class Base(declarative_base()): pass',
      { Base: { kind: 'sqlalchemy-model', abstract: true } },
    ],
    [
      'Base = declarative_base() and a model on it',
      `
        Base = declarative_base()
        class Part(Base):
            id = Column(Integer, primary_key=True)
      `,
      {
        Base: { kind: 'sqlalchemy-model', abstract: true },
        Part: { kind: 'sqlalchemy-model', abstract: undefined },
      },
    ],
    [
      'sqlalchemy.orm.declarative_base()',
      'Base = sqlalchemy.orm.declarative_base()',
      { Base: { kind: 'sqlalchemy-model', abstract: true } },
    ],
    [
      'registry().generate_base()',
      'Model = registry().generate_base()',
      { Model: { kind: 'sqlalchemy-model', abstract: true } },
    ],
    [
      '__abstract__ = True on a local base',
      `
        class Base(DeclarativeBase): pass
        class TimestampedBase(Base):
            __abstract__ = True
            created: Mapped[datetime]
        class Part(TimestampedBase):
            __tablename__ = "parts"
      `,
      {
        TimestampedBase: { kind: 'sqlalchemy-model', abstract: true },
        Part: { kind: 'sqlalchemy-model', abstract: undefined },
      },
    ],
    [
      '__abstract__ = True over a base from another file',
      'class Model(Base):\n    __abstract__ = True',
      { Model: { kind: 'sqlalchemy-model', abstract: true, provisional: undefined } },
    ],
    [
      'a model on an imported Base, known by its columns',
      `
        from .database import Base
        class Part(Base):
            __tablename__ = "parts"
            id = Column(Integer, primary_key=True)
      `,
      { Part: { kind: 'sqlalchemy-model', provisional: undefined } },
    ],
    [
      'a Flask-SQLAlchemy model',
      'class User(db.Model):\n    id = db.Column(db.Integer, primary_key=True)',
      { User: { kind: 'sqlalchemy-model' } },
    ],
    [
      'a declarative mixin without bases',
      'class TimestampMixin:\n    created_at = Column(DateTime)',
      { TimestampMixin: { kind: 'sqlalchemy-model', abstract: true } },
    ],
    [
      '@as_declarative and @mapper_registry.mapped',
      `
        @as_declarative()
        class Base:
            pass
        @mapper_registry.mapped
        class User:
            __tablename__ = "user"
      `,
      {
        Base: { kind: 'sqlalchemy-model', abstract: true },
        User: { kind: 'sqlalchemy-model', abstract: undefined },
      },
    ],
    ['an Enum', 'class Color(Enum):\n    RED = 1', { Color: { kind: 'enum' } }],
    ['an enum.Enum', 'class Color(enum.Enum):\n    RED = 1', { Color: { kind: 'enum' } }],
    ['a str, Enum', 'class Color(str, Enum):\n    RED = "r"', { Color: { kind: 'enum' } }],
    ['an IntEnum', 'class Level(IntEnum):\n    LOW = 1', { Level: { kind: 'enum' } }],
    ['a StrEnum', 'class Color(StrEnum):\n    RED = "r"', { Color: { kind: 'enum' } }],
    ['an IntFlag', 'class Perm(IntFlag):\n    R = 4', { Perm: { kind: 'enum' } }],
    [
      'a class over a base from another file',
      'class PartRead(PartBase):\n    id: int',
      { PartRead: { kind: 'pydantic-model', provisional: true } },
    ],
    [
      'a class over an enum base from another file, guessed from its members',
      'class Status(DispatchEnum):\n    OPEN = "open"\n    CLOSED = auto()',
      { Status: { kind: 'enum', provisional: true } },
    ],
    [
      'a class over a provisional local class',
      'class PartBase(Shared): pass\nclass PartRead(PartBase): pass',
      { PartRead: { kind: 'pydantic-model', provisional: true } },
    ],
    [
      'a class over a local model defined later',
      'class PartRead(PartBase): pass\nclass PartBase(BaseModel): pass',
      { PartRead: { kind: 'pydantic-model', provisional: undefined } },
    ],
    [
      'a class with a non-model mixin and an unknown base',
      'class PartRead(ABC, PartBase): pass',
      { PartRead: { kind: 'pydantic-model', provisional: true } },
    ],
    [
      'a class under if TYPE_CHECKING / else',
      `
        if TYPE_CHECKING:
            class A(BaseModel): pass
        else:
            class B(BaseModel): pass
      `,
      { A: { kind: 'pydantic-model' }, B: { kind: 'pydantic-model' } },
    ],
    [
      'a class in try / except ImportError',
      `
        try:
            class A(BaseModel): pass
        except ImportError:
            class B(BaseModel): pass
      `,
      { A: { kind: 'pydantic-model' }, B: { kind: 'pydantic-model' } },
    ],
    [
      'a decorated class',
      '@some_decorator\nclass A(BaseModel): pass',
      { A: { kind: 'pydantic-model' } },
    ],
  ];

  it.each(found)('finds %s', async (_, code, expected) => {
    const entities = await entitiesOf(code);
    for (const [name, kind] of Object.entries(expected)) {
      expectMatch(
        entities.find((entity) => entity.name === name),
        { name, ...kind },
      );
    }
  });

  const notEntities: [string, string, string][] = [
    ['a plain class', 'class Helper:\n    x: int = 1', 'Helper'],
    ['an object subclass', 'class Helper(object):\n    x: int', 'Helper'],
    ['an exception', 'class NotFound(Exception): pass', 'NotFound'],
    ['an *Error class', 'class PartError(ValueError): pass', 'PartError'],
    ['an *Exception class', 'class PartException(HTTPException): pass', 'PartException'],
    ['a Protocol', 'class Repo(Protocol):\n    name: str', 'Repo'],
    ['an ABC', 'class Repo(ABC):\n    name: str', 'Repo'],
    ['a TypedDict', 'class Row(TypedDict):\n    name: str', 'Row'],
    ['a NamedTuple', 'class Row(NamedTuple):\n    name: str', 'Row'],
    ['a Generic alone', 'class Box(Generic[T]):\n    item: T', 'Box'],
    ['a dict subclass (not a model)', 'class Headers(dict):\n    pass', 'Headers'],
    ['a str subclass', 'class Slug(str):\n    pass', 'Slug'],
    ['an int subclass', 'class Cents(int):\n    pass', 'Cents'],
    ['a settings class', 'class Settings(BaseSettings):\n    url: str', 'Settings'],
    [
      'a class over a local plain class',
      'class Helper:\n    pass\nclass Other(Helper):\n    x: int',
      'Other',
    ],
    [
      'a class in a function',
      'def make():\n    class Inner(BaseModel):\n        x: int\n    return Inner',
      'Inner',
    ],
    [
      'a nested Config class',
      'class A(BaseModel):\n    class Config:\n        orm_mode = True',
      'Config',
    ],
    ['a class nested in a model', 'class A(BaseModel):\n    class B(BaseModel): pass', 'B'],
    ['a method-local class', 'class A:\n    def f(self):\n        class B(BaseModel): pass', 'B'],
    ['a variable that is not declarative_base', 'Base = make_base()', 'Base'],
    ['a dataclass', '@dataclass\nclass Point:\n    x: int\n    y: int = 0', 'Point'],
    ['a module-level dict', 'PartSchema = {"name": str, "qty": int}', 'PartSchema'],
  ];

  it.each(notEntities)('does not take %s for a model', async (_, code, name) => {
    const models = (await entitiesOf(code)).filter((entity) => !entity.fieldMixin);
    expect(models.map((entity) => entity.name)).not.toContain(name);
  });

  // Pydantic takes a plain base's annotated attributes and computed fields as fields.
  const mixins: [string, string, string, boolean][] = [
    ['a plain class with annotations', 'class Audit:\n    by: str = Field()', 'Audit', true],
    ['an ABC with annotations', 'class Audit(ABC):\n    by: str', 'Audit', true],
    [
      'a plain class with a computed field',
      'class Labelled:\n    @computed_field\n    def label(self) -> str:\n        return "x"',
      'Labelled',
      true,
    ],
    ['a plain class without annotations', 'class Helper:\n    x = 1', 'Helper', false],
    ['a dataclass', '@dataclass\nclass Point:\n    x: int', 'Point', false],
    ['a TypedDict', 'class Row(TypedDict):\n    name: str', 'Row', false],
    ['a Protocol', 'class Repo(Protocol):\n    name: str', 'Repo', false],
  ];

  it.each(mixins)('keeps %s as a field mixin: %s', async (_, code, name, isMixin) => {
    const entity = (await entitiesOf(code)).find((candidate) => candidate.name === name);
    expect(entity?.fieldMixin ?? false).toBe(isMixin);
  });
});

describe('class headers', () => {
  it('keeps bases, type parameters, keywords, docstring, id and ranges', async () => {
    const code = `
      @decorator
      class Page(BaseModel, Generic[T, U], extra="forbid"):
          """A page of items.

          More text.
          """
          items: list[T]
    `;
    const page = await entityOf(code, 'Page');
    expect(page).toMatchObject({
      id: 'app/models.py#Page',
      language: 'python',
      file: 'app/models.py',
      bases: ['BaseModel'],
      typeParams: ['T', 'U'],
      classKeywords: { extra: '"forbid"' },
      docstring: 'A page of items.\n\nMore text.',
      generated: false,
      range: { start: { line: 1, character: 6 }, end: { line: 1, character: 10 } },
      fullRange: { start: { line: 0, character: 0 }, end: { line: 6, character: 18 } },
    });
  });

  const typeParams: [string, string, string[], string[]][] = [
    ['PEP 695 parameters', 'class R[T](BaseModel): pass', ['BaseModel'], ['T']],
    [
      'bounded, variadic and ParamSpec parameters',
      'class R[T: int, *Ts, **P](BaseModel): pass',
      ['BaseModel'],
      ['T', 'Ts', 'P'],
    ],
    ['typing.Generic', 'class R(BaseModel, typing.Generic[K]): pass', ['BaseModel'], ['K']],
    ['a v1 GenericModel', 'class R(GenericModel, Generic[T]): pass', ['GenericModel'], ['T']],
    ['a subscripted base', 'class R(RootModel[list[T]]): pass', ['RootModel[list[T]]'], []],
  ];

  it.each(typeParams)('reads %s', async (_, code, bases, params) => {
    expect(await entityOf(code, 'R')).toMatchObject({ bases, typeParams: params });
  });

  it('keeps class keywords as written', async () => {
    const hero = await entityOf('class H(SQLModel, table=True, metaclass=M): pass', 'H');
    expect(hero.classKeywords).toEqual({ table: 'True', metaclass: 'M' });
  });

  it('keeps the first of two definitions of one name', async () => {
    const code = `
      try:
          class A(BaseModel):
              x: int
      except ImportError:
          class A(BaseModel):
              y: int
    `;
    const entities = await entitiesOf(code);
    expect(entities.filter((entity) => entity.name === 'A')).toHaveLength(1);
    expect(entities[0].fields.map((field) => field.name)).toEqual(['x']);
  });
});

describe('Pydantic fields', () => {
  const model = (body: string) => `class M(BaseModel):\n${dedent(body).replace(/^/gm, '    ')}`;

  const found: [string, string, string, Partial<FieldFact>][] = [
    [
      'a required field',
      'name: str',
      'name',
      { type: 'str', wireName: 'name', hasDefault: false, optional: false, nullable: false },
    ],
    [
      'a plain default',
      'count: int = 0',
      'count',
      { hasDefault: true, optional: true, defaultText: '0', nullable: false },
    ],
    [
      'Optional without a default is required but nullable',
      'note: Optional[str]',
      'note',
      { nullable: true, hasDefault: false, optional: false },
    ],
    [
      'X | None = None',
      'note: str | None = None',
      'note',
      { nullable: true, hasDefault: true, defaultText: 'None' },
    ],
    ['Union[..., None]', 'note: Union[str, None]', 'note', { nullable: true }],
    ['None | X', 'note: None | int', 'note', { nullable: true }],
    ['a non-null union', 'value: Union[int, str]', 'value', { nullable: false }],
    [
      'a generic | None',
      'tags: list[str] | None = None',
      'tags',
      {
        nullable: true,
        typeExpr: {
          kind: 'union',
          members: [
            { kind: 'name', name: 'list', args: [{ kind: 'name', name: 'str', args: [] }] },
            { kind: 'literal', value: null },
          ],
        },
      },
    ],
    [
      'Field(...) is required',
      'name: str = Field(...)',
      'name',
      { hasDefault: false, optional: false, defaultText: undefined },
    ],
    ['Field() is required', 'name: str = Field()', 'name', { hasDefault: false }],
    [
      'Field(default=...) is required',
      'name: str = Field(default=..., max_length=3)',
      'name',
      { hasDefault: false },
    ],
    [
      'Field(None) has a default',
      'name: Optional[str] = Field(None)',
      'name',
      { hasDefault: true, optional: true, defaultText: 'None', nullable: true },
    ],
    [
      'Field(default="x")',
      'name: str = Field(default="x")',
      'name',
      { hasDefault: true, defaultText: '"x"' },
    ],
    [
      'default_factory counts as a default',
      'tags: list[str] = Field(default_factory=list)',
      'tags',
      { hasDefault: true, optional: true, defaultText: 'default_factory=list' },
    ],
    [
      'an alias',
      'part_name: str = Field(alias="partName")',
      'part_name',
      { alias: 'partName', wireName: 'partName', hasDefault: false },
    ],
    [
      'a serialization alias wins over the alias',
      'x: int = Field(alias="a", serialization_alias="s")',
      'x',
      { alias: 'a', serializationAlias: 's', wireName: 's' },
    ],
    [
      'a validation alias does not change the wire name',
      'x: int = Field(validation_alias="v")',
      'x',
      { validationAlias: 'v', wireName: 'x' },
    ],
    [
      'AliasChoices keeps every name, the first as the alias',
      'x: int = Field(validation_alias=AliasChoices("a", "b"))',
      'x',
      { validationAlias: 'a', validationAliasChoices: ['a', 'b'], wireName: 'x' },
    ],
    [
      'an AliasPath reads its first step',
      'x: int = Field(validation_alias=AliasPath("items", 0, "id"))',
      'x',
      { validationAlias: 'items', wireName: 'x' },
    ],
    [
      'AliasChoices of a name and a path',
      'x: int = Field(validation_alias=AliasChoices("x_id", AliasPath("item", "id")))',
      'x',
      { validationAlias: 'x_id', validationAliasChoices: ['x_id', 'item'], wireName: 'x' },
    ],
    [
      'constraints as written',
      'name: str = Field(..., min_length=1, max_length=50, pattern=r"^[a-z]+$", examples=["a"])',
      'name',
      {
        constraints: {
          min_length: '1',
          max_length: '50',
          pattern: 'r"^[a-z]+$"',
          examples: '["a"]',
        },
      },
    ],
    [
      'numeric bounds and a v1 regex',
      'qty: int = Field(0, ge=0, lt=100, regex="x")',
      'qty',
      { constraints: { ge: '0', lt: '100', regex: '"x"' }, hasDefault: true, defaultText: '0' },
    ],
    [
      'a description is the docstring and a constraint',
      'qty: int = Field(description="How many.")',
      'qty',
      { docstring: 'How many.', constraints: { description: '"How many."' } },
    ],
    ['an attribute docstring', 'qty: int\n"""How many."""', 'qty', { docstring: 'How many.' }],
    [
      'an attribute docstring wins over the description',
      'qty: int = Field(description="Field text.")\n"""Docstring text."""',
      'qty',
      { docstring: 'Docstring text.' },
    ],
    [
      'Annotated with Field inside',
      'name: Annotated[str, Field(max_length=5, alias="n")]',
      'name',
      {
        alias: 'n',
        wireName: 'n',
        constraints: { max_length: '5' },
        hasDefault: false,
        type: 'Annotated[str, Field(max_length=5, alias="n")]',
      },
    ],
    [
      'Annotated with a default after it',
      'name: Annotated[Optional[str], Field(max_length=5)] = None',
      'name',
      { hasDefault: true, defaultText: 'None', nullable: true },
    ],
    [
      'typing.Annotated with default_factory inside',
      'tags: typing.Annotated[list[str], Field(default_factory=list)]',
      'tags',
      { hasDefault: true },
    ],
    [
      'Annotated with StringConstraints',
      'code: Annotated[str, StringConstraints(min_length=2)]',
      'code',
      { constraints: { min_length: '2' } },
    ],
    [
      'a constr annotation',
      'code: constr(max_length=3)',
      'code',
      { type: 'constr(max_length=3)', constraints: { max_length: '3' } },
    ],
    ['a string forward reference', 'parent: "Part | None" = None', 'parent', { nullable: true }],
    [
      'Field(exclude=True)',
      'secret: str = Field(exclude=True)',
      'secret',
      { excluded: true, hasDefault: false },
    ],
    ['a ClassVar', 'registry: ClassVar[dict] = {}', 'registry', { excluded: true }],
    ['a typing.ClassVar', 'registry: typing.ClassVar[int] = 0', 'registry', { excluded: true }],
    ['a private attribute', '_cache: dict = {}', '_cache', { excluded: true }],
    [
      'a PrivateAttr',
      '_token: str = PrivateAttr(default="x")',
      '_token',
      { excluded: true, hasDefault: false },
    ],
  ];

  it.each(found)('reads %s', async (_, body, name, expected) => {
    expectMatch(await fieldOf(model(body), 'M', name), expected);
  });

  it('parses the annotation into a TypeExpr', async () => {
    const field = await fieldOf(model('parts: Optional[List["Part"]]'), 'M', 'parts');
    expect(field.typeExpr).toEqual({
      kind: 'name',
      name: 'Optional',
      args: [{ kind: 'name', name: 'List', args: [{ kind: 'name', name: 'Part', args: [] }] }],
    });
  });

  it('gives each field the range of its name', async () => {
    const field = await fieldOf(model('x: int\npart_name: str'), 'M', 'part_name');
    expect(field.range).toEqual({
      start: { line: 2, character: 4 },
      end: { line: 2, character: 13 },
    });
  });

  const notFields: [string, string, string][] = [
    ['an annotated local inside a method', 'def f(self):\n    local: int = 1', 'local'],
    ['a plain class attribute', 'limit = 10', 'limit'],
    ['model_config', 'model_config = ConfigDict(extra="forbid")', 'model_config'],
    ['an annotated model_config', 'model_config: ClassVar[ConfigDict] = {}', 'model_config'],
    ['a dunder attribute', '__slots__ = ()', '__slots__'],
    ['a plain method', 'def name(self) -> str: ...', 'name'],
    ['a validator', '@field_validator("x")\ndef check(cls, v): ...', 'check'],
    ['a property setter', '@x.setter\ndef x(self, value): ...', 'x'],
    ['a field of a nested Config class', 'class Config:\n    title: str = "T"', 'title'],
    ['an attribute on self', 'def f(self):\n    self.total: int = 0', 'total'],
    ['an assignment chain', 'a = b = Column(Integer)', 'a'],
  ];

  it.each(notFields)('does not take %s for a field', async (_, body, name) => {
    const entity = await entityOf(model(body), 'M');
    expect(entity.fields.map((field) => field.name)).not.toContain(name);
  });

  it('keeps fields in body order and the first of a repeated name', async () => {
    const entity = await entityOf(model('b: int\na: str\nb: str = "x"'), 'M');
    expect(entity.fields.map((field) => [field.name, field.type])).toEqual([
      ['b', 'int'],
      ['a', 'str'],
    ]);
  });
});

describe('computed fields and properties', () => {
  const found: [string, string, Partial<FieldFact>][] = [
    [
      '@computed_field over @property',
      '@computed_field\n@property\ndef total(self) -> int:\n    return 1',
      { name: 'total', computed: true, excluded: undefined, type: 'int', nullable: false },
    ],
    [
      '@computed_field without @property',
      '@computed_field\ndef total(self) -> Optional[float]: ...',
      { computed: true, excluded: undefined, type: 'Optional[float]', nullable: true },
    ],
    [
      '@pydantic.computed_field(alias=...)',
      '@pydantic.computed_field(alias="grandTotal")\n@property\ndef total(self) -> int: ...',
      { computed: true, alias: 'grandTotal', wireName: 'grandTotal' },
    ],
    [
      'a plain @property',
      '@property\ndef total(self) -> int: ...',
      { computed: true, excluded: true, type: 'int', hasDefault: false },
    ],
    [
      'a @cached_property without a return annotation',
      '@cached_property\ndef total(self): ...',
      { computed: true, excluded: true, type: '' },
    ],
  ];

  it.each(found)('reads %s', async (_, body, expected) => {
    const code = `class M(BaseModel):\n${body.replace(/^/gm, '    ')}`;
    expectMatch(await fieldOf(code, 'M', 'total'), expected);
  });
});

describe('model configuration', () => {
  const found: [string, string, EntityFact['config']][] = [
    [
      'ConfigDict with everything',
      `
        class M(BaseModel):
            model_config = ConfigDict(
                alias_generator=to_camel, populate_by_name=True, from_attributes=True, extra="forbid"
            )
      `,
      { aliasGenerator: 'to_camel', populateByName: true, fromAttributes: true, extra: 'forbid' },
    ],
    [
      'a dotted alias generator',
      `
        class M(BaseModel):
            model_config = ConfigDict(alias_generator=alias_generators.to_pascal)
      `,
      { aliasGenerator: 'to_pascal' },
    ],
    [
      'an AliasGenerator',
      `
        class M(BaseModel):
            model_config = ConfigDict(alias_generator=AliasGenerator(serialization_alias=to_camel))
      `,
      { aliasGenerator: 'to_camel' },
    ],
    [
      'a custom generator as written',
      `
        class M(BaseModel):
            model_config = ConfigDict(alias_generator=lambda s: s.upper())
      `,
      { aliasGenerator: 'lambda s: s.upper()' },
    ],
    [
      'a dict model_config',
      `
        class M(BaseModel):
            model_config = {"extra": "allow", "from_attributes": True}
      `,
      { extra: 'allow', fromAttributes: true },
    ],
    [
      'a SQLModel model_config',
      `
        class M(SQLModel):
            model_config = SettingsConfigDict(populate_by_name=False)
      `,
      { populateByName: false },
    ],
    [
      'a v1 Config class',
      `
        class M(BaseModel):
            class Config:
                orm_mode = True
                alias_generator = to_camel
                allow_population_by_field_name = True
                extra = Extra.forbid
      `,
      { fromAttributes: true, aliasGenerator: 'to_camel', populateByName: true, extra: 'forbid' },
    ],
    [
      'a v1 Config with extra as a string',
      `
        class M(BaseModel):
            class Config:
                extra = "ignore"
      `,
      { extra: 'ignore' },
    ],
    [
      'class keywords',
      'class M(BaseModel, extra="forbid", from_attributes=True): pass',
      { extra: 'forbid', fromAttributes: true },
    ],
  ];

  it.each(found)('reads %s', async (_, code, expected) => {
    expect((await entityOf(code, 'M')).config).toMatchObject(expected!);
  });

  it('gives the config the range of the model_config statement', async () => {
    const code = 'class M(BaseModel):\n    x: int\n    model_config = ConfigDict(extra="forbid")';
    expect((await entityOf(code, 'M')).config?.range).toEqual({
      start: { line: 2, character: 4 },
      end: { line: 2, character: 45 },
    });
  });

  const none: [string, string][] = [
    ['no configuration', 'class M(BaseModel):\n    x: int'],
    ['only unknown settings', 'class M(BaseModel):\n    model_config = ConfigDict(title="T")'],
    ['table=True alone', 'class M(SQLModel, table=True):\n    x: int'],
    ['an extra value Pydantic does not know', 'class M(BaseModel, extra="sometimes"): pass'],
  ];

  it.each(none)('has no config for %s', async (_, code) => {
    expect((await entityOf(code, 'M')).config).toBeUndefined();
  });
});

describe('enums', () => {
  type Values = [string, string | number | boolean | null][];
  const found: [string, string, Values][] = [
    [
      'string values',
      'class C(str, Enum):\n    RED = "red"\n    GREEN = \'green\'',
      [
        ['RED', 'red'],
        ['GREEN', 'green'],
      ],
    ],
    [
      'numbers, negatives, floats, booleans and None',
      'class C(Enum):\n    A = 1\n    B = -2\n    C = 1.5\n    D = True\n    E = None\n    F = 0x10',
      [
        ['A', 1],
        ['B', -2],
        ['C', 1.5],
        ['D', true],
        ['E', null],
        ['F', 16],
      ],
    ],
    ['other expressions as written', 'class C(Enum):\n    A = (1, "a")', [['A', '(1, "a")']]],
    [
      'auto() in an Enum counts from 1',
      'class C(Enum):\n    A = auto()\n    B = auto()\n    C = auto()',
      [
        ['A', 1],
        ['B', 2],
        ['C', 3],
      ],
    ],
    [
      'auto() in an IntEnum continues after an explicit value',
      'class C(IntEnum):\n    A = 10\n    B = auto()',
      [
        ['A', 10],
        ['B', 11],
      ],
    ],
    [
      'auto() in a StrEnum lowercases the name',
      'class C(StrEnum):\n    RED = auto()\n    DarkBlue = auto()',
      [
        ['RED', 'red'],
        ['DarkBlue', 'darkblue'],
      ],
    ],
    [
      'auto() in an IntFlag doubles',
      'class C(IntFlag):\n    R = auto()\n    W = auto()\n    X = auto()',
      [
        ['R', 1],
        ['W', 2],
        ['X', 4],
      ],
    ],
    [
      'auto() in a str, Enum gives the number as a string, as Python does',
      'class C(str, Enum):\n    A = auto()\n    B = auto()',
      [
        ['A', '1'],
        ['B', '2'],
      ],
    ],
    [
      'members only, not methods, private names or annotated attributes',
      `
        class C(Enum):
            """Colours."""
            _ignore_ = ["x"]
            RED = "red"
            label: str
            handler = lambda self: 1
            def describe(self) -> str: ...
            @property
            def upper(self) -> str: ...
      `,
      [['RED', 'red']],
    ],
  ];

  it.each(found)('reads %s', async (_, code, expected) => {
    const entity = await entityOf(code, 'C');
    expect(entity.kind).toBe('enum');
    expect(entity.values?.map((value) => [value.name, value.value])).toEqual(expected);
    expect(entity.fields).toEqual([]);
  });

  it('keeps only literal members of a guessed enum', async () => {
    const code = 'class C(SharedEnum):\n    A = "a"\n    B = helper()\n    C = -1';
    const entity = await entityOf(code, 'C');
    expect(entity).toMatchObject({ kind: 'enum', provisional: true });
    expect(entity.values?.map((value) => [value.name, value.value])).toEqual([
      ['A', 'a'],
      ['C', -1],
    ]);
  });

  it('gives each value the range of its name', async () => {
    const entity = await entityOf('class C(Enum):\n    RED = 1', 'C');
    expect(entity.values?.[0].range).toEqual({
      start: { line: 1, character: 4 },
      end: { line: 1, character: 7 },
    });
  });
});

describe('SQLModel tables', () => {
  const code = `
    class Part(SQLModel, table=True):
        id: int | None = Field(default=None, primary_key=True)
        name: str = Field(index=True, unique=True, max_length=50)
        note: Optional[str] = None
        code: Optional[str] = Field(default=None, nullable=False)
        category_id: Optional[int] = Field(default=None, foreign_key="category.id")
        title: str = Field(sa_column=Column("title_text", String(200), nullable=True, unique=True))
        category: Optional["Category"] = Relationship(back_populates="parts")
        tags: list["Tag"] = Relationship(
            back_populates="parts", sa_relationship_kwargs={"lazy": "selectin"}
        )
        kind: ClassVar[str] = "part"
  `;

  const fields: [string, Partial<FieldFact>][] = [
    [
      'id',
      { column: 'id', primaryKey: true, nullable: false, hasDefault: true, defaultText: 'None' },
    ],
    [
      'name',
      {
        column: 'name',
        index: true,
        unique: true,
        nullable: false,
        hasDefault: false,
        constraints: { max_length: '50' },
      },
    ],
    ['note', { column: 'note', nullable: true, hasDefault: true }],
    ['code', { column: 'code', nullable: false, hasDefault: true }],
    ['category_id', { column: 'category_id', foreignKey: 'category.id', nullable: true }],
    ['title', { column: 'title_text', nullable: true, unique: true, hasDefault: false }],
    [
      'category',
      {
        column: undefined,
        nullable: true,
        relationship: expect.objectContaining({ target: 'Category', backPopulates: 'parts' }),
      },
    ],
    [
      'tags',
      {
        column: undefined,
        relationship: expect.objectContaining({
          target: 'Tag',
          backPopulates: 'parts',
          lazy: 'selectin',
        }),
      },
    ],
    ['kind', { column: undefined, excluded: true }],
  ];

  it.each(fields)('reads %s', async (name, expected) => {
    expectMatch(await fieldOf(code, 'Part', name), expected);
  });

  it('defaults the table name to the lowercased class name', async () => {
    expect((await entityOf(code, 'Part')).tableName).toBe('part');
  });

  it('keeps an explicit __tablename__', async () => {
    const entity = await entityOf(
      'class Part(SQLModel, table=True):\n    __tablename__ = "parts"\n    id: int',
      'Part',
    );
    expect(entity.tableName).toBe('parts');
    expect(entity.fields.map((field) => field.name)).toEqual(['id']);
  });

  it('gives back_populates the range of its string', async () => {
    const field = await fieldOf(code, 'Part', 'category');
    const character = dedent(code).split('\n')[7].indexOf('"parts"');
    expect(character).toBeGreaterThan(0);
    expect(field.relationship?.backPopulatesRange).toEqual({
      start: { line: 7, character },
      end: { line: 7, character: character + 7 },
    });
  });

  it('keeps column settings on a non-table SQLModel base but no column names', async () => {
    const base =
      'class HeroBase(SQLModel):\n    name: str = Field(index=True)\n    age: int | None';
    const entity = await entityOf(base, 'HeroBase');
    expect(entity.tableName).toBeUndefined();
    expectMatch(entity.fields[0], { name: 'name', index: true, column: undefined });
    expectMatch(entity.fields[1], { name: 'age', nullable: true, column: undefined });
  });
});

describe('SQLAlchemy 2.0 models', () => {
  const code = `
    class Base(DeclarativeBase):
        pass

    class Part(Base):
        __tablename__ = "parts"
        id: Mapped[int] = mapped_column(primary_key=True)
        name: Mapped[str] = mapped_column(String(50), index=True, unique=True)
        note: Mapped[Optional[str]]
        code: Mapped[str | None] = mapped_column(nullable=False)
        category_id: Mapped[int] = mapped_column(ForeignKey("categories.id"))
        legacy: Mapped[str] = mapped_column("legacy_name", String, server_default=text("'x'"))
        qty: Mapped[int] = mapped_column(default=0)
        raw = mapped_column(Integer)
        category: Mapped["Category"] = relationship(back_populates="parts")
        tags: Mapped[list["Tag"]] = relationship(back_populates="parts", lazy="selectin")
        owner: Mapped[Optional["User"]] = relationship("Person", backref="parts")
        label: Mapped[str] = column_property(name + "!")
  `;

  const fields: [string, Partial<FieldFact>][] = [
    [
      'id',
      {
        column: 'id',
        primaryKey: true,
        nullable: false,
        type: 'Mapped[int]',
        typeExpr: { kind: 'name', name: 'Mapped', args: [{ kind: 'name', name: 'int', args: [] }] },
      },
    ],
    ['name', { column: 'name', index: true, unique: true, nullable: false, hasDefault: false }],
    ['note', { column: 'note', nullable: true, hasDefault: false }],
    ['code', { column: 'code', nullable: false }],
    ['category_id', { column: 'category_id', foreignKey: 'categories.id', nullable: false }],
    ['legacy', { column: 'legacy_name', serverDefault: 'text("\'x\'")', hasDefault: true }],
    ['qty', { column: 'qty', hasDefault: true, defaultText: '0' }],
    ['raw', { column: 'raw', nullable: true, type: 'Integer' }],
    [
      'category',
      {
        column: undefined,
        relationship: expect.objectContaining({ target: 'Category', backPopulates: 'parts' }),
      },
    ],
    [
      'tags',
      {
        relationship: expect.objectContaining({
          target: 'Tag',
          backPopulates: 'parts',
          lazy: 'selectin',
        }),
      },
    ],
    [
      'owner',
      {
        nullable: true,
        relationship: expect.objectContaining({ target: 'Person', backref: 'parts' }),
      },
    ],
    ['label', { column: undefined }],
  ];

  it.each(fields)('reads %s', async (name, expected) => {
    expectMatch(await fieldOf(code, 'Part', name), expected);
  });

  it('reads __tablename__ and keeps the declarative base without fields', async () => {
    const entities = await entitiesOf(code);
    expect(entities.map((entity) => [entity.name, entity.tableName])).toEqual([
      ['Base', undefined],
      ['Part', 'parts'],
    ]);
    expect(entities[0].fields).toEqual([]);
  });

  it('does not turn an annotation without Mapped into a column', async () => {
    const field = await fieldOf(
      'class P(Base):\n    __tablename__ = "p"\n    extra: int = 0',
      'P',
      'extra',
    );
    expect(field.column).toBeUndefined();
  });
});

describe('classic SQLAlchemy models', () => {
  const code = `
    Base = declarative_base()

    class Part(Base):
        __tablename__ = "parts"
        id = Column(Integer, primary_key=True)
        name = Column(String(50), nullable=False, index=True)
        note = Column(Text)
        code = Column("part_code", String, unique=True)
        category_id = Column(Integer, ForeignKey("categories.id"), nullable=True)
        status = Column(Enum(Status), default=Status.NEW)
        created = Column(sa.DateTime, server_default=func.now())
        category = relationship("Category", back_populates="parts")
        tags = relationship("Tag", secondary=part_tags, backref=backref("parts", lazy="dynamic"))
        owner = relationship(User, lazy="joined")
        _password = Column("password", String)
        limit = 10
  `;

  const fields: [string, Partial<FieldFact>][] = [
    [
      'id',
      {
        column: 'id',
        primaryKey: true,
        nullable: false,
        type: 'Integer',
        typeExpr: { kind: 'name', name: 'Integer', args: [] },
      },
    ],
    [
      'name',
      {
        column: 'name',
        nullable: false,
        index: true,
        type: 'String(50)',
        typeExpr: { kind: 'name', name: 'String', args: [] },
      },
    ],
    ['note', { column: 'note', nullable: true, hasDefault: false, optional: false }],
    ['code', { column: 'part_code', unique: true, type: 'String' }],
    ['category_id', { foreignKey: 'categories.id', nullable: true, type: 'Integer' }],
    [
      'status',
      {
        typeExpr: {
          kind: 'name',
          name: 'Enum',
          args: [{ kind: 'name', name: 'Status', args: [] }],
        },
        hasDefault: true,
        defaultText: 'Status.NEW',
      },
    ],
    ['created', { serverDefault: 'func.now()', hasDefault: true, type: 'sa.DateTime' }],
    [
      'category',
      {
        column: undefined,
        relationship: expect.objectContaining({ target: 'Category', backPopulates: 'parts' }),
      },
    ],
    [
      'tags',
      {
        relationship: expect.objectContaining({
          target: 'Tag',
          backref: 'parts',
          backrefLazy: 'dynamic',
          secondary: { name: 'part_tags', quoted: false },
        }),
      },
    ],
    ['owner', { relationship: { target: 'User', lazy: 'joined' } }],
    ['_password', { column: 'password', excluded: true }],
  ];

  it.each(fields)('reads %s', async (name, expected) => {
    expectMatch(await fieldOf(code, 'Part', name), expected);
  });

  it('skips plain class attributes', async () => {
    const entity = await entityOf(code, 'Part');
    expect(entity.fields.map((field) => field.name)).not.toContain('limit');
  });
});

describe('@declared_attr relationships and columns', () => {
  const code = `
    class OwnedMixin:
        @declared_attr
        def owner(cls) -> Mapped["User"]:
            return relationship("User", lazy="raise", secondary="owners")

        @declared_attr.directive
        def editor(cls) -> Mapped[Optional["User"]]:
            """The last editor."""
            return orm.relationship(back_populates="edited")

        @declared_attr
        def code(cls) -> Mapped[str]:
            return mapped_column(String(10))

        @declared_attr
        def reviewer(cls):
            if cls.reviewed:
                return relationship("User")
            return relationship("Robot")

        @property
        def label(self) -> str:
            return relationship("User")
  `;

  it('reads the relationship a @declared_attr method returns, with its options', async () => {
    expectMatch(await fieldOf(code, 'OwnedMixin', 'owner'), {
      relationship: { target: 'User', lazy: 'raise', secondary: { name: 'owners', quoted: true } },
      column: undefined,
    });
    expectMatch(await fieldOf(code, 'OwnedMixin', 'editor'), {
      relationship: expect.objectContaining({ target: 'User', backPopulates: 'edited' }),
    });
  });

  it('makes a class of @declared_attr methods a mixin', async () => {
    expectMatch(await entityOf(code, 'OwnedMixin'), { kind: 'sqlalchemy-model', abstract: true });
  });

  it('reads the column a @declared_attr method returns', async () => {
    expectMatch(await fieldOf(code, 'OwnedMixin', 'code'), {
      column: 'code',
      relationship: undefined,
    });
  });

  it('takes no columns, branching methods or properties for relationships', async () => {
    const entity = await entityOf(code, 'OwnedMixin');
    expect(entity.fields.map((field) => [field.name, !!field.relationship])).toEqual([
      ['owner', true],
      ['editor', true],
      ['code', false],
      ['label', false],
    ]);
  });
});

describe('Core tables', () => {
  it('reads module-level Table(...) columns, keys and indexes', async () => {
    const code = `
      part_tags = sa.Table(
          "part_tags",
          Base.metadata,
          sa.Column("part_id", sa.Integer, sa.ForeignKey("parts.id"), primary_key=True),
          Column("tag_id", ForeignKey("tags.id"), index=True),
          Column("note", String(20), unique=True),
          Index("ix_part_tags_pair", "part_id", "tag_id"),
          PrimaryKeyConstraint("part_id", "tag_id"),
          UniqueConstraint("note", "tag_id"),
      )
      other = Table(name_variable, metadata)

      def helper():
          inner = Table("inner", metadata)
    `;
    const facts = await factsOf('app/models.py', dedent(code));
    expect(facts.tables?.map(({ range, indexes, ...table }) => (void range, table))).toEqual([
      {
        variable: 'part_tags',
        name: 'part_tags',
        columns: [
          { name: 'part_id', foreignKey: 'parts.id', primaryKey: true },
          { name: 'tag_id', foreignKey: 'tags.id', index: true },
          { name: 'note', unique: true },
        ],
      },
    ]);
    expect(facts.tables?.[0].indexes.map((index) => [index.columns, index.unique])).toEqual([
      [['part_id', 'tag_id'], false],
      [['part_id', 'tag_id'], true],
      [['note', 'tag_id'], true],
    ]);
    expect(facts.tables?.[0].range.start).toEqual({ line: 0, character: 0 });
  });
});

describe('table indexes', () => {
  it('reads Index and UniqueConstraint from __table_args__', async () => {
    const code = `
      class Part(Base):
          __tablename__ = "parts"
          __table_args__ = (
              Index("ix_a_b", "a", "b"),
              UniqueConstraint("a", "c", name="uq_a_c"),
              Index("ix_u", "c", unique=True),
              CheckConstraint("a > 0"),
              {"sqlite_autoincrement": True},
          )
          a = Column(Integer)
    `;
    const entity = await entityOf(code, 'Part');
    expect(entity.tableIndexes?.map(({ range, ...rest }) => (void range, rest))).toEqual([
      { name: 'ix_a_b', columns: ['a', 'b'], unique: false },
      { name: 'uq_a_c', columns: ['a', 'c'], unique: true },
      { name: 'ix_u', columns: ['c'], unique: true },
    ]);
    expect(entity.tableIndexes?.[0].range.start).toEqual({ line: 3, character: 8 });
  });

  it('maps column objects in the body and module-level Index(...) to column names', async () => {
    const code = `
      class Part(Base):
          __tablename__ = "parts"
          name = Column("part_name", String)
          code = Column(String)
          __table_args__ = (Index("ix_name", name),)

      Index("ix_code", Part.code, Part.name, unique=True)
      ix_other = sa.Index("ix_other", Part.code)
      Index("ix_unknown", Unknown.x)
    `;
    const entity = await entityOf(code, 'Part');
    expect(entity.tableIndexes?.map((index) => [index.name, index.columns, index.unique])).toEqual([
      ['ix_name', ['part_name'], false],
      ['ix_code', ['code', 'part_name'], true],
      ['ix_other', ['code'], false],
    ]);
  });

  it('reads a single UniqueConstraint and ignores a dict of options', async () => {
    const single =
      'class P(Base):\n    __table_args__ = UniqueConstraint("x")\n    x = Column(Integer)';
    const options = 'class Q(Base):\n    __table_args__ = {"schema": "s"}\n    x = Column(Integer)';
    expect((await entityOf(single, 'P')).tableIndexes).toMatchObject([
      { columns: ['x'], unique: true },
    ]);
    expect((await entityOf(options, 'Q')).tableIndexes).toBeUndefined();
  });
});

describe('broken and half-typed code', () => {
  const cases: [string, string, Record<string, string[]>][] = [
    ['an annotation without a type', 'class A(BaseModel):\n    name: \n', { A: [] }],
    [
      'a half-typed line before good classes',
      'class A(BaseModel):\n    name: \n\nclass B(BaseModel):\n    y: int\n',
      { B: ['y'] },
    ],
    ['a class without a body', 'class A(BaseModel):\n', { A: [] }],
    ['an unclosed Field call', 'class A(BaseModel):\n    x: int = Field(\n', {}],
    [
      'a missing colon in an earlier class',
      'class A(BaseModel)\n    x: int\n\nclass B(BaseModel):\n    y: int\n',
      { B: ['y'] },
    ],
    [
      'an unclosed header at the end',
      'class B(BaseModel):\n    y: str = "ok"\n\nclass C(\n',
      { B: ['y'] },
    ],
    [
      'a stray token inside a body',
      'class A(BaseModel):\n    x: int\n    )\n    y: str\n',
      { A: ['x', 'y'] },
    ],
    ['an enum with a broken member', 'class C(Enum):\n    A = \n    B = 2\n', {}],
  ];

  it.each(cases)('gives partial results for %s', async (_, code, expected) => {
    const facts = await factsOf('app/models.py', code);
    expect(facts.problems).toEqual([]);
    for (const [name, fieldNames] of Object.entries(expected)) {
      const entity = facts.entities.find((candidate) => candidate.name === name);
      expect(entity?.fields.map((field) => field.name)).toEqual(fieldNames);
    }
  });
});
