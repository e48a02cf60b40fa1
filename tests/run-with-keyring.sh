#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Runs a GUI test program (through run-under-display.sh) on a private session bus with
# a throwaway GNOME Keyring: its own home and runtime folders, a login keyring made
# and unlocked with a password of its own, gone when the run ends. The developer's own
# keyring is never reached. Sets CANDOUR_TEST_KEYRING for the program.
# Exits 77 (meson's "skipped") when dbus-run-session or gnome-keyring-daemon is missing.
#
# usage: run-with-keyring.sh RUN_UNDER_DISPLAY PROGRAM [ARGUMENT…]

if ! command -v dbus-run-session >/dev/null 2>&1 || ! command -v gnome-keyring-daemon >/dev/null 2>&1; then
  echo "No dbus-run-session or gnome-keyring-daemon (Debian: dbus-daemon, gnome-keyring): skipped"
  exit 77
fi

scratch=$(mktemp -d "${TMPDIR:-/tmp}/candour-keyring.XXXXXX") || exit 1
trap 'rm -rf "$scratch"' EXIT
mkdir -m 700 "$scratch/home" "$scratch/data" "$scratch/runtime"

# The keyring's daemon is started before any display exists, so the bus starts its
# prompter (if anything ever asks) where it fails at once instead of waiting for a
# click under Xvfb.
HOME=$scratch/home XDG_DATA_HOME=$scratch/data XDG_RUNTIME_DIR=$scratch/runtime \
XDG_CONFIG_HOME=$scratch/home/.config XDG_CACHE_HOME=$scratch/home/.cache \
CANDOUR_TEST_KEYRING=1 \
  dbus-run-session -- sh -c '
    unset DISPLAY WAYLAND_DISPLAY
    # No accessibility bus to start on it: nothing here reads one.
    export GTK_A11Y=none
    printf "candour-test" | gnome-keyring-daemon --unlock --components=secrets >/dev/null || exit 1
    exec "$@"' sh "$@"
