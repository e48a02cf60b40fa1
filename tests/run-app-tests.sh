#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Runs the GTK application's tests (tests/run-under-display.sh PROGRAM), then, under
# build-aux/dev's sanitizer run, reads LeakSanitizer's report itself: a leak fails the
# run when its stack has a frame in Candour's own code (src/, tests/, which are built
# with frame pointers, so their frames are always there). A report with no such frame
# is allocated inside GLib or GTK and is printed but not failed on: in a minimal
# Debian 12, GLib and GTK leave 192 bytes at exit with no stack past g_malloc, which
# no run on a full desktop has shown.
#
# usage: run-app-tests.sh PROGRAM [ARGUMENT…]

here=$(dirname "$0")
report=$(mktemp) || exit 1
trap 'rm -f "$report"' EXIT

LSAN_OPTIONS="${LSAN_OPTIONS:+$LSAN_OPTIONS:}exitcode=0" "$here/run-under-display.sh" "$@" 2>"$report"
status=$?
cat "$report" >&2
[ "$status" -eq 0 ] || exit "$status"

if grep -q 'ERROR: LeakSanitizer' "$report"; then
  if sed -n '/ERROR: LeakSanitizer/,/^SUMMARY: /p' "$report" |
     grep -E '^ +#[0-9]+ 0x[0-9a-f]+ in [^ ]+ \.\./(src|tests)/' >/dev/null; then
    echo "LeakSanitizer: a leak in Candour's own code (above)" >&2
    exit 1
  fi
  echo "LeakSanitizer: only leaks inside the system libraries, with no frame of Candour's (above)" >&2
fi
exit 0
