// The `seam index --json` document, version 1. This shape is a contract for CI users and tools:
// add fields, never rename or remove them.
import type { FieldFact, Range } from '../core/facts';
import type {
  IndexView,
  ResolvedCall,
  ResolvedEntity,
  ResolvedRoute,
} from '../core/index/resolved';
import { typeText } from '../core/index/type-substitution';

export const INDEX_JSON_VERSION = 1;

export function indexToJson(view: IndexView) {
  return {
    version: INDEX_JSON_VERSION,
    entities: view.entities.filter((e) => !e.abstract).map(entityToJson),
    routes: view.routes.map((route) => routeToJson(view, route)),
    calls: view.calls.map(callToJson),
  };
}

function entityToJson(entity: ResolvedEntity) {
  return {
    id: entity.id,
    language: entity.language,
    kind: entity.kind,
    name: entity.name,
    file: entity.file,
    range: entity.range,
    bases: entity.bases,
    generated: entity.generated,
    fields: entity.fields
      .filter((field) => !field.excluded)
      .map((field) => fieldToJson(entity, field)),
    ...(entity.values ? { values: entity.values.map((v) => v.value) } : {}),
    ...(entity.typeParams.length ? { typeParams: entity.typeParams } : {}),
    ...(entity.tableName ? { tableName: entity.tableName } : {}),
  };
}

function fieldToJson(entity: ResolvedEntity, field: FieldFact & { declaredIn: string }) {
  return {
    name: field.name,
    wireName: field.wireName,
    type: field.type,
    optional: field.optional,
    nullable: field.nullable,
    hasDefault: field.hasDefault,
    range: field.range,
    ...(field.declaredIn !== entity.id ? { declaredIn: field.declaredIn } : {}),
    ...(field.computed ? { computed: true } : {}),
    ...ormFieldToJson(field),
  };
}

function ormFieldToJson(field: FieldFact) {
  if (field.column === undefined && !field.relationship) return {};
  return {
    ...(field.column !== undefined ? { column: field.column } : {}),
    primaryKey: !!field.primaryKey,
    foreignKey: field.foreignKey ?? null,
    index: !!field.index,
    unique: !!field.unique,
    ...(field.relationship ? { relationship: field.relationship.target ?? null } : {}),
  };
}

function routeToJson(view: IndexView, route: ResolvedRoute) {
  return {
    method: route.method,
    path: route.fullPath,
    file: route.file,
    range: route.range,
    request: route.requestEntity ?? route.requestTypeText ?? null,
    response: responseToJson(view, route),
    function: route.functionName,
    unknownPrefix: route.unknownPrefix,
    mounted: route.mounted,
    ...(route.returnedDictKeys !== undefined ? { returnedDictKeys: route.returnedDictKeys } : {}),
  };
}

function responseToJson(view: IndexView, route: ResolvedRoute): string | null {
  const type = route.responseType;
  if (!type) return null;
  if (type.kind === 'name' && !type.args.length) {
    const entity = view.resolveEntity(route.file, type.name);
    if (entity) return entity.id;
  }
  return route.responseTypeText ?? typeText(type, 'python');
}

function callToJson(call: ResolvedCall) {
  return {
    method: call.method,
    path: call.path,
    file: call.file,
    range: call.range,
    requestType: call.requestTypeText ?? null,
    responseType: call.responseTypeText ?? null,
    via: call.via,
    unknownPrefix: call.unknownPrefix,
  };
}

export type { Range };
