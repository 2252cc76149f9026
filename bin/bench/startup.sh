#!/bin/sh
# startup.sh [DIST] — whole-process start-up of fence4j's status paths, with and without the
# class-data archive: `fence-cli status pm02` and the cluster-glue plugin's `status`
# (stonith/fence4j-ipmi), both against a simulated BMC on 127.0.0.1 (loopback only), on JDK 17
# (AppCDS) and, when installed, JDK 25 (AOT cache). Prints min / median / max wall time
# (hyperfine, RUNS runs after WARMUP) and the median peak RSS (/usr/bin/time, 5 runs).
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
command -v hyperfine >/dev/null || { echo "startup.sh: needs hyperfine" >&2; exit 2; }

work=$(mktemp -d "${TMPDIR:-/tmp}/fence4j-bench.XXXXXX")
sim=
cleanup() {
  [ -n "$sim" ] && kill "$sim" 2>/dev/null && wait "$sim" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 1' INT TERM

# Three copies of the distribution: as built (JDK 17 archive), without any archive, and with a
# JDK 25 AOT cache trained in place (an archive names the directory it was made for).
cp -a "$dist" "$work/with"
cp -a "$dist" "$work/without"; rm -rf "$work/without/cds"
[ -n "$(ls "$work/with/cds" 2>/dev/null)" ] || { echo "startup.sh: $dist has no archive (build without -Dfence4j.train.skip)" >&2; exit 2; }

FENCE4J_BENCH_PASSWORD=$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')
export FENCE4J_BENCH_PASSWORD
JAVA_HOME=$jdk17 "$dist/bin/fence-cli" simulate-bmc --port "$port" --password-env FENCE4J_BENCH_PASSWORD \
  >"$work/bmc.log" 2>&1 &
sim=$!
tries=0
until grep -q listening "$work/bmc.log"; do
  tries=$((tries + 1))
  [ $tries -le 150 ] && kill -0 "$sim" 2>/dev/null || { echo "startup.sh: no simulated BMC: $(cat "$work/bmc.log")" >&2; exit 2; }
  sleep 0.1
done
cat >"$work/bench.yaml" <<YAML
devices:
  ipmi-pm02:
    agent: ipmi
    params: { hostname: pm02, ipaddr: 127.0.0.1, ipport: $port, userid: admin, passwd_env: FENCE4J_BENCH_PASSWORD }
targets:
  pm02:
    levels:
      - { device: ipmi-pm02, timeout: 20s }
YAML
export FENCE4J_STATE_DIR="$work/state"
# the plugin's parameters, as cluster-glue passes them
export hostname=pm02 ipaddr=127.0.0.1 ipport="$port" userid=admin passwd_env=FENCE4J_BENCH_PASSWORD

jdks="17:$jdk17"
if [ -x "$jdk25/bin/java" ]; then
  cp -a "$work/without" "$work/aot"
  JAVA_HOME=$jdk25 FENCE4J_TRAIN_PORT=$((port + 1)) "$work/aot/libexec/fence4j-train" >/dev/null
  jdks="$jdks 25:$jdk25"
fi

printf '| JDK | call | archive | min s | median s | max s | peak RSS MB |\n|---|---|---|---|---|---|---|\n'
for entry in $jdks; do
  jdk=${entry%%:*}; home=${entry#*:}
  if [ "$jdk" = 17 ]; then variants="AppCDS:with none:without"; else variants="AOT:aot none:without"; fi
  for variant in $variants; do
    label=${variant%%:*}; copy=$work/${variant#*:}
    for call in "fence-cli status:$copy/bin/fence-cli --config $work/bench.yaml status pm02" \
                "plugin status:$copy/stonith/fence4j-ipmi status"; do
      name=${call%%:*}; cmd=${call#*:}
      JAVA_HOME=$home hyperfine -N --style none --warmup "$warmup" --runs "$runs" \
        --export-json "$work/h.json" "$cmd" >/dev/null
      rss=$(for i in 1 2 3 4 5; do JAVA_HOME=$home /usr/bin/time -f %M $cmd 2>&1 >/dev/null | tail -n 1; done \
        | sort -n | sed -n 3p)
      python3 - "$work/h.json" "$jdk" "$name" "$label" "$rss" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"][0]
if any(c != 0 for c in r["exit_codes"]):
    sys.exit("startup.sh: a run failed: " + r["command"])
print("| %s | %s | %s | %.3f | %.3f | %.3f | %.0f |" % (sys.argv[2], sys.argv[3], sys.argv[4], r["min"], r["median"],
      r["max"], int(sys.argv[5]) / 1024))
PY
    done
  done
done
