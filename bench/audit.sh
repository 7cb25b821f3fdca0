#!/usr/bin/env bash
# Audit log benchmark (issue 21): on SQLite, and on PostgreSQL when VERTEBRA_TEST_PG_URL is set,
# (1) the cost of one chained append (head row locked, previous hash read, SHA-256, insert, head
# moved) against a plain INSERT of the same row in its own transaction, side by side in the same
# run (a scratch table with the same columns and indexes); (2) two servers (two connection pools)
# appending at once; (3) checking a chain of ROWS rows
# against reading the same rows in the same batches without hashing. Targets: an append at most
# 3 times a plain INSERT; checking at most 3 times reading, and 100,000 rows checked within 2 s
# (the admin page checks the chain on each visit). Appends the run to bench/RESULTS.md. A
# measurement, not a test: exits 0 whether targets pass or miss.
#
# Environment (all optional):
#   APPENDS        appends timed, and the plain INSERTs beside them (2000)
#   ROWS           rows in the chain that is checked (100000)
#   VERTEBRA_TEST_PG_URL, _USER, _PASSWORD   a PostgreSQL server to run on as well
#   RESULTS_FILE   where the run is appended                 (bench/RESULTS.md)
#   KEEP_TMP=1     keep the data folders
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
APPENDS="${APPENDS:-2000}"
ROWS="${ROWS:-100000}"
RESULTS_FILE="${RESULTS_FILE:-$ROOT/bench/RESULTS.md}"
TMP="$(mktemp -d)"
PG_DB=""
cleanup() {
    if [ -n "$PG_DB" ]; then
        PGPASSWORD="${VERTEBRA_TEST_PG_PASSWORD:-vertebra}" psql -q -h localhost -U "${VERTEBRA_TEST_PG_USER:-vertebra}" \
            -d postgres -c "DROP DATABASE IF EXISTS $PG_DB WITH (FORCE)" >/dev/null 2>&1 || true
    fi
    [ "${KEEP_TMP:-0}" = 1 ] || rm -rf "$TMP"
}
trap cleanup EXIT

mvn -q -B -o test-compile
mvn -q -B -o dependency:build-classpath -Dmdep.outputFile="$TMP/classpath" -Dmdep.includeScope=test >/dev/null
CP="target/classes:target/test-classes:$(cat "$TMP/classpath")"
LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"

run() { # label data-dir url user password
    echo "== $1" >&2
    java -Xmx512m -cp "$CP" org.vertebra.audit.AuditBench "$2" "$3" "$4" "$5" "$APPENDS" "$ROWS" | tee "$TMP/$1.out" >&2
}
value() { sed -n "s/^$2=//p" "$TMP/$1.out"; }

run sqlite "$TMP/sqlite" "jdbc:sqlite:$TMP/sqlite/vertebra.db" "" ""
KINDS="sqlite"
if [ -n "${VERTEBRA_TEST_PG_URL:-}" ]; then
    PG_DB="vt_bench_audit_$$"
    PGPASSWORD="${VERTEBRA_TEST_PG_PASSWORD:-vertebra}" psql -q -h localhost -U "${VERTEBRA_TEST_PG_USER:-vertebra}" \
        -d postgres -c "CREATE DATABASE $PG_DB" >/dev/null
    run postgres "$TMP/postgres" "${VERTEBRA_TEST_PG_URL%/*}/$PG_DB" "${VERTEBRA_TEST_PG_USER:-vertebra}" \
        "${VERTEBRA_TEST_PG_PASSWORD:-vertebra}"
    KINDS="sqlite postgres"
fi
LOAD_AFTER="$(cut -d' ' -f1-3 /proc/loadavg)"

met() { # value op limit
    if awk -v v="$1" -v l="$3" "BEGIN { exit !(v $2 l) }"; then echo "met"; else echo "NOT met"; fi
}
{
    echo
    echo "## $(date -u '+%Y-%m-%d %H:%M') UTC — audit log"
    echo
    echo "- machine: $(nproc) cores (load average $LOAD_BEFORE before, $LOAD_AFTER after)"
    echo "- commit: $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src || echo ' (with uncommitted changes)'); $(java -version 2>&1 | head -1)"
    echo "- $APPENDS appends timed beside $APPENDS plain INSERTs; a chain of $ROWS rows checked beside reading them"
    echo
    echo "| database | append (µs) | plain INSERT (µs) | ratio | two servers (events/s) | check $ROWS rows (ms) | read them (ms) | ratio | intact |"
    echo "|---|---:|---:|---:|---:|---:|---:|---:|---|"
    for k in $KINDS; do
        echo "| $k | $(value $k append_us) | $(value $k plain_insert_us) | $(value $k append_ratio) | $(value $k two_servers_events_per_s) | $(value $k verify_ms) | $(value $k read_ms) | $(value $k verify_ratio) | $([ "$(value $k intact)" = 1.00 ] && echo yes || echo NO) |"
    done
    echo
    for k in $KINDS; do
        echo "- $k: append at most 3x a plain INSERT: $(met "$(value $k append_ratio)" '<=' 3) ($(value $k append_ratio)x);" \
            "checking at most 3x reading: $(met "$(value $k verify_ratio)" '<=' 3) ($(value $k verify_ratio)x);" \
            "$ROWS rows checked within 2 s: $(met "$(value $k verify_ms)" '<=' 2000) ($(value $k verify_ms) ms)"
    done
} | tee -a "$RESULTS_FILE"
