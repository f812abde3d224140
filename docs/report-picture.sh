#!/usr/bin/env bash
# docs/report.png: the first screen (1280x800) of a committed example's report in headless
# Chromium, and docs/report.png.source: the page it shows and that page's SHA-256, which
# ReportPictureTest compares with the page as committed (the picture is stale when they differ).
#   docs/report-picture.sh [EXAMPLE]        (default workers-vs-threads)
# Needs chromium (Debian: apt-get install chromium).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
EXAMPLE="${1:-workers-vs-threads}"
PAGE="reports/examples/$EXAMPLE/index.html"
[[ -f "$ROOT/$PAGE" ]] || { echo "report-picture: no $PAGE (an example under reports/examples/)" >&2; exit 2; }
command -v chromium >/dev/null || { echo "report-picture: chromium not found (apt-get install chromium)" >&2; exit 2; }
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$tmp/profile" \
  --window-size=1280,800 --screenshot="$tmp/report.png" "file://$ROOT/$PAGE" >/dev/null 2>&1
[[ -s "$tmp/report.png" ]] || { echo "report-picture: chromium wrote no screenshot" >&2; exit 1; }
mv "$tmp/report.png" "$ROOT/docs/report.png"
echo "$PAGE $(sha256sum "$ROOT/$PAGE" | cut -d' ' -f1)" > "$ROOT/docs/report.png.source"
echo "docs/report.png: the first screen of $PAGE"
