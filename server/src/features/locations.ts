// Small helpers over LSP locations shared by definition, references and code lens.
import type { Location } from 'vscode-languageserver/node';

export function uniqueLocations(locations: Location[]): Location[] {
  const seen = new Set<string>();
  return locations.filter((location) => {
    const key = `${location.uri}:${location.range.start.line}:${location.range.start.character}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
