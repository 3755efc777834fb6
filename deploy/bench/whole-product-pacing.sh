#!/usr/bin/env bash
# Pacing at the provider, inside the running product (issue 14): starts ./revos up --processes (each service, and the
# telephony simulator, in its own JVM), then for each <calls per second>:<contacts> runs a campaign of a fresh tenant
# through the public APIs and reads what the simulator, the provider's side, saw arrive: the most calls in any
# sliding second (must stay at or under the limit) and the mean rate (must keep >= 97 % of it). Stops the stack.
# Figures and the machine go to .local/bench/pacing-report.txt; exits 1 when a run misses its target.
#
#   deploy/bench/whole-product-pacing.sh [<calls per second>:<contacts>...]     default: 25:3000 50:10000
set -euo pipefail
cd "$(dirname "$0")/../.."

for candidate in "${JAVA_HOME:-}" "$(dirname "$(dirname "$(readlink -f "$(command -v java || echo /nonexistent)")")")" /usr/lib/jvm/*; do
  if [ -x "$candidate/bin/java" ] && "$candidate/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then
    export JAVA_HOME="$candidate" PATH="$candidate/bin:$PATH"
    break
  fi
done

runs=("$@")
[ ${#runs[@]} -gt 0 ] || runs=(25:3000 50:10000)
out=.local/bench
mkdir -p "$out"
report="$out/pacing-report.txt"

taken="$(ss -ltnH | awk '{print $4}' | grep -E ':(808[0-9]|8090|909[23]|5433)$' || true)"
if [ -n "$taken" ]; then
  echo "Ports of the local stack are taken ($(echo $taken)): stop what uses them (another ./revos up?) first." >&2
  exit 1
fi

stack_pid=""
stop_stack() {
  if [ -n "$stack_pid" ] && kill -0 "$stack_pid" 2>/dev/null; then
    echo "==> stopping the stack"
    kill -TERM "$stack_pid"
    wait "$stack_pid" 2>/dev/null || true
  fi
}
trap stop_stack EXIT

echo "==> starting the product: ./revos up --processes (console in $out/pacing-up.log)"
./revos up --processes >"$out/pacing-up.log" 2>&1 &
stack_pid=$!
for _ in $(seq 1 900); do
  grep -q "RevOS Voice is running" "$out/pacing-up.log" && break
  kill -0 "$stack_pid" 2>/dev/null || { cat "$out/pacing-up.log" >&2; exit 1; }
  sleep 1
done
grep -q "RevOS Voice is running" "$out/pacing-up.log" || { echo "The stack did not start; see $out/pacing-up.log" >&2; exit 1; }

jar="$(ls deploy/local-stack/target/local-stack-*-exec.jar | head -1)"
echo "==> campaigns at ${runs[*]} (calls per second:contacts); the simulator counts arrivals in its own process"
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
status=0
lines="$(java -cp "$jar" -Dloader.main=com.revos.voice.local.PacingWitnessTool \
  -Dlogback.configurationFile=local-stack-tool-logback.xml \
  org.springframework.boot.loader.launch.PropertiesLauncher "${runs[@]}")" || status=$?
{
  echo "whole-product pacing benchmark, $(date -u +%Y-%m-%dT%H:%M:%SZ), ./revos up --processes"
  echo "machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem:/ {print $2}') GiB, load before $load_before, after $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "$lines"
} | tee "$report"
[ "$status" = 0 ] && echo "every run held its limit at the provider and kept >= 97 % of it" | tee -a "$report"
exit "$status"
