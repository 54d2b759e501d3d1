// Seam's version, injected by the build from package.json.
declare const SEAM_BUILD_VERSION: string | undefined;

export const SEAM_VERSION: string =
  typeof SEAM_BUILD_VERSION === 'string' ? SEAM_BUILD_VERSION : '0.0.0-dev';
