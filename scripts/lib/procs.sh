# Background processes a runner starts and must stop (sourced by scripts/e2e.sh and scripts/demo.sh).
# Each child runs in a session and process group of its own (setsid), so stopping it stops everything
# under it (npm → sh → tsx → node), not just the first PID; `procs_stop_all` runs on EXIT, and INT/TERM
# are turned into an exit so the EXIT trap runs for Ctrl-C and `kill` too.
_procs_groups=()
_procs_last=()

# procs_start LOGFILE CMD...: starts CMD in a new process group, output to LOGFILE ("-" = inherit).
procs_start() {
  local log="$1"; shift
  if [ "$log" = "-" ]; then setsid "$@" & else setsid "$@" >"$log" 2>&1 & fi
  # Not a group leader (no job control in scripts), so setsid did not fork: $! leads the new group.
  _procs_groups+=("$!")
}

# procs_start_last LOGFILE CMD...: as procs_start, but stopped after all the others (a database they use).
procs_start_last() {
  local log="$1"; shift
  if [ "$log" = "-" ]; then setsid "$@" & else setsid "$@" >"$log" 2>&1 & fi
  _procs_last+=("$!")
}

# procs_stop_all: the groups of procs_start, then those of procs_start_last.
procs_stop_all() {
  _procs_stop_groups ${_procs_groups[@]+"${_procs_groups[@]}"}
  _procs_groups=()
  _procs_stop_groups ${_procs_last[@]+"${_procs_last[@]}"}
  _procs_last=()
}

# SIGTERM to every group given, up to 15 s to exit cleanly, then SIGKILL whatever is left.
_procs_stop_groups() {
  [ "$#" -gt 0 ] || return 0
  local groups=("$@")
  local g sids deadline=$((SECONDS + 15))
  sids=$(IFS=,; echo "${groups[*]}")
  for g in "${groups[@]}"; do kill -TERM -- "-$g" 2>/dev/null || true; done
  # Until no member is still running (zombies, exited but not yet reaped, do not count) or time is up.
  while [ "$SECONDS" -lt "$deadline" ] && ps -o stat= --sid "$sids" 2>/dev/null | grep -qv '^Z'; do sleep 0.2; done
  for g in "${groups[@]}"; do kill -KILL -- "-$g" 2>/dev/null || true; done
  wait "${groups[@]}" 2>/dev/null || true
}

procs_trap() {
  trap procs_stop_all EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
}
