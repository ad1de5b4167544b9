#!/usr/bin/env bash
# Checks the npm package as a user gets it: `npm pack`, then in an empty folder
# `npm install --offline <tarball>` (from npm's cache; where the cache lacks a
# dependency, again with --prefer-offline, saying so),
# `npx versus init`, `npx versus build` (with the slide images). Fails when the tarball holds source
# maps or lacks LICENSE, when it is 8 MB or more unpacked, when the install
# prints a warning (npm's "npm warn" lines) or runs a script of versus, or when
# init or build fails.
#
#   bash scripts/check-package.sh        # about a minute; prints the sizes
set -euo pipefail
cd "$(dirname "$0")/.."

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

npm pack --silent --pack-destination "$work" --json >"$work/pack.json"
tarball="$work/$(node -e 'console.log(require(process.argv[1])[0].filename)' "$work/pack.json")"
node -e '
  const [{ files, size, unpackedSize }] = require(process.argv[1]);
  const maps = files.filter((f) => f.path.endsWith(".map"));
  console.log(`package: ${files.length} files, ${(size / 1e6).toFixed(2)} MB packed, ${(unpackedSize / 1e6).toFixed(2)} MB unpacked`);
  if (maps.length) throw new Error(`source maps in the package: ${maps.map((f) => f.path).join(", ")}`);
  if (!files.some((f) => f.path === "LICENSE")) throw new Error("no LICENSE in the package");
  if (unpackedSize >= 8e6) throw new Error("the package is 8 MB or more unpacked");
' "$work/pack.json"

mkdir "$work/user"
cd "$work/user"
npm init -y >/dev/null
# The tarball's own scripts must not run at install (npm runs a dependency's install scripts, not prepack).
if ! npm install --offline --no-audit --no-fund --foreground-scripts "$tarball" >"$work/install.log" 2>&1; then
  echo "check-package: npm's cache lacks a dependency; installing with --prefer-offline instead" >&2
  rm -rf node_modules package-lock.json
  npm install --prefer-offline --no-audit --no-fund --foreground-scripts "$tarball" >"$work/install.log" 2>&1 ||
    { cat "$work/install.log"; exit 1; }
fi
cat "$work/install.log"
if grep -i "warn" "$work/install.log"; then
  echo "check-package: the install printed a warning (above)" >&2
  exit 1
fi
if grep -E "> versus@.* (prepare|install|postinstall|preinstall)" "$work/install.log"; then
  echo "check-package: the install ran a script of versus" >&2
  exit 1
fi

npx --no versus init --contenders "Tea,Coffee" >/dev/null
# The default formats and the slide images, which the package draws in a worker of their own (lib/export/rasterize-worker.js).
NO_COLOR=1 npx --no versus build outline.yaml --out dist --formats md,html,pdf,handout,runsheet,png
ls dist
ls dist/*.001.png >/dev/null
echo "check-package: pack, install, init and build work"
