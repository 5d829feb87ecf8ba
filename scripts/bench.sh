#!/usr/bin/env bash
# Runs the benchmarks (bench/index.ts) and prints one markdown table; arguments go to it
# (`--only transfer,cold-start`). `npm run bench` builds first, then runs this.
#
# The server suites need an S3 server. Unless AWS_ENDPOINT_URL names one, this starts the
# project's Ceph RGW in a state dir and on ports of its own (so a test server can run beside it)
# and on bluestore, since the transfer suite writes GiBs (memstore would hold them in RAM); it is
# stopped afterwards. The CEPH_RGW_* settings of scripts/ceph-rgw.sh override these defaults.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

export CEPH_RGW_DIR=${CEPH_RGW_DIR:-/tmp/objectscale-resources-bench-rgw}
export CEPH_RGW_PORT=${CEPH_RGW_PORT:-7580}
export CEPH_RGW_MON_PORT=${CEPH_RGW_MON_PORT:-13380}
export CEPH_RGW_MS_PORTS=${CEPH_RGW_MS_PORTS:-16500-16599}
export CEPH_RGW_STORE=${CEPH_RGW_STORE:-bluestore}
export CEPH_RGW_SIZE_GB=${CEPH_RGW_SIZE_GB:-48}

exec bash scripts/with-s3-server.sh node --expose-gc build/bench/index.js "$@"
