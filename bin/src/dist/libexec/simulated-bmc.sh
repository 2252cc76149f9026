# simulated-bmc.sh — sourced (.) by bin/fence-demo, libexec/fence4j-train and bench/startup.sh,
# which all run fence4j against a simulated BMC on loopback: one place for their work directory,
# clean-up and BMC start.

# with_work_dir NAME: a private temporary directory in $work; at exit the simulated BMCs are stopped
# and the directory removed. Sets umask 022: fence4j refuses a configuration or secret file that
# group or others could write.
with_work_dir() {
  umask 022
  work=$(mktemp -d "${TMPDIR:-/tmp}/$1.XXXXXX") || exit 2
  sim=
  trap 'stop_simulated_bmc; rm -rf "$work"' EXIT
  trap 'exit 1' INT TERM
}

# start_simulated_bmc HOME PORT: `simulate-bmc` of the fence4j in HOME on 127.0.0.1:PORT
# (user admin) in the background, with the password of bmc_password. Waits at most 15 s until it
# listens; returns 1 when it does not start (its output is in $work/bmc.log).
start_simulated_bmc() {
  bmc_password
  start_simulator "$1/bin/simulate-bmc" "$2" "$work/bmc.log"
}

# start_simulated_redfish HOME PORT [OPTIONS...]: `simulate-redfish` of the fence4j in HOME on
# https://127.0.0.1:PORT (TCP) with these more options, user admin with the password of bmc_password,
# its certificate in $work/redfish.pem and its SHA-256 fingerprint in $redfish_fingerprint; returns 1
# when it does not start (output in $work/redfish.log).
start_simulated_redfish() {
  bmc_password
  redfish_command=$1/bin/simulate-redfish redfish_port=$2
  shift 2
  start_simulator "$redfish_command" "$redfish_port" "$work/redfish.log" --cert-out "$work/redfish.pem" "$@" || return 1
  redfish_fingerprint=$(sed -n 's/.*certificate SHA-256 \([0-9A-F:]*\).*/\1/p' "$work/redfish.log")
}

# bmc_password: the simulated BMCs' password in the exported FENCE4J_BMC_PASSWORD, unless it is set
# already: a fresh random one of 16 characters (IPMI allows 20 bytes), never on a command line.
bmc_password() {
  if [ -z "${FENCE4J_BMC_PASSWORD:-}" ]; then
    FENCE4J_BMC_PASSWORD=$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')
    export FENCE4J_BMC_PASSWORD
  fi
}

# start_simulator COMMAND PORT LOG [ARGS...]: a simulator in the background (its id added to $sim),
# waiting at most 15 s until it listens; returns 1 when it does not start.
start_simulator() {
  command=$1 port=$2 log=$3
  shift 3
  "$command" --port "$port" --user admin --password-env FENCE4J_BMC_PASSWORD "$@" >"$log" 2>&1 &
  started=$!
  sim="${sim:-} $started"
  tries=0
  until grep -q listening "$log" 2>/dev/null; do
    tries=$((tries + 1))
    if [ $tries -gt 150 ] || ! kill -0 "$started" 2>/dev/null; then
      return 1
    fi
    sleep 0.1
  done
}

# stops the simulated BMC processes whose ids $sim lists (one, or several separated by spaces)
stop_simulated_bmc() {
  for pid in ${sim:-}; do
    kill "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null || true   # its exit status is the signal's; no reason to stop a clean-up under set -e
  done
  sim=
}
