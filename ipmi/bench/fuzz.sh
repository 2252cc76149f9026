#!/bin/sh
# fuzz.sh [COUNT] [SEED]
# Every decoder of what a BMC sends (RMCP/RMCP+, session crypto, Open Session, RAKP 2/4, IPMI messages, the
# command answers) takes COUNT (default 1000000) seeded random and mutated datagrams from the real captures;
# fails on any exception other than the decoder's own decode error, or on a hang. `mvn verify` runs 20 000.
# Runs from the repository root or anywhere inside it; needs no BMC and no network.
set -eu
count=${1:-1000000}; seed=${2:-14}
cd "$(dirname "$0")/../.."
exec mvn -B -q -o test -pl ipmi -am -Dtest=DecoderFuzzTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dfence4j.fuzz.count="$count" -Dfence4j.fuzz.seed="$seed"
