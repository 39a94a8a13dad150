#!/usr/bin/env bash
# Starts a single-node Slurm on this machine for the cluster tests (test/cluster/): installs Debian's slurm-wlm and
# munge when missing, writes a slurm.conf for this host under $MIMO_SLURM_DIR (default /tmp/mimo-slurm), starts
# munged, slurmctld and slurmd as root with their own socket, key, spool, state, logs and pid files there, and waits
# until sinfo shows the node idle. Records the daemons' pids in $MIMO_SLURM_DIR/pids (slurm-down.sh stops those,
# and nothing else) and writes $MIMO_SLURM_DIR/env (`export SLURM_CONF=…`) for shells that run sbatch and sinfo.
set -euo pipefail

DIR="${MIMO_SLURM_DIR:-/tmp/mimo-slurm}"
CTLD_PORT="${MIMO_SLURM_CTLD_PORT:-6817}"
SLURMD_PORT="${MIMO_SLURM_SLURMD_PORT:-6818}"

if [ "$(id -u)" -ne 0 ]; then
  echo "slurm-up: run as root (the daemons run as root here)" >&2
  exit 2
fi
if [ -s "$DIR/pids" ]; then
  echo "slurm-up: $DIR/pids exists: a Slurm started by this script may still run (run slurm-down.sh first)" >&2
  exit 2
fi

if ! command -v slurmctld >/dev/null 2>&1 || ! command -v munged >/dev/null 2>&1; then
  echo "slurm-up: installing slurm-wlm and munge"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq slurm-wlm munge >/dev/null
fi

host="$(hostname -s)"
cpus="$(nproc)"
memory_mb="$(awk '/^MemTotal:/ { print int($2 / 1024) }' /proc/meminfo)"
mkdir -p "$DIR"
chmod 700 "$DIR"
rm -rf "$DIR/spool" "$DIR/state" "$DIR/run" # a fresh cluster each time: no jobs of an earlier one
mkdir -p "$DIR"/{spool,state,log,run}
# If anything below fails, stop what was started.
started=no
trap '[ "$started" = yes ] || { echo "slurm-up: failed; stopping what it started" >&2; "$(dirname "$0")/slurm-down.sh"; }' EXIT

# Our own munge key and socket: nothing of a system munge is used or changed.
if [ ! -s "$DIR/munge.key" ]; then
  head -c 1024 /dev/urandom >"$DIR/munge.key"
fi
chmod 400 "$DIR/munge.key"

cat >"$DIR/slurm.conf" <<CONF
# Written by test/cluster/slurm-up.sh: a single-node Slurm for the MIMO Lab cluster tests.
ClusterName=mimo-test
SlurmctldHost=$host(127.0.0.1)
SlurmctldPort=$CTLD_PORT
SlurmdPort=$SLURMD_PORT
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$DIR/run/munge.socket
StateSaveLocation=$DIR/state
SlurmdSpoolDir=$DIR/spool/slurmd-%n
SlurmctldPidFile=$DIR/run/slurmctld.pid
SlurmdPidFile=$DIR/run/slurmd.pid
SlurmctldLogFile=$DIR/log/slurmctld.log
SlurmdLogFile=$DIR/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
MpiDefault=none
SwitchType=switch/none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
ReturnToService=2
MinJobAge=600
SlurmctldTimeout=30
SlurmdTimeout=30
NodeName=$host NodeAddr=127.0.0.1 CPUs=$cpus RealMemory=$memory_mb State=UNKNOWN
PartitionName=debug Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF="$DIR/slurm.conf"
echo "export SLURM_CONF=$SLURM_CONF" >"$DIR/env"

# Starts a daemon (it forks into the background), waits for its pid file and records its pid.
start() {
  local name="$1" pidfile="$2"
  shift 2
  "$@"
  for _ in $(seq 1 100); do
    if [ -s "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
      echo "$name $(cat "$pidfile")" >>"$DIR/pids"
      return 0
    fi
    sleep 0.1
  done
  echo "slurm-up: $name did not start; see $DIR/log/$name.log (another Slurm on ports $CTLD_PORT/$SLURMD_PORT? set MIMO_SLURM_CTLD_PORT and MIMO_SLURM_SLURMD_PORT)" >&2
  return 1
}

start munged "$DIR/run/munged.pid" munged --socket="$DIR/run/munge.socket" --key-file="$DIR/munge.key" \
  --pid-file="$DIR/run/munged.pid" --log-file="$DIR/log/munged.log" --seed-file="$DIR/run/munged.seed" --force
start slurmctld "$DIR/run/slurmctld.pid" slurmctld -f "$SLURM_CONF"
start slurmd "$DIR/run/slurmd.pid" slurmd -f "$SLURM_CONF"

for _ in $(seq 1 120); do
  state="$(sinfo -h -N -n "$host" -o '%T' 2>/dev/null || true)"
  if [ "$state" = idle ]; then
    echo "slurm-up: node $host idle ($cpus CPUs); SLURM_CONF=$SLURM_CONF (source $DIR/env)"
    started=yes
    exit 0
  fi
  sleep 0.5
done
echo "slurm-up: the node did not become idle (state: ${state:-none}); see $DIR/log/" >&2
exit 1
