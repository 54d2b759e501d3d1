// Pydantic's built-in alias generators, applied to field names statically. Unknown generators
// (user functions) leave names as they are, and the field is marked as having an unknown alias.

export function applyAliasGenerator(generator: string, name: string): string | undefined {
  switch (generator) {
    case 'to_camel':
    case 'to_lower_camel':
    case 'camelize':
      return toCamel(name);
    case 'to_pascal':
      return toPascal(name);
    case 'to_snake':
      return toSnake(name);
    default:
      return undefined;
  }
}

/** `part_number` → `partNumber`, as pydantic.alias_generators.to_camel does. */
export function toCamel(name: string): string {
  const pascal = toPascal(name);
  return pascal.charAt(0).toLowerCase() + pascal.slice(1);
}

export function toPascal(name: string): string {
  return name
    .split('_')
    .filter(Boolean)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}

export function toSnake(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .toLowerCase();
}
