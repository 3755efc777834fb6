#!/usr/bin/env bash
# The webhook intake inside the running product, measured from outside (issue 14): starts ./revos up (the embedded
# default, one JVM; --processes to run each service in its own), and drives it with wrk (Debian's package; installed
# here when missing and run as root) from 127.0.0.1:
#   1. warm-up: distinct signed post-call webhooks
#   2. baseline: the same load at /webhooks/noop of the same service (HTTP stack and body read; no signature, no Kafka),
#      then GETs of the same service's /actuator/health, the baseline issue 14 measured its 0.11 against
#   3. measured: distinct signed post-call webhooks, every one signed as ElevenLabs signs (provider-apis.md 5.3), as
#      fast as the answers come back (64 connections in a closed loop: the most the stack answers, and its latency
#      when saturated)
#   4. paced: other distinct signed webhooks at a fixed rate (BENCH_PACED_RATE, 4,000/s: the target's rate), for the
#      latency at that rate, over more connections (BENCH_PACED_CONNECTIONS, 256): at 4,000/s, 64 connections are
#      all busy whenever the latency passes 16 ms, and a send then waits for one, a wait wrk does not count
# then counts the run's conversations on Kafka (each 2xx must be there exactly once) and the consumer groups' lag
# (the downstream work must keep up), and stops the stack. Figures and the machine go to .local/bench/report.txt.
#
#   deploy/bench/whole-product-webhooks.sh [--processes]
#   BENCH_SECONDS=30 BENCH_WARMUP_SECONDS=90 BENCH_PACED_RATE=4000 BENCH_PACED_CONNECTIONS=256 BENCH_CONNECTIONS=64
#   BENCH_THREADS=2 BENCH_JFR=1 (a JFR profile of the stack) REVOS_JAVA_OPTS=...
set -euo pipefail
cd "$(dirname "$0")/../.."

. deploy/bench/stack.sh

seconds="${BENCH_SECONDS:-30}"
# the one JVM's JIT compiler is still busy for about two minutes after the start (five applications and a broker to
# compile; still a fifth of the JVM's CPU two minutes in): a shorter warm-up measures the compiler, not the stack
warmup="${BENCH_WARMUP_SECONDS:-90}"
paced_rate="${BENCH_PACED_RATE:-4000}"
connections="${BENCH_CONNECTIONS:-64}"
paced_connections="${BENCH_PACED_CONNECTIONS:-256}"
threads="${BENCH_THREADS:-2}"
bodies="${BENCH_BODIES:-$((seconds * 9000))}"
out=.local/bench
mkdir -p "$out"
report="$out/report.txt"

if ! command -v wrk >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "==> installing wrk (Debian package)"
    (apt-get install -y -qq --no-install-recommends wrk || (apt-get update -qq && apt-get install -y -qq --no-install-recommends wrk)) >/dev/null
  else
    echo "wrk is needed: sudo apt-get install wrk" >&2
    exit 1
  fi
fi

REVOS_WEBHOOKS_BENCHMARKNOOPENABLED=true start_stack "$out/up.log" "$@"
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
lt() { tool WebhookLoadTool "$@" 2>/dev/null; }
marker="b$(date +%s)"
echo "==> signing $bodies distinct webhooks (marker $marker)"
# the warm-up and the baseline may go round their bodies again (repeats are harmless there): at most 20 s of them
lt generate "$(((warmup < 20 ? warmup : 20) * 9000))" "$out/warmup.tsv" "${marker}w"
lt generate "$bodies" "$out/signed.tsv" "$marker"
lt generate "$((seconds * paced_rate * 11 / 10))" "$out/paced.tsv" "${marker}p"

url=http://127.0.0.1:8083
field() { echo "$1" | tr ' ' '\n' | sed -n "s/^$2=//p"; }
# the stack's JVMs: one, or with --processes one per service (each runs an exec jar)
stack_jvms() { { echo "$stack_pid"; pgrep -f -- '-exec.jar' || true; } | sort -u; }
cpu_out="$out/cpu.txt"
: >"$cpu_out"
run() { # name, seconds, file, path[, rate, or GET]; the phase's CPU split goes to $cpu_out
  local jvm0 pg0 busy0 result started script=deploy/bench/signed-webhooks.lua open="$connections"
  if [ -n "${5:-}" ] && [ "$5" != GET ]; then
    script=deploy/bench/paced-webhooks.lua
    open="$paced_connections"
  fi
  started="$(date +%s.%N)"
  jvm0="$(cpu_ticks $(stack_jvms))"
  pg0="$(cpu_ticks $(pgrep -x postgres || true))"
  busy0="$(machine_ticks | cut -d' ' -f1)"
  result="$(wrk -t"$threads" -c"$open" -d"$2s" --timeout 10s -s "$script" "$url" -- \
    "$3" "$threads" "$4" ${5:-} | grep '^RESULT' | sed "s/^RESULT/$1/")"
  # over the whole window, wrk's start (it reads every body first) included: cores are CPU per wall second
  cpu_split "$1" "$(field "$result" requests)" "$(awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN {print b - a}')" \
    "$(($(cpu_ticks $(stack_jvms)) - jvm0))" \
    "$(($(cpu_ticks $(pgrep -x postgres || true)) - pg0))" "$(($(machine_ticks | cut -d' ' -f1) - busy0))" >>"$cpu_out"
  echo "$result"
}
echo "==> warm-up ${warmup}s"
run warmup "$warmup" "$out/warmup.tsv" /webhooks/elevenlabs/post-call >/dev/null
lag_before="$(lt lag)"
echo "==> baseline /webhooks/noop ${seconds}s"
noop="$(run noop "$seconds" "$out/warmup.tsv" /webhooks/noop)"
echo "==> baseline /actuator/health ${seconds}s"
health="$(run health "$seconds" "$out/warmup.tsv" /actuator/health GET)"
if [ "${BENCH_JFR:-}" = 1 ]; then
  # the JVM that serves the intake: the stack's, or with --processes the intake's own
  jvm="$(pgrep -f 'voice-webhook-ingest-.*-exec.jar' | head -1 || true)"
  jvm="${jvm:-$stack_pid}"
  jcmd "$jvm" JFR.start name=bench settings=profile duration="${seconds}s" filename="$PWD/$out/intake.jfr" >/dev/null
  echo "==> recording $out/intake.jfr (pid $jvm)"
fi
echo "==> signed post-call webhooks ${seconds}s"
# one look at the lag halfway through, to tell a lag that stays bounded from one that grows all along
(sleep "$((seconds / 2))"; lt lag >"$out/lag-mid.txt") &
halfway=$!
signed="$(run signed "$seconds" "$out/signed.tsv" /webhooks/elevenlabs/post-call)"
wait "$halfway"
lag_after="$(lt lag)"
sleep 10
lag_later="$(lt lag)"
echo "==> signed post-call webhooks at ${paced_rate}/s ${seconds}s"
paced="$(run paced "$seconds" "$out/paced.tsv" /webhooks/elevenlabs/post-call "$paced_rate")"
sleep 5
lag_paced="$(lt lag)"
kafka="$(lt count "$marker")"
kafka_paced="$(lt count "${marker}p")"

ratio() { awk -v s="$(field "$signed" rate)" -v n="$(field "$1" rate)" 'BEGIN {printf "%.2f", s / n}'; }
{
  echo "whole-product webhook benchmark, $(date -u +%Y-%m-%dT%H:%M:%SZ), ./revos up $*"
  echo "$(machine) (before: $load_before)"
  echo "java: $(java -version 2>&1 | head -1); wrk -t$threads -c$connections -d${seconds}s (paced: -c$paced_connections), 127.0.0.1"
  echo "stack JVM: $(ps -o args= -p "$stack_pid" | sed 's/ -jar .*//; s/^[^ ]*java //')"
  echo "$noop"
  echo "$health"
  echo "$signed"
  echo "signed / noop: $(ratio "$noop"); signed / health: $(ratio "$health")"
  echo "$paced"
  late="$(field "$paced" late_sends)"
  if [ "$((${late:-0} * 100))" -gt "$(field "$paced" requests)" ]; then
    echo "paced: $late sends were more than 10 ms behind their slot (over 1 %): the stack did not keep ${paced_rate}/s" \
      "with $paced_connections connections, and the paced latency leaves out the wait for a free one; it is not the latency" \
      "at ${paced_rate}/s"
  fi
  cat "$cpu_out"
  echo "kafka: $kafka (2xx: $(field "$signed" ok)); paced: $kafka_paced (2xx: $(field "$paced" ok))"
  echo "consumer lag before: $lag_before"
  echo "consumer lag halfway: $(cat "$out/lag-mid.txt")"
  echo "consumer lag after:  $lag_after"
  echo "consumer lag +10 s:  $lag_later"
  echo "consumer lag 5 s after the paced run: $lag_paced"
} | tee "$report"
exactly_once() { # phase result, its count on Kafka, its connections
  local ok distinct repeated requests
  ok="$(field "$1" ok)"
  distinct="$(field "$2" distinct)"
  repeated="$(field "$2" repeated)"
  requests="$(field "$1" requests)"
  if [ "$(field "$1" wrapped)" != 0 ]; then
    echo "FAIL: wrk ran out of distinct bodies; raise BENCH_BODIES" | tee -a "$report"
    exit 1
  fi
  # wrk counts the requests answered within its run; up to one per connection was still in flight when it stopped
  if [ "$repeated" != 0 ] || [ "$distinct" -lt "$ok" ] || [ "$distinct" -gt "$((requests + $3))" ]; then
    echo "FAIL: every 2xx must be on Kafka exactly once (2xx $ok, sent $requests, on Kafka $distinct, repeated $repeated)" | tee -a "$report"
    exit 1
  fi
}
exactly_once "$signed" "$kafka" "$connections"
exactly_once "$paced" "$kafka_paced" "$paced_connections"
echo "every 2xx on Kafka exactly once" | tee -a "$report"
