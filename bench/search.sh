#!/usr/bin/env bash
# Search benchmark: Vertebra's Lucene index against SQLite FTS5 and WordPress's LIKE search.
#
# Generates a corpus (10,000 articles by default, from a fixed seed), times the index build,
# and runs the fixed queries of bench/search/queries.txt (first page of ten results with
# snippets) for ROUNDS timed rounds after one warm-up round, on each engine in the same run.
# Prints the figures, checks the targets (build under 20 s, p99 under 15 ms) and appends the
# run to bench/RESULTS.md. A measurement, not a test: exits 0 whether targets pass or miss.
#
# Environment (all optional):
#   ARTICLES       corpus size                        (10000)
#   ROUNDS         timed rounds over the queries      (5)
#   RESULTS_FILE   where the run is appended          (bench/RESULTS.md)
#   JAVA_OPTS      extra JVM options                  (-Xmx2g)
#   KEEP_TMP=1     keep the temporary directory
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
ARTICLES="${ARTICLES:-10000}"
ROUNDS="${ROUNDS:-5}"
RESULTS_FILE="${RESULTS_FILE:-$ROOT/bench/RESULTS.md}"
QUERIES="$ROOT/bench/search/queries.txt"
BUILD_TARGET_MS=20000
P99_TARGET_MS=15

echo "== compiling (mvn -q -B -DskipTests compile) and resolving the classpath"
mvn -q -B -ntp -DskipTests compile
CP_FILE="$(mktemp)"
mvn -q -B -ntp dependency:build-classpath -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=runtime >/dev/null
CP="$ROOT/target/classes:$(cat "$CP_FILE")"
rm -f "$CP_FILE"

TMP="$(mktemp -d "${TMPDIR:-/tmp}/vertebra-search-bench.XXXXXX")"
cleanup() { if [[ "${KEEP_TMP:-0}" == 1 ]]; then echo "kept $TMP"; else rm -rf "$TMP"; fi; }
trap cleanup EXIT

echo "== running: $ARTICLES articles, $(grep -cv '^#' "$QUERIES") queries x $ROUNDS rounds"
# shellcheck disable=SC2086 # JAVA_OPTS is a list of options
java ${JAVA_OPTS:--Xmx2g} -cp "$CP" "$ROOT/bench/search/SearchBenchmark.java" \
  "$TMP/work" "$ARTICLES" "$QUERIES" "$ROUNDS" | tee "$TMP/out.txt"

read -r _ L_BUILD L_P50 L_P99 L_MEAN L_HITS < <(grep '^vertebra-lucene ' "$TMP/out.txt")
read -r _ F_BUILD F_P50 F_P99 F_MEAN F_HITS < <(grep '^sqlite-fts5 ' "$TMP/out.txt")
read -r _ W_BUILD W_P50 W_P99 W_MEAN W_HITS < <(grep '^wordpress-like ' "$TMP/out.txt")
NQ="$(grep -cv '^#' "$QUERIES")"

verdict() { if awk -v a="$1" -v b="$2" 'BEGIN{exit !(a < b)}'; then echo "**PASS**"; else echo "**MISS**"; fi; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN{ if (a > 0) printf "%.1f", b / a; else print "n/a" }'; }

CPU="$(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //' | awk '{print $1, $2}')"
{
  echo
  echo "## $(date -u '+%Y-%m-%d %H:%M UTC') — search, $ARTICLES articles"
  echo
  echo "- machine: $(nproc) cores ($CPU), $(free -g | awk '/Mem:/{print $2}') GiB RAM, kernel $(uname -r)"
  echo "- software: $(java -version 2>&1 | head -n1); Lucene and sqlite-jdbc from the pom"
  echo "- commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
  echo "- queries: $NQ from \`bench/search/queries.txt\`, first page of 10 with snippets, $ROUNDS timed rounds after one warm-up"
  echo "- peers: SQLite FTS5 (porter, bm25, snippet) and WordPress's search (LIKE '%word%' on title, excerpt, content)"
  echo
  echo "| engine | index build ms | p50 ms | p99 ms | mean ms | queries with hits |"
  echo "|---|---:|---:|---:|---:|---:|"
  echo "| Vertebra (Lucene) | $L_BUILD | $L_P50 | $L_P99 | $L_MEAN | $L_HITS / $NQ |"
  echo "| SQLite FTS5 | $F_BUILD | $F_P50 | $F_P99 | $F_MEAN | $F_HITS / $NQ |"
  echo "| WordPress LIKE | $W_BUILD | $W_P50 | $W_P99 | $W_MEAN | $W_HITS / $NQ |"
  echo
  echo "- index build < 20 s: $(verdict "$L_BUILD" "$BUILD_TARGET_MS") (${L_BUILD} ms)"
  echo "- query p99 < 15 ms: $(verdict "$L_P99" "$P99_TARGET_MS") (${L_P99} ms)"
  echo "- p99 against FTS5: $(ratio "$L_P99" "$F_P99")x; against WordPress LIKE: $(ratio "$L_P99" "$W_P99")x (above 1 means Vertebra is faster)"
} | tee -a "$RESULTS_FILE"
