#!/bin/bash
# vs-fence-redfish.sh [DIST [BEFORE-DIST]] — fence_fence4j_redfish beside fence-agents' fence_redfish against one
# simulated Redfish BMC (DIST's bin/simulate-redfish, HTTPS on 127.0.0.1; loopback only) whose power
# takes 0.5 s to switch (PoweringOff, PoweringOn), whole processes paired round by round (paired.sh).
# Medians of wall time, CPU time (user+sys) and peak RSS, then the ratios:
#   fence_fence4j_redfish -o status vs fence_redfish -o status
#   fence_fence4j_redfish -o reboot vs fence_redfish -o reboot
# Options on stdin, as pacemaker-fenced passes them. fence_redfish does not verify the certificate
# (ssl_insecure, as it is mostly run); fence4j pins it (ssl_fingerprint), as fence4j is configured.
# DIST: the runnable directory (default bin/target/fence4j, after mvn package, with its archives).
# BEFORE-DIST (optional): a second fence4j (e.g. an older build) measured in the same rounds.
# Environment: RUNS (status rounds, 10), REBOOT_RUNS (reboot rounds, 5), PORT (10850, TCP); JAVA_HOME
# picks the JDK of fence4j's calls, as for the launchers. Each call is killed after 120 s.
set -u
here=$(cd "$(dirname "$0")" && pwd)
dist=$(cd "${1:-$here/../target/fence4j}" && pwd)
before=${2:+$(cd "$2" && pwd)}
runs=${RUNS:-10}; reboot_runs=${REBOOT_RUNS:-5}; port=${PORT:-10850}
for tool in /usr/bin/time fence_redfish "$dist/bin/simulate-redfish"; do
  command -v "$tool" >/dev/null || { echo "vs-fence-redfish.sh: needs $tool" >&2; exit 2; }
done
. "$dist/libexec/simulated-bmc.sh"
with_work_dir fence4j-bench
tmp=$work
start_simulated_redfish "$dist" "$port" --transition-ms 500 \
  || { echo "vs-fence-redfish.sh: the simulated Redfish BMC did not start: $(head -c 400 "$work/redfish.log")" >&2; exit 2; }
options() {  # options ACTION: fence-agents options on stdin, the password among them
  printf 'action=%s\nplug=pm02\nip=127.0.0.1\nipport=%s\nusername=admin\npassword=%s\n' \
    "$1" "$port" "$FENCE4J_BMC_PASSWORD"
}
for action in status reboot; do
  { options $action; echo ssl_insecure=1; } >"$tmp/fence_redfish-$action.in"
  { options $action; echo "ssl_fingerprint=$redfish_fingerprint"; } >"$tmp/fence4j-$action.in"
done

. "$here/paired.sh"
# call NAME: one whole process (paired.sh's measure)
call() {
  case $1 in
    fence_redfish-*) measure "$1" "$tmp/$1.in" fence_redfish ;;
    fence4j-*-before) measure "$1" "$tmp/${1%-before}.in" "$before/sbin/fence_fence4j_redfish" ;;
    fence4j-*)       measure "$1" "$tmp/$1.in" "$dist/sbin/fence_fence4j_redfish" ;;
  esac
}

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
status_calls="fence_redfish-status fence4j-status${before:+ fence4j-status-before}"
reboot_calls="fence4j-reboot fence_redfish-reboot${before:+ fence4j-reboot-before}"
# shellcheck disable=SC2086 # lists of call names without spaces
rounds status "$runs" $status_calls
# shellcheck disable=SC2086
rounds reboot "$reboot_runs" $reboot_calls
header "$load_before" "medians of $runs status rounds and $reboot_runs reboot rounds"
python3 - "$tmp" "$here" <<'PY'
import sys
sys.path.insert(0, sys.argv[2])
from paired import load, calls, ratio
status, reboot = load(sys.argv[1], "status"), load(sys.argv[1], "reboot")
rows = []
for action, group in (("status", status), ("reboot", reboot)):
    rows.append(("fence_redfish -o " + action, group["fence_redfish-" + action]))
    rows += [("fence_fence4j_redfish -o %s%s" % (action, tag), group["fence4j-" + action + suffix])
             for suffix, tag in (("", ""), ("-before", " (before)")) if "fence4j-" + action + suffix in group]
calls(rows)
for action, group in (("status", status), ("reboot", reboot)):
    for suffix, tag in (("", ""), ("-before", " (before)")):
        if "fence4j-" + action + suffix in group:
            ratio("fence_fence4j_redfish / fence_redfish, %s%s" % (action, tag), group["fence4j-" + action + suffix],
                  group["fence_redfish-" + action])
PY
