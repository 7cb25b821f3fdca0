# What the benchmark scripts share: tools, the jar, a server started and stopped, nginx stopped,
# wrk's output read. Sourced, never run:
#
#   . "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
#
# Sets ROOT to the repository and changes to it. Every function that fails stops the script with
# `die`, so a caller under `set -e` needs no checks of its own.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PATH="$PATH:/usr/sbin:/sbin" # nginx lives in /usr/sbin, which a user's PATH may leave out

log() { printf '\n== %s\n' "$*"; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# "10" and "10s" both mean ten seconds; wrk also takes 1m etc.
secs() { if [[ "$1" =~ ^[0-9]+$ ]]; then echo "${1}s"; else echo "$1"; fi; }

load_average() { cut -d' ' -f1-3 /proc/loadavg; }

# need_tools TOOL...: installs those missing with Debian's apt-get (as root, or through sudo).
need_tools() {
  local missing=() tool sudo=""
  for tool in "$@"; do command -v "$tool" >/dev/null 2>&1 || missing+=("$tool"); done
  if ((${#missing[@]})); then
    log "installing ${missing[*]}"
    if [[ "$(id -u)" != 0 ]]; then
      command -v sudo >/dev/null 2>&1 || die "need root (or sudo) to install: ${missing[*]}"
      sudo="sudo"
    fi
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
  command -v java >/dev/null 2>&1 || die "java not found"
}

# The JVM options ./vertebra starts a server with (its SMALL_SERVER_OPTS), so a benchmark measures
# what a user runs.
launcher_opts() { sed -n 's/^SMALL_SERVER_OPTS="\(.*\)"$/\1/p' "$ROOT/vertebra"; }

port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
# need_free_ports PORT...: stops the script when one is taken (another run, another engineer's server).
need_free_ports() {
  local port
  for port in "$@"; do
    if port_busy "$port"; then die "port $port is already in use"; fi
  done
}

# locate_jar: sets JAR to $JAR when given (it must exist), else to target/vertebra.jar, built when
# missing or when REBUILD=1.
locate_jar() {
  if [[ -n "${JAR:-}" ]]; then
    [[ -f "$JAR" ]] || die "JAR=$JAR does not exist"
    return
  fi
  JAR="$ROOT/target/vertebra.jar"
  if [[ ! -f "$JAR" || "${REBUILD:-0}" == 1 ]]; then
    log "building $JAR (mvn -q -B -DskipTests package)"
    mvn -q -B -DskipTests package
    [[ -f "$JAR" ]] || die "build finished but $JAR is missing"
  else
    echo "using existing $JAR ($(date -u -r "$JAR" '+%Y-%m-%d %H:%M UTC')); REBUILD=1 rebuilds it"
  fi
}

# jar_at_commit REV: prints the path of the jar built from that commit, building it first when
# needed. The tree is exported with `git archive` into ${TMPDIR:-/tmp}/vertebra-bench-SHA (not a
# git worktree, which would add an entry to the shared repository's metadata) and kept there, so
# a second run against the same commit reuses it. Maven's output goes to a log beside it.
jar_at_commit() {
  local sha dir
  sha="$(git -C "$ROOT" rev-parse --short=12 "$1^{commit}")" || die "no such commit: $1"
  dir="${TMPDIR:-/tmp}/vertebra-bench-$sha"
  if [[ ! -f "$dir/target/vertebra.jar" ]]; then
    log "building the jar of $sha in $dir" >&2
    rm -rf "$dir" && mkdir -p "$dir"
    git -C "$ROOT" archive "$sha" | tar -x -C "$dir"
    (cd "$dir" && mvn -o -q -B -DskipTests package >"$dir.build.log" 2>&1) \
      || { tail -n 20 "$dir.build.log" >&2; die "the build of $sha failed (log: $dir.build.log)"; }
  fi
  echo "$dir/target/vertebra.jar"
}

# start_vertebra JAR PORT DATA LOG [NAME=value...]: starts `serve` in the background with
# $JAVA_OPTS (a list of options) and the given environment, as ./vertebra would (MALLOC_ARENA_MAX=2
# unless set); sets SERVER_PID. Wait for it with wait_ready.
start_vertebra() {
  local jar="$1" port="$2" data="$3" out="$4"
  # shellcheck disable=SC2086 # JAVA_OPTS is a list of options
  env MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}" "${@:5}" java ${JAVA_OPTS:-} -jar "$jar" serve --port "$port" \
    --data "$data" >"$out" 2>&1 &
  SERVER_PID=$!
}

# wait_ready BASE_URL PID LOG [SECONDS]: waits until /healthz says the search index is ready (until
# then an article shows no related ones and its bytes change); stops the script, with the end of
# the server's log, when the server exits or the time (60 s) runs out. READY_WAIT, when set,
# replaces every script's limit: a start takes minutes when the machine is loaded far past its cores.
wait_ready() {
  local base="$1" pid="$2" out="$3" limit="${READY_WAIT:-${4:-60}}"
  local deadline=$((SECONDS + limit))
  until curl -fsS "$base/healthz" 2>/dev/null | grep -q '"index":"ready"'; do
    if ! kill -0 "$pid" 2>/dev/null; then
      tail -n 40 "$out" >&2 || true
      die "the server at $base exited before it was ready"
    fi
    if ((SECONDS >= deadline)); then
      tail -n 40 "$out" >&2 || true
      die "the server at $base was not ready within $limit s (READY_WAIT changes that)"
    fi
    sleep 0.25
  done
}

# stop_pid PID: asks the process to stop, waits up to 10 s, then kills it.
stop_pid() {
  local pid="$1"
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null || return 0
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.2; done
  kill -9 "$pid" 2>/dev/null || true
}

# stop_nginx DIR: stops the throwaway nginx whose pid file is DIR/nginx.pid, if it runs.
stop_nginx() {
  [[ -s "$1/nginx.pid" ]] || return 0
  local pid
  pid="$(cat "$1/nginx.pid")"
  kill -QUIT "$pid" 2>/dev/null || true
  for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.2; done
  kill -9 "$pid" 2>/dev/null || true
}

# parse_wrk FILE: prints "req_per_s p50_ms p99_ms non2xx socket_errors requests" from `wrk --latency`'s
# output; fails when the output lacks them.
parse_wrk() {
  awk '
    function ms(v,   n, u) {
      if (!match(v, /^[0-9.]+/)) return "NaN"
      n = substr(v, 1, RLENGTH); u = substr(v, RLENGTH + 1)
      if (u == "us") return n / 1000
      if (u == "ms") return n + 0
      if (u == "s")  return n * 1000
      if (u == "m")  return n * 60000
      if (u == "h")  return n * 3600000
      return "NaN"
    }
    /Latency Distribution/ { dist = 1; next }
    dist && $1 == "50%" { p50 = ms($2) }
    dist && $1 == "99%" { p99 = ms($2) }
    / requests in / { n = $1 }
    /^Requests\/sec:/ { rps = $2 }
    /Non-2xx or 3xx responses:/ { bad = $NF }
    /Socket errors:/ { gsub(/,/, ""); err = $4 + $6 + $8 + $10 }
    END {
      if (rps == "" || p50 == "" || p99 == "" || p50 == "NaN" || p99 == "NaN" || n == "") exit 1
      printf "%.2f %.3f %.3f %d %d %d\n", rps, p50, p99, bad + 0, err + 0, n
    }' "$1"
}

# corpus_tools CLASSES JAR PATHS: compiles bench/search's corpus and query writers against JAR into
# CLASSES and writes QueryPaths's lists of request paths (warmup, fixed, once, fresh) into PATHS.
corpus_tools() {
  mkdir -p "$1"
  javac -nowarn -cp "$2" -d "$1" "$ROOT/bench/search/SearchBenchmark.java" "$ROOT/bench/search/MarkdownCorpus.java" \
    "$ROOT/bench/search/QueryPaths.java"
  java -cp "$1:$2" QueryPaths "$ROOT/bench/search/queries.txt" "$3"
}

# import_corpus SITE ARTICLES JAR CLASSES: writes ARTICLES articles of bench/search.sh's corpus (its
# fixed seed) as Markdown beside SITE and imports them into SITE with `vertebra import` under
# $JAVA_OPTS; the import's output goes to SITE.import.log. Prints how long it took.
import_corpus() {
  local site="$1" markdown="$1.markdown" started=$SECONDS
  rm -rf "$markdown"
  java -cp "$4:$3" MarkdownCorpus "$markdown" "$2" >&2
  # shellcheck disable=SC2086 # JAVA_OPTS is a list of options
  java ${JAVA_OPTS:-} -jar "$3" import --data "$site" --default-disclosure "The author declares no conflicts of interest." \
    "$markdown" >"$site.import.log" 2>&1 || { tail -n 20 "$site.import.log" >&2; die "the import failed"; }
  rm -rf "$markdown"
  echo "imported in $((SECONDS - started)) s ($(tail -n 1 "$site.import.log"))"
}

# The commit a run measures, marked when the tree has changes git has not recorded.
commit_label() {
  local commit
  commit="$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
  if [[ "$commit" != unknown && -n "$(git -C "$ROOT" status --porcelain -- src pom.xml 2>/dev/null)" ]]; then
    commit="$commit (with uncommitted changes)"
  fi
  echo "$commit"
}
