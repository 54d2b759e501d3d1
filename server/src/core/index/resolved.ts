// The joined, workspace-wide view of entities, routes and calls that pairing and rules read.
import type {
  CallFact,
  EntityFact,
  EntityKind,
  FieldFact,
  HttpMethod,
  ModelConfigFact,
  Range,
  RouteFact,
  TypeAliasFact,
  TypeExpr,
} from '../facts';
import type { PythonModules } from './python-modules';

export interface ResolvedField extends FieldFact {
  /** The entity that declares the field (itself, or a base it inherits from). */
  declaredIn: string;
}

export interface ResolvedEntity extends Omit<EntityFact, 'fields' | 'kind' | 'config'> {
  kind: EntityKind;
  /** Own and inherited fields, in declaration order, with alias generators applied. */
  fields: ResolvedField[];
  /** Entity ids of the bases that resolved (Python bases, TS extends and references). */
  baseIds: string[];
  /** The effective Pydantic config, inherited from bases and merged with the class's own. */
  config?: ModelConfigFact;
  /**
   * A mapped subclass without a `__tablename__` of its own: its rows live in its base's table
   * (single-table inheritance), so the columns it adds are nullable for its siblings' sake.
   */
  singleTableChild?: boolean;
}

export interface ResolvedRoute extends RouteFact {
  /** The full URL pattern after router and include prefixes. */
  fullPath: string;
  /** Part of the prefix could not be known statically; `fullPath` is what follows it. */
  unknownPrefix: boolean;
  /** False when the router is never included anywhere Seam can see. */
  mounted: boolean;
  /** The body parameter's model entity, when one resolves. */
  requestEntity?: string;
  requestType?: TypeExpr;
  requestTypeText?: string;
  /** What the route sends: the response_model, else the return annotation. */
  responseType?: TypeExpr;
  responseTypeText?: string;
}

export interface ResolvedCall extends CallFact {
  /** The client's base URL was prepended; it is part of `path`. */
  baseUrl?: string;
}

export interface IndexView {
  entities: ResolvedEntity[];
  entityById: ReadonlyMap<string, ResolvedEntity>;
  routes: ResolvedRoute[];
  calls: ResolvedCall[];
  /** The entity a type name used in `file` refers to, following imports. */
  resolveEntity(file: string, name: string): ResolvedEntity | undefined;
  /** The TS alias that is no entity (`type Money = number`) a name in `file` refers to. */
  resolveTypeAlias(file: string, name: string): ResolvedTypeAlias | undefined;
  /**
   * Module and name resolution of the Python files, for what follows names beyond entities (the
   * query rules follow functions and tables). Kept from view to view like the rest of its half.
   */
  pythonModules: PythonModules;
}

export interface ResolvedTypeAlias {
  /** The file declaring the alias: names in its type resolve there. */
  file: string;
  alias: TypeAliasFact;
}

export interface Location {
  file: string;
  range: Range;
}

export const HTTP_METHODS: HttpMethod[] = [
  'GET',
  'POST',
  'PUT',
  'PATCH',
  'DELETE',
  'HEAD',
  'OPTIONS',
];
