#!/usr/bin/env bash
# rgw-test-server.sh — bucketscope's test server for the live probe: a throw-away single-node
# Ceph (1 mon + 1 memstore OSD, no mgr) plus a RADOS Gateway (S3 + IAM API, enforcing per-user
# IAM policies) on 127.0.0.1, all state under one directory. Used by .ci/run; locally:
#   scripts/rgw-test-server.sh start /tmp/rgw && source /tmp/rgw/env && mvn verify
#
#   rgw-test-server.sh start DIR   # create + start; when it returns, S3 answers on $S3_ENDPOINT
#                            # and DIR/env holds CEPH_CONF, S3_ENDPOINT, admin keys
#   rgw-test-server.sh stop  DIR   # stop exactly the PIDs this script started, then rm -rf DIR
#
# Env knobs: MON_PORT (default 46789), RGW_PORT (default 47480),
#            OSD_PORT_MIN/OSD_PORT_MAX (default 46800/46899; the OSD binds 4 ports there),
#            ADMIN_ACCESS_KEY / ADMIN_SECRET_KEY (S3 "admin" user created at start,
#            with caps users,buckets,user-policy,metadata,usage = *).
# Needs Debian 12 packages: ceph-mon ceph-osd ceph-common radosgw (16.2.15), curl.
set -euo pipefail

cmd=${1:?usage: $0 start|stop DIR}
DIR=${2:?usage: $0 start|stop DIR}
MON_PORT=${MON_PORT:-46789}
RGW_PORT=${RGW_PORT:-47480}
OSD_PORT_MIN=${OSD_PORT_MIN:-46800}
OSD_PORT_MAX=${OSD_PORT_MAX:-46899}
ADMIN_ACCESS_KEY=${ADMIN_ACCESS_KEY:-ADMINACCESSKEY000001}
ADMIN_SECRET_KEY=${ADMIN_SECRET_KEY:-adminsecretkey0000000000000000000000001}
RGW_NAME=client.rgw.local

log() { printf '[rgw-test-server %(%H:%M:%S)T] %s\n' -1 "$*" >&2; }

stop_all() {
  # Stop only the daemons this script started (PIDs recorded at launch), rgw -> osd -> mon.
  # Each exits ~1.5-2s after TERM (sequential is faster overall than all at once: an OSD
  # whose mon is already gone waits for a shutdown timeout). KILL after 10s as a fallback.
  local f pid
  for f in rgw osd mon; do
    [[ -s "$DIR/pids/$f" ]] || continue
    pid=$(<"$DIR/pids/$f")
    if kill -TERM "$pid" 2>/dev/null; then
      for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      if kill -0 "$pid" 2>/dev/null; then log "$f ($pid) ignored TERM, sending KILL"; kill -KILL "$pid" 2>/dev/null || true; fi
    fi
    rm -f "$DIR/pids/$f"
  done
}

if [[ $cmd == stop ]]; then
  [[ -d $DIR ]] || exit 0
  stop_all
  rm -rf "$DIR"
  log "stopped and removed $DIR"
  exit 0
fi
[[ $cmd == start ]] || { echo "unknown command $cmd" >&2; exit 2; }

for p in "$MON_PORT" "$RGW_PORT"; do
  if ss -Hltn "sport = :$p" | grep -q .; then log "port $p is already in use"; exit 1; fi
done

t0=$(date +%s.%N)
mkdir -p "$DIR"/{mon,osd,log,run,pids,crash,rgw}
DIR=$(cd "$DIR" && pwd)
CONF=$DIR/ceph.conf
export CEPH_CONF=$CONF
FSID=$(uuidgen)

# If anything below fails, don't leave daemons behind.
trap 'rc=$?; if (( rc != 0 )); then log "start failed (rc=$rc); logs in $DIR/log"; stop_all; fi' EXIT

# auth=none: cephx between the daemons buys nothing on loopback; S3/IAM auth (SigV4
# keys, policies) is RGW's own and unaffected.
cat >"$CONF" <<CONF
[global]
fsid = $FSID
mon host = v2:127.0.0.1:$MON_PORT
public addr = 127.0.0.1
cluster addr = 127.0.0.1
ms bind msgr1 = false
ms bind port min = $OSD_PORT_MIN
ms bind port max = $OSD_PORT_MAX
auth cluster required = none
auth service required = none
auth client required = none
run dir = $DIR/run
admin socket = $DIR/run/\$name.asok
pid file = $DIR/run/\$name.pid
log file = $DIR/log/\$name.log
crash dir = $DIR/crash
keyring = $DIR/keyring
osd pool default size = 1
osd pool default min size = 1
osd pool default pg num = 8
osd pool default pgp num = 8
osd pool default pg autoscale mode = off
osd crush chooseleaf type = 0
mon allow pool delete = true
mon warn on pool no redundancy = false
mon data avail warn = 1
mon data avail crit = 0
mon warn on insecure global id reclaim allowed = false
# default 1s; each pool/PG creation waits for a paxos round, so this cuts RGW's
# first start (it creates ~5 pools) from ~13s to ~3s, and first bucket/object from ~2s to ~0.3s
paxos propose interval = 0.1

[mon]
mon data = $DIR/mon/\$cluster-\$id

[osd]
osd data = $DIR/osd/\$cluster-\$id
osd objectstore = memstore
memstore device bytes = 1073741824
osd class load list = *
osd class default list = *
osd op num shards = 1
osd op num threads per shard = 2

[$RGW_NAME]
rgw frontends = beast endpoint=127.0.0.1:$RGW_PORT
rgw thread pool size = 32
rgw enable usage log = false
rgw dynamic resharding = false
rgw data = $DIR/rgw
# radosgw defaults to "secure" mon connections, which auth=none cannot provide
ms mon client mode = crc
CONF
touch "$DIR/keyring"

log "mon: mkfs + start on 127.0.0.1:$MON_PORT"
monmaptool --create --fsid "$FSID" --addv a "[v2:127.0.0.1:$MON_PORT]" "$DIR/monmap" >/dev/null
ceph-mon --mkfs -i a --monmap "$DIR/monmap" --keyring /dev/null
ceph-mon -f -i a >"$DIR/log/mon.a.stdout" 2>&1 &
echo $! >"$DIR/pids/mon"
for i in $(seq 1 100); do
  ceph --connect-timeout 2 mon stat >/dev/null 2>&1 && break
  (( i == 100 )) && { log "mon did not come up"; exit 1; }
  sleep 0.2
done

log "osd: create + mkfs (memstore) + start"
OSD_ID=$(ceph osd create)
mkdir -p "$DIR/osd/ceph-$OSD_ID"
ceph-osd -i "$OSD_ID" --mkfs >"$DIR/log/osd.mkfs.out" 2>&1
ceph-osd -f -i "$OSD_ID" >"$DIR/log/osd.$OSD_ID.stdout" 2>&1 &
echo $! >"$DIR/pids/osd"
for i in $(seq 1 150); do
  ceph osd dump 2>/dev/null | grep -q "^osd\.$OSD_ID up" && break
  (( i == 150 )) && { log "osd did not come up"; exit 1; }
  sleep 0.2
done

log "rgw: start on 127.0.0.1:$RGW_PORT"
radosgw -f -n "$RGW_NAME" >"$DIR/log/rgw.stdout" 2>&1 &
echo $! >"$DIR/pids/rgw"
for i in $(seq 1 300); do
  code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$RGW_PORT/" || true)
  [[ $code == 200 ]] && break
  kill -0 "$(<"$DIR/pids/rgw")" 2>/dev/null || { log "radosgw exited"; tail -20 "$DIR/log/$RGW_NAME.log" >&2; exit 1; }
  (( i == 300 )) && { log "rgw did not answer in 60s"; exit 1; }
  sleep 0.2
done

log "rgw: creating S3 admin user (caps users,buckets,user-policy,metadata,usage)"
radosgw-admin user create --uid=admin --display-name="Admin" \
  --access-key="$ADMIN_ACCESS_KEY" --secret-key="$ADMIN_SECRET_KEY" \
  --caps="users=*;buckets=*;user-policy=*;metadata=*;usage=*" >/dev/null

cat >"$DIR/env" <<ENV
export CEPH_CONF=$CONF
export S3_ENDPOINT=http://127.0.0.1:$RGW_PORT
export S3_ADMIN_ACCESS_KEY=$ADMIN_ACCESS_KEY
export S3_ADMIN_SECRET_KEY=$ADMIN_SECRET_KEY
ENV
trap - EXIT
log "RGW ready at http://127.0.0.1:$RGW_PORT after $(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN{printf "%.1f", b-a}')s (state in $DIR)"
