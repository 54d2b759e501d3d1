#!/usr/bin/env bash
# Installs code-server (VS Code in the browser) for the end-to-end tests into a cache folder
# outside the repository, from the npm registry only. Prints the code-server entry point.
#
# The cache folder is $SEAM_E2E_CACHE, else $HOME/.cache/seam-e2e. A finished install is
# reused; a failed one leaves nothing behind. Needs the Debian packages ripgrep and libkrb5-dev
# (and a C++ toolchain): code-server's native modules are compiled here, against the headers of
# the Node.js that runs it, because no prebuilt binary may be downloaded from outside npm.
set -euo pipefail

version=4.100.3
cache="${SEAM_E2E_CACHE:-$HOME/.cache/seam-e2e}"
target="$cache/code-server-$version"
entry="$target/node_modules/code-server/out/node/entry.js"

fail() {
  echo "install-code-server: $*" >&2
  exit 1
}

if [[ -f "$target/.installed" && -f "$entry" ]]; then
  echo "$entry"
  exit 0
fi

# code-server 4.100 runs on Node 20 only; its own install script refuses any other.
node_major="$(node -p 'process.versions.node.split(".")[0]')"
[[ "$node_major" == 20 ]] || fail "code-server $version needs Node 20, found $(node --version)"
rg_path="$(command -v rg)" || fail "ripgrep is missing: apt-get install -y ripgrep"
[[ -f /usr/include/krb5.h || -f /usr/include/krb5/krb5.h ]] ||
  fail "Kerberos headers are missing: apt-get install -y libkrb5-dev"
command -v g++ > /dev/null && command -v make > /dev/null ||
  fail "a C++ toolchain is missing: apt-get install -y g++ make"

# node-gyp compiles against these headers instead of downloading them from nodejs.org.
node_prefix="$(dirname "$(dirname "$(readlink -f "$(command -v node)")")")"
[[ -f "$node_prefix/include/node/node_version.h" ]] ||
  fail "Node.js headers not found under $node_prefix/include/node"

staging="$cache/staging-$$"
trap 'rm -rf "$staging"' EXIT
mkdir -p "$staging/tmp"
echo '{ "private": true }' > "$staging/package.json"

# @vscode/ripgrep's install step looks in its download cache (under the temporary folder)
# before it asks GitHub; a cached archive holding a link to the system's rg answers it.
ripgrep_cache="$staging/tmp/vscode-ripgrep-cache-1.15.11"
mkdir -p "$ripgrep_cache/archive"
ln -s "$rg_path" "$ripgrep_cache/archive/rg"
tar -czf "$ripgrep_cache/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" \
  -C "$ripgrep_cache/archive" rg

started=$SECONDS
(
  cd "$staging"
  # Root needs unsafe-perm for code-server's postinstall; node-pty's runs `npx node-gyp`, which
  # must not prompt; build-from-source keeps kerberos's prebuild-install from going to GitHub.
  export TMPDIR="$staging/tmp" \
    npm_config_unsafe_perm=true \
    npm_config_yes=true \
    npm_config_nodedir="$node_prefix" \
    npm_config_build_from_source=true \
    JOBS=max
  npm install --no-audit --no-fund --omit=dev "code-server@$version"
) || fail "npm install code-server@$version failed (see the log above)"

[[ -f "$staging/node_modules/code-server/out/node/entry.js" ]] ||
  fail "code-server's entry point is missing after the install"
rm -rf "$staging/tmp" "$target"
mv "$staging" "$target"
touch "$target/.installed"
echo "install-code-server: installed code-server $version in $((SECONDS - started)) s" >&2
echo "$entry"
