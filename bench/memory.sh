#!/usr/bin/env bash
# Memory benchmark: starts `vertebra serve` on a fresh demo site with each JVM setting to compare
# (the launcher's small-server default and the JVM's own, which sizes the heap from the machine),
# loads an article with wrk for DURATION, and reads the process's resident memory (RSS) after the
# load, with the requests per second it served meanwhile. Appends the run to bench/RESULTS.md.
# A measurement, not a test: exits 0 whether targets pass or miss.
#
# Environment (all optional):
#   DURATION       wrk's load per setting                    (10s)
#   CONNECTIONS    wrk's connections                         (64)
#   ARTICLE_PATH   the page loaded                           (/low-back-pain-when-to-worry/)
#   PORT           the server's port                         (18090)
#   RESULTS_FILE   where the run is appended                 (bench/RESULTS.md)
#   CANDIDATES     more settings to measure, one per line: "label|ENV=value ...|JVM options", for
#                  instance "C1 only||$SMALL -XX:TieredStopAtLevel=1" (SMALL: the launcher's options)
#                  or "two malloc arenas|MALLOC_ARENA_MAX=2|$SMALL"
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
DURATION="${DURATION:-10s}"
CONNECTIONS="${CONNECTIONS:-64}"
ARTICLE_PATH="${ARTICLE_PATH:-/low-back-pain-when-to-worry/}"
PORT="${PORT:-18090}"
RESULTS_FILE="${RESULTS_FILE:-$ROOT/bench/RESULTS.md}"
command -v wrk >/dev/null || apt-get install -y -qq wrk >/dev/null
[ -f target/vertebra.jar ] || mvn -q -B -ntp -DskipTests package

# The default the launcher gives (./vertebra's SMALL_SERVER_OPTS), read from the script itself.
SMALL="$(sed -n 's/^SMALL_SERVER_OPTS="\(.*\)"$/\1/p' "$ROOT/vertebra")"
LAUNCHER_ENV="MALLOC_ARENA_MAX=2" # what ./vertebra exports beside its options
TMP="$(mktemp -d "${TMPDIR:-/tmp}/vertebra-memory.XXXXXX")"
trap 'kill "${PID:-}" 2>/dev/null || true; rm -rf "$TMP"' EXIT

measure() { # $1 label, $2 JVM options, $3 environment (NAME=value ...)
    rm -rf "$TMP/data"
    # shellcheck disable=SC2086
    env ${3:-} java $2 -jar target/vertebra.jar serve --port "$PORT" --data "$TMP/data" >"$TMP/server.log" 2>&1 &
    PID=$!
    for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 0.5; done
    wrk -t2 -c"$CONNECTIONS" -d3s "http://127.0.0.1:$PORT$ARTICLE_PATH" >/dev/null
    local rps
    rps=$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" "http://127.0.0.1:$PORT$ARTICLE_PATH" | awk '/Requests\/sec/ {print $2}')
    local rss
    rss=$(( $(ps -o rss= -p "$PID") / 1024 ))
    kill "$PID"; wait "$PID" 2>/dev/null || true
    echo "| $1 | \`${3:+$3 }${2:-(none)}\` | $rss | $rps |"
}

echo "== measuring (each: start, 3 s warm-up, $DURATION of wrk -c$CONNECTIONS on $ARTICLE_PATH)"
ROWS="$(measure "launcher default" "$SMALL" "$LAUNCHER_ENV"; measure "JVM default" ""
    while IFS='|' read -r label env opts; do
        if [[ -n "$label" ]]; then measure "$label" "$(eval echo "$opts")" "$env"; fi # not `&&`: an empty last line would end the script under set -e
    done <<<"${CANDIDATES:-}")"
echo "$ROWS"
{
    echo
    echo "## $(date -u '+%Y-%m-%d %H:%M') UTC — memory"
    echo
    echo "- machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo) RAM (load average $(cut -d' ' -f1-3 /proc/loadavg) after)"
    echo "- software: $(java -version 2>&1 | head -1); $(wrk --version 2>&1 | head -1 | cut -d' ' -f1-2)"
    echo "- commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet 2>/dev/null || echo ' (with uncommitted changes)')"
    echo "- load: \`wrk -t2 -c$CONNECTIONS -d$DURATION\` on \`$ARTICLE_PATH\` of the demo site, after a 3 s warm-up; RSS read right after"
    echo
    echo "| setting | JVM options | RSS after load MB | req/s during load |"
    echo "|---|---|---:|---:|"
    echo "$ROWS"
} >>"$RESULTS_FILE"
echo "== appended to $RESULTS_FILE"
