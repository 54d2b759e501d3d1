// Completes frontend API calls across files: substitutes imported URL constants, prepends the
// base URL of the axios instance a call goes through, and turns calls of wrapper functions
// defined elsewhere into calls with a method and a path.
import type {
  CallFact,
  ConstantFact,
  FileFacts,
  HttpWrapperFact,
  UnresolvedCallFact,
} from '../facts';
import type { Pausable } from '../pausable';
import type { ResolvedCall } from './resolved';
import { typeText } from './type-substitution';
import type { TypeScriptModules } from './typescript-modules';
import { joinUrlPaths, stripOrigin } from './url-paths';

const CONSTANT_PLACEHOLDER = /^\{const:([\w$.]+)\}/;
const MAX_SUBSTITUTIONS = 5;

export class CallResolver {
  constructor(
    private readonly facts: ReadonlyMap<string, FileFacts>,
    private readonly modules: TypeScriptModules,
  ) {}

  /** Every call of the workspace; pauses after each file that makes some. */
  *resolveAll(): Pausable<ResolvedCall[]> {
    const calls: ResolvedCall[] = [];
    for (const fileFacts of this.facts.values()) {
      if (!fileFacts.calls.length && !fileFacts.unresolvedCalls.length) continue;
      for (const call of fileFacts.calls) calls.push(this.complete(call));
      for (const unresolved of fileFacts.unresolvedCalls) {
        const call = this.fromWrapper(unresolved);
        if (call) calls.push(this.complete(call));
      }
      yield;
    }
    return calls;
  }

  private complete(call: CallFact): ResolvedCall {
    const path = this.substituteConstants(call.file, call.path);
    // The extractor already put a same-file instance's base URL in the path.
    const instance = this.axiosInstance(call.file, call.via);
    if (!instance || instance.file === call.file) {
      return { ...call, path: path.value, unknownPrefix: call.unknownPrefix || path.unknown };
    }
    const base = this.substituteConstants(instance.file, instance.constant.value);
    const baseUrl = stripOrigin(base.value);
    const unknown = !!instance.constant.unknownPrefix || base.unknown;
    return {
      ...call,
      path: call.unknownPrefix || path.unknown ? path.value : joinUrlPaths(baseUrl, path.value),
      unknownPrefix: call.unknownPrefix || path.unknown || unknown,
      baseUrl,
    };
  }

  /** Replaces a leading `{const:NAME}` with the value of the constant it imports. */
  private substituteConstants(file: string, path: string): { value: string; unknown: boolean } {
    let value = path;
    for (let i = 0; i < MAX_SUBSTITUTIONS; i++) {
      const match = CONSTANT_PLACEHOLDER.exec(value);
      if (!match) return { value, unknown: false };
      const constant = this.constantNamed(file, match[1]);
      if (!constant || constant.constant.unknownPrefix) {
        const rest = value.slice(match[0].length);
        return {
          value: constant ? joinUrlPaths(stripOrigin(constant.constant.value), rest) : rest,
          unknown: true,
        };
      }
      value = joinUrlPaths(stripOrigin(constant.constant.value), value.slice(match[0].length));
      file = constant.file;
    }
    return { value, unknown: true };
  }

  private constantNamed(file: string, name: string) {
    const symbol = this.modules.resolveDotted(file, name);
    if (symbol.kind !== 'name') return undefined;
    const constant = this.facts.get(symbol.file)?.constants.find((c) => c.name === symbol.name);
    return constant ? { file: symbol.file, constant } : undefined;
  }

  /** The axios instance a call goes through (`api.get` with `api = axios.create(...)`). */
  private axiosInstance(
    file: string,
    via: string,
  ): { file: string; constant: ConstantFact } | undefined {
    const receiver = via.replace(/^this\./, '');
    const found = this.constantNamed(file, receiver) ?? this.defaultImportInstance(file, receiver);
    return found?.constant.kind === 'axios-instance' ? found : undefined;
  }

  /** `import api from './client'` where client.ts default-exports its only axios instance. */
  private defaultImportInstance(file: string, localName: string) {
    const statement = this.facts
      .get(file)
      ?.imports.find((s) => s.names.some((n) => n.name === 'default' && n.alias === localName));
    const target = statement && this.modules.resolveModule(file, statement.module);
    const instances = target
      ? this.facts.get(target)!.constants.filter((c) => c.kind === 'axios-instance')
      : [];
    return instances.length === 1 ? { file: target!, constant: instances[0] } : undefined;
  }

  private fromWrapper(call: UnresolvedCallFact): CallFact | undefined {
    const symbol = this.modules.resolveDotted(call.file, call.callee);
    if (symbol.kind !== 'name') return undefined;
    const wrapper = this.facts.get(symbol.file)?.wrappers.find((w) => w.name === symbol.name);
    const urlArgument = wrapper && call.argPaths[wrapper.urlParam];
    if (!wrapper || !urlArgument) return undefined;
    const method = wrapper.method ?? methodFromArgument(call, wrapper);
    if (!method) return undefined;

    const responseType = responseTypeOf(call, wrapper);
    const requestType = wrapper.bodyParam !== undefined ? call.argTypes[wrapper.bodyParam] : null;
    return {
      method,
      path: joinUrlPaths(
        this.substituteConstants(symbol.file, wrapper.urlPrefix).value,
        urlArgument.path,
      ),
      unknownPrefix: wrapper.unknownPrefix || urlArgument.unknownPrefix,
      file: call.file,
      range: call.range,
      via: call.callee,
      responseType,
      responseTypeText: responseType && typeText(responseType, 'typescript'),
      requestType: requestType ?? undefined,
      requestTypeText: requestType ? typeText(requestType, 'typescript') : undefined,
    };
  }
}

function methodFromArgument(call: UnresolvedCallFact, wrapper: HttpWrapperFact) {
  if (wrapper.methodParam === undefined) return undefined;
  const text = call.argStrings[wrapper.methodParam]?.toUpperCase();
  const methods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const;
  return methods.find((method) => method === text);
}

function responseTypeOf(call: UnresolvedCallFact, wrapper: HttpWrapperFact) {
  if (wrapper.responseTypeParam !== undefined && call.typeArgs[wrapper.responseTypeParam]) {
    return call.typeArgs[wrapper.responseTypeParam];
  }
  return wrapper.responseType ?? call.resultType;
}
