// URL path helpers shared by routes and calls: joining prefixes, and the canonical form used to
// match a frontend call against a backend route.

/** Joins URL path pieces with one slash between them: ('/api/', '/parts') → '/api/parts'. */
export function joinUrlPaths(...pieces: string[]): string {
  let result = '';
  for (const piece of pieces) {
    if (!piece) continue;
    if (!result) result = piece;
    else if (result.endsWith('/') && piece.startsWith('/')) result += piece.slice(1);
    else if (!result.endsWith('/') && !piece.startsWith('/')) result += `/${piece}`;
    else result += piece;
  }
  return result || '/';
}

/** Drops the scheme and host of an absolute URL: 'http://localhost:8000/api' → '/api'. */
export function stripOrigin(url: string): string {
  const match = /^[a-z][a-z0-9+.-]*:\/\/[^/]*/i.exec(url);
  return match ? url.slice(match[0].length) || '/' : url;
}

/**
 * The form paths are compared in: no trailing slash, every `{name}` parameter as `{}` (a path
 * converter such as `{file_path:path}` too).
 */
export function canonicalPath(path: string): string {
  const withoutQuery = path.replace(/[?#].*$/, '');
  const params = withoutQuery.replace(/\{[^}]*\}/g, '{}');
  const trimmed = params.length > 1 ? params.replace(/\/+$/, '') : params;
  return trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
}
