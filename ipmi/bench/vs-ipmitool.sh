#!/bin/bash
# vs-ipmitool.sh FENCE4J_HOME [PORT] [RUNS]
# Median wall time of whole processes against one ipmi_sim (the project's lab, ipmi/lab/ipmi-sim, started here
# on PORT, default 9730, in a temporary state directory):
#   fence-cli status pm02   vs  ipmitool -I lanplus -C 3 chassis power status
#   fence-cli reset pm02    vs  fence_ipmilan action=reboot (cipher 3)
# Passwords travel through a file, IPMI_PASSWORD + -E and stdin: never on a command line.
set -u
home=${1:?usage: vs-ipmitool.sh FENCE4J_HOME [PORT] [RUNS]}; port=${2:-9730}; runs=${3:-10}
lab=$(cd "$(dirname "$0")/.." && pwd)/lab/ipmi-sim
umask 022 # fence4j refuses a configuration or secret file that group or others could write
tmp=$(mktemp -d); trap '"$lab/stop.sh" --state-dir "$tmp/sim" >/dev/null 2>&1; rm -rf "$tmp"' EXIT
"$lab/start.sh" --port "$port" --state-dir "$tmp/sim" >/dev/null || exit 1
printf 'secret\n' >"$tmp/pw"; chmod 600 "$tmp/pw"
for cipher in 3 auto; do
  { echo "state_dir: $tmp/state"; echo "devices:"; echo "  ipmi-pm02:"; echo "    agent: ipmi"; echo "    params:"
    echo "      hostname: pm02"; echo "      ipaddr: 127.0.0.1"; echo "      ipport: $port"; echo "      userid: admin"
    echo "      passwd_file: $tmp/pw"; [ $cipher = auto ] || echo "      cipher: $cipher"
    echo "targets:"; echo "  pm02:"; echo "    levels:"; echo "      - { device: ipmi-pm02, timeout: 60s }"; } >"$tmp/f4j-$cipher.yaml"
done
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
time_ms() { local s e; s=$(date +%s%N); "$@" >/dev/null 2>&1 || echo "failed: $*" >&2; e=$(date +%s%N); echo $(( (e-s)/1000000 )); }
runs_of() { for _ in $(seq "$runs"); do time_ms "$@"; done | median; }
reboot_ipmilan() { printf 'ip=127.0.0.1\nipport=%s\nusername=admin\npassword_script=cat %s\nlanplus=1\ncipher=3\naction=reboot\n' "$port" "$tmp/pw" | fence_ipmilan; }
export IPMI_PASSWORD=secret
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores; median of $runs runs, ms"
echo "fence-cli status (cipher 3)        $(FENCE4J_CONFIG=$tmp/f4j-3.yaml runs_of "$home/bin/fence-cli" status pm02)"
echo "fence-cli status (17, fallback 3)  $(FENCE4J_CONFIG=$tmp/f4j-auto.yaml runs_of "$home/bin/fence-cli" status pm02)"
echo "ipmitool -C 3 chassis power status $(runs_of ipmitool -I lanplus -C 3 -H 127.0.0.1 -p "$port" -U admin -E chassis power status)"
echo "fence-cli reset (cipher 3)         $(FENCE4J_CONFIG=$tmp/f4j-3.yaml runs_of "$home/bin/fence-cli" reset pm02)"
echo "fence_ipmilan reboot (cipher 3)    $(runs_of reboot_ipmilan)"
