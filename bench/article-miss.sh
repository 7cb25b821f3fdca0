#!/usr/bin/env bash
# Article-page cache-miss benchmark: the article page rendered on every request (the page cache
# off, VERTEBRA_PAGE_CACHE=off), this build against an earlier one, in the same run.
#
# Starts each jar in turn on a fresh data dir (demo site) with the page cache off, loads the same
# article with wrk, prints req/s and p50/p99 latency and the ratios of this build to the earlier
# one, and appends the run to bench/RESULTS.md. What it measures is the render of a page nobody
# asked for since the last change: the read model's statements, the templates, the frame.
# A measurement, not a test: exits 0 whatever the figures.
#
# Environment:
#   JAR_BEFORE     the earlier build's jar (this or BEFORE required; e.g. built from the previous commit)
#   BEFORE         instead of JAR_BEFORE: a commit, whose jar is built (and kept) by bench/lib.sh's jar_at_commit
#   JAR            this build's jar                   (target/vertebra.jar, built if missing)
#   ARTICLE_PATH   page to load                       (/sciatica-and-disc-herniation/)
#   DURATION       wrk measuring time per server      (15s)
#   WARMUP         wrk warm-up time per server        (10s)
#   CONNECTIONS    wrk connections                    (16)
#   THREADS        wrk threads                        (2)
#   VERTEBRA_PORT  port for each server in turn       (18090)
#   JAVA_OPTS      the servers' JVM options; unset: the launcher's (./vertebra's SMALL_SERVER_OPTS)
#   RESULTS_FILE   where the run is appended          (bench/RESULTS.md)
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ARTICLE_PATH="${ARTICLE_PATH:-/sciatica-and-disc-herniation/}"
CONNECTIONS="${CONNECTIONS:-16}"
THREADS="${THREADS:-2}"
VERTEBRA_PORT="${VERTEBRA_PORT:-18090}"
RESULTS_FILE="${RESULTS_FILE:-$ROOT/bench/RESULTS.md}"
DURATION="$(secs "${DURATION:-15s}")"
WARMUP="$(secs "${WARMUP:-10s}")"
command -v wrk >/dev/null 2>&1 || die "wrk not found"
[[ -z "${BEFORE:-}" ]] || JAR_BEFORE="$(jar_at_commit "$BEFORE")"
[[ -n "${JAR_BEFORE:-}" && -f "$JAR_BEFORE" ]] || die "set JAR_BEFORE to the earlier build's jar, or BEFORE to its commit"
locate_jar
JAVA_OPTS="${JAVA_OPTS-$(launcher_opts)}"
TMP="$(mktemp -d "${TMPDIR:-/tmp}/vertebra-miss.XXXXXX")"
SERVER_PID=""
stop_server() {
  stop_pid "$SERVER_PID"
  SERVER_PID=""
}
trap 'stop_server; rm -rf "$TMP"' EXIT

measure() { # name jar
  local name="$1" jar="$2" base="http://127.0.0.1:$VERTEBRA_PORT"
  log "$name: $jar, page cache off"
  start_vertebra "$jar" "$VERTEBRA_PORT" "$TMP/data-$name" "$TMP/server-$name.log" VERTEBRA_PAGE_CACHE=off
  wait_ready "$base" "$SERVER_PID" "$TMP/server-$name.log" 90
  [[ "$(curl -s -o /dev/null -w '%{http_code}' "$base$ARTICLE_PATH")" == 200 ]] || die "$ARTICLE_PATH is not 200 on $name"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" "$base$ARTICLE_PATH" >/dev/null
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$base$ARTICLE_PATH" | tee "$TMP/wrk-$name.txt"
  parse_wrk "$TMP/wrk-$name.txt" >"$TMP/result-$name.txt" || die "could not parse wrk output for $name"
  stop_server
}

LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
measure before "$JAR_BEFORE"
measure after "$JAR"
read -r B_RPS B_P50 B_P99 B_BAD _ <"$TMP/result-before.txt"
read -r A_RPS A_P50 A_P99 A_BAD _ <"$TMP/result-after.txt"
RPS_RATIO="$(awk -v a="$A_RPS" -v b="$B_RPS" 'BEGIN { printf "%.2f", a / b }')"
P99_RATIO="$(awk -v a="$A_P99" -v b="$B_P99" 'BEGIN { printf "%.2f", a / b }')"
VERDICT="$(awk -v r="$RPS_RATIO" 'BEGIN { print (r >= 1.0 ? "met" : "NOT met") }')"
printf '\nbefore: %s req/s, p50 %s ms, p99 %s ms\nafter:  %s req/s, p50 %s ms, p99 %s ms\nafter/before: req/s x%s, p99 x%s (no worse: %s)\n' \
  "$B_RPS" "$B_P50" "$B_P99" "$A_RPS" "$A_P50" "$A_P99" "$RPS_RATIO" "$P99_RATIO" "$VERDICT"
{
  printf '\n## article page, cache miss (bench/article-miss.sh), %s\n\n' "$(date -u '+%Y-%m-%d %H:%M UTC')"
  printf -- '- machine: %s cores, %s; commit %s against the jar %s\n' "$(nproc)" "$(uname -sr)" \
    "$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)" "$JAR_BEFORE"
  printf -- '- load average: %s before, %s after the run\n' "$LOAD_BEFORE" "$(cut -d' ' -f1-3 /proc/loadavg)"
  printf -- '- load: `wrk -t%s -c%s -d%s --latency` on %s per server, after a %s warm-up, page cache off\n\n' \
    "$THREADS" "$CONNECTIONS" "$DURATION" "$ARTICLE_PATH" "$WARMUP"
  printf '| build | req/s | p50 ms | p99 ms | non-2xx |\n| --- | ---: | ---: | ---: | ---: |\n'
  printf '| before | %s | %s | %s | %s |\n| after | %s | %s | %s | %s |\n' "$B_RPS" "$B_P50" "$B_P99" "$B_BAD" "$A_RPS" "$A_P50" "$A_P99" "$A_BAD"
  printf '\nafter/before: req/s x%s, p99 x%s; target "no worse than the previous commit": %s\n' "$RPS_RATIO" "$P99_RATIO" "$VERDICT"
} >>"$RESULTS_FILE"
echo "appended to ${RESULTS_FILE#"$ROOT"/}"
