#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Bad input gets a clear error, and nothing is lost. Each folder under data/bad is one
# case: the CSV files to import and `expected-stderr`, the exact lines candour-cli must
# print. For each case, import the files into a database that already holds the
# all-statuses scenario, from inside the case folder so messages name plain file names,
# and check that
#   - the exit status is 1 (or the number in `expected-status`),
#   - stderr is expected-stderr and stdout is `expected-stdout` (empty when absent),
#   - `candour-cli export all` writes the same files as before, byte for byte, and the
#     schema is the same too (a failed bulk load must bring back the indexes it dropped;
#     checked when the sqlite3 shell is installed).
# A case may also hold `generate.sh`, run first in a scratch copy of the folder, to write
# files too big to keep in git (a 10 MB field, a million columns).
# Prints one line per case and a closing "N passed, N failed".
#
# usage: run-bad-inputs.sh CANDOUR_CLI BAD_DIR GOOD_INPUT_DIR

set -u
cli=$1
cases=$2
good=$3
case $cli in /*) ;; *) cli=$PWD/$cli ;; esac

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if ! "$cli" --db "$work/base.db" import "$good" >"$work/out" 2>&1 ||
   ! "$cli" --db "$work/base.db" export all --output "$work/before" >>"$work/out" 2>&1; then
  echo "FAIL could not set up the database holding $good"
  cat "$work/out"
  echo "0 passed, 1 failed"
  exit 1
fi

schema () {
  if command -v sqlite3 >/dev/null; then sqlite3 "$1" .schema; fi
}
schema "$work/base.db" >"$work/before.schema"

passed=0
failed=0

for dir in "$cases"/*/; do
  name=$(basename "$dir")
  scratch=$work/case
  db=$work/case.db
  rm -rf "$scratch" "$work/after" "$db" "$db-wal" "$db-shm"
  cp -R "$dir" "$scratch"
  cp "$work/base.db" "$db"
  if [ -f "$work/base.db-wal" ]; then cp "$work/base.db-wal" "$db-wal"; fi
  : >"$work/out"

  status=0
  if [ -f "$scratch/generate.sh" ] && ! (cd "$scratch" && sh ./generate.sh) >"$work/out" 2>&1; then
    echo "FAIL $name: generate.sh"
    cat "$work/out"
    failed=$((failed + 1))
    continue
  fi
  (cd "$scratch" && "$cli" --db "$db" import *.csv) >"$work/stdout" 2>"$work/stderr" || status=$?

  expected_status=1
  [ -f "$dir/expected-status" ] && expected_status=$(cat "$dir/expected-status")
  expected_stdout=/dev/null
  [ -f "$dir/expected-stdout" ] && expected_stdout=$dir/expected-stdout

  problem=
  if [ "$status" -ne "$expected_status" ]; then
    problem="exit status $status, expected $expected_status"
  elif ! cmp -s "$dir/expected-stderr" "$work/stderr"; then
    problem="stderr differs from expected-stderr"
  elif ! cmp -s "$expected_stdout" "$work/stdout"; then
    problem="stdout differs from ${expected_stdout#"$dir"}"
  elif ! "$cli" --db "$db" export all --output "$work/after" >"$work/out" 2>&1; then
    problem="export all failed: $(cat "$work/out")"
  elif ! diff -r "$work/before" "$work/after" >"$work/out" 2>&1; then
    problem="the database changed"
  elif ! schema "$db" | diff "$work/before.schema" - >"$work/out" 2>&1; then
    problem="the schema changed"
  fi

  if [ -z "$problem" ]; then
    echo "ok   $name"
    passed=$((passed + 1))
  else
    echo "FAIL $name: $problem"
    diff "$dir/expected-stderr" "$work/stderr" | head -n 20
    diff "$expected_stdout" "$work/stdout" | head -n 5
    head -n 20 "$work/out"
    failed=$((failed + 1))
  fi
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
