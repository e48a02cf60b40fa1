-- pg/roles.sql: the four Candour roles, and what each may do in this database.
--
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Run it after the schema (sql/pg/0001-schema.sql) and again after every migration, as
-- a superuser or as the tables' owner if it may create roles; it can run any number of
-- times.
-- The roles are group roles (NOLOGIN) of the whole server: a person logs in as their
-- own login role and is made a member of one of them
-- (GRANT candour_editor TO alice).
--
--   candour_viewer   reads everything, the audit trail included
--   candour_editor   a viewer who adds, changes and removes the records, except payments
--   candour_finance  a viewer who adds, changes and removes payments
--   candour_admin    an editor and finance user who makes others viewers, editors or
--                    finance users, and may copy a whole database in (its ids and its
--                    audit trail)
--
-- Nobody is given TRUNCATE: it would remove records without their audit rows. Nobody
-- may change the audit trail (its triggers refuse, whoever asks). Migrations change
-- tables, which only their owner may do, and the owner could also drop the triggers
-- that guard the trail: so the owner is a login of its own, used for set-up and
-- migrations only, and candour_admin does not own the tables (docs/server.md).

DO $$
DECLARE
  group_role text;
BEGIN
  FOREACH group_role IN ARRAY ARRAY['candour_viewer', 'candour_editor', 'candour_finance', 'candour_admin']
  LOOP
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = group_role) THEN
      BEGIN
        EXECUTE format ('CREATE ROLE %I NOLOGIN', group_role);
      EXCEPTION WHEN duplicate_object OR unique_violation THEN
        NULL;                   -- made by another session meanwhile
      END;
    END IF;
  END LOOP;
END;
$$;

-- Memberships, granted only when missing, so that running again says nothing.
DO $$
DECLARE
  grant_row record;
BEGIN
  FOR grant_row IN
    SELECT * FROM (VALUES ('candour_viewer', 'candour_editor', false),
                          ('candour_viewer', 'candour_finance', false),
                          ('candour_viewer', 'candour_admin', true),
                          ('candour_editor', 'candour_admin', true),
                          ('candour_finance', 'candour_admin', true)) AS g (group_role, member, admin)
  LOOP
    IF NOT EXISTS (SELECT FROM pg_auth_members m
                   JOIN pg_roles g ON g.oid = m.roleid
                   JOIN pg_roles r ON r.oid = m.member
                   WHERE g.rolname = grant_row.group_role AND r.rolname = grant_row.member
                     AND (m.admin_option OR NOT grant_row.admin)) THEN
      EXECUTE format ('GRANT %I TO %I', grant_row.group_role, grant_row.member)
              || CASE WHEN grant_row.admin THEN ' WITH ADMIN OPTION' ELSE '' END;
    END IF;
  END LOOP;
END;
$$;

-- Only Candour's roles may connect; editors and finance users may make temporary
-- tables (an import stages its rows in one).
DO $$
BEGIN
  EXECUTE format ('REVOKE CONNECT, TEMPORARY ON DATABASE %I FROM PUBLIC', current_database ());
  EXECUTE format ('GRANT CONNECT ON DATABASE %I TO candour_viewer', current_database ());
  EXECUTE format ('GRANT TEMPORARY ON DATABASE %I TO candour_editor, candour_finance', current_database ());
END;
$$;

REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO candour_viewer;

GRANT SELECT ON ALL TABLES IN SCHEMA public TO candour_viewer;

GRANT INSERT, UPDATE, DELETE
  ON organisation, consortium, consortium_member, bid, bid_partner, contract, subcontract
  TO candour_editor;

GRANT INSERT, UPDATE, DELETE ON payment TO candour_finance;

-- Copying a database in keeps its ids and its audit trail.
GRANT INSERT ON audit, backup TO candour_admin;
GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO candour_admin;
REVOKE EXECUTE ON FUNCTION candour_reset_keys () FROM PUBLIC;
GRANT EXECUTE ON FUNCTION candour_reset_keys () TO candour_admin;

-- Closed periods: finance users close them, only an admin reopens one.
GRANT INSERT ON closed_period TO candour_finance;
GRANT DELETE ON closed_period TO candour_admin;
