-- pg/notify.sql: the server tells every Candour connected to it that something changed.
--
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Run after the schema and again after every migration, like roles.sql; it can run any
-- number of times.
--
-- Every change to a record writes to the audit trail (0001-schema.sql), so one
-- statement trigger there is enough: whatever statement wrote audit rows sends one
-- notification on the channel candour_changes. PostgreSQL delivers it when the
-- transaction commits, folds a transaction's notifications into one, and sends nothing
-- for a transaction rolled back. The notification carries no record: each Candour reads
-- what changed from the audit rows after the last one it has seen, so a notification
-- missed while a connection was lost loses nothing.

CREATE OR REPLACE FUNCTION candour_notify_change ()
RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
  PERFORM pg_notify ('candour_changes', '');
  RETURN NULL;
END;
$$;

DROP TRIGGER IF EXISTS audit_notifies ON audit;
CREATE TRIGGER audit_notifies AFTER INSERT ON audit
  FOR EACH STATEMENT EXECUTE FUNCTION candour_notify_change ();
