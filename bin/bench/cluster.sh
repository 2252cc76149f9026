#!/bin/bash
# cluster.sh [DIST [BEFORE-DIST]] — `fence-cli status` without a target (every target's power, in one process)
# against 16 and 64 BMCs, side by side with FreeIPMI's `ipmipower --stat` against the same BMCs:
# `simulate-bmc --count 64` on 127.0.0.1 (loopback only), cipher suite 3 for both, whole
# processes interleaved round by round. Prints medians of wall and CPU time, the cost per added
# BMC, (t64 - t16) / 48, for both, and fence-cli at 64 against ipmipower at 64 plus the JVM start
# (`java -version` with the launcher's flags), and fence-cli status of one target. Then both
# against 64 more simulated BMCs that answer each request after DELAY_MS, as a real BMC does
# (the simulated ones answer at once: that measures only the CPU).
# DIST: the runnable directory (default bin/target/fence4j, after mvn package). BEFORE-DIST
# (optional): another build's fence-cli against 16 and 64 BMCs in the same rounds, same --parallel.
# Environment: RUNS (10), PORT (first of 128 consecutive UDP ports, 10900), PARALLEL (fence-cli's
# --parallel, 128 as its default), DELAY_MS (20), WARM_RUNS (60).
set -u
here=$(cd "$(dirname "$0")" && pwd)
dist=$(cd "${1:-$here/../target/fence4j}" && pwd)
before=${2:+$(cd "$2" && pwd)}
runs=${RUNS:-10}; port=${PORT:-10900}; parallel=${PARALLEL:-128}; delay=${DELAY_MS:-20}
slow=$((port + 64))
for tool in /usr/bin/time ipmipower; do
  command -v "$tool" >/dev/null || { echo "cluster.sh: needs $tool (ipmipower: Debian package freeipmi-tools)" >&2; exit 2; }
done
. "$dist/libexec/simulated-bmc.sh"
with_work_dir fence4j-cluster-bench
FENCE4J_BMC_PASSWORD=$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n'); export FENCE4J_BMC_PASSWORD
# start_bmcs FIRST-PORT LOG [OPTION ...]: 64 simulated BMCs in the background (stopped at exit)
start_bmcs() {
  local first=$1 log=$2 tries=0
  shift 2
  "$dist/bin/simulate-bmc" --port "$first" --count 64 --user admin --password-env FENCE4J_BMC_PASSWORD "$@" \
    >"$log" 2>&1 &
  sim="$sim${sim:+ }$!"
  until grep -q listening "$log" 2>/dev/null; do
    tries=$((tries + 1))
    if [ $tries -gt 150 ]; then echo "cluster.sh: no simulated BMCs: $(cat "$log")" >&2; exit 2; fi
    sleep 0.1
  done
}
start_bmcs "$port" "$work/bmc.log"
start_bmcs "$slow" "$work/slow-bmc.log" --delay-ms "$delay"
# ipmipower reads the password from its configuration file, never from argv
printf 'username admin\npassword %s\n' "$FENCE4J_BMC_PASSWORD" >"$work/freeipmi.conf"; chmod 600 "$work/freeipmi.conf"
# the BMC sets, each NAME:COUNT:FIRST-PORT: a configuration (one ipmi level per target) and a host list
for set in 16:16:$port 64:64:$port slow64:64:$slow; do
  IFS=: read -r name n first <<<"$set"
  { echo "state_dir: $work/state"; echo "devices:"
    for i in $(seq 0 $((n - 1))); do
      printf '  ipmi-n%02d: { agent: ipmi, params: { hostname: n%02d, ipaddr: 127.0.0.1, ipport: %d, userid: admin, passwd_env: FENCE4J_BMC_PASSWORD, cipher: 3 } }\n' \
        "$i" "$i" $((first + i))
    done
    echo "targets:"
    for i in $(seq 0 $((n - 1))); do printf '  n%02d: { levels: [ { device: ipmi-n%02d, timeout: 20s } ] }\n' "$i" "$i"; done
  } >"$work/c$name.yaml"
  hosts=; for i in $(seq 0 $((n - 1))); do hosts=$hosts${hosts:+,}127.0.0.1:$((first + i)); done
  echo "$hosts" >"$work/hosts$name"
done
java=${JAVA_HOME:+$JAVA_HOME/bin/}java

# call NAME: one whole process; appends "wall_ms cpu_s" to $work/NAME.runs; checks every BMC answered
call() {
  local name=$1 set=${1##*-} home=$dist start end n
  local -a cmd
  case $name in fence-cli-before-*) home=$before ;; esac
  case $name in
    fence-cli-1) cmd=("$dist/bin/fence-cli" --config "$work/c16.yaml" status n00) ;;
    fence-cli-*) cmd=("$home/bin/fence-cli" --config "$work/c$set.yaml" status --parallel "$parallel") ;;
    ipmipower-*) cmd=(ipmipower --config-file="$work/freeipmi.conf" -D LAN_2_0 -I 3 -h "$(cat "$work/hosts$set")" --stat) ;;
    jvm-start)   cmd=("$java" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData -version) ;;
  esac
  n=${set#slow}
  start=$(date +%s%N)
  /usr/bin/time -f '%U %S' -o "$work/time" "${cmd[@]}" >"$work/out" 2>&1 \
    || { echo "cluster.sh: $name failed: $(head -c 600 "$work/out")" >&2; exit 1; }
  end=$(date +%s%N)
  case $name in
    fence-cli-1) answered=$(grep -c '^n00 is powered on' "$work/out"); n=1 ;;
    fence-cli-*) answered=$(grep -c ' is powered on' "$work/out") ;;
    ipmipower-*) answered=$(grep -c ': on$' "$work/out") ;;
    *)           answered=$n ;;
  esac
  [ "$name" = jvm-start ] || [ "$answered" = "$n" ] || { echo "cluster.sh: $name: $answered of $n answered: $(head -c 600 "$work/out")" >&2; exit 1; }
  read -r user sys <"$work/time"
  echo "$(( (end - start) / 1000000 )) $user $sys" >>"$work/$name.runs"
}
calls="fence-cli-16 ipmipower-16 fence-cli-64 ipmipower-64 jvm-start fence-cli-1 fence-cli-slow64 ipmipower-slow64"
[ -z "$before" ] || calls="$calls fence-cli-before-16 fence-cli-before-64"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
for c in $calls; do call "$c"; rm -f "$work/$c.runs"; done   # warm-up
for _ in $(seq "$runs"); do for c in $calls; do call "$c"; done; done
echo "$(date -u +%Y-%m-%d), $(nproc) cores, load average $load_before before and $(cut -d' ' -f1-3 /proc/loadavg) after;" \
  "$("$java" -version 2>&1 | head -n 1); $(ipmipower --version | head -n 1); medians of $runs rounds;" \
  "fence-cli --parallel $parallel"
# warm SET: fence-cli status of SET repeated in one JVM with the launcher's compiler and collector;
# writes the later half of the runs' wall times (ms) to $work/warm-SET
warm() {
  local n=${WARM_RUNS:-60}
  "$java" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "$dist/lib/*" "$here/WarmRuns.java" "$n" "$1" \
    --config "$work/c$1.yaml" status --parallel "$parallel" >"$work/warm" \
    || { echo "cluster.sh: WarmRuns failed (the JDK's source launcher needs javac)" >&2; exit 1; }
  tail -n $((n / 2)) "$work/warm" >"$work/warm-$1"
}
warm 16; warm 64
python3 - "$work" "$delay" <<'PY'
import os, statistics, sys
work, delay = sys.argv[1], sys.argv[2]
def med(name):
    rows = [l.split() for l in open("%s/%s.runs" % (work, name))]
    return statistics.median(int(r[0]) / 1000 for r in rows), statistics.median(float(r[1]) + float(r[2]) for r in rows)
m = {f[:-5]: med(f[:-5]) for f in os.listdir(work) if f.endswith(".runs")}
print("\n| call | 16 BMCs wall s | 64 BMCs wall s | per added BMC ms | 16 CPU s | 64 CPU s | per added BMC CPU ms |")
print("|---|---|---|---|---|---|---|")
label = {"fence-cli": "fence-cli status", "fence-cli-before": "fence-cli status (before)", "ipmipower": "ipmipower --stat"}
for tool in [t for t in label if t + "-16" in m]:
    a, b = m[tool + "-16"], m[tool + "-64"]
    print("| %s | %.3f | %.3f | %.1f | %.3f | %.3f | %.1f |" % (
        label[tool],
        a[0], b[0], (b[0] - a[0]) / 48 * 1000, a[1], b[1], (b[1] - a[1]) / 48 * 1000))
jvm = m["jvm-start"]
print("\nJVM start (java -version): %.3f s wall, %.3f s CPU; fence-cli status n00 (one target): %.3f s wall, %.3f s CPU"
      % (jvm + m["fence-cli-1"]))
print("fence-cli at 64: %.3f s; ipmipower at 64 + JVM start: %.3f s (%s)" % (
    m["fence-cli-64"][0], m["ipmipower-64"][0] + jvm[0],
    "within" if m["fence-cli-64"][0] <= m["ipmipower-64"][0] + jvm[0] else "over"))
print("\n64 BMCs that answer after %s ms: fence-cli %.3f s wall, %.3f s CPU; ipmipower %.3f s wall, %.3f s CPU"
      % ((delay,) + m["fence-cli-slow64"] + m["ipmipower-slow64"]))
w16, w64 = (statistics.median(float(l) for l in open("%s/warm-%d" % (work, n))) / 1000 for n in (16, 64))
print("\nThe same survey repeated in one warm JVM (WarmRuns.java): 16 BMCs %.3f s, 64 BMCs %.3f s, %.1f ms per added BMC"
      % (w16, w64, (w64 - w16) / 48 * 1000))
PY
