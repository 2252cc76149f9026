#!/bin/bash
# bad-network.sh FENCE4J_HOME [PORT] [RUNS] [OTHER_RUNS]
# Fencing through a bad network: OpenIPMI ipmi_sim (the project's lab, ipmi/lab/ipmi-sim) on 127.0.0.1:PORT
# (default 10420) behind the project's seeded UDP fault proxy (ipmi/src/test/.../net/FaultProxy.java) on PORT+1.
# fence4j (fence-cli from FENCE4J_HOME and its fence_fence4j_ipmi), ipmitool and fence_ipmilan go through the
# same proxy, each run with a 30 s limit; RUNS (default 100) runs of fence-cli, OTHER_RUNS (default 20) of the
# others. Prints one table row per fault, action and tool: successes of runs, median wall time, false
# successes (exit 0 but the witness, ipmitool talking to ipmi_sim directly, reads the power on), stack traces
# and runs over the 30 s limit (+2 s for process exit).
#   BEFORE=OLD_FENCE4J_HOME  also: no loss, fence-cli status, OLD and FENCE4J_HOME alternating (paired), medians.
#   LOCK=FILE  each table row runs under flock FILE (shared machines: others' tests are held up one row at a time).
# Passwords travel through a file, IPMI_PASSWORD + -E and stdin: never on a command line. Everything is bounded:
# each proxy lives at most the scenario's runs x 40 s, each tool call at most 30 s (timeout(1)).
set -u
home=${1:?usage: bad-network.sh FENCE4J_HOME [PORT] [RUNS] [OTHER_RUNS]}; port=${2:-10420}; runs=${3:-100}
others=${4:-20}; pport=$((port + 1)); limit=30
here=$(cd "$(dirname "$0")/.." && pwd); lab=$here/lab/ipmi-sim
umask 022 # fence4j refuses a configuration or secret file that group or others could write
tmp=$(mktemp -d); proxy_pid=
cleanup() { [ -n "$proxy_pid" ] && kill "$proxy_pid" 2>/dev/null; "$lab/stop.sh" --state-dir "$tmp/sim" >/dev/null 2>&1; rm -rf "$tmp"; }
trap cleanup EXIT
"$lab/start.sh" --port "$port" --state-dir "$tmp/sim" >/dev/null || exit 1
javac -d "$tmp/proxy" "$here/src/test/java/org/fence4j/ipmi/net/FaultProxy.java" || exit 1
printf 'secret\n' >"$tmp/pw"; chmod 600 "$tmp/pw"
export IPMI_PASSWORD=secret
{ echo "state_dir: $tmp/state"; echo "devices:"; echo "  ipmi-pm02:"; echo "    agent: ipmi"; echo "    params:"
  echo "      hostname: pm02"; echo "      ipaddr: 127.0.0.1"; echo "      ipport: $pport"; echo "      userid: admin"
  echo "      passwd_file: $tmp/pw"; echo "      cipher: 3"
  echo "targets:"; echo "  pm02:"; echo "    levels:"; echo "      - { device: ipmi-pm02, timeout: ${limit}s }"; } >"$tmp/f4j.yaml"
export FENCE4J_CONFIG=$tmp/f4j.yaml

proxy() {   # proxy SEED RUNS ARGS...: a fresh proxy for one scenario
  [ -n "$proxy_pid" ] && kill "$proxy_pid" 2>/dev/null && wait "$proxy_pid" 2>/dev/null
  local seed=$1 n=$2; shift 2
  java -cp "$tmp/proxy" org.fence4j.ipmi.net.FaultProxy --listen "$pport" --target "$port" --seed "$seed" \
    --seconds $((n * 40 + 60)) "$@" 2>/dev/null & proxy_pid=$!
  for _ in $(seq 50); do ss -uln 2>/dev/null | grep -q "127.0.0.1:$pport " && return; sleep 0.1; done
}
witness() {   # "on" or "off" as ipmitool reads it from ipmi_sim directly (no proxy), up to 5 tries
  local out
  for _ in 1 2 3 4 5; do
    out=$(ipmitool -I lanplus -C 3 -H 127.0.0.1 -p "$port" -U admin -E chassis power status 2>/dev/null)
    case $out in *'Power is on'*) echo on; return ;; *'Power is off'*) echo off; return ;; esac
  done
  echo unknown
}
power_on() { echo 1 >"$tmp/sim/power"; }

# the tools: each prints its output; exit 0 = it reports success
f4j_status() { "$home/bin/fence-cli" status pm02; }
f4j_off() { "$home/bin/fence-cli" off pm02; }
agent_off() { printf 'ip=127.0.0.1\nipport=%s\nusername=admin\npassword_file=%s\ncipher=3\nplug=pm02\ntimeout=%s\naction=off\n' \
  "$pport" "$tmp/pw" "$limit" | "$home/sbin/fence_fence4j_ipmi"; }
ipmitool_status() { ipmitool -I lanplus -C 3 -H 127.0.0.1 -p "$pport" -U admin -E chassis power status | grep -q 'Power is'; }
ipmitool_off() { ipmitool -I lanplus -C 3 -H 127.0.0.1 -p "$pport" -U admin -E chassis power off; }
ipmilan() { printf 'ip=127.0.0.1\nipport=%s\nusername=admin\npassword_script=cat %s\nlanplus=1\ncipher=3\naction=%s\n' \
  "$pport" "$tmp/pw" "$1" | fence_ipmilan; }
ipmilan_status() { ipmilan status; }
ipmilan_off() { ipmilan off; }
export -f f4j_status f4j_off agent_off ipmitool_status ipmitool_off ipmilan ipmilan_status ipmilan_off
export home pport tmp limit

median() { sort -n | awk '{a[NR]=$1} END {if (NR == 0) print "-"; else printf "%.2f", (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2) / 1000}'; }

# row FAULT ACTION TOOL N: runs the tool N times (off: from power on), prints the table row
row() {
  local fault=$1 action=$2 tool=$3 n=$4 ok=0 false=0 traces=0 over=0 s e ms rc out
  : >"$tmp/times"
  for _ in $(seq "$n"); do
    [ "$action" = off ] && power_on
    s=$(date +%s%N); out=$(timeout $((limit + 2)) bash -c "$tool" 2>&1); rc=$?; e=$(date +%s%N)
    ms=$(( (e - s) / 1000000 )); echo "$ms" >>"$tmp/times"
    [ "$ms" -gt $(( (limit + 2) * 1000 )) ] && over=$((over + 1))
    printf '%s' "$out" | grep -qE '^\s+at [a-z]|Exception in thread|Segmentation fault' && traces=$((traces + 1))
    [ $rc -eq 139 ] && traces=$((traces + 1))
    if [ $rc -eq 0 ]; then   # an off counts once the witness reads it off; read on, it is a false success
      if [ "$action" != off ]; then ok=$((ok + 1))
      else case $(witness) in off) ok=$((ok + 1)) ;; on) false=$((false + 1)) ;; esac; fi
    fi
  done
  printf '| %-34s | %-6s | %-22s | %3d of %-3d | %6s s | %d | %d | %d |\n' "$fault" "$action" "$tool" "$ok" "$n" \
    "$(median <"$tmp/times")" "$false" "$traces" "$over"
}

export -f row witness power_on median
export port
if [ -n "${LOCK:-}" ]; then locked_row() { flock "$LOCK" bash -c 'row "$@"' row "$@"; }; else locked_row() { row "$@"; }; fi

echo "bad-network.sh $(date -u +%Y-%m-%dT%H:%MZ); load $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores; ipmi_sim $port, proxy $pport"
echo "| fault (each direction; corruption: replies) | action | tool | succeeded | median | false successes | stack traces | over ${limit} s |"
echo "|---|---|---|---|---|---|---|---|"
proxy 14 $((runs * 2 + others * 3)) --loss 0.3
locked_row "30% loss" status f4j_status "$runs"
locked_row "30% loss" off f4j_off "$runs"
locked_row "30% loss" off agent_off "$others"
locked_row "30% loss" status ipmitool_status "$others"
locked_row "30% loss" status ipmilan_status "$others"
proxy 15 $((runs * 2 + others * 2)) --loss 0.3 --dup 0.1 --reorder-ms 50
locked_row "30% loss + 10% dup + 0-50 ms reorder" status f4j_status "$runs"
locked_row "30% loss + 10% dup + 0-50 ms reorder" off f4j_off "$runs"
locked_row "30% loss + 10% dup + 0-50 ms reorder" status ipmitool_status "$others"
locked_row "30% loss + 10% dup + 0-50 ms reorder" status ipmilan_status "$others"
proxy 16 $((runs + others * 3)) --corrupt 0.3
locked_row "30% of replies corrupted" off f4j_off "$runs"
locked_row "30% of replies corrupted" off agent_off "$others"
locked_row "30% of replies corrupted" off ipmitool_off "$others"
locked_row "30% of replies corrupted" off ipmilan_off "$others"

if [ -n "${BEFORE:-}" ]; then
  proxy 17 $((runs * 2)) # no faults: the same path, for a paired comparison
  : >"$tmp/before"; : >"$tmp/after"
  for _ in $(seq "$runs"); do
    for which in before after; do
      h=$home; [ $which = before ] && h=$BEFORE
      s=$(date +%s%N); "$h/bin/fence-cli" status pm02 >/dev/null 2>&1 || echo "failed: $which" >&2; e=$(date +%s%N)
      echo $(( (e - s) / 1000000 )) >>"$tmp/$which"
    done
  done
  echo "no loss, fence-cli status, $runs alternating pairs: before $(median <"$tmp/before") s, after $(median <"$tmp/after") s (median)"
fi
