// seam.json: per-rule severities, the pairing threshold, explicit pairs and file filters. A bad
// value is reported once with where it is and what was expected, and its default is used.
import type { Severity } from '../findings/finding';
import type { ExplicitPair, PairDirection } from '../pairing/pairs';
import { RULES } from '../rules/registry';

export type RuleSetting = Severity | 'off';

export interface SeamConfig {
  rules: Record<string, RuleSetting>;
  threshold: number;
  pairs: ExplicitPair[];
  include: string[];
  exclude: string[];
  /** The oldest SQLite the project supports (`migrations.sqliteMinVersion`), for the review. */
  sqliteMinVersion?: string;
}

export const DEFAULT_CONFIG: SeamConfig = {
  rules: {},
  threshold: 0.6,
  pairs: [],
  include: [],
  exclude: [],
};

const SETTINGS = new Set(['error', 'warning', 'information', 'hint', 'off']);
const DIRECTIONS = new Set(['response', 'request', 'both']);

export interface ParsedConfig {
  config: SeamConfig;
  /** One line per problem, e.g. `seam.json: rules.foo: unknown rule`. */
  problems: string[];
}

export function parseSeamConfig(text: string, source = 'seam.json'): ParsedConfig {
  const problems: string[] = [];
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      config: DEFAULT_CONFIG,
      problems: [`${source}: not valid JSON (${reason}); using defaults`],
    };
  }
  if (!isObject(raw)) {
    return { config: DEFAULT_CONFIG, problems: [`${source}: expected an object; using defaults`] };
  }
  const report = (path: string, message: string) => problems.push(`${source}: ${path}: ${message}`);
  const config: SeamConfig = {
    rules: readRules(raw.rules, report),
    threshold: readThreshold(raw, report),
    pairs: readPairs(raw.pairs, report, source),
    include: readStrings(raw.include, 'include', report),
    exclude: readStrings(raw.exclude, 'exclude', report),
  };
  const sqliteMinVersion = readSqliteMinVersion(raw.migrations, report);
  if (sqliteMinVersion) config.sqliteMinVersion = sqliteMinVersion;
  for (const key of Object.keys(raw)) {
    if (!KNOWN_KEYS.includes(key)) {
      report(key, 'unknown setting, ignored');
    }
  }
  return { config, problems };
}

type Report = (path: string, message: string) => void;

/** The top-level keys of seam.json (schemas/seam.schema.json describes the same). */
export const KNOWN_KEYS = [
  '$schema',
  'rules',
  'pairing',
  'pairs',
  'include',
  'exclude',
  'migrations',
];

/** `"migrations": {"sqliteMinVersion": "3.31"}`: a dotted version of two or three numbers. */
function readSqliteMinVersion(value: unknown, report: Report): string | undefined {
  if (value === undefined) return undefined;
  if (!isObject(value)) return (report('migrations', 'expected an object'), undefined);
  for (const key of Object.keys(value)) {
    if (key !== 'sqliteMinVersion') report(`migrations.${key}`, 'unknown setting, ignored');
  }
  const version = value.sqliteMinVersion;
  if (version === undefined) return undefined;
  if (typeof version !== 'string' || !/^\d+\.\d+(\.\d+)?$/.test(version)) {
    report('migrations.sqliteMinVersion', 'expected a version such as "3.31" or "3.35.5"');
    return undefined;
  }
  return version;
}

function readRules(value: unknown, report: Report): Record<string, RuleSetting> {
  if (value === undefined) return {};
  if (!isObject(value)) return (report('rules', 'expected an object of rule ids'), {});
  const rules: Record<string, RuleSetting> = {};
  for (const [id, setting] of Object.entries(value)) {
    if (!RULES.some((rule) => rule.id === id)) report(`rules.${id}`, 'unknown rule, ignored');
    else if (typeof setting !== 'string' || !SETTINGS.has(setting)) {
      report(`rules.${id}`, `expected one of ${[...SETTINGS].join(', ')}`);
    } else rules[id] = setting as RuleSetting;
  }
  return rules;
}

function readThreshold(raw: Record<string, unknown>, report: Report): number {
  const pairing = raw.pairing;
  if (pairing === undefined) return DEFAULT_CONFIG.threshold;
  const threshold = isObject(pairing) ? pairing.threshold : undefined;
  if (threshold === undefined) return DEFAULT_CONFIG.threshold;
  if (typeof threshold !== 'number' || threshold < 0 || threshold > 1) {
    report('pairing.threshold', 'expected a number between 0 and 1');
    return DEFAULT_CONFIG.threshold;
  }
  return threshold;
}

function readPairs(value: unknown, report: Report, source: string): ExplicitPair[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) return (report('pairs', 'expected an array'), []);
  const pairs: ExplicitPair[] = [];
  value.forEach((item, i) => {
    const valid =
      isObject(item) &&
      typeof item.frontend === 'string' &&
      typeof item.backend === 'string' &&
      (item.direction === undefined || DIRECTIONS.has(item.direction as string));
    if (!valid) {
      report(
        `pairs[${i}]`,
        'expected {"frontend": "path#Name", "backend": "path#Class", "direction"?}',
      );
      return;
    }
    pairs.push({
      frontend: item.frontend as string,
      backend: item.backend as string,
      direction: item.direction as PairDirection | undefined,
      source,
    });
  });
  return pairs;
}

function readStrings(value: unknown, path: string, report: Report): string[] {
  if (value === undefined) return [];
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value;
  report(path, 'expected an array of glob strings');
  return [];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
