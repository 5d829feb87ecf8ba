#!/usr/bin/env bash
# Runs a command with an S3 server to talk to, and exits with its status.
#
# Usage: bash scripts/with-s3-server.sh <command> [args...]
#   e.g. bash scripts/with-s3-server.sh node --enable-source-maps build/examples/tour.js
#
# - AWS_ENDPOINT_URL already set: the command simply runs (exec) against that
#   endpoint; no server is started or stopped.
# - A project Ceph RGW (scripts/ceph-rgw.sh) already running: its settings are
#   exported and the command runs; the server is left running.
# - Otherwise: the Ceph packages are installed if their binaries are missing
#   (needs root or sudo), the server is started, its settings are exported
#   (AWS_ENDPOINT_URL, keys, region, WHEN_REQUIRED checksums,
#   AWS_S3_FORCE_PATH_STYLE), the command runs, and the server is stopped
#   afterwards, also when the command fails or this script gets INT/TERM/HUP
#   (the signal is passed on to the command first).
#
# The CEPH_RGW_* settings of scripts/ceph-rgw.sh (state dir, ports, keys ...)
# apply here too.
set -euo pipefail

if [ $# -eq 0 ]; then
  sed -n '2,/^set -euo pipefail$/p' "${BASH_SOURCE[0]}" | sed '$d' | sed 's/^# \{0,1\}//' >&2
  exit 2
fi
if [ -n "${AWS_ENDPOINT_URL:-}" ]; then
  exec "$@"
fi

RGW_SCRIPT=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/ceph-rgw.sh
rgw() { bash "$RGW_SCRIPT" "$@"; }

if rgw status >/dev/null 2>&1; then
  eval "$(rgw env)"
  exec "$@"
fi

for binary in ceph ceph-mon ceph-osd radosgw radosgw-admin curl uuidgen; do
  if ! command -v "$binary" >/dev/null 2>&1; then
    rgw install
    break
  fi
done

trap 'rgw stop || true' EXIT
rgw start
eval "$(rgw env)"

# In the background so that a signal sent to this script is handled at once
# (and passed on) instead of after the command ends; `<&0` keeps its stdin,
# which a background command would otherwise get from /dev/null.
"$@" <&0 &
command_pid=$!
for signal in INT TERM HUP; do
  trap 'kill -'"$signal"' "$command_pid" 2>/dev/null || true' "$signal"
done
# a trapped signal interrupts `wait` while the command may still be running
while kill -0 "$command_pid" 2>/dev/null; do
  wait "$command_pid" || true
done
command_status=0
wait "$command_pid" || command_status=$?
exit "$command_status"
