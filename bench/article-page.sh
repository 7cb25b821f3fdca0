#!/usr/bin/env bash
# Article-page benchmark: Vertebra vs. nginx serving the same bytes.
#
# Starts Vertebra on a fresh data dir (demo site), saves one rendered article page as
# sent plain and as sent gzipped, has a throwaway nginx serve exactly those bytes (the
# gzipped ones with gzip_static), loads both with wrk, plain and with Accept-Encoding: gzip,
# prints req/s and p50/p99 latency with their ratios to nginx, checks the targets, and
# appends the run to bench/RESULTS.md. A measurement, not a test: exits 0 whether targets
# pass or miss.
#
# Environment (all optional):
#   ARTICLE_PATH   page to load                       (/low-back-pain-when-to-worry/)
#   DURATION       wrk measuring time per server and round (10s)
#   ROUNDS         rounds, nginx and Vertebra in turn in each; medians reported (3)
#   WARMUP         wrk warm-up time per server        (5s)
#   CONNECTIONS    wrk connections                    (64)
#   THREADS        wrk threads                        (2)
#   VERTEBRA_PORT  / NGINX_PORT                       (18080 / 18081)
#   JAR            server jar                         (target/vertebra.jar, built if missing)
#   REBUILD=1      rebuild target/vertebra.jar even if it exists
#   JAVA_OPTS      the server's JVM options; unset: the launcher's (./vertebra's SMALL_SERVER_OPTS)
#   RESULTS_FILE   where the run is appended          (bench/RESULTS.md)
#   KEEP_TMP=1     keep the temporary directory (logs, page, wrk output)
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ARTICLE_PATH="${ARTICLE_PATH:-/low-back-pain-when-to-worry/}"
CONNECTIONS="${CONNECTIONS:-64}"
THREADS="${THREADS:-2}"
VERTEBRA_PORT="${VERTEBRA_PORT:-18080}"
NGINX_PORT="${NGINX_PORT:-18081}"
RESULTS_FILE="${RESULTS_FILE:-$ROOT/bench/RESULTS.md}"
RATIO_TARGET=0.9       # Vertebra's req/s at least 0.9 of nginx's (issue 17)
P99_RATIO_TARGET=1.25  # and its p99 at most 1.25 times nginx's

DURATION="$(secs "${DURATION:-10s}")"
ROUNDS="${ROUNDS:-3}"
LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
WARMUP="$(secs "${WARMUP:-5s}")"

[[ "$ARTICLE_PATH" == /* ]] || ARTICLE_PATH="/$ARTICLE_PATH"
if [[ "$ARTICLE_PATH" =~ [[:space:]\"\;\{\}\'\\] ]]; then
  echo "ARTICLE_PATH has characters this script does not put in an nginx config: $ARTICLE_PATH" >&2
  exit 2
fi

# ---------------------------------------------------------------- tools, jar, ports
need_tools wrk nginx curl
locate_jar
need_free_ports "$VERTEBRA_PORT" "$NGINX_PORT"

# ---------------------------------------------------------------- cleanup
TMP="$(mktemp -d "${TMPDIR:-/tmp}/vertebra-bench.XXXXXX")"
SERVER_PID=""
NGX="$TMP/nginx"
cleanup() {
  set +e
  stop_pid "$SERVER_PID"
  stop_nginx "$NGX"
  if [[ "${KEEP_TMP:-0}" == 1 ]]; then
    echo "kept $TMP"
  else
    rm -rf "$TMP"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---------------------------------------------------------------- Vertebra
V_BASE="http://127.0.0.1:$VERTEBRA_PORT"
log "starting Vertebra on :$VERTEBRA_PORT (data: $TMP/data)"
JAVA_OPTS="${JAVA_OPTS-$(launcher_opts)}"
MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}" # as ./vertebra exports it: given to Vertebra alone, not to the peers
start_vertebra "$JAR" "$VERTEBRA_PORT" "$TMP/data" "$TMP/server.log"
wait_ready "$V_BASE" "$SERVER_PID" "$TMP/server.log" 60
echo "healthy after ~${SECONDS}s"

# ---------------------------------------------------------------- the page, and nginx serving it
WWW="$TMP/www"
mkdir -p "$WWW" "$NGX/tmp"
FETCH="$(curl -sS -o "$WWW/article.html" -w '%{http_code} %{content_type}' "$V_BASE$ARTICLE_PATH")" \
  || die "could not fetch $V_BASE$ARTICLE_PATH"
[[ "${FETCH%% *}" == 200 ]] || die "$V_BASE$ARTICLE_PATH answered HTTP ${FETCH%% *}, not 200 (set ARTICLE_PATH?)"
V_TYPE="${FETCH#* }"
PAGE_BYTES="$(wc -c <"$WWW/article.html" | tr -d ' ')"
((PAGE_BYTES > 0)) || die "$V_BASE$ARTICLE_PATH returned an empty body"
echo "page $ARTICLE_PATH: $PAGE_BYTES bytes, Content-Type: $V_TYPE"
# The gzip form exactly as Vertebra sends it, for nginx's gzip_static to send the same bytes.
GZ_ENCODING="$(curl -sS -H 'Accept-Encoding: gzip' -o "$WWW/article.html.gz" -w '%header{content-encoding}' "$V_BASE$ARTICLE_PATH")"
[[ "$GZ_ENCODING" == gzip ]] || die "Vertebra did not answer gzip to Accept-Encoding: gzip"
GZIP_BYTES="$(wc -c <"$WWW/article.html.gz" | tr -d ' ')"
gzip -dc "$WWW/article.html.gz" | cmp -s - "$WWW/article.html" || die "the gzip form is not the page"
echo "gzip form: $GZIP_BYTES bytes"

# The headers Vertebra sends beside the body's own (security headers, Cache-Control), for nginx to
# send too: like with like, the same bytes on the wire, give or take nginx's Server and Accept-Ranges.
curl -sS -D "$TMP/vertebra-headers.txt" -o /dev/null "$V_BASE$ARTICLE_PATH"
ADD_HEADERS="$(tr -d '\r' <"$TMP/vertebra-headers.txt" | awk -F': ' '
  tolower($1) ~ /^(content-security-policy|permissions-policy|x-content-type-options|referrer-policy|x-frame-options|cache-control)$/ {
    value = substr($0, length($1) + 3)
    if (value ~ /["\\$]/) { print "unsafe header value: " $1 > "/dev/stderr"; exit 1 }
    printf "            add_header %s \"%s\" always;\n", $1, value
  }')" || die "a header of Vertebra's does not fit in an nginx config"

# nginx workers may run as an unprivileged user: let them read the page
chmod 755 "$TMP" "$WWW"
chmod 644 "$WWW/article.html" "$WWW/article.html.gz"

cat >"$NGX/nginx.conf" <<EOF
# throwaway config written by bench/article-page.sh
worker_processes auto;
daemon on;
pid $NGX/nginx.pid;
error_log $NGX/error.log warn;
events {
    worker_connections 4096;
}
http {
    access_log off;
    server_tokens off;
    # As /work/shared/peers sets its static nginx: with sendfile on, delayed ACKs on loopback
    # put nginx's p99 near 40 ms, which would flatter the ratio.
    sendfile off;
    tcp_nopush off;
    tcp_nodelay on;
    keepalive_timeout 65;
    keepalive_requests 1000000;
    open_file_cache max=16 inactive=60s;
    open_file_cache_valid 60s;
    client_body_temp_path $NGX/tmp/body;
    proxy_temp_path $NGX/tmp/proxy;
    fastcgi_temp_path $NGX/tmp/fastcgi;
    uwsgi_temp_path $NGX/tmp/uwsgi;
    scgi_temp_path $NGX/tmp/scgi;
    types { }
    default_type "text/html; charset=utf-8";
    server {
        listen 127.0.0.1:$NGINX_PORT;
        root $WWW;
        location = "$ARTICLE_PATH" {
            gzip_static on;
            gzip_vary on;
$ADD_HEADERS
            try_files /article.html =404;
        }
        location / {
            return 404;
        }
    }
}
EOF

log "starting nginx on :$NGINX_PORT"
nginx -e "$NGX/error.log" -p "$NGX" -c "$NGX/nginx.conf" || { cat "$NGX/error.log" >&2 || true; die "nginx did not start"; }
N_BASE="http://127.0.0.1:$NGINX_PORT"
deadline=$((SECONDS + 10))
until curl -fsS -o /dev/null "$N_BASE$ARTICLE_PATH" 2>/dev/null; do
  ((SECONDS < deadline)) || { cat "$NGX/error.log" >&2 || true; die "nginx did not answer $N_BASE$ARTICLE_PATH"; }
  sleep 0.1
done
curl -fsS "$N_BASE$ARTICLE_PATH" | cmp -s - "$WWW/article.html" || die "nginx does not serve the same bytes"
N_TYPE="$(curl -fsS -o /dev/null -w '%{content_type}' "$N_BASE$ARTICLE_PATH")"
echo "nginx serves the same $PAGE_BYTES bytes, Content-Type: $N_TYPE"
curl -fsS -H 'Accept-Encoding: gzip' "$N_BASE$ARTICLE_PATH" | cmp -s - "$WWW/article.html.gz" \
  || die "nginx does not serve the same gzip bytes (is gzip_static built in?)"
V_HEADER_BYTES="$(curl -sS -o /dev/null -w '%{size_header}' "$V_BASE$ARTICLE_PATH")"
N_HEADER_BYTES="$(curl -sS -o /dev/null -w '%{size_header}' "$N_BASE$ARTICLE_PATH")"
echo "response headers: Vertebra $V_HEADER_BYTES bytes, nginx $N_HEADER_BYTES bytes"
NGINX_PIDS="$(pgrep -P "$(cat "$NGX/nginx.pid")" | paste -sd' ')"
[[ -n "$NGINX_PIDS" ]] || die "no nginx workers found"

# ---------------------------------------------------------------- load
# CPU time (user + system, in clock ticks) of these processes and all their threads so far.
cpu_ticks() {
  local total=0 pid stat
  for pid in "$@"; do
    for stat in /proc/"$pid"/task/*/stat; do
      total=$((total + $(sed 's/^.*) //' "$stat" 2>/dev/null | awk '{ print $12 + $13 }' || echo 0)))
    done
  done
  echo "$total"
}
HZ="$(getconf CLK_TCK)"

# The server's CPU time per request holds up under a shared machine's load better than req/s:
# other processes take turns on the cores, but what one request costs the server stays.
run_load() { # name url pids... -- [header...]
  local name="$1" url="$2"; shift 2
  local pids=() header=()
  while (($#)) && [[ "$1" != -- ]]; do pids+=("$1"); shift; done
  shift
  header=("$@")
  local before after
  before="$(cpu_ticks "${pids[@]}")"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "${header[@]}" "$url" >"$TMP/wrk-$name.txt"
  after="$(cpu_ticks "${pids[@]}")"
  local result
  result="$(parse_wrk "$TMP/wrk-$name.txt")" || die "could not parse wrk output for $name"
  echo "$result $(awk -v t="$((after - before))" -v hz="$HZ" -v n="${result##* }" 'BEGIN { printf "%.1f", t / hz / n * 1e6 }')" \
    >"$TMP/result-$name.txt"
  printf '  %-22s %s\n' "$name" "$(cat "$TMP/result-$name.txt")"
}

# Side by side: in each round, nginx then Vertebra for each form, so both meet the machine in much
# the same state; the medians over the rounds are reported.
GZ=(-H 'Accept-Encoding: gzip')
log "warm-up: $WARMUP for each server and form"
for url in "$N_BASE$ARTICLE_PATH" "$V_BASE$ARTICLE_PATH"; do
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" "$url" >/dev/null
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" "${GZ[@]}" "$url" >/dev/null
done
log "$ROUNDS rounds of wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency (req/s p50 p99 non-2xx errors requests CPU-us/request)"
for round in $(seq 1 "$ROUNDS"); do
  run_load "nginx-plain-$round" "$N_BASE$ARTICLE_PATH" $NGINX_PIDS --
  run_load "vertebra-plain-$round" "$V_BASE$ARTICLE_PATH" "$SERVER_PID" --
  run_load "nginx-gzip-$round" "$N_BASE$ARTICLE_PATH" $NGINX_PIDS -- "${GZ[@]}"
  run_load "vertebra-gzip-$round" "$V_BASE$ARTICLE_PATH" "$SERVER_PID" -- "${GZ[@]}"
done

# The median of each column over the rounds (the lower middle one for an even count).
median_of() { # server form -> "req/s p50 p99 bad errors requests cpu"
  local files=("$TMP"/result-"$1"-"$2"-*.txt)
  local column out=()
  for column in 1 2 3 4 5 6 7; do
    out+=("$(cat "${files[@]}" | awk -v c="$column" '{ print $c }' | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')")
  done
  echo "${out[*]}"
}

ROWS="" CHECKS="" BAD=0 CPU_LINES=""
for form in plain gzip; do
  read -r V_RPS V_P50 V_P99 V_BAD V_ERR _ V_CPU <<<"$(median_of vertebra "$form")"
  read -r N_RPS N_P50 N_P99 N_BAD N_ERR _ N_CPU <<<"$(median_of nginx "$form")"
  BAD=$((BAD + V_BAD + V_ERR + N_BAD + N_ERR))
  RATIO="$(awk -v v="$V_RPS" -v n="$N_RPS" 'BEGIN { printf "%.2f", (n > 0 ? v / n : 0) }')"
  P99_RATIO="$(awk -v v="$V_P99" -v n="$N_P99" 'BEGIN { printf "%.2f", (n > 0 ? v / n : 0) }')"
  CPU_RATIO="$(awk -v v="$V_CPU" -v n="$N_CPU" 'BEGIN { printf "%.2f", (n > 0 ? v / n : 0) }')"
  RATIO_OK="$(awk -v r="$RATIO" -v t="$RATIO_TARGET" 'BEGIN { print (r >= t ? "PASS" : "NOT MET") }')"
  P99_OK="$(awk -v r="$P99_RATIO" -v t="$P99_RATIO_TARGET" 'BEGIN { print (r <= t ? "PASS" : "NOT MET") }')"
  ROWS+="$(printf '| nginx%-9s | %10.0f | 1.00 | %7.2f | %7.2f | 1.00 | %6.1f | 1.00 | %d |' " $form" "$N_RPS" "$N_P50" "$N_P99" "$N_CPU" "$((N_BAD + N_ERR))")"$'\n'
  ROWS+="$(printf '| Vertebra %-5s | %10.0f | %s | %7.2f | %7.2f | %s | %6.1f | %s | %d |' "$form" "$V_RPS" "$RATIO" "$V_P50" "$V_P99" "$P99_RATIO" "$V_CPU" "$CPU_RATIO" "$((V_BAD + V_ERR))")"$'\n'
  CHECKS+="- $form: req/s at least $RATIO_TARGET of nginx's: **$RATIO_OK** ($RATIO); p99 at most $P99_RATIO_TARGET x nginx's: **$P99_OK** ($P99_RATIO); CPU per request $CPU_RATIO x nginx's"$'\n'
done
TABLE="$(
  printf '| server         | req/s      | x nginx | p50 ms  | p99 ms  | p99 x nginx | CPU us/req | CPU x nginx | non-2xx + socket errors |\n'
  printf '|----------------|-----------:|--------:|--------:|--------:|------------:|-----------:|------------:|------------------------:|\n'
  printf '%s' "$ROWS"
)"
ROUND_LINES="$(for round in $(seq 1 "$ROUNDS"); do for name in nginx-plain vertebra-plain nginx-gzip vertebra-gzip; do
  awk -v n="$name-$round" '{ printf "%s %.0f/%.1f/%s; ", n, $1, $3, $7 }' "$TMP/result-$name-$round.txt"; done; done)"
CHECK="${CHECKS%$'\n'}"
WARN=""
if ((BAD > 0)); then
  WARN="- warning: non-2xx responses or socket errors during the run; treat these numbers with care"
fi

log "results"
echo "$TABLE"
echo
echo "$CHECK"
[[ -z "$WARN" ]] || echo "$WARN"

# ---------------------------------------------------------------- record
MEM_GIB="$(awk '/^MemTotal:/ { printf "%.1f", $2 / 1048576 }' /proc/meminfo)"
CPU_MODEL="$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || true)"
JAVA_V="$(java -version 2>&1 | head -n 1 || true)"
NGINX_V="$(nginx -v 2>&1 | head -n 1 || true)"
WRK_V="$( (wrk -v 2>&1 || true) | head -n 1 | awk '{ print $1, $2 }')"
COMMIT="$(commit_label)"

if [[ ! -f "$RESULTS_FILE" ]]; then
  mkdir -p "$(dirname "$RESULTS_FILE")"
  cat >"$RESULTS_FILE" <<'EOF'
# Benchmark results

Runs of `bench/article-page.sh`, appended by the script, newest last. Each section is one
run: Vertebra serving a rendered article page, against nginx serving the same bytes as a
static file on the same machine in the same run. Numbers are only comparable
between runs on the same kind of machine; the load generator (wrk) shares the CPU with
the server it loads. See `bench/README.md`.

Targets (issue 17): at least 0.9 of nginx's req/s, p99 at most 1.25 times nginx's, plain and gzip.
EOF
fi

# shellcheck disable=SC2016 # the backticks are Markdown, not command substitution
{
  printf '\n## %s — article page\n\n' "$(date -u '+%Y-%m-%d %H:%M UTC')"
  printf -- '- machine: %s cores%s, %s GiB RAM, kernel %s\n' "$(nproc)" "${CPU_MODEL:+ ($CPU_MODEL)}" "$MEM_GIB" "$(uname -r)"
  printf -- '- software: %s; %s; %s\n' "$JAVA_V" "$NGINX_V" "$WRK_V"
  printf -- '- commit: %s; jar: %s\n' "$COMMIT" "${JAR#"$ROOT"/}"
  printf -- '- page: `%s`, %s bytes, %s gzipped (nginx: the same files, gzip_static, sendfile off, with Vertebra'"'"'s security headers and Cache-Control added)\n' "$ARTICLE_PATH" "$PAGE_BYTES" "$GZIP_BYTES"
  printf -- '- response headers: Vertebra %s bytes, nginx %s bytes; keep-alive for both\n' "$V_HEADER_BYTES" "$N_HEADER_BYTES"
  printf -- '- load average: %s before, %s after the run; Vertebra JVM options: `%s`\n' "$LOAD_BEFORE" "$(cut -d' ' -f1-3 /proc/loadavg)" "${JAVA_OPTS:-(none)}${MALLOC_ARENA_MAX:+, MALLOC_ARENA_MAX=$MALLOC_ARENA_MAX}"
  printf -- '- load: %s rounds of `wrk -t%s -c%s -d%s --latency`, nginx and Vertebra in turn for each form, after a %s warm-up each; medians; CPU = the server'"'"'s user + system time per request (nginx: its workers)\n\n' "$ROUNDS" "$THREADS" "$CONNECTIONS" "$DURATION" "$WARMUP"
  echo "$TABLE"
  echo
  echo "$CHECK"
  echo "- each round (req/s / p99 ms / CPU us per request): $ROUND_LINES"
  [[ -z "$WARN" ]] || echo "$WARN"
} >>"$RESULTS_FILE"

echo
echo "appended to ${RESULTS_FILE#"$ROOT"/}"
