#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# End-to-end: for each folder under data/scenarios, import input/ into a new database
# with candour-cli, then run every line of `commands` ("EXPECTED ARGS...") and compare
# the output byte for byte with expected/EXPECTED. Prints one line per check and a
# closing "N passed, N failed".
#
# usage: run-scenarios.sh CANDOUR_CLI SCENARIOS_DIR

set -u
cli=$1
scenarios=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

passed=0
failed=0

for dir in "$scenarios"/*/; do
  name=$(basename "$dir")
  db="$work/$name.db"
  if ! "$cli" --db "$db" import "$dir/input" >"$work/import.out" 2>&1; then
    echo "FAIL $name: import"
    cat "$work/import.out"
    failed=$((failed + 1))
    continue
  fi
  while read -r expected args; do
    [ -n "$expected" ] || continue
    # shellcheck disable=SC2086 # ARGS are words by design
    if "$cli" --db "$db" $args >"$work/actual.csv" 2>"$work/stderr" &&
       cmp -s "$work/actual.csv" "$dir/expected/$expected"; then
      echo "ok   $name: $args"
      passed=$((passed + 1))
    else
      echo "FAIL $name: $args (expected/$expected)"
      cat "$work/stderr"
      diff "$dir/expected/$expected" "$work/actual.csv" | head -n 20
      failed=$((failed + 1))
    fi
  done <"$dir/commands"
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
