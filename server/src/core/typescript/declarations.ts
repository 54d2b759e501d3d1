// TypeScript declarations that describe data: interfaces, type aliases, enums, zod schemas; and
// the module's imports and exports, and whether the file is a generated client.
import type { Node, Tree } from 'web-tree-sitter';
import type { EntityFact, FileFacts, ImportFact, TypeAliasFact } from '../facts';
import { typeParamsOf, type DeclarationContext } from './declaration-context';
import { enumEntity } from './enums';
import {
  isGeneratedFile,
  isOpenApiComponents,
  isOpenApiContainer,
  openApiSchemaEntities,
  resolveComponentReferences,
} from './generated';
import { interfaceEntity } from './interfaces';
import { extractModules } from './modules';
import { recoverBrokenDeclarations } from './recovery';
import { topLevelStatements, type TopLevelDeclaration } from './top-level';
import { typeAliasEntity } from './type-aliases';
import { parseTsType } from './types';
import { extractZodSchemas } from './zod';

/** The zod module under its usual specifiers (`zod`, `zod/v4`, `zod/mini`). */
const ZOD_MODULE = /^zod(\/|$)/;

/** Entities of interfaces, aliases and enums, kept apart from openapi-typescript's schemas. */
interface TypeDeclarations {
  declared: EntityFact[];
  openApiSchemas: EntityFact[];
  /**
   * Declarations named like openapi-typescript's containers (`paths`, `operations`), not yet
   * read: a generated file drops them, and they are most of its text.
   */
  containers: NamedDeclaration[];
  /** Aliases that describe no entity, kept for the fields typed with them. */
  aliases: TypeAliasFact[];
}

interface NamedDeclaration extends TopLevelDeclaration {
  nameNode: Node;
  body: Node;
}

/**
 * Only top-level declarations are entities: an interface inside a function or a namespace is
 * local to it, and its name may clash with a module-level one.
 */
export function extractTypeScriptDeclarations(tree: Tree, text: string, facts: FileFacts): void {
  const topLevel = topLevelStatements(tree.rootNode);
  const exportedNames = extractModules(topLevel.moduleStatements, facts);
  const context: DeclarationContext = {
    file: facts.file,
    generated: isGeneratedFile(facts.file, text),
    zodNames: zodBindings(facts.imports),
    importedNames: importedBindings(facts.imports),
    exportedNames,
  };

  const constants = topLevel.declarations.filter((d) => d.type === 'lexical_declaration');
  const { declared, openApiSchemas, containers, aliases } = typeDeclarations(
    topLevel.declarations,
    context,
  );
  if (aliases.length) facts.typeAliases = aliases;
  const zodSchemas = extractZodSchemas(constants, context);
  const recovered = recoverBrokenDeclarations(topLevel.errors, context);
  facts.generated = context.generated || openApiSchemas.length > 0;

  const models = facts.generated
    ? declared
    : [...declared, ...declaredEntities(containers, context)];
  const entities = [...models, ...recovered, ...openApiSchemas, ...zodSchemas];
  if (facts.generated) entities.forEach((entity) => (entity.generated = true));
  if (text.includes('components[')) resolveComponentReferences(entities);
  facts.entities.push(...entities.sort(bySourcePosition));
}

function typeDeclarations(
  declarations: TopLevelDeclaration[],
  context: DeclarationContext,
): TypeDeclarations {
  const result: TypeDeclarations = {
    declared: [],
    openApiSchemas: [],
    containers: [],
    aliases: [],
  };
  const named: NamedDeclaration[] = [];
  for (const { statement, declaration, type } of declarations) {
    if (type === 'lexical_declaration') continue;
    const nameNode = declaration.childForFieldName('name');
    const body = declaration.childForFieldName(
      type === 'type_alias_declaration' ? 'value' : 'body',
    );
    if (!nameNode || !body) continue;

    const name = nameNode.text;
    if (type !== 'enum_declaration' && isOpenApiComponents(name, body)) {
      result.openApiSchemas.push(...openApiSchemaEntities(body, context));
    } else if (isOpenApiContainer(name)) {
      result.containers.push({ statement, declaration, type, nameNode, body });
    } else {
      named.push({ statement, declaration, type, nameNode, body });
    }
  }
  result.declared = declaredEntities(named, context, result.aliases);
  return result;
}

/** Entities of the declarations; aliases that are none go to `aliases`. */
function declaredEntities(
  declarations: NamedDeclaration[],
  context: DeclarationContext,
  aliases: TypeAliasFact[] = [],
) {
  const entities: EntityFact[] = [];
  for (const { statement, declaration, type, nameNode, body } of declarations) {
    if (type === 'interface_declaration') {
      entities.push(interfaceEntity(declaration, nameNode, body, statement, context));
    } else if (type === 'enum_declaration') {
      entities.push(enumEntity(nameNode, body, statement, context));
    } else {
      const entity = typeAliasEntity(declaration, nameNode, body, statement, context);
      if (entity) entities.push(entity);
      else aliases.push(plainAlias(declaration, nameNode, body));
    }
  }
  return entities;
}

function plainAlias(declaration: Node, nameNode: Node, value: Node): TypeAliasFact {
  return {
    name: nameNode.text,
    typeParams: typeParamsOf(declaration),
    typeExpr: parseTsType(value),
  };
}

/** Local names bound to the zod module: `z` in `import { z }`, `import * as z`, `import z`. */
function zodBindings(imports: ImportFact[]): Set<string> {
  const names = new Set<string>();
  for (const fact of imports) {
    if (fact.reexport || !ZOD_MODULE.test(fact.module)) continue;
    if (fact.namespace) names.add(fact.namespace);
    for (const { name, alias } of fact.names) {
      if (name === 'z' || name === 'default') names.add(alias);
    }
  }
  return names;
}

function importedBindings(imports: ImportFact[]): Set<string> {
  const names = new Set<string>();
  for (const fact of imports) {
    if (fact.reexport) continue;
    if (fact.namespace) names.add(fact.namespace);
    fact.names.forEach(({ alias }) => names.add(alias));
  }
  return names;
}

function bySourcePosition(a: EntityFact, b: EntityFact): number {
  const lines = a.range.start.line - b.range.start.line;
  return lines || a.range.start.character - b.range.start.character;
}
