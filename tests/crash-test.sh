#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Power-cut test: starts `candour-cli import` of a large payments file and kills it
# with SIGKILL at a random moment, COUNT times. After each kill `candour-cli check` must
# pass and the database must hold either none of the import or all of it. The same for
# the first import into a new database, which goes through a rollback journal.
#
# With CRASH_WRITER, also kills a program saving records the way the application's
# forms do (one transaction per record), COUNT times: each record is whole or absent,
# and the audit trail agrees with the records.
#
# usage: crash-test.sh CANDOUR_CLI COUNT [PAYMENTS [CRASH_WRITER]]

set -u
cli=$1
count=${2:-5}
payments=${3:-200000}
writer=${4:-}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 "$(dirname "$0")/make-payments-area.py" "$work" "$payments"

"$cli" --db "$work/base.db" import "$work/base" >/dev/null || { echo "could not build the base database"; exit 1; }

# How long a whole import takes, to spread the kills across it.
cp "$work/base.db" "$work/timing.db"
start=$(date +%s%N)
"$cli" --db "$work/timing.db" import "$work/payments" >/dev/null || { echo "the import itself failed"; exit 1; }
duration_ms=$(( ($(date +%s%N) - start) / 1000000 ))
echo "an uninterrupted import of $payments payments takes ${duration_ms} ms"

passed=0
failed=0
none=0
all=0
for run in $(seq 1 "$count"); do
  db="$work/run.db"
  rm -f "$db" "$db-wal" "$db-shm"
  cp "$work/base.db" "$db"
  # Some kills land after the commit too: that outcome must hold all of the import.
  delay_ms=$(( (RANDOM * 32768 + RANDOM) % (duration_ms * 5 / 4 + 1) ))
  "$cli" --db "$db" import "$work/payments" >/dev/null 2>&1 &
  pid=$!
  sleep "$(( delay_ms / 1000 )).$(printf '%03d' $(( delay_ms % 1000 )))"
  kill -KILL "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null

  if ! "$cli" --db "$db" check >"$work/check.out" 2>&1; then
    echo "FAIL run $run (killed after ${delay_ms} ms): check failed"
    cat "$work/check.out"
    failed=$((failed + 1))
    continue
  fi
  held=$(sqlite3 "$db" "SELECT count(*) FROM payment")
  if [ "$held" -eq 0 ]; then
    none=$((none + 1))
  elif [ "$held" -eq "$payments" ]; then
    all=$((all + 1))
  else
    echo "FAIL run $run (killed after ${delay_ms} ms): $held of $payments payments survived"
    failed=$((failed + 1))
    continue
  fi
  passed=$((passed + 1))
done

echo "killed $count imports: $none left nothing, $all had finished; none left part of the import"

# The first import into a new database goes through a rollback journal instead of the
# write-ahead log: killed, it must be as all or nothing; and so must the making of the
# file, which the early kills land in.
first="$work/first.db"
rm -f "$first" "$first-journal"
start=$(date +%s%N)
"$cli" --db "$first" import "$work/base" "$work/payments" >/dev/null || { echo "the first import itself failed"; exit 1; }
first_ms=$(( ($(date +%s%N) - start) / 1000000 ))
none=0
all=0
for run in $(seq 1 "$count"); do
  rm -f "$first" "$first-wal" "$first-shm" "$first-journal"
  delay_ms=$(( (RANDOM * 32768 + RANDOM) % (first_ms * 5 / 4 + 1) ))
  "$cli" --db "$first" import "$work/base" "$work/payments" >/dev/null 2>&1 &
  pid=$!
  sleep "$(( delay_ms / 1000 )).$(printf '%03d' $(( delay_ms % 1000 )))"
  kill -KILL "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null

  # Killed before the file was made, there is nothing to check.
  [ -e "$first" ] || { none=$((none + 1)); passed=$((passed + 1)); continue; }
  if ! "$cli" --db "$first" check >"$work/check.out" 2>&1; then
    echo "FAIL first import, run $run (killed after ${delay_ms} ms): check failed"
    cat "$work/check.out"
    failed=$((failed + 1))
    continue
  fi
  held=$(sqlite3 "$first" "SELECT count(*) FROM payment")
  if [ "$held" -eq 0 ] && [ "$(sqlite3 "$first" "SELECT count(*) FROM organisation")" -eq 0 ]; then
    none=$((none + 1))
  elif [ "$held" -eq "$payments" ]; then
    all=$((all + 1))
  else
    echo "FAIL first import, run $run (killed after ${delay_ms} ms): $held of $payments payments survived"
    failed=$((failed + 1))
    continue
  fi
  passed=$((passed + 1))
done
echo "killed $count first imports into a new database: $none left nothing, $all had finished"

if [ -n "$writer" ]; then
  for run in $(seq 1 "$count"); do
    db="$work/forms.db"
    rm -f "$db" "$db-wal" "$db-shm"
    cp "$work/base.db" "$db"
    "$writer" "$db" >"$work/writer.out" 2>&1 &
    pid=$!
    # Let it start saving, then kill it somewhere in its stream of transactions.
    for _ in $(seq 1 100); do grep -q saving "$work/writer.out" && break; sleep 0.02; done
    delay_ms=$(( RANDOM % 400 ))
    sleep "0.$(printf '%03d' "$delay_ms")"
    kill -KILL "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null

    if ! "$cli" --db "$db" check >"$work/check.out" 2>&1; then
      echo "FAIL form run $run: check failed"
      cat "$work/check.out"
      failed=$((failed + 1))
      continue
    fi
    # Payments saved, updates of the organisation saved, and their audit rows.
    read -r saved notes audited_inserts audited_updates < <(sqlite3 -separator ' ' "$db" "
      SELECT (SELECT count(*) FROM payment WHERE ref LIKE 'FORM-%'),
             coalesce ((SELECT CAST (substr (notes, 7) AS INTEGER) FROM organisation WHERE id = 1
                        AND notes LIKE 'saved %'), 0),
             (SELECT count(*) FROM audit WHERE table_name = 'payment' AND record_ref LIKE 'FORM-%'),
             (SELECT count(*) FROM audit WHERE table_name = 'organisation' AND action = 'update')")
    if [ "$saved" -ge 1 ] && [ "$audited_inserts" -eq "$saved" ] && [ "$audited_updates" -eq "$notes" ] &&
       { [ "$notes" -eq "$saved" ] || [ "$notes" -eq $((saved - 1)) ]; }; then
      passed=$((passed + 1))
    else
      echo "FAIL form run $run: $saved payments, notes say $notes, audit $audited_inserts inserts and $audited_updates updates"
      failed=$((failed + 1))
    fi
  done
  echo "killed $count form-saving runs: every record whole, the audit trail in step with the records"
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
