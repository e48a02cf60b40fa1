#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Whatever is typed, nothing is lost. Each folder under data/bad-commands is one case: a
# command line people could type by mistake, or a file damaged the way files get
# damaged, and exactly what candour-cli must say. For each case, in a scratch folder
# holding area.db (the all-statuses scenario):
#   - `setup.sh`, if any, runs first (with $GOOD naming a folder of good CSV files);
#   - `command` is run as the arguments of candour-cli;
#   - the exit status must be 1 (or the number in `expected-status`), standard error
#     `expected-stderr` and standard output `expected-stdout` (empty when absent);
#   - area.db must hold what it held (the same `export all`, audit trail included, and
#     the same schema), or, when it could not be opened before, the same bytes;
#   - the folder must hold the same files, each with the same bytes (nothing written,
#     nothing left behind), except area.db itself;
#   - `after.sh`, if any, runs last and must succeed (a check outside the folder).
# Prints one line per case and a closing "N passed, N failed".
#
# usage: run-bad-commands.sh CANDOUR_CLI CASES_DIR GOOD_INPUT_DIR

set -u
cli=$1
cases=$2
good=$3
case $cli in /*) ;; *) cli=$PWD/$cli ;; esac
case $cases in /*) ;; *) cases=$PWD/$cases ;; esac
case $good in /*) ;; *) good=$PWD/$good ;; esac
export GOOD=$good

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if ! "$cli" --db "$work/base.db" import "$good" >"$work/out" 2>&1; then
  echo "FAIL could not set up the database holding $good"
  cat "$work/out"
  echo "0 passed, 1 failed"
  exit 1
fi

# What the folder holds, file by file, but for area.db and SQLite's files beside it.
folder_state () {
  (cd "$1" && find . -path ./area.db -prune -o -name 'area.db-*' -prune -o -type f -print0 |
     sort -z | xargs -0 -r sha256sum; find . -mindepth 1 | grep -v '^\./area\.db' | sort)
}

# What area.db holds: every table, the audit trail among them, and the schema, as the
# sqlite3 shell dumps them; or, for a file it cannot read, its bytes.
database_state () {
  local dir=$1
  if ! sqlite3 -readonly "$dir/area.db" .dump 2>/dev/null; then
    echo "unreadable"
    sha256sum <"$dir/area.db"
  fi
}

passed=0
failed=0

for dir in "$cases"/*/; do
  name=$(basename "$dir")
  scratch=$work/case
  rm -rf "$scratch"
  mkdir "$scratch"
  cp "$work/base.db" "$scratch/area.db"

  problem=
  if [ -f "$dir/setup.sh" ] && ! (cd "$scratch" && bash "$dir/setup.sh") >"$work/out" 2>&1; then
    problem="setup.sh failed: $(head -n 3 "$work/out")"
  fi

  if [ -z "$problem" ]; then
    database_state "$scratch" >"$work/db-before"
    folder_state "$scratch" >"$work/folder-before"

    status=0
    (cd "$scratch" && eval "\"$cli\" $(cat "$dir/command")") >"$work/stdout" 2>"$work/stderr" || status=$?

    expected_status=1
    [ -f "$dir/expected-status" ] && expected_status=$(cat "$dir/expected-status")
    expected_stdout=/dev/null
    [ -f "$dir/expected-stdout" ] && expected_stdout=$dir/expected-stdout

    if [ "$status" -ne "$expected_status" ]; then
      problem="exit status $status, expected $expected_status"
    elif ! cmp -s "$dir/expected-stderr" "$work/stderr"; then
      problem="stderr differs from expected-stderr"
    elif ! cmp -s "$expected_stdout" "$work/stdout"; then
      problem="stdout differs from ${expected_stdout#"$dir"}"
    elif ! database_state "$scratch" | cmp -s "$work/db-before" -; then
      problem="area.db changed"
    elif ! folder_state "$scratch" | diff "$work/folder-before" - >"$work/out"; then
      problem="the folder changed: $(head -n 5 "$work/out" | tr '\n' ' ')"
    elif [ -f "$dir/after.sh" ] && ! (cd "$scratch" && bash "$dir/after.sh") >"$work/out" 2>&1; then
      problem="after.sh failed: $(head -n 3 "$work/out")"
    fi
  fi

  if [ -z "$problem" ]; then
    echo "ok   $name"
    passed=$((passed + 1))
  else
    echo "FAIL $name: $problem"
    [ -f "$work/stderr" ] && diff "$dir/expected-stderr" "$work/stderr" | head -n 10
    failed=$((failed + 1))
  fi
  rm -f "$work/stderr" "$work/stdout"
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
