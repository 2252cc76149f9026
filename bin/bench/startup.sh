#!/bin/sh
# startup.sh [DIST] — whole-process start-up of fence4j's status paths, with and without the
# class-data archive: `fence-cli status pm02` and the cluster-glue plugin's `status`
# (stonith/fence4j-ipmi), both against a simulated BMC on 127.0.0.1 (loopback only), on JDK 17
# (AppCDS) and, when installed, JDK 25 (AOT cache). Prints min / median / max wall time
# (RUNS runs after WARMUP, with and without interleaved), the median CPU time and peak RSS.
# DIST: the runnable directory (default bin/target/fence4j, after mvn package).
# Environment: RUNS (20), WARMUP (3), PORT (9842), JDK17, JDK25 (their homes).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
dist=$(cd "${1:-$here/../target/fence4j}" && pwd)
runs=${RUNS:-20}
warmup=${WARMUP:-3}
port=${PORT:-9842}
jdk17=${JDK17:-/usr/lib/jvm/java-17-openjdk-amd64}
jdk25=${JDK25:-/usr/lib/jvm/temurin-25-jdk-amd64}
[ -x /usr/bin/time ] || { echo "startup.sh: needs GNU time (/usr/bin/time)" >&2; exit 2; }

. "$dist/libexec/simulated-bmc.sh"
with_work_dir fence4j-bench

# Copies of the distribution, each archive trained in place (an archive names the class path it
# was made with, so the build's own would not match a copy): with a JDK 17 AppCDS archive, with a
# JDK 25 AOT cache, and without any archive.
cp -a "$dist" "$work/without"; rm -rf "$work/without/cds"
cp -a "$work/without" "$work/with"
JAVA_HOME=$jdk17 FENCE4J_TRAIN_PORT=$((port + 1)) "$work/with/libexec/fence4j-train" >/dev/null

JAVA_HOME=$jdk17 start_simulated_bmc "$dist" "$port" \
  || { echo "startup.sh: no simulated BMC: $(cat "$work/bmc.log")" >&2; exit 2; }
cat >"$work/bench.yaml" <<YAML
devices:
  ipmi-pm02:
    agent: ipmi
    params: { hostname: pm02, ipaddr: 127.0.0.1, ipport: $port, userid: admin, passwd_env: FENCE4J_BMC_PASSWORD }
targets:
  pm02:
    levels:
      - { device: ipmi-pm02, timeout: 20s }
YAML
export FENCE4J_STATE_DIR="$work/state"
# the plugin's parameters, as cluster-glue passes them
export hostname=pm02 ipaddr=127.0.0.1 ipport="$port" userid=admin passwd_env=FENCE4J_BMC_PASSWORD

jdks="17:$jdk17"
if [ -x "$jdk25/bin/java" ]; then
  cp -a "$work/without" "$work/aot"
  JAVA_HOME=$jdk25 FENCE4J_TRAIN_PORT=$((port + 2)) "$work/aot/libexec/fence4j-train" >/dev/null
  jdks="$jdks 25:$jdk25"
fi

# Runs interleaved (with, without, with, ...) so that the load of a shared machine hits both
# alike. Per run: wall time (date), CPU time user+sys and peak RSS (/usr/bin/time).
measure() {  # measure JAVA_HOME COMMAND... -> one line "wall cpu rss_kb" per run
  home=$1; shift
  start=$(date +%s%N)
  JAVA_HOME=$home /usr/bin/time -f '%U %S %M' -o "$work/time" "$@" >/dev/null 2>"$work/err" \
    || { echo "startup.sh: failed: $* ($(cat "$work/err"))" >&2; exit 1; }
  end=$(date +%s%N)
  read -r user sys rss <"$work/time"
  echo "$(( (end - start) / 1000000 )) $user $sys $rss"
}

printf '| JDK | call | archive | wall min s | wall median s | wall max s | CPU median s | peak RSS MB |\n'
printf '|---|---|---|---|---|---|---|---|\n'
for entry in $jdks; do
  jdk=${entry%%:*}; home=${entry#*:}
  if [ "$jdk" = 17 ]; then archived=with; label=AppCDS; else archived=aot; label=AOT; fi
  for call in "fence-cli status" "plugin status"; do
    for copy in "$archived" without; do : >"$work/$copy.runs"; done
    i=0
    while [ $i -lt $((warmup + runs)) ]; do
      for copy in "$archived" without; do
        d=$work/$copy
        if [ "$call" = "fence-cli status" ]; then line=$(measure "$home" "$d/bin/fence-cli" --config "$work/bench.yaml" status pm02)
        else line=$(measure "$home" "$d/stonith/fence4j-ipmi" status); fi
        [ $i -ge "$warmup" ] && echo "$line" >>"$work/$copy.runs"
      done
      i=$((i + 1))
    done
    for copy in "$archived" without; do
      [ "$copy" = without ] && what=none || what=$label
      python3 - "$work/$copy.runs" "$jdk" "$call" "$what" <<'PY'
import statistics, sys
rows = [line.split() for line in open(sys.argv[1])]
wall = sorted(int(r[0]) / 1000 for r in rows)
cpu = statistics.median(float(r[1]) + float(r[2]) for r in rows)
rss = statistics.median(int(r[3]) for r in rows) / 1024
print("| %s | %s | %s | %.3f | %.3f | %.3f | %.2f | %.0f |" % (sys.argv[2], sys.argv[3], sys.argv[4], wall[0],
      statistics.median(wall), wall[-1], cpu, rss))
PY
    done
  done
done
