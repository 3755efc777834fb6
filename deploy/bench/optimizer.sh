#!/usr/bin/env bash
# The kernel optimizer's benchmarks (issue 17), one command, on the real broker and PostgreSQL the tests start:
#   1. the evaluation harness (DecisionEvaluationTest): simulated campaigns with known truth through the real rule
#      code, side by side with the seed's fixed rule; asserts the decision targets (deterministic, seeded)
#   2. OptimizerBenchmark: call events/s through the rules with rules firing (target >= 50,000) and the stop-loss
#      crossing outcome -> pause command on Kafka (target p99 < 500 ms), against a passthrough baseline in the run
# Exits non-zero when a target is missed. Figures, machine and load average: kernel-optimizer/target/benchmarks/.
#
#   deploy/bench/optimizer.sh            BENCH_EVENTS=600000 BENCH_CAMPAIGNS=1000 BENCH_LATENCY_CAMPAIGNS=40
set -euo pipefail
cd "$(dirname "$0")/../.."

for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/*; do
  if [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] \
      && "$candidate/bin/java" -version 2>&1 | grep -qE 'version "(2[5-9]|[3-9][0-9])'; then
    export JAVA_HOME="$candidate"
    break
  fi
done

echo "==> machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load average $(cut -d' ' -f1-3 /proc/loadavg)"
./mvnw -B ${MAVEN_ARGS:-} -pl kernel-optimizer -am test \
  -Dtest='DecisionEvaluationTest,OptimizerBenchmark' -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.events="${BENCH_EVENTS:-600000}" -Dbench.campaigns="${BENCH_CAMPAIGNS:-1000}" \
  -Dbench.latencyCampaigns="${BENCH_LATENCY_CAMPAIGNS:-40}"
echo "==> figures"
cat kernel-optimizer/target/benchmarks/optimizer-evaluation.txt kernel-optimizer/target/benchmarks/kernel-optimizer.txt
