#!/usr/bin/env bash
# Installs a small Composer project offline with Debian's composer, from path repositories (packagist disabled), so
# composer itself writes composer.lock and vendor/composer/installed.json (Composer 2 format), with a require-dev
# package, licenses as a string and as a list, and platform requirements.
# Usage: composer-project.sh OUT_DIR. Writes OUT_DIR/project (composer.lock, vendor/composer/installed.json) and
#   show-locked.json, show-locked-no-dev.json, show-installed.json, licenses.json, show-http.json: composer's answers.
set -euo pipefail
out=$1
rm -rf "$out/project"
mkdir -p "$out/project"
cd "$out/project"
export COMPOSER_HOME=$out/.composer-home COMPOSER_DISABLE_NETWORK=1 COMPOSER_NO_INTERACTION=1
mkdir -p pkgs/http pkgs/log pkgs/devtool
cat > pkgs/http/composer.json <<'EOF'
{"name": "acme/http", "version": "2.1.0", "license": "MIT",
 "require": {"php": ">=7.4", "acme/log": "^1.0", "ext-json": "*"}}
EOF
cat > pkgs/log/composer.json <<'EOF'
{"name": "acme/log", "version": "1.3.2", "license": ["MIT", "Apache-2.0"]}
EOF
cat > pkgs/devtool/composer.json <<'EOF'
{"name": "acme/devtool", "version": "0.9.0", "license": "BSD-3-Clause", "require": {"acme/log": "^1.0"}}
EOF
cat > composer.json <<'EOF'
{"name": "acme/app", "require": {"acme/http": "^2.0"}, "require-dev": {"acme/devtool": "^0.9"},
 "repositories": [{"type": "path", "url": "pkgs/*", "options": {"symlink": false}}, {"packagist.org": false}]}
EOF
composer install --no-progress 2> "$out/composer-install.log"
composer show --locked --format=json > "$out/show-locked.json"
composer show --locked --no-dev --format=json > "$out/show-locked-no-dev.json"
composer show --format=json > "$out/show-installed.json"
composer licenses --format=json > "$out/licenses.json"
composer show --locked acme/http --format=json > "$out/show-http.json"
touch "$out/.complete"
