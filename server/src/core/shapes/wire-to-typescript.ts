// Writes a wire type as TS source, for quick fixes that add or retype a TS field. Objects use the
// TS type that mirrors the backend model when one is known.
import type { WireType } from './wire-type';

export function typeScriptForWire(
  type: WireType,
  mirrorOf: (backendEntityId: string) => string | undefined = () => undefined,
): string {
  switch (type.kind) {
    case 'string':
    case 'number':
    case 'boolean':
    case 'null':
      return type.kind;
    case 'literal':
      return typeof type.value === 'string'
        ? `'${type.value.replace(/'/g, "\\'")}'`
        : String(type.value);
    case 'array': {
      const element = typeScriptForWire(type.element, mirrorOf);
      return /[|&\s]/.test(element) ? `(${element})[]` : `${element}[]`;
    }
    case 'object':
      return (type.entity && mirrorOf(type.entity)) ?? 'Record<string, unknown>';
    case 'record':
      return `Record<string, ${typeScriptForWire(type.value, mirrorOf)}>`;
    case 'union':
      return type.members.map((member) => typeScriptForWire(member, mirrorOf)).join(' | ');
    case 'date-object':
      return 'string';
    case 'any':
      return 'unknown';
  }
}
