#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Every file Candour writes appears whole or not at all. Kills, with SIGKILL at a random
# moment, COUNT runs each of
#   - `candour-cli export all` into a new folder, and over an earlier export;
#   - `candour-cli export all` as a workbook (FILE.xlsx), new and over an earlier one;
#   - `candour-cli backup` to a new file, and over an earlier backup;
#   - the application's PDF export (tests/crash-pdf), writing over and over.
# After each kill the target must be absent, the earlier one unchanged, or a complete
# new one: an exported folder imports into an empty database with every payment, a
# workbook unzips clean with every payment in its sheet, a backup passes `check` with
# every payment, a PDF ends with its %%EOF trailer. Then the next successful write
# must leave no temporary file behind (it clears what the killed writer left).
#
# usage: kill-outputs.sh CANDOUR_CLI CRASH_PDF COUNT PAYMENTS

set -u
cli=$1
crash_pdf=$2
count=${3:-3}
payments=${4:-100000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 "$(dirname "$0")/make-payments-area.py" "$work" "$payments"
db=$work/area.db
"$cli" --db "$db" import "$work/base" "$work/payments" >/dev/null 2>&1 ||
  { echo "could not build the database"; exit 1; }

passed=0
failed=0
declare -A outcomes

# Milliseconds a command takes uninterrupted, to spread the kills across it.
time_of () {
  local start
  start=$(date +%s%N)
  "$@" >/dev/null 2>&1
  echo $(( ($(date +%s%N) - start) / 1000000 ))
}

# Starts a command, kills it after a random part of 1.25 times its usual length.
run_and_kill () {
  local duration_ms=$1
  shift
  local delay_ms=$(( (RANDOM * 32768 + RANDOM) % (duration_ms * 5 / 4 + 1) ))
  "$@" >/dev/null 2>&1 &
  local pid=$!
  sleep "$(( delay_ms / 1000 )).$(printf '%03d' $(( delay_ms % 1000 )))"
  kill -KILL "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
}

record () {
  local kind=$1 outcome=$2
  outcomes[$kind:$outcome]=$(( ${outcomes[$kind:$outcome]:-0} + 1 ))
}

fail () {
  echo "FAIL $*"
  failed=$((failed + 1))
}

# No temporary name may outlive the next successful write to the same target.
no_leftovers () {
  local target=$1
  local base
  base=$(basename "$target")
  ! ls -A "$(dirname "$target")" | grep -q "^\.$base\.candour-"
}

payments_in () {
  "$cli" --db "$1" export payments --output "$work/count.csv" >/dev/null 2>&1 &&
    echo $(( $(wc -l <"$work/count.csv") - 1 ))
}

# export all
export_ms=$(time_of "$cli" --db "$db" export all --output "$work/timing-export")
for run in $(seq 1 "$count"); do
  target=$work/export
  rm -rf "$target"
  earlier=
  if [ $((run % 2)) -eq 0 ]; then
    "$cli" --db "$db" export all --output "$target" >/dev/null 2>&1
    earlier=$(cd "$target" && sha256sum ./*.csv)
  fi
  run_and_kill "$export_ms" "$cli" --db "$db" export all --output "$target"

  if [ ! -e "$target" ]; then
    record export none
  elif [ -n "$earlier" ] && [ "$(cd "$target" && sha256sum ./*.csv)" = "$earlier" ]; then
    record export earlier
  else
    rm -f "$work/check.db"*
    if [ "$(ls "$target" | wc -l)" -ne 9 ] ||
       ! "$cli" --db "$work/check.db" import "$target" >/dev/null 2>&1 ||
       [ "$(payments_in "$work/check.db")" != "$payments" ]; then
      fail "export run $run: the folder is there but not whole"
      continue
    fi
    record export whole
  fi
  if ! "$cli" --db "$db" export all --output "$target" >/dev/null 2>&1 || ! no_leftovers "$target"; then
    fail "export run $run: the next export failed or left a temporary folder"
    continue
  fi
  passed=$((passed + 1))
done

# backup
backup_ms=$(time_of "$cli" --db "$db" backup "$work/timing-backup.db")
for run in $(seq 1 "$count"); do
  target=$work/copy.db
  rm -f "$target"
  earlier=
  if [ $((run % 2)) -eq 0 ]; then
    "$cli" --db "$db" backup "$target" >/dev/null 2>&1
    earlier=$(sha256sum <"$target")
  fi
  run_and_kill "$backup_ms" "$cli" --db "$db" backup "$target"

  if [ ! -e "$target" ]; then
    record backup none
  elif [ -n "$earlier" ] && [ "$(sha256sum <"$target")" = "$earlier" ]; then
    record backup earlier
  else
    cp "$target" "$work/check.db"
    if ! "$cli" --db "$work/check.db" check >/dev/null 2>&1 ||
       [ "$(payments_in "$work/check.db")" != "$payments" ]; then
      fail "backup run $run: the copy is there but not whole"
      continue
    fi
    record backup whole
  fi
  if ! "$cli" --db "$db" backup "$target" >/dev/null 2>&1 || ! no_leftovers "$target"; then
    fail "backup run $run: the next backup failed or left a temporary file"
    continue
  fi
  passed=$((passed + 1))
done

# export all as a workbook (read back with unzip, where there is one)
if command -v unzip >/dev/null; then
  xlsx_ms=$(time_of "$cli" --db "$db" export all --output "$work/timing.xlsx")
  for run in $(seq 1 "$count"); do
    target=$work/all.xlsx
    rm -f "$target"
    earlier=
    if [ $((run % 2)) -eq 0 ]; then
      "$cli" --db "$db" export all --output "$target" >/dev/null 2>&1
      earlier=$(sha256sum <"$target")
    fi
    run_and_kill "$xlsx_ms" "$cli" --db "$db" export all --output "$target"

    if [ ! -e "$target" ]; then
      record xlsx none
    elif [ -n "$earlier" ] && [ "$(sha256sum <"$target")" = "$earlier" ]; then
      record xlsx earlier
    else
      # Whole: the zip tests clean and the payments sheet has every payment under its header.
      if ! unzip -tq "$target" >/dev/null 2>&1 ||
         [ "$(unzip -p "$target" xl/worksheets/sheet8.xml | grep -o '<row ' | wc -l)" -ne $((payments + 1)) ]; then
        fail "xlsx run $run: the workbook is there but not whole"
        continue
      fi
      record xlsx whole
    fi
    if ! "$cli" --db "$db" export all --output "$target" >/dev/null 2>&1 || ! no_leftovers "$target"; then
      fail "xlsx run $run: the next export failed or left a temporary file"
      continue
    fi
    passed=$((passed + 1))
  done
fi

# PDF: the writer goes on writing the same report until killed.
rows=$(( payments / 20 > 5000 ? 5000 : payments / 20 ))
pdf_ms=$(time_of "$crash_pdf" "$work/timing.pdf" "$rows" once)
for run in $(seq 1 "$count"); do
  target=$work/shares.pdf
  rm -f "$target"
  # Twice as long: past the first PDF, the kill lands on one replacing another.
  run_and_kill $(( pdf_ms * 2 )) "$crash_pdf" "$target" "$rows"

  if [ ! -e "$target" ]; then
    record pdf none
  elif tail -c 16 "$target" | grep -q '%%EOF'; then
    record pdf whole
  else
    fail "pdf run $run: the PDF is there but cut short"
    continue
  fi
  passed=$((passed + 1))
done

for kind in export xlsx backup pdf; do
  echo "$kind: killed $count: ${outcomes[$kind:none]:-0} left nothing, ${outcomes[$kind:earlier]:-0} left the earlier one, ${outcomes[$kind:whole]:-0} a whole new one"
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
