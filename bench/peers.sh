#!/usr/bin/env bash
# Vertebra against its peers in one run: an article page against nginx serving the same bytes, and
# against WordPress (Debian's packages, nginx + PHP-FPM + MariaDB) with the same article, behind
# nginx's fastcgi_cache and uncached; then the resident memory of Vertebra after its load against
# that of the whole WordPress stack after its own. The peers are set up by /work/shared/peers
# (wordpress-peer.sh, compare.sh), which this script calls and does not change. Appends the run to
# bench/RESULTS.md. Run as root. A measurement, not a test: exits 0 whether targets pass or miss.
#
# Environment (all optional):
#   ARTICLE        the demo article, a Markdown file   (src/main/resources/demo/articles/low-back-pain-when-to-worry.md)
#   PEERS          folder of the peer scripts           (/work/shared/peers)
#   PORT           Vertebra's port                      (18095)
#   JAVA_OPTS      JVM options; unset: the launcher's (./vertebra's SMALL_SERVER_OPTS); set empty: the JVM's own
#   DURATION       wrk's load before each memory reading (10s)
#   RESULTS_FILE   where the run is appended            (bench/RESULTS.md)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
ARTICLE="${ARTICLE:-$ROOT/src/main/resources/demo/articles/low-back-pain-when-to-worry.md}"
PEERS="${PEERS:-/work/shared/peers}"
PORT="${PORT:-18095}"
DURATION="${DURATION:-10s}"
RESULTS_FILE="${RESULTS_FILE:-$ROOT/bench/RESULTS.md}"
SMALL="$(sed -n 's/^SMALL_SERVER_OPTS="\(.*\)"$/\1/p' "$ROOT/vertebra")"
MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}" # as ./vertebra exports it: given to Vertebra alone, not to the peers
OPTS="${JAVA_OPTS-$SMALL}"
OPTS_SHOWN="${OPTS:-(none: the JVM defaults)}"
MEMORY_TARGET=0.5

[[ "$(id -u)" == 0 ]] || { echo "run as root: the WordPress peer installs packages and starts services" >&2; exit 2; }
[[ -f "$ARTICLE" ]] || { echo "no article at $ARTICLE" >&2; exit 2; }
[ -f target/vertebra.jar ] || mvn -q -B -ntp -DskipTests package
SLUG="$(sed -n 's/^slug: *//p' "$ARTICLE" | head -1)"
[[ -n "$SLUG" ]] || SLUG="$(basename "$ARTICLE" .md)"
LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"

if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then echo "port $PORT is in use (PORT=...)" >&2; exit 2; fi

echo "== the WordPress peer, with $ARTICLE"
bash "$PEERS/wordpress-peer.sh" "$ARTICLE"
WP_URL="http://127.0.0.1:8081/$SLUG/"

TMP="$(mktemp -d "${TMPDIR:-/tmp}/vertebra-peers.XXXXXX")"
PID=""
trap '[[ -n "$PID" ]] && kill "$PID" 2>/dev/null; wait 2>/dev/null; rm -rf "$TMP"' EXIT
V_URL="http://127.0.0.1:$PORT/$SLUG/"
start_vertebra() {
    # shellcheck disable=SC2086 # a list of options
    MALLOC_ARENA_MAX="$MALLOC_ARENA_MAX" java $OPTS -jar target/vertebra.jar serve --port "$PORT" --data "$TMP/data" >"$TMP/server.log" 2>&1 &
    PID=$!
    # Ready means the search index too: until it is, articles show no related ones and their bytes change.
    for _ in $(seq 1 240); do curl -sf "http://127.0.0.1:$PORT/healthz" | grep -q '"index":"ready"' && break; sleep 0.5; done
    curl -sf -o /dev/null "$V_URL" || { tail -20 "$TMP/server.log" >&2; echo "Vertebra does not serve $V_URL" >&2; exit 1; }
}
# WordPress is measured as it runs day to day, installed long before; so is Vertebra: its first
# start on a new folder (migrations, the demo site's articles and images written) is measured too,
# then the server is restarted on that folder, and the restarted one is compared.
echo "== Vertebra on :$PORT with $OPTS_SHOWN: first start on a new data folder"
start_vertebra
wrk -t2 -c64 -d"$DURATION" "$V_URL" >/dev/null
V_RSS_FIRST=$(awk '$1 == "VmRSS:" {print $2}' "/proc/$PID/status")
kill "$PID"; wait "$PID" 2>/dev/null || true
echo "== Vertebra restarted on its data folder"
start_vertebra

echo "== compare.sh (wrk -t2 -c64 -d10s per line)"
TABLE="$(bash "$PEERS/compare.sh" "$V_URL" "$WP_URL")"
echo "$TABLE"

# Resident memory (kB) of processes, summed; PSS beside it counts pages shared between them once.
field_sum() { # field file-name pid... (quotes inside $(( )) are not quotes to bash, hence the variable)
    local field="$1" file="$2" sum=0 p kb; shift 2
    for p in "$@"; do kb="$(awk -v f="$field" '$1 == f {print $2}' "/proc/$p/$file" 2>/dev/null)"; sum=$((sum + ${kb:-0})); done
    echo "$sum"
}
rss() { field_sum VmRSS: status "$@"; }
pss() { field_sum Pss: smaps_rollup "$@"; }
# The stack's processes: nginx's master (its pid file) and workers, PHP-FPM's master and workers, MariaDB.
stack_pids() {
    local nginx_master fpm_master
    nginx_master="$(cat /run/nginx.pid 2>/dev/null || true)"
    fpm_master="$(pgrep -f 'php-fpm: master' | head -1 || true)"
    { [[ -n "$nginx_master" ]] && { echo "$nginx_master"; pgrep -P "$nginx_master"; }
      [[ -n "$fpm_master" ]] && { echo "$fpm_master"; pgrep -P "$fpm_master"; }
      pgrep -x mariadbd; } | sort -u
}

echo "== memory: each after its own $DURATION of wrk -t2 -c64"
wrk -t2 -c64 -d"$DURATION" "$V_URL" >/dev/null
kill -0 "$PID" 2>/dev/null || { tail -30 "$TMP/server.log" >&2; echo "Vertebra is gone" >&2; exit 1; }
V_RSS=$(rss "$PID"); V_PSS=$(pss "$PID"); V_THREADS=$(find "/proc/$PID/task" -mindepth 1 -maxdepth 1 | wc -l)
wrk -t2 -c64 -d"$DURATION" "$WP_URL" >/dev/null                      # cached: nginx's cache answers
wrk -t2 -c64 -d"$DURATION" -H 'X-Nocache: 1' "$WP_URL" >/dev/null    # uncached: every PHP-FPM worker busy
mapfile -t WP_PIDS < <(stack_pids)
W_RSS=$(rss "${WP_PIDS[@]}"); W_PSS=$(pss "${WP_PIDS[@]}")
RATIO=$(awk -v v="$V_RSS" -v w="$W_RSS" 'BEGIN { printf "%.2f", v / w }')
RATIO_PSS=$(awk -v v="$V_PSS" -v w="$W_PSS" 'BEGIN { printf "%.2f", v / w }')
MET=$(awk -v r="$RATIO" -v t="$MEMORY_TARGET" 'BEGIN { print (r <= t ? "PASS" : "NOT MET") }')
MEMORY="$(
    echo "| after its load | processes | RSS MB | PSS MB |"
    echo "|---|---:|---:|---:|"
    echo "| Vertebra, restarted on its data folder | 1 ($V_THREADS threads) | $((V_RSS / 1024)) | $((V_PSS / 1024)) |"
    echo "| Vertebra, first start on a new folder (not compared) | 1 | $((V_RSS_FIRST / 1024)) | |"
    echo "| WordPress stack (nginx, PHP-FPM, MariaDB) | ${#WP_PIDS[@]} | $((W_RSS / 1024)) | $((W_PSS / 1024)) |"
    echo "| Vertebra / WordPress | | $RATIO | $RATIO_PSS |"
)"
echo "$MEMORY"
echo "- memory at most $MEMORY_TARGET of the WordPress stack's (RSS): **$MET** ($RATIO)"

{
    echo
    echo "## $(date -u '+%Y-%m-%d %H:%M') UTC — peers: nginx, WordPress (fastcgi_cache and uncached), memory"
    echo
    echo "- machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo) RAM, shared; load average $LOAD_BEFORE before, $(cut -d' ' -f1-3 /proc/loadavg) after"
    echo "- software: $(java -version 2>&1 | head -1); $(nginx -v 2>&1); WordPress $(dpkg-query -W -f '${Version}' wordpress 2>/dev/null); PHP $(ls /etc/php | sort -V | tail -1); $(mariadbd --version 2>/dev/null | awk '{print $3}' | head -1)"
    echo "- commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet 2>/dev/null || echo ' (with uncommitted changes)')"
    echo "- article: \`$(basename "$ARTICLE")\` in both; Vertebra's JVM options: \`$OPTS_SHOWN\`${MALLOC_ARENA_MAX:+, with MALLOC_ARENA_MAX=$MALLOC_ARENA_MAX}"
    echo "- pages: \`compare.sh\` of $PEERS (wrk -t2 -c64 -d10s per line, nginx on 8082 with sendfile off); ratios are to nginx in this run"
    echo
    echo "$TABLE"
    echo
    echo "- memory: RSS read right after $DURATION of wrk -t2 -c64 on each (WordPress: cached, then uncached); PSS counts pages the stack's processes share once"
    echo
    echo "$MEMORY"
    echo
    echo "- memory at most $MEMORY_TARGET of the WordPress stack's (RSS): **$MET** ($RATIO)"
} >>"$RESULTS_FILE"
echo "== appended to $RESULTS_FILE"
