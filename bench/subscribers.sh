#!/usr/bin/env bash
# Newsletter benchmark (issue 17): a site with SUBSCRIBERS confirmed subscribers (100,000), imported
# as a CSV through the admin, then: the admin's subscriber list and newsletter page (p50, p99), the
# CSV export (time, and the server's resident memory before and at its peak during the export),
# the digest to every subscriber (the time the admin's request takes, the time until every mail is
# in the outbox, the send rate to a local SMTP sink), and an article page's latency at a fixed low
# rate, idle and during the send, with the ratio (target <= 1.5). The server runs with the
# launcher's JVM options (SMALL_SERVER_OPTS in ./vertebra) on SQLite. Appends the run to
# bench/RESULTS.md. A measurement, not a test: exits 0 whether targets pass or miss.
#
# Environment (all optional):
#   SUBSCRIBERS    confirmed subscribers imported            (100000)
#   RATE           article requests a second, idle and during the send (20)
#   WINDOW         seconds the article is measured, each time (30)
#   LIST_REQUESTS  admin list requests timed                 (200)
#   PORT           the server's port                         (18095)
#   SMTP_PORT      the sink's port                           (18025)
#   SINK_NICE      the sink's niceness                       (0)
#   ARTICLE_PATH   the page measured                         (/low-back-pain-when-to-worry/)
#   REBUILD=1      rebuild target/vertebra.jar first
#   RESULTS_FILE   where the run is appended                 (bench/RESULTS.md)
#   KEEP_TMP=1     keep the data folder and logs
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
SUBSCRIBERS="${SUBSCRIBERS:-100000}"
RATE="${RATE:-20}"
WINDOW="${WINDOW:-30}"
LIST_REQUESTS="${LIST_REQUESTS:-200}"
PORT="${PORT:-18095}"
SINK_NICE="${SINK_NICE:-0}"
SMTP_PORT="${SMTP_PORT:-18025}"
ARTICLE_PATH="${ARTICLE_PATH:-/low-back-pain-when-to-worry/}"
RESULTS_FILE="${RESULTS_FILE:-$ROOT/bench/RESULTS.md}"
BASE="http://127.0.0.1:$PORT"
command -v sqlite3 >/dev/null || apt-get install -y -qq sqlite3 >/dev/null
if [ ! -f target/vertebra.jar ] || [ "${REBUILD:-0}" = 1 ]; then mvn -q -B -o -DskipTests package; fi
SMALL="$(sed -n 's/^SMALL_SERVER_OPTS="\(.*\)"$/\1/p' "$ROOT/vertebra")"
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}" # as ./vertebra does
TMP="$(mktemp -d "${TMPDIR:-/tmp}/vertebra-subscribers.XXXXXX")"
DATA="$TMP/data"
cleanup() {
    kill "${PID:-}" "${SINK:-}" 2>/dev/null || true
    wait 2>/dev/null || true
    [ "${KEEP_TMP:-0}" = 1 ] && echo "kept $TMP" || rm -rf "$TMP"
}
trap cleanup EXIT

# p50 and p99 in ms of a column of seconds.
percentiles() {
    sort -n | awk '{ v[NR] = $1 } END { i50 = int(NR * 0.50 + 0.999); i99 = int(NR * 0.99 + 0.999);
        printf "%.1f %.1f %d\n", v[i50] * 1000, v[i99] * 1000, NR }'
}
rss_mb() { echo $(( $(ps -o rss= -p "$PID") / 1024 )); }
# Times requests to the article at a fixed rate for WINDOW seconds, one connection, the page cache warm.
article_times() {
    local n=$(( RATE * WINDOW )) config="$TMP/article.curl"
    : > "$config"
    for _ in $(seq 1 "$n"); do printf 'url = "%s%s"\noutput = "/dev/null"\n' "$BASE" "$ARTICLE_PATH" >> "$config"; done
    curl -s --rate "$RATE/s" -K "$config" -w '%{time_total}\n'
}

echo "== set-up: admin account, an article published now, SMTP sink, server ($SMALL)"
PASSWORD="bench-subscribers-$(date +%s)-long-enough"
# shellcheck disable=SC2086
printf '%s\n' "$PASSWORD" | java $SMALL -jar target/vertebra.jar user add --email bench@example.org --name Bench \
    --role admin --data "$DATA" >"$TMP/user.log" 2>&1
NOW="$(date -u +%Y-%m-%dT%H:%M:%SZ)"
cat > "$TMP/digest-news.md" <<MD
---
title: "News for the digest"
slug: news-for-the-digest
author: Jane Doe
published: $NOW
summary: "One article published now, so the digest has something to send."
disclosure: "The author declares no conflicts of interest."
---
Something new for the newsletter's readers.
MD
# The sink stands for a mail server on another machine; SINK_NICE > 0 keeps it from taking the cores from the server
# measured, but on a busy machine it then starves and sets a slow pace (45 mails/s at load 17).
nice -n "$SINK_NICE" python3 "$ROOT/bench/smtp-sink.py" "$SMTP_PORT" "$TMP/sink-count" 2>"$TMP/sink.log" &
SINK=$!
# shellcheck disable=SC2086
VERTEBRA_SMTP_HOST=127.0.0.1 VERTEBRA_SMTP_PORT="$SMTP_PORT" VERTEBRA_SMTP_TLS=none VERTEBRA_BASE_URL="$BASE" \
    java $SMALL -jar target/vertebra.jar serve --port "$PORT" --data "$DATA" >"$TMP/server.log" 2>&1 &
PID=$!
for _ in $(seq 1 240); do curl -sf "$BASE/healthz" >/dev/null && break; sleep 0.5; done
# shellcheck disable=SC2086
java $SMALL -jar target/vertebra.jar import --data "$DATA" "$TMP/digest-news.md" >"$TMP/import-article.log" 2>&1

COOKIES="$TMP/cookies"
csrf() { curl -s -b "$COOKIES" -c "$COOKIES" "$BASE$1" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1; }
TOKEN="$(csrf /admin/sign-in/)"
curl -s -b "$COOKIES" -c "$COOKIES" -H "Origin: $BASE" -o /dev/null --data-urlencode "_csrf=$TOKEN" \
    --data-urlencode "email=bench@example.org" --data-urlencode "password=$PASSWORD" --data-urlencode "next=/admin/" \
    "$BASE/admin/sign-in/"
TOKEN="$(csrf /admin/newsletter/)"
[ -n "$TOKEN" ] || { echo "could not sign in; see $TMP/server.log" >&2; KEEP_TMP=1; exit 1; }

echo "== import: a CSV of $SUBSCRIBERS confirmed addresses, uploaded"
awk -v n="$SUBSCRIBERS" 'BEGIN { print "email,status"; for (i = 1; i <= n; i++) printf "reader%d@example.org,confirmed\n", i }' \
    > "$TMP/subscribers.csv"
IMPORT_S=$(curl -s -b "$COOKIES" -H "Origin: $BASE" -o "$TMP/import.html" -w '%{time_total}' -F "_csrf=$TOKEN" \
    -F "file=@$TMP/subscribers.csv;type=text/csv" "$BASE/admin/newsletter/import/")
IMPORT_NOTE="$(sed -n 's/.*<p class="notice"[^>]*>\([^<]*\)<.*/\1/p' "$TMP/import.html" | head -1)"
echo "   $IMPORT_S s: $IMPORT_NOTE"

echo "== the admin's list and newsletter page, $LIST_REQUESTS requests each"
for i in $(seq 1 "$LIST_REQUESTS"); do
    case $(( i % 4 )) in
        0) echo "/admin/newsletter/subscribers/" ;;
        1) echo "/admin/newsletter/subscribers/?status=confirmed&before=$(( (RANDOM * 32768 + RANDOM) % SUBSCRIBERS + 1 ))" ;;
        2) echo "/admin/newsletter/subscribers/?status=pending" ;;
        3) echo "/admin/newsletter/subscribers/?q=reader$(( RANDOM % 1000 ))7" ;;
    esac
done > "$TMP/list-urls"
while read -r url; do curl -s -b "$COOKIES" -o /dev/null -w '%{time_total}\n' "$BASE$url"; done < "$TMP/list-urls" > "$TMP/list-times"
read -r LIST_P50 LIST_P99 LIST_N < <(percentiles < "$TMP/list-times")
for _ in $(seq 1 "$LIST_REQUESTS"); do curl -s -b "$COOKIES" -o /dev/null -w '%{time_total}\n' "$BASE/admin/newsletter/"; done > "$TMP/admin-times"
read -r ADMIN_P50 ADMIN_P99 _ < <(percentiles < "$TMP/admin-times")
echo "   list p50 $LIST_P50 ms, p99 $LIST_P99 ms; newsletter page p50 $ADMIN_P50 ms, p99 $ADMIN_P99 ms"

echo "== export"
RSS_BEFORE=$(rss_mb)
( peak=0; while kill -0 "$PID" 2>/dev/null && [ ! -f "$TMP/export-done" ]; do r=$(ps -o rss= -p "$PID"); [ "$r" -gt "$peak" ] && peak=$r; echo $(( peak / 1024 )) > "$TMP/export-peak"; sleep 0.05; done ) &
SAMPLER=$!
EXPORT_S=$(curl -s -b "$COOKIES" -o "$TMP/export.csv" -w '%{time_total}' "$BASE/admin/newsletter/subscribers.csv")
touch "$TMP/export-done"; wait "$SAMPLER" 2>/dev/null || true
EXPORT_LINES=$(( $(wc -l < "$TMP/export.csv") - 1 ))
EXPORT_MB=$(( $(stat -c %s "$TMP/export.csv") / 1048576 ))
RSS_PEAK=$(cat "$TMP/export-peak")
echo "   $EXPORT_S s, $EXPORT_LINES lines ($EXPORT_MB MB); RSS $RSS_BEFORE MB before, $RSS_PEAK MB at most during"

echo "== article idle: $RATE requests/s for $WINDOW s"
curl -s -o /dev/null "$BASE$ARTICLE_PATH"; curl -s -o /dev/null "$BASE$ARTICLE_PATH"
article_times > "$TMP/article-idle"
read -r IDLE_P50 IDLE_P99 IDLE_N < <(percentiles < "$TMP/article-idle")
echo "   p50 $IDLE_P50 ms, p99 $IDLE_P99 ms ($IDLE_N requests)"

echo "== digest to every subscriber; the article measured again meanwhile"
DB="$DATA/vertebra.db"
# The database's size on disk (the file and its write-ahead log): what the digest's mails add to it.
db_mb() { du -cm "$DB" "$DB-wal" 2>/dev/null | awk 'END { print $1 }'; }
DB_BEFORE=$(db_mb)
START=$(date +%s.%N)
DIGEST_S=$(curl -s -b "$COOKIES" -H "Origin: $BASE" -o "$TMP/digest.html" -w '%{time_total}' --data-urlencode "_csrf=$TOKEN" \
    "$BASE/admin/newsletter/digest/")
DIGEST_NOTE="$(sed -n 's/.*<p class="notice"[^>]*>\([^<]*\)<.*/\1/p' "$TMP/digest.html" | head -1)"
echo "   the request took $DIGEST_S s: $DIGEST_NOTE"
article_times > "$TMP/article-busy" &
LOADER=$!
QUEUED_S=""
SENT_S=""
for _ in $(seq 1 2400); do
    now=$(date +%s.%N)
    if [ -z "$QUEUED_S" ] && [ "$(sqlite3 "$DB" 'SELECT enqueued_at IS NOT NULL FROM newsletter_digests ORDER BY id DESC LIMIT 1' 2>/dev/null)" = 1 ]; then
        QUEUED_S=$(echo "$now - $START" | bc)
    fi
    received="$(cat "$TMP/sink-count" 2>/dev/null || true)"  # empty while the sink rewrites it
    if [ "${received:-0}" -ge "$SUBSCRIBERS" ]; then SENT_S=$(echo "$now - $START" | bc); break; fi
    sleep 0.5
done
SENT_COUNT=$(cat "$TMP/sink-count")
wait "$LOADER"
read -r BUSY_P50 BUSY_P99 BUSY_N < <(percentiles < "$TMP/article-busy")
SEND_RATE=$(echo "scale=0; $SENT_COUNT / ${SENT_S:-600}" | bc)
RATIO=$(echo "scale=2; $BUSY_P99 / $IDLE_P99" | bc)
echo "   all queued after ${QUEUED_S:-?} s; $SENT_COUNT received by the sink after ${SENT_S:-timeout} s ($SEND_RATE mails/s)"
echo "   article during the send: p50 $BUSY_P50 ms, p99 $BUSY_P99 ms ($BUSY_N requests); p99 ratio $RATIO"
RSS_AFTER=$(rss_mb)
DB_AFTER=$(db_mb)
echo "   database on disk: $DB_BEFORE MB before the digest, $DB_AFTER MB after the send"

verdict() { if [ "$(echo "$1" | bc)" = 1 ]; then echo "**PASS**"; else echo "**NOT MET**"; fi; }
{
    echo
    echo "## $(date -u '+%Y-%m-%d %H:%M') UTC — newsletter with $SUBSCRIBERS subscribers"
    echo
    echo "- machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo) RAM, shared (load average $(cut -d' ' -f1-3 /proc/loadavg) at the end)"
    echo "- software: $(java -version 2>&1 | head -1); SQLite (the default database); $(curl --version | head -1 | cut -d' ' -f1-2); SMTP sink: bench/smtp-sink.py (Python smtpd, one connection at a time, nice $SINK_NICE)"
    echo "- commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet 2>/dev/null || echo ' (with uncommitted changes)')"
    echo "- server: \`vertebra serve\` with \`$SMALL\`; the demo site plus one article published now"
    echo
    echo "| measure | figure |"
    echo "|---|---:|"
    echo "| import of a $SUBSCRIBERS-line CSV (upload to report) | $IMPORT_S s |"
    echo "| subscriber list, $LIST_N requests (first page, status pages at random places, pending, searches): p50 / p99 | $LIST_P50 / $LIST_P99 ms |"
    echo "| newsletter admin page (counts, last digest): p50 / p99 | $ADMIN_P50 / $ADMIN_P99 ms |"
    echo "| CSV export, $EXPORT_LINES lines, $EXPORT_MB MB | $EXPORT_S s |"
    echo "| server RSS before the export / peak during it / after the send | $RSS_BEFORE / $RSS_PEAK / $RSS_AFTER MB |"
    echo "| digest: the admin's request | $DIGEST_S s |"
    echo "| digest: every mail in the outbox after | ${QUEUED_S:-?} s |"
    echo "| digest: all $SENT_COUNT mails received by the sink after | ${SENT_S:-NOT within 20 min} s ($SEND_RATE mails/s) |"
    echo "| database on disk (file and write-ahead log) before the digest / after the send | $DB_BEFORE / $DB_AFTER MB |"
    echo "| article \`$ARTICLE_PATH\` at $RATE req/s, idle: p50 / p99 ($IDLE_N requests) | $IDLE_P50 / $IDLE_P99 ms |"
    echo "| the same during the digest's queueing and send: p50 / p99 ($BUSY_N requests) | $BUSY_P50 / $BUSY_P99 ms |"
    echo
    echo "- import report: $IMPORT_NOTE"
    echo "- subscriber list p99 under 100 ms: $(verdict "$LIST_P99 < 100") ($LIST_P99 ms)"
    echo "- the digest's request returns at once (under 1 s): $(verdict "$DIGEST_S < 1") ($DIGEST_S s)"
    echo "- article p99 during the send within 1.5 x idle: $(verdict "$RATIO <= 1.5") (ratio $RATIO)"
} >> "$RESULTS_FILE"
echo "== appended to $RESULTS_FILE"
