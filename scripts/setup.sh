#!/usr/bin/env bash
# Sets up versus on a fresh Debian/Ubuntu machine, then builds the talk.
#
#   bash scripts/setup.sh            # install everything, build outline.yaml into dist/
#   bash scripts/setup.sh --no-build # install only (used by .ci/run)
#
# Installs, with apt (through sudo when not root), only what is missing:
#   - chromium, unless CHROME_PATH or a Chrome/Chromium is already installed
#     (PDF and handout exports and the browser tests print through it);
#   - chromium-headless-shell, Chromium's build for automation, unless CHROME_PATH
#     is set: versus prefers it, as it exports in half the time of the full browser;
#   - poppler-utils (pdfinfo, pdftoppm: inspect PDFs, render pages to PNG);
#   - mupdf-tools (mutool: draws the slide images from the slide PDF, about three times
#     faster than Chromium's screenshots; versus runs it as a program, never links it, as
#     its AGPL licence asks; without it, the images are screenshotted);
#   - fonts the themes name (Liberation, DejaVu, Noto Color Emoji, Noto CJK for Chinese,
#     Japanese and Korean text, which would otherwise show as empty boxes).
# Then `npm ci` and `npm run build` (tsc, then scripts/bundle.js bundles the CLI into lib/).
set -euo pipefail
cd "$(dirname "$0")/.."

build=1
[ "${1:-}" = "--no-build" ] && build=0

have_browser() {
  if [ -n "${CHROME_PATH:-}" ] && [ -x "$CHROME_PATH" ]; then return 0; fi
  for candidate in chromium-headless-shell chromium chromium-browser google-chrome-stable google-chrome; do
    command -v "$candidate" >/dev/null 2>&1 && return 0
  done
  return 1
}

# grep without -q reads all of fc-list's output, so pipefail sees no SIGPIPE.
has_font() { command -v fc-list >/dev/null 2>&1 && fc-list : family | grep -F "$1" >/dev/null; }

packages=()
if have_browser; then
  echo "setup: using the browser already installed"
else
  packages+=(chromium)
fi
if [ -z "${CHROME_PATH:-}" ] && ! command -v chromium-headless-shell >/dev/null 2>&1; then
  packages+=(chromium-headless-shell)
fi
command -v pdftoppm >/dev/null 2>&1 || packages+=(poppler-utils)
command -v mutool >/dev/null 2>&1 || packages+=(mupdf-tools)
has_font 'Liberation Sans' || packages+=(fonts-liberation)
has_font 'DejaVu Sans Mono' || packages+=(fonts-dejavu-core)
has_font 'Noto Color Emoji' || packages+=(fonts-noto-color-emoji)
has_font 'Noto Sans CJK SC' || packages+=(fonts-noto-cjk)

if [ "${#packages[@]}" -gt 0 ]; then
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "setup: please install ${packages[*]} (no apt-get here); or set CHROME_PATH to a Chrome/Chromium" >&2
    exit 1
  fi
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "setup: installing ${packages[*]} with apt-get"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
fi

echo "setup: npm ci, npm run build"
npm ci --no-audit --no-fund
npm run --silent build

if [ "$build" -eq 1 ]; then
  echo "setup: building the talk from outline.yaml into dist/"
  node lib/cli.js build outline.yaml --out dist
fi
