# Sourced by the whole-product benchmarks: the JDK ./revos selects, the product started as a newcomer starts it, and
# stopped when the benchmark ends however it ends. Not run by itself.

# the JDK ./revos selects (21 or newer): the benchmarks' tools and jcmd run on it too
for candidate in "${JAVA_HOME:-}" "$(dirname "$(dirname "$(readlink -f "$(command -v java || echo /nonexistent)")")")" /usr/lib/jvm/*; do
  if [ -x "$candidate/bin/java" ] && "$candidate/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then
    export JAVA_HOME="$candidate" PATH="$candidate/bin:$PATH"
    break
  fi
done

stack_pid=""
stop_stack() {
  if [ -n "$stack_pid" ] && kill -0 "$stack_pid" 2>/dev/null; then
    echo "==> stopping the stack"
    kill -TERM "$stack_pid"
    wait "$stack_pid" 2>/dev/null || true
  fi
}

# start_stack <console log> <./revos up arguments...>: returns once the banner says it is running
start_stack() {
  local log="$1"
  shift
  local taken
  taken="$(ss -ltnH | awk '{print $4}' | grep -E ':(808[0-9]|8090|909[23]|5433)$' || true)"
  if [ -n "$taken" ]; then
    echo "Ports of the local stack are taken ($(echo $taken)): stop what uses them (another ./revos up?) first." >&2
    exit 1
  fi
  trap stop_stack EXIT
  echo "==> starting the product: ./revos up $* (console in $log)"
  ./revos up "$@" >"$log" 2>&1 &
  stack_pid=$!
  for _ in $(seq 1 900); do
    grep -q "RevOS Voice is running" "$log" && break
    kill -0 "$stack_pid" 2>/dev/null || { cat "$log" >&2; exit 1; }
    sleep 1
  done
  grep -q "RevOS Voice is running" "$log" || { echo "The stack did not start; see $log" >&2; exit 1; }
}

# tool <main class> <arguments...>: one of the local stack's helpers, on the product's own classpath
tool() {
  local main="$1"
  shift
  java -cp "$(ls deploy/local-stack/target/local-stack-*-exec.jar | head -1)" -Dloader.main="com.revos.voice.local.$main" \
    -Dlogback.configurationFile=local-stack-tool-logback.xml org.springframework.boot.loader.launch.PropertiesLauncher "$@"
}

machine() {
  echo "machine: $(nproc --all) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem:/ {print $2}') GiB, load $(cut -d' ' -f1-3 /proc/loadavg)"
}

# CPU time, in clock ticks, of the given processes so far (user + system; /proc/<pid>/stat fields 14 and 15)
cpu_ticks() {
  local total=0 pid
  for pid in "$@"; do
    [ -r "/proc/$pid/stat" ] || continue
    total=$((total + $(sed 's/^.*) //' "/proc/$pid/stat" | awk '{print $12 + $13}')))
  done
  echo "$total"
}

# the machine's busy and total clock ticks so far (/proc/stat: everything but idle and iowait is busy)
machine_ticks() {
  awk '/^cpu / {busy = $2 + $3 + $4 + $7 + $8 + $9; print busy, busy + $5 + $6}' /proc/stat
}

# cpu_split <label> <requests> <seconds> <jvm ticks> <postgres ticks> <machine busy ticks>: where a phase's CPU went
cpu_split() {
  awk -v label="$1" -v n="$2" -v s="$3" -v jvm="$4" -v pg="$5" -v busy="$6" -v hz="$(getconf CLK_TCK)" 'BEGIN {
    other = busy - jvm - pg
    printf "%s cpu: stack JVM %.2f cores (%.0f us/request), PostgreSQL %.2f cores (%.0f us/request), the rest (wrk, kernel) %.2f cores (%.0f us/request); all %.0f us/request\n",
      label, jvm / hz / s, jvm / hz / n * 1e6, pg / hz / s, pg / hz / n * 1e6, other / hz / s, other / hz / n * 1e6, busy / hz / n * 1e6
  }'
}

# each CPU's busy and total clock ticks so far, "cpu0:<busy>:<total> cpu1:..." (/proc/stat, as machine_ticks)
cpu_busy_shares() {
  awk '/^cpu[0-9]/ {busy = $2 + $3 + $4 + $7 + $8 + $9; printf "%s:%d:%d ", $1, busy, busy + $5 + $6}' /proc/stat
}

# cpu_busy_shares_since <cpu_busy_shares earlier>: each CPU's busy share since then, "cpu0 62 %, cpu1 18 %"
cpu_busy_shares_since() {
  { echo "$1"; cpu_busy_shares; echo; } | awk '
    NR == 1 { for (i = 1; i <= NF; i++) { split($i, f, ":"); busy[f[1]] = f[2]; total[f[1]] = f[3] } }
    NR == 2 { for (i = 1; i <= NF; i++) { split($i, f, ":"); printf "%s%s %.0f %%", (i > 1 ? ", " : ""), f[1],
                100 * (f[2] - busy[f[1]]) / (f[3] - total[f[1]]) } }'
}
