// Reads seam.json from a workspace root. A missing file means defaults; a bad one is reported
// once (by the caller) and its bad parts fall back to defaults.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_CONFIG, parseSeamConfig, type ParsedConfig } from '../core/config/seam-config';

export const CONFIG_FILE = 'seam.json';

export function loadSeamConfig(root: string): ParsedConfig {
  const path = join(root, CONFIG_FILE);
  if (!existsSync(path)) return { config: DEFAULT_CONFIG, problems: [] };
  try {
    // Windows editors may save a byte order mark, which JSON.parse rejects.
    return parseSeamConfig(readFileSync(path, 'utf8').replace(/^\ufeff/, ''), CONFIG_FILE);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { config: DEFAULT_CONFIG, problems: [`${CONFIG_FILE}: unreadable (${reason})`] };
  }
}
