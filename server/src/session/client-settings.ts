// The editor's `seam.*` settings, validated like seam.json and merged under it: a key that a
// root's seam.json sets wins over the setting. A bad setting is reported and its default used.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  DEFAULT_CONFIG,
  parseSeamConfig,
  type ParsedConfig,
  type SeamConfig,
} from '../core/config/seam-config';
import { CONFIG_FILE } from '../workspace/load-config';

export interface ClientSettings {
  enable: boolean;
  config: SeamConfig;
}

export const DEFAULT_SETTINGS: ClientSettings = { enable: true, config: DEFAULT_CONFIG };

const SETTINGS_SOURCE = 'settings (seam.*)';

/** `raw` is the `seam` section as the client sends it (`{ enable, rules, pairing, ... }`). */
export function parseClientSettings(raw: unknown): {
  settings: ClientSettings;
  problems: string[];
} {
  if (raw === undefined || raw === null) return { settings: DEFAULT_SETTINGS, problems: [] };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    return { settings: DEFAULT_SETTINGS, problems: [`${SETTINGS_SOURCE}: expected an object`] };
  }
  const section = raw as Record<string, unknown>;
  const problems: string[] = [];
  const enable = section.enable ?? true;
  if (typeof enable !== 'boolean')
    problems.push(`${SETTINGS_SOURCE}: enable: expected true or false`);

  const subset: Record<string, unknown> = {};
  for (const key of ['rules', 'pairing', 'include', 'exclude']) {
    if (section[key] !== undefined && section[key] !== null) subset[key] = section[key];
  }
  const parsed = parseSeamConfig(JSON.stringify(subset), SETTINGS_SOURCE);
  return {
    settings: { enable: typeof enable === 'boolean' ? enable : true, config: parsed.config },
    problems: [...problems, ...parsed.problems],
  };
}

/** The keys a root's seam.json sets (`rules`, `pairing.threshold`, `include`...). */
export function seamJsonKeys(root: string): Set<string> {
  try {
    const raw: unknown = JSON.parse(readFileSync(join(root, CONFIG_FILE), 'utf8'));
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return new Set();
    const keys = new Set(Object.keys(raw));
    const pairing = (raw as Record<string, unknown>).pairing;
    if (typeof pairing === 'object' && pairing !== null && 'threshold' in pairing)
      keys.add('pairing.threshold');
    return keys;
  } catch {
    return new Set();
  }
}

/** seam.json over the settings: per rule for `rules`, per key for the rest. */
export function mergeConfig(
  settings: ClientSettings,
  seamJson: ParsedConfig,
  keys: Set<string>,
): SeamConfig {
  const fromSettings = settings.config;
  const fromFile = seamJson.config;
  return {
    rules: { ...fromSettings.rules, ...fromFile.rules },
    threshold: keys.has('pairing.threshold') ? fromFile.threshold : fromSettings.threshold,
    pairs: fromFile.pairs,
    include: keys.has('include') ? fromFile.include : fromSettings.include,
    exclude: keys.has('exclude') ? fromFile.exclude : fromSettings.exclude,
    ...(fromFile.sqliteMinVersion ? { sqliteMinVersion: fromFile.sqliteMinVersion } : {}),
  };
}
