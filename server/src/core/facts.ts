// Plain data extracted from one file. Facts of a file depend on that file alone, so re-indexing a
// file replaces exactly its facts; joining them across files is the index's job.
import type { MigrationFacts } from './migrations/types';
import type { QueryFileFacts } from './queries/query-facts';

/** 0-based line and UTF-16 character, as in LSP. */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export type Language = 'python' | 'typescript';

/**
 * A type as written, parsed into a small tree both languages share. Names stay unresolved here
 * (`List`, `Optional`, `Part`, `Array`, `Record`); the shapes layer interprets them.
 */
export type TypeExpr =
  | { kind: 'name'; name: string; args: TypeExpr[] }
  | { kind: 'union'; members: TypeExpr[] }
  | { kind: 'literal'; value: string | number | boolean | null }
  | { kind: 'array'; element: TypeExpr }
  | { kind: 'tuple'; elements: TypeExpr[] }
  | { kind: 'object'; fields: FieldFact[]; indexValue?: TypeExpr }
  | { kind: 'unknown'; text: string };

export type EntityKind =
  | 'pydantic-model'
  | 'sqlmodel-table'
  | 'sqlmodel-model'
  | 'sqlalchemy-model'
  | 'enum'
  | 'ts-interface'
  | 'ts-type'
  | 'ts-enum'
  | 'zod-schema';

export interface RelationshipFact {
  /** The related class name as written (`"Part"`, `Part`, `List["Part"]` gives `Part`). */
  target?: string;
  backPopulates?: string;
  backref?: string;
  /** `backref=backref("parts", lazy="selectin")`: how the backref's relationship loads. */
  backrefLazy?: string;
  lazy?: string;
  /**
   * `secondary=part_tags` (a variable naming a Core table, `quoted: false`) or
   * `secondary="part_tags"` (the table's name): the association table of a many-to-many.
   */
  secondary?: { name: string; quoted: boolean };
  /** Range of the back_populates / backref value, for diagnostics. */
  backPopulatesRange?: Range;
}

export interface FieldFact {
  name: string;
  /**
   * The key on the wire. Extractors set it from an explicit alias; the index applies alias
   * generators.
   */
  wireName: string;
  /** The annotation as written (`Optional[str]`, `string | null`). */
  type: string;
  typeExpr: TypeExpr;
  /** May be absent from the object: TS `?`; Python: has a default. */
  optional: boolean;
  /** May be `null`: TS `| null`; Python `Optional`/`| None`; a nullable column. */
  nullable: boolean;
  hasDefault: boolean;
  /** Range of the field's name. */
  range: Range;
  /** Range of the type annotation, when written (for quick fixes that retype a field). */
  typeRange?: Range;
  /** The default's source text, when written. */
  defaultText?: string;
  alias?: string;
  serializationAlias?: string;
  /**
   * The key validation reads: the alias, the first of `AliasChoices`, or the first step of an
   * `AliasPath` (the value is read further inside it).
   */
  validationAlias?: string;
  /** Every key `AliasChoices` accepts, in order, when it offers more than one. */
  validationAliasChoices?: string[];
  docstring?: string;
  /** Constraints such as `max_length=50`, `ge=0`, as written. */
  constraints?: Record<string, string>;
  /** `@computed_field` or `@property`: sent in responses, never accepted in requests. */
  computed?: boolean;
  /** `ClassVar`, private `_x`, `model_config`: not part of the wire shape. */
  excluded?: boolean;

  // ORM columns (SQLModel `table=True`, SQLAlchemy declarative).
  column?: string;
  primaryKey?: boolean;
  foreignKey?: string;
  index?: boolean;
  unique?: boolean;
  serverDefault?: string;
  relationship?: RelationshipFact;
}

export interface EnumValueFact {
  name: string;
  value: string | number | boolean | null;
  range: Range;
}

export interface ModelConfigFact {
  /** `to_camel`, `to_pascal`, `to_snake`, or the name as written. */
  aliasGenerator?: string;
  populateByName?: boolean;
  fromAttributes?: boolean;
  extra?: 'forbid' | 'allow' | 'ignore';
  range?: Range;
}

export interface TableIndexFact {
  name?: string;
  columns: string[];
  unique: boolean;
  range: Range;
}

/** A column of a Core `Table(...)`: `Column("part_id", ForeignKey("part.id"), index=True)`. */
export interface CoreColumnFact {
  name: string;
  foreignKey?: string;
  primaryKey?: boolean;
  index?: boolean;
  unique?: boolean;
}

/**
 * A module-level Core table, usually a many-to-many association:
 * `part_tags = Table("part_tags", Base.metadata, Column(...), Column(...), Index(...))`.
 */
export interface CoreTableFact {
  /** The module-level name bound to it (`part_tags`). */
  variable: string;
  /** The table's name in the database. */
  name: string;
  columns: CoreColumnFact[];
  /** `Index`, `UniqueConstraint` and `PrimaryKeyConstraint` arguments (the key as unique). */
  indexes: TableIndexFact[];
  /** Range of the variable's name. */
  range: Range;
}

/**
 * How a TS entity's fields are derived, for the index to resolve across files. A Python class
 * derives from its `bases` instead.
 */
export type ShapeExpr =
  | { op: 'object'; fields: FieldFact[] }
  | { op: 'ref'; name: string; args: TypeExpr[] }
  | { op: 'intersect'; parts: ShapeExpr[] }
  | { op: 'partial' | 'required'; of: ShapeExpr }
  | { op: 'pick' | 'omit'; of: ShapeExpr; keys: string[] }
  /** `z.infer<typeof S>` / `z.input` / `z.output`: the fields of zod schema `S`. */
  | { op: 'zod-infer'; name: string }
  /** A union of object shapes or anything else not reducible to fields. */
  | { op: 'opaque'; text: string };

export interface EntityFact {
  /** `relative/path.py#ClassName`. */
  id: string;
  language: Language;
  kind: EntityKind;
  name: string;
  file: string;
  /** Range of the declared name. */
  range: Range;
  /** Range of the whole declaration. */
  fullRange: Range;
  /** Base classes / extended interfaces as written. */
  bases: string[];
  typeParams: string[];
  generated: boolean;
  /** Own fields (inherited ones are joined by the index). */
  fields: FieldFact[];
  values?: EnumValueFact[];
  docstring?: string;
  exported?: boolean;
  /** JSDoc `@seam path#Class`: an explicit pairing. */
  seamTag?: string;

  // Python models.
  /**
   * The kind was guessed from bases this file cannot see (`class PartRead(PartBase)`); the index
   * settles it by following the bases, and drops the class if none of them is a model or enum.
   */
  provisional?: boolean;
  /**
   * A plain class (no model base) whose annotated attributes a Pydantic model inheriting it takes
   * as fields (`class _StateFields: active: list[str] = Field(...)`). Never a model by itself.
   */
  fieldMixin?: boolean;
  /**
   * A declarative base (`class Base(DeclarativeBase)`, `Base = declarative_base()`) or a class
   * with `__abstract__`.
   */
  abstract?: boolean;
  /** Keyword arguments in the class header (`table=True`, `extra="forbid"`), as written. */
  classKeywords?: Record<string, string>;
  config?: ModelConfigFact;
  tableName?: string;
  tableIndexes?: TableIndexFact[];

  // TypeScript entities.
  shape?: ShapeExpr;
  /** A string-literal union alias (`type Status = 'a' | 'b'`) is kept as an enum-like entity. */
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD' | 'OPTIONS';

export interface RouteParamFact {
  name: string;
  type: string;
  typeExpr: TypeExpr;
  /** `body` for a model-typed parameter or `Body(...)`; `path`, `query`, `depends`, `other`. */
  source: 'body' | 'path' | 'query' | 'header' | 'depends' | 'form' | 'file' | 'other';
  range: Range;
}

export interface RouteFact {
  method: HttpMethod;
  /** The path as written in the decorator, before any prefix. */
  path: string;
  /** The router or app variable the decorator was called on. */
  routerVar: string;
  functionName: string;
  file: string;
  /** Range of the decorated function's name. */
  range: Range;
  responseModel?: TypeExpr;
  responseModelText?: string;
  returnAnnotation?: TypeExpr;
  returnAnnotationText?: string;
  params: RouteParamFact[];
  /** `response_model_by_alias=False` turns off serialising by alias. */
  byAlias: boolean;
  /** When the function returns a dict literal: its literal keys, or null when not all literal. */
  returnedDictKeys?: string[] | null;
  statusCode?: number;
}

export interface RouterFact {
  varName: string;
  /** `APIRouter` or `FastAPI`. */
  kind: 'router' | 'app';
  prefix: string;
  /** The prefix had a part Seam cannot know statically (`settings.API_V1_STR`) before `prefix`. */
  unknownPrefix?: boolean;
  file: string;
  range: Range;
}

export interface IncludeRouterFact {
  /** The router or app whose `include_router` is called. */
  parentVar: string;
  /** The included router expression as written: `router`, `parts.router`, `parts_router`. */
  child: string;
  prefix: string;
  unknownPrefix?: boolean;
  file: string;
  range: Range;
}

export interface ImportFact {
  /**
   * Python: the module, dotted, with leading dots for relative imports (`..models`).
   * TypeScript: the module specifier as written (`./types`, `@/api/client`).
   */
  module: string;
  /** Imported names; `*` for star imports; empty for `import x.y` / side-effect imports. */
  names: { name: string; alias: string }[];
  /** `import x.y as z` / `import * as ns from` binds a module namespace to this name. */
  namespace?: string;
  /** TypeScript `export ... from` re-exports. */
  reexport?: boolean;
  range: Range;
}

export interface CallFact {
  method: HttpMethod;
  /**
   * The URL normalised to a route pattern: `/api/parts/{param}`. A constant imported from another
   * module that starts the URL is left as `{const:NAME}` for the index to substitute.
   */
  path: string;
  /** True when an unresolvable prefix (an env variable, a runtime value) came before `path`. */
  unknownPrefix: boolean;
  file: string;
  range: Range;
  /** The client expression the call went through (`apiClient`, `axios`, `fetch`, a wrapper). */
  via: string;
  requestType?: TypeExpr;
  requestTypeText?: string;
  responseType?: TypeExpr;
  responseTypeText?: string;
}

/**
 * A thin function around an HTTP client:
 * `function getJson<T>(url: string) { return api.get<T>(url) }`.
 * Calls to it elsewhere become CallFacts once the index has resolved the callee.
 */
export interface HttpWrapperFact {
  name: string;
  /** Fixed method, or the index of the parameter that carries it. */
  method?: HttpMethod;
  methodParam?: number;
  /** Index of the parameter carrying the URL, and what the wrapper puts before it. */
  urlParam: number;
  urlPrefix: string;
  unknownPrefix: boolean;
  bodyParam?: number;
  /** Index of the wrapper's type parameter that becomes the response type. */
  responseTypeParam?: number;
  /** Response type fixed by the wrapper itself (its return annotation). */
  responseType?: TypeExpr;
  exported: boolean;
  range: Range;
}

/** A call to a function that is not a known client but may be a wrapper defined elsewhere. */
export interface UnresolvedCallFact {
  callee: string;
  /** Per argument: the normalised path when it is a URL-like string, else null. */
  argPaths: ({ path: string; unknownPrefix: boolean } | null)[];
  /** Per argument: the declared TS type of the argument expression when known. */
  argTypes: (TypeExpr | null)[];
  /** Literal string arguments (an HTTP method passed as a string). */
  argStrings: (string | null)[];
  typeArgs: TypeExpr[];
  /** A type the call's result is assigned or cast to (`const x: T = await f()`). */
  resultType?: TypeExpr;
  file: string;
  range: Range;
}

/** A TS `const X = '...'` string constant (base URLs) or an `axios.create({ baseURL })`. */
export interface ConstantFact {
  name: string;
  value: string;
  /** `axios.create` instances carry their base URL here. */
  kind: 'string' | 'axios-instance';
  /** True when the value had an unresolvable part before it. */
  unknownPrefix?: boolean;
  exported: boolean;
}

/** A `seam-ignore rule-id: reason` comment; it silences findings on the next line. */
export interface SuppressionFact {
  /** The line of the comment itself. */
  line: number;
  rules: string[];
  /** Empty when the comment gives none; such a comment silences nothing. */
  reason: string;
  range: Range;
}

export interface ProblemFact {
  message: string;
  range?: Range;
}

export interface FileFacts {
  file: string;
  language: Language;
  /** True for generated clients (hey-api, openapi-typescript, orval, pydantic2ts). */
  generated: boolean;
  entities: EntityFact[];
  imports: ImportFact[];
  routes: RouteFact[];
  routers: RouterFact[];
  includes: IncludeRouterFact[];
  calls: CallFact[];
  wrappers: HttpWrapperFact[];
  unresolvedCalls: UnresolvedCallFact[];
  constants: ConstantFact[];
  /** Names exported from a TS module (declarations and `export { }` lists). */
  exports: string[];
  /** Property names this TS file reads (`x.name`, `{ name } = x`, `x["name"]`), deduplicated. */
  propertyReads: string[];
  suppressions: SuppressionFact[];
  problems: ProblemFact[];
  /** Python: queries, the loops over their results and the functions returning them. */
  queries?: QueryFileFacts;
  /** Python: module-level Core tables (`part_tags = Table("part_tags", metadata, ...)`). */
  tables?: CoreTableFact[];
  /** Python: the Alembic revision or hand-written migration script the file is, if any. */
  migration?: MigrationFacts;
  /** TS: top-level aliases that are no entity (`type Money = number`), for the types using them. */
  typeAliases?: TypeAliasFact[];
}

/** `type Money = number`, `type Nullable<T> = T | null`: a name for a type that is no model. */
export interface TypeAliasFact {
  name: string;
  typeParams: string[];
  typeExpr: TypeExpr;
}

export function emptyFacts(file: string, language: Language): FileFacts {
  return {
    file,
    language,
    generated: false,
    entities: [],
    imports: [],
    routes: [],
    routers: [],
    includes: [],
    calls: [],
    wrappers: [],
    unresolvedCalls: [],
    constants: [],
    exports: [],
    propertyReads: [],
    suppressions: [],
    problems: [],
  };
}
