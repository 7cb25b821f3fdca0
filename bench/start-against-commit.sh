#!/usr/bin/env bash
# The start of this checkout against an earlier commit's, side by side in one run: from the launch
# of the JVM to the first answered page (`/`) and to /healthz saying ok, on the same data folder (the
# demo site, made once by the earlier build, so that both can open it), the two builds started in
# turns, the earlier one first in odd rounds and last in even ones. Both with the launcher's JVM
# options but without its class archive (each build would need its own, made by a warm-up run):
# the ratio says what the change does to the start, bench/start.sh what a user's start takes.
#
#   bench/start-against-commit.sh HEAD~1
#   ROUNDS=9 bench/start-against-commit.sh 141e7bb
#
# Prints the medians and the ratio new/base and appends the run, with the load average, to
# bench/RESULTS.md. A measurement, not a test: exits 0 whatever the figures.
#
# Environment (all optional):
#   ROUNDS         starts of each build                  (7)
#   PORT           the servers' port                     (18311)
#   RESULTS_FILE   where the run is appended             (bench/RESULTS.md)
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

BASE="${1:?usage: bench/start-against-commit.sh COMMIT}"
ROUNDS="${ROUNDS:-7}"
PORT="${PORT:-18311}"
RESULTS_FILE="${RESULTS_FILE:-$ROOT/bench/RESULTS.md}"
need_free_ports "$PORT"
BASE_JAR="$(jar_at_commit "$BASE")"
locate_jar
NEW_JAR="$JAR"
TMP="$(mktemp -d "${TMPDIR:-/tmp}/vertebra-start-against.XXXXXX")"
trap 'stop_pid "${SERVER_PID:-}"; rm -rf "$TMP"' EXIT
DATA="$TMP/data"
# Without the archive: the options the launcher gives the JVM, as a list.
read -r -a OPTS <<<"$(launcher_opts)"

millis() { date +%s%3N; }

# start_once JAR: prints "first-page-ms ok-ms".
start_once() {
  local began first ok
  began=$(millis)
  java "${OPTS[@]}" -jar "$1" serve --port "$PORT" --data "$DATA" >"$TMP/server.log" 2>&1 &
  SERVER_PID=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$PORT/"; do
    kill -0 "$SERVER_PID" 2>/dev/null || { tail -n 40 "$TMP/server.log" >&2; die "the server stopped"; }
    sleep 0.01
  done
  first=$(($(millis) - began))
  until curl -s "http://127.0.0.1:$PORT/healthz" | grep -q '"status":"ok"'; do sleep 0.01; done
  ok=$(($(millis) - began))
  stop_pid "$SERVER_PID"
  echo "$first $ok"
}

log "preparing the demo site with $BASE's build"
start_vertebra "$BASE_JAR" "$PORT" "$DATA" "$TMP/first.log"
wait_ready "http://127.0.0.1:$PORT" "$SERVER_PID" "$TMP/first.log" 120
stop_pid "$SERVER_PID"
# One start of the new build first: it migrates the folder forward if it must, and brings its index up to date.
start_vertebra "$NEW_JAR" "$PORT" "$DATA" "$TMP/first.log"
wait_ready "http://127.0.0.1:$PORT" "$SERVER_PID" "$TMP/first.log" 120
stop_pid "$SERVER_PID"

LOAD_BEFORE="$(load_average)"
log "$ROUNDS starts of each build, in turns"
: >"$TMP/runs"
for round in $(seq 1 "$ROUNDS"); do
  if ((round % 2)); then order=(base new); else order=(new base); fi
  for build in "${order[@]}"; do
    jar="$BASE_JAR"; [[ "$build" == new ]] && jar="$NEW_JAR"
    echo "$build $(start_once "$jar")" | tee -a "$TMP/runs"
  done
done
LOAD_AFTER="$(load_average)"

SUMMARY="$(python3 - "$TMP/runs" <<'PY'
import statistics, sys
rows = [l.split() for l in open(sys.argv[1]) if l.strip()]
def col(build, i): return [int(r[i]) for r in rows if r[0] == build]
med = {b: (statistics.median(col(b, 1)), statistics.median(col(b, 2))) for b in ("base", "new")}
print("| build | first page, median ms | /healthz ok, median ms | first page by round |")
print("|---|---:|---:|---|")
for b in ("base", "new"):
    print(f"| {b} | {med[b][0]:.0f} | {med[b][1]:.0f} | {' '.join(map(str, col(b, 1)))} |")
faster = sum(1 for n, o in zip(col("new", 1), col("base", 1)) if n < o)
print()
print(f"- new/base: first page {med['new'][0] / med['base'][0]:.2f}, /healthz ok {med['new'][1] / med['base'][1]:.2f}; "
      f"the new build's first page came sooner in {faster} of {len(col('new', 1))} rounds")
PY
)"
echo "$SUMMARY"
{
  echo
  echo "## $(date -u '+%Y-%m-%d %H:%M') UTC — start, this build against $BASE (bench/start-against-commit.sh)"
  echo
  echo "- machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB RAM; load average $LOAD_BEFORE before, $LOAD_AFTER after"
  echo "- new: $(commit_label); base: $BASE; the demo site; $ROUNDS starts of each, in turns; JVM options \`${OPTS[*]}\` (no class archive)"
  echo
  echo "$SUMMARY"
} >>"$RESULTS_FILE"
echo "appended to $RESULTS_FILE"
