-- 0002-audit.sql: the audit trail.
--
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Every insert, update and delete of a business record is recorded here by triggers,
-- so no code path, Candour's or another program's, can change a record unseen. The
-- trail is append-only: triggers refuse to change or remove its rows.
--
-- An insert records no values: the values a record was created with are the old values
-- of its first update, or its current values if it was never updated. An import records
-- one row per file for all the records it inserted (record_id to last_record_id) instead
-- of one per record, so a million-payment import stays fast: it suspends the insert
-- triggers of the table it fills, inside its own transaction.

CREATE TABLE audit (
  id          INTEGER PRIMARY KEY,
  at          TEXT NOT NULL DEFAULT (strftime ('%Y-%m-%dT%H:%M:%fZ', 'now')), -- when, UTC
  actor       TEXT NOT NULL,            -- who: the operating-system user name of the writer
  table_name  TEXT NOT NULL,            -- which table: organisation, bid, payment...
  record_id   INTEGER NOT NULL,         -- the record's id in that table (the first, for an import)
  last_record_id INTEGER,               -- for an import: the last id it inserted; NULL otherwise
  record_ref  TEXT,                     -- the record's ref (bid/partner refs for a named partner, #id for a payment without one)
  action      TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete')),
  old_values  TEXT,                     -- JSON object of the record before an update or delete
  new_values  TEXT                      -- JSON object of the record after an update; for an import, its file and row count
);

CREATE INDEX audit_by_record ON audit (table_name, record_id);
CREATE INDEX audit_by_ref ON audit (record_ref);

CREATE TRIGGER audit_is_append_only_update BEFORE UPDATE ON audit
BEGIN
  SELECT RAISE (ABORT, 'the audit trail cannot be changed');
END;

CREATE TRIGGER audit_is_append_only_delete BEFORE DELETE ON audit
BEGIN
  SELECT RAISE (ABORT, 'the audit trail cannot be changed');
END;

CREATE TRIGGER organisation_audit_insert AFTER INSERT ON organisation
BEGIN
  INSERT INTO audit (actor, table_name, record_id, record_ref, action)
  VALUES (candour_actor (), 'organisation', NEW.id, NEW.ref, 'insert');
END;

CREATE TRIGGER organisation_audit_update AFTER UPDATE ON organisation
BEGIN
  INSERT INTO audit (actor, table_name, record_id, record_ref, action, old_values, new_values)
  VALUES (candour_actor (), 'organisation', NEW.id, NEW.ref, 'update',
          json_object ('ref', OLD.ref, 'name', OLD.name, 'org_id', OLD.org_id, 'kind', OLD.kind, 'annual_income', OLD.annual_income, 'locality', OLD.locality, 'led_by', OLD.led_by, 'notes', OLD.notes),
          json_object ('ref', NEW.ref, 'name', NEW.name, 'org_id', NEW.org_id, 'kind', NEW.kind, 'annual_income', NEW.annual_income, 'locality', NEW.locality, 'led_by', NEW.led_by, 'notes', NEW.notes));
END;

CREATE TRIGGER organisation_audit_delete BEFORE DELETE ON organisation
BEGIN
  INSERT INTO audit (actor, table_name, record_id, record_ref, action, old_values)
  VALUES (candour_actor (), 'organisation', OLD.id, OLD.ref, 'delete',
          json_object ('ref', OLD.ref, 'name', OLD.name, 'org_id', OLD.org_id, 'kind', OLD.kind, 'annual_income', OLD.annual_income, 'locality', OLD.locality, 'led_by', OLD.led_by, 'notes', OLD.notes));
END;

CREATE TRIGGER consortium_audit_insert AFTER INSERT ON consortium
BEGIN
  INSERT INTO audit (actor, table_name, record_id, record_ref, action)
  VALUES (candour_actor (), 'consortium', NEW.id, NEW.ref, 'insert');
END;

CREATE TRIGGER consortium_audit_update AFTER UPDATE ON consortium
BEGIN
  INSERT INTO audit (actor, table_name, record_id, record_ref, action, old_values, new_values)
  VALUES (candour_actor (), 'consortium', NEW.id, NEW.ref, 'update',
          json_object ('ref', OLD.ref, 'name', OLD.name, 'model', OLD.model, 'lead_id', OLD.lead_id, 'agreement', OLD.agreement, 'agreement_on', OLD.agreement_on, 'due_diligence', OLD.due_diligence, 'notes', OLD.notes),
          json_object ('ref', NEW.ref, 'name', NEW.name, 'model', NEW.model, 'lead_id', NEW.lead_id, 'agreement', NEW.agreement, 'agreement_on', NEW.agreement_on, 'due_diligence', NEW.due_diligence, 'notes', NEW.notes));
END;

CREATE TRIGGER consortium_audit_delete BEFORE DELETE ON consortium
BEGIN
  INSERT INTO audit (actor, table_name, record_id, record_ref, action, old_values)
  VALUES (candour_actor (), 'consortium', OLD.id, OLD.ref, 'delete',
          json_object ('ref', OLD.ref, 'name', OLD.name, 'model', OLD.model, 'lead_id', OLD.lead_id, 'agreement', OLD.agreement, 'agreement_on', OLD.agreement_on, 'due_diligence', OLD.due_diligence, 'notes', OLD.notes));
END;

CREATE TRIGGER consortium_member_audit_insert AFTER INSERT ON consortium_member
BEGIN
  INSERT INTO audit (actor, table_name, record_id, record_ref, action)
  VALUES (candour_actor (), 'consortium_member', NEW.id, (SELECT c.ref FROM consortium c WHERE c.id = NEW.consortium_id) || '/' || (SELECT o.ref FROM organisation o WHERE o.id = NEW.member_id), 'insert');
END;

CREATE TRIGGER consortium_member_audit_update AFTER UPDATE ON consortium_member
BEGIN
  INSERT INTO audit (actor, table_name, record_id, record_ref, action, old_values, new_values)
  VALUES (candour_actor (), 'consortium_member', NEW.id, (SELECT c.ref FROM consortium c WHERE c.id = NEW.consortium_id) || '/' || (SELECT o.ref FROM organisation o WHERE o.id = NEW.member_id), 'update',
          json_object ('consortium_id', OLD.consortium_id, 'member_id', OLD.member_id, 'joined_on', OLD.joined_on, 'left_on', OLD.left_on),
          json_object ('consortium_id', NEW.consortium_id, 'member_id', NEW.member_id, 'joined_on', NEW.joined_on, 'left_on', NEW.left_on));
END;

CREATE TRIGGER consortium_member_audit_delete BEFORE DELETE ON consortium_member
BEGIN
  INSERT INTO audit (actor, table_name, record_id, record_ref, action, old_values)
  VALUES (candour_actor (), 'consortium_member', OLD.id, (SELECT c.ref FROM consortium c WHERE c.id = OLD.consortium_id) || '/' || (SELECT o.ref FROM organisation o WHERE o.id = OLD.member_id), 'delete',
          json_object ('consortium_id', OLD.consortium_id, 'member_id', OLD.member_id, 'joined_on', OLD.joined_on, 'left_on', OLD.left_on));
END;

CREATE TRIGGER bid_audit_insert AFTER INSERT ON bid
BEGIN
  INSERT INTO audit (actor, table_name, record_id, record_ref, action)
  VALUES (candour_actor (), 'bid', NEW.id, NEW.ref, 'insert');
END;

CREATE TRIGGER bid_audit_update AFTER UPDATE ON bid
BEGIN
  INSERT INTO audit (actor, table_name, record_id, record_ref, action, old_values, new_values)
  VALUES (candour_actor (), 'bid', NEW.id, NEW.ref, 'update',
          json_object ('ref', OLD.ref, 'title', OLD.title, 'lead_id', OLD.lead_id, 'commissioner_id', OLD.commissioner_id, 'value', OLD.value, 'submitted_on', OLD.submitted_on, 'outcome', OLD.outcome, 'consortium_id', OLD.consortium_id),
          json_object ('ref', NEW.ref, 'title', NEW.title, 'lead_id', NEW.lead_id, 'commissioner_id', NEW.commissioner_id, 'value', NEW.value, 'submitted_on', NEW.submitted_on, 'outcome', NEW.outcome, 'consortium_id', NEW.consortium_id));
END;

CREATE TRIGGER bid_audit_delete BEFORE DELETE ON bid
BEGIN
  INSERT INTO audit (actor, table_name, record_id, record_ref, action, old_values)
  VALUES (candour_actor (), 'bid', OLD.id, OLD.ref, 'delete',
          json_object ('ref', OLD.ref, 'title', OLD.title, 'lead_id', OLD.lead_id, 'commissioner_id', OLD.commissioner_id, 'value', OLD.value, 'submitted_on', OLD.submitted_on, 'outcome', OLD.outcome, 'consortium_id', OLD.consortium_id));
END;

CREATE TRIGGER bid_partner_audit_insert AFTER INSERT ON bid_partner
BEGIN
  INSERT INTO audit (actor, table_name, record_id, record_ref, action)
  VALUES (candour_actor (), 'bid_partner', NEW.id, (SELECT b.ref FROM bid b WHERE b.id = NEW.bid_id) || '/' || (SELECT o.ref FROM organisation o WHERE o.id = NEW.partner_id), 'insert');
END;

CREATE TRIGGER bid_partner_audit_update AFTER UPDATE ON bid_partner
BEGIN
  INSERT INTO audit (actor, table_name, record_id, record_ref, action, old_values, new_values)
  VALUES (candour_actor (), 'bid_partner', NEW.id, (SELECT b.ref FROM bid b WHERE b.id = NEW.bid_id) || '/' || (SELECT o.ref FROM organisation o WHERE o.id = NEW.partner_id), 'update',
          json_object ('bid_id', OLD.bid_id, 'partner_id', OLD.partner_id, 'role', OLD.role, 'promised_value', OLD.promised_value, 'promised_share', OLD.promised_share, 'consent', OLD.consent),
          json_object ('bid_id', NEW.bid_id, 'partner_id', NEW.partner_id, 'role', NEW.role, 'promised_value', NEW.promised_value, 'promised_share', NEW.promised_share, 'consent', NEW.consent));
END;

CREATE TRIGGER bid_partner_audit_delete BEFORE DELETE ON bid_partner
BEGIN
  INSERT INTO audit (actor, table_name, record_id, record_ref, action, old_values)
  VALUES (candour_actor (), 'bid_partner', OLD.id, (SELECT b.ref FROM bid b WHERE b.id = OLD.bid_id) || '/' || (SELECT o.ref FROM organisation o WHERE o.id = OLD.partner_id), 'delete',
          json_object ('bid_id', OLD.bid_id, 'partner_id', OLD.partner_id, 'role', OLD.role, 'promised_value', OLD.promised_value, 'promised_share', OLD.promised_share, 'consent', OLD.consent));
END;

CREATE TRIGGER contract_audit_insert AFTER INSERT ON contract
BEGIN
  INSERT INTO audit (actor, table_name, record_id, record_ref, action)
  VALUES (candour_actor (), 'contract', NEW.id, NEW.ref, 'insert');
END;

CREATE TRIGGER contract_audit_update AFTER UPDATE ON contract
BEGIN
  INSERT INTO audit (actor, table_name, record_id, record_ref, action, old_values, new_values)
  VALUES (candour_actor (), 'contract', NEW.id, NEW.ref, 'update',
          json_object ('ref', OLD.ref, 'bid_id', OLD.bid_id, 'title', OLD.title, 'commissioner_id', OLD.commissioner_id, 'lead_id', OLD.lead_id, 'value', OLD.value, 'start_on', OLD.start_on, 'end_on', OLD.end_on, 'model', OLD.model, 'required_small_share', OLD.required_small_share, 'small_income_limit', OLD.small_income_limit),
          json_object ('ref', NEW.ref, 'bid_id', NEW.bid_id, 'title', NEW.title, 'commissioner_id', NEW.commissioner_id, 'lead_id', NEW.lead_id, 'value', NEW.value, 'start_on', NEW.start_on, 'end_on', NEW.end_on, 'model', NEW.model, 'required_small_share', NEW.required_small_share, 'small_income_limit', NEW.small_income_limit));
END;

CREATE TRIGGER contract_audit_delete BEFORE DELETE ON contract
BEGIN
  INSERT INTO audit (actor, table_name, record_id, record_ref, action, old_values)
  VALUES (candour_actor (), 'contract', OLD.id, OLD.ref, 'delete',
          json_object ('ref', OLD.ref, 'bid_id', OLD.bid_id, 'title', OLD.title, 'commissioner_id', OLD.commissioner_id, 'lead_id', OLD.lead_id, 'value', OLD.value, 'start_on', OLD.start_on, 'end_on', OLD.end_on, 'model', OLD.model, 'required_small_share', OLD.required_small_share, 'small_income_limit', OLD.small_income_limit));
END;

CREATE TRIGGER subcontract_audit_insert AFTER INSERT ON subcontract
BEGIN
  INSERT INTO audit (actor, table_name, record_id, record_ref, action)
  VALUES (candour_actor (), 'subcontract', NEW.id, NEW.ref, 'insert');
END;

CREATE TRIGGER subcontract_audit_update AFTER UPDATE ON subcontract
BEGIN
  INSERT INTO audit (actor, table_name, record_id, record_ref, action, old_values, new_values)
  VALUES (candour_actor (), 'subcontract', NEW.id, NEW.ref, 'update',
          json_object ('ref', OLD.ref, 'contract_id', OLD.contract_id, 'partner_id', OLD.partner_id, 'value', OLD.value, 'start_on', OLD.start_on, 'end_on', OLD.end_on, 'payment_terms_days', OLD.payment_terms_days),
          json_object ('ref', NEW.ref, 'contract_id', NEW.contract_id, 'partner_id', NEW.partner_id, 'value', NEW.value, 'start_on', NEW.start_on, 'end_on', NEW.end_on, 'payment_terms_days', NEW.payment_terms_days));
END;

CREATE TRIGGER subcontract_audit_delete BEFORE DELETE ON subcontract
BEGIN
  INSERT INTO audit (actor, table_name, record_id, record_ref, action, old_values)
  VALUES (candour_actor (), 'subcontract', OLD.id, OLD.ref, 'delete',
          json_object ('ref', OLD.ref, 'contract_id', OLD.contract_id, 'partner_id', OLD.partner_id, 'value', OLD.value, 'start_on', OLD.start_on, 'end_on', OLD.end_on, 'payment_terms_days', OLD.payment_terms_days));
END;

CREATE TRIGGER payment_audit_insert AFTER INSERT ON payment
BEGIN
  INSERT INTO audit (actor, table_name, record_id, record_ref, action)
  VALUES (candour_actor (), 'payment', NEW.id, coalesce (NEW.ref, '#' || NEW.id), 'insert');
END;

CREATE TRIGGER payment_audit_update AFTER UPDATE ON payment
BEGIN
  INSERT INTO audit (actor, table_name, record_id, record_ref, action, old_values, new_values)
  VALUES (candour_actor (), 'payment', NEW.id, coalesce (NEW.ref, '#' || NEW.id), 'update',
          json_object ('ref', OLD.ref, 'contract_id', OLD.contract_id, 'subcontract_id', OLD.subcontract_id, 'amount', OLD.amount, 'paid_on', OLD.paid_on, 'invoiced_on', OLD.invoiced_on),
          json_object ('ref', NEW.ref, 'contract_id', NEW.contract_id, 'subcontract_id', NEW.subcontract_id, 'amount', NEW.amount, 'paid_on', NEW.paid_on, 'invoiced_on', NEW.invoiced_on));
END;

CREATE TRIGGER payment_audit_delete BEFORE DELETE ON payment
BEGIN
  INSERT INTO audit (actor, table_name, record_id, record_ref, action, old_values)
  VALUES (candour_actor (), 'payment', OLD.id, coalesce (OLD.ref, '#' || OLD.id), 'delete',
          json_object ('ref', OLD.ref, 'contract_id', OLD.contract_id, 'subcontract_id', OLD.subcontract_id, 'amount', OLD.amount, 'paid_on', OLD.paid_on, 'invoiced_on', OLD.invoiced_on));
END;
