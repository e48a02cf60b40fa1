/* candour-import.c: CSV files into the database, all or nothing
 *
 * Each table is described once (its columns, their kinds, the INSERT that stores a row);
 * one loop reads any of them. A row with a problem is reported and skipped so that one
 * run lists as many problems as possible; the transaction is rolled back at the end if
 * there were any. The format is documented in docs/data-format.md.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include <glib/gstdio.h>

#include "candour-import.h"
#include "candour-database-private.h"
#include "candour-csv-reader.h"
#include "candour-date.h"
#include "candour-error.h"
#include "candour-money.h"
#include "candour-percent.h"

typedef enum
{
  FIELD_TEXT,
  FIELD_MONEY,                  /* pence, not negative */
  FIELD_MONEY_SIGNED,           /* pence, negative for refunds */
  FIELD_PERCENT,                /* basis points */
  FIELD_DATE,
  FIELD_DAYS,                   /* a whole number of days */
  FIELD_YES_NO,
  FIELD_KEYWORD,
  FIELD_REF,                    /* a ref of another record, stored as its id */
} FieldKind;

typedef struct
{
  const char *name;             /* CSV header, and the INSERT's parameter after ':' */
  FieldKind kind;
  gboolean required;
  const char * const *keywords; /* FIELD_KEYWORD: the allowed words */
  const char *what;             /* FIELD_KEYWORD: "kind of organisation"; FIELD_REF: the table's name */
  CandourTable target;          /* FIELD_REF: the table it points into */
} ImportField;

typedef struct
{
  gboolean set;
  gint64 number;                /* money, percent, days, yes/no, ref id */
  char *text;                   /* text, keyword, ISO date */
} FieldValue;

typedef struct _ImportRow ImportRow;
typedef struct _ImportTable ImportTable;

struct _ImportTable
{
  const char *name;
  const ImportField *fields;
  guint n_fields;
  const char *insert_sql;
  const char *update_sql;       /* the same values into the record :id, for forms */
  /* Rules across columns; reports problems through row and returns FALSE to skip the row. */
  gboolean (*check_row) (ImportRow *row);
};

typedef struct
{
  char *display_name;
  char *path;                   /* NULL when the data is in memory */
  GBytes *data;
  const ImportTable *table;     /* NULL: the file name names no table */
  goffset size;                 /* bytes, for the bulk load and for progress */
  guint count;                  /* rows written by the last run */
} ImportFile;

struct _CandourImport
{
  CandourDatabase *db;
  GPtrArray *files;             /* ImportFile */
  GPtrArray *problems;          /* char * */
  guint n_problems;             /* all problems, also those past the cap */
  guint counts[CANDOUR_N_TABLES];
  GHashTable *ref_cache[CANDOUR_N_TABLES]; /* ref → gint64 *id, filled by look-ups */
  GHashTable *refused_refs[CANDOUR_N_TABLES]; /* refs of rows not written for a problem */
  const ImportTable *record_table; /* a form's one record: problems name fields, not places */
  gboolean dry_run;             /* roll back at the end, whatever happens */
  CandourImportProgressFunc progress_func;
  gpointer progress_data;
  goffset bytes_total;          /* of the files that name a table */
  goffset bytes_done;           /* of the files read to the end */
  guint rows_read;
};

struct _ImportRow
{
  CandourImport *import;
  const ImportTable *table;
  const char *file_name;
  guint line;
  const int *column_of;         /* field index → CSV column (0-based), -1 when absent */
  FieldValue *values;
  gint64 record_id;             /* the record a form updates; 0 for a new one */
  gboolean ok;
};

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

static const char * const table_names[CANDOUR_N_TABLES] = {
  "organisations", "consortia", "consortium_members", "bids", "bid_partners",
  "contracts", "subcontracts", "payments",
};

const char *
candour_table_get_name (CandourTable table)
{
  g_return_val_if_fail (table < CANDOUR_N_TABLES, NULL);

  return table_names[table];
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
    if (g_str_equal (lower, table_names[i]))
      {
        if (out_table != NULL)
          *out_table = i;
        return TRUE;
      }

  return FALSE;
}

/* Problems */

static void
add_problem (CandourImport *self,
             const char    *file_name,
             guint          line,
             guint          column,
             const char    *format,
             ...) G_GNUC_PRINTF (5, 6);

static void
add_problem (CandourImport *self,
             const char    *file_name,
             guint          line,
             guint          column,
             const char    *format,
             ...)
{
  g_autofree char *reason = NULL;
  va_list args;

  self->n_problems++;
  if (self->problems->len >= CANDOUR_IMPORT_MAX_PROBLEMS)
    return;

  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);

  /* A form's fields stand in columns in their own order: name the field instead. */
  if (self->record_table != NULL && column >= 1 && column <= self->record_table->n_fields)
    g_ptr_array_add (self->problems, g_strdup_printf ("%s: %s", self->record_table->fields[column - 1].name, reason));
  else if (self->record_table != NULL)
    g_ptr_array_add (self->problems, g_strdup (reason));
  else
    g_ptr_array_add (self->problems, g_strdup_printf ("%s:%u:%u: %s", file_name, line, column, reason));
}

/* Far more than any name or note needs: a longer cell is a file that went wrong. */
#define MAX_CELL_BYTES (1024 * 1024)

/* Messages quote what the file says, but a whole 1 MiB cell would drown the reason,
 * and a line break in it would split the message over two lines. */
static char *
shorten (const char *text)
{
  const char *end = text;
  char *quote;

  for (guint n = 0; n < 40 && *end != '\0'; n++)
    end = g_utf8_next_char (end);
  quote = *end == '\0' ? g_strdup (text) : g_strdup_printf ("%.*s…", (int)(end - text), text);

  for (char *p = quote; *p != '\0'; p++)
    if ((guchar) *p < 0x20 || *p == 0x7F)
      *p = ' ';
  return quote;
}

static void
add_error_problem (CandourImport *self,
                   const GError  *error)
{
  self->n_problems++;
  if (self->problems->len < CANDOUR_IMPORT_MAX_PROBLEMS)
    g_ptr_array_add (self->problems, g_strdup (error->message));
}

static guint
field_index (const ImportTable *table,
             const char        *name)
{
  for (guint i = 0; i < table->n_fields; i++)
    if (g_str_equal (table->fields[i].name, name))
      return i;

  g_assert_not_reached ();
}

/* The 1-based CSV column of a field, for messages; 1 when the file lacks the column. */
static guint
row_column (ImportRow  *row,
            const char *field_name)
{
  int column = row->column_of[field_index (row->table, field_name)];

  return column >= 0 ? (guint)column + 1 : 1;
}

static FieldValue *
row_value (ImportRow  *row,
           const char *field_name)
{
  return &row->values[field_index (row->table, field_name)];
}

static void
row_problem (ImportRow  *row,
             const char *field_name,
             const char *format,
             ...) G_GNUC_PRINTF (3, 4);

static void
row_problem (ImportRow  *row,
             const char *field_name,
             const char *format,
             ...)
{
  g_autofree char *reason = NULL;
  va_list args;

  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);

  add_problem (row->import, row->file_name, row->line, row_column (row, field_name), "%s", reason);
  row->ok = FALSE;
}

/* Refs */

/* The SQL table behind each CandourTable, and its highest id (ids grow by one per
 * insert, so the rows a file added are the ids between the before and after). */
static const char * const sql_tables[CANDOUR_N_TABLES] = {
  "organisation", "consortium", "consortium_member", "bid", "bid_partner",
  "contract", "subcontract", "payment",
};

static const char * const max_id_sql[CANDOUR_N_TABLES] = {
  "SELECT coalesce (max (id), 0) FROM organisation",
  "SELECT coalesce (max (id), 0) FROM consortium",
  "SELECT coalesce (max (id), 0) FROM consortium_member",
  "SELECT coalesce (max (id), 0) FROM bid",
  "SELECT coalesce (max (id), 0) FROM bid_partner",
  "SELECT coalesce (max (id), 0) FROM contract",
  "SELECT coalesce (max (id), 0) FROM subcontract",
  "SELECT coalesce (max (id), 0) FROM payment",
};

static gboolean
max_id (CandourImport  *self,
        CandourTable    table,
        gint64         *out_id,
        GError        **error)
{
  sqlite3_stmt *stmt = candour_database_prepare (self->db, max_id_sql[table], error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  *out_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    return candour_database_set_error (self->db, error, max_id_sql[table]);
  return TRUE;
}

static const char * const ref_lookup_sql[CANDOUR_N_TABLES] = {
  "SELECT id FROM organisation WHERE ref = :ref",
  "SELECT id FROM consortium WHERE ref = :ref",
  NULL,
  "SELECT id FROM bid WHERE ref = :ref",
  NULL,
  "SELECT id FROM contract WHERE ref = :ref",
  "SELECT id FROM subcontract WHERE ref = :ref",
  NULL,
};

/* Sets *out_id to the record's id, or 0 when no record has that ref. Found refs are
 * cached: a million payments name far fewer subcontracts. */
static gboolean
lookup_ref (CandourImport  *self,
            CandourTable    table,
            const char     *ref,
            gint64         *out_id,
            GError        **error)
{
  const char *sql = ref_lookup_sql[table];
  gint64 *cached;
  sqlite3_stmt *stmt;
  int rc;

  g_assert (sql != NULL);

  cached = g_hash_table_lookup (self->ref_cache[table], ref);
  if (cached != NULL)
    {
      *out_id = *cached;
      return TRUE;
    }

  stmt = candour_database_prepare (self->db, sql, error);
  if (stmt == NULL)
    return FALSE;

  candour_bind_text (stmt, ":ref", ref);
  rc = sqlite3_step (stmt);
  *out_id = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  sqlite3_reset (stmt);

  if (rc == SQLITE_ROW)
    g_hash_table_insert (self->ref_cache[table], g_strdup (ref), g_memdup2 (out_id, sizeof *out_id));
  else if (rc != SQLITE_DONE)
    return candour_database_set_error (self->db, error, sql);

  return TRUE;
}

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

static void
parse_cell (ImportRow         *row,
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
      row_problem (row, field->name, "%s is too long (%" G_GSIZE_FORMAT " bytes); a cell "
                   "holds at most 1 MB (%d bytes)", field->name, length, MAX_CELL_BYTES);
      return;
    }

  /* Most cells have no surrounding spaces: copy only those that do. */
  if (length > 0 && (g_ascii_isspace (raw[0]) || g_ascii_isspace (raw[length - 1])))
    trimmed = copy = g_strstrip (g_strdup (raw));

  if (trimmed[0] == '\0')
    {
      if (field->required)
        row_problem (row, field->name, "%s is empty; every row needs one", field->name);
      return;
    }

  switch (field->kind)
    {
    case FIELD_TEXT:
      value->text = g_strdup (unguard_text (trimmed));
      value->set = TRUE;
      return;

    case FIELD_MONEY:
    case FIELD_MONEY_SIGNED:
      if (!candour_money_parse (trimmed, &value->number, &error))
        break;
      if (field->kind == FIELD_MONEY && value->number < 0)
        {
          row_problem (row, field->name, "%s is negative (%s); it must be zero or more",
                       field->name, (quoted = shorten (trimmed)));
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
      if (!candour_date_parse (trimmed, &value->text, &error))
        break;
      value->set = TRUE;
      return;

    case FIELD_DAYS:
      {
        guint64 days;

        if (!g_ascii_string_to_unsigned (trimmed, 10, 0, 3650, &days, NULL))
          {
            row_problem (row, field->name, "%s is '%s'; it must be a whole number of days "
                         "from 0 to 3650, such as 30", field->name, (quoted = shorten (trimmed)));
            return;
          }
        value->number = (gint64)days;
        value->set = TRUE;
        return;
      }

    case FIELD_YES_NO:
      if (!parse_yes_no (trimmed, &value->number))
        {
          row_problem (row, field->name, "%s is '%s'; write yes or no", field->name,
                       (quoted = shorten (trimmed)));
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
            row_problem (row, field->name, "'%s' is not a %s; use one of %s",
                         (quoted = shorten (trimmed)), field->what, choices);
            return;
          }
        value->text = g_steal_pointer (&word);
        value->set = TRUE;
        return;
      }

    case FIELD_REF:
      {
        const char *ref = unguard_text (trimmed);

        if (!lookup_ref (row->import, field->target, ref, &value->number, &error))
          break;
        if (value->number == 0 && g_hash_table_contains (row->import->refused_refs[field->target], ref))
          {
            row_problem (row, field->name, "%s '%s' points to a row of %s.csv that has a problem "
                         "of its own (listed above)", field->name, (quoted = shorten (ref)),
                         field->what);
            return;
          }
        if (value->number == 0)
          {
            row_problem (row, field->name, "%s '%s' points nowhere: there is no such ref in "
                         "%s.csv or in the database", field->name, (quoted = shorten (ref)),
                         field->what);
            return;
          }
        value->text = g_strdup (ref);
        value->set = TRUE;
        return;
      }

    default:
      g_assert_not_reached ();
    }

  g_assert (error != NULL);
  row_problem (row, field->name, "%s %s", field->name, error->message);
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

  row_problem (row, end_field, "%s (%s) is before %s (%s)", end_field, end_iso, start_field, start_iso);
  return FALSE;
}

static gboolean
check_consortium (ImportRow *row)
{
  FieldValue *agreement = row_value (row, "agreement");
  FieldValue *agreement_on = row_value (row, "agreement_on");

  /* A date for the agreement is an agreement. */
  if (agreement_on->set && !agreement->set)
    {
      agreement->set = TRUE;
      agreement->number = 1;
    }
  else if (agreement_on->set && agreement->number == 0)
    row_problem (row, "agreement_on", "agreement_on is given but agreement says no; "
                 "clear one of them");

  return row->ok;
}

static gboolean
check_member (ImportRow *row)
{
  /* UNIQUE in the schema cannot see two rows without a joining date as the same. */
  static const char sql[] =
    "SELECT 1 FROM consortium_member WHERE consortium_id = :consortium AND member_id = :member "
    "AND joined_on IS :joined_on AND id IS NOT :id";
  FieldValue *consortium = row_value (row, "consortium_ref");
  FieldValue *member = row_value (row, "member_ref");
  FieldValue *joined = row_value (row, "joined_on");
  sqlite3_stmt *stmt;
  gboolean listed;

  if (!check_dates_in_order (row, "joined_on", joined->text, "left_on", row_value (row, "left_on")->text))
    return FALSE;

  stmt = candour_database_prepare (row->import->db, sql, NULL);
  g_assert (stmt != NULL);
  candour_bind_int64 (stmt, ":consortium", consortium->number);
  candour_bind_int64 (stmt, ":member", member->number);
  candour_bind_text (stmt, ":joined_on", joined->text);
  candour_bind_int64 (stmt, ":id", row->record_id);
  listed = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);

  if (listed)
    {
      g_autofree char *who = shorten (member->text);
      g_autofree char *where = shorten (consortium->text);

      row_problem (row, "member_ref", "'%s' is already listed as a member of '%s'%s",
                   who, where, joined->set ? " from that date" : "");
    }
  return row->ok;
}

static gboolean
check_bid_partner (ImportRow *row)
{
  if (row_value (row, "promised_value")->set && row_value (row, "promised_share")->set)
    row_problem (row, "promised_share", "the promise is given both as a value and as a share; "
                 "keep only the one the bid stated");
  return row->ok;
}

static gboolean
check_contract (ImportRow *row)
{
  static const char bid_sql[] = "SELECT lead_id, commissioner_id FROM bid WHERE id = :id";
  CandourImport *self = row->import;
  FieldValue *bid = row_value (row, "bid_ref");
  FieldValue *lead = row_value (row, "lead_ref");
  FieldValue *commissioner = row_value (row, "commissioner_ref");
  g_autofree char *bid_quoted = NULL;
  g_autofree char *quoted = NULL;

  check_dates_in_order (row, "start_on", row_value (row, "start_on")->text,
                        "end_on", row_value (row, "end_on")->text);

  if (bid->set)
    {
      sqlite3_stmt *stmt = candour_database_prepare (self->db, bid_sql, NULL);
      gint64 bid_lead, bid_commissioner;

      g_assert (stmt != NULL);
      candour_bind_int64 (stmt, ":id", bid->number);
      if (sqlite3_step (stmt) != SQLITE_ROW)
        g_assert_not_reached ();
      bid_lead = sqlite3_column_int64 (stmt, 0);
      bid_commissioner = sqlite3_column_int64 (stmt, 1);
      sqlite3_reset (stmt);

      bid_quoted = shorten (bid->text);
      if (lead->set && lead->number != bid_lead)
        row_problem (row, "lead_ref", "lead_ref '%s' is not the lead of bid '%s'; leave it "
                     "empty to take the bid's lead", (quoted = shorten (lead->text)), bid_quoted);
      if (commissioner->set && commissioner->number != bid_commissioner)
        {
          g_free (quoted);
          row_problem (row, "commissioner_ref", "commissioner_ref '%s' is not the commissioner of "
                       "bid '%s'; leave it empty to take the bid's",
                       (quoted = shorten (commissioner->text)), bid_quoted);
        }

      lead->set = commissioner->set = TRUE;
      lead->number = bid_lead;
      commissioner->number = bid_commissioner;
    }
  else
    {
      if (!lead->set && row->column_of[field_index (row->table, "lead_ref")] >= 0)
        row_problem (row, "lead_ref", "lead_ref is empty; a contract without bid_ref needs "
                     "its lead provider");
      else if (!lead->set)
        row_problem (row, "bid_ref", "a contract needs bid_ref, or lead_ref and "
                     "commissioner_ref for a direct award");
      if (!commissioner->set && lead->set)
        row_problem (row, "commissioner_ref", "commissioner_ref is empty; a contract without "
                     "bid_ref needs its commissioner");
    }

  return row->ok;
}

static gboolean
check_subcontract (ImportRow *row)
{
  static const char contract_sql[] = "SELECT start_on, end_on FROM contract WHERE id = :id";
  FieldValue *contract = row_value (row, "contract_ref");
  FieldValue *start = row_value (row, "start_on");
  FieldValue *end = row_value (row, "end_on");
  g_autofree char *contract_start = NULL;
  g_autofree char *contract_end = NULL;
  g_autofree char *quoted = NULL;
  sqlite3_stmt *stmt;

  if (!contract->set)
    return row->ok;

  stmt = candour_database_prepare (row->import->db, contract_sql, NULL);
  g_assert (stmt != NULL);
  candour_bind_int64 (stmt, ":id", contract->number);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    g_assert_not_reached ();
  contract_start = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  contract_end = g_strdup ((const char *)sqlite3_column_text (stmt, 1));
  sqlite3_reset (stmt);

  /* Compare the dates the engine will use: the contract's where the row has none. */
  if (start->set || end->set)
    {
      if (start->set && !end->set && strcmp (start->text, contract_end) > 0)
        row_problem (row, "start_on", "start_on (%s) is after the end of contract '%s' (%s); "
                     "give the subcontract its own end_on", start->text,
                     (quoted = shorten (contract->text)), contract_end);
      else if (end->set && !start->set && strcmp (end->text, contract_start) < 0)
        row_problem (row, "end_on", "end_on (%s) is before the start of contract '%s' (%s); "
                     "give the subcontract its own start_on", end->text,
                     (quoted = shorten (contract->text)), contract_start);
      else
        check_dates_in_order (row, "start_on", start->text, "end_on", end->text);
    }

  return row->ok;
}

static gboolean
check_payment (ImportRow *row)
{
  gboolean to_contract = row_value (row, "contract_ref")->set;
  gboolean to_subcontract = row_value (row, "subcontract_ref")->set;

  if (to_contract && to_subcontract)
    row_problem (row, "subcontract_ref", "the payment names both a contract and a subcontract; "
                 "a payment is either commissioner to lead (contract_ref) or lead to partner "
                 "(subcontract_ref)");
  else if (!to_contract && !to_subcontract && row->ok)
    row_problem (row, "contract_ref", "the payment names neither contract_ref nor subcontract_ref; "
                 "give one of them");

  return row->ok;
}

/* The tables, in dependency order */

static const ImportField organisation_fields[] = {
  { "ref", FIELD_TEXT, TRUE },
  { "name", FIELD_TEXT, TRUE },
  { "org_id", FIELD_TEXT },
  { "kind", FIELD_KEYWORD, FALSE, organisation_kinds, "kind of organisation" },
  { "annual_income", FIELD_MONEY },
  { "locality", FIELD_KEYWORD, FALSE, localities, "locality" },
  { "led_by", FIELD_TEXT },
  { "notes", FIELD_TEXT },
};

static const ImportField consortium_fields[] = {
  { "ref", FIELD_TEXT, TRUE },
  { "name", FIELD_TEXT, TRUE },
  { "model", FIELD_KEYWORD, FALSE, consortium_models, "consortium model" },
  { "lead_ref", FIELD_REF, FALSE, NULL, "organisations", CANDOUR_TABLE_ORGANISATIONS },
  { "agreement", FIELD_YES_NO },
  { "agreement_on", FIELD_DATE },
  { "due_diligence", FIELD_YES_NO },
  { "notes", FIELD_TEXT },
};

static const ImportField member_fields[] = {
  { "consortium_ref", FIELD_REF, TRUE, NULL, "consortia", CANDOUR_TABLE_CONSORTIA },
  { "member_ref", FIELD_REF, TRUE, NULL, "organisations", CANDOUR_TABLE_ORGANISATIONS },
  { "joined_on", FIELD_DATE },
  { "left_on", FIELD_DATE },
};

static const ImportField bid_fields[] = {
  { "ref", FIELD_TEXT, TRUE },
  { "title", FIELD_TEXT, TRUE },
  { "lead_ref", FIELD_REF, TRUE, NULL, "organisations", CANDOUR_TABLE_ORGANISATIONS },
  { "commissioner_ref", FIELD_REF, TRUE, NULL, "organisations", CANDOUR_TABLE_ORGANISATIONS },
  { "value", FIELD_MONEY },
  { "submitted_on", FIELD_DATE },
  { "outcome", FIELD_KEYWORD, FALSE, outcomes, "bid outcome" },
  { "consortium_ref", FIELD_REF, FALSE, NULL, "consortia", CANDOUR_TABLE_CONSORTIA },
};

static const ImportField bid_partner_fields[] = {
  { "bid_ref", FIELD_REF, TRUE, NULL, "bids", CANDOUR_TABLE_BIDS },
  { "partner_ref", FIELD_REF, TRUE, NULL, "organisations", CANDOUR_TABLE_ORGANISATIONS },
  { "role", FIELD_TEXT },
  { "promised_value", FIELD_MONEY },
  { "promised_share", FIELD_PERCENT },
  { "consent", FIELD_KEYWORD, FALSE, consents, "consent answer" },
};

static const ImportField contract_fields[] = {
  { "ref", FIELD_TEXT, TRUE },
  { "bid_ref", FIELD_REF, FALSE, NULL, "bids", CANDOUR_TABLE_BIDS },
  { "title", FIELD_TEXT },
  { "commissioner_ref", FIELD_REF, FALSE, NULL, "organisations", CANDOUR_TABLE_ORGANISATIONS },
  { "lead_ref", FIELD_REF, FALSE, NULL, "organisations", CANDOUR_TABLE_ORGANISATIONS },
  { "value", FIELD_MONEY, TRUE },
  { "start_on", FIELD_DATE, TRUE },
  { "end_on", FIELD_DATE, TRUE },
  { "model", FIELD_TEXT },
  { "required_small_share", FIELD_PERCENT },
  { "small_income_limit", FIELD_MONEY },
};

static const ImportField subcontract_fields[] = {
  { "ref", FIELD_TEXT, TRUE },
  { "contract_ref", FIELD_REF, TRUE, NULL, "contracts", CANDOUR_TABLE_CONTRACTS },
  { "partner_ref", FIELD_REF, TRUE, NULL, "organisations", CANDOUR_TABLE_ORGANISATIONS },
  { "value", FIELD_MONEY, TRUE },
  { "start_on", FIELD_DATE },
  { "end_on", FIELD_DATE },
  { "payment_terms_days", FIELD_DAYS },
};

static const ImportField payment_fields[] = {
  { "ref", FIELD_TEXT },
  { "contract_ref", FIELD_REF, FALSE, NULL, "contracts", CANDOUR_TABLE_CONTRACTS },
  { "subcontract_ref", FIELD_REF, FALSE, NULL, "subcontracts", CANDOUR_TABLE_SUBCONTRACTS },
  { "amount", FIELD_MONEY_SIGNED, TRUE },
  { "paid_on", FIELD_DATE, TRUE },
  { "invoiced_on", FIELD_DATE },
};

#define TABLE(fields) fields, G_N_ELEMENTS (fields)

static const ImportTable tables[CANDOUR_N_TABLES] = {
  { "organisations", TABLE (organisation_fields),
    "INSERT INTO organisation (ref, name, org_id, kind, annual_income, locality, led_by, notes) "
    "VALUES (:ref, :name, :org_id, coalesce (:kind, 'other'), :annual_income, :locality, :led_by, :notes)",
    "UPDATE organisation SET ref = :ref, name = :name, org_id = :org_id, kind = coalesce (:kind, 'other'), "
    "annual_income = :annual_income, locality = :locality, led_by = :led_by, notes = :notes WHERE id = :id",
    NULL },
  { "consortia", TABLE (consortium_fields),
    "INSERT INTO consortium (ref, name, model, lead_id, agreement, agreement_on, due_diligence, notes) "
    "VALUES (:ref, :name, :model, :lead_ref, coalesce (:agreement, 0), :agreement_on, "
    "coalesce (:due_diligence, 0), :notes)",
    "UPDATE consortium SET ref = :ref, name = :name, model = :model, lead_id = :lead_ref, "
    "agreement = coalesce (:agreement, 0), agreement_on = :agreement_on, "
    "due_diligence = coalesce (:due_diligence, 0), notes = :notes WHERE id = :id",
    check_consortium },
  { "consortium_members", TABLE (member_fields),
    "INSERT INTO consortium_member (consortium_id, member_id, joined_on, left_on) "
    "VALUES (:consortium_ref, :member_ref, :joined_on, :left_on)",
    "UPDATE consortium_member SET consortium_id = :consortium_ref, member_id = :member_ref, "
    "joined_on = :joined_on, left_on = :left_on WHERE id = :id",
    check_member },
  { "bids", TABLE (bid_fields),
    "INSERT INTO bid (ref, title, lead_id, commissioner_id, value, submitted_on, outcome, consortium_id) "
    "VALUES (:ref, :title, :lead_ref, :commissioner_ref, :value, :submitted_on, "
    "coalesce (:outcome, 'pending'), :consortium_ref)",
    "UPDATE bid SET ref = :ref, title = :title, lead_id = :lead_ref, commissioner_id = :commissioner_ref, "
    "value = :value, submitted_on = :submitted_on, outcome = coalesce (:outcome, 'pending'), "
    "consortium_id = :consortium_ref WHERE id = :id",
    NULL },
  { "bid_partners", TABLE (bid_partner_fields),
    "INSERT INTO bid_partner (bid_id, partner_id, role, promised_value, promised_share, consent) "
    "VALUES (:bid_ref, :partner_ref, :role, :promised_value, :promised_share, coalesce (:consent, 'unknown'))",
    "UPDATE bid_partner SET bid_id = :bid_ref, partner_id = :partner_ref, role = :role, "
    "promised_value = :promised_value, promised_share = :promised_share, "
    "consent = coalesce (:consent, 'unknown') WHERE id = :id",
    check_bid_partner },
  { "contracts", TABLE (contract_fields),
    "INSERT INTO contract (ref, bid_id, title, commissioner_id, lead_id, value, start_on, end_on, model, "
    "required_small_share, small_income_limit) "
    "VALUES (:ref, :bid_ref, :title, :commissioner_ref, :lead_ref, :value, :start_on, :end_on, :model, "
    ":required_small_share, coalesce (:small_income_limit, 100000000))",
    "UPDATE contract SET ref = :ref, bid_id = :bid_ref, title = :title, commissioner_id = :commissioner_ref, "
    "lead_id = :lead_ref, value = :value, start_on = :start_on, end_on = :end_on, model = :model, "
    "required_small_share = :required_small_share, "
    "small_income_limit = coalesce (:small_income_limit, 100000000) WHERE id = :id",
    check_contract },
  { "subcontracts", TABLE (subcontract_fields),
    "INSERT INTO subcontract (ref, contract_id, partner_id, value, start_on, end_on, payment_terms_days) "
    "VALUES (:ref, :contract_ref, :partner_ref, :value, :start_on, :end_on, coalesce (:payment_terms_days, 30))",
    "UPDATE subcontract SET ref = :ref, contract_id = :contract_ref, partner_id = :partner_ref, value = :value, "
    "start_on = :start_on, end_on = :end_on, payment_terms_days = coalesce (:payment_terms_days, 30) "
    "WHERE id = :id",
    check_subcontract },
  { "payments", TABLE (payment_fields),
    "INSERT INTO payment (ref, contract_id, subcontract_id, amount, paid_on, invoiced_on) "
    "VALUES (:ref, :contract_ref, :subcontract_ref, :amount, :paid_on, :invoiced_on)",
    "UPDATE payment SET ref = :ref, contract_id = :contract_ref, subcontract_id = :subcontract_ref, "
    "amount = :amount, paid_on = :paid_on, invoiced_on = :invoiced_on WHERE id = :id",
    check_payment },
};

#undef TABLE

static char *
field_names (const ImportTable *table)
{
  GString *names = g_string_new (NULL);

  for (guint i = 0; i < table->n_fields; i++)
    g_string_append_printf (names, "%s%s", i > 0 ? ", " : "", table->fields[i].name);
  return g_string_free (names, FALSE);
}

/* Maps header columns to fields. Returns FALSE (with problems added) when the header
 * has an unknown or repeated column or lacks a required one. */
static gboolean
read_header (CandourImport     *self,
             CandourCsvReader  *reader,
             const ImportTable *table,
             int               *column_of,
             guint              n_columns)
{
  const char *file_name = candour_csv_reader_get_name (reader);
  guint line = candour_csv_reader_get_line (reader);
  gboolean ok = TRUE;

  for (guint i = 0; i < table->n_fields; i++)
    column_of[i] = -1;

  /* A header of a million unknown columns is listed only up to the cap. */
  for (guint column = 0; column < n_columns && self->n_problems < CANDOUR_IMPORT_MAX_PROBLEMS; column++)
    {
      g_autofree char *name = g_ascii_strdown (candour_csv_reader_get_field (reader, column), -1);
      guint i;

      g_strstrip (name);
      for (i = 0; i < table->n_fields; i++)
        if (g_str_equal (name, table->fields[i].name))
          break;

      if (i == table->n_fields && name[0] == '\0')
        {
          add_problem (self, file_name, line, column + 1,
                       "column %u of the header has no name; name it, or delete the column "
                       "if it is empty (a comma at the end of the line makes one)", column + 1);
          ok = FALSE;
        }
      else if (i == table->n_fields)
        {
          g_autofree char *names = field_names (table);
          g_autofree char *quoted = shorten (candour_csv_reader_get_field (reader, column));
          add_problem (self, file_name, line, column + 1,
                       "unknown column '%s'; the columns of %s.csv are %s",
                       quoted, table->name, names);
          ok = FALSE;
        }
      else if (column_of[i] >= 0)
        {
          add_problem (self, file_name, line, column + 1, "column '%s' appears twice (also column %d)",
                       table->fields[i].name, column_of[i] + 1);
          ok = FALSE;
        }
      else
        column_of[i] = column;
    }

  for (guint i = 0; i < table->n_fields; i++)
    if (table->fields[i].required && column_of[i] < 0)
      {
        add_problem (self, file_name, line, 1, "the required column '%s' is missing",
                     table->fields[i].name);
        ok = FALSE;
      }

  if (table->check_row == check_payment &&
      column_of[field_index (table, "contract_ref")] < 0 &&
      column_of[field_index (table, "subcontract_ref")] < 0)
    {
      add_problem (self, file_name, line, 1,
                   "the file needs a contract_ref or a subcontract_ref column");
      ok = FALSE;
    }

  return ok;
}

/* The INSERT's parameter for each field, looked up once per file rather than per row. */
static int *
parameter_indexes (sqlite3_stmt      *stmt,
                   const ImportTable *table)
{
  int *indexes = g_new (int, table->n_fields);

  for (guint i = 0; i < table->n_fields; i++)
    {
      g_autofree char *parameter = g_strconcat (":", table->fields[i].name, NULL);
      indexes[i] = sqlite3_bind_parameter_index (stmt, parameter);
      g_assert (indexes[i] > 0);
    }
  return indexes;
}

static void
bind_row (sqlite3_stmt *stmt,
          const int    *indexes,
          ImportRow    *row)
{
  for (guint i = 0; i < row->table->n_fields; i++)
    {
      FieldKind kind = row->table->fields[i].kind;
      FieldValue *value = &row->values[i];

      if (!value->set)
        sqlite3_bind_null (stmt, indexes[i]);
      else if (kind == FIELD_TEXT || kind == FIELD_KEYWORD || kind == FIELD_DATE)
        sqlite3_bind_text (stmt, indexes[i], value->text, -1, SQLITE_STATIC);
      else
        sqlite3_bind_int64 (stmt, indexes[i], value->number);
    }
}

/* Turns a refused INSERT into words about the row. */
static void
report_insert_failure (ImportRow *row)
{
  sqlite3 *db = candour_database_get_handle (row->import->db);
  const char *message = sqlite3_errmsg (db);
  int code = sqlite3_extended_errcode (db);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  if (code == SQLITE_CONSTRAINT_UNIQUE && strstr (message, ".ref") != NULL)
    row_problem (row, "ref", "ref '%s' is already used by another record in %s; "
                 "each ref must be unique", (first = shorten (row_value (row, "ref")->text)),
                 row->table->name);
  else if (code == SQLITE_CONSTRAINT_UNIQUE && strstr (message, "bid_partner.") != NULL)
    row_problem (row, "partner_ref", "bid '%s' already names partner '%s'; a bid names each "
                 "partner once", (first = shorten (row_value (row, "bid_ref")->text)),
                 (second = shorten (row_value (row, "partner_ref")->text)));
  else if (code == SQLITE_CONSTRAINT_UNIQUE && strstr (message, "contract.bid_id") != NULL)
    row_problem (row, "bid_ref", "bid '%s' already has a contract; a bid leads to at most one "
                 "contract", (first = shorten (row_value (row, "bid_ref")->text)));
  else if (code == SQLITE_CONSTRAINT_UNIQUE && strstr (message, "consortium_member.") != NULL)
    row_problem (row, "member_ref", "'%s' is already listed as a member of '%s' from that date",
                 (first = shorten (row_value (row, "member_ref")->text)),
                 (second = shorten (row_value (row, "consortium_ref")->text)));
  else
    add_problem (row->import, row->file_name, row->line, 1,
                 "the database refused this row: %s", message);
  row->ok = FALSE;
}

static void
clear_values (FieldValue *values,
              guint       n_values)
{
  for (guint i = 0; i < n_values; i++)
    g_clear_pointer (&values[i].text, g_free);
  memset (values, 0, n_values * sizeof *values);
}

/* Tells the progress function how far the run is; reader is the file being read, if any. */
static void
report_progress (CandourImport    *self,
                 ImportFile       *file,
                 CandourCsvReader *reader)
{
  double done = self->bytes_done;

  if (self->progress_func == NULL || self->bytes_total == 0)
    return;
  if (reader != NULL)
    done += candour_csv_reader_get_progress (reader) * file->size;
  self->progress_func (MIN (done / self->bytes_total, 1.0), self->progress_data);
}

static gboolean
import_file (CandourImport  *self,
             ImportFile     *file,
             GCancellable   *cancellable,
             GError        **error)
{
  const ImportTable *table = file->table;
  g_autoptr(CandourCsvReader) reader = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree int *column_of = NULL;
  g_autofree FieldValue *values = NULL;
  g_autofree int *indexes = NULL;
  CandourTable table_id = table - tables;
  /* Other rows refer to this table's records by this field. */
  int ref_index = ref_lookup_sql[table_id] != NULL ? (int)field_index (table, "ref") : -1;
  guint rows_before;
  gint64 id_before;
  sqlite3_stmt *insert;
  guint n_columns;

  if (file->path != NULL)
    reader = candour_csv_reader_new_for_path (file->path, file->display_name, &local_error);
  else
    reader = candour_csv_reader_new_for_data (g_bytes_get_data (file->data, NULL),
                                              g_bytes_get_size (file->data),
                                              file->display_name, &local_error);
  if (reader == NULL)
    {
      add_error_problem (self, local_error);
      return TRUE;
    }

  if (!candour_csv_reader_next (reader, &local_error))
    {
      if (local_error != NULL)
        add_error_problem (self, local_error);
      else
        {
          g_autofree char *names = field_names (table);
          add_problem (self, file->display_name, 1, 1, "the file is empty; its first row must "
                       "name the columns, such as %s", names);
        }
      return TRUE;
    }

  n_columns = candour_csv_reader_get_n_fields (reader);
  column_of = g_new (int, table->n_fields);
  if (!read_header (self, reader, table, column_of, n_columns))
    return TRUE;

  insert = candour_database_prepare (self->db, table->insert_sql, error);
  if (insert == NULL)
    return FALSE;

  values = g_new0 (FieldValue, table->n_fields);
  indexes = parameter_indexes (insert, table);
  rows_before = self->counts[table_id];
  if (!max_id (self, table_id, &id_before, error))
    return FALSE;

  while (self->n_problems < CANDOUR_IMPORT_MAX_PROBLEMS)
    {
      ImportRow row = {
        .import = self,
        .table = table,
        .file_name = file->display_name,
        .column_of = column_of,
        .values = values,
        .ok = TRUE,
      };
      guint n_fields;

      if (!candour_csv_reader_next (reader, &local_error))
        {
          if (local_error != NULL)
            add_error_problem (self, local_error);
          break;
        }

      row.line = candour_csv_reader_get_line (reader);
      n_fields = candour_csv_reader_get_n_fields (reader);
      if (n_fields != n_columns)
        {
          add_problem (self, file->display_name, row.line, MIN (n_fields, n_columns) + 1,
                       "this row has %u field%s but the header has %u; check for a missing or "
                       "extra comma, or a comma in a value that needs double quotes",
                       n_fields, n_fields == 1 ? "" : "s", n_columns);
          continue;
        }

      for (guint i = 0; i < table->n_fields; i++)
        if (column_of[i] >= 0)
          parse_cell (&row, i, candour_csv_reader_get_field (reader, column_of[i]));

      if (row.ok && table->check_row != NULL)
        table->check_row (&row);

      if (row.ok)
        {
          bind_row (insert, indexes, &row);
          if (sqlite3_step (insert) != SQLITE_DONE)
            report_insert_failure (&row);
          sqlite3_reset (insert);
          /* The values were bound without copies: unbind before they are freed. */
          sqlite3_clear_bindings (insert);
        }

      if (row.ok)
        self->counts[table_id]++;
      else if (ref_index >= 0 && values[ref_index].set)
        g_hash_table_add (self->refused_refs[table_id], g_steal_pointer (&values[ref_index].text));
      clear_values (values, table->n_fields);

      if ((self->counts[table_id] & 0xfff) == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      if ((++self->rows_read & 0xfff) == 0)
        report_progress (self, file, reader);
    }

  sqlite3_clear_bindings (insert);
  file->count = self->counts[table_id] - rows_before;

  /* One audit row for the file's records (the triggers leave imports to us). */
  if (self->n_problems == 0 && self->counts[table_id] > rows_before)
    {
      gint64 id_after;

      if (!max_id (self, table_id, &id_after, error) ||
          !candour_database_audit_batch (self->db, sql_tables[table_id], id_before + 1, id_after,
                                         file->display_name, self->counts[table_id] - rows_before,
                                         error))
        return FALSE;
    }

  return TRUE;
}

/* Bulk loading. A large payments file loads far faster into a table without its
 * secondary indexes, built once at the end (sorted) rather than row by row: a million
 * payments spend most of their time in the covering index otherwise. Everything happens
 * inside the import's transaction, so a rollback brings the indexes back too. */

#define BULK_LOAD_BYTES (8 * 1024 * 1024)

static goffset
file_size (const ImportFile *file)
{
  GStatBuf st;

  if (file->data != NULL)
    return g_bytes_get_size (file->data);
  return g_stat (file->path, &st) == 0 ? st.st_size : 0;
}

/* Drops the schema objects of a kind ("index", "trigger") on table whose names match
 * pattern (a LIKE pattern) and returns the SQL that re-creates them, or NULL on
 * failure. Indexes behind UNIQUE constraints have no SQL and are never dropped. */
static GPtrArray *
suspend_schema_objects (CandourImport  *self,
                        const char     *type,
                        const char     *table,
                        const char     *pattern,
                        GError        **error)
{
  static const char sql[] =
    "SELECT name, sql FROM sqlite_schema "
    "WHERE type = :type AND tbl_name = :table AND name LIKE :pattern AND sql IS NOT NULL";
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) create = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = candour_database_prepare (self->db, sql, error);

  if (stmt == NULL)
    return NULL;

  candour_bind_text (stmt, ":type", type);
  candour_bind_text (stmt, ":table", table);
  candour_bind_text (stmt, ":pattern", pattern);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_ptr_array_add (names, g_strdup ((const char *)sqlite3_column_text (stmt, 0)));
      g_ptr_array_add (create, g_strdup ((const char *)sqlite3_column_text (stmt, 1)));
    }
  sqlite3_reset (stmt);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *drop = g_strdup_printf ("DROP %s \"%s\"", type, (char *)names->pdata[i]);
      if (!candour_database_exec (self->db, drop, error))
        return NULL;
    }

  return g_steal_pointer (&create);
}

static gboolean
restore_schema_objects (CandourImport  *self,
                        GPtrArray      *create,
                        GError        **error)
{
  for (guint i = 0; i < create->len; i++)
    if (!candour_database_exec (self->db, create->pdata[i], error))
      return FALSE;
  return TRUE;
}

static gboolean
import_table (CandourImport  *self,
              CandourTable    table,
              GCancellable   *cancellable,
              GError        **error)
{
  g_autoptr(GPtrArray) indexes = NULL;
  g_autoptr(GPtrArray) triggers = NULL;
  goffset bytes = 0;
  guint n_files = 0;

  for (guint i = 0; i < self->files->len; i++)
    {
      ImportFile *file = g_ptr_array_index (self->files, i);
      if (file->table == &tables[table])
        {
          bytes += file->size;
          n_files++;
        }
    }

  if (n_files == 0)
    return TRUE;

  /* The import audits its inserts one row per file (see import_file). */
  triggers = suspend_schema_objects (self, "trigger", sql_tables[table], "%_audit_insert", error);
  if (triggers == NULL)
    return FALSE;

  if (table == CANDOUR_TABLE_PAYMENTS && bytes >= BULK_LOAD_BYTES)
    {
      indexes = suspend_schema_objects (self, "index", sql_tables[table], "%", error);
      if (indexes == NULL)
        return FALSE;
    }

  for (guint i = 0; i < self->files->len && self->n_problems < CANDOUR_IMPORT_MAX_PROBLEMS; i++)
    {
      ImportFile *file = g_ptr_array_index (self->files, i);

      if (file->table != &tables[table])
        continue;
      if (!import_file (self, file, cancellable, error))
        return FALSE;
      self->bytes_done += file->size;
      report_progress (self, NULL, NULL);
    }

  /* Not worth rebuilding when the import is about to be rolled back. */
  if (self->n_problems > 0)
    return TRUE;

  return restore_schema_objects (self, triggers, error) &&
         (indexes == NULL || restore_schema_objects (self, indexes, error));
}

/* The whole import */

static void
import_file_free (gpointer data)
{
  ImportFile *file = data;

  g_free (file->display_name);
  g_free (file->path);
  g_clear_pointer (&file->data, g_bytes_unref);
  g_free (file);
}

CandourImport *
candour_import_new (CandourDatabase *db)
{
  CandourImport *self;

  g_return_val_if_fail (CANDOUR_IS_DATABASE (db), NULL);

  self = g_new0 (CandourImport, 1);
  self->db = g_object_ref (db);
  self->files = g_ptr_array_new_with_free_func (import_file_free);
  self->problems = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < CANDOUR_N_TABLES; i++)
    {
      self->ref_cache[i] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      self->refused_refs[i] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
    }
  return self;
}

void
candour_import_free (CandourImport *self)
{
  if (self == NULL)
    return;

  g_clear_object (&self->db);
  g_ptr_array_unref (self->files);
  g_ptr_array_unref (self->problems);
  for (guint i = 0; i < CANDOUR_N_TABLES; i++)
    {
      g_hash_table_unref (self->ref_cache[i]);
      g_hash_table_unref (self->refused_refs[i]);
    }
  g_free (self);
}

static ImportFile *
add_file (CandourImport *self,
          const char    *display_name)
{
  ImportFile *file = g_new0 (ImportFile, 1);
  g_autofree char *base = g_path_get_basename (display_name);
  g_autofree char *lower = g_ascii_strdown (base, -1);
  CandourTable table;

  file->display_name = g_strdup (display_name);
  if (g_str_has_suffix (lower, ".csv") && candour_table_from_name (lower, &table))
    file->table = &tables[table];
  g_ptr_array_add (self->files, file);
  return file;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *)a, *(const char * const *)b);
}

gboolean
candour_import_add_path (CandourImport  *self,
                         const char     *path,
                         GError        **error)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = NULL;
  const char *name;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        {
          g_set_error (error, CANDOUR_CSV_ERROR, CANDOUR_CSV_ERROR_IO,
                       "%s: no such file or folder", path);
          return FALSE;
        }
      add_file (self, path)->path = g_strdup (path);
      return TRUE;
    }

  dir = g_dir_open (path, 0, error);
  if (dir == NULL)
    return FALSE;

  /* Only CSV files: a folder may also hold notes or the spreadsheets they came from. */
  names = g_ptr_array_new_with_free_func (g_free);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *lower = g_ascii_strdown (name, -1);

      /* An exported folder holds the audit trail too: evidence, never imported. */
      if (g_str_has_suffix (lower, ".csv") && !g_str_equal (lower, "audit.csv"))
        g_ptr_array_add (names, g_build_filename (path, name, NULL));
    }
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      const char *file_path = g_ptr_array_index (names, i);
      add_file (self, file_path)->path = g_strdup (file_path);
    }

  if (names->len == 0)
    {
      g_set_error (error, CANDOUR_CSV_ERROR, CANDOUR_CSV_ERROR_IO,
                   "%s: the folder holds no CSV files", path);
      return FALSE;
    }

  return TRUE;
}

void
candour_import_add_data (CandourImport *self,
                         const char    *file_name,
                         GBytes        *data)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (file_name != NULL);
  g_return_if_fail (data != NULL);

  add_file (self, file_name)->data = g_bytes_ref (data);
}

gboolean
candour_import_run (CandourImport  *self,
                    GCancellable   *cancellable,
                    GError        **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  /* Its rollback would take the outer transaction's work with it. */
  g_return_val_if_fail (!self->dry_run || !candour_database_in_transaction (self->db), FALSE);

  g_ptr_array_set_size (self->problems, 0);
  self->n_problems = 0;
  memset (self->counts, 0, sizeof self->counts);
  self->bytes_total = self->bytes_done = 0;
  self->rows_read = 0;
  for (guint i = 0; i < self->files->len; i++)
    {
      ImportFile *file = g_ptr_array_index (self->files, i);

      file->count = 0;
      file->size = file_size (file);
      if (file->table != NULL)
        self->bytes_total += file->size;
    }
  /* A run that failed was rolled back: the ids it found may belong to no row now. */
  for (guint t = 0; t < CANDOUR_N_TABLES; t++)
    {
      g_hash_table_remove_all (self->ref_cache[t]);
      g_hash_table_remove_all (self->refused_refs[t]);
    }

  for (guint i = 0; i < self->files->len; i++)
    {
      ImportFile *file = g_ptr_array_index (self->files, i);

      if (file->table == NULL)
        {
          g_autoptr(GString) names = g_string_new (NULL);

          for (guint t = 0; t < CANDOUR_N_TABLES; t++)
            g_string_append_printf (names, "%s%s.csv", t > 0 ? ", " : "", table_names[t]);
          add_problem (self, file->display_name, 1, 1, "Candour does not know which table this "
                       "file holds; name it after its table: %s", names->str);
        }
    }

  if (!candour_database_begin (self->db, error))
    return FALSE;

  for (guint t = 0; t < CANDOUR_N_TABLES && self->n_problems < CANDOUR_IMPORT_MAX_PROBLEMS; t++)
    if (!import_table (self, t, cancellable, error))
      {
        candour_database_end (self->db, FALSE, NULL);
        return FALSE;
      }

  if (self->n_problems > 0)
    {
      candour_database_end (self->db, FALSE, NULL);
      /* Only the problems listed are counted: the rest were never looked for. */
      if (self->n_problems >= CANDOUR_IMPORT_MAX_PROBLEMS)
        g_set_error (error, CANDOUR_CSV_ERROR, CANDOUR_CSV_ERROR_VALUE,
                     "Nothing was imported: Candour stopped after %u problems; fix them and "
                     "import again.", self->problems->len);
      else
        g_set_error (error, CANDOUR_CSV_ERROR, CANDOUR_CSV_ERROR_VALUE,
                     "Nothing was imported: %u problem%s to fix first.",
                     self->n_problems, self->n_problems == 1 ? "" : "s");
      return FALSE;
    }

  /* The last moment Cancel can still leave the database as it was. */
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      candour_database_end (self->db, FALSE, NULL);
      return FALSE;
    }

  return candour_database_end (self->db, !self->dry_run, error);
}

void
candour_import_set_dry_run (CandourImport *self,
                            gboolean       dry_run)
{
  g_return_if_fail (self != NULL);

  self->dry_run = !!dry_run;
}

void
candour_import_set_progress_func (CandourImport             *self,
                                  CandourImportProgressFunc  func,
                                  gpointer                   user_data)
{
  g_return_if_fail (self != NULL);

  self->progress_func = func;
  self->progress_data = user_data;
}

guint
candour_import_get_n_files (CandourImport *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->files->len;
}

const char *
candour_import_get_file_name (CandourImport *self,
                              guint          index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->files->len, NULL);

  return ((ImportFile *)g_ptr_array_index (self->files, index))->display_name;
}

gboolean
candour_import_get_file_table (CandourImport *self,
                               guint          index,
                               CandourTable  *out_table)
{
  ImportFile *file;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (index < self->files->len, FALSE);

  file = g_ptr_array_index (self->files, index);
  if (file->table == NULL)
    return FALSE;
  if (out_table != NULL)
    *out_table = file->table - tables;
  return TRUE;
}

guint
candour_import_get_file_count (CandourImport *self,
                               guint          index)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (index < self->files->len, 0);

  return ((ImportFile *)g_ptr_array_index (self->files, index))->count;
}

GPtrArray *
candour_import_get_problems (CandourImport *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->problems;
}

guint
candour_import_get_count (CandourImport *self,
                          CandourTable   table)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (table < CANDOUR_N_TABLES, 0);

  return self->counts[table];
}

/* The format's fields, for forms */

guint
candour_table_get_n_fields (CandourTable table)
{
  g_return_val_if_fail (table < CANDOUR_N_TABLES, 0);

  return tables[table].n_fields;
}

const char *
candour_table_get_field_name (CandourTable table,
                              guint        field)
{
  g_return_val_if_fail (table < CANDOUR_N_TABLES, NULL);
  g_return_val_if_fail (field < tables[table].n_fields, NULL);

  return tables[table].fields[field].name;
}

gboolean
candour_table_get_field_required (CandourTable table,
                                  guint        field)
{
  g_return_val_if_fail (table < CANDOUR_N_TABLES, FALSE);
  g_return_val_if_fail (field < tables[table].n_fields, FALSE);

  return tables[table].fields[field].required;
}

const char * const *
candour_table_get_field_choices (CandourTable table,
                                 guint        field)
{
  g_return_val_if_fail (table < CANDOUR_N_TABLES, NULL);
  g_return_val_if_fail (field < tables[table].n_fields, NULL);

  if (tables[table].fields[field].kind == FIELD_YES_NO)
    {
      static const char * const yes_no[] = { "yes", "no", NULL };
      return yes_no;
    }
  return tables[table].fields[field].kind == FIELD_KEYWORD ? tables[table].fields[field].keywords : NULL;
}

gboolean
candour_table_get_field_target (CandourTable  table,
                                guint         field,
                                CandourTable *out_target)
{
  g_return_val_if_fail (table < CANDOUR_N_TABLES, FALSE);
  g_return_val_if_fail (field < tables[table].n_fields, FALSE);

  if (tables[table].fields[field].kind != FIELD_REF)
    return FALSE;
  if (out_target != NULL)
    *out_target = tables[table].fields[field].target;
  return TRUE;
}

/* One record typed in a form, through exactly the rules and messages of the import. */

gboolean
candour_import_write_record (CandourDatabase     *db,
                             CandourTable         table_id,
                             const char * const  *texts,
                             gint64              *inout_id,
                             gboolean             keep,
                             GPtrArray           *problems,
                             GError             **error)
{
  const ImportTable *table;
  g_autoptr(CandourImport) self = NULL;
  g_autofree int *column_of = NULL;
  g_autofree int *indexes = NULL;
  g_autofree FieldValue *values = NULL;
  sqlite3_stmt *stmt;
  gboolean update;
  ImportRow row = { 0 };

  g_return_val_if_fail (CANDOUR_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (table_id < CANDOUR_N_TABLES, FALSE);
  g_return_val_if_fail (texts != NULL, FALSE);
  g_return_val_if_fail (inout_id != NULL, FALSE);
  g_return_val_if_fail (problems != NULL, FALSE);

  table = &tables[table_id];
  update = *inout_id > 0;
  self = candour_import_new (db);
  self->record_table = table;

  column_of = g_new (int, table->n_fields);
  values = g_new0 (FieldValue, table->n_fields);
  for (guint i = 0; i < table->n_fields; i++)
    column_of[i] = i;

  row.import = self;
  row.table = table;
  row.file_name = table->name;
  row.line = 1;
  row.column_of = column_of;
  row.values = values;
  row.record_id = *inout_id;
  row.ok = TRUE;

  if (!candour_database_begin (db, error))
    return FALSE;

  for (guint i = 0; i < table->n_fields; i++)
    parse_cell (&row, i, texts[i] != NULL ? texts[i] : "");
  if (row.ok && table->check_row != NULL)
    table->check_row (&row);

  if (row.ok)
    {
      stmt = candour_database_prepare (db, update ? table->update_sql : table->insert_sql, error);
      if (stmt == NULL)
        {
          clear_values (values, table->n_fields);
          candour_database_end (db, FALSE, NULL);
          return FALSE;
        }

      indexes = parameter_indexes (stmt, table);
      bind_row (stmt, indexes, &row);
      if (update)
        candour_bind_int64 (stmt, ":id", *inout_id);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        report_insert_failure (&row);
      else if (!update)
        *inout_id = sqlite3_last_insert_rowid (candour_database_get_handle (db));
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
    }

  clear_values (values, table->n_fields);
  for (guint i = 0; i < self->problems->len; i++)
    g_ptr_array_add (problems, g_strdup (self->problems->pdata[i]));

  if (!row.ok)
    {
      candour_database_end (db, FALSE, NULL);
      g_set_error (error, CANDOUR_DOMAIN_ERROR, CANDOUR_DOMAIN_ERROR_INVALID,
                   "%s", self->problems->len > 0 ? (const char *)self->problems->pdata[0]
                                                 : "the record was not saved");
      return FALSE;
    }

  /* A check writes the record only to hear what the database says, then undoes it. */
  if (!keep)
    {
      if (!update)
        *inout_id = 0;
      return candour_database_end (db, FALSE, error);
    }

  return candour_database_end (db, TRUE, error);
}
