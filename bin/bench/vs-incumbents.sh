#!/bin/bash
# vs-incumbents.sh [DIST [BEFORE-DIST]] — fence4j's calls side by side with the incumbents'
# against one ipmi_sim on 127.0.0.1 (the project's lab, ipmi/lab/ipmi-sim; loopback only), whole
# processes, interleaved round by round so that the load of a shared machine hits all alike.
# Medians of wall time, CPU time (user+sys) and peak RSS (/usr/bin/time), then the ratios:
#   fence_fence4j_ipmi -o status (options on stdin, as pacemaker-fenced passes them)
#                                      vs fence_ipmilan -o status (lanplus, --cipher=3)
#   stonith/fence4j-ipmi status (parameters in the environment, as cluster-glue passes them)
#                                      vs fence_ipmilan -o status
#   fence-cli status pm02              vs the fence-agents call above (the CLI's own cost)
#   fence-cli reset pm02               vs fence-cli status pm02, and vs fence_ipmilan -o reboot
#   fence_fence4j_ipmi -o reboot       vs fence_ipmilan -o reboot (the call pacemaker-fenced makes)
# Every fence4j call uses cipher suite 3, as fence_ipmilan does. BEFORE-DIST (optional): a second
# fence4j (e.g. an older build) measured in the same rounds, for before/after figures.
# DIST: the runnable directory (default bin/target/fence4j, after mvn package).
# Environment: RUNS (status rounds, 12), RESET_RUNS (reset rounds, 5), PORT (10800); JAVA_HOME picks
# the JDK of fence4j's calls, as for the launchers (else the PATH's java).
set -u
here=$(cd "$(dirname "$0")" && pwd)
dist=$(cd "${1:-$here/../target/fence4j}" && pwd)
before=${2:+$(cd "$2" && pwd)}
runs=${RUNS:-12}; reset_runs=${RESET_RUNS:-5}; port=${PORT:-10800}
lab=$here/../../ipmi/lab/ipmi-sim
for tool in /usr/bin/time fence_ipmilan "$lab/start.sh"; do
  command -v "$tool" >/dev/null || { echo "vs-incumbents.sh: needs $tool" >&2; exit 2; }
done
umask 022 # fence4j refuses a configuration or secret file that group or others could write
tmp=$(mktemp -d)
trap '"$lab/stop.sh" --state-dir "$tmp/sim" >/dev/null 2>&1; rm -rf "$tmp"' EXIT
trap 'exit 1' INT TERM
"$lab/start.sh" --port "$port" --state-dir "$tmp/sim" >/dev/null || { echo "vs-incumbents.sh: ipmi_sim did not start" >&2; exit 2; }
password=secret   # the lab's admin password; it travels on stdin, in a file or in the environment, never in argv
printf '%s\n' "$password" >"$tmp/pw"; chmod 600 "$tmp/pw"
cat >"$tmp/fence4j.yaml" <<YAML
state_dir: $tmp/state
devices:
  ipmi-pm02:
    agent: ipmi
    params: { hostname: pm02, ipaddr: 127.0.0.1, ipport: $port, userid: admin, passwd_file: $tmp/pw, cipher: 3 }
targets:
  pm02:
    levels:
      - { device: ipmi-pm02, timeout: 60s }
YAML
options() {  # options ACTION: fence-agents options on stdin
  printf 'action=%s\nplug=pm02\nip=127.0.0.1\nipport=%s\nusername=admin\npassword=%s\nlanplus=1\ncipher=3\n' \
    "$1" "$port" "$password"
}
options status >"$tmp/status.in"; options reboot >"$tmp/reboot.in"

. "$here/paired.sh"
# call NAME: one whole process (paired.sh's measure)
call() {
  local name=$1 home=$dist in=/dev/null
  case $name in *-before) home=$before ;; esac
  local -a cmd env=()
  case $name in
    fence_ipmilan-status) cmd=(fence_ipmilan); in=$tmp/status.in ;;
    fence_ipmilan-reboot) cmd=(fence_ipmilan); in=$tmp/reboot.in ;;
    fence_fence4j_ipmi-reboot*) cmd=("$home/sbin/fence_fence4j_ipmi"); in=$tmp/reboot.in ;;
    fence_fence4j_ipmi*)  cmd=("$home/sbin/fence_fence4j_ipmi"); in=$tmp/status.in ;;
    plugin*)              cmd=("$home/stonith/fence4j-ipmi" status)
                          env=(hostname=pm02 ipaddr=127.0.0.1 ipport="$port" userid=admin passwd="$password" cipher=3) ;;
    cli-status*)          cmd=("$home/bin/fence-cli" --config "$tmp/fence4j.yaml" status pm02) ;;
    cli-reset*)           cmd=("$home/bin/fence-cli" --config "$tmp/fence4j.yaml" reset pm02) ;;
  esac
  measure "$name" "$in" env "${env[@]}" "${cmd[@]}"
}

status_calls="fence_ipmilan-status fence_fence4j_ipmi plugin cli-status"
reset_calls="cli-status cli-reset fence_fence4j_ipmi-reboot fence_ipmilan-reboot"
if [ -n "$before" ]; then
  status_calls="$status_calls fence_fence4j_ipmi-before plugin-before cli-status-before"
  reset_calls="$reset_calls cli-status-before cli-reset-before fence_fence4j_ipmi-reboot-before"
fi
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
# shellcheck disable=SC2086 # lists of call names without spaces
rounds status "$runs" $status_calls
# shellcheck disable=SC2086
rounds reset "$reset_runs" $reset_calls
header "$load_before" "medians of $runs status rounds and $reset_runs reset rounds"
python3 - "$tmp" "$here" <<'PY'
import sys
sys.path.insert(0, sys.argv[2])
from paired import load, calls, ratio, delta
tmp = sys.argv[1]
status, reset = load(tmp, "status"), load(tmp, "reset")
label = {"fence_ipmilan-status": "fence_ipmilan -o status", "fence_fence4j_ipmi": "fence_fence4j_ipmi -o status",
         "plugin": "external/fence4j-ipmi status", "cli-status": "fence-cli status pm02",
         "cli-reset": "fence-cli reset pm02", "fence_fence4j_ipmi-reboot": "fence_fence4j_ipmi -o reboot",
         "fence_ipmilan-reboot": "fence_ipmilan -o reboot"}
def name(k):
    return label.get(k.replace("-before", ""), k) + (" (before)" if k.endswith("-before") else "")
order = list(label)
calls([(name(k), group[k]) for group in (status, reset)
       for k in sorted(group, key=lambda k: (order.index(k.replace("-before", "")), k.endswith("-before")))
       if not (group is reset and k.startswith("cli-status"))])
for suffix in ("", "-before"):
    tag = " (before)" if suffix else ""
    if "fence_fence4j_ipmi" + suffix not in status:
        continue
    ratio("fence_fence4j_ipmi / fence_ipmilan, status" + tag, status["fence_fence4j_ipmi" + suffix], status["fence_ipmilan-status"])
    ratio("external/fence4j-ipmi / fence_ipmilan, status" + tag, status["plugin" + suffix], status["fence_ipmilan-status"])
    delta("fence-cli status - fence_fence4j_ipmi" + tag, status["cli-status" + suffix], status["fence_fence4j_ipmi" + suffix])
    delta("fence-cli reset - fence-cli status" + tag, reset["cli-reset" + suffix], reset["cli-status" + suffix])
    ratio("fence-cli reset / fence_ipmilan -o reboot" + tag, reset["cli-reset" + suffix], reset["fence_ipmilan-reboot"])
    ratio("fence_fence4j_ipmi / fence_ipmilan, reboot" + tag, reset["fence_fence4j_ipmi-reboot" + suffix],
          reset["fence_ipmilan-reboot"])
PY
