// Pydantic model configuration from `model_config = ConfigDict(...)` (or a dict), the v1
// `class Config:` and class keywords (`class A(BaseModel, extra="forbid")`).
import type { Node } from 'web-tree-sitter';
import type { ModelConfigFact } from '../facts';
import { namedChildren, rangeOf } from '../syntax/nodes';
import { booleanValue, readCall, stringValue } from './call-args';
import { scanClassBody, type ClassBody } from './class-body';
import type { ClassHeader } from './class-header';
import { baseName } from './types';

type ConfigEntry = [key: string, value: Node];

const EXTRA_VALUES = new Set(['forbid', 'allow', 'ignore']);

export function readModelConfig(header: ClassHeader, body: ClassBody): ModelConfigFact | undefined {
  const config: ModelConfigFact = {};
  for (const member of body.members) {
    if (member.kind === 'attribute' && member.name === 'model_config' && member.value) {
      applyEntries(config, modelConfigEntries(member.value), member.statement);
    } else if (member.kind === 'class' && member.name === 'Config') {
      applyEntries(config, configClassEntries(member.node), member.node);
    }
  }
  applyEntries(
    config,
    [...header.keywordValues],
    header.classNode.childForFieldName('superclasses'),
  );
  return Object.keys(config).some((key) => key !== 'range') ? config : undefined;
}

function applyEntries(config: ModelConfigFact, entries: ConfigEntry[], source: Node | null): void {
  let applied = false;
  for (const [key, value] of entries) applied = applyConfigEntry(config, key, value) || applied;
  if (applied && source && !config.range) config.range = rangeOf(source);
}

/** `ConfigDict(a=1)` / `SettingsConfigDict(a=1)` keywords, or `{"a": 1}` pairs. */
function modelConfigEntries(value: Node): ConfigEntry[] {
  const call = readCall(value);
  if (call) return [...call.keywords];
  if (value.type !== 'dictionary') return [];
  const entries: ConfigEntry[] = [];
  for (const pair of namedChildren(value)) {
    const key = stringValue(pair.childForFieldName('key'));
    const entryValue = pair.childForFieldName('value');
    if (pair.type === 'pair' && key !== undefined && entryValue) entries.push([key, entryValue]);
  }
  return entries;
}

/** The v1 `class Config:` assignments (`orm_mode = True`, `extra = Extra.forbid`). */
function configClassEntries(classNode: Node): ConfigEntry[] {
  const entries: ConfigEntry[] = [];
  for (const member of scanClassBody(classNode.childForFieldName('body')).members) {
    if (member.kind === 'attribute' && member.value) entries.push([member.name, member.value]);
  }
  return entries;
}

/** Applies one setting, v2 or v1 spelling; returns whether the key was a known setting. */
function applyConfigEntry(config: ModelConfigFact, key: string, value: Node): boolean {
  switch (key) {
    case 'alias_generator':
      config.aliasGenerator = aliasGeneratorName(value);
      return true;
    case 'populate_by_name':
    case 'validate_by_name':
    case 'allow_population_by_field_name':
      return setFlag(config, 'populateByName', value);
    case 'from_attributes':
    case 'orm_mode':
      return setFlag(config, 'fromAttributes', value);
    case 'extra':
      return setExtra(config, value);
    default:
      return false;
  }
}

function setFlag(
  config: ModelConfigFact,
  key: 'populateByName' | 'fromAttributes',
  value: Node,
): boolean {
  const flag = booleanValue(value);
  if (flag === undefined) return false;
  config[key] = flag;
  return true;
}

/** `"forbid"`, `Extra.forbid` or `Extra.forbid.value`-free spellings of the same three values. */
function setExtra(config: ModelConfigFact, value: Node): boolean {
  const text = stringValue(value) ?? baseName(value.text);
  if (!EXTRA_VALUES.has(text)) return false;
  config.extra = text as ModelConfigFact['extra'];
  return true;
}

/**
 * The generator's base name: `to_camel`, `alias_generators.to_camel` → to_camel, and
 * `AliasGenerator(serialization_alias=to_camel)` → to_camel. Anything else as written.
 */
function aliasGeneratorName(value: Node): string {
  const call = readCall(value);
  if (call?.calleeName === 'AliasGenerator') {
    const chosen =
      call.keywords.get('serialization_alias') ??
      call.keywords.get('alias') ??
      call.positional[0] ??
      call.keywords.get('validation_alias');
    if (chosen) return aliasGeneratorName(chosen);
  }
  if (value.type === 'identifier' || value.type === 'attribute') return baseName(value.text);
  return value.text;
}
