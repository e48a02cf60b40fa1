#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# A figure, not a test: how long sqlite3's own `.import` takes to load the CSV files of a
# folder into untyped tables (sqlite3 makes each from the file's header), which is as
# fast as those files can go into SQLite at all. Candour's import checks every cell and
# ref, so the goal is a ratio to this, not an absolute time (see docs, "Candour at
# national scale": within 1.5x). Figures vary with the machine and the disk, so nothing
# here passes or fails.
#
# Every file is imported in one sqlite3 run into a new database beside the others (the
# same disk as Candour's, for a fair comparison), after one warm-up run that brings the
# CSV files into the page cache; the figure is the median wall-clock time of RUNS runs.
# Given CANDOUR_CLI, `candour-cli --db NEW import FOLDER` is timed the same way, with its
# peak resident memory (the largest of the runs), its rows per second and the ratio.
#
# usage: bench-import-baseline.sh FOLDER [CANDOUR_CLI] [RUNS]
#   e.g. candour-cli generate --scale 1 --output /tmp/s1
#        tests/bench-import-baseline.sh /tmp/s1 _build/src/cli/candour-cli

set -euo pipefail

folder=${1:?usage: bench-import-baseline.sh FOLDER [CANDOUR_CLI] [RUNS]}
cli=${2:-}
runs=${3:-5}
work=$(mktemp -d "${TMPDIR:-/tmp}/bench-import.XXXXXX")
trap 'rm -rf "$work"' EXIT

command -v sqlite3 >/dev/null || { echo "sqlite3 is not installed" >&2; exit 1; }
[[ -x /usr/bin/time ]] || { echo "/usr/bin/time is not installed (Debian: time)" >&2; exit 1; }

shopt -s nullglob
files=("$folder"/*.csv)
[[ ${#files[@]} -gt 0 ]] || { echo "$folder holds no CSV files" >&2; exit 1; }

# The rows of every file, headers aside: for rows per second. Generated files quote no
# line ends, so lines are rows.
rows=0
{
  echo ".mode csv"
  for file in "${files[@]}"; do
    table=$(basename "$file" .csv)
    echo ".import '$file' \"$table\""
    rows=$(( rows + $(wc -l < "$file") - 1 ))
  done
} > "$work/import.sql"

# Runs "$@" on a new database at $work/bench.db; prints the wall-clock milliseconds and
# the peak resident set in KiB. Warnings are not the figure: only a failure is shown.
time_once () {
  rm -f "$work"/bench.db*
  local start end
  start=$(date +%s%N)
  /usr/bin/time -o "$work/rss" -f '%M' "$@" >/dev/null 2>"$work/stderr" \
    || { cat "$work/stderr" >&2; echo "failed: $*" >&2; exit 1; }
  end=$(date +%s%N)
  echo "$(( (end - start) / 1000000 )) $(tail -n 1 "$work/rss")"
}

# The median milliseconds and the largest peak of RUNS runs, after one warm-up.
measure () {
  local times=() peak=0 ms kib
  time_once "$@" >/dev/null
  for (( i = 0; i < runs; i++ )); do
    read -r ms kib < <(time_once "$@")
    times+=("$ms")
    (( kib > peak )) && peak=$kib
  done
  ms=$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p")
  echo "$ms $peak"
}

seconds () { printf '%d.%03d' $(( $1 / 1000 )) $(( $1 % 1000 )); }

read -r base_ms base_kib < <(measure sqlite3 "$work/bench.db" ".read $work/import.sql")
printf 'rows: %d in %d files\n' "$rows" "${#files[@]}"
printf 'sqlite3 .import:      %s s (median of %d), peak %d MiB, %d rows/s\n' \
  "$(seconds "$base_ms")" "$runs" $(( base_kib / 1024 )) $(( rows * 1000 / (base_ms > 0 ? base_ms : 1) ))

if [[ -n $cli ]]; then
  read -r ms kib < <(measure "$cli" --db "$work/bench.db" import "$folder")
  printf 'candour-cli import:   %s s (median of %d), peak %d MiB, %d rows/s\n' \
    "$(seconds "$ms")" "$runs" $(( kib / 1024 )) $(( rows * 1000 / (ms > 0 ? ms : 1) ))
  printf 'ratio to the baseline: %d.%02d\n' $(( ms / base_ms )) $(( ms * 100 / base_ms % 100 ))
fi
