-- 0005-closed-periods.sql: periods whose payments are final
--
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- A finance user closes a month or a financial year once its books are done: payments
-- dated in it can then no longer be added, changed or removed until an admin reopens
-- it. Closing and reopening are audited like any record.

CREATE TABLE closed_period (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  first_day     TEXT NOT NULL,               -- ISO date: the period's first day
  last_day      TEXT NOT NULL CHECK (last_day >= first_day), -- ISO date: its last day
  UNIQUE (first_day, last_day)
);

CREATE INDEX closed_period_by_day ON closed_period (first_day, last_day);

-- The one rule, in words a person can act on (they reach the person as they are).
CREATE TRIGGER payment_closed_insert BEFORE INSERT ON payment
WHEN EXISTS (SELECT 1 FROM closed_period WHERE NEW.paid_on BETWEEN first_day AND last_day)
BEGIN
  SELECT RAISE (ABORT, 'the payment is dated in a closed period; an admin can reopen the period');
END;

CREATE TRIGGER payment_closed_update BEFORE UPDATE ON payment
WHEN EXISTS (SELECT 1 FROM closed_period WHERE OLD.paid_on BETWEEN first_day AND last_day
                                             OR NEW.paid_on BETWEEN first_day AND last_day)
BEGIN
  SELECT RAISE (ABORT, 'the payment is dated in a closed period; an admin can reopen the period');
END;

CREATE TRIGGER payment_closed_delete BEFORE DELETE ON payment
WHEN EXISTS (SELECT 1 FROM closed_period WHERE OLD.paid_on BETWEEN first_day AND last_day)
BEGIN
  SELECT RAISE (ABORT, 'the payment is dated in a closed period; an admin can reopen the period');
END;

CREATE TRIGGER closed_period_audit_insert AFTER INSERT ON closed_period
BEGIN
  INSERT INTO audit (actor, table_name, record_id, record_ref, action, new_values)
  VALUES (coalesce ((SELECT name FROM audit_writer), 'unknown'), 'closed_period', NEW.id,
          NEW.first_day || '/' || NEW.last_day, 'insert',
          json_object ('first_day', NEW.first_day, 'last_day', NEW.last_day));
END;

CREATE TRIGGER closed_period_audit_update AFTER UPDATE ON closed_period
BEGIN
  INSERT INTO audit (actor, table_name, record_id, record_ref, action, old_values, new_values)
  VALUES (coalesce ((SELECT name FROM audit_writer), 'unknown'), 'closed_period', NEW.id,
          NEW.first_day || '/' || NEW.last_day, 'update',
          json_object ('first_day', OLD.first_day, 'last_day', OLD.last_day),
          json_object ('first_day', NEW.first_day, 'last_day', NEW.last_day));
END;

CREATE TRIGGER closed_period_audit_delete BEFORE DELETE ON closed_period
BEGIN
  INSERT INTO audit (actor, table_name, record_id, record_ref, action, old_values)
  VALUES (coalesce ((SELECT name FROM audit_writer), 'unknown'), 'closed_period', OLD.id,
          OLD.first_day || '/' || OLD.last_day, 'delete',
          json_object ('first_day', OLD.first_day, 'last_day', OLD.last_day));
END;
