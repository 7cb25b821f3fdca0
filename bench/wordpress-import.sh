#!/usr/bin/env bash
# WordPress import benchmark: generates an export of POSTS block-editor posts (PARAGRAPHS
# paragraphs each, with COMMENTS threaded comments) and imports it with `import-wordpress` into
# a fresh SQLite site, in a JVM limited to HEAP. Prints the time and the peak heap that the
# garbage collector saw in use (and the live heap after collections, in the first and the second half
# of the run, to show whether it grows with the export), checks the targets (under 60 s for 10,000
# posts, under 600 s for more; under 512 MB) and appends the
# run to bench/RESULTS.md. A measurement, not a test: exits 0 whether targets pass or miss.
#
# Environment (all optional):
#   POSTS          posts in the export                  (10000)
#   PARAGRAPHS     paragraphs per post                  (20; 140 makes a 500 MB export)
#   COMMENTS       comments per post, in threads of three (5)
#   HEAP           the importing JVM's -Xmx             (512m)
#   RESULTS_FILE   where the run is appended            (bench/RESULTS.md)
#   JAVA_OPTS      more options for the importing JVM (a JFR recording, say)
#   NOTE           a line for the results (what changed)
#   KEEP_TMP=1     keep the temporary directory
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
POSTS="${POSTS:-10000}"
PARAGRAPHS="${PARAGRAPHS:-20}"
COMMENTS="${COMMENTS:-5}"
HEAP="${HEAP:-512m}"
RESULTS_FILE="${RESULTS_FILE:-$ROOT/bench/RESULTS.md}"
# The issue's targets: 10,000 posts under a minute; 100,000 (any run larger than 10,000) under ten.
TIME_TARGET_S=$([[ "$POSTS" -gt 10000 ]] && echo 600 || echo 60)
HEAP_TARGET_MB=512

echo "== compiling (mvn -q -B test-compile) and resolving the classpath"
mvn -q -B -ntp -DskipTests test-compile
CP_FILE="$(mktemp)"
mvn -q -B -ntp dependency:build-classpath -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=test >/dev/null
CP="$ROOT/target/classes:$ROOT/target/test-classes:$(cat "$CP_FILE")"
rm -f "$CP_FILE"

TMP="$(mktemp -d "${TMPDIR:-/tmp}/vertebra-wordpress-bench.XXXXXX")"
cleanup() { if [[ "${KEEP_TMP:-0}" == 1 ]]; then echo "kept $TMP"; else rm -rf "$TMP"; fi; }
trap cleanup EXIT

echo "== generating $POSTS posts x $PARAGRAPHS paragraphs, $COMMENTS comments each"
java -cp "$CP" org.vertebra.wordpress.LargeExport "$TMP/export.xml" "$POSTS" "$PARAGRAPHS" "$COMMENTS"
SIZE_MB=$(( $(stat -c %s "$TMP/export.xml") / 1024 / 1024 ))
echo "   export: $SIZE_MB MB"

echo "== importing with -Xmx$HEAP"
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
START=$(date +%s%N)
# shellcheck disable=SC2086
java "-Xmx$HEAP" "-Xlog:gc:file=$TMP/gc.log:uptime" ${JAVA_OPTS:-} -cp "$CP" org.vertebra.Vertebra import-wordpress \
    --data "$TMP/data" --default-disclosure "Generated benchmark content: no conflicts of interest." \
    --json "$TMP/export.xml" >"$TMP/report.json" 2>"$TMP/stderr.log" || echo "   (exit code $?)"
END=$(date +%s%N)
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)
SECONDS_TAKEN=$(awk -v s="$START" -v e="$END" 'BEGIN { printf "%.1f", (e - s) / 1e9 }')
# "GC(12) Pause Young (Normal) (G1 Evacuation Pause) 150M->20M(256M) 3.2ms": the largest heap in use before a collection.
PEAK_MB=$(grep -oE '[0-9]+M->[0-9]+M' "$TMP/gc.log" | awk -F'M->' '{ if ($1 > m) m = $1 } END { print m + 0 }')
# "[12.345s] GC(12) ... 150M->20M(256M)": the largest heap left in use after a collection, in each half of the run
# (by time). With nothing kept per post, the second half's figure is no larger than the first's.
read -r LIVE_FIRST_MB LIVE_SECOND_MB < <(grep -E '\[[0-9.]+s\].*[0-9]+M->[0-9]+M' "$TMP/gc.log" \
    | sed -E 's/^\[([0-9.]+)s\].* [0-9]+M->([0-9]+)M.*/\1 \2/' \
    | awk '{ t[NR] = $1; m[NR] = $2 } END { half = t[NR] / 2; a = 0; b = 0
             for (i = 1; i <= NR; i++) { if (t[i] < half) { if (m[i] > a) a = m[i] } else if (m[i] > b) b = m[i] }
             print a + 0, b + 0 }')
POSTS_CREATED=$(grep -A3 '"post"' "$TMP/report.json" | grep -oE '"created" : [0-9]+' | grep -oE '[0-9]+' || echo 0)
COMMENTS_CREATED=$(grep -A3 '"comment"' "$TMP/report.json" | grep -oE '"created" : [0-9]+' | grep -oE '[0-9]+' || echo 0)
FAILURES=$(grep -c '"failures" : \[ \]' "$TMP/report.json" || true)

TIME_OK=$(awk -v t="$SECONDS_TAKEN" -v max="$TIME_TARGET_S" 'BEGIN { print (t < max) ? "PASS" : "MISS" }')
HEAP_OK=$([[ "$PEAK_MB" -lt "$HEAP_TARGET_MB" ]] && echo PASS || echo MISS)
echo "   $SECONDS_TAKEN s, peak heap in use $PEAK_MB MB (live after GC: $LIVE_FIRST_MB MB first half, $LIVE_SECOND_MB MB second), $POSTS_CREATED posts and $COMMENTS_CREATED comments created"

{
    echo
    echo "## $(date -u '+%Y-%m-%d %H:%M') UTC — WordPress import"
    echo
    echo "- machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo) RAM, shared (load average $LOAD_BEFORE before the import, $LOAD_AFTER after)"
    echo "- software: $(java -version 2>&1 | head -1); SQLite (the default database)"
    echo "- commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet 2>/dev/null || echo ' (with uncommitted changes)')"
    echo "- export: $POSTS generated block-editor posts x $PARAGRAPHS paragraphs, $COMMENTS threaded comments each, $SIZE_MB MB"
    if [[ -n "${NOTE:-}" ]]; then echo "- note: $NOTE"; fi
    echo "- run: \`import-wordpress --json\` into a fresh data folder, \`-Xmx$HEAP\`"
    echo
    echo "| posts created | comments created | report without failures | time s | peak heap MB | live heap after GC MB, 1st half / 2nd half |"
    echo "|--------------:|-----------------:|:-----------------------:|-------:|-------------:|-------------------------:|"
    echo "| $POSTS_CREATED | $COMMENTS_CREATED | $([[ "$FAILURES" == 1 ]] && echo yes || echo no) | $SECONDS_TAKEN | $PEAK_MB | $LIVE_FIRST_MB / $LIVE_SECOND_MB |"
    echo
    echo "- under $TIME_TARGET_S s: **$TIME_OK** ($SECONDS_TAKEN s)"
    echo "- peak heap under $HEAP_TARGET_MB MB: **$HEAP_OK** ($PEAK_MB MB)"
} >>"$RESULTS_FILE"
echo "== appended to $RESULTS_FILE"
