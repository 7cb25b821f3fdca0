#!/usr/bin/env bash
# Start benchmark: how long `vertebra serve` takes, on a data folder that already holds its site,
# from the launch of the JVM to the first answered page and to /healthz saying "ok" (the search
# index current). Measured ROUNDS times for each way of starting, in the same run:
#   - ./vertebra as a user runs it (the small-server JVM options and the start-up class archive);
#   - the same JVM options without the archive (VERTEBRA_CDS=0);
#   - plain `java -jar` with the JVM's own defaults: the reference the ratios are given against.
# The site is the demo site, or ARTICLES generated articles imported first (the same generator as
# bench/search.sh). Appends the run to bench/RESULTS.md. A measurement, not a test: exits 0
# whether the targets (1.5 s on the demo site, 3 s with 10,000 articles) are met or not.
#
# Environment (all optional):
#   ROUNDS         starts per way of starting            (5)
#   ARTICLES       generated articles to import first (0: the demo site only)   (0)
#   PORT           the server's port                     (18095)
#   RESULTS_FILE   where the run is appended             (bench/RESULTS.md)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
ROUNDS="${ROUNDS:-5}"
ARTICLES="${ARTICLES:-0}"
PORT="${PORT:-18095}"
RESULTS_FILE="${RESULTS_FILE:-$ROOT/bench/RESULTS.md}"
[ -f target/vertebra.jar ] || mvn -q -B -ntp -DskipTests package
TMP="$(mktemp -d "${TMPDIR:-/tmp}/vertebra-start.XXXXXX")"
trap 'kill "${PID:-}" 2>/dev/null || true; rm -rf "$TMP"' EXIT
DATA="$TMP/data"

millis() { date +%s%3N; }

# One start: prints "first-page-ms ok-ms". $@ is the command that serves on $PORT with $DATA.
start_once() {
    local began first ok
    began=$(millis)
    "$@" >"$TMP/server.log" 2>&1 &
    PID=$!
    until curl -sf -o /dev/null "http://127.0.0.1:$PORT/"; do
        kill -0 "$PID" 2>/dev/null || { echo "the server stopped; see its log:" >&2; cat "$TMP/server.log" >&2; exit 1; }
        sleep 0.01
    done
    first=$(( $(millis) - began ))
    until curl -s "http://127.0.0.1:$PORT/healthz" | grep -q '"status":"ok"'; do sleep 0.01; done
    ok=$(( $(millis) - began ))
    kill "$PID"; wait "$PID" 2>/dev/null || true
    echo "$first $ok"
}

# Median of the first and of the second column over ROUNDS starts.
rounds() {
    local runs=()
    for _ in $(seq 1 "$ROUNDS"); do runs+=("$(start_once "$@")"); done
    printf '%s\n' "${runs[@]}" | python3 -c '
import sys, statistics
rows = [tuple(map(int, l.split())) for l in sys.stdin if l.strip()]
print(int(statistics.median(r[0] for r in rows)), int(statistics.median(r[1] for r in rows)),
      min(r[0] for r in rows), max(r[0] for r in rows))'
}

echo "== preparing the site in $DATA"
java -jar target/vertebra.jar serve --port "$PORT" --data "$DATA" >"$TMP/first.log" 2>&1 &
PID=$!
until curl -s "http://127.0.0.1:$PORT/healthz" | grep -q '"status":"ok"'; do sleep 0.2; done
kill "$PID"; wait "$PID" 2>/dev/null || true
if [ "$ARTICLES" -gt 0 ]; then
    mvn -o -q -B -DskipTests test-compile
    CP_FILE="$TMP/classpath"
    mvn -o -q -B dependency:build-classpath -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=test >/dev/null
    # bench/large-site.sh's generator: articles in the import format, each saying it is demo content.
    java -cp "target/classes:target/test-classes:$(cat "$CP_FILE")" org.vertebra.importer.LargeMarkdownSite "$TMP/md" "$ARTICLES" 4
    java -Xmx512m -jar target/vertebra.jar import --data "$DATA" "$TMP/md" >/dev/null
    rm -rf "$TMP/md"
fi
# Brings the search index up to date once, so every start below is a start on a current index.
java -jar target/vertebra.jar serve --port "$PORT" --data "$DATA" >"$TMP/first.log" 2>&1 &
PID=$!
until curl -s "http://127.0.0.1:$PORT/healthz" | grep -q '"status":"ok"'; do sleep 0.2; done
kill "$PID"; wait "$PID" 2>/dev/null || true
# The archive as ./vertebra records it.
rm -f target/vertebra.jsa
timeout 300 ./vertebra serve --port "$PORT" --data "$TMP/warm" >/dev/null 2>&1 &
PID=$!
until [ -f target/vertebra.jsa ] && curl -sf -o /dev/null "http://127.0.0.1:$PORT/"; do sleep 0.2; done
kill "$PID"; wait "$PID" 2>/dev/null || true

echo "== $ROUNDS starts each"
LAUNCHER="$(rounds ./vertebra serve --port "$PORT" --data "$DATA")"
NO_CDS="$(VERTEBRA_CDS=0 rounds ./vertebra serve --port "$PORT" --data "$DATA")"
PLAIN="$(rounds java -jar target/vertebra.jar serve --port "$PORT" --data "$DATA")"

row() { # label, "first ok min max", reference first
    read -r first ok min max <<<"$2"
    echo "| $1 | $first | $min–$max | $ok | $(python3 -c "print('%.2f' % ($first / $3))") |"
}
read -r plain_first _ <<<"$PLAIN"
ROWS="$(row "./vertebra (small-server options + class archive)" "$LAUNCHER" "$plain_first")
$(row "./vertebra with VERTEBRA_CDS=0" "$NO_CDS" "$plain_first")
$(row "java -jar with the JVM's defaults" "$PLAIN" "$plain_first")"
read -r launcher_first launcher_ok _ <<<"$LAUNCHER"
target=$([ "$ARTICLES" -gt 0 ] && echo 3000 || echo 1500)
verdict=$([ "$launcher_first" -le "$target" ] && echo "met" || echo "NOT met")
echo "$ROWS"
echo "target: first page under $target ms with ./vertebra: $verdict ($launcher_first ms)"
{
    echo
    echo "## $(date -u '+%Y-%m-%d %H:%M') UTC — start"
    echo
    echo "- machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo) RAM (load average $(cut -d' ' -f1-3 /proc/loadavg) after)"
    echo "- software: $(java -version 2>&1 | head -1)"
    echo "- commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet 2>/dev/null || echo ' (with uncommitted changes)')"
    echo "- site: the demo site$([ "$ARTICLES" -gt 0 ] && echo " and $ARTICLES generated articles"), on SQLite, search index current; $ROUNDS starts each, medians"
    echo
    echo "| start | first page ms | range ms | /healthz ok ms | x plain java -jar |"
    echo "|---|---:|---:|---:|---:|"
    echo "$ROWS"
    echo
    echo "Target: first page under $target ms: **$verdict** ($launcher_first ms)."
} >>"$RESULTS_FILE"
