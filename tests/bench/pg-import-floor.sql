-- pg-import-floor.sql: where a server's import of the payments spends its time
--
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- A figure for build-aux/bench, not a test. Run by psql on a register that holds the
-- payments (an import of a generated folder):
--   psql -X -q -A -F '	' -t -f pg-import-floor.sql URI
-- Each step puts every payment, read from the register's own table, into a new table
-- with one more of the things Candour's payment table has, and prints how long that
-- took. Nothing is kept: it all happens in one transaction, rolled back at the end.
-- What it shows is the floor under any import into this schema: storing the rows with
-- the two keys that keep records distinct (the id, the unique ref) before a single
-- check, and what each index and reference adds to that.

BEGIN;

CREATE TEMPORARY TABLE floor_step (step int, what text, seconds numeric);

CREATE FUNCTION pg_temp.timed (step int, what text, statement text)
RETURNS void
LANGUAGE plpgsql
AS $$
DECLARE
  started timestamptz := clock_timestamp ();
BEGIN
  EXECUTE statement;
  INSERT INTO floor_step VALUES (step, what, extract (epoch FROM clock_timestamp () - started));
END;
$$;

-- The rows, read once into memory's reach before anything is timed.
SELECT count (*) FROM payment \g /dev/null

CREATE TABLE floor_untyped (id text, ref text, contract_id text, subcontract_id text,
                            amount text, paid_on text, invoiced_on text);
CREATE TABLE floor_typed (LIKE payment INCLUDING DEFAULTS INCLUDING CONSTRAINTS);
CREATE TABLE floor_keys (LIKE payment INCLUDING DEFAULTS INCLUDING CONSTRAINTS);
ALTER TABLE floor_keys ADD PRIMARY KEY (id), ADD UNIQUE (ref);
CREATE TABLE floor_indexes (LIKE payment INCLUDING ALL);
CREATE TABLE floor_references (LIKE payment INCLUDING ALL);
ALTER TABLE floor_references
  ADD FOREIGN KEY (contract_id) REFERENCES contract (id),
  ADD FOREIGN KEY (subcontract_id) REFERENCES subcontract (id);

SELECT pg_temp.timed (1, 'the rows as untyped text, no key',
                      'INSERT INTO floor_untyped SELECT * FROM payment ORDER BY id') \g /dev/null
SELECT pg_temp.timed (2, 'the rows typed and checked, no key',
                      'INSERT INTO floor_typed SELECT * FROM payment ORDER BY id') \g /dev/null
SELECT pg_temp.timed (3, '+ the id and the unique ref',
                      'INSERT INTO floor_keys SELECT * FROM payment ORDER BY id') \g /dev/null
SELECT pg_temp.timed (4, '+ the four other indexes',
                      'INSERT INTO floor_indexes SELECT * FROM payment ORDER BY id') \g /dev/null
SELECT pg_temp.timed (5, '+ the references checked',
                      'INSERT INTO floor_references SELECT * FROM payment ORDER BY id') \g /dev/null

SELECT step, what, round (seconds, 3) FROM floor_step ORDER BY step;

ROLLBACK;
