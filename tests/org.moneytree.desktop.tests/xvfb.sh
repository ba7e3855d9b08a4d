#!/usr/bin/env bash
# Makes sure an X server answers on the display given (":77"), for the SWT tests: an existing one (a desktop,
# xvfb-run, an earlier run) is used as it is; otherwise Debian's Xvfb is started there and left running for the
# next run (several builds may share it). Exits 1 with the reason when none can be had.
set -euo pipefail
display="${1:?usage: xvfb.sh :N}"
number="${display#*:}"
number="${number%%.*}"
socket="/tmp/.X11-unix/X$number"
lock="/tmp/.X$number-lock"
# A server that died leaves its lock (with its pid) and its socket behind: both go, and a new one starts.
if [ -f "$lock" ] && ! kill -0 "$(tr -d ' ' <"$lock")" 2>/dev/null; then
  rm -f "$lock" "$socket"
fi
if [ -S "$socket" ]; then
  exit 0
fi
if ! command -v Xvfb >/dev/null 2>&1; then
  echo "xvfb.sh: no X server on $display and Xvfb is not installed (apt-get install xvfb libgtk-3-0)" >&2
  exit 1
fi
nohup Xvfb ":$number" -screen 0 1600x1000x24 -nolisten tcp >/dev/null 2>&1 &
for _ in $(seq 1 100); do
  [ -S "$socket" ] && exit 0
  sleep 0.1
done
echo "xvfb.sh: Xvfb did not come up on $display" >&2
exit 1
