#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Runs a GUI test program on the display there is, or on a private Xvfb server.
# Exits 77 (meson's "skipped") when there is no display and no X server can start.
#
# usage: run-under-display.sh PROGRAM [ARGUMENT…]

if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; then
  exec "$@"
fi

if ! command -v xvfb-run >/dev/null 2>&1; then
  echo "No display and no xvfb-run: skipped"
  exit 77
fi

screen="-screen 0 1600x1200x24"
if ! xvfb-run -a -s "$screen" true >/dev/null 2>&1; then
  echo "Xvfb could not start: skipped"
  exit 77
fi

exec xvfb-run -a -s "$screen" "$@"
