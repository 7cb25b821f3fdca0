#!/usr/bin/env bash
# The desk's lists and the evidence report of a large site, an earlier build against this one, side
# by side in the same run (issue 17): both servers run at once, each on its own copy of the same
# site, with the launcher's options and the page cache off; each page is loaded by wrk with one
# connection, the earlier build and then this one, for ROUNDS rounds, and the run records the
# medians of p50 and p99 with the ratio this/earlier. The evidence CSV is downloaded by curl from
# each, the earlier build's cut off after CSV_LIMIT seconds (it took 21 minutes at 100,000
# articles), so that the lines a second are compared. Appends the run to bench/RESULTS.md.
# A measurement, not a test: exits 0 whether targets pass or miss.
#
#   SITE_BEFORE=/var/tmp/site-v34/data SITE_AFTER=/var/tmp/site-v35/data BEFORE=d846baf bench/desk-side-by-side.sh
#
# Environment:
#   SITE_BEFORE, SITE_AFTER  data folders of two copies of one site (required): each build migrates
#                            its own, and an earlier build refuses a database migrated past it
#   BEFORE                   the earlier commit (its jar is built by lib.sh's jar_at_commit), or
#   JAR_BEFORE               its jar; AFTER (a commit) or JAR (this build's jar, built when missing; REBUILD=1)
#   ROUNDS (2), DURATION (5s), CSV_LIMIT (60), PORT_BEFORE / PORT_AFTER (18480 / 18481),
#   EMAIL / PASSWORD         an account of the site that may read the desk (bench/large-site.sh's)
#   PATHS                    the pages, one "name|path" a line (default: the list below)
#   RESULTS_FILE             where the run is appended (bench/RESULTS.md)
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

: "${SITE_BEFORE:?the data folder of the earlier build's copy of the site}"
: "${SITE_AFTER:?the data folder of this build's copy of the site}"
ROUNDS="${ROUNDS:-2}"
DURATION="$(secs "${DURATION:-5s}")"
CSV_LIMIT="${CSV_LIMIT:-60}"
PORT_BEFORE="${PORT_BEFORE:-18480}"
PORT_AFTER="${PORT_AFTER:-18481}"
EMAIL="${EMAIL:-editor@bench.example}"
PASSWORD="${PASSWORD:-a long enough bench password}"
RESULTS_FILE="${RESULTS_FILE:-$ROOT/bench/RESULTS.md}"
P99_TARGET_MS=50
PATHS="${PATHS:-desk: all|/admin/articles/
desk: published|/admin/articles/?shelf=published
desk: review due|/admin/articles/?shelf=review-due
desk: published, page 20|/admin/articles/?shelf=published&page=20
desk: published, page 2000|/admin/articles/?shelf=published&page=2000
desk: all, page 3999|/admin/articles/?page=3999
desk: by title, page 1000|/admin/articles/?sort=title&page=1000
desk: published by grade, page 1500|/admin/articles/?shelf=published&sort=grade&page=1500
evidence report|/admin/articles/evidence/
evidence report by grade, page 1000|/admin/articles/evidence/?sort=grade&page=1000
evidence report by missed, desc|/admin/articles/evidence/?sort=missed&dir=desc
evidence report by title, page 2|/admin/articles/evidence/?sort=title&page=2
evidence report by title, page 2000|/admin/articles/evidence/?sort=title&page=2000}"
need_tools wrk curl

if [[ -z "${JAR_BEFORE:-}" ]]; then
  : "${BEFORE:?BEFORE (a commit) or JAR_BEFORE}"
  JAR_BEFORE="$(jar_at_commit "$BEFORE")"
fi
if [[ -n "${AFTER:-}" && -z "${JAR:-}" ]]; then
  JAR="$(jar_at_commit "$AFTER")"
fi
locate_jar
JAVA_OPTS="${JAVA_OPTS:-$(launcher_opts)}"
need_free_ports "$PORT_BEFORE" "$PORT_AFTER"

TMP="$(mktemp -d "${TMPDIR:-/tmp}/vertebra-desk-sbs.XXXXXX")"
PID_BEFORE=""; PID_AFTER=""
trap 'stop_pid "$PID_BEFORE"; stop_pid "$PID_AFTER"; rm -rf "$TMP"' EXIT
LOAD_START="$(load_average)"

log "starting the earlier build on :$PORT_BEFORE and this one on :$PORT_AFTER (page cache off)"
start_vertebra "$JAR_BEFORE" "$PORT_BEFORE" "$SITE_BEFORE" "$TMP/before.log" VERTEBRA_PAGE_CACHE=off
PID_BEFORE=$SERVER_PID
start_vertebra "$JAR" "$PORT_AFTER" "$SITE_AFTER" "$TMP/after.log" VERTEBRA_PAGE_CACHE=off
PID_AFTER=$SERVER_PID
wait_ready "http://127.0.0.1:$PORT_BEFORE" "$PID_BEFORE" "$TMP/before.log" 600
wait_ready "http://127.0.0.1:$PORT_AFTER" "$PID_AFTER" "$TMP/after.log" 600

# sign_in BASE: prints the Cookie header's value of a session of EMAIL.
sign_in() {
  local jar="$TMP/cookies-$RANDOM" token
  token=$(curl -fsS -c "$jar" -b "$jar" "$1/admin/sign-in/" | grep -oE 'name="_csrf" value="[^"]+"' | head -1 \
    | sed 's/.*value="//; s/"$//')
  curl -fsS -o /dev/null -c "$jar" -b "$jar" --data-urlencode "_csrf=$token" --data-urlencode "email=$EMAIL" \
    --data-urlencode "password=$PASSWORD" "$1/admin/sign-in/"
  sed 's/^#HttpOnly_//' "$jar" | awk '!/^#/ && NF >= 7 { printf "%s%s=%s", (n++ ? "; " : ""), $6, $7 }'
}
COOKIE_BEFORE="$(sign_in "http://127.0.0.1:$PORT_BEFORE")"
COOKIE_AFTER="$(sign_in "http://127.0.0.1:$PORT_AFTER")"
[[ -n "$COOKIE_BEFORE" && -n "$COOKIE_AFTER" ]] || die "could not sign in as $EMAIL"

# load SIDE PATH ROUND: one wrk run after a 2 s warm-up; prints "p50 p99 requests" (0 0 0 when none finished).
load() {
  local port cookie out="$TMP/wrk-$1-$3.txt"
  if [[ "$1" == before ]]; then port=$PORT_BEFORE; cookie=$COOKIE_BEFORE; else port=$PORT_AFTER; cookie=$COOKIE_AFTER; fi
  wrk -t1 -c1 -d2s -H "Cookie: $cookie" "http://127.0.0.1:$port$2" >/dev/null
  wrk -t1 -c1 -d"$DURATION" --latency -H "Cookie: $cookie" "http://127.0.0.1:$port$2" >"$out"
  if read -r _ p50 p99 _ _ n < <(parse_wrk "$out"); then echo "$p50 $p99 $n"; else echo "0 0 0"; fi
}
median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

log "each page, one request at a time, $DURATION, $ROUNDS rounds (earlier build, then this one)"
ROWS=""
while IFS='|' read -r name path; do
  [[ -n "$name" ]] || continue
  b50=(); b99=(); a50=(); a99=(); bn=0; an=0
  for round in $(seq 1 "$ROUNDS"); do
    read -r p50 p99 n < <(load before "$path" "$round"); b50+=("$p50"); b99+=("$p99"); bn=$((bn + n))
    read -r p50 p99 n < <(load after "$path" "$round"); a50+=("$p50"); a99+=("$p99"); an=$((an + n))
  done
  mb50=$(echo "${b50[*]}" | median); mb99=$(echo "${b99[*]}" | median)
  ma50=$(echo "${a50[*]}" | median); ma99=$(echo "${a99[*]}" | median)
  # wrk gives up on a request after 2 s and then reports latencies of 0
  if ((bn == 0)) || awk -v p="$mb99" 'BEGIN { exit !(p + 0 == 0) }'; then mb50="no answer"; mb99="within 2 s"; fi
  ratio=$(awk -v a="$ma50" -v b="$mb50" 'BEGIN { if (b + 0 > 0) printf "%.3f", a / b; else print "-" }')
  ok=$(awk -v p="$ma99" -v t="$P99_TARGET_MS" -v n="$an" 'BEGIN { print (n > 0 && p > 0 && p < t) ? "met" : "NOT met" }')
  printf '   %-40s before p50 %s p99 %s | after p50 %s p99 %s | p50 ratio %s | %s\n' "$name" "$mb50" "$mb99" "$ma50" "$ma99" "$ratio" "$ok"
  ROWS+="| $name | \`$path\` | $mb50 | $mb99 | $ma50 | $ma99 | $ratio | $ok ($ma99 ms) |"$'\n'
done <<<"$PATHS"

log "the evidence CSV, downloaded by curl (the earlier build's cut off after $CSV_LIMIT s)"
csv() { # SIDE: prints "lines seconds first_byte_ms rss_before_mb rss_after_mb"
  local port cookie pid out="$TMP/csv-$1.csv" times rss0 rss1
  if [[ "$1" == before ]]; then port=$PORT_BEFORE; cookie=$COOKIE_BEFORE; pid=$PID_BEFORE; else port=$PORT_AFTER; cookie=$COOKIE_AFTER; pid=$PID_AFTER; fi
  rss0=$(awk '/VmRSS/ { printf "%d", $2 / 1024 }' "/proc/$pid/status")
  times=$(curl -s -o "$out" --max-time "$( [[ "$1" == before ]] && echo "$CSV_LIMIT" || echo 600)" \
    -w '%{time_starttransfer} %{time_total}' -H "Cookie: $cookie" "http://127.0.0.1:$port/admin/articles/evidence.csv" || true)
  rss1=$(awk '/VmRSS/ { printf "%d", $2 / 1024 }' "/proc/$pid/status")
  echo "$(wc -l <"$out") $(echo "$times" | awk '{ printf "%.2f %.0f", $2, $1 * 1000 }') $rss0 $rss1"
}
read -r BL BS BF BR0 BR1 < <(csv before)
read -r AL AS AF AR0 AR1 < <(csv after)
echo "   before: $BL lines in $BS s (first byte $BF ms); after: $AL lines in $AS s (first byte $AF ms)"
LOAD_END="$(load_average)"

{
  echo
  echo "## $(date -u '+%Y-%m-%d %H:%M') UTC — the desk's lists and the evidence report, side by side (bench/desk-side-by-side.sh)"
  echo
  echo "- machine: $(nproc) cores, shared; load average $LOAD_START at the start, $LOAD_END at the end"
  echo "- before: \`$JAR_BEFORE\`${BEFORE:+ ($BEFORE)} on \`$SITE_BEFORE\`; after: \`$JAR\` (${AFTER:-$(commit_label)}) on \`$SITE_AFTER\`"
  echo "- both servers at once, launcher's options, \`VERTEBRA_PAGE_CACHE=off\`; \`wrk -t1 -c1 -d$DURATION --latency\` after 2 s, $ROUNDS rounds, medians"
  echo
  echo "| page | path | before p50 ms | before p99 ms | after p50 ms | after p99 ms | p50 after/before | p99 < $P99_TARGET_MS ms |"
  echo "|---|---|---:|---:|---:|---:|---:|---|"
  printf '%s' "$ROWS"
  echo
  echo "- evidence CSV: before $BL lines in $BS s (cut off at $CSV_LIMIT s; first byte $BF ms; RSS $BR0 → $BR1 MB);" \
    "after $AL lines in $AS s (first byte $AF ms; RSS $AR0 → $AR1 MB)"
} >>"$RESULTS_FILE"
echo "appended to ${RESULTS_FILE#"$ROOT"/}"
