#!/usr/bin/env bash
# Pacing at the provider, inside the running product (issue 14): starts ./revos up --processes (each service, and the
# telephony simulator, in its own JVM), then for each <calls per second>:<contacts> runs a campaign of a fresh tenant
# through the public APIs and reads what the simulator, the provider's side, saw arrive: the most calls in any
# sliding second (must stay at or under the limit) and the mean rate (must keep >= 97 % of it). A 120 s campaign at the
# first run's limit warms the stack up first and is printed, not counted (PACING_WARMUP_SECONDS=0 measures a cold
# start instead). The simulator gets CPU 1 to itself, the product CPU 0 (PACING_WITNESS_CPU, below). Stops the stack.
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
# The provider's edge has a machine of its own; on this one its witness, the simulator, shares two CPUs with the
# product, and this kernel does not preempt kernel code: a request the loopback had on time was read 23-105 ms late
# while the broker's thread zero-filled a page fault on the witness's CPU (runs 42-43 in docs/benchmarks.md). So,
# once the stack is up, the CPUs are split (PACING_WITNESS_CPU):
#   alone (the default)  the simulator on CPU 1 only, everything else (this script and its tools too) on CPU 0: the
#                        provider on a CPU of its own, the product on the other
#   apart                the simulator on CPU 1 only, the broker and PostgreSQL on CPU 0 only, the services on both:
#                        nothing that faults on the broker's files runs where the witness does (but the services do,
#                        and the simulator stood still for 86 ms once: runs 48-50 in docs/benchmarks.md)
#   shared               no split
witness_cpu="${PACING_WITNESS_CPU:-alone}"
case "$witness_cpu" in
  alone | apart | shared) ;;
  *) echo "PACING_WITNESS_CPU is alone, apart or shared, not '$witness_cpu'" >&2; exit 2 ;;
esac
# the simulator's threads' priority: below, where the CPUs are split
witness_priority="${PACING_WITNESS_PRIORITY:-}"
case "$witness_priority" in
  "" | realtime | normal) ;;
  *) echo "PACING_WITNESS_PRIORITY is realtime or normal, not '$witness_priority'" >&2; exit 2 ;;
esac
if [ "$witness_cpu" != shared ] && { ! command -v taskset >/dev/null || [ "$(nproc --all)" -lt 2 ]; }; then
  echo "==> the simulator shares the CPUs with the product (its own CPU needs taskset and two CPUs)"
  witness_cpu=shared
fi
[ "$witness_cpu" = alone ] && taskset -p -c 0 $$ >/dev/null
REVOS_JAVA_OPTS="${REVOS_JAVA_OPTS:-} -Drevos.local.home=$out/pacing-stack" start_stack "$out/pacing-up.log" --processes
# a witness outside every JVM: the kernel's timestamp of each request to the simulator's port on the loopback (a TCP
# segment that begins with "POST"; only outbound calls are POSTed there during the runs)
wire="$out/pacing-wire.txt"
rm -f "$wire"
if ! command -v tcpdump >/dev/null && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "==> installing tcpdump (Debian package)"
  (apt-get install -y -qq --no-install-recommends tcpdump || (apt-get update -qq && apt-get install -y -qq --no-install-recommends tcpdump)) >/dev/null || true
fi
capture=""
simulator_port="$(sed -n 's/.*simulator[^0-9]*\([0-9]\{4,5\}\).*/\1/p' "$out/pacing-up.log" | head -1)"
simulator_port="${simulator_port:-8090}"
if command -v tcpdump >/dev/null && [ "$(id -u)" = 0 ]; then
  tcpdump -i lo -n -tt -l -q "tcp dst port $simulator_port and tcp[((tcp[12:1] & 0xf0) >> 2):4] = 0x504f5354" \
    >"$wire" 2>"$out/pacing-tcpdump.log" &
  capture=$!
  trap 'kill "$capture" 2>/dev/null || true; stop_stack' EXIT
  echo "==> capturing requests to the simulator (port $simulator_port) on the loopback: $wire"
else
  echo "==> no loopback witness (tcpdump needs root: apt-get install tcpdump)"
fi
# The simulator stands in for the provider's edge, which has CPUs of its own. On 2 cores shared with the product its
# request threads waited for a CPU after the kernel had the request in their socket, and its stamp counted that wait
# (ADR 0023, 2026-12-03): its HTTP intake threads, and those it starts later, run at real-time priority (SCHED_FIFO
# 2), and so do the JVM threads they can wait for, the VM thread (safepoints) and the collector's (SCHED_FIFO 1):
# with only the HTTP threads raised, a request still waited up to 30 ms. So do the simulator's timer threads, which
# hand each answer back to Tomcat and take, for that, the locks of its executor and processor cache that the poller
# takes too: at normal priority, preempted while holding one, a timer thread can hold the real-time poller back
# (suspected, not shown, for a request the loopback had on time and the simulator read 32 ms late: run 38 in
# docs/benchmarks.md). Its other threads stay at normal priority, behind the intake. Nothing of the product's changes.
# With the simulator on one CPU (apart, alone) the VM and collector threads stay at normal priority: there a
# real-time thread that spins for a normal one of the same JVM has no other CPU to leave it: once the whole
# simulator stood still for 945 ms, most likely until the kernel's real-time throttling (950 ms a second) let the
# others run (run 49). With the simulator alone on its CPU nothing of ours competes for that CPU, so there every
# thread of it stays at normal priority unless asked: in runs 55-60 its peak was the wire's in every campaign, while
# with the HTTP threads raised one request of run 54 took 990 ms. PACING_WITNESS_PRIORITY=realtime|normal chooses.
simulator_pid="$(ss -ltnpH "sport = :$simulator_port" | sed -n 's/.*pid=\([0-9]*\).*/\1/p' | head -1)"
if [ "$witness_cpu" != shared ] && [ -n "$simulator_pid" ] && taskset -a -p -c 1 "$simulator_pid" >/dev/null; then
  if [ "$witness_cpu" = apart ]; then
    # the stack's JVM holds the broker; new PostgreSQL backends inherit the postmaster's CPU
    for pid in "$stack_pid" $(pgrep -x postgres || true); do
      taskset -a -p -c 0 "$pid" >/dev/null
    done
    echo "==> the simulator on CPU 1, the broker and PostgreSQL on CPU 0, the services on both (PACING_WITNESS_CPU=alone|shared: otherwise)"
  else
    echo "==> the simulator on CPU 1 alone, the product on CPU 0 (PACING_WITNESS_CPU=apart|shared: otherwise)"
  fi
elif [ "$witness_cpu" != shared ]; then
  # with alone, the product is on CPU 0 already, and the simulator with it
  echo "==> could not move the simulator (pid ${simulator_pid:-not found}) to CPU 1: it shares the product's CPUs" >&2
  witness_cpu="shared ($witness_cpu failed)"
fi
if [ -z "$witness_priority" ]; then
  if [ "$witness_cpu" = alone ]; then witness_priority=normal; else witness_priority=realtime; fi
fi
if [ "$witness_priority" = realtime ] && { [ "$(id -u)" != 0 ] || ! command -v chrt >/dev/null; }; then
  simulator_pid=""
fi
if [ "$witness_priority" = realtime ] && [ -z "$simulator_pid" ]; then
  echo "==> the simulator's intake stays at normal priority (real-time priority needs root, chrt and the simulator's pid)"
  witness_priority=normal
fi
if [ "$witness_priority" = realtime ]; then
  (
    declare -A raised=()
    while kill -0 "$simulator_pid" 2>/dev/null; do
      for task in /proc/"$simulator_pid"/task/*; do
        tid="${task##*/}"
        [ -n "${raised[$tid]:-}" ] && continue
        case "$(cat "$task/comm" 2>/dev/null)" in
          "http-nio-$simulator_port-"* | simulator-timer-*) chrt -f -p 2 "$tid" 2>/dev/null && raised[$tid]=1 ;;
          "VM Thread" | Z* | "GC Thread"*) [ "$witness_cpu" = shared ] && chrt -f -p 1 "$tid" 2>/dev/null && raised[$tid]=1 ;;
        esac
      done
      sleep 1
    done
  ) &
  if [ "$witness_cpu" = shared ]; then
    echo "==> the simulator's HTTP intake and timer threads, VM and collector threads at real-time priority (SCHED_FIFO 2 and 1; PACING_WITNESS_PRIORITY=normal: off)"
  else
    echo "==> the simulator's HTTP intake and timer threads at real-time priority (SCHED_FIFO 2; PACING_WITNESS_PRIORITY=normal: off)"
  fi
fi
echo "==> campaigns at ${runs[*]} (calls per second:contacts); the simulator counts arrivals in its own process"
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
cpus_before="$(cpu_busy_shares)"
status=0
lines="$(PACING_ARRIVALS_DIR="$out" PACING_WIRE_CAPTURE="${capture:+$wire}" tool PacingWitnessTool "${runs[@]}")" || status=$?
cpus="$(cpu_busy_shares_since "$cpus_before")"
{
  echo "whole-product pacing benchmark, $(date -u +%Y-%m-%dT%H:%M:%SZ), ./revos up --processes, the simulator's intake at $witness_priority priority, its CPU $witness_cpu"
  echo "$(machine) (before: $load_before)"
  echo "each CPU busy during the campaigns (the warm-up included): $cpus"
  echo "$lines"
} | tee "$report"
[ "$status" = 0 ] && echo "every run held its limit at the provider and kept >= 97 % of it" | tee -a "$report"
exit "$status"
