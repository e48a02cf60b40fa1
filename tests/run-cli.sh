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
expect 2 "candour-cli reconcile: --format is 'ods'; use csv, table, xlsx or pdf (see candour-cli reconcile --help)" \
  --db "$db" reconcile --format ods
expect 2 "candour-cli reconcile: --format pdf writes a PDF, which a terminal cannot show; name the file with --output FILE.pdf (see candour-cli reconcile --help)" \
  --db "$db" reconcile --format pdf
expect 2 "candour-cli periods: --format is 'pdf'; use csv, table or xlsx (see candour-cli periods --help)" \
  --db "$db" periods --format pdf --output "$work/periods.pdf"
expect 2 "candour-cli periods: $work/periods.pdf names a PDF, but periods writes csv, table or xlsx; name a .csv or .xlsx file (see candour-cli periods --help)" \
  --db "$db" periods --output "$work/periods.pdf"
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

# The reports as PDFs, as the application prints them (check-app-window.c checks the
# two are the same): every row the CSV has is in the PDF, by name, and every page says
# "page N of M". A FILE.pdf is a PDF without --format.
if command -v pdftotext >/dev/null && command -v pdfinfo >/dev/null; then
  # column FILE NAME: the values of the CSV file's column NAME (its cells hold no quotes).
  column () {
    local index
    if grep -q '"' "$1"; then
      echo "FAIL: $1 has quoted cells, which column () cannot read" >&2
      return
    fi
    index=$(head -n 1 "$1" | sed 's/^\xEF\xBB\xBF//; s/\r$//' | tr ',' '\n' | grep -nx "$2" | cut -d: -f1)
    tail -n +2 "$1" | sed 's/\r$//' | cut -d, -f"$index" | sort -u
  }

  # pdf_holds PDF TITLE CSV COLUMN: the PDF is whole, its owner's only, titled TITLE,
  # its footer numbers its pages, and every value of the CSV's COLUMN is in its text.
  pdf_holds () {
    local pdf=$1 title=$2 csv=$3 name=$4 text pages missing=0 value
    text=$(pdftotext "$pdf" - | tr -s ' \n' '  ')
    pages=$(pdfinfo "$pdf" | sed -n 's/^Pages: *//p')
    if [ "$(head -c 5 "$pdf")" != "%PDF-" ] || [ "$(stat -c %a "$pdf")" != 600 ] ||
       ls -A "$work" | grep -q '^\.'; then
      echo "FAIL: $pdf is not a whole PDF of mode 600, or a temporary file was left"
      failed=$((failed + 1))
      return
    fi
    while IFS= read -r value; do
      if [[ $text != *"$value"* ]]; then
        echo "FAIL: $pdf does not name $value"
        missing=1
      fi
    done < <(column "$csv" "$name")
    for ((page = 1; page <= pages; page++)); do
      if [[ $text != *"Candour · $title · page $page of $pages"* ]]; then
        echo "FAIL: $pdf has no footer \"page $page of $pages\""
        missing=1
      fi
    done
    if ! pdfinfo "$pdf" | grep -qx "Title: *$title" || ! pdfinfo "$pdf" | grep -qx "Subject: *area" ||
       ! pdfinfo "$pdf" | grep -q "^Creator: *Candour "; then
      echo "FAIL: $pdf's title, subject or creator"
      pdfinfo "$pdf" | head -n 4
      missing=1
    fi
    if [ $missing -eq 0 ] && [ "$pages" -ge 1 ]; then
      passed=$((passed + 1))
    else
      failed=$((failed + 1))
    fi
  }

  expect 0 "" --db "$db" reconcile --as-of 2025-06-30 --format pdf --output "$work/findings.pdf"
  pdf_holds "$work/findings.pdf" "Findings" "$work/findings.csv" partner_name
  expect 0 "" --db "$db" scorecard --as-of 2025-06-30 --output "$work/scorecard.csv"
  expect 0 "" --db "$db" scorecard --as-of 2025-06-30 --output "$work/scorecard.pdf"
  pdf_holds "$work/scorecard.pdf" "Lead Provider Scorecard" "$work/scorecard.csv" lead_name
  expect 0 "" --db "$db" shares --output "$work/shares.csv"
  expect 0 "" --db "$db" shares --format pdf --output "$work/shares.pdf"
  pdf_holds "$work/shares.pdf" "Contract Shares" "$work/shares.csv" contract_ref
  expect 0 "" --db "$db" payment-times --output "$work/payment-times.csv"
  expect 0 "" --db "$db" payment-times --output "$work/payment-times.PDF"
  pdf_holds "$work/payment-times.PDF" "Payment Times" "$work/payment-times.csv" payer_name

  # The shares table names each lead provider, as the chart does, not by its ref.
  if pdftotext "$work/shares.pdf" - | grep -q "ORG-"; then
    echo "FAIL: shares.pdf names a lead provider by its ref"
    failed=$((failed + 1))
  else
    passed=$((passed + 1))
  fi
  # How the findings were judged, and the period a payment-times PDF covers.
  expect 0 "" --db "$db" reconcile --as-of 2025-06-30 --grace-days 30 --tolerance 5 --output "$work/judged.pdf"
  expect 0 "" --db "$db" payment-times --from 2025-04-01 --to 2025-06-30 --output "$work/quarter.pdf"
  for said in "findings.pdf:Judged as of 30/06/2025, allowing 90 days for a subcontract and 10% for late payment. Made on" \
              "judged.pdf:Judged as of 30/06/2025, allowing 30 days for a subcontract and 5% for late payment. Made on" \
              "shares.pdf:Made on" \
              "quarter.pdf:Payments made 01/04/2025 to 30/06/2025. Made on"; do
    if [[ $(pdftotext "$work/${said%%:*}" - | tr -s ' \n' '  ') == *"${said#*:}"* ]]; then
      passed=$((passed + 1))
    else
      echo "FAIL: ${said%%:*} does not say: ${said#*:}"
      failed=$((failed + 1))
    fi
  done

  # A folder that is not there: said in words, and nothing written.
  expect 1 "candour-cli shares: Could not write $work/none/shares.pdf: the folder $work/none does not exist. Nothing was written; create the folder first, or choose another." \
    --db "$db" shares --output "$work/none/shares.pdf"
else
  echo "no pdftotext or pdfinfo (poppler-utils): the PDF checks are skipped"
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
