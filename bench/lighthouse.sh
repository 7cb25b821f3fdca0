#!/usr/bin/env bash
# Lighthouse (Google's page audit, the npm package, with Debian's Chromium) on the demo site's
# article, home and booking pages, with the phone profile (a mid-range phone on a slow 4G network,
# Lighthouse's default) and the desktop one: performance, accessibility, best practices and SEO
# scores, and the cumulative layout shift it measured. Appends the run to bench/RESULTS.md.
# Targets (issue 20): performance 90 or more on the phone profile; accessibility, best practices
# and SEO 100; layout shift under 0.1. A measurement, not a test: exits 0 whether targets are met.
#
# Environment (all optional):
#   LIGHTHOUSE     the command that runs Lighthouse   (npx --yes lighthouse@12)
#   CHROME_PATH    Chromium                           (/usr/bin/chromium)
#   PORT           the server's port                  (18097)
#   RESULTS_FILE   where the run is appended          (bench/RESULTS.md)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
LIGHTHOUSE="${LIGHTHOUSE:-npx --yes lighthouse@12}"
export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"
PORT="${PORT:-18097}"
RESULTS_FILE="${RESULTS_FILE:-$ROOT/bench/RESULTS.md}"
[ -f target/vertebra.jar ] || mvn -q -B -ntp -DskipTests package
TMP="$(mktemp -d "${TMPDIR:-/tmp}/vertebra-lighthouse.XXXXXX")"
trap 'kill "${PID:-}" 2>/dev/null || true; rm -rf "$TMP"' EXIT

java -jar target/vertebra.jar serve --data "$TMP/data" --port "$PORT" >"$TMP/server.log" 2>&1 &
PID=$!
until curl -s "http://127.0.0.1:$PORT/healthz" | grep -q '"status":"ok"'; do
    kill -0 "$PID" 2>/dev/null || { cat "$TMP/server.log" >&2; exit 1; }
    sleep 0.2
done

ROWS="$TMP/rows.md"
for page in /low-back-pain-when-to-worry/ / /teleconsult/; do
    for profile in phone desktop; do
        preset=()
        [ "$profile" = desktop ] && preset=(--preset=desktop)
        name="$(echo "$page" | tr '/' '_')-$profile"
        # shellcheck disable=SC2086
        $LIGHTHOUSE "http://127.0.0.1:$PORT$page" "${preset[@]}" --quiet --output=json --output-path="$TMP/$name.json" \
            --only-categories=performance,accessibility,best-practices,seo \
            --chrome-flags="--headless=new --no-sandbox --disable-gpu" >/dev/null 2>"$TMP/$name.log" || {
            echo "| $page | $profile | Lighthouse failed: $(tail -1 "$TMP/$name.log") | | | | |" >>"$ROWS"; continue; }
        python3 - "$TMP/$name.json" "$page" "$profile" >>"$ROWS" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
c = report["categories"]
score = lambda k: round(c[k]["score"] * 100)
cls = report["audits"]["cumulative-layout-shift"]["numericValue"]
print(f"| {sys.argv[2]} | {sys.argv[3]} | {score('performance')} | {score('accessibility')} | {score('best-practices')} | {score('seo')} | {cls:.3f} |")
PY
    done
done

{
    echo
    echo "## $(date -u '+%Y-%m-%d %H:%M') UTC — Lighthouse"
    echo
    echo "- machine: $(nproc) cores (load average $(cut -d' ' -f1-3 /proc/loadavg) after)"
    echo "- commit: $(git rev-parse --short HEAD)$(git diff --quiet -- src pom.xml || echo ' (with uncommitted changes)'); Lighthouse $($LIGHTHOUSE --version 2>/dev/null), $("$CHROME_PATH" --version 2>/dev/null)"
    echo "- site: the demo site, first visit (Lighthouse starts each page with an empty cache and no cookies)"
    echo
    echo "| page | profile | performance | accessibility | best practices | SEO | layout shift |"
    echo "|---|---|---:|---:|---:|---:|---:|"
    cat "$ROWS"
    echo
    echo "Targets: performance 90 or more on the phone profile; accessibility, best practices and SEO 100; layout shift under 0.1."
} | tee -a "$RESULTS_FILE"
