/* candour-import-rules.c: what the CSV format allows, table by table
 *
 * Each table is described once: its columns, their kinds, the INSERT that stores a row
 * and the rules across its columns. A cell that breaks a rule is reported through its
 * row; candour-import.c runs these rules over files, and over a form's one record. The
 * format is documented in docs/data-format.md.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "candour-import-rules-private.h"
#include "candour-database-private.h"
#include "candour-date.h"
#include "candour-money.h"
#include "candour-percent.h"
#include "candour-text.h"

static const char * const organisation_kinds[] = {
  "charity", "social_enterprise", "cic", "community_group", "housing_association",
  "local_authority", "nhs_body", "public_body", "private_company", "infrastructure_body",
  "other", NULL
};
static const char * const localities[] = { "local", "regional", "national", NULL };
static const char * const consortium_models[] = {
  "prime", "consortium", "alliance", "joint_venture", "network", NULL
};
static const char * const outcomes[] = { "pending", "won", "lost", "withdrawn", NULL };
static const char * const consents[] = { "yes", "no", "unknown", NULL };

const char * const candour_import_table_names[CANDOUR_N_TABLES] = {
  "organisations", "consortia", "consortium_members", "bids", "bid_partners",
  "contracts", "subcontracts", "payments",
};

const char *
candour_table_get_name (CandourTable table)
{
  g_return_val_if_fail (table < CANDOUR_N_TABLES, NULL);

  return candour_import_table_names[table];
}

gboolean
candour_table_from_name (const char   *name,
                         CandourTable *out_table)
{
  g_autofree char *lower = NULL;

  g_return_val_if_fail (name != NULL, FALSE);

  lower = g_ascii_strdown (name, -1);
  if (g_str_has_suffix (lower, ".csv"))
    lower[strlen (lower) - 4] = '\0';

  for (guint i = 0; i < CANDOUR_N_TABLES; i++)
    if (g_str_equal (lower, candour_import_table_names[i]))
      {
        if (out_table != NULL)
          *out_table = i;
        return TRUE;
      }

  return FALSE;
}

/* Far more than any name or note needs: a longer cell is a file that went wrong. */
#define MAX_CELL_BYTES (1024 * 1024)

/* Cell values */

static char *
normalise_keyword (const char *text)
{
  char *word = g_ascii_strdown (text, -1);

  for (char *p = word; *p != '\0'; p++)
    if (*p == ' ' || *p == '-')
      *p = '_';
  return word;
}

static gboolean
parse_yes_no (const char *text,
              gint64     *out_value)
{
  static const char * const yes[] = { "yes", "y", "true", "1", NULL };
  static const char * const no[] = { "no", "n", "false", "0", NULL };
  g_autofree char *lower = g_ascii_strdown (text, -1);

  if (g_strv_contains (yes, lower))
    *out_value = 1;
  else if (g_strv_contains (no, lower))
    *out_value = 0;
  else
    return FALSE;
  return TRUE;
}

/* A text cell that starts with ' before = + - @ tab CR or LF was guarded against
 * spreadsheet formulas by an export: take the guard off so the round trip is exact. */
static const char *
unguard_text (const char *text)
{
  if (text[0] == '\'' && text[1] != '\0' && strchr ("=+-@\t\r\n", text[1]) != NULL)
    return text + 1;
  return text;
}

/* Text from a spreadsheet can carry characters that show as nothing, or that make it
 * show as something else: refused, and named, so that what is stored is what is seen. */
static gboolean
check_characters (ImportRow         *row,
                  const ImportField *field,
                  const char        *text)
{
  CandourTextKind kind = field->kind == FIELD_TEXT ? CANDOUR_TEXT_FREE : CANDOUR_TEXT_IDENTIFIER;
  g_autofree char *described = NULL;
  const char *why;
  gunichar c;
  glong position;

  if (!candour_text_find_forbidden (text, kind, &c, &position))
    return TRUE;

  described = candour_text_describe_char (c);
  if (c < 0x20 || (c >= 0x7F && c <= 0x9F))
    why = "a control character, which never belongs in a name or a ref";
  else if ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069))
    why = "a direction control, which can make text show differently from what it says";
  else
    why = "a character that cannot be told from a space, or cannot be seen at all, so two "
          "refs that look the same would differ";

  candour_import_row_problem (row, field->name, "%s holds %s at character %ld: %s; remove it",
                              field->name, described, position, why);
  return FALSE;
}

void
candour_import_value_set_text (FieldValue *value,
                               const char *text)
{
  gsize length = strlen (text);

  g_assert (value->text == NULL);
  if (length < sizeof value->short_text)
    value->text = memcpy (value->short_text, text, length + 1);
  else
    value->text = g_strndup (text, length);
}

char *
candour_import_value_take_text (FieldValue *value)
{
  if (value->text == value->short_text)
    {
      value->text = NULL;
      return g_strdup (value->short_text);
    }
  return g_steal_pointer (&value->text);
}

void
candour_import_value_clear (FieldValue *value)
{
  if (value->text != value->short_text)
    g_free (value->text);
  value->text = NULL;
  value->set = FALSE;
  value->number = 0;
  value->ref = NULL;
}

void
candour_import_parse_cell (ImportRow         *row,
                           guint              index,
                           const char        *raw)
{
  const ImportField *field = &row->table->fields[index];
  FieldValue *value = &row->values[index];
  g_autoptr(GError) error = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *quoted = NULL;
  gsize length = strlen (raw);
  const char *trimmed = raw;

  if (length > MAX_CELL_BYTES)
    {
      candour_import_row_problem (row, field->name, "%s is too long (%" G_GSIZE_FORMAT " bytes); a cell "
                                  "holds at most 1 MB (%d bytes)", field->name, length, MAX_CELL_BYTES);
      return;
    }

  /* Most cells have no surrounding spaces, ordinary or Unicode: copy only those that
   * might. */
  if (length > 0 && (g_ascii_isspace (raw[0]) || (guchar) raw[0] >= 0x80 ||
                     g_ascii_isspace (raw[length - 1]) || (guchar) raw[length - 1] >= 0x80))
    trimmed = copy = candour_text_trim (raw);

  if (trimmed[0] == '\0')
    {
      if (field->required)
        candour_import_row_problem (row, field->name, "%s is empty; every row needs one", field->name);
      return;
    }

  if ((field->kind == FIELD_TEXT || field->kind == FIELD_IDENTIFIER || field->kind == FIELD_REF) &&
      !check_characters (row, field, trimmed))
    return;

  switch (field->kind)
    {
    case FIELD_TEXT:
    case FIELD_IDENTIFIER:
      candour_import_value_set_text (value, unguard_text (trimmed));
      value->set = TRUE;
      return;

    case FIELD_MONEY:
    case FIELD_MONEY_SIGNED:
      if (!candour_money_parse (trimmed, &value->number, &error))
        break;
      if (field->kind == FIELD_MONEY && value->number < 0)
        {
          candour_import_row_problem (row, field->name, "%s is negative (%s); it must be zero or more",
                                      field->name, (quoted = candour_import_shorten (trimmed)));
          return;
        }
      value->set = TRUE;
      return;

    case FIELD_PERCENT:
      if (!candour_percent_parse (trimmed, &value->number, &error))
        break;
      value->set = TRUE;
      return;

    case FIELD_DATE:
      G_STATIC_ASSERT (sizeof value->short_text >= CANDOUR_DATE_ISO_SIZE);
      if (!candour_date_parse_into (trimmed, value->short_text, &error))
        break;
      value->text = value->short_text;
      value->set = TRUE;
      return;

    case FIELD_DAYS:
      {
        guint64 days;

        if (!g_ascii_string_to_unsigned (trimmed, 10, 0, 3650, &days, NULL))
          {
            candour_import_row_problem (row, field->name, "%s is '%s'; it must be a whole number of days "
                                        "from 0 to 3650, such as 30", field->name,
                                        (quoted = candour_import_shorten (trimmed)));
            return;
          }
        value->number = (gint64)days;
        value->set = TRUE;
        return;
      }

    case FIELD_YES_NO:
      if (!parse_yes_no (trimmed, &value->number))
        {
          candour_import_row_problem (row, field->name, "%s is '%s'; write yes or no", field->name,
                                      (quoted = candour_import_shorten (trimmed)));
          return;
        }
      value->set = TRUE;
      return;

    case FIELD_KEYWORD:
      {
        g_autofree char *word = normalise_keyword (trimmed);

        if (!g_strv_contains (field->keywords, word))
          {
            g_autofree char *choices = g_strjoinv (", ", (char **)field->keywords);
            candour_import_row_problem (row, field->name, "'%s' is not a %s; use one of %s",
                                        (quoted = candour_import_shorten (trimmed)), field->what, choices);
            return;
          }
        candour_import_value_set_text (value, word);
        value->set = TRUE;
        return;
      }

    case FIELD_REF:
      {
        const char *ref = unguard_text (trimmed);

        if (!candour_import_lookup_ref (row->import, field->target, ref, &value->ref, &error))
          break;
        if (value->ref == NULL && g_hash_table_contains (row->import->refused_refs[field->target], ref))
          {
            candour_import_row_follow_on (row, field->name, ref, field->what);
            return;
          }
        if (value->ref == NULL)
          {
            candour_import_row_problem (row, field->name, "%s '%s' points nowhere: there is no such ref in "
                                        "%s.csv or in the database", field->name,
                                        (quoted = candour_import_shorten (ref)),
                                        field->what);
            return;
          }
        value->number = value->ref->id;
        candour_import_value_set_text (value, ref);
        value->set = TRUE;
        return;
      }

    default:
      g_assert_not_reached ();
    }

  g_assert (error != NULL);
  candour_import_row_problem (row, field->name, "%s %s", field->name, error->message);
}

/* Rules across columns */

static gboolean
check_dates_in_order (ImportRow  *row,
                      const char *start_field,
                      const char *start_iso,
                      const char *end_field,
                      const char *end_iso)
{
  if (start_iso == NULL || end_iso == NULL || strcmp (end_iso, start_iso) >= 0)
    return TRUE;

  candour_import_row_problem (row, end_field, "%s (%s) is before %s (%s)",
                             end_field, end_iso, start_field, start_iso);
  return FALSE;
}

/* Companies House numbers have eight characters; a spreadsheet that took one for a
 * number dropped its leading zeros (04417283 became 4417283). Said, with the fix: the
 * row still goes in as written. */
#define COMPANIES_HOUSE "GB-COH-"
#define COMPANIES_HOUSE_DIGITS 8

static gboolean
check_organisation (ImportRow *row)
{
  FieldValue *org_id = candour_import_row_value (row, "org_id");
  const char *number;
  gsize digits;

  if (!org_id->set || !g_str_has_prefix (org_id->text, COMPANIES_HOUSE))
    return row->ok;
  number = org_id->text + strlen (COMPANIES_HOUSE);
  digits = strspn (number, "0123456789");
  if (digits > 0 && number[digits] == '\0' && digits < COMPANIES_HOUSE_DIGITS)
    candour_import_row_warning (row, "org_id", "org_id '%s' is short of the eight characters of a Companies "
                                "House number, as when a spreadsheet drops leading zeros; it is probably "
                                COMPANIES_HOUSE "%0*d%s", org_id->text, (int)(COMPANIES_HOUSE_DIGITS - digits), 0,
                                number);
  return row->ok;
}

static gboolean
check_consortium (ImportRow *row)
{
  FieldValue *agreement = candour_import_row_value (row, "agreement");
  FieldValue *agreement_on = candour_import_row_value (row, "agreement_on");

  /* A date for the agreement is an agreement. */
  if (agreement_on->set && !agreement->set)
    {
      agreement->set = TRUE;
      agreement->number = 1;
    }
  else if (agreement_on->set && agreement->number == 0)
    candour_import_row_problem (row, "agreement_on", "agreement_on is given but agreement says no; "
                                "clear one of them");

  return row->ok;
}

static gboolean
check_member (ImportRow *row)
{
  /* UNIQUE in the schema cannot see two rows without a joining date as the same. */
  static const char sql[] =
    "SELECT 1 FROM consortium_member WHERE consortium_id = :consortium AND member_id = :member "
    "AND joined_on IS NOT DISTINCT FROM :joined_on AND id IS DISTINCT FROM :id";
  FieldValue *consortium = candour_import_row_value (row, "consortium_ref");
  FieldValue *member = candour_import_row_value (row, "member_ref");
  FieldValue *joined = candour_import_row_value (row, "joined_on");
  CandourQuery *query;
  gboolean listed;

  if (!check_dates_in_order (row, "joined_on", joined->text,
                             "left_on", candour_import_row_value (row, "left_on")->text))
    return FALSE;

  query = candour_database_query (row->import->db, sql, NULL);
  g_assert (query != NULL);
  candour_query_bind_int64 (query, ":consortium", consortium->number);
  candour_query_bind_int64 (query, ":member", member->number);
  candour_query_bind_text (query, ":joined_on", joined->text);
  candour_query_bind_int64 (query, ":id", row->record_id);
  listed = candour_query_step (query, NULL) == CANDOUR_QUERY_ROW;
  if (listed)
    candour_query_reset (query);

  if (listed)
    {
      g_autofree char *who = candour_import_shorten (member->text);
      g_autofree char *where = candour_import_shorten (consortium->text);

      candour_import_row_problem (row, "member_ref", "'%s' is already listed as a member of '%s'%s",
                                  who, where, joined->set ? " from that date" : "");
    }
  return row->ok;
}

static gboolean
check_bid_partner (ImportRow *row)
{
  if (candour_import_row_value (row, "promised_value")->set && candour_import_row_value (row, "promised_share")->set)
    candour_import_row_problem (row, "promised_share", "the promise is given both as a value and as a share; "
                                "keep only the one the bid stated");
  return row->ok;
}

static gboolean
check_contract (ImportRow *row)
{
  FieldValue *bid = candour_import_row_value (row, "bid_ref");
  FieldValue *lead = candour_import_row_value (row, "lead_ref");
  FieldValue *commissioner = candour_import_row_value (row, "commissioner_ref");
  g_autofree char *bid_quoted = NULL;
  g_autofree char *quoted = NULL;

  check_dates_in_order (row, "start_on", candour_import_row_value (row, "start_on")->text,
                        "end_on", candour_import_row_value (row, "end_on")->text);

  if (bid->set)
    {
      gint64 bid_lead = bid->ref->details.bid->lead_id;
      gint64 bid_commissioner = bid->ref->details.bid->commissioner_id;

      bid_quoted = candour_import_shorten (bid->text);
      if (lead->set && lead->number != bid_lead)
        candour_import_row_problem (row, "lead_ref", "lead_ref '%s' is not the lead of bid '%s'; leave it "
                                    "empty to take the bid's lead",
                                    (quoted = candour_import_shorten (lead->text)), bid_quoted);
      if (commissioner->set && commissioner->number != bid_commissioner)
        {
          g_free (quoted);
          candour_import_row_problem (row, "commissioner_ref", "commissioner_ref '%s' is not the commissioner of "
                                      "bid '%s'; leave it empty to take the bid's",
                                      (quoted = candour_import_shorten (commissioner->text)), bid_quoted);
        }

      lead->set = commissioner->set = TRUE;
      lead->number = bid_lead;
      commissioner->number = bid_commissioner;
    }
  else
    {
      if (!lead->set && row->column_of[candour_import_field_index (row->table, "lead_ref")] >= 0)
        candour_import_row_problem (row, "lead_ref", "lead_ref is empty; a contract without bid_ref needs "
                                    "its lead provider");
      else if (!lead->set)
        candour_import_row_problem (row, "bid_ref", "a contract needs bid_ref, or lead_ref and "
                                    "commissioner_ref for a direct award");
      if (!commissioner->set && lead->set)
        candour_import_row_problem (row, "commissioner_ref", "commissioner_ref is empty; a contract without "
                                    "bid_ref needs its commissioner");
    }

  return row->ok;
}

static gboolean
check_subcontract (ImportRow *row)
{
  FieldValue *contract = candour_import_row_value (row, "contract_ref");
  FieldValue *start = candour_import_row_value (row, "start_on");
  FieldValue *end = candour_import_row_value (row, "end_on");
  const char *contract_start;
  const char *contract_end;
  g_autofree char *quoted = NULL;

  if (!contract->set)
    return row->ok;
  contract_start = contract->ref->details.contract->start_on;
  contract_end = contract->ref->details.contract->end_on;

  /* Compare the dates the engine will use: the contract's where the row has none. */
  if (start->set || end->set)
    {
      if (start->set && !end->set && strcmp (start->text, contract_end) > 0)
        candour_import_row_problem (row, "start_on", "start_on (%s) is after the end of contract '%s' (%s); "
                                    "give the subcontract its own end_on", start->text,
                                    (quoted = candour_import_shorten (contract->text)), contract_end);
      else if (end->set && !start->set && strcmp (end->text, contract_start) < 0)
        candour_import_row_problem (row, "end_on", "end_on (%s) is before the start of contract '%s' (%s); "
                                    "give the subcontract its own start_on", end->text,
                                    (quoted = candour_import_shorten (contract->text)), contract_start);
      else
        check_dates_in_order (row, "start_on", start->text, "end_on", end->text);
    }

  return row->ok;
}

/* A date as people write it, formatted the first time a warning shows it: most of a
 * million payments need none. */
static const char *
shown_date (char       **shown,
            const char  *iso)
{
  if (*shown == NULL)
    *shown = candour_date_format_display (iso);
  return *shown;
}

/* Plausible but odd: imported, and listed for someone to look at. Dates are shown as
 * people write them: these are read, not re-imported. */
static void
warn_about_payment_dates (ImportRow         *row,
                          ImportSubcontract *subcontract)
{
  FieldValue *paid = candour_import_row_value (row, "paid_on");
  FieldValue *invoiced = candour_import_row_value (row, "invoiced_on");
  g_autofree char *paid_shown = NULL;
  g_autofree char *invoiced_shown = NULL;

  if (strcmp (paid->text, "2000-01-01") < 0)
    candour_import_row_warning (row, "paid_on", "paid_on (%s) is before 2000; check the year",
                                shown_date (&paid_shown, paid->text));
  if (strcmp (paid->text, row->import->today) > 0)
    candour_import_row_warning (row, "paid_on", "paid_on (%s) is in the future",
                                shown_date (&paid_shown, paid->text));
  if (invoiced->set && strcmp (invoiced->text, "2000-01-01") < 0)
    candour_import_row_warning (row, "invoiced_on", "invoiced_on (%s) is before 2000; check the year",
                                shown_date (&invoiced_shown, invoiced->text));
  if (invoiced->set && strcmp (invoiced->text, paid->text) > 0)
    candour_import_row_warning (row, "invoiced_on", "invoiced_on (%s) is after paid_on (%s): the payment "
                                "counts as made in advance, within 30 days",
                                shown_date (&invoiced_shown, invoiced->text),
                                shown_date (&paid_shown, paid->text));

  if (subcontract != NULL && candour_date_to_days (paid->text) - subcontract->end_days > subcontract->terms)
    {
      g_autofree char *quoted = candour_import_shorten (candour_import_row_value (row, "subcontract_ref")->text);
      g_autofree char *end_shown = candour_date_format_display (subcontract->end);

      candour_import_row_warning (row, "paid_on", "paid_on (%s) is more than the payment terms (%" G_GINT64_FORMAT
                                  " days) after subcontract '%s' ended (%s)", shown_date (&paid_shown, paid->text),
                                  subcontract->terms, quoted, end_shown);
    }
}

gboolean
candour_import_check_payment (ImportRow *row)
{
  FieldValue *subcontract_ref = candour_import_row_value (row, "subcontract_ref");
  gboolean to_contract = candour_import_row_value (row, "contract_ref")->set;
  gboolean to_subcontract = subcontract_ref->set;
  ImportSubcontract *subcontract = NULL;

  if (to_contract && to_subcontract)
    candour_import_row_problem (row, "subcontract_ref", "the payment names both a contract and a subcontract; "
                                "a payment is either commissioner to lead (contract_ref) or lead to partner "
                                "(subcontract_ref)");
  else if (!to_contract && !to_subcontract && row->ok)
    /* Said under the subcontract: most payments are a lead provider's to a partner, and
     * one recorded against the contract would read as the commissioner's to the lead. */
    candour_import_row_problem (row, "subcontract_ref", "the payment names neither contract_ref nor subcontract_ref; "
                                "give subcontract_ref for a payment to a partner, or contract_ref for one "
                                "from the commissioner to the lead provider");

  if (!row->ok)
    return FALSE;

  if (to_subcontract)
    {
      subcontract = subcontract_ref->ref->details.subcontract;
      subcontract->named = TRUE;
    }
  warn_about_payment_dates (row, subcontract);

  /* For the warning about subcontracts paid more than their value, once all are in:
   * only a run without problems gets there, and then every row checked is written. */
  if (subcontract != NULL &&
      __builtin_add_overflow (subcontract->paid, candour_import_row_value (row, "amount")->number, &subcontract->paid))
    subcontract->paid_overflows = TRUE;

  return TRUE;
}

/* The tables, in dependency order */

static const ImportField organisation_fields[] = {
  { "ref", FIELD_IDENTIFIER, TRUE },
  { "name", FIELD_TEXT, TRUE },
  { "org_id", FIELD_IDENTIFIER },
  { "kind", FIELD_KEYWORD, FALSE, organisation_kinds, "kind of organisation", .default_text = "other" },
  { "annual_income", FIELD_MONEY },
  { "locality", FIELD_KEYWORD, FALSE, localities, "locality" },
  { "led_by", FIELD_TEXT },
  { "notes", FIELD_TEXT },
};

static const ImportField consortium_fields[] = {
  { "ref", FIELD_IDENTIFIER, TRUE },
  { "name", FIELD_TEXT, TRUE },
  { "model", FIELD_KEYWORD, FALSE, consortium_models, "consortium model" },
  { "lead_ref", FIELD_REF, FALSE, NULL, "organisations", CANDOUR_TABLE_ORGANISATIONS },
  { "agreement", FIELD_YES_NO, .default_text = "no" },
  { "agreement_on", FIELD_DATE },
  { "due_diligence", FIELD_YES_NO, .default_text = "no" },
  { "notes", FIELD_TEXT },
};

static const ImportField member_fields[] = {
  { "consortium_ref", FIELD_REF, TRUE, NULL, "consortia", CANDOUR_TABLE_CONSORTIA },
  { "member_ref", FIELD_REF, TRUE, NULL, "organisations", CANDOUR_TABLE_ORGANISATIONS },
  { "joined_on", FIELD_DATE },
  { "left_on", FIELD_DATE },
};

static const ImportField bid_fields[] = {
  { "ref", FIELD_IDENTIFIER, TRUE },
  { "title", FIELD_TEXT, TRUE },
  { "lead_ref", FIELD_REF, TRUE, NULL, "organisations", CANDOUR_TABLE_ORGANISATIONS },
  { "commissioner_ref", FIELD_REF, TRUE, NULL, "organisations", CANDOUR_TABLE_ORGANISATIONS },
  { "value", FIELD_MONEY },
  { "submitted_on", FIELD_DATE },
  { "outcome", FIELD_KEYWORD, FALSE, outcomes, "bid outcome", .default_text = "pending" },
  { "consortium_ref", FIELD_REF, FALSE, NULL, "consortia", CANDOUR_TABLE_CONSORTIA },
};

static const ImportField bid_partner_fields[] = {
  { "bid_ref", FIELD_REF, TRUE, NULL, "bids", CANDOUR_TABLE_BIDS },
  { "partner_ref", FIELD_REF, TRUE, NULL, "organisations", CANDOUR_TABLE_ORGANISATIONS },
  { "role", FIELD_TEXT },
  { "promised_value", FIELD_MONEY },
  { "promised_share", FIELD_PERCENT },
  { "consent", FIELD_KEYWORD, FALSE, consents, "consent answer", .default_text = "unknown" },
};

static const ImportField contract_fields[] = {
  { "ref", FIELD_IDENTIFIER, TRUE },
  { "bid_ref", FIELD_REF, FALSE, NULL, "bids", CANDOUR_TABLE_BIDS },
  { "title", FIELD_TEXT },
  { "commissioner_ref", FIELD_REF, FALSE, NULL, "organisations", CANDOUR_TABLE_ORGANISATIONS },
  { "lead_ref", FIELD_REF, FALSE, NULL, "organisations", CANDOUR_TABLE_ORGANISATIONS },
  { "value", FIELD_MONEY, TRUE },
  { "start_on", FIELD_DATE, TRUE },
  { "end_on", FIELD_DATE, TRUE },
  { "model", FIELD_TEXT },
  { "required_small_share", FIELD_PERCENT },
  { "small_income_limit", FIELD_MONEY, .default_text = "1000000.00" },
};

static const ImportField subcontract_fields[] = {
  { "ref", FIELD_IDENTIFIER, TRUE },
  { "contract_ref", FIELD_REF, TRUE, NULL, "contracts", CANDOUR_TABLE_CONTRACTS },
  { "partner_ref", FIELD_REF, TRUE, NULL, "organisations", CANDOUR_TABLE_ORGANISATIONS },
  { "value", FIELD_MONEY, TRUE },
  { "start_on", FIELD_DATE },
  { "end_on", FIELD_DATE },
  { "payment_terms_days", FIELD_DAYS, .default_text = "30" },
};

static const ImportField payment_fields[] = {
  { "ref", FIELD_IDENTIFIER },
  { "contract_ref", FIELD_REF, FALSE, NULL, "contracts", CANDOUR_TABLE_CONTRACTS },
  { "subcontract_ref", FIELD_REF, FALSE, NULL, "subcontracts", CANDOUR_TABLE_SUBCONTRACTS },
  { "amount", FIELD_MONEY_SIGNED, TRUE },
  { "paid_on", FIELD_DATE, TRUE },
  { "invoiced_on", FIELD_DATE },
};

#define TABLE(fields) fields, G_N_ELEMENTS (fields)
/* One text for both: a form needs the id of the record it made, a file's rows do not. */
#define INSERT(sql) sql, sql " RETURNING id"

const ImportTable candour_import_tables[CANDOUR_N_TABLES] = {
  { "organisations", TABLE (organisation_fields),
    INSERT ("INSERT INTO organisation (ref, name, org_id, kind, annual_income, locality, led_by, notes) "
            "VALUES (:ref, :name, :org_id, :kind, :annual_income, :locality, :led_by, :notes)"),
    "UPDATE organisation SET ref = :ref, name = :name, org_id = :org_id, kind = :kind, "
    "annual_income = :annual_income, locality = :locality, led_by = :led_by, notes = :notes WHERE id = :id",
    check_organisation },
  { "consortia", TABLE (consortium_fields),
    INSERT ("INSERT INTO consortium (ref, name, model, lead_id, agreement, agreement_on, due_diligence, notes) "
            "VALUES (:ref, :name, :model, :lead_ref, :agreement, :agreement_on, "
            ":due_diligence, :notes)"),
    "UPDATE consortium SET ref = :ref, name = :name, model = :model, lead_id = :lead_ref, "
    "agreement = :agreement, agreement_on = :agreement_on, "
    "due_diligence = :due_diligence, notes = :notes WHERE id = :id",
    check_consortium },
  { "consortium_members", TABLE (member_fields),
    INSERT ("INSERT INTO consortium_member (consortium_id, member_id, joined_on, left_on) "
            "VALUES (:consortium_ref, :member_ref, :joined_on, :left_on)"),
    "UPDATE consortium_member SET consortium_id = :consortium_ref, member_id = :member_ref, "
    "joined_on = :joined_on, left_on = :left_on WHERE id = :id",
    check_member, TRUE },
  { "bids", TABLE (bid_fields),
    INSERT ("INSERT INTO bid (ref, title, lead_id, commissioner_id, value, submitted_on, outcome, consortium_id) "
            "VALUES (:ref, :title, :lead_ref, :commissioner_ref, :value, :submitted_on, "
            ":outcome, :consortium_ref)"),
    "UPDATE bid SET ref = :ref, title = :title, lead_id = :lead_ref, commissioner_id = :commissioner_ref, "
    "value = :value, submitted_on = :submitted_on, outcome = :outcome, "
    "consortium_id = :consortium_ref WHERE id = :id",
    NULL },
  { "bid_partners", TABLE (bid_partner_fields),
    INSERT ("INSERT INTO bid_partner (bid_id, partner_id, role, promised_value, promised_share, consent) "
            "VALUES (:bid_ref, :partner_ref, :role, :promised_value, :promised_share, :consent)"),
    "UPDATE bid_partner SET bid_id = :bid_ref, partner_id = :partner_ref, role = :role, "
    "promised_value = :promised_value, promised_share = :promised_share, "
    "consent = :consent WHERE id = :id",
    check_bid_partner },
  { "contracts", TABLE (contract_fields),
    INSERT ("INSERT INTO contract (ref, bid_id, title, commissioner_id, lead_id, value, start_on, end_on, model, "
            "required_small_share, small_income_limit) "
            "VALUES (:ref, :bid_ref, :title, :commissioner_ref, :lead_ref, :value, :start_on, :end_on, :model, "
            ":required_small_share, :small_income_limit)"),
    "UPDATE contract SET ref = :ref, bid_id = :bid_ref, title = :title, commissioner_id = :commissioner_ref, "
    "lead_id = :lead_ref, value = :value, start_on = :start_on, end_on = :end_on, model = :model, "
    "required_small_share = :required_small_share, "
    "small_income_limit = :small_income_limit WHERE id = :id",
    check_contract },
  { "subcontracts", TABLE (subcontract_fields),
    INSERT ("INSERT INTO subcontract (ref, contract_id, partner_id, value, start_on, end_on, payment_terms_days) "
            "VALUES (:ref, :contract_ref, :partner_ref, :value, :start_on, :end_on, :payment_terms_days)"),
    "UPDATE subcontract SET ref = :ref, contract_id = :contract_ref, partner_id = :partner_ref, value = :value, "
    "start_on = :start_on, end_on = :end_on, payment_terms_days = :payment_terms_days "
    "WHERE id = :id",
    check_subcontract },
  { "payments", TABLE (payment_fields),
    INSERT ("INSERT INTO payment (ref, contract_id, subcontract_id, amount, paid_on, invoiced_on) "
            "VALUES (:ref, :contract_ref, :subcontract_ref, :amount, :paid_on, :invoiced_on)"),
    "UPDATE payment SET ref = :ref, contract_id = :contract_ref, subcontract_id = :subcontract_ref, "
    "amount = :amount, paid_on = :paid_on, invoiced_on = :invoiced_on WHERE id = :id",
    candour_import_check_payment },
};

#undef TABLE
#undef INSERT

/* The format's fields, for forms */

guint
candour_table_get_n_fields (CandourTable table)
{
  g_return_val_if_fail (table < CANDOUR_N_TABLES, 0);

  return candour_import_tables[table].n_fields;
}

const char *
candour_table_get_field_name (CandourTable table,
                              guint        field)
{
  g_return_val_if_fail (table < CANDOUR_N_TABLES, NULL);
  g_return_val_if_fail (field < candour_import_tables[table].n_fields, NULL);

  return candour_import_tables[table].fields[field].name;
}

gboolean
candour_table_get_field_required (CandourTable table,
                                  guint        field)
{
  g_return_val_if_fail (table < CANDOUR_N_TABLES, FALSE);
  g_return_val_if_fail (field < candour_import_tables[table].n_fields, FALSE);

  return candour_import_tables[table].fields[field].required;
}

const char *
candour_table_get_field_default (CandourTable table,
                                 guint        field)
{
  g_return_val_if_fail (table < CANDOUR_N_TABLES, NULL);
  g_return_val_if_fail (field < candour_import_tables[table].n_fields, NULL);

  return candour_import_tables[table].fields[field].default_text;
}

CandourFieldKind
candour_table_get_field_kind (CandourTable table,
                              guint        field)
{
  g_return_val_if_fail (table < CANDOUR_N_TABLES, CANDOUR_FIELD_TEXT);
  g_return_val_if_fail (field < candour_import_tables[table].n_fields, CANDOUR_FIELD_TEXT);

  switch (candour_import_tables[table].fields[field].kind)
    {
    case FIELD_MONEY:
    case FIELD_MONEY_SIGNED:
      return CANDOUR_FIELD_MONEY;
    case FIELD_PERCENT:
      return CANDOUR_FIELD_PERCENT;
    case FIELD_DATE:
      return CANDOUR_FIELD_DATE;
    case FIELD_DAYS:
      return CANDOUR_FIELD_DAYS;
    case FIELD_YES_NO:
    case FIELD_KEYWORD:
      return CANDOUR_FIELD_CHOICE;
    case FIELD_REF:
      return CANDOUR_FIELD_REF;
    case FIELD_TEXT:
    case FIELD_IDENTIFIER:
    default:
      return CANDOUR_FIELD_TEXT;
    }
}

const char * const *
candour_table_get_field_choices (CandourTable table,
                                 guint        field)
{
  g_return_val_if_fail (table < CANDOUR_N_TABLES, NULL);
  g_return_val_if_fail (field < candour_import_tables[table].n_fields, NULL);

  if (candour_import_tables[table].fields[field].kind == FIELD_YES_NO)
    {
      static const char * const yes_no[] = { "yes", "no", NULL };
      return yes_no;
    }
  return candour_import_tables[table].fields[field].kind == FIELD_KEYWORD
         ? candour_import_tables[table].fields[field].keywords : NULL;
}

gboolean
candour_table_get_field_target (CandourTable  table,
                                guint         field,
                                CandourTable *out_target)
{
  g_return_val_if_fail (table < CANDOUR_N_TABLES, FALSE);
  g_return_val_if_fail (field < candour_import_tables[table].n_fields, FALSE);

  if (candour_import_tables[table].fields[field].kind != FIELD_REF)
    return FALSE;
  if (out_target != NULL)
    *out_target = candour_import_tables[table].fields[field].target;
  return TRUE;
}
