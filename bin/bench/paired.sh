# paired.sh — sourced (.) by the bash benchmarks that set fence4j's calls beside an incumbent's
# (vs-incumbents.sh, vs-fence-redfish.sh): whole processes, interleaved round by round so that the
# load of a shared machine hits all alike, each measured the same way. Needs $tmp (the script's
# work directory) and a function `call NAME` of the script that runs one call through `measure`.

# measure NAME INPUT COMMAND...: runs COMMAND once, stdin from INPUT, its output in $tmp/out; appends
# "wall_ms user_s sys_s rss_kb" (date, /usr/bin/time) to $tmp/NAME.runs. A failed call ends the
# script; so does one that runs 120 s (killed).
measure() {
  local name=$1 in=$2 start end user sys rss
  shift 2
  start=$(date +%s%N)
  timeout -k 5 120 /usr/bin/time -f '%U %S %M' -o "$tmp/time" "$@" <"$in" >"$tmp/out" 2>&1 \
    || { echo "${0##*/}: $name failed: $(head -c 400 "$tmp/out")" >&2; exit 1; }
  end=$(date +%s%N)
  read -r user sys rss <"$tmp/time"
  echo "$(( (end - start) / 1000000 )) $user $sys $rss" >>"$tmp/$name.runs"
}

# rounds GROUP N CALL...: one round of warm-up (page cache, the peer), not kept, then N rounds of
# every CALL in turn; their runs end up in $tmp/GROUP/ for paired.py.
rounds() {
  local group=$1 n=$2 call
  shift 2
  for call in "$@"; do call "$call"; rm -f "$tmp/$call.runs"; done
  for _ in $(seq "$n"); do for call in "$@"; do call "$call"; done; done
  mkdir -p "$tmp/$group"; mv "$tmp"/*.runs "$tmp/$group/"
}

# header LOAD-BEFORE WHAT: the first line of a result: date, cores, the load average before and
# now, the JVM the launchers ran (JAVA_HOME's, else the PATH's, as libexec/fence4j-launch) and WHAT.
header() {
  local java
  java=$(command -v java)
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then java=$JAVA_HOME/bin/java; fi
  echo "$(date -u +%Y-%m-%d), $(nproc) cores, load average $1 before and $(cut -d' ' -f1-3 /proc/loadavg) after;" \
    "$("$java" -version 2>&1 | head -n 1); $2"
}
