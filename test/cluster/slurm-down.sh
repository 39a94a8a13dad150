#!/usr/bin/env bash
# Stops the daemons slurm-up.sh started, by the pids it recorded in $MIMO_SLURM_DIR/pids (default
# /tmp/mimo-slurm), and only those: a pid is signalled only while its process still has the recorded name.
set -euo pipefail

DIR="${MIMO_SLURM_DIR:-/tmp/mimo-slurm}"
[ -f "$DIR/pids" ] || exit 0

alive() { [ "$(cat "/proc/$2/comm" 2>/dev/null || true)" = "$1" ]; }

# slurmd first, munged last (the Slurm daemons talk through it while they stop).
for name in slurmd slurmctld munged; do
  pid="$(awk -v n="$name" '$1 == n { print $2 }' "$DIR/pids")"
  [ -n "$pid" ] && alive "$name" "$pid" || continue
  kill -TERM "$pid"
  for _ in $(seq 1 50); do
    alive "$name" "$pid" || break
    sleep 0.1
  done
  if alive "$name" "$pid"; then kill -KILL "$pid"; fi
done
rm -f "$DIR/pids"
echo "slurm-down: stopped the Slurm of $DIR"
