#!/usr/bin/env bash
# Handout PDF benchmark: how long /{slug}/handout.pdf takes to make, and how a kept one is served
# against nginx serving the same bytes.
#
# Starts Vertebra on a fresh data dir (demo site), asks for the handout of every demo article
# twice (the first request makes the PDF, the second is answered from memory) and times both
# with curl, then has a throwaway nginx serve one of the PDFs as a static file and loads both
# servers with wrk. Prints the figures and the ratio to nginx and appends the run to
# bench/RESULTS.md. Issue 22 sets no target for these: they are recorded to see what a handout
# costs. A measurement, not a test: exits 0; non-zero means the setup failed.
#
# Environment (all optional):
#   DURATION       wrk measuring time per server      (10s)
#   CONNECTIONS    wrk connections                    (16)
#   THREADS        wrk threads                        (2)
#   VERTEBRA_PORT  / NGINX_PORT                       (18090 / 18091)
#   JAR            server jar                         (target/vertebra.jar, built if missing)
#   REBUILD=1      rebuild target/vertebra.jar even if it exists
#   JAVA_OPTS      the server's JVM options; unset: the launcher's (./vertebra's SMALL_SERVER_OPTS)
#   RESULTS_FILE   where the run is appended          (bench/RESULTS.md)
#   KEEP_TMP=1     keep the temporary directory (logs, PDFs, wrk output)
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

CONNECTIONS="${CONNECTIONS:-16}"
THREADS="${THREADS:-2}"
VERTEBRA_PORT="${VERTEBRA_PORT:-18090}"
NGINX_PORT="${NGINX_PORT:-18091}"
RESULTS_FILE="${RESULTS_FILE:-$ROOT/bench/RESULTS.md}"
DURATION="$(secs "${DURATION:-10s}")"

need_tools wrk nginx curl
locate_jar
need_free_ports "$VERTEBRA_PORT" "$NGINX_PORT"

TMP="$(mktemp -d "${TMPDIR:-/tmp}/vertebra-handout-bench.XXXXXX")"
SERVER_PID=""
NGX="$TMP/nginx"
cleanup() {
  set +e
  stop_pid "$SERVER_PID"
  stop_nginx "$NGX"
  if [[ "${KEEP_TMP:-0}" == 1 ]]; then echo "kept $TMP"; else rm -rf "$TMP"; fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"

# ---------------------------------------------------------------- Vertebra
V_BASE="http://127.0.0.1:$VERTEBRA_PORT"
log "starting Vertebra on :$VERTEBRA_PORT (data: $TMP/data)"
JAVA_OPTS="${JAVA_OPTS-$(launcher_opts)}"
start_vertebra "$JAR" "$VERTEBRA_PORT" "$TMP/data" "$TMP/server.log"
wait_ready "$V_BASE" "$SERVER_PID" "$TMP/server.log" 90

# ---------------------------------------------------------------- made, then kept
mkdir -p "$TMP/pdf"
mapfile -t SLUGS < <(curl -fsS "$V_BASE/sitemap.xml" | grep -o "<loc>[^<]*</loc>" | sed -E 's#<loc>https?://[^/]+/([^/<]+)/</loc>#\1#' | grep -v '^<loc>')
made=()
kept=()
sizes=()
first=""
for slug in "${SLUGS[@]}"; do
  out="$(curl -sS -o "$TMP/pdf/$slug.pdf" -w '%{http_code} %{time_total} %{size_download}' "$V_BASE/$slug/handout.pdf")"
  read -r code time size <<<"$out"
  [[ "$code" == 200 ]] || continue # a page (About, Contact...) has no handout
  ms="$(awk -v t="$time" 'BEGIN { printf "%.0f", t * 1000 }')"
  if [[ -z "$first" ]]; then first="$ms"; else made+=("$ms"); fi
  sizes+=("$size")
  again="$(curl -sS -o /dev/null -w '%{time_total}' "$V_BASE/$slug/handout.pdf")"
  kept+=("$(awk -v t="$again" 'BEGIN { printf "%.1f", t * 1000 }')")
  LAST_SLUG="$slug"
done
((${#made[@]} > 0)) || die "no article answered a handout"
stats() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { printf "%s %s %s", v[int((NR + 1) / 2)], v[int(NR * 0.9 + 0.999)], v[NR] }'; }
read -r MADE_MEDIAN MADE_P90 MADE_MAX <<<"$(stats "${made[@]}")"
read -r KEPT_MEDIAN KEPT_P90 KEPT_MAX <<<"$(stats "${kept[@]}")"
read -r SIZE_MEDIAN _ SIZE_MAX <<<"$(stats "${sizes[@]}")"
echo "handouts: ${#sizes[@]}; first after start ${first} ms; made: median ${MADE_MEDIAN} ms, p90 ${MADE_P90} ms, max ${MADE_MAX} ms"
echo "kept: median ${KEPT_MEDIAN} ms; size: median ${SIZE_MEDIAN} B, max ${SIZE_MAX} B"

# ---------------------------------------------------------------- nginx serving the same PDF
WWW="$TMP/www"
mkdir -p "$WWW" "$NGX/tmp"
cp "$TMP/pdf/$LAST_SLUG.pdf" "$WWW/handout.pdf"
chmod 755 "$TMP" "$WWW"
chmod 644 "$WWW/handout.pdf"
cat >"$NGX/nginx.conf" <<EOF
worker_processes auto;
daemon on;
pid $NGX/nginx.pid;
error_log $NGX/error.log warn;
events { worker_connections 4096; }
http {
    access_log off;
    sendfile off;
    tcp_nodelay on;
    keepalive_requests 1000000;
    client_body_temp_path $NGX/tmp/body;
    proxy_temp_path $NGX/tmp/proxy;
    fastcgi_temp_path $NGX/tmp/fastcgi;
    uwsgi_temp_path $NGX/tmp/uwsgi;
    scgi_temp_path $NGX/tmp/scgi;
    types { application/pdf pdf; }
    server {
        listen 127.0.0.1:$NGINX_PORT;
        root $WWW;
        location = /$LAST_SLUG/handout.pdf { try_files /handout.pdf =404; }
    }
}
EOF
nginx -c "$NGX/nginx.conf" -p "$NGX" || die "nginx did not start"
for _ in $(seq 1 40); do [[ -s "$NGX/nginx.pid" ]] && break; sleep 0.1; done

rps() { awk '/^Requests\/sec/ { print $2 }' "$1"; }
p99() { awk '$1 == "99%" { v = $2; if (v ~ /us$/) { sub(/us/, "", v); v /= 1000 } else if (v ~ /ms$/) { sub(/ms/, "", v) } else if (v ~ /s$/) { sub(/s/, "", v); v *= 1000 } printf "%.2f", v }' "$1"; }
for name in nginx vertebra; do
  port="$NGINX_PORT"; [[ "$name" == vertebra ]] && port="$VERTEBRA_PORT"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d3s "http://127.0.0.1:$port/$LAST_SLUG/handout.pdf" >/dev/null
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "http://127.0.0.1:$port/$LAST_SLUG/handout.pdf" >"$TMP/wrk-$name.txt"
done
N_RPS="$(rps "$TMP/wrk-nginx.txt")"; V_RPS="$(rps "$TMP/wrk-vertebra.txt")"
N_P99="$(p99 "$TMP/wrk-nginx.txt")"; V_P99="$(p99 "$TMP/wrk-vertebra.txt")"
RATIO="$(awk -v v="$V_RPS" -v n="$N_RPS" 'BEGIN { printf "%.2f", v / n }')"
P99_RATIO="$(awk -v v="$V_P99" -v n="$N_P99" 'BEGIN { printf "%.2f", v / n }')"
echo "kept handout /$LAST_SLUG/handout.pdf: Vertebra ${V_RPS} req/s (p99 ${V_P99} ms), nginx ${N_RPS} req/s (p99 ${N_P99} ms): ratio ${RATIO}, p99 ratio ${P99_RATIO}"

COMMIT="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
git diff --quiet HEAD 2>/dev/null || COMMIT="$COMMIT (with uncommitted changes)"
{
  printf '\n## %s — handout PDFs\n\n' "$(date -u '+%Y-%m-%d %H:%M UTC')"
  printf -- '- machine: %s cores; load average %s before, %s after\n' "$(nproc)" "$LOAD_BEFORE" "$(cut -d' ' -f1-3 /proc/loadavg)"
  printf -- '- commit: %s; %s; JVM options: `%s`\n' "$COMMIT" "$(java -version 2>&1 | head -n 1)" "${JAVA_OPTS:-(none)}"
  printf -- '- the demo site: %s article handouts, each asked for twice with curl, then wrk -t%s -c%s -d%s on one kept handout (%s B) and on nginx serving its bytes\n\n' \
    "${#sizes[@]}" "$THREADS" "$CONNECTIONS" "$DURATION" "$(wc -c <"$WWW/handout.pdf" | tr -d ' ')"
  printf '| what | median | p90 | max |\n|---|---:|---:|---:|\n'
  printf '| first handout after start (ms) | %s | | |\n' "$first"
  printf '| making a handout (ms) | %s | %s | %s |\n' "$MADE_MEDIAN" "$MADE_P90" "$MADE_MAX"
  printf '| a kept handout, one request (ms) | %s | %s | %s |\n' "$KEPT_MEDIAN" "$KEPT_P90" "$KEPT_MAX"
  printf '| PDF size (bytes) | %s | | %s |\n\n' "$SIZE_MEDIAN" "$SIZE_MAX"
  printf '| server | req/s | p99 (ms) |\n|---|---:|---:|\n'
  printf '| nginx (same bytes) | %s | %s |\n| Vertebra (kept) | %s | %s |\n| Vertebra / nginx | %s | %s |\n\n' "$N_RPS" "$N_P99" "$V_RPS" "$V_P99" "$RATIO" "$P99_RATIO"
  printf 'No target in issue 22; recorded to show what a handout costs to make and to serve.\n'
} >>"$RESULTS_FILE"
echo "appended to ${RESULTS_FILE#"$ROOT"/}"
