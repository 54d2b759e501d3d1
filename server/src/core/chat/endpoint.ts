// Where a chat request goes: the chat-completions URL of an OpenAI-compatible endpoint, and
// whether that endpoint is this machine (so nothing of the user's source leaves it).

/**
 * `http://127.0.0.1:11434` → `http://127.0.0.1:11434/v1/chat/completions`. An endpoint that
 * already ends with `/chat/completions` is used as it is, and one ending with `/v1` (the usual
 * way base URLs are written) only gets `/chat/completions`.
 */
export function chatCompletionsUrl(endpoint: string): URL {
  const url = new URL(endpoint.trim());
  const path = url.pathname.replace(/\/+$/, '');
  if (/\/chat\/completions$/.test(path)) url.pathname = path;
  else if (/\/v1$/.test(path)) url.pathname = `${path}/chat/completions`;
  else url.pathname = `${path}/v1/chat/completions`;
  return url;
}

/** The endpoint's URL, or a one-line reason why it is not one Seam can post to. */
export function parseEndpoint(endpoint: string): { url: URL } | { problem: string } {
  let url: URL;
  try {
    url = chatCompletionsUrl(endpoint);
  } catch {
    return { problem: `"${endpoint}" is not a URL; write it like http://127.0.0.1:11434` };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return { problem: `"${endpoint}" is not an http or https URL` };
  return { url };
}

/** True for localhost, 127.0.0.0/8 and ::1: the request stays on this machine. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (host === '::1' || host === '0:0:0:0:0:0:0:1') return true;
  // An IPv4-mapped IPv6 address: URL writes ::ffff:127.0.0.1 as ::ffff:7f00:1.
  if (/^::ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4}$/.test(host)) return true;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(host)?.[1] ?? host;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(mapped);
}

export function isLoopbackEndpoint(endpoint: string): boolean {
  try {
    return isLoopbackHost(new URL(endpoint.trim()).hostname);
  } catch {
    return false;
  }
}
