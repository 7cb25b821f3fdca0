#!/usr/bin/env bash
# Search page benchmark: what a reader waits for at /search/?q= on a real site of generated articles.
#
# Fills a site with ARTICLES articles (the corpus of bench/search.sh, same fixed seed, written as
# Markdown and loaded with `vertebra import`), starts `vertebra serve` with the launcher's JVM
# options (SMALL_SERVER_OPTS read from ./vertebra: a 256 MB heap), warms it up on queries used
# nowhere else, and then measures, each in its own run:
#   1. sequential, each query asked once: the fixed queries of bench/search/queries.txt and
#      conditions with body parts, none asked before, so no cache of results can help;
#   2. sequential, the fixed queries asked over and over (what a cache of results can help);
#   3. 8 clients (wrk -t2 -c8), the fixed queries over and over: req/s and p99;
#   4. 8 clients, queries never asked twice (conditions, body parts and treatments);
#   5. the peer: nginx serving one saved results page to 8 clients, for the ratio.
# It records the server's CPU time per request (robust when the machine is busy), its resident
# memory after the load, whether it ran out of memory, and the load average before and after,
# checks the targets (p99 < 10 ms sequentially and >= 1,000 req/s with 8 clients at 10,000
# articles; p99 < 25 ms sequentially at 100,000) and appends the run to bench/RESULTS.md.
# A measurement, not a test: exits 0 whether targets pass or miss.
#
# Environment (all optional):
#   ARTICLES       articles in the site                         (10000; 100000 for the large target)
#   SITE_DIR       keep the imported site here and reuse it when it is already there (an import
#                  of 100,000 articles takes a quarter of an hour); default: a fresh one in TMP
#   DURATION       each timed run with a time limit              (20s)
#   WARMUP         the warm-up                                   (30s)
#   VERTEBRA_PORT / NGINX_PORT                                   (18300 / 18301)
#   JAVA_OPTS      replaces the launcher's JVM options
#   REBUILD=1      rebuild target/vertebra.jar first
#   RESULTS_FILE   where the run is appended                     (bench/RESULTS.md)
#   KEEP_TMP=1     keep the temporary directory
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ARTICLES="${ARTICLES:-10000}"
DURATION="${DURATION:-20s}"
WARMUP="${WARMUP:-30s}"
VERTEBRA_PORT="${VERTEBRA_PORT:-18300}"
NGINX_PORT="${NGINX_PORT:-18301}"
RESULTS_FILE="${RESULTS_FILE:-$ROOT/bench/RESULTS.md}"
LUA="$ROOT/bench/search/paths.lua"
OPTS="${JAVA_OPTS-$(launcher_opts)}"
if ((ARTICLES >= 100000)); then SEQ_TARGET_MS=25; else SEQ_TARGET_MS=10; fi
RPS_TARGET=1000

need_tools wrk nginx curl
locate_jar

TMP="$(mktemp -d "${TMPDIR:-/tmp}/vertebra-search-page.XXXXXX")"
SITE="${SITE_DIR:-$TMP/site}"
NGX="$TMP/nginx"
SERVER_PID=""
cleanup() {
  set +e
  stop_pid "$SERVER_PID"
  stop_nginx "$NGX"
  if [[ "${KEEP_TMP:-0}" == 1 ]]; then echo "kept $TMP"; else rm -rf "$TMP"; fi
}
trap cleanup EXIT

log "compiling the corpus and query writers"
corpus_tools "$TMP/classes" "$JAR" "$TMP/paths"

IMPORT_NOTE="reused from $SITE"
if [[ ! -f "$SITE/imported-$ARTICLES" ]]; then
  rm -rf "$SITE"
  log "writing $ARTICLES articles as Markdown and importing them (vertebra import, $OPTS)"
  IMPORT_NOTE="$(JAVA_OPTS="$OPTS" import_corpus "$SITE" "$ARTICLES" "$JAR" "$TMP/classes")"
  touch "$SITE/imported-$ARTICLES"
fi
log "site: $IMPORT_NOTE"

LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
log "starting vertebra serve on :$VERTEBRA_PORT ($OPTS)"
started=$SECONDS
# shellcheck disable=SC2086
java $OPTS -jar "$JAR" serve --port "$VERTEBRA_PORT" --data "$SITE" >"$TMP/server.log" 2>&1 &
SERVER_PID=$!
BASE="http://127.0.0.1:$VERTEBRA_PORT"
until curl -fsS -o /dev/null "$BASE/healthz" 2>/dev/null; do
  kill -0 "$SERVER_PID" 2>/dev/null || { tail -n 30 "$TMP/server.log" >&2; die "the server exited"; }
  ((SECONDS - started < 3600)) || die "the server did not answer within an hour"
  sleep 0.5
done
READY_S=$((SECONDS - started))
REBUILT="$(grep -o 'search index rebuilt: .*' "$TMP/server.log" || echo "index kept from an earlier start")"
log "ready after ${READY_S} s ($REBUILT)"
# The start's other background work (the evidence report's figures of every article imported since
# the last start: minutes at 100,000) would share the cores with the searches timed below.
until grep -q "evidence figures up to date" "$TMP/server.log"; do
  kill -0 "$SERVER_PID" 2>/dev/null || die "the server exited"
  ((SECONDS - started < 3600)) || die "the evidence figures were not worked out within an hour"
  sleep 1
done
log "background work done after $((SECONDS - started)) s"

cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$SERVER_PID/stat"; }
TICK="$(getconf CLK_TCK)"
# run NAME PATHS THREADS CONNECTIONS DURATION [ONCE]: prints "NAME requests p50 p90 p99 max errors req/s cpu_ms_per_request"
run() {
  local before after out
  before="$(cpu_ticks)"
  rm -f "$TMP/done"
  PATHS_FILE="$TMP/paths/$2" ONCE="${6:-0}" DONE_FILE="$TMP/done" wrk -t"$3" -c"$4" -d"$5" --timeout 10s -s "$LUA" "$BASE" \
    >"$TMP/wrk.out" &
  local wrk_pid=$!
  while kill -0 "$wrk_pid" 2>/dev/null; do
    [[ -f "$TMP/done" ]] && kill -INT "$wrk_pid" 2>/dev/null
    sleep 0.2
  done
  wait "$wrk_pid" || true
  out="$(cat "$TMP/wrk.out")"
  after="$(cpu_ticks)"
  read -r _ n p50 p90 p99 max errors < <(grep '^RESULT' <<<"$out")
  local rps
  rps="$(awk '/Requests\/sec/ { print $2 }' <<<"$out")"
  echo "$1 $n $p50 $p90 $p99 $max $errors $rps $(awk -v t=$((after - before)) -v n="$n" -v hz="$TICK" 'BEGIN { printf "%.2f", t * 1000 / hz / n }')"
}

log "warm-up: $WARMUP on queries asked in no timed run"
run warmup warmup.txt 2 8 "$WARMUP" >/dev/null
log "1. sequential, each query once"
ONCE_ROW="$(run once once.txt 1 1 600s 1)"; echo "$ONCE_ROW"
log "2. sequential, the fixed queries over and over"
SEQ_ROW="$(run repeated fixed.txt 1 1 "$DURATION")"; echo "$SEQ_ROW"
log "3. 8 clients, the fixed queries over and over"
CONC_ROW="$(run clients8 fixed.txt 2 8 "$DURATION")"; echo "$CONC_ROW"
log "4. 8 clients, no query asked twice"
FRESH_ROW="$(run clients8-fresh fresh.txt 2 8 "$DURATION")"; echo "$FRESH_ROW"
RSS_MB=$(($(ps -o rss= -p "$SERVER_PID") / 1024))
OOM="none"
grep -q OutOfMemoryError "$TMP/server.log" && OOM="**OutOfMemoryError in the log**"
kill -0 "$SERVER_PID" 2>/dev/null || OOM="**the server died**"

log "5. the peer: nginx serving a saved results page"
mkdir -p "$TMP/www" "$NGX/tmp"
curl -fsS -o "$TMP/www/search.html" "$BASE/search/?q=knee+pain" || die "could not save a results page"
chmod 755 "$TMP" "$TMP/www" && chmod 644 "$TMP/www/search.html"
cat >"$NGX/nginx.conf" <<EOF
worker_processes auto;
daemon on;
pid $NGX/nginx.pid;
error_log $NGX/error.log warn;
events { worker_connections 1024; }
http {
    access_log off;
    keepalive_requests 1000000;
    client_body_temp_path $NGX/tmp/body;
    proxy_temp_path $NGX/tmp/proxy;
    fastcgi_temp_path $NGX/tmp/fastcgi;
    uwsgi_temp_path $NGX/tmp/uwsgi;
    scgi_temp_path $NGX/tmp/scgi;
    types { }
    default_type "text/html; charset=utf-8";
    server {
        listen 127.0.0.1:$NGINX_PORT;
        root $TMP/www;
        location = /search/ { try_files /search.html =404; }
        location / { return 404; }
    }
}
EOF
nginx -e "$NGX/error.log" -p "$NGX" -c "$NGX/nginx.conf" || die "nginx did not start"
sleep 0.5
NGINX_OUT="$(PATHS_FILE="$TMP/paths/fixed.txt" wrk -t2 -c8 -d"$DURATION" -s "$LUA" "http://127.0.0.1:$NGINX_PORT")"
read -r _ _ _ _ N_P99 _ _ < <(grep '^RESULT' <<<"$NGINX_OUT")
N_RPS="$(awk '/Requests\/sec/ { print $2 }' <<<"$NGINX_OUT")"
LOAD_AFTER="$(cut -d' ' -f1-3 /proc/loadavg)"

# Read before the run is appended below: tee writes RESULTS.md while the block runs, and bench/ then differs from HEAD.
COMMIT="$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src bench 2>/dev/null || echo ' (with uncommitted changes)')"
field() { awk -v i="$2" '{ print $i }' <<<"$1"; }
verdict() { # value op target
  if awk -v a="$1" -v b="$3" -v op="$2" 'BEGIN { exit !(op == "<" ? a < b : a >= b) }'; then echo "**PASS**"; else echo "**NOT MET**"; fi
}
row() { echo "| $2 | $(field "$1" 2) | $(field "$1" 3) | $(field "$1" 5) | $(field "$1" 6) | $(field "$1" 8) | $(field "$1" 9) | $(field "$1" 7) |"; }
RATIO="$(awk -v a="$(field "$CONC_ROW" 8)" -v b="$N_RPS" 'BEGIN { printf "%.1f %%", 100 * a / b }')"
{
  echo
  echo "## $(date -u '+%Y-%m-%d %H:%M UTC') — search page, $ARTICLES articles"
  echo
  echo "- machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //')), $(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo) RAM; load average $LOAD_BEFORE before, $LOAD_AFTER after"
  echo "- software: $(java -version 2>&1 | head -n1); $(wrk --version 2>&1 | head -n1 | cut -d' ' -f1-2); $(nginx -v 2>&1)"
  echo "- commit: $COMMIT"
  echo "- site: $ARTICLES generated articles (bench/search.sh's corpus), $IMPORT_NOTE; server ready in $READY_S s ($REBUILT)"
  echo "- server: \`vertebra serve\` with \`$OPTS\`; RSS after the load $RSS_MB MB; out of memory: $OOM"
  echo "- after a $WARMUP warm-up (2 threads, 8 clients) on queries asked in no timed run; latencies from wrk, in ms; CPU ms = the server's CPU time per request"
  echo
  echo "| run | requests | p50 | p99 | max | req/s | CPU ms | errors |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|"
  row "$ONCE_ROW" "sequential, each query once ($(wc -l <"$TMP/paths/once.txt") queries)"
  row "$SEQ_ROW" "sequential, $(wc -l <"$TMP/paths/fixed.txt") fixed queries over and over, $DURATION"
  row "$CONC_ROW" "8 clients, fixed queries over and over, $DURATION"
  row "$FRESH_ROW" "8 clients, no query asked twice, $DURATION"
  echo "| nginx, one saved results page, 8 clients, $DURATION | | | $N_P99 | | $N_RPS | | |"
  echo
  echo "- sequential p99 < $SEQ_TARGET_MS ms, queries asked once: $(verdict "$(field "$ONCE_ROW" 5)" "<" "$SEQ_TARGET_MS") ($(field "$ONCE_ROW" 5) ms)"
  echo "- sequential p99 < $SEQ_TARGET_MS ms, fixed queries over and over: $(verdict "$(field "$SEQ_ROW" 5)" "<" "$SEQ_TARGET_MS") ($(field "$SEQ_ROW" 5) ms)"
  if ((ARTICLES < 100000)); then
    echo "- 8 clients >= $RPS_TARGET req/s, fixed queries: $(verdict "$(field "$CONC_ROW" 8)" ">=" "$RPS_TARGET") ($(field "$CONC_ROW" 8) req/s, p99 $(field "$CONC_ROW" 5) ms)"
    echo "- 8 clients >= $RPS_TARGET req/s, no query asked twice: $(verdict "$(field "$FRESH_ROW" 8)" ">=" "$RPS_TARGET") ($(field "$FRESH_ROW" 8) req/s, p99 $(field "$FRESH_ROW" 5) ms)"
  fi
  echo "- Vertebra's req/s against nginx serving a saved page, 8 clients: $RATIO"
} | tee -a "$RESULTS_FILE"
