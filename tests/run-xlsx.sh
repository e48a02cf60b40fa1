#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Spreadsheets as candour-cli writes them, read back: every report with --format xlsx
# (or an --output ending .xlsx) and export all as a workbook, on the Harrowfield demo
# and on a generated area of 10,000 payments. Each workbook is unzipped and its cells
# checked as XML: money and dates are numbers in their styles, refs are text, the
# header is frozen, every row is there. A failed write leaves the earlier file as it
# was. If LibreOffice is installed, each workbook is also opened with it.
#
# usage: run-xlsx.sh CANDOUR_CLI

set -u
cli=$1
command -v unzip >/dev/null || { echo "no unzip to read the workbooks back: skipped"; exit 77; }
command -v sqlite3 >/dev/null || { echo "no sqlite3 shell: skipped"; exit 77; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
db="$work/area.db"
passed=0
failed=0

pass () { passed=$((passed + 1)); }
fail () { echo "FAIL: $*"; failed=$((failed + 1)); }

# expect STATUS STDERR_EXPECTED ARGS...
expect () {
  local status=$1 message=$2
  shift 2
  "$cli" "$@" >"$work/out" 2>"$work/err"
  local actual=$?
  if [ "$actual" -eq "$status" ] && [ "$(cat "$work/err")" = "$message" ]; then
    pass
  else
    fail "candour-cli $* (status $actual, expected $status)"
    diff <(echo "$message") "$work/err" | head -n 5
  fi
}

# has FILE PART TEXT: the part of the workbook holds TEXT exactly.
has () {
  if unzip -p "$1" "$2" | grep -qF -- "$3"; then
    pass
  else
    fail "$(basename "$1") $2 does not hold: $3"
  fi
}

# rows FILE SHEET_NUMBER COUNT: the sheet has COUNT rows, header included.
rows () {
  local actual
  actual=$(unzip -p "$1" "xl/worksheets/sheet$2.xml" | grep -o '<row ' | wc -l)
  if [ "$actual" -eq "$3" ]; then
    pass
  else
    fail "$(basename "$1") sheet $2 has $actual rows, expected $3"
  fi
}

# whole FILE: a zip that unzip tests clean, readable by its owner only, nothing beside it.
whole () {
  if unzip -tq "$1" >/dev/null 2>&1 && [ "$(stat -c %a "$1")" = 600 ] &&
     ! ls -A "$(dirname "$1")" | grep -q '\.candour-'; then
    pass
  else
    fail "$1 is not a whole workbook of mode 600, or a temporary file was left"
  fi
}

expect 0 "" --db "$db" demo --today 2025-06-30

# Asking for a spreadsheet on the terminal is a mistake, said plainly.
expect 2 "candour-cli scorecard: --format xlsx writes a spreadsheet, which a terminal cannot show; name the file with --output FILE.xlsx (see candour-cli scorecard --help)" \
  --db "$db" scorecard --format xlsx
expect 2 "candour-cli payment-times: --format xlsx writes a spreadsheet, which a terminal cannot show; name the file with --output FILE.xlsx (see candour-cli payment-times --help)" \
  --db "$db" payment-times --format xlsx
expect 2 "candour-cli export: --output FILE.xlsx is required (see candour-cli export --help)" \
  --db "$db" export all --format xlsx
expect 2 "candour-cli export: --format is 'ods'; use csv or xlsx (see candour-cli export --help)" \
  --db "$db" export all --format ods --output "$work/all.ods"

# The scorecard: .xlsx in the name is enough.
expect 0 "" --db "$db" scorecard --as-of 2025-06-30 --output "$work/scorecard.xlsx"
x="$work/scorecard.xlsx"
whole "$x"
rows "$x" 1 6
has "$x" xl/workbook.xml '<sheet name="scorecard" sheetId="1" r:id="rId1"/>'
has "$x" xl/worksheets/sheet1.xml '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
has "$x" xl/worksheets/sheet1.xml '<autoFilter ref="A1:N6"/>'
has "$x" xl/worksheets/sheet1.xml '<c r="A1" s="1" t="inlineStr"><is><t>lead_ref</t></is></c>'
has "$x" xl/worksheets/sheet1.xml '<c r="A2" t="inlineStr"><is><t>ORG-CORVANE</t></is></c>'
has "$x" xl/worksheets/sheet1.xml '<c r="M2" s="2"><v>64249.85</v></c>'
has "$x" xl/worksheets/sheet1.xml '<c r="N2" s="4"><v>0.74</v></c>'
has "$x" xl/styles.xml '<numFmt numFmtId="164" formatCode="£#,##0.00;-£#,##0.00"/>'
has "$x" xl/styles.xml '<numFmt numFmtId="165" formatCode="dd/mm/yyyy"/>'
has "$x" docProps/core.xml '<dc:title>Lead Provider Scorecard as of 30/06/2025</dc:title>'
has "$x" docProps/core.xml '<dc:subject>area</dc:subject>'
has "$x" docProps/core.xml '<dc:creator>Candour</dc:creator>'

# The findings: 23 named partners; the sheet is called findings.
expect 0 "" --db "$db" reconcile --as-of 2025-06-30 --format xlsx --output "$work/findings.xlsx"
whole "$work/findings.xlsx"
rows "$work/findings.xlsx" 1 24
has "$work/findings.xlsx" xl/workbook.xml '<sheet name="findings" sheetId="1" r:id="rId1"/>'
has "$work/findings.xlsx" docProps/core.xml '<dc:title>Findings as of 30/06/2025</dc:title>'

expect 0 "" --db "$db" shares --format xlsx --output "$work/shares.xlsx"
whole "$work/shares.xlsx"
rows "$work/shares.xlsx" 1 8
has "$work/shares.xlsx" xl/workbook.xml '<sheet name="shares" sheetId="1" r:id="rId1"/>'

expect 0 "" --db "$db" payment-times --format xlsx --output "$work/times.xlsx"
whole "$work/times.xlsx"
rows "$work/times.xlsx" 1 8

# --format csv is what it says, whatever the name.
expect 0 "" --db "$db" shares --format csv --output "$work/shares-csv.xlsx"
if head -c 3 "$work/shares-csv.xlsx" | od -An -tx1 | grep -q "ef bb bf"; then pass; else fail "--format csv wrote no CSV"; fi

# Every table as a sheet, in the order of the CSV export, each row in it.
expect 0 "" --db "$db" export all --format xlsx --output "$work/all.xlsx"
x="$work/all.xlsx"
whole "$x"
has "$x" xl/workbook.xml '<sheets><sheet name="organisations" sheetId="1" r:id="rId1"/><sheet name="consortia" sheetId="2" r:id="rId2"/><sheet name="consortium_members" sheetId="3" r:id="rId3"/><sheet name="bids" sheetId="4" r:id="rId4"/><sheet name="bid_partners" sheetId="5" r:id="rId5"/><sheet name="contracts" sheetId="6" r:id="rId6"/><sheet name="subcontracts" sheetId="7" r:id="rId7"/><sheet name="payments" sheetId="8" r:id="rId8"/><sheet name="audit" sheetId="9" r:id="rId9"/></sheets>'
expect 0 "" --db "$db" export all --output "$work/csv"
sheet=1
for table in organisations consortia consortium_members bids bid_partners contracts subcontracts payments; do
  # CSV rows, header included (no field of the demo holds a line break).
  rows "$x" $sheet "$(wc -l <"$work/csv/$table.csv")"
  sheet=$((sheet + 1))
done
# PAY-0001: £3,333.33 paid 19/11/2023 (day 45249), invoiced 29/10/2023 (45228).
has "$x" xl/worksheets/sheet8.xml '<c r="A2" t="inlineStr"><is><t>PAY-0001</t></is></c><c r="C2" t="inlineStr"><is><t>SUB-02</t></is></c><c r="D2" s="2"><v>3333.33</v></c><c r="E2" s="3"><v>45249</v></c><c r="F2" s="3"><v>45228</v></c>'
if unzip -p "$x" 'xl/worksheets/*.xml' | grep -q '<f>'; then fail "a formula in export all"; else pass; fi

# One table; refs that look like numbers or formulas stay text.
mkdir "$work/odd" && cat >"$work/odd/organisations.csv" <<'EOF'
ref,name,org_id,notes
0123,=1+1,1E5,=SUM(A1)
EOF
expect 0 "" --db "$work/odd.db" import "$work/odd/organisations.csv"
expect 0 "" --db "$work/odd.db" export organisations --output "$work/odd.xlsx"
has "$work/odd.xlsx" xl/workbook.xml '<sheet name="organisations" sheetId="1" r:id="rId1"/>'
has "$work/odd.xlsx" xl/worksheets/sheet1.xml '<c r="A2" t="inlineStr"><is><t>0123</t></is></c><c r="B2" t="inlineStr"><is><t>=1+1</t></is></c><c r="C2" t="inlineStr"><is><t>1E5</t></is></c>'
has "$work/odd.xlsx" xl/worksheets/sheet1.xml '<c r="H2" t="inlineStr"><is><t>=SUM(A1)</t></is></c>'

# A larger area: 10,000 payments, every one in the sheet.
expect 0 "" generate --scale 0.01 --output "$work/country"
"$cli" --db "$work/country.db" import "$work/country" >/dev/null 2>&1 || fail "import of the generated country"
start=$(date +%s%N)
expect 0 "" --db "$work/country.db" export all --output "$work/country.xlsx"
echo "export all of 10,000 payments as a workbook: $(( ($(date +%s%N) - start) / 1000000 )) ms"
whole "$work/country.xlsx"
sheet=1
for table in organisation consortium consortium_member bid bid_partner contract subcontract payment; do
  rows "$work/country.xlsx" $sheet $(( $(sqlite3 "$work/country.db" "SELECT count(*) FROM $table") + 1 ))
  sheet=$((sheet + 1))
done
rows "$work/country.xlsx" 8 10001

# Failures leave the earlier file as it was, and nothing beside it.
echo "the earlier workbook" >"$work/earlier.xlsx"
expect 1 "candour-cli scorecard: Could not write $work/missing/scorecard.xlsx: the folder $work/missing does not exist. Nothing was written; create the folder first, or choose another." \
  --db "$db" scorecard --output "$work/missing/scorecard.xlsx"
expect 1 "candour-cli scorecard: $db is the database Candour has open: writing over it would destroy it. Nothing was written; choose another name." \
  --db "$db" scorecard --format xlsx --output "$db"
cp "$db" "$work/long.db"
sqlite3 "$work/long.db" "UPDATE organisation SET notes = printf('%.40000c', 'n') WHERE ref = 'ORG-AMBERLEA'"
expect 1 "candour-cli export: Could not write $work/earlier.xlsx: the notes of row 3 of the organisations sheet is 40000 characters long, more than a spreadsheet's cell holds (32,767); shorten it, or export as CSV instead. Nothing was written (an earlier file there is as it was)." \
  --db "$work/long.db" export all --output "$work/earlier.xlsx"
if [ "$(cat "$work/earlier.xlsx")" = "the earlier workbook" ] && ! ls -A "$work" | grep -q '\.candour-'; then
  pass
else
  fail "a failed export changed the earlier workbook or left a temporary file"
fi

# A spreadsheet program opens them (only where LibreOffice is installed).
if command -v soffice >/dev/null; then
  for x in scorecard findings all country; do
    if soffice --headless --convert-to csv --outdir "$work/lo" "$work/$x.xlsx" >/dev/null 2>&1 &&
       [ -s "$work/lo/$x.csv" ]; then
      pass
    else
      fail "LibreOffice could not open $x.xlsx"
    fi
  done
else
  echo "no LibreOffice: the workbooks were checked as XML only"
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
