#!/usr/bin/env bash
# Pacing at the provider, inside the running product (issue 14): starts ./revos up --processes (each service, and the
# telephony simulator, in its own JVM), then for each <calls per second>:<contacts> runs a campaign of a fresh tenant
# through the public APIs and reads what the simulator, the provider's side, saw arrive: the most calls in any
# sliding second (must stay at or under the limit) and the mean rate (must keep >= 97 % of it). Stops the stack.
# Figures and the machine go to .local/bench/pacing-report.txt, every arrival with the dialer's send time to
# .local/bench/pacing-arrivals-<limit>.json; exits 1 when a run misses its target.
#
#   deploy/bench/whole-product-pacing.sh [<calls per second>:<contacts>...]     default: 25:3000 50:10000
set -euo pipefail
cd "$(dirname "$0")/../.."

. deploy/bench/stack.sh

runs=("$@")
[ ${#runs[@]} -gt 0 ] || runs=(25:3000 50:10000)
out=.local/bench
mkdir -p "$out"
report="$out/pacing-report.txt"

# a stack of its own, from nothing: campaigns a stopped run left running would resume and dial beside this one
rm -rf "$out/pacing-stack"
REVOS_JAVA_OPTS="${REVOS_JAVA_OPTS:-} -Drevos.local.home=$out/pacing-stack" start_stack "$out/pacing-up.log" --processes
echo "==> campaigns at ${runs[*]} (calls per second:contacts); the simulator counts arrivals in its own process"
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
status=0
lines="$(PACING_ARRIVALS_DIR="$out" tool PacingWitnessTool "${runs[@]}")" || status=$?
{
  echo "whole-product pacing benchmark, $(date -u +%Y-%m-%dT%H:%M:%SZ), ./revos up --processes"
  echo "$(machine) (before: $load_before)"
  echo "$lines"
} | tee "$report"
[ "$status" = 0 ] && echo "every run held its limit at the provider and kept >= 97 % of it" | tee -a "$report"
exit "$status"
