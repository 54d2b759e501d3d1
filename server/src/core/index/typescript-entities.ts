// Resolves the fields of TypeScript entities by evaluating their shapes across files:
// `extends`, intersections, Partial/Pick/Omit/Required, zod .extend/.merge and `z.infer`.
import type { EntityFact, ShapeExpr, TypeExpr } from '../facts';
import { extend } from '../objects';
import type { ResolvedEntity, ResolvedField } from './resolved';
import { bindTypeParams, substituteField } from './type-substitution';
import type { TypeScriptModules } from './typescript-modules';

type Lookup = (file: string, name: string) => EntityFact | undefined;

interface Evaluation {
  fields: ResolvedField[];
  baseIds: string[];
}

export class TypeScriptEntityResolver {
  private readonly resolved = new Map<string, ResolvedEntity>();

  constructor(
    private readonly modules: TypeScriptModules,
    private readonly lookup: Lookup,
  ) {}

  entityNamed(file: string, name: string): EntityFact | undefined {
    const symbol = this.modules.resolveDotted(file, name);
    return symbol.kind === 'name' ? this.lookup(symbol.file, symbol.name) : undefined;
  }

  resolve(entity: EntityFact, visiting = new Set<string>()): ResolvedEntity {
    const cached = this.resolved.get(entity.id);
    if (cached) return cached;
    let evaluation: Evaluation;
    if (entity.shape && !visiting.has(entity.id)) {
      visiting.add(entity.id);
      evaluation = this.evaluate(entity, entity.shape, new Map(), visiting);
      visiting.delete(entity.id);
    } else {
      const fields = entity.fields.map((field) => extend(field, { declaredIn: entity.id }));
      evaluation = { fields, baseIds: [] };
    }
    const result: ResolvedEntity = extend(entity, evaluation);
    this.resolved.set(entity.id, result);
    return result;
  }

  private evaluate(
    entity: EntityFact,
    shape: ShapeExpr,
    bindings: Map<string, TypeExpr>,
    visiting: Set<string>,
  ): Evaluation {
    switch (shape.op) {
      case 'object':
        return {
          fields: shape.fields.map((f) =>
            substituteField(extend(f, { declaredIn: entity.id }), bindings),
          ),
          baseIds: [],
        };
      case 'ref':
      case 'zod-infer':
        return this.evaluateReference(entity, shape, visiting);
      case 'intersect':
        return this.evaluateIntersection(entity, shape.parts, bindings, visiting);
      case 'partial':
      case 'required': {
        const inner = this.evaluate(entity, shape.of, bindings, visiting);
        const optional = shape.op === 'partial';
        return { ...inner, fields: inner.fields.map((field) => extend(field, { optional })) };
      }
      case 'pick':
      case 'omit': {
        const inner = this.evaluate(entity, shape.of, bindings, visiting);
        const keep = (name: string) => shape.keys.includes(name) === (shape.op === 'pick');
        return { ...inner, fields: inner.fields.filter((field) => keep(field.name)) };
      }
      case 'opaque':
        return { fields: [], baseIds: [] };
    }
  }

  private evaluateReference(
    entity: EntityFact,
    shape: Extract<ShapeExpr, { op: 'ref' | 'zod-infer' }>,
    visiting: Set<string>,
  ): Evaluation {
    const target = this.entityNamed(entity.file, shape.name);
    if (!target || visiting.has(target.id)) return { fields: [], baseIds: [] };
    const resolvedTarget = this.resolve(target, visiting);
    const args = shape.op === 'ref' ? shape.args : [];
    const bindings = bindTypeParams(target.typeParams, args);
    return {
      fields: resolvedTarget.fields.map((field) => substituteField(field, bindings)),
      baseIds: [target.id],
    };
  }

  private evaluateIntersection(
    entity: EntityFact,
    parts: ShapeExpr[],
    bindings: Map<string, TypeExpr>,
    visiting: Set<string>,
  ): Evaluation {
    const byName = new Map<string, ResolvedField>();
    const baseIds: string[] = [];
    for (const part of parts) {
      const evaluated = this.evaluate(entity, part, bindings, visiting);
      for (const field of evaluated.fields) byName.set(field.name, field);
      baseIds.push(...evaluated.baseIds);
    }
    return { fields: [...byName.values()], baseIds };
  }
}
