#!/usr/bin/env bash
# Browser suites' wall time: the e2e suites (src/test/java/org/vertebra/e2e/, Chromium with axe) at
# two commits, one after the other on the same machine, to see what one shared Chromium saves.
#
# Exports each commit with git archive into a temporary directory and runs, there,
#   mvn -o test -Dtest='org.vertebra.e2e.**'
# timing the whole Maven run (compiling included) and summing surefire's own time for the suites
# (the figure that compiling and npm do not blur). Prints both per commit and the ratio after/before,
# with the load average at the start and end of each run, and appends the run to bench/RESULTS.md.
# A measurement, not a test: exits 0 whether the suites pass or not (their counts are recorded);
# non-zero means the setup failed.
#
# Usage: bench/browser-suites.sh [BEFORE [AFTER]]     (defaults: HEAD~1 and HEAD)
#
# Environment (all optional):
#   VERTEBRA_TEST_PG_URL, _USER, _PASSWORD   passed to the tests as they are
#   RESULTS_FILE   where the run is appended          (bench/RESULTS.md)
#   KEEP_TMP=1     keep the exported trees and Maven logs
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

BEFORE="$(git rev-parse --short "${1:-HEAD~1}")"
AFTER="$(git rev-parse --short "${2:-HEAD}")"
RESULTS_FILE="${RESULTS_FILE:-$ROOT/bench/RESULTS.md}"
TMP="$(mktemp -d /tmp/vertebra-browser-suites.XXXXXX)"
cleanup() { [ "${KEEP_TMP:-}" = 1 ] && echo "kept $TMP" || rm -rf "$TMP"; }
trap cleanup EXIT

load() { cut -d' ' -f1 /proc/loadavg; }

# Runs the suites at one commit; prints "wall_s suites_s tests failures errors skipped load_start load_end".
measure() {
  local commit="$1" tree="$TMP/$1"
  mkdir -p "$tree"
  git archive "$commit" | tar -x -C "$tree"
  local start_load end_load t0 t1
  start_load="$(load)"
  t0="$(date +%s.%N)"
  (cd "$tree" && mvn -o -B test -Dtest='org.vertebra.e2e.**' -Dsurefire.failIfNoSpecifiedTests=false \
      >"$TMP/$commit.log" 2>&1) || true
  t1="$(date +%s.%N)"
  end_load="$(load)"
  python3 - "$tree/target/surefire-reports" "$t0" "$t1" "$start_load" "$end_load" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
folder, t0, t1, l0, l1 = sys.argv[1:]
time = tests = failures = errors = skipped = 0
for f in glob.glob(folder + "/TEST-org.vertebra.e2e.*.xml"):
    s = ET.parse(f).getroot()
    time += float(s.get("time", 0)); tests += int(s.get("tests", 0))
    failures += int(s.get("failures", 0)); errors += int(s.get("errors", 0)); skipped += int(s.get("skipped", 0))
print(f"{float(t1) - float(t0):.0f} {time:.0f} {tests} {failures} {errors} {skipped} {l0} {l1}")
PY
}

echo "== $BEFORE (before)"
read -r b_wall b_suites b_tests b_fail b_err b_skip b_l0 b_l1 < <(measure "$BEFORE")
echo "   wall ${b_wall}s, suites ${b_suites}s, $b_tests tests, $b_fail failed, $b_err errors, load $b_l0 -> $b_l1"
echo "== $AFTER (after)"
read -r a_wall a_suites a_tests a_fail a_err a_skip a_l0 a_l1 < <(measure "$AFTER")
echo "   wall ${a_wall}s, suites ${a_suites}s, $a_tests tests, $a_fail failed, $a_err errors, load $a_l0 -> $a_l1"

ratio() { python3 -c "print(f'{$1 / $2:.2f}' if $2 else 'n/a')"; }
wall_ratio="$(ratio "$a_wall" "$b_wall")"
suites_ratio="$(ratio "$a_suites" "$b_suites")"
echo "== after / before: wall $wall_ratio, suites $suites_ratio"

{
  echo
  echo "## $(date -u '+%Y-%m-%d %H:%M') UTC — browser suites' wall time (bench/browser-suites.sh): $BEFORE before, $AFTER after"
  echo
  echo "- machine: $(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GiB RAM; $(chromium --version 2>/dev/null || echo 'chromium ?')"
  echo "- command: \`mvn -o test -Dtest='org.vertebra.e2e.**'\` in a git-archive export of each commit, one after the other"
  echo
  echo "| commit | load (1 min) start → end | Maven wall s | suites s (surefire) | tests | failures | errors | skipped |"
  echo "|---|---|---:|---:|---:|---:|---:|---:|"
  echo "| $BEFORE before | $b_l0 → $b_l1 | $b_wall | $b_suites | $b_tests | $b_fail | $b_err | $b_skip |"
  echo "| $AFTER after | $a_l0 → $a_l1 | $a_wall | $a_suites | $a_tests | $a_fail | $a_err | $a_skip |"
  echo
  echo "after / before: Maven wall $wall_ratio, suites $suites_ratio."
} >>"$RESULTS_FILE"
echo "appended to ${RESULTS_FILE#"$ROOT"/}"
