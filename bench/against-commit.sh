#!/usr/bin/env bash
# This checkout against an earlier commit, side by side in one run: the cached article page, the
# article page rendered on every request (page cache off) and the search page, each build's
# servers up at the same time on their own copies of the same data, loaded in turns.
#
#   bench/against-commit.sh                 # against 6094f0e (issue 19's session start)
#   bench/against-commit.sh HEAD~1          # against any commit
#   ARTICLES=2000 ROUNDS=2 DURATION=5s bench/against-commit.sh   # a short run
#
# Builds the earlier commit's jar (bench/lib.sh's jar_at_commit: `git archive` into
# /tmp/vertebra-bench-SHA, kept for the next run) and this checkout's (target/vertebra.jar, rebuilt
# when the sources are newer, as ./vertebra does). Prepares two data folders once, with the earlier
# build so that both builds can open them (the later one migrates its copy forward if it must):
# the demo site, and a site of ARTICLES generated articles (bench/search.sh's corpus, written by
# bench/search/MarkdownCorpus.java and loaded with `vertebra import`, as bench/search-page.sh does)
# with its search index built. Each build then gets three servers, each on its own copy: the demo
# site with the page cache on, the same with it off (VERTEBRA_PAGE_CACHE=off), and the generated
# site. All six run at once with the launcher's JVM options. After a warm-up of each, every round
# loads each page on both builds one after the other, the earlier build first in odd rounds and
# last in even ones, so that neither always meets the machine in the same state:
#   cached article     wrk -t2 -c64 on ARTICLE_PATH, page cache on
#   uncached article   wrk -t2 -c16 on ARTICLE_PATH, page cache off
#   search             wrk -t2 -c8 through bench/search/paths.lua, queries never asked twice (each
#                      round its own slice of fresh.txt, the same slice for both builds), so no
#                      kept result answers them
# It prints the median over the rounds of req/s, p50 and p99 for each build with the ratios
# new/base, checks "no worse" (req/s at least 1 - RPS_TOLERANCE of the base's and p99 at most
# 1 + P99_TOLERANCE of it), and appends the run with the load average to bench/RESULTS.md.
# A measurement, not a test: exits 0 whatever the figures; non-zero means the setup failed.
#
# Environment (all optional):
#   ARTICLE_PATH   the article                                   (/sciatica-and-disc-herniation/)
#   ARTICLES       generated articles in the search site         (10000)
#   SEARCH_SITE    keep the generated site's seed here and reuse it (skips the import when
#                  SEARCH_SITE/imported-ARTICLES exists); default: a fresh one in TMP
#   ROUNDS         rounds of the three pages on both builds      (3)
#   DURATION       wrk's time for each page, build and round     (10s)
#   WARMUP         wrk's warm-up of each server                  (10s)
#   RPS_TOLERANCE / P99_TOLERANCE   what "no worse" allows       (0.05 / 0.10)
#   BASE_PORT      the six servers take BASE_PORT..+2 and +10..+12 (18400)
#   JAVA_OPTS      the servers' JVM options; unset: the launcher's (./vertebra's SMALL_SERVER_OPTS)
#   RESULTS_FILE   where the run is appended                     (bench/RESULTS.md)
#   KEEP_TMP=1     keep the temporary directory (data, logs, wrk output)
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

BASE_COMMIT="${1:-6094f0e}"
ARTICLE_PATH="${ARTICLE_PATH:-/sciatica-and-disc-herniation/}"
ARTICLES="${ARTICLES:-10000}"
ROUNDS="${ROUNDS:-3}"
DURATION="$(secs "${DURATION:-10s}")"
WARMUP="$(secs "${WARMUP:-10s}")"
RPS_TOLERANCE="${RPS_TOLERANCE:-0.05}"
P99_TOLERANCE="${P99_TOLERANCE:-0.10}"
BASE_PORT="${BASE_PORT:-18400}"
RESULTS_FILE="${RESULTS_FILE:-$ROOT/bench/RESULTS.md}"
LUA="$ROOT/bench/search/paths.lua"
JAVA_OPTS="${JAVA_OPTS-$(launcher_opts)}"
KINDS=(cached uncached search)
BUILDS=(base new)

need_tools wrk curl
port_of() { # build kind
  local offset=0 k
  [[ "$1" == new ]] && offset=10
  for k in 0 1 2; do [[ "${KINDS[$k]}" == "$2" ]] && echo $((BASE_PORT + offset + k)); done
}
for b in "${BUILDS[@]}"; do for k in "${KINDS[@]}"; do need_free_ports "$(port_of "$b" "$k")"; done; done

# ---------------------------------------------------------------- the two jars
BASE_SHA="$(git rev-parse --short "$BASE_COMMIT^{commit}")" || die "no such commit: $BASE_COMMIT"
BASE_JAR="$(jar_at_commit "$BASE_SHA")"
NEW_JAR="$ROOT/target/vertebra.jar"
if [[ ! -f "$NEW_JAR" || -n "$(find "$ROOT/src/main" "$ROOT/pom.xml" -newer "$NEW_JAR" -type f -print -quit)" ]]; then
  log "building $NEW_JAR (the sources are newer)"
  mvn -q -B -DskipTests package
fi
NEW_LABEL="$(commit_label)"
jar_of() { if [[ "$1" == base ]]; then echo "$BASE_JAR"; else echo "$NEW_JAR"; fi; }

TMP="$(mktemp -d "${TMPDIR:-/tmp}/vertebra-against.XXXXXX")"
declare -A PID=()
cleanup() {
  set +e
  local key
  for key in "${!PID[@]}"; do stop_pid "${PID[$key]}"; done
  if [[ "${KEEP_TMP:-0}" == 1 ]]; then echo "kept $TMP"; else rm -rf "$TMP"; fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---------------------------------------------------------------- the data, made once
# seed DIR LABEL: serves DIR with the base build until its search index is ready, then stops it, so
# the copies start with the demo site loaded (on a new folder) and the index built.
seed() {
  local port=$((BASE_PORT + 20))
  need_free_ports "$port"
  start_vertebra "$BASE_JAR" "$port" "$1" "$TMP/seed-$2.log"
  PID[seed]=$SERVER_PID
  wait_ready "http://127.0.0.1:$port" "$SERVER_PID" "$TMP/seed-$2.log" 1800
  stop_pid "$SERVER_PID"
}
log "the demo site (made by $BASE_SHA's build)"
seed "$TMP/demo" demo

log "compiling the corpus and query writers"
corpus_tools "$TMP/classes" "$NEW_JAR" "$TMP/paths"
SEARCH_SEED="${SEARCH_SITE:-$TMP/search}"
if [[ ! -f "$SEARCH_SEED/imported-$ARTICLES" ]]; then
  rm -rf "$SEARCH_SEED"
  log "writing $ARTICLES articles as Markdown and importing them with $BASE_SHA's build"
  import_corpus "$SEARCH_SEED" "$ARTICLES" "$BASE_JAR" "$TMP/classes"
  log "building the generated site's search index"
  seed "$SEARCH_SEED" search
  touch "$SEARCH_SEED/imported-$ARTICLES"
fi

# Each round's own slice of the queries never asked twice; both builds get the same slice.
FRESH_LINES="$(wc -l <"$TMP/paths/fresh.txt")"
split -d -a 2 -l $((FRESH_LINES / ROUNDS)) "$TMP/paths/fresh.txt" "$TMP/paths/fresh-"

# ---------------------------------------------------------------- six servers
for b in "${BUILDS[@]}"; do
  for k in "${KINDS[@]}"; do
    data="$TMP/data-$b-$k"
    if [[ "$k" == search ]]; then cp -a "$SEARCH_SEED" "$data"; else cp -a "$TMP/demo" "$data"; fi
    cache=on
    [[ "$k" == uncached ]] && cache=off
    log "$b $k on :$(port_of "$b" "$k") ($(jar_of "$b"), page cache $cache)"
    start_vertebra "$(jar_of "$b")" "$(port_of "$b" "$k")" "$data" "$TMP/server-$b-$k.log" VERTEBRA_PAGE_CACHE="$cache"
    PID[$b-$k]=$SERVER_PID
  done
done
# settle LOG NAME: waits (up to 15 min) until the server's log says its evidence figures are up to date,
# the last of the start's background work (the search index is waited for by wait_ready).
settle() {
  local deadline=$((SECONDS + 900))
  until grep -q "evidence figures up to date" "$1"; do
    ((SECONDS < deadline)) || die "$2: the evidence figures were not worked out within 15 min (see $1)"
    sleep 1
  done
}

for b in "${BUILDS[@]}"; do
  for k in "${KINDS[@]}"; do
    wait_ready "http://127.0.0.1:$(port_of "$b" "$k")" "${PID[$b-$k]}" "$TMP/server-$b-$k.log" 1800
    # The start's background work too: a build whose migration asks for every article's evidence figures
    # again (V35) would otherwise spend the measured minutes working them out, and be measured with it.
    settle "$TMP/server-$b-$k.log" "$b $k"
  done
  code="$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$(port_of "$b" cached)$ARTICLE_PATH")"
  [[ "$code" == 200 ]] || die "$ARTICLE_PATH answered $code on the $b build"
done

# ---------------------------------------------------------------- load
# load BUILD KIND SECONDS OUT [PATHS]: one wrk run of this page on this build (a 10 s timeout, so that a
# slow answer on a loaded machine counts in the latency rather than as an error).
load() {
  local url="http://127.0.0.1:$(port_of "$1" "$2")"
  case "$2" in
    cached) wrk -t2 -c64 -d"$3" --timeout 10s --latency "$url$ARTICLE_PATH" >"$4" ;;
    uncached) wrk -t2 -c16 -d"$3" --timeout 10s --latency "$url$ARTICLE_PATH" >"$4" ;;
    search) PATHS_FILE="${5:-$TMP/paths/warmup.txt}" wrk -t2 -c8 -d"$3" --timeout 10s --latency -s "$LUA" "$url" >"$4" ;;
  esac
}

LOAD_BEFORE="$(load_average)"
log "warm-up: $WARMUP of each page on each build"
for k in "${KINDS[@]}"; do for b in "${BUILDS[@]}"; do load "$b" "$k" "$WARMUP" "$TMP/warmup-$b-$k.txt"; done; done

for ((r = 1; r <= ROUNDS; r++)); do
  if ((r % 2)); then order=(base new); else order=(new base); fi
  slice="$TMP/paths/fresh-$(printf '%02d' $((r - 1)))"
  for k in "${KINDS[@]}"; do
    for b in "${order[@]}"; do
      load "$b" "$k" "$DURATION" "$TMP/wrk-$r-$b-$k.txt" "$slice"
      parse_wrk "$TMP/wrk-$r-$b-$k.txt" >"$TMP/result-$r-$b-$k.txt" || die "could not read wrk's output for $b $k, round $r"
      printf 'round %d  %-8s %-4s  %s\n' "$r" "$k" "$b" "$(cat "$TMP/result-$r-$b-$k.txt")"
    done
  done
done
LOAD_AFTER="$(load_average)"
for b in "${BUILDS[@]}"; do
  for k in "${KINDS[@]}"; do
    grep -q OutOfMemoryError "$TMP/server-$b-$k.log" && die "the $b $k server ran out of memory (see KEEP_TMP=1)"
    kill -0 "${PID[$b-$k]}" 2>/dev/null || die "the $b $k server died during the run"
  done
done

# ---------------------------------------------------------------- figures
# median BUILD KIND FIELD (1 req/s, 2 p50, 3 p99, 4+5 errors summed): over the rounds.
median() {
  local r
  for ((r = 1; r <= ROUNDS; r++)); do
    awk -v f="$3" '{ print (f == 4 ? $4 + $5 : $f) }' "$TMP/result-$r-$1-$2.txt"
  done | sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }
declare -A LABEL=([cached]="article page, cached (-c64)" [uncached]="article page, uncached (-c16)" [search]="search page, no query asked twice (-c8)")
TABLE="| page | base req/s | new req/s | new/base | base p50 | new p50 | new/base | base p99 | new p99 | new/base | errors base/new |"$'\n'
TABLE+="|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"$'\n'
CHECKS=""
ROUND_RATIOS=""
for k in "${KINDS[@]}"; do
  b_rps="$(median base "$k" 1)"; n_rps="$(median new "$k" 1)"
  b_p50="$(median base "$k" 2)"; n_p50="$(median new "$k" 2)"
  b_p99="$(median base "$k" 3)"; n_p99="$(median new "$k" 3)"
  b_err="$(median base "$k" 4)"; n_err="$(median new "$k" 4)"
  rps_ratio="$(ratio "$n_rps" "$b_rps")"; p99_ratio="$(ratio "$n_p99" "$b_p99")"
  TABLE+="| ${LABEL[$k]} | $b_rps | $n_rps | $rps_ratio | $b_p50 | $n_p50 | $(ratio "$n_p50" "$b_p50") | $b_p99 | $n_p99 | $p99_ratio | $b_err / $n_err |"$'\n'
  verdict="$(awk -v r="$rps_ratio" -v p="$p99_ratio" -v rt="$RPS_TOLERANCE" -v pt="$P99_TOLERANCE" \
    'BEGIN { print ((r >= 1 - rt && p <= 1 + pt) ? "met" : "NOT met") }')"
  CHECKS+="- ${LABEL[$k]}: no worse than $BASE_SHA (req/s at least $(awk -v t="$RPS_TOLERANCE" 'BEGIN { print 1 - t }') of the base's, p99 at most $(awk -v t="$P99_TOLERANCE" 'BEGIN { print 1 + t }') of it): **$verdict** (req/s x$rps_ratio, p99 x$p99_ratio)"$'\n'
  per_round=""
  for ((r = 1; r <= ROUNDS; r++)); do
    per_round+=" $(ratio "$(cut -d' ' -f1 "$TMP/result-$r-new-$k.txt")" "$(cut -d' ' -f1 "$TMP/result-$r-base-$k.txt")")"
  done
  ROUND_RATIOS+="- ${LABEL[$k]}: new/base req/s by round:$per_round"$'\n'
done

log "results (medians over $ROUNDS rounds; ms)"
printf '%s\n%s%s' "$TABLE" "$CHECKS" "$ROUND_RATIOS"

# shellcheck disable=SC2016 # the backticks are Markdown
{
  printf '\n## %s — this build against %s (bench/against-commit.sh)\n\n' "$(date -u '+%Y-%m-%d %H:%M UTC')" "$BASE_SHA"
  printf -- '- machine: %s cores (%s), %s RAM, kernel %s; load average %s before the load, %s after\n' "$(nproc)" \
    "$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)" "$(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)" \
    "$(uname -r)" "$LOAD_BEFORE" "$LOAD_AFTER"
  printf -- '- new: %s (target/vertebra.jar); base: %s (built from `git archive %s`)\n' "$NEW_LABEL" "$BASE_SHA" "$BASE_SHA"
  printf -- '- data: the demo site and %s generated articles, each made once by the base build and copied for each of the six servers; JVM options `%s`\n' \
    "$ARTICLES" "${JAVA_OPTS:-(none)}"
  printf -- '- load: %s rounds of `wrk -d%s --latency` per page and build, turns alternating, after a %s warm-up of each; article `%s`\n\n' \
    "$ROUNDS" "$DURATION" "$WARMUP" "$ARTICLE_PATH"
  printf '%s\n%s%s' "$TABLE" "$CHECKS" "$ROUND_RATIOS"
} >>"$RESULTS_FILE"
echo
echo "appended to ${RESULTS_FILE#"$ROOT"/}"
