#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# A full disk and a read-only disk, for real: a small tmpfs mounted in a private mount
# namespace (as root, or in a user namespace otherwise; exit 77, skipped, where neither
# can be made). On the full disk:
#   - an import whose write-ahead log does not fit, and one whose log fits but whose
#     file could not then grow: both say the disk is full and import nothing;
#   - export all (as CSV files and as a workbook), backup and export --output say so
#     too and leave nothing behind;
#   - with room made, the same import goes in whole.
# On a disk mounted read-only, reports still run, an import says the file is
# read-only, and a workbook cannot replace the one there. Each message is checked
# word for word, and `check` passes after each.
#
# usage: disk-test.sh CANDOUR_CLI [PAYMENTS]

set -u
cli=$1
payments=${2:-50000}
case $cli in /*) ;; *) cli=$PWD/$cli ;; esac
here=$(cd "$(dirname "$0")" && pwd)

# Inside the namespace: $3 is the mount point, $4 the folder of CSV files.
if [ "${CANDOUR_DISK_TEST_INSIDE:-}" = 1 ]; then
  mnt=$3
  data=$4
  passed=0
  failed=0

  check () {
    local what=$1 expected_status=$2 expected=$3 status
    shift 3
    "$@" >"$data/out" 2>"$data/err"
    status=$?
    if [ "$status" -eq "$expected_status" ] && [ "$(cat "$data/err")" = "$expected" ]; then
      passed=$((passed + 1))
    else
      echo "FAIL $what: status $status (expected $expected_status)"
      diff <(echo "$expected") "$data/err" | head -n 6
      failed=$((failed + 1))
    fi
  }

  holds () {
    local what=$1 expected=$2 actual
    actual=$(sqlite3 "$mnt/area.db" "SELECT count(*) FROM payment")
    if [ "$actual" = "$expected" ] && "$cli" --db "$mnt/area.db" check >/dev/null 2>&1 &&
       ! ls -A "$mnt" | grep -q '\.candour-'; then
      passed=$((passed + 1))
    else
      echo "FAIL $what: $actual payments (expected $expected), or check failed, or a temporary file was left"
      ls -A "$mnt"
      failed=$((failed + 1))
    fi
  }

  full="The disk holding area.db is full, so nothing was saved. Free some space on it, or move the database to a disk with room, then try again."
  cd "$mnt" || exit 1

  # The write-ahead log does not fit.
  mount -o remount,size="$SMALL" "$mnt"
  "$cli" --db area.db import "$data/base" >/dev/null
  check "import, log too big" 1 "candour-cli import: $full" "$cli" --db area.db import "$data/payments"
  holds "import, log too big" 0

  # The log fits, the file could not grow to take it in.
  rm -f area.db*
  mount -o remount,size="$MIDDLE" "$mnt"
  "$cli" --db area.db import "$data/base" >/dev/null
  check "import, file cannot grow" 1 "candour-cli import: $full" "$cli" --db area.db import "$data/payments"
  holds "import, file cannot grow" 0

  # Room again: the same import goes in whole.
  mount -o remount,size="$ROOMY" "$mnt"
  check "import with room" 0 "" "$cli" --db area.db import "$data/payments"
  holds "import with room" "$PAYMENTS"

  # Writing files onto a full disk.
  # Room for SQLite's shared memory, not for any of the files.
  fill=$(( $(df --output=avail -B1 "$mnt" | tail -n 1) - 256 * 1024 ))
  head -c "$fill" /dev/zero >filler 2>/dev/null
  check "export all, disk full" 1 \
    "candour-cli export: Could not write export/payments.csv: the disk is full. Nothing was written (an earlier file there is as it was); free some space and try again." \
    "$cli" --db area.db export all --output export
  check "backup, disk full" 1 \
    "candour-cli backup: The disk holding copy.db is full, so nothing was saved. Free some space on it, or move the database to a disk with room, then try again." \
    "$cli" --db area.db backup copy.db
  check "export payments, disk full" 1 \
    "candour-cli export: Could not write payments.csv: the disk is full. Nothing was written (an earlier file there is as it was); free some space and try again." \
    "$cli" --db area.db export payments --output payments.csv
  check "export all as a workbook, disk full" 1 \
    "candour-cli export: Could not write all.xlsx: the disk is full. Nothing was written (an earlier file there is as it was); free some space and try again." \
    "$cli" --db area.db export all --output all.xlsx
  # A PDF is small: room for SQLite's shared memory (32 KiB) and a little more.
  head -c $(( $(df --output=avail -B1 "$mnt" | tail -n 1) - 40 * 1024 )) /dev/zero >filler-pdf 2>/dev/null
  check "findings as a PDF, disk full" 1 \
    "candour-cli reconcile: Could not write findings.pdf: the disk is full. Nothing was written (an earlier file there is as it was); free some space and try again." \
    "$cli" --db area.db reconcile --all --output findings.pdf
  rm -f filler filler-pdf
  [ ! -e export ] && [ ! -e copy.db ] && [ ! -e payments.csv ] && [ ! -e all.xlsx ] && [ ! -e findings.pdf ] &&
    passed=$((passed + 1)) ||
    { echo "FAIL a file was left on the full disk"; ls -A; failed=$((failed + 1)); }
  holds "after the full disk" "$PAYMENTS"

  # A read-only disk: reports run, imports say why they cannot, and a spreadsheet or
  # a PDF there before stays as it was.
  echo "the earlier scorecard" >scorecard.xlsx
  echo "the earlier shares" >shares.pdf
  mount -o remount,ro "$mnt"
  check "scorecard as a workbook, read-only disk" 1 \
    "candour-cli scorecard: Could not write scorecard.xlsx: Read-only file system. Nothing was written (an earlier file there is as it was)." \
    "$cli" --db area.db scorecard --output scorecard.xlsx
  [ "$(cat scorecard.xlsx)" = "the earlier scorecard" ] && passed=$((passed + 1)) ||
    { echo "FAIL the earlier scorecard.xlsx changed on a read-only disk"; failed=$((failed + 1)); }
  check "shares as a PDF, read-only disk" 1 \
    "candour-cli shares: Could not write shares.pdf: Read-only file system. Nothing was written (an earlier file there is as it was)." \
    "$cli" --db area.db shares --output shares.pdf
  [ "$(cat shares.pdf)" = "the earlier shares" ] && passed=$((passed + 1)) ||
    { echo "FAIL the earlier shares.pdf changed on a read-only disk"; failed=$((failed + 1)); }
  "$cli" --db area.db reconcile --as-of 2025-06-30 >/dev/null 2>&1 && passed=$((passed + 1)) ||
    { echo "FAIL reconcile on a read-only disk"; failed=$((failed + 1)); }
  check "import, read-only disk" 1 \
    "candour-cli import: area.db is read-only: Candour can show it but not change it (the file, its folder or its disk does not allow writing). Nothing was changed. Ask its owner for permission to write, or make a copy you can write to." \
    "$cli" --db area.db import "$data/base/organisations.csv"

  echo "$passed passed, $failed failed"
  [ "$failed" -eq 0 ]
  exit
fi

command -v sqlite3 >/dev/null || { echo "no sqlite3 shell: skipped"; exit 77; }

data=$(mktemp -d)
mnt=$(mktemp -d)
trap 'rm -rf "$data" "$mnt"' EXIT
python3 "$here/make-payments-area.py" "$data" "$payments"

# How much room the import takes: the file after it, and its write-ahead log.
"$cli" --db "$data/measure.db" import "$data/base" >/dev/null || exit 1
base_kib=$(( $(stat -c %s "$data/measure.db") / 1024 ))
"$cli" --db "$data/measure.db" import "$data/payments" >/dev/null || exit 1
final_kib=$(( $(stat -c %s "$data/measure.db") / 1024 ))
export PAYMENTS=$payments
export SMALL=$(( base_kib + final_kib / 3 ))k
export MIDDLE=$(( base_kib + final_kib + final_kib / 3 + 1024 ))k
export ROOMY=$(( (base_kib + final_kib) * 4 + 4096 ))k
export CANDOUR_DISK_TEST_INSIDE=1

inside=(sh -c 'mount -t tmpfs -o size=1m tmpfs "$1" && exec bash "$0" "$2" "$3" "$1" "$4"'
        "$here/disk-test.sh" "$mnt" "$cli" x "$data")
if [ "$(id -u)" -eq 0 ] && unshare -m true 2>/dev/null; then
  unshare -m "${inside[@]}"
elif unshare -rm true 2>/dev/null; then
  unshare -rm "${inside[@]}"
else
  echo "cannot mount a small file system here (no mount namespace): skipped"
  exit 77
fi
