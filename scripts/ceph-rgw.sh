#!/usr/bin/env bash
# The real S3 server of objectscale-resources' integration tests: a one-node
# Ceph cluster (1 monitor, 1 OSD, 1 RADOS Gateway or several, no manager) that
# serves the S3 API on 127.0.0.1 and is thrown away after use. Debian 12
# packages, no systemd needed: this script runs the daemons itself.
#
# Usage: bash scripts/ceph-rgw.sh <command>
#
#   install   apt-get the Ceph packages (as root, or through sudo); does nothing
#             when they are already there
#   start     create a fresh cluster with CEPH_RGW_GATEWAYS gateways and its S3
#             user, and return once every gateway answers a signed S3 request;
#             does nothing when this state dir already runs a healthy server of
#             that shape
#   stop      stop this state dir's daemons by PID (SIGTERM, SIGKILL after
#             2 s: the data is throw-away); the logs stay in the dir
#   wipe      stop, then delete the state dir
#   status    daemons, memory, sockets and a signed S3 request to each gateway;
#             exit 0 = all up
#   env       print `export` lines for the AWS SDKs, for `eval "$(... env)"`;
#             AWS_ENDPOINT_URL is the first gateway, CEPH_RGW_ENDPOINTS lists
#             them all, comma-separated
#   stop-gateway N    stop gateway N only (1-based index, or its letter: 2 = b
#             = client.rgw.b); the cluster and the other gateways keep running
#   start-gateway N   start gateway N again on its old port, and return once
#             it answers a signed S3 request (the cluster must be running)
#
# Typical use (this is what .ci/run does; `npm test` alone starts and stops a
# server through test/support/s3Server.ts when AWS_ENDPOINT_URL is unset):
#
#   bash scripts/ceph-rgw.sh install && bash scripts/ceph-rgw.sh start
#   eval "$(bash scripts/ceph-rgw.sh env)"
#   npm test
#   bash scripts/ceph-rgw.sh wipe
#
# Three gateways over one cluster (test/support/s3Gateways.ts does the same in
# its own state dir):
#
#   CEPH_RGW_GATEWAYS=3 bash scripts/ceph-rgw.sh start   # :7480 :7481 :7482
#   bash scripts/ceph-rgw.sh stop-gateway 2              # :7481 goes away
#   bash scripts/ceph-rgw.sh start-gateway b             # and comes back
#
# Settings (environment variables; defaults in brackets):
#   CEPH_RGW_DIR             state dir: config, pid files, logs, data
#                            [/tmp/objectscale-resources-rgw]
#   CEPH_RGW_PORT            S3 port of the first gateway on 127.0.0.1; the
#                            next gateways take the next ports     [7480]
#   CEPH_RGW_GATEWAYS        radosgw daemons (client.rgw.a, .b, ...), 1-26,
#                            sharing the cluster, the user and its keys [1]
#   CEPH_RGW_MON_PORT        monitor port on 127.0.0.1             [13300]
#   CEPH_RGW_MS_PORTS        port range of the OSD's sockets       [16800-16899]
#   CEPH_RGW_STORE           memstore: objects in RAM, fastest start;
#                            bluestore: sparse file in the state dir,
#                            bounded RAM, for suites writing GBs   [memstore]
#   CEPH_RGW_SIZE_GB         store capacity in GiB                 [8]
#   CEPH_RGW_ACCESS_KEY      S3 access key                         [RGWTESTACCESSKEY0001]
#   CEPH_RGW_SECRET_KEY      S3 secret key   [rgwtestsecretkey000000000000000000000001]
#   CEPH_RGW_REGION          region printed by `env`               [us-east-1]
#   CEPH_RGW_TIMEOUT         seconds allowed for each start step   [90]
#   CEPH_RGW_EXTRA_PACKAGES  more packages for `install`; the tests compare
#                            against boto3; set to "" to skip      [python3-boto3]
#
# `start` builds what the settings ask for. `status`, `env`, `stop-gateway`
# and `start-gateway` describe the cluster the state dir holds (the gateways
# and ports in its ceph.conf), whatever CEPH_RGW_GATEWAYS and CEPH_RGW_PORT
# say at the time; without a ceph.conf they fall back to the settings.
#
# Guarantees:
#   - State is ephemeral. `start` on a stopped, broken or differently shaped
#     state dir deletes it and bootstraps a new cluster (about 2 s with
#     memstore and one gateway). A stopped gateway counts as broken for
#     `start` (and `status`): bring it back with `start-gateway`.
#   - Only processes whose PID is in this dir's pid files AND whose command
#     line names this dir's ceph.conf are ever signalled.
#   - A non-empty dir without the .objectscale-rgw-state marker is never
#     deleted, so a mistyped CEPH_RGW_DIR cannot remove your files.
#   - A failed `start` or `start-gateway` says which log to read and stops
#     what it started.
#   - Every socket is bound to 127.0.0.1; only `install` needs root.
#   - Concurrent `start`/`stop`/`wipe`/`stop-gateway`/`start-gateway` calls on
#     one state dir are serialised with flock on "$CEPH_RGW_DIR.lock" (an
#     empty file that stays behind).
set -euo pipefail

STATE_DIR=${CEPH_RGW_DIR:-/tmp/objectscale-resources-rgw}
S3_PORT=${CEPH_RGW_PORT:-7480}
GATEWAYS=${CEPH_RGW_GATEWAYS:-1}
MON_PORT=${CEPH_RGW_MON_PORT:-13300}
MSGR_PORTS=${CEPH_RGW_MS_PORTS:-16800-16899}
STORE=${CEPH_RGW_STORE:-memstore}
SIZE_GB=${CEPH_RGW_SIZE_GB:-8}
ACCESS_KEY=${CEPH_RGW_ACCESS_KEY:-RGWTESTACCESSKEY0001}
SECRET_KEY=${CEPH_RGW_SECRET_KEY:-rgwtestsecretkey000000000000000000000001}
REGION=${CEPH_RGW_REGION:-us-east-1}
STEP_TIMEOUT=${CEPH_RGW_TIMEOUT:-90}
# no colon: an empty value means "no extras", an unset one means the default
read -r -a EXTRA_PACKAGES <<<"${CEPH_RGW_EXTRA_PACKAGES-python3-boto3}"

CEPH_PACKAGES=(ceph-mon ceph-osd radosgw curl uuid-runtime)
REQUIRED_BINS=(ceph ceph-mon ceph-osd radosgw radosgw-admin monmaptool ceph-authtool uuidgen curl timeout flock)
GATEWAY_LETTERS=(a b c d e f g h i j k l m n o p q r s t u v w x y z)
MARKER=.objectscale-rgw-state
SHA256_OF_NOTHING=e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855

CONF=$STATE_DIR/ceph.conf
LOG_DIR=$STATE_DIR/log
SETUP_LOG=$LOG_DIR/setup.log

# The cluster's shape, set by use_settings_shape or use_recorded_shape:
# daemons in start order, and each gateway's name and S3 endpoint.
DAEMONS=()
GATEWAY_NAMES=()
GATEWAY_ENDPOINTS=()
ENDPOINT= # the first gateway's

say() { printf '[ceph-rgw] %s\n' "$*" >&2; }
fail() {
  printf '[ceph-rgw] ERROR: %s\n' "$*" >&2
  exit 1
}
seconds() { date +%s; }
usage() {
  sed -n '2,/^set -euo pipefail$/p' "${BASH_SOURCE[0]}" | sed '$d' | sed 's/^# \{0,1\}//' >&2
  exit 2
}

case $STORE in
  memstore | bluestore) ;;
  *) fail "CEPH_RGW_STORE is '$STORE': use memstore or bluestore" ;;
esac
for setting in "CEPH_RGW_PORT=$S3_PORT" "CEPH_RGW_MON_PORT=$MON_PORT" "CEPH_RGW_SIZE_GB=$SIZE_GB" \
  "CEPH_RGW_TIMEOUT=$STEP_TIMEOUT" "CEPH_RGW_GATEWAYS=$GATEWAYS"; do
  [[ ${setting#*=} =~ ^[0-9]+$ ]] || fail "$setting is not a whole number"
done
if [ "$GATEWAYS" -lt 1 ] || [ "$GATEWAYS" -gt ${#GATEWAY_LETTERS[@]} ]; then
  fail "CEPH_RGW_GATEWAYS=$GATEWAYS: use 1 to ${#GATEWAY_LETTERS[@]}"
fi
[ $((S3_PORT + GATEWAYS - 1)) -le 65535 ] || fail "CEPH_RGW_PORT=$S3_PORT leaves no room for $GATEWAYS gateways"
[[ $MSGR_PORTS =~ ^[0-9]+-[0-9]+$ ]] || fail "CEPH_RGW_MS_PORTS=$MSGR_PORTS is not a range like 16800-16899"

as_root() {
  if [ "$(id -u)" = 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    fail "'$*' needs root: run as root or install sudo"
  fi
}

# The whole state dir is guarded by one lock, taken once per invocation, so
# that two test runs starting at the same moment do not wipe each other.
take_lock() {
  mkdir -p "$(dirname "$STATE_DIR")"
  exec 9>>"$STATE_DIR.lock" || fail "cannot open the lock file $STATE_DIR.lock"
  flock -w $((STEP_TIMEOUT * 4)) 9 || fail "another ceph-rgw.sh holds $STATE_DIR.lock"
}

check_bins() {
  local bin missing=()
  for bin in "${REQUIRED_BINS[@]}"; do
    command -v "$bin" >/dev/null 2>&1 || missing+=("$bin")
  done
  [ ${#missing[@]} -eq 0 ] || fail "missing ${missing[*]}; run: bash ${BASH_SOURCE[0]} install"
}

# the ceph CLI, bounded: right after start the monitor may not answer yet
ceph_cmd() { timeout 15 ceph -c "$CONF" --connect-timeout 10 "$@"; }

running() { # running <pid>: alive and not a zombie waiting for its parent
  [ -d "/proc/$1" ] && [ "$(awk '/^State:/ { print $2 }' "/proc/$1/status" 2>/dev/null)" != Z ]
}

# Prints the PID of one of this state dir's daemons, or nothing. A recycled PID
# that now belongs to another program fails the command-line check.
pid_of() {
  local file=$STATE_DIR/run/$1.pid pid
  [ -s "$file" ] || return 0
  pid=$(cat "$file" 2>/dev/null) || return 0
  [[ $pid =~ ^[0-9]+$ ]] && running "$pid" || return 0
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$CONF" || return 0
  echo "$pid"
}

set_shape() { # set_shape <port>...: gateways a, b, ... on these S3 ports
  local port
  GATEWAY_NAMES=()
  GATEWAY_ENDPOINTS=()
  for port in "$@"; do
    GATEWAY_NAMES+=("client.rgw.${GATEWAY_LETTERS[${#GATEWAY_NAMES[@]}]}")
    GATEWAY_ENDPOINTS+=("http://127.0.0.1:$port")
  done
  DAEMONS=(mon.a osd.0 "${GATEWAY_NAMES[@]}")
  ENDPOINT=${GATEWAY_ENDPOINTS[0]}
}
use_settings_shape() {
  local i ports=()
  for ((i = 0; i < GATEWAYS; i++)); do ports+=($((S3_PORT + i))); done
  set_shape "${ports[@]}"
}
# The S3 ports of the gateways in this state dir's ceph.conf, in order (a, b, ...).
recorded_ports() {
  [ -f "$CONF" ] || return 0
  awk '/^\[client\.rgw\.[a-z]\]$/ { gateway = 1; next }
    /^\[/ { gateway = 0 }
    gateway && /^rgw frontends = / { sub(/.*:/, ""); print }' "$CONF"
}
use_recorded_shape() {
  local ports=()
  mapfile -t ports < <(recorded_ports)
  if [ ${#ports[@]} -gt 0 ]; then set_shape "${ports[@]}"; else use_settings_shape; fi
}
# gateway_index <1-based index, letter or name>: prints its 0-based index in the shape
gateway_index() {
  local i last=$((${#GATEWAY_NAMES[@]} - 1))
  for ((i = 0; i <= last; i++)); do
    case $1 in
      "$((i + 1))" | "${GATEWAY_LETTERS[$i]}" | "${GATEWAY_NAMES[$i]}")
        echo "$i"
        return 0
        ;;
    esac
  done
  fail "no gateway '$1' in $STATE_DIR: use 1-$((last + 1)) or a-${GATEWAY_LETTERS[$last]}"
}
port_of() { echo "${1##*:}"; } # port_of <endpoint>

http_status() { curl -s -o /dev/null -w '%{http_code}' --noproxy '*' --max-time 5 "$@" 2>/dev/null || true; }
s3_up() { [ "$(http_status "$1/")" = 200 ]; } # s3_up <endpoint>: anonymous ListBuckets
s3_signed_ok() {                              # s3_signed_ok <endpoint>: ListBuckets signed with the test key
  [ "$(http_status --aws-sigv4 "aws:amz:$REGION:s3" --user "$ACCESS_KEY:$SECRET_KEY" \
    -H "x-amz-content-sha256: $SHA256_OF_NOTHING" "$1/")" = 200 ]
}
all_gateways_signed_ok() {
  local endpoint
  for endpoint in "${GATEWAY_ENDPOINTS[@]}"; do
    s3_signed_ok "$endpoint" || return 1
  done
}
mon_answers() { ceph_cmd mon stat >/dev/null 2>&1; }
osd_is_up() { ceph_cmd osd dump 2>/dev/null | grep -q '^osd\.0 up'; }

all_daemons_running() {
  local daemon
  for daemon in "${DAEMONS[@]}"; do
    [ -n "$(pid_of "$daemon")" ] || return 1
  done
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

wait_until() { # wait_until <seconds> <command...>
  local limit=$1 since
  shift
  since=$(seconds)
  until "$@"; do
    [ $(($(seconds) - since)) -lt "$limit" ] || return 1
    sleep 0.2
  done
}

write_ceph_conf() {
  local fsid=$1 store_settings gateway_settings="" bytes=$((SIZE_GB * 1024 * 1024 * 1024)) i
  if [ "$STORE" = memstore ]; then
    store_settings="osd objectstore = memstore
memstore device bytes = $bytes"
  else
    store_settings="osd objectstore = bluestore
bluestore block create = true
bluestore block size = $bytes
bluestore fsck on mount = false
bluestore cache autotune = false
bluestore cache size = 268435456
osd memory target = 1073741824"
  fi
  if [ ${#GATEWAY_NAMES[@]} -gt 1 ]; then
    # Each gateway watches the control pool's objects, and a metadata change
    # (a bucket created or deleted, a user updated) waits until every watcher
    # has acknowledged it. A gateway killed without unwatching stalls those
    # changes on the others until its watch expires: 30 s by default, 5 s
    # here, with a ping every second to keep the live watches alive.
    # 64 threads instead of 512 per gateway: as fast for the tests on 2 cores,
    # 150 threads and about 50 MiB each after 3,000 requests instead of 600
    # threads and 70 MiB.
    store_settings+="
osd client watch timeout = 5"
    gateway_settings="
objecter tick interval = 1
rgw thread pool size = 64"
  fi
  cat >"$CONF" <<EOF
# written by objectscale-resources scripts/ceph-rgw.sh: one node, loopback, tests only
[global]
fsid = $fsid
mon host = v2:127.0.0.1:$MON_PORT
mon initial members = a
public addr = 127.0.0.1
cluster addr = 127.0.0.1
ms bind msgr1 = false
ms bind ipv6 = false
ms bind port min = ${MSGR_PORTS%-*}
ms bind port max = ${MSGR_PORTS#*-}
# Daemons talk without cephx (nothing but this host can reach them). radosgw
# still checks every S3 request's SigV4/SigV2 signature against the user keys.
# With auth none, every messenger mode must be crc: radosgw's default "secure"
# mode towards the monitor ends in EACCES and a 300 s hang.
auth cluster required = none
auth service required = none
auth client required = none
ms cluster mode = crc
ms service mode = crc
ms client mode = crc
ms mon cluster mode = crc
ms mon service mode = crc
ms mon client mode = crc
run dir = $STATE_DIR/run
admin socket = $STATE_DIR/run/\$name.asok
pid file = $STATE_DIR/run/\$name.pid
log file = $LOG_DIR/\$name.log
crash dir = $STATE_DIR/crash
keyring = $STATE_DIR/keyring
# one OSD: single-copy pools, few PGs, and a PG limit radosgw's pools fit in
osd pool default size = 1
osd pool default min size = 1
osd pool default pg num = 8
osd pool default pgp num = 8
osd pool default pg autoscale mode = off
osd crush chooseleaf type = 0
mon allow pool size one = true
mon allow pool delete = true
mon warn on pool no redundancy = false
mon warn on insecure global id reclaim allowed = false
mon max pg per osd = 1000
# the monitor refuses to run below 5 % free disk by default
mon data avail warn = 1
mon data avail crit = 0
# radosgw creates six pools one after another at first start; committing
# monitor updates every 50 ms instead of every second makes that 10x faster
paxos propose interval = 0.05
[mon]
mon data = $STATE_DIR/mon/\$cluster-\$id
[osd]
osd data = $STATE_DIR/osd/\$cluster-\$id
$store_settings
EOF
  for ((i = 0; i < ${#GATEWAY_NAMES[@]}; i++)); do
    # every gateway has the same settings but its own port, log, pid file and admin socket
    cat >>"$CONF" <<EOF
[${GATEWAY_NAMES[$i]}]
rgw frontends = beast endpoint=127.0.0.1:$(port_of "${GATEWAY_ENDPOINTS[$i]}")
rgw data = $STATE_DIR/rgw
rgw init timeout = $STEP_TIMEOUT
# give deleted data back after about a minute instead of two hours
rgw gc obj min wait = 60
rgw gc processor period = 60
# a lifecycle "day" lasts 10 s, so tests can watch expiration rules act
rgw lc debug interval = 10
# the website API (Put/GetBucketWebsite) and SSE-C over plain http
rgw enable static website = true
rgw crypt require ssl = false$gateway_settings
EOF
  done
}

packages_missing() {
  local bin pkg
  for bin in ceph-mon ceph-osd radosgw curl uuidgen; do
    command -v "$bin" >/dev/null 2>&1 || return 0
  done
  for pkg in "${EXTRA_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || return 0
  done
  return 1
}

cmd_install() {
  if ! packages_missing; then
    say "already installed: ceph $(ceph-mon --version | awk '{ print $3 }')${EXTRA_PACKAGES[*]:+, ${EXTRA_PACKAGES[*]}}"
    return 0
  fi
  local apt_log since
  apt_log=$(mktemp -t objectscale-rgw-apt.XXXXXX)
  since=$(seconds)
  say "apt-get install --no-install-recommends ${CEPH_PACKAGES[*]} ${EXTRA_PACKAGES[*]} (log: $apt_log)"
  if ! {
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q &&
      as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
        "${CEPH_PACKAGES[@]}" "${EXTRA_PACKAGES[@]}"
  } >"$apt_log" 2>&1; then
    tail -n 20 "$apt_log" >&2
    fail "apt-get failed; the full output is in $apt_log"
  fi
  rm -f "$apt_log"
  say "installed ceph $(ceph-mon --version | awk '{ print $3 }') in $(($(seconds) - since)) s"
}

# One daemon after the other, radosgw first: an OSD whose monitor is going away
# at the same time takes seconds instead of 60 ms to stop. SIGKILL follows
# after STOP_GRACE_TICKS tenths of a second, because a graceful radosgw
# shutdown waits for its lifecycle threads, which sleep 5 s between rounds
# (15 s was seen). The data is throw-away and the next `start` begins from
# scratch, so waiting would save nothing.
STOP_GRACE_TICKS=20
STOPPED=0 # daemons stop_group stopped, and those it had to SIGKILL
KILLED=()
stop_group() { # stop_group <daemon>...: SIGTERM to all at once, then wait for each
  local daemon pid pids=() names=() i ticks=0 waiting
  for daemon in "$@"; do
    pid=$(pid_of "$daemon")
    [ -n "$pid" ] || continue
    kill -TERM "$pid" 2>/dev/null || true
    pids+=("$pid")
    names+=("$daemon")
  done
  while :; do
    waiting=0
    for i in "${!pids[@]}"; do
      running "${pids[$i]}" || continue
      waiting=1
      if [ "$ticks" -eq "$STOP_GRACE_TICKS" ]; then
        # still running means not yet reaped, so the PID cannot have been reused
        kill -KILL "${pids[$i]}" 2>/dev/null || true
        KILLED+=("${names[$i]}")
      fi
      [ "$ticks" -lt $((STOP_GRACE_TICKS + 50)) ] || fail "${names[$i]} (pid ${pids[$i]}) survived SIGKILL for 5 s"
    done
    [ "$waiting" = 1 ] || break
    sleep 0.1
    ticks=$((ticks + 1))
  done
  STOPPED=$((STOPPED + ${#pids[@]}))
}

stop_daemons() { # stop_daemons [quiet]
  local since file gateways=()
  since=$(date +%s%N)
  STOPPED=0
  KILLED=()
  # every gateway that left a pid file, whatever CEPH_RGW_GATEWAYS says now;
  # they stop together, so that three gateways do not take three times as long
  for file in "$STATE_DIR"/run/client.rgw.*.pid; do
    [ -e "$file" ] && gateways+=("$(basename "$file" .pid)")
  done
  stop_group "${gateways[@]}"
  stop_group osd.0
  stop_group mon.a
  rm -f "$STATE_DIR"/run/*.pid 2>/dev/null || true
  if [ "$STOPPED" -eq 0 ]; then
    [ -n "${1:-}" ] || say "not running ($STATE_DIR)"
  else
    say "stopped $STOPPED daemon(s) in $((($(date +%s%N) - since) / 1000000)) ms${KILLED[*]:+ (SIGKILL: ${KILLED[*]})} ($STATE_DIR)"
  fi
}

remove_state_dir() {
  [ -d "$STATE_DIR" ] || return 0
  if [ -e "$STATE_DIR/$MARKER" ]; then
    rm -rf "$STATE_DIR"
    say "deleted $STATE_DIR"
  elif [ -z "$(ls -A "$STATE_DIR")" ]; then
    rmdir "$STATE_DIR"
  else
    fail "$STATE_DIR is not empty and has no $MARKER file, so it is not ours; refusing to delete it (set CEPH_RGW_DIR to another dir)"
  fi
}

on_start_failure() {
  say "start failed; stopping what was started (logs kept in $LOG_DIR)"
  stop_daemons quiet || true
}

# launch_gateways <index>...: starts these gateways side by side and returns
# once each answers an anonymous request. radosgw goes to the background only
# after it has created its pools (or found them). The daemons must not inherit
# the lock (fd 9), or they would hold it forever.
launch_gateways() {
  local i k pids=()
  for i in "$@"; do
    timeout $((STEP_TIMEOUT + 10)) radosgw -c "$CONF" -n "${GATEWAY_NAMES[$i]}" >>"$SETUP_LOG" 2>&1 9>&- &
    pids+=($!)
  done
  for k in "${!pids[@]}"; do
    i=${*:$((k + 1)):1}
    wait "${pids[$k]}" ||
      fail "radosgw did not start, see $SETUP_LOG and $LOG_DIR/${GATEWAY_NAMES[$i]}.log"
  done
  for i in "$@"; do
    wait_until "$STEP_TIMEOUT" s3_up "${GATEWAY_ENDPOINTS[$i]}" ||
      fail "no S3 answer from ${GATEWAY_ENDPOINTS[$i]} within ${STEP_TIMEOUT} s, see $LOG_DIR/${GATEWAY_NAMES[$i]}.log"
  done
}

wait_for_signed_ok() { # wait_for_signed_ok <seconds> <index>
  wait_until "$1" s3_signed_ok "${GATEWAY_ENDPOINTS[$2]}" ||
    fail "${GATEWAY_ENDPOINTS[$2]} refuses requests signed with $ACCESS_KEY, see $LOG_DIR/${GATEWAY_NAMES[$2]}.log"
}

cmd_start() {
  check_bins
  take_lock
  use_settings_shape
  if [ "$(recorded_ports | wc -l)" = "$GATEWAYS" ] && all_daemons_running && all_gateways_signed_ok; then
    say "already running: ${GATEWAY_ENDPOINTS[*]} ($STATE_DIR)"
    return 0
  fi
  # whatever is left is stale, half-built or of another shape, and the data was throw-away anyway
  stop_daemons quiet
  remove_state_dir
  local port i
  for port in "${GATEWAY_ENDPOINTS[@]##*:}" "$MON_PORT"; do
    if port_in_use "$port"; then
      fail "127.0.0.1:$port is already in use (another server? set CEPH_RGW_PORT / CEPH_RGW_MON_PORT)"
    fi
  done

  trap on_start_failure EXIT
  local since fsid osd_uuid osd_id
  since=$(seconds)
  mkdir -p "$STATE_DIR"/{run,log,mon,osd/ceph-0,rgw,crash} || fail "cannot create the state dir $STATE_DIR"
  : >"$STATE_DIR/$MARKER"
  fsid=$(uuidgen)
  write_ceph_conf "$fsid"

  say "monitor ..."
  ceph-authtool --create-keyring "$STATE_DIR/keyring" --gen-key -n mon. --cap mon 'allow *' >>"$SETUP_LOG" 2>&1 ||
    fail "ceph-authtool failed, see $SETUP_LOG"
  monmaptool --create --fsid "$fsid" --addv a "[v2:127.0.0.1:$MON_PORT]" "$STATE_DIR/monmap" >>"$SETUP_LOG" 2>&1 ||
    fail "monmaptool failed, see $SETUP_LOG"
  ceph-mon -c "$CONF" --mkfs -i a --monmap "$STATE_DIR/monmap" --keyring "$STATE_DIR/keyring" >>"$SETUP_LOG" 2>&1 ||
    fail "ceph-mon --mkfs failed, see $SETUP_LOG"
  timeout "$STEP_TIMEOUT" ceph-mon -c "$CONF" -i a >>"$SETUP_LOG" 2>&1 9>&- ||
    fail "ceph-mon did not start, see $LOG_DIR/mon.a.log"
  wait_until "$STEP_TIMEOUT" mon_answers || fail "the monitor did not answer within ${STEP_TIMEOUT} s, see $LOG_DIR/mon.a.log"

  say "OSD ($STORE) ..."
  osd_uuid=$(uuidgen)
  osd_id=$(ceph_cmd osd new "$osd_uuid" 2>>"$SETUP_LOG") || fail "'ceph osd new' failed, see $SETUP_LOG"
  [ "$osd_id" = 0 ] || fail "'ceph osd new' returned OSD id '$osd_id', expected 0; see $SETUP_LOG"
  timeout "$STEP_TIMEOUT" ceph-osd -c "$CONF" -i 0 --mkfs --osd-uuid "$osd_uuid" >>"$SETUP_LOG" 2>&1 ||
    fail "ceph-osd --mkfs failed, see $SETUP_LOG"
  timeout "$STEP_TIMEOUT" ceph-osd -c "$CONF" -i 0 >>"$SETUP_LOG" 2>&1 9>&- ||
    fail "ceph-osd did not start, see $LOG_DIR/osd.0.log"
  wait_until "$STEP_TIMEOUT" osd_is_up || fail "the OSD was not up within ${STEP_TIMEOUT} s, see $LOG_DIR/osd.0.log"

  if [ ${#GATEWAY_NAMES[@]} -eq 1 ]; then
    say "radosgw ..."
  else
    say "radosgw x ${#GATEWAY_NAMES[@]} ..."
  fi
  # the first gateway creates the pools alone; the others find them and start together
  launch_gateways 0
  [ ${#GATEWAY_NAMES[@]} -eq 1 ] || launch_gateways $(seq 1 $((${#GATEWAY_NAMES[@]} - 1)))

  say "S3 user ..."
  timeout "$STEP_TIMEOUT" radosgw-admin -c "$CONF" user create --uid=test --display-name="Test User" \
    --email=test@example.com --access-key="$ACCESS_KEY" --secret-key="$SECRET_KEY" >/dev/null 2>>"$SETUP_LOG" ||
    fail "radosgw-admin user create failed, see $SETUP_LOG"
  for i in "${!GATEWAY_NAMES[@]}"; do
    wait_for_signed_ok 30 "$i"
  done
  trap - EXIT
  say "ready in $(($(seconds) - since)) s: ${GATEWAY_ENDPOINTS[*]} (state: $STATE_DIR)"
}

cmd_stop() {
  take_lock
  stop_daemons
}

cmd_wipe() {
  take_lock
  stop_daemons quiet
  remove_state_dir
}

# stop-gateway and start-gateway work on the gateways this state dir's ceph.conf declares
gateway_from_argument() { # gateway_from_argument <command> <N>: sets GATEWAY
  [ -n "${2:-}" ] || fail "$1 needs a gateway: 1-based index or letter, e.g. \`$1 2\` or \`$1 b\`"
  [ -f "$CONF" ] || fail "$STATE_DIR holds no cluster (no ceph.conf): run start first"
  use_recorded_shape
  GATEWAY=$(gateway_index "$2")
}

cmd_stop_gateway() {
  local since name endpoint
  take_lock
  gateway_from_argument stop-gateway "$@"
  name=${GATEWAY_NAMES[$GATEWAY]}
  endpoint=${GATEWAY_ENDPOINTS[$GATEWAY]}
  since=$(date +%s%N)
  STOPPED=0
  KILLED=()
  stop_group "$name"
  rm -f "$STATE_DIR/run/$name.pid"
  if [ "$STOPPED" -eq 0 ]; then
    say "$name ($endpoint) was not running ($STATE_DIR)"
  else
    say "stopped $name ($endpoint) in $((($(date +%s%N) - since) / 1000000)) ms${KILLED[*]:+ (SIGKILL)} ($STATE_DIR)"
  fi
}

on_gateway_start_failure() {
  say "start-gateway failed; stopping ${GATEWAY_NAMES[$GATEWAY]} (logs kept in $LOG_DIR)"
  stop_group "${GATEWAY_NAMES[$GATEWAY]}" || true
  rm -f "$STATE_DIR/run/${GATEWAY_NAMES[$GATEWAY]}.pid"
}

cmd_start_gateway() {
  local since name endpoint port
  check_bins
  take_lock
  gateway_from_argument start-gateway "$@"
  name=${GATEWAY_NAMES[$GATEWAY]}
  endpoint=${GATEWAY_ENDPOINTS[$GATEWAY]}
  port=$(port_of "$endpoint")
  if [ -z "$(pid_of mon.a)" ] || [ -z "$(pid_of osd.0)" ]; then
    fail "the cluster in $STATE_DIR is not running (monitor or OSD missing): run start"
  fi
  if [ -n "$(pid_of "$name")" ]; then
    wait_for_signed_ok "$STEP_TIMEOUT" "$GATEWAY"
    say "already running: $name ($endpoint)"
    return 0
  fi
  port_in_use "$port" && fail "127.0.0.1:$port is already in use by a program that is not $name of $STATE_DIR"
  since=$(date +%s%N)
  trap on_gateway_start_failure EXIT
  launch_gateways "$GATEWAY"
  wait_for_signed_ok "$STEP_TIMEOUT" "$GATEWAY"
  trap - EXIT
  say "started $name ($endpoint) in $((($(date +%s%N) - since) / 1000000)) ms ($STATE_DIR)"
}

cmd_status() {
  local daemon pid healthy=1 pids=() pattern endpoint
  use_recorded_shape
  for daemon in "${DAEMONS[@]}"; do
    pid=$(pid_of "$daemon")
    if [ -n "$pid" ]; then
      printf '%-13s pid %-8s rss %5s MiB\n' "$daemon" "$pid" $(($(awk '/^VmRSS:/ { print $2 }' "/proc/$pid/status") / 1024))
      pids+=("$pid")
    else
      printf '%-13s not running\n' "$daemon"
      healthy=0
    fi
  done
  if [ ${#pids[@]} -gt 0 ] && command -v ss >/dev/null 2>&1; then
    pattern="pid=($(
      IFS='|'
      echo "${pids[*]}"
    )),"
    printf 'listening     %s\n' "$(ss -Hltnp 2>/dev/null | grep -E "$pattern" | awk '{ print $4 }' | sort -u | tr '\n' ' ')"
  fi
  for endpoint in "${GATEWAY_ENDPOINTS[@]}"; do
    if s3_signed_ok "$endpoint"; then
      echo "s3            $endpoint answers requests signed with $ACCESS_KEY"
    else
      echo "s3            $endpoint does not answer"
      healthy=0
    fi
  done
  [ "$healthy" = 1 ]
}

shell_quote() { printf "'%s'" "${1//\'/\'\\\'\'}"; }

cmd_env() {
  local name value
  use_recorded_shape
  for name in AWS_ENDPOINT_URL AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_REGION; do
    case $name in
      AWS_ENDPOINT_URL) value=$ENDPOINT ;;
      AWS_ACCESS_KEY_ID) value=$ACCESS_KEY ;;
      AWS_SECRET_ACCESS_KEY) value=$SECRET_KEY ;;
      AWS_REGION) value=$REGION ;;
    esac
    echo "export $name=$(shell_quote "$value")"
  done
  cat <<'EOF'
# Ceph 16 cannot read the aws-chunked trailing checksums that current AWS SDKs send by default
export AWS_REQUEST_CHECKSUM_CALCULATION='WHEN_REQUIRED'
export AWS_RESPONSE_CHECKSUM_VALIDATION='WHEN_REQUIRED'
# objectscale-resources' own convention (tests, examples): no wildcard DNS on loopback
export AWS_S3_FORCE_PATH_STYLE='true'
# every gateway of the cluster (the first is AWS_ENDPOINT_URL), for clients that spread requests
EOF
  echo "export CEPH_RGW_ENDPOINTS=$(
    IFS=,
    shell_quote "${GATEWAY_ENDPOINTS[*]}"
  )"
}

case ${1:-} in
  install) cmd_install ;;
  start) cmd_start ;;
  stop) cmd_stop ;;
  wipe) cmd_wipe ;;
  status) cmd_status ;;
  env) cmd_env ;;
  stop-gateway) cmd_stop_gateway "${2:-}" ;;
  start-gateway) cmd_start_gateway "${2:-}" ;;
  *) usage ;;
esac
