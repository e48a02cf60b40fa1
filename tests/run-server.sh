#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# End-to-end on a PostgreSQL server: the same answers as from a file. Each check makes
# a database of its own on the server CANDOUR_TEST_PG names (build-aux/dev test starts
# a private one); without it the test is skipped. Prints one line per check and a
# closing "N passed, N failed".
#
# usage: run-server.sh CANDOUR_CLI SCENARIOS_DIR

set -u
cli=$1
scenarios=$2

if [ -z "${CANDOUR_TEST_PG:-}" ]; then
  echo "CANDOUR_TEST_PG is not set: no server to test against"
  exit 77
fi
command -v psql >/dev/null || { echo "psql is not installed"; exit 77; }

work=$(mktemp -d)
made=""
cleanup () {
  for name in $made; do
    psql -X -q -d "$CANDOUR_TEST_PG" -c "DROP DATABASE IF EXISTS $name" >/dev/null 2>&1
  done
  rm -rf "$work"
}
trap cleanup EXIT

passed=0
failed=0
n=0

pass () { echo "ok   $1"; passed=$((passed + 1)); }
fail () { echo "FAIL $1"; failed=$((failed + 1)); }

# A new, empty database on the server; its address in $server. (Not in a $(…)
# subshell, which would forget what it made.)
new_database () {
  n=$((n + 1))
  name="candour_test_$$_$n"
  psql -X -q -d "$CANDOUR_TEST_PG" -c "CREATE DATABASE $name" >/dev/null || exit 1
  made="$made $name"
  server=$(echo "$CANDOUR_TEST_PG" | sed "s|^\(postgres[a-z]*://[^/]*\)/[^?]*|\1/$name|")
}

# Runs candour-cli with ARGS on both databases and compares what they print.
same () {
  label=$1 file=$2 server=$3
  shift 3
  if "$cli" --db "$file" "$@" >"$work/file.out" 2>"$work/file.err" &&
     "$cli" --db "$server" "$@" >"$work/server.out" 2>"$work/server.err" &&
     cmp -s "$work/file.out" "$work/server.out"; then
    pass "$label: $*"
  else
    fail "$label: $* differs"
    cat "$work/file.err" "$work/server.err"
    diff "$work/file.out" "$work/server.out" | head -n 20
  fi
}

reports () {
  label=$1 file=$2 server=$3
  same "$label" "$file" "$server" reconcile --as-of 2025-06-30
  same "$label" "$file" "$server" reconcile --as-of 2025-06-30 --all --grace-days 30 --tolerance 5
  same "$label" "$file" "$server" scorecard --as-of 2025-06-30
  same "$label" "$file" "$server" shares
  same "$label" "$file" "$server" payment-times
  same "$label" "$file" "$server" payment-times --from 2024-04-01 --to 2025-03-31
}

# 1. An empty database is not a register until it is set up.
new_database
if "$cli" --db "$server" reconcile >/dev/null 2>"$work/err"; then
  fail "a database that is not set up is refused"
elif grep -q "has no Candour register yet" "$work/err"; then
  pass "a database that is not set up is refused, with what to do"
else
  fail "a database that is not set up: unexpected message"; cat "$work/err"
fi
if "$cli" --db "$server" setup >"$work/out" && "$cli" --db "$server" setup >>"$work/out"; then
  pass "setup, twice"
else
  fail "setup"
fi

# 2. The demo, from a file to the server and back.
demo="$work/demo.candour"
"$cli" --db "$demo" demo >/dev/null
if "$cli" --db "$demo" copy "$server" >"$work/out" 2>&1 && grep -q "every table and report reads the same" "$work/out"; then
  pass "demo: file to server"
else
  fail "demo: file to server"; cat "$work/out"
fi
reports demo "$demo" "$server"

back="$work/back.candour"
if "$cli" --db "$server" copy "$back" >"$work/out" 2>&1; then
  pass "demo: server back to a file"
else
  fail "demo: server back to a file"; cat "$work/out"
fi
reports "demo, back again" "$demo" "$back"
"$cli" --db "$demo" export all --output "$work/demo-export" >/dev/null
"$cli" --db "$back" export all --output "$work/back-export" >/dev/null
rm -f "$work/demo-export/audit.csv" "$work/back-export/audit.csv"
if diff -r "$work/demo-export" "$work/back-export" >/dev/null; then
  pass "demo: every record comes back the same"
else
  fail "demo: records differ after the round trip"
  diff -r "$work/demo-export" "$work/back-export" | head -n 20
fi

# 3. Never into a register that holds records.
if "$cli" --db "$demo" copy "$server" >/dev/null 2>"$work/err"; then
  fail "a copy into a register with records is refused"
elif grep -q "already holds records" "$work/err"; then
  pass "a copy into a register with records is refused"
else
  fail "a copy into a register with records: unexpected message"; cat "$work/err"
fi

# 4. People: a viewer reads and is told, in words, that it may not change anything; an
#    editor imports.
viewer="candour_viewer_$$"
editor="candour_editor_$$"
psql -X -q -d "$CANDOUR_TEST_PG" -c "CREATE ROLE $viewer LOGIN" -c "CREATE ROLE $editor LOGIN" >/dev/null
as_login () { echo "$1" | sed "s|user=[^&]*|user=$2|"; }
new_database
"$cli" --db "$server" setup >/dev/null
if "$cli" --db "$server" grant "$viewer" viewer >"$work/out" && grep -q "is now a viewer" "$work/out" &&
   "$cli" --db "$server" grant "$editor" editor >/dev/null; then
  pass "grant"
else
  fail "grant"; cat "$work/out"
fi
# (CSV lines end in CRLF, as spreadsheets expect.)
if "$cli" --db "$(as_login "$server" "$viewer")" people | tr -d '\r' >"$work/out" &&
   grep -qx "$viewer,viewer,yes" "$work/out" && grep -qx "$editor,editor,no" "$work/out" &&
   head -1 "$work/out" | grep -q "login,role,you$"; then
  pass "people: each login's role, and which is you"
else
  fail "people"; cat "$work/out"
fi
mkdir -p "$work/records"
cp "$scenarios/all-statuses/input/"*.csv "$work/records/"
mv "$work/records/payments.csv" "$work/payments.csv"
if "$cli" --db "$(as_login "$server" "$editor")" import "$work/records" >/dev/null 2>"$work/err"; then
  pass "an editor imports records"
else
  fail "an editor imports records"; cat "$work/err"
fi
mkdir -p "$work/payments"
mv "$work/payments.csv" "$work/payments/"
if "$cli" --db "$(as_login "$server" "$editor")" import "$work/payments" >/dev/null 2>"$work/err"; then
  fail "an editor's payments are refused"
elif [ "$(grep -c "but not change it" "$work/err")" = 1 ]; then
  pass "an editor's payments are refused, said once"
else
  fail "an editor's payments: unexpected message"; cat "$work/err"
fi
if "$cli" --db "$(as_login "$server" "$viewer")" reconcile --as-of 2025-06-30 >/dev/null 2>"$work/err"; then
  pass "a viewer reads the findings"
else
  fail "a viewer reads the findings"; cat "$work/err"
fi
if "$cli" --db "$(as_login "$server" "$viewer")" import "$scenarios/shares/input" >/dev/null 2>"$work/err"; then
  fail "a viewer's import is refused"
elif grep -q "You can view the database .* but not change it" "$work/err"; then
  pass "a viewer's import is refused, in words"
else
  fail "a viewer's import: unexpected message"; cat "$work/err"
fi
if "$cli" --db "$server" grant "$viewer" boss >/dev/null 2>"$work/err" || ! grep -q "not one of Candour's roles" "$work/err"; then
  fail "an unknown role is refused"; cat "$work/err"
else
  pass "an unknown role is refused"
fi
for name in $made; do
  psql -X -q -d "$CANDOUR_TEST_PG" -c "DROP DATABASE IF EXISTS $name" >/dev/null 2>&1
done
made=""
psql -X -q -d "$CANDOUR_TEST_PG" -c "DROP ROLE $viewer" -c "DROP ROLE $editor" >/dev/null

# 5. A closed period keeps its payments, on a server as in a file: a finance user closes
#    it, only an admin reopens it.
new_database
"$cli" --db "$server" setup >/dev/null
finance="candour_finance_$$"
admin="candour_admin_$$"
psql -X -q -d "$CANDOUR_TEST_PG" -c "CREATE ROLE $finance LOGIN" -c "CREATE ROLE $admin LOGIN" >/dev/null
"$cli" --db "$server" grant "$finance" finance >/dev/null
"$cli" --db "$server" grant "$admin" admin >/dev/null
"$cli" --db "$server" import "$scenarios/payment-times/input" >/dev/null 2>&1
mkdir -p "$work/late"
printf 'ref,contract_ref,amount,paid_on\nPAY-LATE,%s,100,15/05/2024\n' \
  "$(psql -X -A -t -d "$server" -c "SELECT ref FROM contract ORDER BY id LIMIT 1")" >"$work/late/payments.csv"
if "$cli" --db "$(as_login "$server" "$finance")" close-period 01/04/2024 31/03/2025 >/dev/null 2>"$work/err" &&
   "$cli" --db "$(as_login "$server" "$finance")" periods | grep -q "2024-04-01,2025-03-31"; then
  pass "a finance user closes a financial year"
else
  fail "a finance user closes a financial year"; cat "$work/err"
fi
if "$cli" --db "$(as_login "$server" "$finance")" import "$work/late" >/dev/null 2>"$work/err"; then
  fail "a payment in a closed period is refused"
elif grep -q "dated in a closed period; an admin can reopen the period" "$work/err"; then
  pass "a payment in a closed period is refused, in words"
else
  fail "a payment in a closed period: unexpected message"; cat "$work/err"
fi
if "$cli" --db "$(as_login "$server" "$finance")" reopen-period 01/04/2024 31/03/2025 >/dev/null 2>"$work/err"; then
  fail "a finance user may not reopen"
elif grep -q "but not change it" "$work/err"; then
  pass "a finance user may not reopen"
else
  fail "a finance user reopening: unexpected message"; cat "$work/err"
fi
if "$cli" --db "$(as_login "$server" "$admin")" reopen-period 01/04/2024 31/03/2025 >/dev/null 2>"$work/err" &&
   "$cli" --db "$(as_login "$server" "$finance")" import "$work/late" >/dev/null 2>>"$work/err" &&
   "$cli" --db "$server" history 2024-04-01/2025-03-31 | grep -q "delete,deleted"; then
  pass "an admin reopens it, audited, and the payment goes in"
else
  fail "an admin reopens"; cat "$work/err"
fi
psql -X -q -d "$CANDOUR_TEST_PG" -c "DROP DATABASE IF EXISTS $name" >/dev/null 2>&1
made=$(echo "$made" | sed "s/ $name//")
psql -X -q -d "$CANDOUR_TEST_PG" -c "DROP ROLE $finance" -c "DROP ROLE $admin" >/dev/null

# A client older than the register's schema reads it and changes nothing, saying why.
new_database
"$cli" --db "$server" setup >/dev/null
"$cli" --db "$server" import "$scenarios/shares/input" >/dev/null 2>&1
psql -X -q -d "$server" -c "UPDATE schema_version SET version = 99" >/dev/null
if "$cli" --db "$server" shares >"$work/out" 2>"$work/err" &&
   grep -q "set up by a newer Candour (schema 99; this one knows up to 6), so this one shows it but changes nothing" "$work/err"; then
  pass "a newer register opens read-only, saying why"
else
  fail "a newer register opens read-only"; cat "$work/err"
fi
if "$cli" --db "$server" import "$scenarios/all-statuses/input" >/dev/null 2>"$work/err"; then
  fail "a newer register refuses changes"
elif grep -q "Install the newer Candour to change it. Nothing was changed." "$work/err"; then
  pass "a newer register refuses changes, saying why"
else
  fail "a newer register: unexpected message"; cat "$work/err"
fi
# An older one is brought up to date on opening, by a login that may.
PGOPTIONS="-c client_min_messages=warning" \
  psql -X -q -d "$server" -c "UPDATE schema_version SET version = 4" -c "DROP TABLE closed_period CASCADE" \
  -c "DROP FUNCTION candour_refuse_closed_inserts, candour_refuse_closed_updates, candour_refuse_closed_deletes CASCADE" \
  -c "DROP INDEX payment_by_paid_on, payment_by_amount" >/dev/null
if "$cli" --db "$server" periods >/dev/null 2>"$work/err" &&
   [ "$(psql -X -A -t -d "$server" -c "SELECT version FROM schema_version")" = "6" ] &&
   [ "$(psql -X -A -t -d "$server" -c "SELECT count (*) FROM pg_indexes WHERE indexname IN ('payment_by_paid_on', 'payment_by_amount')")" = "2" ]; then
  pass "an older register is brought up to date"
else
  fail "an older register is brought up to date"; cat "$work/err"
fi

# 6. Two imports at once into one register: both land, nothing doubled.
new_database
"$cli" --db "$server" setup >/dev/null
mkdir -p "$work/first" "$work/second"
printf 'ref,name\nORG-A1,Alpha One\nORG-A2,Alpha Two\n' >"$work/first/organisations.csv"
printf 'ref,name\nORG-B1,Beta One\nORG-B2,Beta Two\n' >"$work/second/organisations.csv"
"$cli" --db "$server" import "$work/first" >"$work/first.out" 2>&1 &
first=$!
"$cli" --db "$server" import "$work/second" >"$work/second.out" 2>&1 &
second=$!
if wait $first && wait $second &&
   [ "$(psql -X -A -t -d "$server" -c "SELECT string_agg (ref, ' ' ORDER BY ref) FROM organisation")" = "ORG-A1 ORG-A2 ORG-B1 ORG-B2" ]; then
  pass "two imports at once both land"
else
  fail "two imports at once"; cat "$work/first.out" "$work/second.out"
fi
# The same file twice at once: one lands, the other is refused whole.
"$cli" --db "$server" import "$work/first" >"$work/again.out" 2>&1
if [ "$(psql -X -A -t -d "$server" -c "SELECT count (*) FROM organisation")" = "4" ] &&
   grep -q "ORG-A1" "$work/again.out"; then
  pass "the same rows again are refused, not doubled"
else
  fail "the same rows again"; cat "$work/again.out"
fi

# An import into an empty database sets its register up first, as it makes a file.
new_database
if "$cli" --db "$server" import "$scenarios/shares/input" >"$work/out" 2>&1 &&
   "$cli" --db "$server" shares >/dev/null 2>&1; then
  pass "an import into an empty database sets it up"
else
  fail "an import into an empty database"; cat "$work/out"
fi

# 7. Every scenario imported on the server gives the expected answers.
for dir in "$scenarios"/*/; do
  name=$(basename "$dir")
  new_database
  if ! "$cli" --db "$server" setup >/dev/null ||
     ! "$cli" --db "$server" import "$dir/input" >"$work/out" 2>&1; then
    fail "$name: import on the server"; cat "$work/out"
    continue
  fi
  while read -r expected args; do
    [ -n "$expected" ] || continue
    # shellcheck disable=SC2086 # ARGS are words by design
    if "$cli" --db "$server" $args >"$work/actual.csv" 2>"$work/stderr" &&
       cmp -s "$work/actual.csv" "$dir/expected/$expected"; then
      pass "$name on the server: $args"
    else
      fail "$name on the server: $args (expected/$expected)"
      cat "$work/stderr"
      diff "$dir/expected/$expected" "$work/actual.csv" | head -n 20
    fi
  done <"$dir/commands"
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
