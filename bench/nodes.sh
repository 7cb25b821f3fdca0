#!/usr/bin/env bash
# Several nodes behind nginx: an article page through an nginx load balancer in front of one
# Vertebra node, then two, on one PostgreSQL; and, in the same run, nginx serving the page's
# bytes itself, as the ceiling of what this machine can do. Appends the figures, with the
# machine's core count, to bench/RESULTS.md. A measurement, not a test: exits 0 whatever the
# figures; non-zero only when the setup failed.
#
# Needs a local PostgreSQL (Debian's; as root it creates the cluster, role and database, as
# .ci/run does). Environment (all optional):
#   ARTICLE_PATH  page to load (/low-back-pain-when-to-worry/)
#   DURATION / WARMUP / CONNECTIONS / THREADS   wrk settings (10s / 5s / 64 / 2)
#   JAR / REBUILD=1 / JAVA_OPTS / RESULTS_FILE / KEEP_TMP=1   as in article-page.sh
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
ARTICLE_PATH="${ARTICLE_PATH:-/low-back-pain-when-to-worry/}"
CONNECTIONS="${CONNECTIONS:-64}"
THREADS="${THREADS:-2}"
DURATION="${DURATION:-10s}"
WARMUP="${WARMUP:-5s}"
RESULTS_FILE="${RESULTS_FILE:-$ROOT/bench/RESULTS.md}"
NODE_PORTS=(18180 18181)
LB_ONE=18190
LB_TWO=18191
STATIC=18192

log() { printf '\n== %s\n' "$*"; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }
PATH="$PATH:/usr/sbin:/sbin"

missing=()
for tool in wrk nginx curl; do command -v "$tool" >/dev/null 2>&1 || missing+=("$tool"); done
command -v pg_lsclusters >/dev/null 2>&1 || missing+=(postgresql)
if ((${#missing[@]})); then
  log "installing ${missing[*]}"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# ---------------------------------------------------------------- PostgreSQL
version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
pg_lsclusters -h | awk '{print $1" "$2}' | grep -q "^$version main$" || pg_createcluster "$version" main >/dev/null
pg_ctlcluster "$version" main start 2>/dev/null || true
PG_PORT=$(pg_lsclusters -h | awk -v v="$version" '$1==v && $2=="main" {print $3}')
for _ in $(seq 1 30); do su postgres -c "pg_isready -q -p $PG_PORT" && break; sleep 1; done
DB="vertebra_bench_$$"
su postgres -c "psql -q -p $PG_PORT -tc \"SELECT 1 FROM pg_roles WHERE rolname='vertebra'\"" | grep -q 1 \
  || su postgres -c "psql -q -p $PG_PORT -c \"CREATE ROLE vertebra LOGIN CREATEDB PASSWORD 'vertebra'\""
su postgres -c "createdb -p $PG_PORT -O vertebra $DB"
export VERTEBRA_DB_USER=vertebra VERTEBRA_DB_PASSWORD=vertebra
# Every node of a site encrypts health data with the same key.
VERTEBRA_CONSULT_KEY="$(head -c 32 /dev/urandom | base64)"
export VERTEBRA_CONSULT_KEY
DB_URL="jdbc:postgresql://localhost:$PG_PORT/$DB"

# ---------------------------------------------------------------- jar
JAR="${JAR:-$ROOT/target/vertebra.jar}"
if [[ ! -f "$JAR" || "${REBUILD:-0}" == 1 ]]; then
  log "building $JAR"
  mvn -q -B -DskipTests package
fi

TMP="$(mktemp -d "${TMPDIR:-/tmp}/vertebra-nodes.XXXXXX")"
NGX="$TMP/nginx"
PIDS=()
cleanup() {
  set +e
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null; done
  [[ -s "$NGX/nginx.pid" ]] && kill -QUIT "$(cat "$NGX/nginx.pid")" 2>/dev/null
  su postgres -c "dropdb -p $PG_PORT --if-exists --force $DB" 2>/dev/null
  [[ "${KEEP_TMP:-0}" == 1 ]] && echo "kept $TMP" || rm -rf "$TMP"
}
trap cleanup EXIT

start_node() { # index
  local port="${NODE_PORTS[$1]}"
  # shellcheck disable=SC2086
  java ${JAVA_OPTS:-} -jar "$JAR" serve --port "$port" --data "$TMP/node$1" --db "$DB_URL" >"$TMP/node$1.log" 2>&1 &
  PIDS+=($!)
  local deadline=$((SECONDS + 90))
  until curl -fsS -o /dev/null "http://127.0.0.1:$port/healthz" 2>/dev/null; do
    ((SECONDS < deadline)) || { tail -n 30 "$TMP/node$1.log" >&2; die "node $1 did not become healthy"; }
    sleep 0.25
  done
}
log "starting two nodes on one PostgreSQL ($DB); the first loads the demo site"
start_node 0
start_node 1

mkdir -p "$NGX/tmp" "$TMP/www"
curl -fsS -o "$TMP/www/article.html" "http://127.0.0.1:${NODE_PORTS[0]}$ARTICLE_PATH" || die "no page at $ARTICLE_PATH"
# The same article from both (byte for byte differs: each page carries its node's signed form ticket).
title() { grep -o '<h1[^>]*>[^<]*' | head -n 1; }
[[ "$(curl -fsS "http://127.0.0.1:${NODE_PORTS[1]}$ARTICLE_PATH" | title)" == "$(title <"$TMP/www/article.html")" ]] \
  || die "the two nodes do not serve the same article"
chmod 755 "$TMP" "$TMP/www"; chmod 644 "$TMP/www/article.html"
cat >"$NGX/nginx.conf" <<CONF
worker_processes auto;
pid $NGX/nginx.pid;
error_log $NGX/error.log warn;
events { worker_connections 4096; }
http {
    access_log off;
    keepalive_requests 1000000;
    client_body_temp_path $NGX/tmp/body;
    proxy_temp_path $NGX/tmp/proxy;
    fastcgi_temp_path $NGX/tmp/fastcgi;
    uwsgi_temp_path $NGX/tmp/uwsgi;
    scgi_temp_path $NGX/tmp/scgi;
    default_type "text/html; charset=utf-8";
    # The same proxy settings as deploy/nginx-vertebra.conf, without TLS.
    upstream one { server 127.0.0.1:${NODE_PORTS[0]}; keepalive 64; }
    upstream two { least_conn; server 127.0.0.1:${NODE_PORTS[0]}; server 127.0.0.1:${NODE_PORTS[1]}; keepalive 64; }
    server { listen 127.0.0.1:$LB_ONE; location / { proxy_pass http://one; proxy_http_version 1.1;
        proxy_set_header Connection ""; proxy_set_header Host \$host;
        proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for; } }
    server { listen 127.0.0.1:$LB_TWO; location / { proxy_pass http://two; proxy_http_version 1.1;
        proxy_set_header Connection ""; proxy_set_header Host \$host;
        proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for; } }
    server { listen 127.0.0.1:$STATIC; root $TMP/www; location = "$ARTICLE_PATH" { try_files /article.html =404; } }
}
CONF
nginx -p "$NGX" -c "$NGX/nginx.conf" -e "$NGX/error.log" || die "nginx did not start"
sleep 0.5

parse_wrk() {
  awk '
    function ms(v, n, u) { match(v, /^[0-9.]+/); n = substr(v, 1, RLENGTH); u = substr(v, RLENGTH + 1);
      return u == "us" ? n / 1000 : u == "s" ? n * 1000 : n + 0 }
    /Latency Distribution/ { d = 1; next }
    d && $1 == "99%" { p99 = ms($2) }
    d && $1 == "50%" { p50 = ms($2) }
    /^Requests\/sec:/ { rps = $2 }
    /Non-2xx or 3xx responses:/ { bad = $NF }
    END { printf "%.0f %.2f %.2f %d\n", rps, p50, p99, bad + 0 }' "$1"
}
load() { # name port
  log "$1: wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" "http://127.0.0.1:$2$ARTICLE_PATH" >/dev/null
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "http://127.0.0.1:$2$ARTICLE_PATH" >"$TMP/wrk-$1.txt"
  parse_wrk "$TMP/wrk-$1.txt" >"$TMP/result-$1.txt"
  cat "$TMP/result-$1.txt"
}
load static "$STATIC"
load one "$LB_ONE"
load two "$LB_TWO"

row() { read -r rps p50 p99 bad <"$TMP/result-$1.txt"; printf '| %-34s | %8s | %6s | %6s | %7s |\n' "$2" "$rps" "$p50" "$p99" "$bad"; }
TABLE="$(
  printf '| through nginx on this machine      | req/s    | p50 ms | p99 ms | non-2xx |\n'
  printf '|------------------------------------|---------:|-------:|-------:|--------:|\n'
  row one "load balancer, one Vertebra node"
  row two "load balancer, two Vertebra nodes"
  row static "nginx serving the page itself"
)"
log "results"; echo "$TABLE"
{
  printf '\n## %s — several nodes behind nginx\n\n' "$(date -u '+%Y-%m-%d %H:%M UTC')"
  printf -- '- machine: %s cores, %s GiB RAM; the two nodes, PostgreSQL, nginx and wrk all share these cores\n' \
    "$(nproc)" "$(awk '/^MemTotal:/ { printf "%.1f", $2 / 1048576 }' /proc/meminfo)"
  printf -- '- commit: %s; PostgreSQL %s; page `%s`\n' "$(git rev-parse --short HEAD)" "$version" "$ARTICLE_PATH"
  printf -- '- load: `wrk -t%s -c%s -d%s --latency` per line, after a %s warm-up\n\n' "$THREADS" "$CONNECTIONS" "$DURATION" "$WARMUP"
  echo "$TABLE"
} >>"$RESULTS_FILE"
echo "appended to ${RESULTS_FILE#"$ROOT"/}"
