/* candour-record-query.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "candour-record-query.h"
#include "candour-rules.h"

static const char * const find_sql[CANDOUR_N_TABLES] = {
  "SELECT id FROM organisation WHERE ref = :ref",
  "SELECT id FROM consortium WHERE ref = :ref",
  NULL,
  "SELECT id FROM bid WHERE ref = :ref",
  NULL,
  "SELECT id FROM contract WHERE ref = :ref",
  "SELECT id FROM subcontract WHERE ref = :ref",
  "SELECT id FROM payment WHERE ref = :ref",
};

gint64
candour_record_find_id (CandourDatabase  *db,
                        CandourTable      table,
                        const char       *ref,
                        GError          **error)
{
  CandourQuery *query;
  gint64 id = 0;

  g_return_val_if_fail (CANDOUR_IS_DATABASE (db), 0);
  g_return_val_if_fail (table < CANDOUR_N_TABLES, 0);
  g_return_val_if_fail (ref != NULL, 0);

  if (find_sql[table] == NULL)
    return 0;

  query = candour_database_query (db, find_sql[table], error);
  if (query == NULL)
    return 0;
  candour_query_bind_text (query, ":ref", ref);
  if (candour_query_step (query, error) == CANDOUR_QUERY_ROW)
    {
      id = candour_query_get_int64 (query, "id");
      candour_query_reset (query);
    }
  return id;
}

static const char * const describe_sql[CANDOUR_N_TABLES] = {
  "SELECT name || ' (' || ref || ')' AS label FROM organisation WHERE id = :id",
  "SELECT name || ' (' || ref || ')' AS label FROM consortium WHERE id = :id",
  "SELECT o.name || ' in ' || c.ref AS label FROM consortium_member m JOIN organisation o ON o.id = m.member_id "
  "JOIN consortium c ON c.id = m.consortium_id WHERE m.id = :id",
  "SELECT title || ' (' || ref || ')' AS label FROM bid WHERE id = :id",
  "SELECT o.name || ' in ' || b.ref AS label FROM bid_partner p JOIN organisation o ON o.id = p.partner_id "
  "JOIN bid b ON b.id = p.bid_id WHERE p.id = :id",
  "SELECT CASE WHEN coalesce (title, '') = '' THEN ref ELSE title || ' (' || ref || ')' END AS label "
  "FROM contract WHERE id = :id",
  "SELECT ref AS label FROM subcontract WHERE id = :id",
  "SELECT coalesce (ref, '#' || id) AS label FROM payment WHERE id = :id",
};

char *
candour_record_describe (CandourDatabase *db,
                         CandourTable     table,
                         gint64           id)
{
  CandourQuery *query;
  char *text = NULL;

  g_return_val_if_fail (CANDOUR_IS_DATABASE (db), NULL);
  g_return_val_if_fail (table < CANDOUR_N_TABLES, NULL);

  query = candour_database_query (db, describe_sql[table], NULL);
  if (query == NULL)
    return NULL;
  candour_query_bind_int64 (query, ":id", id);
  if (candour_query_step (query, NULL) == CANDOUR_QUERY_ROW)
    {
      text = candour_query_dup_text (query, "label");
      candour_query_reset (query);
    }
  return text;
}

static const CandourReportColumn choice_columns[] = {
  { "ref", CANDOUR_CELL_TEXT },
  { "label", CANDOUR_CELL_TEXT },
};

/* Each table's choices: the SELECT and FROM, what a search looks in, and the order. */
#define ORGANISATION_CHOICES "SELECT ref, name FROM organisation"
#define ORGANISATION_ORDER   " ORDER BY name COLLATE NOCASE, ref"
#define CONSORTIUM_CHOICES   "SELECT ref, name FROM consortium"
#define CONSORTIUM_ORDER     " ORDER BY name COLLATE NOCASE, ref"
#define BID_CHOICES          "SELECT ref, title FROM bid"
#define BID_ORDER            " ORDER BY ref"
#define CONTRACT_CHOICES     "SELECT ref, coalesce (title, '') FROM contract"
#define CONTRACT_ORDER       " ORDER BY ref"
#define SUBCONTRACT_CHOICES  "SELECT s.ref, o.name || ' under ' || c.ref FROM subcontract s\n" \
                             "JOIN organisation o ON o.id = s.partner_id JOIN contract c ON c.id = s.contract_id"
#define SUBCONTRACT_ORDER    " ORDER BY s.ref"
#define SEARCH(where)        " WHERE candour_matches (" where ", :text)"

static const struct
{
  const char *all;
  const char *one;
  const char *search;
} choices_sql[CANDOUR_N_TABLES] = {
  [CANDOUR_TABLE_ORGANISATIONS] = {
    ORGANISATION_CHOICES ORGANISATION_ORDER,
    ORGANISATION_CHOICES " WHERE ref = :ref",
    ORGANISATION_CHOICES SEARCH ("name || ' ' || ref") ORGANISATION_ORDER " LIMIT :limit",
  },
  [CANDOUR_TABLE_CONSORTIA] = {
    CONSORTIUM_CHOICES CONSORTIUM_ORDER,
    CONSORTIUM_CHOICES " WHERE ref = :ref",
    CONSORTIUM_CHOICES SEARCH ("name || ' ' || ref") CONSORTIUM_ORDER " LIMIT :limit",
  },
  [CANDOUR_TABLE_BIDS] = {
    BID_CHOICES BID_ORDER,
    BID_CHOICES " WHERE ref = :ref",
    BID_CHOICES SEARCH ("title || ' ' || ref") BID_ORDER " LIMIT :limit",
  },
  [CANDOUR_TABLE_CONTRACTS] = {
    CONTRACT_CHOICES CONTRACT_ORDER,
    CONTRACT_CHOICES " WHERE ref = :ref",
    CONTRACT_CHOICES SEARCH ("coalesce (title, '') || ' ' || ref") CONTRACT_ORDER " LIMIT :limit",
  },
  [CANDOUR_TABLE_SUBCONTRACTS] = {
    SUBCONTRACT_CHOICES SUBCONTRACT_ORDER,
    SUBCONTRACT_CHOICES " WHERE s.ref = :ref",
    SUBCONTRACT_CHOICES SEARCH ("o.name || ' ' || s.ref || ' ' || c.ref") SUBCONTRACT_ORDER " LIMIT :limit",
  },
};

CandourReport *
candour_report_ref_choices (CandourDatabase  *db,
                            CandourTable      table,
                            GError          **error)
{
  g_return_val_if_fail (table < CANDOUR_N_TABLES, NULL);
  g_return_val_if_fail (choices_sql[table].all != NULL, NULL);

  return candour_report_new (db, choices_sql[table].all, choice_columns, G_N_ELEMENTS (choice_columns), error);
}

CandourReport *
candour_report_ref_choice (CandourDatabase  *db,
                           CandourTable      table,
                           const char       *ref,
                           GError          **error)
{
  CandourReport *report;

  g_return_val_if_fail (table < CANDOUR_N_TABLES, NULL);
  g_return_val_if_fail (choices_sql[table].one != NULL, NULL);

  report = candour_report_new (db, choices_sql[table].one, choice_columns, G_N_ELEMENTS (choice_columns), error);
  if (report != NULL)
    candour_query_bind_text (candour_report_get_query (report), ":ref", ref != NULL ? ref : "");
  return report;
}

CandourReport *
candour_report_ref_search (CandourDatabase  *db,
                           CandourTable      table,
                           const char       *text,
                           guint             limit,
                           GError          **error)
{
  CandourReport *report;

  g_return_val_if_fail (table < CANDOUR_N_TABLES, NULL);
  g_return_val_if_fail (choices_sql[table].search != NULL, NULL);

  report = candour_report_new (db, choices_sql[table].search, choice_columns, G_N_ELEMENTS (choice_columns),
                               error);
  if (report != NULL)
    {
      candour_query_bind_text (candour_report_get_query (report), ":text", text != NULL ? text : "");
      candour_query_bind_int64 (candour_report_get_query (report), ":limit", limit);
    }
  return report;
}

static CandourReport *
report_for_id (CandourDatabase            *db,
               const char                 *sql,
               const CandourReportColumn  *columns,
               guint                       n_columns,
               gint64                      id,
               GError                    **error)
{
  CandourReport *report = candour_report_new (db, sql, columns, n_columns, error);

  if (report != NULL)
    candour_query_bind_int64 (candour_report_get_query (report), ":id", id);
  return report;
}

static const char bid_partners_sql[] =
  "SELECT p.id, o.ref, o.name, p.role, p.promised_value, p.promised_share, p.consent\n"
  "FROM bid_partner p JOIN organisation o ON o.id = p.partner_id\n"
  "WHERE p.bid_id = :id\n"
  "ORDER BY o.name COLLATE NOCASE, o.ref";

static const CandourReportColumn bid_partner_columns[] = {
  { "id", CANDOUR_CELL_COUNT },
  { "partner_ref", CANDOUR_CELL_TEXT },
  { "partner_name", CANDOUR_CELL_TEXT },
  { "role", CANDOUR_CELL_TEXT },
  { "promised_value", CANDOUR_CELL_MONEY },
  { "promised_share", CANDOUR_CELL_PERCENT_EXACT },
  { "consent", CANDOUR_CELL_KEYWORD },
};

CandourReport *
candour_report_bid_partners (CandourDatabase  *db,
                             gint64            bid_id,
                             GError          **error)
{
  return report_for_id (db, bid_partners_sql, bid_partner_columns, G_N_ELEMENTS (bid_partner_columns),
                        bid_id, error);
}

static const char contract_of_bid_sql[] = "SELECT ref FROM contract WHERE bid_id = :id";

char *
candour_record_contract_of_bid (CandourDatabase *db,
                                gint64           bid_id)
{
  CandourQuery *query;
  char *ref = NULL;

  g_return_val_if_fail (CANDOUR_IS_DATABASE (db), NULL);

  query = candour_database_query (db, contract_of_bid_sql, NULL);
  if (query == NULL)
    return NULL;
  candour_query_bind_int64 (query, ":id", bid_id);
  if (candour_query_step (query, NULL) == CANDOUR_QUERY_ROW)
    {
      ref = candour_query_dup_text (query, "ref");
      candour_query_reset (query);
    }
  return ref;
}

static const char contract_parties_sql[] =
  "SELECT c.ref, c.title, commissioner.ref, commissioner.name, lead.ref, lead.name, c.value,\n"
  "       c.required_small_share, c.small_income_limit\n"
  "FROM contract c\n"
  "JOIN organisation commissioner ON commissioner.id = c.commissioner_id\n"
  "JOIN organisation lead ON lead.id = c.lead_id\n"
  "WHERE c.id = :id";

static const CandourReportColumn contract_party_columns[] = {
  { "ref", CANDOUR_CELL_TEXT },
  { "title", CANDOUR_CELL_TEXT },
  { "commissioner_ref", CANDOUR_CELL_TEXT },
  { "commissioner_name", CANDOUR_CELL_TEXT },
  { "lead_ref", CANDOUR_CELL_TEXT },
  { "lead_name", CANDOUR_CELL_TEXT },
  { "value", CANDOUR_CELL_MONEY },
  { "required_small_share", CANDOUR_CELL_PERCENT_EXACT },
  { "small_income_limit", CANDOUR_CELL_MONEY },
};

CandourReport *
candour_report_contract_parties (CandourDatabase  *db,
                                 gint64            contract_id,
                                 GError          **error)
{
  return report_for_id (db, contract_parties_sql, contract_party_columns,
                        G_N_ELEMENTS (contract_party_columns), contract_id, error);
}

/* A contract's subcontracts, for its window and for its evidence spreadsheet. */
#define CONTRACT_SUBCONTRACTS_FROM \
  "FROM subcontract s\n" \
  "JOIN contract c ON c.id = s.contract_id\n" \
  "JOIN organisation o ON o.id = s.partner_id\n" \
  "WHERE s.contract_id = :id\n" \
  "ORDER BY coalesce (s.start_on, c.start_on), s.ref"
#define SUBCONTRACT_PAID \
  "(SELECT coalesce (candour_total (p.amount), 0) FROM payment p WHERE p.subcontract_id = s.id)"

/* "Smaller" as the contract shares report counts it (candour-rules.h). */
static const char contract_subcontracts_sql[] =
  "SELECT s.id, s.ref, o.ref, o.name,\n"
  "       CASE WHEN " CANDOUR_RULES_IS_SMALLER ("o") " THEN 1 ELSE 0 END,\n"
  "       s.value, s.start_on, s.end_on, s.payment_terms_days,\n"
  "       " SUBCONTRACT_PAID "\n"
  CONTRACT_SUBCONTRACTS_FROM;

static const CandourReportColumn contract_subcontract_columns[] = {
  { "id", CANDOUR_CELL_COUNT },
  { "ref", CANDOUR_CELL_TEXT },
  { "partner_ref", CANDOUR_CELL_TEXT },
  { "partner_name", CANDOUR_CELL_TEXT },
  { "smaller", CANDOUR_CELL_YES_NO },
  { "value", CANDOUR_CELL_MONEY },
  { "start_on", CANDOUR_CELL_DATE },
  { "end_on", CANDOUR_CELL_DATE },
  { "payment_terms_days", CANDOUR_CELL_COUNT },
  { "paid", CANDOUR_CELL_MONEY },
};

CandourReport *
candour_report_contract_subcontracts (CandourDatabase  *db,
                                      gint64            contract_id,
                                      GError          **error)
{
  return report_for_id (db, contract_subcontracts_sql, contract_subcontract_columns,
                        G_N_ELEMENTS (contract_subcontract_columns), contract_id, error);
}

/* The same for a funder: refs, names and money, no record ids. */
static const char contract_subcontracts_evidence_sql[] =
  "SELECT s.ref, o.ref, o.name, s.value, s.start_on, s.end_on, s.payment_terms_days,\n"
  "       " SUBCONTRACT_PAID "\n"
  CONTRACT_SUBCONTRACTS_FROM;

static const CandourReportColumn contract_subcontract_evidence_columns[] = {
  { "subcontract_ref", CANDOUR_CELL_TEXT },
  { "partner_ref", CANDOUR_CELL_TEXT },
  { "partner_name", CANDOUR_CELL_TEXT },
  { "value", CANDOUR_CELL_MONEY },
  { "start_on", CANDOUR_CELL_DATE },
  { "end_on", CANDOUR_CELL_DATE },
  { "payment_terms_days", CANDOUR_CELL_COUNT },
  { "paid", CANDOUR_CELL_MONEY },
};

CandourReport *
candour_report_contract_subcontracts_evidence (CandourDatabase  *db,
                                               gint64            contract_id,
                                               GError          **error)
{
  return report_for_id (db, contract_subcontracts_evidence_sql, contract_subcontract_evidence_columns,
                        G_N_ELEMENTS (contract_subcontract_evidence_columns), contract_id, error);
}

/* The commissioner's payments to the lead, then the lead's to each partner: two
 * questions, each answered from an index (one OR over both would read every payment). */
#define LEAD_PAYMENTS_FROM \
  "FROM contract c\n" \
  "JOIN payment p ON p.contract_id = c.id\n" \
  "JOIN organisation lead ON lead.id = c.lead_id\n" \
  "WHERE c.id = :id\n"
#define PARTNER_PAYMENTS_FROM \
  "FROM subcontract s\n" \
  "JOIN payment p ON p.subcontract_id = s.id\n" \
  "JOIN organisation partner ON partner.id = s.partner_id\n" \
  "WHERE s.contract_id = :id\n"

static const char contract_payments_sql[] =
  "SELECT p.id, p.ref, NULL, lead.name, p.amount, p.paid_on, p.invoiced_on\n"
  LEAD_PAYMENTS_FROM
  "UNION ALL\n"
  "SELECT p.id, p.ref, s.ref, partner.name, p.amount, p.paid_on, p.invoiced_on\n"
  PARTNER_PAYMENTS_FROM
  "ORDER BY 6, 1";

static const CandourReportColumn contract_payment_columns[] = {
  { "id", CANDOUR_CELL_COUNT },
  { "ref", CANDOUR_CELL_TEXT },
  { "subcontract_ref", CANDOUR_CELL_TEXT },
  { "payee_name", CANDOUR_CELL_TEXT },
  { "amount", CANDOUR_CELL_MONEY },
  { "paid_on", CANDOUR_CELL_DATE },
  { "invoiced_on", CANDOUR_CELL_DATE },
};

CandourReport *
candour_report_contract_payments (CandourDatabase  *db,
                                  gint64            contract_id,
                                  GError          **error)
{
  return report_for_id (db, contract_payments_sql, contract_payment_columns,
                        G_N_ELEMENTS (contract_payment_columns), contract_id, error);
}

/* The same for a funder, by the day paid (then the payment's ref): no record ids. */
static const char contract_payments_evidence_sql[] =
  "SELECT p.paid_on, p.amount, lead.name, NULL, p.invoiced_on, p.ref\n"
  LEAD_PAYMENTS_FROM
  "UNION ALL\n"
  "SELECT p.paid_on, p.amount, partner.name, s.ref, p.invoiced_on, p.ref\n"
  PARTNER_PAYMENTS_FROM
  "ORDER BY 1, 6";

static const CandourReportColumn contract_payment_evidence_columns[] = {
  { "paid_on", CANDOUR_CELL_DATE },
  { "amount", CANDOUR_CELL_MONEY },
  { "payee_name", CANDOUR_CELL_TEXT },
  { "subcontract_ref", CANDOUR_CELL_TEXT },
  { "invoiced_on", CANDOUR_CELL_DATE },
  { "payment_ref", CANDOUR_CELL_TEXT },
};

CandourReport *
candour_report_contract_payments_evidence (CandourDatabase  *db,
                                           gint64            contract_id,
                                           GError          **error)
{
  return report_for_id (db, contract_payments_evidence_sql, contract_payment_evidence_columns,
                        G_N_ELEMENTS (contract_payment_evidence_columns), contract_id, error);
}

static const char consortium_members_sql[] =
  "SELECT m.id, o.ref, o.name, m.joined_on, m.left_on\n"
  "FROM consortium_member m JOIN organisation o ON o.id = m.member_id\n"
  "WHERE m.consortium_id = :id\n"
  "ORDER BY o.name COLLATE NOCASE, m.joined_on";

static const CandourReportColumn consortium_member_columns[] = {
  { "id", CANDOUR_CELL_COUNT },
  { "member_ref", CANDOUR_CELL_TEXT },
  { "member_name", CANDOUR_CELL_TEXT },
  { "joined_on", CANDOUR_CELL_DATE },
  { "left_on", CANDOUR_CELL_DATE },
};

CandourReport *
candour_report_consortium_members (CandourDatabase  *db,
                                   gint64            consortium_id,
                                   GError          **error)
{
  return report_for_id (db, consortium_members_sql, consortium_member_columns,
                        G_N_ELEMENTS (consortium_member_columns), consortium_id, error);
}

/* The audit trail's own rule for "changed" (candour-history.c), field by field. The
 * JSON is read by each backend's own table function (SQLite's json_each, PostgreSQL's
 * json_each_text), so this is the one question written twice. */
static const char audit_changes_sql[] =
  "SELECT o.key, o.value, n.value\n"
  "FROM json_each (:old) o JOIN json_each (:new) n ON n.key = o.key\n"
  "WHERE o.value IS DISTINCT FROM n.value\n"
  "ORDER BY o.id";
static const char server_audit_changes_sql[] =
  "SELECT o.key, o.value, n.value\n"
  "FROM json_each_text (CAST (:old AS json)) WITH ORDINALITY AS o (key, value, place)\n"
  "JOIN json_each_text (CAST (:new AS json)) AS n (key, value) ON n.key = o.key\n"
  "WHERE o.value IS DISTINCT FROM n.value\n"
  "ORDER BY o.place";

static const CandourReportColumn audit_change_columns[] = {
  { "field", CANDOUR_CELL_TEXT },
  { "old", CANDOUR_CELL_TEXT },
  { "new", CANDOUR_CELL_TEXT },
};

CandourReport *
candour_report_audit_changes (CandourDatabase  *db,
                              const char       *old_values,
                              const char       *new_values,
                              GError          **error)
{
  CandourReport *report;

  g_return_val_if_fail (old_values != NULL, NULL);
  g_return_val_if_fail (new_values != NULL, NULL);

  report = candour_report_new (db, candour_database_is_server (db) ? server_audit_changes_sql : audit_changes_sql,
                               audit_change_columns, G_N_ELEMENTS (audit_change_columns), error);
  if (report != NULL)
    {
      candour_query_bind_text (candour_report_get_query (report), ":old", old_values);
      candour_query_bind_text (candour_report_get_query (report), ":new", new_values);
    }
  return report;
}
