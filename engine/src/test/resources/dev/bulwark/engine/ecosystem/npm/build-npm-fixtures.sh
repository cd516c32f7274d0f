#!/usr/bin/env bash
# Builds real npm, Yarn and pnpm installs of one project into $1, with each tool's own listing beside its lockfile.
# Run by NpmFixtures (cached by a hash of this script); needs node 20+, npm and network access to the npm registry.
set -euo pipefail
out=$1
export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false YARN_ENABLE_TELEMETRY=0 \
  COREPACK_ENABLE_STRICT=0 YARN_ENABLE_IMMUTABLE_INSTALLS=false
manifest='{"name":"fixture","version":"1.0.0","private":true,
 "dependencies":{"lodash":"4.17.15","express":"4.21.2"},
 "devDependencies":{"typescript":"5.4.5","chalk":"4.1.2"}}'
project() { mkdir -p "$out/$1"; printf '%s\n' "$manifest" > "$out/$1/package.json"; cd "$out/$1"; }

project npm-v3
npm install --ignore-scripts --lockfile-version 3 >/dev/null
npm ls --all --json --long > ls.json
for v in 1 2; do
  project npm-v$v
  npm install --ignore-scripts --lockfile-version $v >/dev/null
  rm -rf node_modules
done

project yarn-classic
npx -y yarn@1.22.22 install --ignore-scripts --non-interactive --no-progress >/dev/null
npx -y yarn@1.22.22 list --json > list.json
rm -rf node_modules

project yarn-berry
npx -y @yarnpkg/cli-dist@4.5.3 install --mode=skip-build >/dev/null
npx -y @yarnpkg/cli-dist@4.5.3 info -AR --json > info.json
rm -rf node_modules .yarn .pnp.cjs .pnp.loader.mjs

for v in 9.15.4 8.15.9 7.33.7; do
  project pnpm-${v%%.*}
  npx -y pnpm@$v install --ignore-scripts >/dev/null
  npx -y pnpm@$v ls --depth Infinity --json > ls.json
  rm -rf node_modules
done
touch "$out/.complete"
