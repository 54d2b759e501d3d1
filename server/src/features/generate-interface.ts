// The `seam/generateTsInterface` request: TS interfaces for a backend class, naming nested models
// after the TS types that already mirror them.
import { generateTypeScriptInterfaces } from '../core/shapes/generate-typescript';
import type { GenerateTsInterfaceParams, GenerateTsInterfaceResult } from '../protocol';
import type { SeamSession } from '../session/seam-session';
import { analyzeFile } from './feature-context';

export function generateTsInterface(
  session: SeamSession,
  params: GenerateTsInterfaceParams,
): GenerateTsInterfaceResult | null {
  const analysis = analyzeFile(session, params.uri);
  const entity = analysis?.view.entityById.get(params.entity);
  if (!analysis || !entity || entity.language !== 'python') return null;
  const source = generateTypeScriptInterfaces(analysis.view, entity, {
    mirrorOf: (id) => (id === entity.id ? undefined : analysis.mirrors.frontendNameOf(id)),
  });
  return { name: entity.name, source };
}
