#!/usr/bin/env bash
# Fuzzes each parser that reads untrusted bytes with Jazzer (coverage-guided, libFuzzer) for a set
# time, then reports executions and findings and appends the run to bench/RESULTS.md.
#
#   bench/fuzz.sh            60 s for each target
#   bench/fuzz.sh 300        five minutes each
#   TARGETS="jpeg webp" bench/fuzz.sh 30
#
# Each target starts from its checked-in corpus (src/test/resources/fuzz/PARSER/), copied into
# Jazzer's working corpus (.cifuzz-corpus/, not committed). An input that breaks a property (an
# exception other than the parser's own, an assertion, more than 5 s on one input) stops that
# target; it is copied into src/test/resources/fuzz/PARSER/ as crash-... so that every build
# replays it from then on (commit it with the fix). Settings: TARGETS, HEAP (default 1g),
# RESULTS_FILE (default bench/RESULTS.md; RESULTS_FILE=/dev/null records nothing).
set -euo pipefail
cd "$(dirname "$0")/.."

SECONDS_EACH="${1:-60}"
HEAP="${HEAP:-1g}"
RESULTS_FILE="${RESULTS_FILE:-bench/RESULTS.md}"
# parser corpus name -> test class and fuzz method
declare -A TEST=(
  [identifiers]="org.vertebra.reference.IdentifiersFuzzTest#fuzz"
  [jpeg]="org.vertebra.media.ImageMetadataFuzzTest#fuzzJpeg"
  [webp]="org.vertebra.media.ImageMetadataFuzzTest#fuzzWebp"
  [front-matter]="org.vertebra.content.FrontMatterFuzzTest#fuzz"
  [wordpress]="org.vertebra.wordpress.WxrReaderFuzzTest#fuzz"
  [comment-markdown]="org.vertebra.comment.CommentMarkdownFuzzTest#fuzz"
)
TARGETS="${TARGETS:-identifiers jpeg webp front-matter wordpress comment-markdown}"
LOGS="target/fuzz-logs"
mkdir -p "$LOGS"

echo "compiling the tests..."
mvn -o -q test-compile

load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
rows=()
total_findings=0
for parser in $TARGETS; do
  test="${TEST[$parser]:?unknown target $parser}"
  class="${test%#*}"
  method="${test#*#}"
  work=".cifuzz-corpus/$class/$method"
  inputs="src/test/resources/$(tr . / <<<"$class")Inputs/$method"
  mkdir -p "$work"
  cp src/test/resources/fuzz/"$parser"/* "$work"/ 2>/dev/null || true
  log="$LOGS/$parser.log"
  echo "fuzzing $parser ($test) for ${SECONDS_EACH} s..."
  status=passed
  # Jazzer reads a JUnit @Timeout as libFuzzer's time limit per input; JUnit itself must not
  # apply it to the whole fuzzing run, hence the timeout mode.
  if ! JAZZER_FUZZ=1 mvn -o surefire:test -Dtest="$test" -Dsurefire.failIfNoSpecifiedTests=false \
      -Djazzer.max_duration="${SECONDS_EACH}s" -Djunit.jupiter.execution.timeout.mode=disabled \
      -DargLine="-Xmx$HEAP" >"$log" 2>&1; then
    status=FOUND
  fi
  done_line="$(grep -ao 'Done [0-9]* runs in [0-9]* second' "$log" | tail -1 || true)"
  runs="$(awk '{print $2}' <<<"$done_line")"
  secs="$(awk '{print $5}' <<<"$done_line")"
  if [[ -z "$runs" ]]; then # stopped by a finding: the last status line has the count
    runs="$(grep -aoE '^#[0-9]+' "$log" | tail -1 | tr -d '#' || true)"
    secs="$SECONDS_EACH"
  fi
  runs="${runs:-0}"
  rate=$(( secs > 0 ? runs / secs : 0 ))
  found=0
  what=""
  if [[ -d "$inputs" ]]; then
    for f in "$inputs"/crash-* "$inputs"/timeout-* "$inputs"/slow-unit-* "$inputs"/oom-*; do
      [[ -e "$f" ]] || continue
      cp "$f" "src/test/resources/fuzz/$parser/$(basename "$f")"
      rm "$f"
      found=$((found + 1))
      what="$what $(basename "$f")"
    done
    rmdir -p "$inputs" 2>/dev/null || true
  fi
  if [[ "$status" == FOUND && $found -eq 0 ]]; then
    what=" (the test failed without a reproducer: see $log)"
    found=1
  fi
  summary="$(grep -aE '^(== Java Exception|java\.|org\.opentest4j|Caused by|\s+at org\.vertebra)' "$log" | head -3 | tr '\n' ' ' | cut -c1-300 || true)"
  echo "  $parser: $runs executions in ${secs} s ($rate/s), findings: $found$what ${summary:+— $summary}"
  rows+=("| $parser | $runs | $secs | $rate | $found${what:+:$what} |")
  total_findings=$((total_findings + found))
done
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"

if [[ "$RESULTS_FILE" != /dev/null ]]; then
  {
    echo
    echo "## $(date -u '+%Y-%m-%d %H:%M') UTC — fuzzing (bench/fuzz.sh, ${SECONDS_EACH} s each)"
    echo
    echo "- machine: $(nproc) cores (load average $load_before before, $load_after after)"
    echo "- commit: $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src || echo ' (with uncommitted changes)'); Jazzer $(grep -o '<jazzer.version>[^<]*' pom.xml | cut -d'>' -f2), $(java -version 2>&1 | head -1)"
    echo
    echo "| parser | executions | seconds | per second | findings |"
    echo "|---|---:|---:|---:|---|"
    printf '%s\n' "${rows[@]}"
    echo
    echo "Target: no finding (an exception other than the parser's own, a failed property, over 5 s on one input)."
  } >>"$RESULTS_FILE"
fi
echo "findings in all: $total_findings (logs in $LOGS/)"
