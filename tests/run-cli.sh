#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# candour-cli as a person meets it: exit statuses (0 done, 1 failed, 2 usage), one-line
# messages on standard error, files written for the owner only.
#
# usage: run-cli.sh CANDOUR_CLI

set -u
cli=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
db="$work/area.db"
passed=0
failed=0

# expect STATUS STDERR_EXPECTED ARGS...
expect () {
  local status=$1 message=$2
  shift 2
  "$cli" "$@" >"$work/out" 2>"$work/err"
  local actual=$?
  if [ "$actual" -eq "$status" ] && [ "$(cat "$work/err")" = "$message" ]; then
    passed=$((passed + 1))
  else
    echo "FAIL: candour-cli $* (status $actual, expected $status)"
    diff <(echo "$message") "$work/err" | head -n 5
    failed=$((failed + 1))
  fi
}

expect 2 "candour-cli: name a command, such as reconcile (see candour-cli --help)"
expect 2 "candour-cli: unknown command 'frobnicate' (see candour-cli --help)" --db "$db" frobnicate
expect 2 "candour-cli reconcile: Unknown option --bogus (see candour-cli reconcile --help)" --db "$db" reconcile --bogus
expect 2 "candour-cli reconcile: --as-of '31/02/2025' is not a real date: February 2025 has 28 days (see candour-cli reconcile --help)" \
  --db "$db" reconcile --as-of 31/02/2025
expect 2 "candour-cli reconcile: --format is 'pdf'; use csv, table or xlsx (see candour-cli reconcile --help)" \
  --db "$db" reconcile --format pdf
expect 2 "candour-cli scorecard: --tolerance '120' is more than 100%; a percentage must lie between 0 and 100 (see candour-cli scorecard --help)" \
  --db "$db" scorecard --tolerance 120
expect 2 "candour-cli export: --output PATH is required (see candour-cli export --help)" --db "$db" export all
expect 2 "candour-cli import: name at least one CSV file or folder (see candour-cli import --help)" --db "$db" import
expect 1 "candour-cli import: $work/missing: no such file or folder" --db "$db" import "$work/missing"

expect 0 "" --db "$db" demo --today 2025-06-30
expect 1 "candour-cli demo: $db already holds records; load the demo into a new database" --db "$db" demo

expect 0 "" --db "$db" reconcile --as-of 2025-06-30 --output "$work/findings.csv"
if [ "$(stat -c %a "$work/findings.csv")" = 600 ] && [ "$(wc -l <"$work/findings.csv")" -eq 24 ]; then
  passed=$((passed + 1))
else
  echo "FAIL: reconcile --output wrote $(wc -l <"$work/findings.csv") lines, mode $(stat -c %a "$work/findings.csv")"
  failed=$((failed + 1))
fi

expect 0 "" --db "$db" scorecard --as-of 2025-06-30 --format table
if grep -Eq "^ORG-KINDRED +Kindred Pathways +2 +8 " "$work/out" && grep -q "£" "$work/out"; then
  passed=$((passed + 1))
else
  echo "FAIL: scorecard --format table"
  cat "$work/out"
  failed=$((failed + 1))
fi

expect 0 "" --db "$db" check
expect 0 "" --db "$db" backup "$work/copy.db"
expect 0 "" --db "$work/copy.db" check

expect 2 "candour-cli generate: --scale N is required (see candour-cli generate --help)" generate --output "$work/country"
expect 2 "candour-cli generate: --output DIR is required (see candour-cli generate --help)" generate --scale 1
expect 2 "candour-cli generate: --scale '0' must be a number more than 0 and at most 10 (see candour-cli generate --help)" \
  generate --scale 0 --output "$work/country"
expect 2 "candour-cli generate: --scale '11' must be a number more than 0 and at most 10 (see candour-cli generate --help)" \
  generate --scale 11 --output "$work/country"
expect 2 "candour-cli generate: --seed 'one' must be a whole number from 0 to 18446744073709551615 (see candour-cli generate --help)" \
  generate --scale 1 --seed one --output "$work/country"
mkdir "$work/full" && touch "$work/full/notes.txt"
expect 1 "candour-cli generate: $work/full already holds files; name a new folder" generate --scale 0.01 --output "$work/full"

expect 0 "" generate --scale 0.01 --output "$work/country"
if [ "$(cat "$work/out")" = "Wrote scale 0.01 (500 organisations, 3 consortia, 36 consortium members, 200 bids, 909 named partners, 150 contracts, 452 subcontracts, 10,000 payments) to $work/country." ] &&
   [ "$(stat -c %a "$work/country")" = 700 ] && [ "$(ls -A "$work" | grep -c '^\.country')" -eq 0 ]; then
  passed=$((passed + 1))
else
  echo "FAIL: generate --scale 0.01"
  cat "$work/out"
  failed=$((failed + 1))
fi
# The made-up country imports whole; its odd rows (invoices after payment, subcontracts
# paid more than their value, the rare payment made longer than its terms after the
# subcontract ended) are listed as warnings, which depend on today's date, so only
# their summary line is checked here.
"$cli" --db "$work/country.db" import "$work/country" >"$work/out" 2>"$work/err"
if [ $? -eq 0 ] &&
   [ "$(cat "$work/out")" = "Imported 500 organisations, 3 consortia, 36 consortium members, 200 bids, 909 named partners, 150 contracts, 452 subcontracts, 10,000 payments." ] &&
   tail -n 1 "$work/err" | grep -Eq '^candour-cli import: [0-9]+ things to check above; the rows were imported all the same\.$'; then
  passed=$((passed + 1))
else
  echo "FAIL: import of the generated country"
  cat "$work/out"
  tail -n 3 "$work/err"
  failed=$((failed + 1))
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
