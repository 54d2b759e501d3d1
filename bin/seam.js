#!/usr/bin/env node
// The Seam CLI. The code lives in the bundle that `npm run build` (run by `npm ci`) produces.
require('../dist/cli.js');
