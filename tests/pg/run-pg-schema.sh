#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The server's schema (sql/pg/0*.sql in order, then roles.sql) on the test cluster named by
# CANDOUR_TEST_PG (build-aux/pg-test-cluster; skipped, exit 77, without one): in a new
# database of its own, its functions give the C engine's answers (pg-reference), the
# audit trail is written by the server with the login as actor and refuses to change,
# each UNIQUE constraint is named for its columns, and the four roles may do what they
# should and no more.
#
# usage: run-pg-schema.sh PG_REFERENCE SQL_DIR CASES_FILE

set -u

if [[ -z ${CANDOUR_TEST_PG:-} ]]; then
  echo "CANDOUR_TEST_PG is not set (no PostgreSQL test cluster): skipped"
  exit 77
fi

reference=$1
sql=$2
cases=$3

psql=$(command -v psql || ls -d /usr/lib/postgresql/*/bin/psql 2>/dev/null | sort -V | tail -n 1)
[[ -n $psql ]] || { echo "no psql"; exit 1; }

work=$(mktemp -d)
suffix=$$
db=candour_schema_test_$suffix
viewer=test_viewer_$suffix
editor=test_editor_$suffix
finance=test_finance_$suffix
admin=test_admin_$suffix
stranger=test_stranger_$suffix
passed=0
failed=0

# CANDOUR_TEST_PG with another database and, if given, another user. The URI is
# postgresql://[AUTHORITY]/DATABASE[?PARAMETERS], as build-aux/pg-test-cluster prints.
uri_for () {
  local database=$1 user=${2:-} base params=
  base=${CANDOUR_TEST_PG%%\?*}
  [[ $CANDOUR_TEST_PG == *\?* ]] && params=${CANDOUR_TEST_PG#*\?}
  base=${base%/*}/$database
  if [[ -n $user ]]; then
    params=$(tr '&' '\n' <<<"$params" | grep -v '^user=' | paste -sd '&')
    params=${params:+$params&}user=$user
  fi
  echo "$base${params:+?$params}"
}

server=$(uri_for postgres)

# sql_as USER SQL...: runs in the test database as USER ("" for the test superuser);
# the answers, one row a line, columns joined by |, NULL as \N.
sql_as () {
  local user=$1
  shift
  local args=()
  for statement in "$@"; do
    args+=(-c "$statement")
  done
  PGCONNECT_TIMEOUT=10 "$psql" -X -q -A -t -v ON_ERROR_STOP=1 -P 'null=\N' \
    -d "$(uri_for "$db" "$user")" "${args[@]}" 2>&1
}

# expect NAME EXPECTED USER SQL...
expect () {
  local name=$1 expected=$2 user=$3
  shift 3
  local actual
  actual=$(sql_as "$user" "$@")
  if [[ $actual == "$expected" ]]; then
    passed=$((passed + 1))
  else
    echo "FAIL: $name"
    diff <(echo "$expected") <(echo "$actual") | head -n 20
    failed=$((failed + 1))
  fi
}

cleanup () {
  "$psql" -X -q -d "$server" -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" \
    -c "DROP ROLE IF EXISTS $viewer, $editor, $finance, $admin, $stranger" >/dev/null 2>&1
  rm -rf "$work"
}
trap cleanup EXIT

# An ICU database whose own order is not byte order: the schema's COLLATE "C" must
# still sort refs as SQLite does.
"$psql" -X -q -v ON_ERROR_STOP=1 -d "$server" \
  -c "CREATE DATABASE $db TEMPLATE template0 ENCODING 'UTF8' LOCALE 'C' LOCALE_PROVIDER icu ICU_LOCALE 'en-GB'" \
  || exit 1

# Loaded as a setup would: the schema in one transaction, then the roles, twice (the
# second time must change nothing and say nothing).
for file in "$sql"/0*.sql "$sql/roles.sql" "$sql/roles.sql"; do
  if ! out=$("$psql" -X -q -v ON_ERROR_STOP=1 -1 -d "$(uri_for "$db")" -f "$file" 2>&1) || [[ -n $out ]]; then
    echo "FAIL: loading $file"
    echo "$out"
    exit 1
  fi
done

"$psql" -X -q -v ON_ERROR_STOP=1 -d "$server" \
  -c "CREATE ROLE $viewer LOGIN IN ROLE candour_viewer" \
  -c "CREATE ROLE $editor LOGIN IN ROLE candour_editor" \
  -c "CREATE ROLE $finance LOGIN IN ROLE candour_finance" \
  -c "CREATE ROLE $admin LOGIN IN ROLE candour_admin" \
  -c "CREATE ROLE $stranger LOGIN" || exit 1

# What a statement fails with: SQLSTATE, constraint (- for none), message.
sql_as "" "CREATE FUNCTION test_failure (statement text) RETURNS text LANGUAGE plpgsql AS \$\$
DECLARE
  state text;
  name text;
  message text;
BEGIN
  EXECUTE statement;
  RETURN 'no error';
EXCEPTION WHEN OTHERS THEN
  GET STACKED DIAGNOSTICS state = RETURNED_SQLSTATE, name = CONSTRAINT_NAME, message = MESSAGE_TEXT;
  RETURN state || ' ' || coalesce (nullif (name, ''), '-') || ' ' || message;
END;
\$\$" >/dev/null

# --- The functions give the C engine's answers ---------------------------------------

# The hand-picked cases, then a sweep of dates: days 00, 01 and 27 to 32 of months 00 to
# 13 across leap and common years, and the 15th of every month of one year in 37.
{
  cat "$cases"
  for year in 0000 0001 0004 0100 0400 1582 1600 1700 1899 1900 1999 2000 2023 2024 2100 2400 9996 9999; do
    for month in 00 01 02 03 04 05 06 07 08 09 10 11 12 13; do
      for day in 00 01 27 28 29 30 31 32; do
        printf 'days\t%s-%s-%s\n' "$year" "$month" "$day"
      done
    done
  done
  for ((year = 1; year <= 9999; year += 37)); do
    for month in 01 02 03 04 05 06 07 08 09 10 11 12; do
      printf 'days\t%04d-%s-15\n' "$year" "$month"
    done
  done
} | awk -F '\t' -v OFS='\t' '{ for (i = NF + 1; i <= 6; i++) $i = "\\N"; print }' >"$work/cases.tsv"

"$reference" <"$work/cases.tsv" >"$work/expected" || { echo "FAIL: pg-reference"; exit 1; }

"$psql" -X -q -A -t -v ON_ERROR_STOP=1 -P 'null=\N' -d "$(uri_for "$db")" >"$work/actual" 2>&1 <<EOF
CREATE TEMP TABLE cases (n serial, name text, a text, b text, c text, d text, e text);
\\copy cases (name, a, b, c, d, e) FROM '$work/cases.tsv'
SELECT CASE name
         WHEN 'days' THEN candour_days (a)::text
         WHEN 'round_mul_div' THEN candour_round_mul_div (a::bigint, b::bigint, c::bigint)::text
         WHEN 'size_band' THEN candour_size_band (a::bigint)
         WHEN 'due' THEN candour_due (a::bigint, b::bigint, c::bigint, d::bigint, e::bigint)::text
         WHEN 'products_less' THEN candour_products_less (a::bigint, b::bigint, c::bigint, d::bigint)::int::text
         WHEN 'matches' THEN candour_matches (a, b)::int::text
       END
FROM cases ORDER BY n;
EOF

if cmp -s "$work/expected" "$work/actual"; then
  passed=$((passed + 1))
else
  echo "FAIL: the SQL functions differ from the C (case, C, server):"
  paste "$work/cases.tsv" "$work/expected" "$work/actual" \
    | awk -F '\t' '$7 != $8' | head -n 30
  failed=$((failed + 1))
fi

# The same few answers written out, as a reader checks them.
expect "day numbers" "719163|1|3652059|30|\N|\N|\N" "" \
  "SELECT candour_days ('1970-01-01'), candour_days ('0001-01-01'), candour_days ('9999-12-31'),
          candour_days ('2025-05-01') - candour_days ('2025-04-01'), candour_days ('2025-02-29'),
          candour_days ('2025-4-1'), candour_days (NULL)"
expect "halves round away from zero" "1|-1|-1|3|-3|0|\N|9223372036854775807" "" \
  "SELECT candour_round_mul_div (1, 1, 2), candour_round_mul_div (-1, 1, 2),
          candour_round_mul_div (1, 1, -2), candour_round_mul_div (5, 1, 2),
          candour_round_mul_div (-5, 1, 2), candour_round_mul_div (1, 1, 3),
          candour_round_mul_div (1, 1, 0), candour_round_mul_div (9223372036854775807, 2, 1)"
expect "size bands at every boundary" \
  "unknown|micro|micro|small|small|medium|medium|large|large|major|major|super_major" "" \
  "SELECT candour_size_band (NULL), candour_size_band (0), candour_size_band (999999),
          candour_size_band (1000000), candour_size_band (9999999), candour_size_band (10000000),
          candour_size_band (99999999), candour_size_band (100000000), candour_size_band (999999999),
          candour_size_band (1000000000), candour_size_band (9999999999), candour_size_band (10000000000)"
expect "what is due" "0|10|500|1000|\N" "" \
  "SELECT candour_due (1000, 100, 199, 30, 129), candour_due (1000, 100, 199, 30, 130),
          candour_due (1000, 100, 199, 30, 179), candour_due (1000, 100, 199, 30, 229),
          candour_due (1000, 100, 199, NULL, 229)"

# --- candour_total ---------------------------------------------------------------------

overflow="a total is beyond what Candour can add up (over £92,000,000,000,000,000); some figures must be mistyped: check the database (candour-cli check lists figures over the ceiling)"
expect "candour_total adds exactly" "3
\N
\N
9223372036854775807
-9223372036854775808" "" \
  "SELECT candour_total (x) FROM (VALUES (1::bigint), (NULL), (2)) AS v (x)" \
  "SELECT candour_total (x) FROM (VALUES (NULL::bigint)) AS v (x)" \
  "SELECT candour_total (x) FROM (VALUES (1::bigint)) AS v (x) WHERE false" \
  "SELECT candour_total (x) FROM (VALUES (9223372036854775807), (9223372036854775807), (-9223372036854775807), (-9223372036854775807), (9223372036854775807)) AS v (x)" \
  "SELECT candour_total (x) FROM (VALUES (-9223372036854775807), (-1)) AS v (x)"
expect "candour_total stops beyond bigint, in the C's words" \
  "22003 - $overflow
22003 - $overflow" "" \
  "SELECT test_failure ('SELECT candour_total (x) FROM (VALUES (9223372036854775807), (1)) AS v (x)')" \
  "SELECT test_failure ('SELECT candour_total (x) FROM (VALUES (-9223372036854775807), (-2)) AS v (x)')"
expect "candour_total per group" "1|5
2|\N" "" \
  "SELECT g, candour_total (x) FROM (VALUES (1, 2::bigint), (1, 3), (2, NULL)) AS v (g, x) GROUP BY g ORDER BY g"

# --- Records, and the audit trail the server writes ----------------------------------

expect "an editor's records, and their audit rows" \
  "1|$editor|organisation|1|\N|ORG-B|insert|\N|\N
2|$editor|organisation|2|\N|ORG-a|insert|\N|\N
3|$editor|organisation|2|\N|ORG-a|update|{\"ref\":\"ORG-a\",\"name\":\"Alpha \\\"Trust\\\" \\\\ é\\n\\u0001\",\"org_id\":null,\"kind\":\"other\",\"annual_income\":null,\"locality\":null,\"led_by\":null,\"notes\":null}|{\"ref\":\"ORG-a\",\"name\":\"Alpha \\\"Trust\\\" \\\\ é\\n\\u0001\",\"org_id\":null,\"kind\":\"charity\",\"annual_income\":500000,\"locality\":null,\"led_by\":null,\"notes\":null}
4|$editor|consortium|1|\N|CON-1|insert|\N|\N
5|$editor|consortium_member|1|\N|CON-1/ORG-B|insert|\N|\N
6|$editor|bid|1|\N|BID-1|insert|\N|\N
7|$editor|bid_partner|1|\N|BID-1/ORG-B|insert|\N|\N
8|$editor|bid_partner|1|\N|BID-1/ORG-B|delete|{\"bid_id\":1,\"partner_id\":1,\"role\":null,\"promised_value\":null,\"promised_share\":2500,\"consent\":\"unknown\"}|\N" \
  "$editor" \
  "INSERT INTO organisation (ref, name) VALUES ('ORG-B', 'Beta')" \
  "INSERT INTO organisation (ref, name) VALUES ('ORG-a', E'Alpha \"Trust\" \\\\ é\\n\\x01')" \
  "SET ROLE candour_editor" \
  "UPDATE organisation SET kind = 'charity', annual_income = 500000 WHERE ref = 'ORG-a'" \
  "INSERT INTO consortium (ref, name, lead_id) VALUES ('CON-1', 'One', 2)" \
  "INSERT INTO consortium_member (consortium_id, member_id, joined_on) VALUES (1, 1, '2024-01-01')" \
  "INSERT INTO bid (ref, title, lead_id, commissioner_id, consortium_id) VALUES ('BID-1', 'Bid', 2, 1, 1)" \
  "INSERT INTO bid_partner (bid_id, partner_id, promised_share) VALUES (1, 1, 2500)" \
  "DELETE FROM bid_partner WHERE id = 1" \
  "SELECT id, actor, table_name, record_id, last_record_id, record_ref, action, old_values, new_values FROM audit ORDER BY id"

expect "refs sort by their bytes, whatever the database's locale" "ORG-B ORG-a|ORG-a ORG-B" "" \
  "SELECT string_agg (ref, ' ' ORDER BY ref), string_agg (ref, ' ' ORDER BY ref COLLATE \"en-GB-x-icu\") FROM organisation"

expect "a payment without a ref is audited as #id; a run of inserts as one row; an import by its file" \
  "1|\N|#1|\N
2|4|\N|{\"rows\":3}
5|5|\N|{\"file\":\"payments \\\"april\\\".csv\",\"rows\":1}
6|8|\N|{\"file\":\"contracts.csv\",\"rows\":3}" \
  "" \
  "INSERT INTO contract (ref, commissioner_id, lead_id, value, start_on, end_on) VALUES ('CTR-1', 1, 2, 100000, '2024-04-01', '2025-03-31')" \
  "INSERT INTO subcontract (ref, contract_id, partner_id, value) VALUES ('SUB-1', 1, 1, 50000)" \
  "INSERT INTO payment (subcontract_id, amount, paid_on) VALUES (1, 100, '2024-05-01')" \
  "INSERT INTO payment (subcontract_id, amount, paid_on) SELECT 1, g, '2024-06-01' FROM generate_series (1, 3) AS g" \
  "BEGIN" \
  "SET LOCAL candour.import_file = 'payments \"april\".csv'" \
  "INSERT INTO payment (subcontract_id, amount, paid_on) VALUES (1, 7, '2024-07-01')" \
  "SET LOCAL candour.import_file = 'contracts.csv'" \
  "INSERT INTO payment (subcontract_id, amount, paid_on) SELECT 1, g, '2024-06-01' FROM generate_series (1, 3) AS g" \
  "COMMIT" \
  "INSERT INTO payment (subcontract_id, amount, paid_on) VALUES (1, 9, '2024-08-01')" \
  "SELECT record_id, last_record_id, record_ref, new_values FROM audit WHERE table_name = 'payment' AND id < (SELECT max (id) FROM audit) ORDER BY id"

expect "after a transaction that named its file, inserts are audited one by one again" "9|\N|#9|\N" "" \
  "SELECT record_id, last_record_id, record_ref, new_values FROM audit WHERE table_name = 'payment' ORDER BY id DESC LIMIT 1"

expect "a consortium removed: its own row first, then its members' (ref unknown once it is gone), then its bids'" \
  "consortium|delete|CON-1
consortium_member|delete|\N
bid|update|BID-1" "" \
  "DELETE FROM consortium WHERE ref = 'CON-1'" \
  "SELECT table_name, action, record_ref FROM audit WHERE id > (SELECT max (id) FROM audit WHERE table_name = 'payment') ORDER BY id"

refusal="23000 audit_is_append_only_update the audit trail cannot be changed
23000 audit_is_append_only_delete the audit trail cannot be changed
23000 audit_is_append_only_truncate the audit trail cannot be changed"
expect "the audit trail refuses to change, even for its owner" "$refusal" "" \
  "SELECT test_failure ('UPDATE audit SET actor = ''someone else''')" \
  "SELECT test_failure ('DELETE FROM audit')" \
  "SELECT test_failure ('TRUNCATE audit')"
expect "nobody else may even try" "42501 - permission denied for table audit
42501 - permission denied for table audit
42501 - permission denied for table audit" "$admin" \
  "SELECT test_failure ('UPDATE audit SET actor = ''someone else''')" \
  "SELECT test_failure ('DELETE FROM audit')" \
  "SELECT test_failure ('TRUNCATE audit')"
expect "only an admin may write to the trail (to copy one in)" "42501 - permission denied for table audit" "$editor" \
  "SELECT test_failure ('INSERT INTO audit (actor, table_name, record_id, action) VALUES (''x'', ''bid'', 1, ''insert'')')"

# --- Every UNIQUE constraint is named for its columns -------------------------------

expect "each UNIQUE violation names its constraint" \
  "23505 organisation_ref_key
23505 consortium_ref_key
23505 consortium_member_consortium_id_member_id_joined_on_key
23505 bid_ref_key
23505 bid_partner_bid_id_partner_id_key
23505 contract_ref_key
23505 contract_bid_id_key
23505 subcontract_ref_key
23505 payment_ref_key
no error
no error" "" \
  "INSERT INTO consortium (ref, name) VALUES ('CON-2', 'Two')" \
  "INSERT INTO consortium_member (consortium_id, member_id, joined_on) VALUES (2, 1, '2024-01-01')" \
  "INSERT INTO bid_partner (bid_id, partner_id) VALUES (1, 1)" \
  "UPDATE contract SET bid_id = 1" \
  "INSERT INTO payment (ref, contract_id, amount, paid_on) VALUES ('PAY-1', 1, 5, '2024-01-01')" \
  "WITH failure AS MATERIALIZED (SELECT n, test_failure (statement) AS text FROM (VALUES
     (1, 'INSERT INTO organisation (ref, name) VALUES (''ORG-B'', ''again'')'),
     (2, 'INSERT INTO consortium (ref, name) VALUES (''CON-2'', ''again'')'),
     (3, 'INSERT INTO consortium_member (consortium_id, member_id, joined_on) VALUES (2, 1, ''2024-01-01'')'),
     (4, 'INSERT INTO bid (ref, title, lead_id, commissioner_id) VALUES (''BID-1'', ''again'', 1, 2)'),
     (5, 'INSERT INTO bid_partner (bid_id, partner_id) VALUES (1, 1)'),
     (6, 'INSERT INTO contract (ref, commissioner_id, lead_id, value, start_on, end_on) VALUES (''CTR-1'', 1, 2, 1, ''2024-01-01'', ''2024-01-01'')'),
     (7, 'INSERT INTO contract (ref, bid_id, commissioner_id, lead_id, value, start_on, end_on) VALUES (''CTR-2'', 1, 1, 2, 1, ''2024-01-01'', ''2024-01-01'')'),
     (8, 'INSERT INTO subcontract (ref, contract_id, partner_id, value) VALUES (''SUB-1'', 1, 1, 1)'),
     (9, 'INSERT INTO payment (ref, contract_id, amount, paid_on) VALUES (''PAY-1'', 1, 5, ''2024-01-01'')'),
     (10, 'INSERT INTO consortium_member (consortium_id, member_id, joined_on) VALUES (2, 2, NULL), (2, 2, NULL)'),
     (11, 'INSERT INTO payment (ref, contract_id, amount, paid_on) VALUES (NULL, 1, 5, ''2024-01-01''), (NULL, 1, 6, ''2024-01-01'')')
     ) AS t (n, statement))
   SELECT split_part (text, ' ', 1) || ' ' || split_part (text, ' ', 2) FROM failure ORDER BY n"

expect "CHECK and FOREIGN KEY constraints keep PostgreSQL's names" \
  "23514 organisation_kind_check
23514 payment_check
23514 bid_partner_check
23514 contract_end_on_check
23514 consortium_member_left_on_check
23503 contract_bid_id_fkey
23503 payment_subcontract_id_fkey" "" \
  "WITH failure AS MATERIALIZED (SELECT n, test_failure (statement) AS text FROM (VALUES
     (1, 'INSERT INTO organisation (ref, name, kind) VALUES (''ORG-K'', ''k'', ''Charity'')'),
     (2, 'INSERT INTO payment (amount, paid_on) VALUES (5, ''2024-01-01'')'),
     (3, 'INSERT INTO bid_partner (bid_id, partner_id, promised_value, promised_share) VALUES (1, 2, 5, 5)'),
     (4, 'UPDATE contract SET end_on = ''2024-03-31'''),
     (5, 'INSERT INTO consortium_member (consortium_id, member_id, joined_on, left_on) VALUES (2, 1, ''2024-02-01'', ''2024-01-31'')'),
     (6, 'DELETE FROM bid WHERE ref = ''BID-1'''),
     (7, 'INSERT INTO payment (subcontract_id, amount, paid_on) VALUES (99, 5, ''2024-01-01'')')
     ) AS t (n, statement))
   SELECT split_part (text, ' ', 1) || ' ' || split_part (text, ' ', 2) FROM failure ORDER BY n"

# --- Roles ----------------------------------------------------------------------------

expect "a viewer reads, and changes nothing" "2
42501 - permission denied for table organisation
42501 - permission denied for table payment" "$viewer" \
  "SELECT count (*) FROM organisation" \
  "SELECT test_failure ('INSERT INTO organisation (ref, name) VALUES (''ORG-V'', ''v'')')" \
  "SELECT test_failure ('DELETE FROM payment')"
expect "an editor changes records but not payments" "no error
42501 - permission denied for table payment" "$editor" \
  "SELECT test_failure ('UPDATE bid SET title = ''Renamed'' WHERE ref = ''BID-1''')" \
  "SELECT test_failure ('INSERT INTO payment (contract_id, amount, paid_on) VALUES (1, 5, ''2024-01-01'')')"
expect "a finance user changes payments but not records" "no error
42501 - permission denied for table bid
$finance" "$finance" \
  "SELECT test_failure ('INSERT INTO payment (contract_id, amount, paid_on) VALUES (1, 5, ''2024-01-01'')')" \
  "SELECT test_failure ('UPDATE bid SET title = ''Renamed again''')" \
  "SELECT actor FROM audit ORDER BY id DESC LIMIT 1"
expect "nobody may truncate records past the audit trail" "42501 - permission denied for table payment" "$admin" \
  "SELECT test_failure ('TRUNCATE payment')"
expect "an admin changes both, copies in ids and history, and makes others editors" "no error
no error
no error
no error
1" "$admin" \
  "SELECT test_failure ('INSERT INTO organisation (id, ref, name) VALUES (100, ''ORG-C'', ''Copied'')')" \
  "SELECT test_failure ('INSERT INTO audit (at, actor, table_name, record_id, action) VALUES (''2020-01-01T00:00:00.000Z'', ''someone'', ''organisation'', 150, ''delete'')')" \
  "SELECT test_failure ('DELETE FROM payment WHERE amount = 5')" \
  "SELECT test_failure ('GRANT candour_editor TO $stranger')" \
  "SELECT count (*) FROM audit WHERE actor = 'someone' AND at = '2020-01-01T00:00:00.000Z'"
expect "after a copy, keys start past every id the table or its audit trail has seen" "151
$admin" "$admin" \
  "DO \$\$ BEGIN PERFORM candour_reset_keys (); END \$\$" \
  "INSERT INTO organisation (ref, name) VALUES ('ORG-N', 'New') RETURNING id" \
  "SELECT actor FROM audit ORDER BY id DESC LIMIT 1"
expect "only an admin resets keys" "42501 - permission denied for function candour_reset_keys" "$editor" \
  "SELECT test_failure ('SELECT candour_reset_keys ()')"

"$psql" -X -q -d "$server" -c "REVOKE candour_editor FROM $stranger" >/dev/null
if out=$(PGCONNECT_TIMEOUT=10 "$psql" -X -q -d "$(uri_for "$db" "$stranger")" -c "SELECT 1" 2>&1); then
  echo "FAIL: a login without a Candour role connected"
  failed=$((failed + 1))
elif [[ $out != *"permission denied for database"* ]]; then
  echo "FAIL: a login without a Candour role: $out"
  failed=$((failed + 1))
else
  passed=$((passed + 1))
fi

# --- Which schema this is ---------------------------------------------------------------

expect "schema_version holds Candour's application id and version 6" "1130458724|6" "$viewer" \
  "SELECT application_id, version FROM schema_version"

echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
