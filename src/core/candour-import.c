/* candour-import.c: CSV files into the database, all or nothing
 *
 * Each table is described once in candour-import-rules.c (its columns, their kinds, the
 * INSERT that stores a row); one loop here reads any of them. A row with a problem is
 * reported and skipped so that one run lists as many problems as possible; the
 * transaction is rolled back at the end if there were any. The format is documented
 * in docs/data-format.md.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include <glib/gstdio.h>

#include "candour-import-private.h"
#include "candour-import-rules-private.h"
#include "candour-database-private.h"
#include "candour-csv-reader.h"
#include "candour-date.h"
#include "candour-error.h"
#include "candour-money.h"
#include "candour-percent.h"
#include "candour-text.h"

typedef struct
{
  char *display_name;
  char *path;                   /* NULL when the data is in memory */
  GBytes *data;
  const ImportTable *table;     /* NULL: the file name names no table */
  gboolean second;              /* the table came in an earlier file already: not read */
  goffset size;                 /* bytes, for the bulk load and for progress */
  guint count;                  /* rows written by the last run */
} ImportFile;

static gboolean make_way_for_problem (CandourImport *self);

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

  if (!make_way_for_problem (self))
    return;

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

/* Messages quote what the file says, but a whole 1 MiB cell would drown the reason,
 * and a line break in it would split the message over two lines. */
char *
candour_import_shorten (const char *text)
{
  return candour_text_shorten (text, 40);
}

static void
add_error_problem (CandourImport *self,
                   const GError  *error)
{
  if (!make_way_for_problem (self))
    return;

  self->n_problems++;
  if (self->problems->len < CANDOUR_IMPORT_MAX_PROBLEMS)
    g_ptr_array_add (self->problems, g_strdup (error->message));
}

static void
add_warning (CandourImport *self,
             const char    *file_name,
             guint          line,
             guint          column,
             const char    *format,
             ...) G_GNUC_PRINTF (5, 6);

/* Takes message; NULL when the list is full and the warning only counts. */
static void
tell_warning (CandourImport *self,
              char          *message)
{
  self->n_warnings++;
  if (message != NULL && self->warnings->len < CANDOUR_IMPORT_MAX_PROBLEMS)
    g_ptr_array_add (self->warnings, message);
  else
    g_free (message);
}

static void queue_warning (CandourImport *self,
                           char          *message);

static void
add_warning (CandourImport *self,
             const char    *file_name,
             guint          line,
             guint          column,
             const char    *format,
             ...)
{
  g_autofree char *reason = NULL;
  char *message = NULL;
  va_list args;

  /* The list only grows: a warning that finds it full is never shown. */
  if (self->warnings->len < CANDOUR_IMPORT_MAX_PROBLEMS)
    {
      va_start (args, format);
      reason = g_strdup_vprintf (format, args);
      va_end (args);

      /* A form's one record: named by field, as its problems are. */
      if (self->record_table != NULL && column >= 1 && column <= self->record_table->n_fields)
        message = g_strdup_printf ("%s: %s", self->record_table->fields[column - 1].name, reason);
      else if (self->record_table != NULL)
        message = g_steal_pointer (&reason);
      else if (line == 0)
        message = g_strdup_printf ("%s: %s", file_name, reason);
      else
        message = g_strdup_printf ("%s:%u:%u: %s", file_name, line, column, reason);
    }

  if (self->queue != NULL)
    queue_warning (self, message);
  else
    tell_warning (self, message);
}

guint
candour_import_field_index (const ImportTable *table,
                            const char        *name)
{
  /* Several times a row: the rules name fields by the same literals as the tables, of
   * which the compiler usually keeps one copy, so addresses mostly tell. */
  for (guint i = 0; i < table->n_fields; i++)
    if (table->fields[i].name == name)
      return i;
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
  int column = row->column_of[candour_import_field_index (row->table, field_name)];

  return column >= 0 ? (guint)column + 1 : 1;
}

FieldValue *
candour_import_row_value (ImportRow  *row,
                          const char *field_name)
{
  return &row->values[candour_import_field_index (row->table, field_name)];
}

void
candour_import_row_problem (ImportRow  *row,
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

/* Rows of the file being read that name a refused row, per field: said at the end. */
typedef struct
{
  char *field_name;
  char *message;                /* the first one's */
  guint line;
  guint column;
  guint count;
} FollowOn;

static void
follow_on_clear (gpointer data)
{
  FollowOn *follow_on = data;

  g_free (follow_on->field_name);
  g_free (follow_on->message);
}

void
candour_import_row_follow_on (ImportRow  *row,
                              const char *field_name,
                              const char *ref,
                              const char *what)
{
  CandourImport *self = row->import;
  g_autofree char *quoted = candour_import_shorten (ref);
  FollowOn *follow_on = NULL;

  /* A form's one record: said as it is. */
  if (self->record_table != NULL)
    {
      candour_import_row_problem (row, field_name, "%s '%s' points to a row of %s.csv that has a problem of "
                                  "its own (listed above)", field_name, quoted, what);
      return;
    }

  row->ok = FALSE;
  for (guint i = 0; i < self->follow_ons->len && follow_on == NULL; i++)
    if (g_str_equal (g_array_index (self->follow_ons, FollowOn, i).field_name, field_name))
      follow_on = &g_array_index (self->follow_ons, FollowOn, i);
  if (follow_on != NULL)
    {
      follow_on->count++;
      return;
    }

  g_array_set_size (self->follow_ons, self->follow_ons->len + 1);
  follow_on = &g_array_index (self->follow_ons, FollowOn, self->follow_ons->len - 1);
  follow_on->field_name = g_strdup (field_name);
  follow_on->message = g_strdup_printf ("%s '%s' points to a row of %s.csv that has a problem of its own "
                                        "(listed above)", field_name, quoted, what);
  follow_on->line = row->line;
  follow_on->column = row_column (row, field_name);
  follow_on->count = 1;
}

/* Each field's rows that named refused rows, in one problem at the first of them. */
static void
tell_follow_ons (CandourImport *self,
                 const char    *file_name)
{
  for (guint i = 0; i < self->follow_ons->len; i++)
    {
      FollowOn *follow_on = &g_array_index (self->follow_ons, FollowOn, i);
      g_autofree char *more = NULL;

      if (follow_on->count > 1)
        {
          g_autofree char *number = candour_count_format (follow_on->count - 1);

          more = follow_on->count == 2
                 ? g_strdup ("; so does 1 more row below, which will go in once it is put right")
                 : g_strdup_printf ("; so do %s more rows below, which will go in once it is put right",
                                    number);
        }
      add_problem (self, file_name, follow_on->line, follow_on->column, "%s%s", follow_on->message,
                   more != NULL ? more : "");
    }
  g_array_set_size (self->follow_ons, 0);
}

void
candour_import_row_warning (ImportRow  *row,
                            const char *field_name,
                            const char *format,
                            ...)
{
  g_autofree char *reason = NULL;
  va_list args;

  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);

  add_warning (row->import, row->file_name, row->line, row_column (row, field_name), "%s", reason);
}

/* Looked up once per subcontract: a million payments name far fewer of them. */
/* The details have room right after the struct, in the same cache lines as its id;
 * the ref's text comes last. */
static gsize
details_room (CandourTable table)
{
  switch (table)
    {
    case CANDOUR_TABLE_BIDS:
      return sizeof (ImportBid);
    case CANDOUR_TABLE_CONTRACTS:
      return sizeof (ImportContract);
    case CANDOUR_TABLE_SUBCONTRACTS:
      return sizeof (ImportSubcontract);
    default:
      return 0;
    }
}

/* A cached ref from a row of ref_lookup_sql or new_refs_sql, with its details. */
static CachedRef *
cached_ref_new (CandourTable  table,
                CandourQuery *query)
{
  const char *ref = candour_query_get_text (query, "ref");
  gsize room = details_room (table);
  gsize length = strlen (ref) + 1;
  CachedRef *cached = g_malloc0 (sizeof (CachedRef) + room + length);
  gpointer details = cached + 1;
  char *text = (char *)details + room;

  memcpy (text, ref, length);
  cached->ref = text;
  cached->id = candour_query_get_int64 (query, "id");

  switch (table)
    {
    case CANDOUR_TABLE_BIDS:
      cached->details.bid = details;
      cached->details.bid->lead_id = candour_query_get_int64 (query, "lead_id");
      cached->details.bid->commissioner_id = candour_query_get_int64 (query, "commissioner_id");
      break;

    case CANDOUR_TABLE_CONTRACTS:
      cached->details.contract = details;
      g_strlcpy (cached->details.contract->start_on, candour_query_get_text (query, "start_on"),
                 sizeof cached->details.contract->start_on);
      g_strlcpy (cached->details.contract->end_on, candour_query_get_text (query, "end_on"),
                 sizeof cached->details.contract->end_on);
      break;

    case CANDOUR_TABLE_SUBCONTRACTS:
      cached->details.subcontract = details;
      cached->details.subcontract->ref = g_strdup (ref);
      cached->details.subcontract->end = candour_query_dup_text (query, "end_on");
      cached->details.subcontract->end_days = candour_date_to_days (cached->details.subcontract->end);
      cached->details.subcontract->terms = candour_query_get_int64 (query, "payment_terms_days");
      cached->details.subcontract->value = candour_query_get_int64 (query, "value");
      break;

    default:
      break;
    }
  return cached;
}

/* A subcontract's details hold text of their own. */
static void
cached_subcontract_free (gpointer data)
{
  CachedRef *cached = data;

  g_free (cached->details.subcontract->ref);
  g_free (cached->details.subcontract->end);
  g_free (cached);
}

static guint
cached_ref_hash (gconstpointer key)
{
  return g_str_hash (((const CachedRef *)key)->ref);
}

static gboolean
cached_ref_equal (gconstpointer a,
                  gconstpointer b)
{
  return strcmp (((const CachedRef *)a)->ref, ((const CachedRef *)b)->ref) == 0;
}

/* Refs */

/* The SQL table behind each CandourTable, and its highest id (ids grow by one per
 * insert, so the rows a file added are the ids between the before and after). */
static const char * const sql_tables[CANDOUR_N_TABLES] = {
  "organisation", "consortium", "consortium_member", "bid", "bid_partner",
  "contract", "subcontract", "payment",
};

const char *
candour_import_sql_table (CandourTable table)
{
  g_return_val_if_fail (table < CANDOUR_N_TABLES, NULL);

  return sql_tables[table];
}

static const char * const max_id_sql[CANDOUR_N_TABLES] = {
  "SELECT coalesce (max (id), 0) AS max_id FROM organisation",
  "SELECT coalesce (max (id), 0) AS max_id FROM consortium",
  "SELECT coalesce (max (id), 0) AS max_id FROM consortium_member",
  "SELECT coalesce (max (id), 0) AS max_id FROM bid",
  "SELECT coalesce (max (id), 0) AS max_id FROM bid_partner",
  "SELECT coalesce (max (id), 0) AS max_id FROM contract",
  "SELECT coalesce (max (id), 0) AS max_id FROM subcontract",
  "SELECT coalesce (max (id), 0) AS max_id FROM payment",
};

/* The one value in column of the one row sql gives (an aggregate, a PRAGMA). */
static gboolean
query_value (CandourImport  *self,
             const char     *sql,
             const char     *column,
             gint64         *out_value,
             GError        **error)
{
  CandourQuery *query = candour_database_query (self->db, sql, error);

  if (query == NULL || candour_query_step (query, error) != CANDOUR_QUERY_ROW)
    return FALSE;
  *out_value = candour_query_get_int64 (query, column);
  candour_query_reset (query);
  return TRUE;
}

static gboolean
max_id (CandourImport  *self,
        CandourTable    table,
        gint64         *out_id,
        GError        **error)
{
  return query_value (self, max_id_sql[table], "max_id", out_id, error);
}

/* A ref's record, with what the rules of the rows naming it need (cached_ref_new()). */
#define SUBCONTRACT_DETAILS \
  "SELECT s.ref, s.id, coalesce (s.end_on, c.end_on) AS end_on, s.payment_terms_days, s.value " \
  "FROM subcontract s JOIN contract c ON c.id = s.contract_id "

static const char * const ref_lookup_sql[CANDOUR_N_TABLES] = {
  "SELECT ref, id FROM organisation WHERE ref = :ref",
  "SELECT ref, id FROM consortium WHERE ref = :ref",
  NULL,
  "SELECT ref, id, lead_id, commissioner_id FROM bid WHERE ref = :ref",
  NULL,
  "SELECT ref, id, start_on, end_on FROM contract WHERE ref = :ref",
  SUBCONTRACT_DETAILS "WHERE s.ref = :ref",
  NULL,
};

static const char * const new_refs_sql[CANDOUR_N_TABLES] = {
  "SELECT ref, id FROM organisation WHERE id > :before",
  "SELECT ref, id FROM consortium WHERE id > :before",
  NULL,
  "SELECT ref, id, lead_id, commissioner_id FROM bid WHERE id > :before",
  NULL,
  "SELECT ref, id, start_on, end_on FROM contract WHERE id > :before",
  SUBCONTRACT_DETAILS "WHERE s.id > :before",
  NULL,
};

/* The refs of the rows the run wrote into table, into the cache at once: the files
 * after name most of them, and one scan costs less than a look-up each. */
static gboolean
cache_new_refs (CandourImport  *self,
                CandourTable    table,
                GError        **error)
{
  const char *sql = new_refs_sql[table];
  CandourQuery *query;
  CandourQueryStep step;

  if (sql == NULL)
    return TRUE;
  if ((query = candour_database_query (self->db, sql, error)) == NULL)
    return FALSE;

  candour_query_bind_int64 (query, ":before", self->ids_before[table]);
  while ((step = candour_query_step (query, error)) == CANDOUR_QUERY_ROW)
    g_hash_table_add (self->ref_cache[table], cached_ref_new (table, query));
  return step == CANDOUR_QUERY_DONE;
}

/* Found refs are cached: a million payments name far fewer subcontracts. */
gboolean
candour_import_lookup_ref (CandourImport  *self,
                           CandourTable    table,
                           const char     *ref,
                           CachedRef     **out_ref,
                           GError        **error)
{
  const char *sql = ref_lookup_sql[table];
  CachedRef probe = { .ref = ref };
  CandourQuery *query;
  CandourQueryStep step;

  g_assert (sql != NULL);

  *out_ref = g_hash_table_lookup (self->ref_cache[table], &probe);
  if (*out_ref != NULL)
    return TRUE;

  query = candour_database_query (self->db, sql, error);
  if (query == NULL)
    return FALSE;

  candour_query_bind_text (query, ":ref", ref);
  step = candour_query_step (query, error);
  if (step == CANDOUR_QUERY_ERROR)
    return FALSE;
  if (step == CANDOUR_QUERY_ROW)
    {
      *out_ref = cached_ref_new (table, query);
      g_hash_table_add (self->ref_cache[table], *out_ref);
      candour_query_reset (query);
    }

  return TRUE;
}

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
      /* A no-break space or a stray byte-order mark before a name is no reason to
       * call the column unknown. */
      g_autofree char *trimmed = candour_text_trim (candour_csv_reader_get_field (reader, column));
      g_autofree char *name = g_ascii_strdown (trimmed, -1);
      guint i;

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
          g_autofree char *quoted = candour_import_shorten (candour_csv_reader_get_field (reader, column));
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

  if (table->check_row == candour_import_check_payment &&
      column_of[candour_import_field_index (table, "contract_ref")] < 0 &&
      column_of[candour_import_field_index (table, "subcontract_ref")] < 0)
    {
      add_problem (self, file_name, line, 1,
                   "the file needs a contract_ref or a subcontract_ref column");
      ok = FALSE;
    }

  return ok;
}

/* The INSERT's parameter for each field (":ref"), made once per file rather than per row. */
static char **
parameter_names (const ImportTable *table)
{
  char **names = g_new0 (char *, table->n_fields + 1);

  for (guint i = 0; i < table->n_fields; i++)
    names[i] = g_strconcat (":", table->fields[i].name, NULL);
  return names;
}

/* A ref is stored as the id it found, a date as its ISO text. */
static inline gboolean
stored_as_text (FieldKind kind)
{
  return kind == FIELD_TEXT || kind == FIELD_IDENTIFIER || kind == FIELD_KEYWORD || kind == FIELD_DATE;
}

/* What a field with nothing in it stores: its default (candour-import-rules.c), or
 * NULL. Applied as the row is written, after the rules have seen the row as it was:
 * an agreement date with no answer to "agreement" means yes, not the default no. */
static CandourValue
empty_value (const ImportField *field)
{
  CandourValue value = { .type = CANDOUR_VALUE_NULL };

  if (field->default_text == NULL)
    return value;
  if (stored_as_text (field->kind))
    {
      value.type = CANDOUR_VALUE_TEXT;
      value.text = field->default_text;
      return value;
    }
  value.type = CANDOUR_VALUE_INT64;
  if (field->kind == FIELD_YES_NO)
    value.number = g_str_equal (field->default_text, "yes");
  else if (field->kind == FIELD_MONEY)
    {
      gboolean parsed = candour_money_parse (field->default_text, &value.number, NULL);

      g_assert (parsed);
    }
  else
    value.number = g_ascii_strtoll (field->default_text, NULL, 10);
  return value;
}

static void
bind_values (CandourQuery       *query,
             char * const       *parameters,
             const ImportTable  *table,
             const FieldValue   *values)
{
  for (guint i = 0; i < table->n_fields; i++)
    {
      const FieldValue *value = &values[i];

      if (!value->set)
        {
          CandourValue empty = empty_value (&table->fields[i]);

          if (empty.type == CANDOUR_VALUE_TEXT)
            candour_query_bind_text (query, parameters[i], empty.text);
          else if (empty.type == CANDOUR_VALUE_INT64)
            candour_query_bind_int64 (query, parameters[i], empty.number);
          else
            candour_query_bind_null (query, parameters[i]);
        }
      else if (stored_as_text (table->fields[i].kind))
        candour_query_bind_text (query, parameters[i], value->text);
      else
        candour_query_bind_int64 (query, parameters[i], value->number);
    }
}

/* The same for one row of candour_database_insert_rows (), which borrows the texts. */
static void
set_values (CandourValue      *cells,
            const ImportTable *table,
            const FieldValue  *values)
{
  for (guint i = 0; i < table->n_fields; i++)
    {
      const FieldValue *value = &values[i];

      if (!value->set)
        cells[i] = empty_value (&table->fields[i]);
      else if (stored_as_text (table->fields[i].kind))
        {
          cells[i].type = CANDOUR_VALUE_TEXT;
          cells[i].text = value->text;
        }
      else
        {
          cells[i].type = CANDOUR_VALUE_INT64;
          cells[i].number = value->number;
        }
    }
}

/* Whether column is one of those the constraint covers ("bid_id,partner_id"). */
static gboolean
constraint_has_column (const CandourConstraint *constraint,
                       const char              *column)
{
  g_auto(GStrv) columns = NULL;

  if (constraint->columns == NULL)
    return FALSE;
  columns = g_strsplit (constraint->columns, ",", -1);
  return g_strv_contains ((const char * const *)columns, column);
}

/* Turns an INSERT that query refused with error into words about the row. The schema's
 * unique keys are the format's rules too: those are told by what they cover. */
static void
report_insert_failure (ImportRow    *row,
                       CandourQuery *query,
                       const GError *error)
{
  const CandourConstraint *constraint = candour_query_get_constraint (query);
  gboolean unique = constraint->kind == CANDOUR_CONSTRAINT_UNIQUE;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  if (unique && constraint_has_column (constraint, "ref"))
    candour_import_row_problem (row, "ref", "ref '%s' is already used by another record in %s; "
                                "each ref must be unique",
                                (first = candour_import_shorten (candour_import_row_value (row, "ref")->text)),
                                row->table->name);
  else if (unique && g_strcmp0 (constraint->table, "bid_partner") == 0)
    candour_import_row_problem (row, "partner_ref", "bid '%s' already names partner '%s'; a bid names each "
                                "partner once",
                                (first = candour_import_shorten (candour_import_row_value (row, "bid_ref")->text)),
                                (second = candour_import_shorten (candour_import_row_value (row, "partner_ref")->text)));
  else if (unique && g_strcmp0 (constraint->table, "contract") == 0 && constraint_has_column (constraint, "bid_id"))
    candour_import_row_problem (row, "bid_ref", "bid '%s' already has a contract; a bid leads to at most one "
                                "contract",
                                (first = candour_import_shorten (candour_import_row_value (row, "bid_ref")->text)));
  else if (unique && g_strcmp0 (constraint->table, "consortium_member") == 0)
    candour_import_row_problem (row, "member_ref", "'%s' is already listed as a member of '%s' from that date",
                                (first = candour_import_shorten (candour_import_row_value (row, "member_ref")->text)),
                                (second = candour_import_shorten (candour_import_row_value (row, "consortium_ref")->text)));
  else
    /* Any other refusal (a full disk, a read-only file...), in the same words as
     * everywhere else. */
    add_problem (row->import, row->file_name, row->line, 1, "%s", error->message);
  row->ok = FALSE;
}

static void
clear_values (FieldValue *values,
              guint       n_values)
{
  for (guint i = 0; i < n_values; i++)
    candour_import_value_clear (&values[i]);
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

/* Writing rows */

/* Rows go in many at a time (candour_database_insert_rows ()), as many as the database
 * says suits it (candour_database_get_bulk_rows ()). */

struct _RowQueue
{
  const ImportTable *table;
  const char *file_name;
  const int *column_of;
  int ref_index;                /* the field others refer to this table's rows by, or -1 */
  guint capacity;               /* the database's bulk rows, or 1 for a table written row at a time */
  char **parameters;            /* the INSERT's parameter for each field (":ref") */
  CandourValue *many_values;    /* capacity rows of n_fields for one INSERT; NULL until the queue first fills */
  FieldValue *values;           /* capacity rows of n_fields; the row being read follows the queued */
  guint *lines;
  guint n_rows;
  /* Each row's warnings are told only once the rows before it are written, as when
   * every row was written before the next was read. */
  GPtrArray *warnings;          /* char *, NULL for one that only counts */
  GArray *warning_rows;         /* guint: the queued row each is about */
  GPtrArray *row_warnings;      /* the row being read's */
  gboolean row_dropped;         /* the row being read is past the problem that ended the run */
  GError *error;                /* the transaction was lost: the run must stop */
};

static void
row_queue_free (RowQueue *queue)
{
  if (queue->values != NULL)
    clear_values (queue->values, queue->capacity * queue->table->n_fields);
  g_strfreev (queue->parameters);
  g_free (queue->many_values);
  g_free (queue->values);
  g_free (queue->lines);
  g_ptr_array_unref (queue->warnings);
  g_array_unref (queue->warning_rows);
  g_ptr_array_unref (queue->row_warnings);
  g_clear_error (&queue->error);
  g_free (queue);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RowQueue, row_queue_free)

static RowQueue *
row_queue_new (CandourImport      *self,
               const ImportTable  *table,
               const char         *file_name,
               const int          *column_of,
               GError            **error)
{
  g_autoptr(RowQueue) queue = g_new0 (RowQueue, 1);
  CandourTable table_id = table - candour_import_tables;
  guint n_fields = table->n_fields;

  queue->table = table;
  queue->file_name = file_name;
  queue->column_of = column_of;
  queue->ref_index = ref_lookup_sql[table_id] != NULL ? (int)candour_import_field_index (table, "ref") : -1;
  queue->capacity = table->row_at_a_time ? 1 : candour_database_get_bulk_rows (self->db);
  queue->values = g_new0 (FieldValue, queue->capacity * n_fields);
  queue->lines = g_new0 (guint, queue->capacity);
  queue->warnings = g_ptr_array_new_with_free_func (g_free);
  queue->warning_rows = g_array_new (FALSE, FALSE, sizeof (guint));
  queue->row_warnings = g_ptr_array_new_with_free_func (g_free);

  queue->parameters = parameter_names (table);

  /* Wrong SQL is told before the first row is read. */
  if (candour_database_query (self->db, table->insert_sql, error) == NULL)
    return NULL;

  return g_steal_pointer (&queue);
}

static void
queue_warning (CandourImport *self,
               char          *message)
{
  if (self->queue->row_dropped)
    g_free (message);
  else
    g_ptr_array_add (self->queue->row_warnings, message);
}

/* Tells the queued warnings about rows before row. */
static void
tell_queued_warnings (CandourImport *self,
                      guint         *next,
                      guint          row)
{
  RowQueue *queue = self->queue;

  for (; *next < queue->warnings->len && g_array_index (queue->warning_rows, guint, *next) < row; (*next)++)
    tell_warning (self, g_steal_pointer (&queue->warnings->pdata[*next]));
}

/* A refused statement takes back only its own rows, but a full disk or a lost lock can
 * take the whole transaction: rows written after that would each be saved on their own.
 * And a person who may not write this table may write none of its rows. The
 * statement's error then ends the run, said once. */
static gboolean
transaction_lost (CandourImport  *self,
                  GError        **error)
{
  if (!candour_database_transaction_lost (self->db) &&
      !g_error_matches (*error, CANDOUR_DATABASE_ERROR, CANDOUR_DATABASE_ERROR_READ_ONLY))
    return FALSE;
  g_propagate_error (&self->queue->error, g_steal_pointer (error));
  return TRUE;
}

/* Writes the queued rows: in one INSERT (a full queue, or the last rows of a file, or
 * those before a problem), else (when that INSERT is refused) one row at a time, to
 * tell which rows the database refuses and why, exactly as if each had been written
 * before the next was read. */
static void
write_queue (CandourImport *self)
{
  RowQueue *queue = self->queue;
  const ImportTable *table = queue->table;
  CandourTable table_id = table - candour_import_tables;
  guint n_fields = table->n_fields;
  guint queued = queue->n_rows;
  guint n_rows = queued;
  guint next_warning = 0;
  CandourQuery *insert_one;

  /* Off the queue first: a problem found below must not write them again. */
  queue->n_rows = 0;

  if (n_rows > 1)
    {
      g_autoptr(GError) error = NULL;

      if (queue->many_values == NULL)
        queue->many_values = g_new (CandourValue, queue->capacity * n_fields);
      for (guint r = 0; r < n_rows; r++)
        set_values (queue->many_values + r * n_fields, table, queue->values + r * n_fields);

      if (candour_database_insert_rows (self->db, table->insert_sql, (const char * const *)queue->parameters,
                                        n_fields, queue->many_values, n_rows, &error))
        {
          tell_queued_warnings (self, &next_warning, n_rows);
          self->counts[table_id] += n_rows;
          n_rows = 0;
        }
      else if (transaction_lost (self, &error))
        n_rows = 0;
    }

  insert_one = n_rows > 0 ? candour_database_query (self->db, table->insert_sql, NULL) : NULL;
  g_assert (n_rows == 0 || insert_one != NULL);

  for (guint r = 0; r < n_rows && self->n_problems < CANDOUR_IMPORT_MAX_PROBLEMS; r++)
    {
      g_autoptr(GError) error = NULL;
      FieldValue *values = queue->values + r * n_fields;
      ImportRow row = {
        .import = self,
        .table = table,
        .file_name = queue->file_name,
        .line = queue->lines[r],
        .column_of = queue->column_of,
        .values = values,
        .ok = TRUE,
      };

      tell_queued_warnings (self, &next_warning, r + 1);
      bind_values (insert_one, queue->parameters, table, values);
      if (!candour_query_run (insert_one, &error) && !transaction_lost (self, &error))
        report_insert_failure (&row, insert_one, error);
      if (queue->error != NULL)
        break;

      if (row.ok)
        self->counts[table_id]++;
      else if (queue->ref_index >= 0 && values[queue->ref_index].set)
        g_hash_table_add (self->refused_refs[table_id], candour_import_value_take_text (&values[queue->ref_index]));
    }

  /* Rows past the problem that ended the run are never written, nor told about. */
  clear_values (queue->values, queued * n_fields);
  g_ptr_array_set_size (queue->warnings, 0);
  g_array_set_size (queue->warning_rows, 0);
}

/* A problem with the row being read comes after those of the rows queued before it: they
 * are written first. If their problems end the run, this row would never have been read. */
static gboolean
make_way_for_problem (CandourImport *self)
{
  RowQueue *queue = self->queue;

  if (queue == NULL)
    return TRUE;
  if (queue->row_dropped)
    return FALSE;
  if (queue->n_rows == 0)
    return TRUE;

  write_queue (self);
  queue->row_dropped = self->n_problems >= CANDOUR_IMPORT_MAX_PROBLEMS || queue->error != NULL;
  return !queue->row_dropped;
}

/* The row read into the values after the queued rows is done with: queued when it is
 * to be written, else its warnings are told now (those of the rows before it are). */
static void
queue_row (CandourImport *self,
           ImportRow     *row)
{
  RowQueue *queue = self->queue;
  guint n_fields = queue->table->n_fields;
  CandourTable table_id = queue->table - candour_import_tables;

  if (!row->ok)
    {
      for (guint i = 0; i < queue->row_warnings->len && !queue->row_dropped; i++)
        tell_warning (self, g_steal_pointer (&queue->row_warnings->pdata[i]));
      g_ptr_array_set_size (queue->row_warnings, 0);
      if (!queue->row_dropped && queue->ref_index >= 0 && row->values[queue->ref_index].set)
        g_hash_table_add (self->refused_refs[table_id], candour_import_value_take_text (&row->values[queue->ref_index]));
      clear_values (row->values, n_fields);
      return;
    }

  /* Only a problem writes the queue while a row is read, and then the row is not ok. */
  g_assert (row->values == queue->values + queue->n_rows * n_fields);

  queue->lines[queue->n_rows] = row->line;
  for (guint i = 0; i < queue->row_warnings->len; i++)
    {
      g_ptr_array_add (queue->warnings, g_steal_pointer (&queue->row_warnings->pdata[i]));
      g_array_append_val (queue->warning_rows, queue->n_rows);
    }
  g_ptr_array_set_size (queue->row_warnings, 0);

  if (++queue->n_rows == queue->capacity)
    write_queue (self);
}

/* Reads the rows after the header into the queue, which writes them. */
static gboolean
import_rows (CandourImport     *self,
             ImportFile        *file,
             CandourCsvReader  *reader,
             guint              n_columns,
             GCancellable      *cancellable,
             GError           **error)
{
  RowQueue *queue = self->queue;
  const ImportTable *table = queue->table;
  g_autoptr(GError) local_error = NULL;

  while (self->n_problems < CANDOUR_IMPORT_MAX_PROBLEMS)
    {
      ImportRow row = {
        .import = self,
        .table = table,
        .file_name = file->display_name,
        .column_of = queue->column_of,
        .values = queue->values + queue->n_rows * table->n_fields,
        .ok = TRUE,
      };
      guint n_fields;

      queue->row_dropped = FALSE;
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
        if (queue->column_of[i] >= 0)
          candour_import_parse_cell (&row, i, candour_csv_reader_get_field (reader, queue->column_of[i]));

      if (row.ok && table->check_row != NULL)
        table->check_row (&row);

      queue_row (self, &row);

      if (queue->error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&queue->error));
          return FALSE;
        }
      if ((self->rows_read & 0xfff) == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      if ((++self->rows_read & 0xfff) == 0)
        report_progress (self, file, reader);
    }

  queue->row_dropped = FALSE;
  write_queue (self);
  if (queue->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&queue->error));
      return FALSE;
    }
  return TRUE;
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
  g_autoptr(RowQueue) queue = NULL;
  g_autofree int *column_of = NULL;
  CandourTable table_id = table - candour_import_tables;
  guint rows_before;
  gint64 id_before;
  guint n_columns;
  gboolean ok;

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

  /* Guessed, so said: the accented letters are only right if the guess was. */
  if (candour_csv_reader_get_encoding (reader) == CANDOUR_CSV_ENCODING_WINDOWS_1252)
    add_warning (self, file->display_name, 0, 0, "read as Windows-1252, as Excel saves \"CSV (Comma "
                 "delimited)\"; if accented letters look wrong after the import, save the file again "
                 "as \"CSV UTF-8 (Comma delimited)\"");
  /* The header decided it, so said too: a file of one column cannot tell. */
  if (candour_csv_reader_get_separator (reader) == ';')
    add_warning (self, file->display_name, 0, 0, "read with semicolons between the fields, as Excel and "
                 "LibreOffice save CSV in much of Europe");
  else if (candour_csv_reader_get_separator (reader) == '\t')
    add_warning (self, file->display_name, 0, 0, "read with tabs between the fields, as spreadsheets save "
                 "\"Text (Tab delimited)\"");

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

  queue = row_queue_new (self, table, file->display_name, column_of, error);
  if (queue == NULL)
    return FALSE;

  rows_before = self->counts[table_id];
  if (!max_id (self, table_id, &id_before, error))
    return FALSE;

  self->queue = queue;
  candour_database_set_audit_source (self->db, file->display_name);
  ok = import_rows (self, file, reader, n_columns, cancellable, error);
  candour_database_set_audit_source (self->db, NULL);
  self->queue = NULL;
  tell_follow_ons (self, file->display_name);
  if (!ok)
    return FALSE;

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
 * covering index, built once at the end (sorted) rather than row by row: a million
 * payments land on its pages at random, 1.6 s more than the sort. Everything happens
 * inside the import's transaction, so a rollback brings the index back too. */

#define BULK_LOAD_BYTES (8 * 1024 * 1024)

static goffset
file_size (const ImportFile *file)
{
  GStatBuf st;

  if (file->data != NULL)
    return g_bytes_get_size (file->data);
  return g_stat (file->path, &st) == 0 ? st.st_size : 0;
}

/* The same file under two names: a link, or a path written two ways. */
static gboolean
same_file (const ImportFile *a,
           const ImportFile *b)
{
  GStatBuf first, second;

  return a->path != NULL && b->path != NULL &&
         g_stat (a->path, &first) == 0 && g_stat (b->path, &second) == 0 &&
         first.st_dev == second.st_dev && first.st_ino == second.st_ino;
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

/* SQLite builds an index from its entries sorted in runs the size of the page cache,
 * written to temporary files and merged. With temporary storage in memory, as the
 * connection has it, the sort is one run of everything, as large as all the entries:
 * a million payments' covering index took 2.0 s so, against 0.7 s in runs of 2 MiB. */
#define INDEX_SORT_CACHE "-2048"

static const char cache_size_sql[] = "PRAGMA cache_size";
static const char temp_store_sql[] = "PRAGMA temp_store";

static gboolean
rebuild_indexes (CandourImport  *self,
                 GPtrArray      *create,
                 GError        **error)
{
  g_autofree char *restore = NULL;
  gint64 cache_size;
  gint64 temp_store;
  gboolean ok;

  /* None was dropped (a server keeps its indexes through a load). */
  if (create->len == 0)
    return TRUE;

  if (!query_value (self, cache_size_sql, "cache_size", &cache_size, error) ||
      !query_value (self, temp_store_sql, "temp_store", &temp_store, error))
    return FALSE;

  /* Only slower if refused: a temporary table would keep temp_store from changing. */
  candour_database_exec (self->db, "PRAGMA temp_store = FILE", NULL);
  ok = candour_database_exec (self->db, "PRAGMA cache_size = " INDEX_SORT_CACHE, error) &&
       restore_schema_objects (self, create, error);

  restore = g_strdup_printf ("PRAGMA cache_size = %" G_GINT64_FORMAT "; PRAGMA temp_store = %" G_GINT64_FORMAT,
                             cache_size, temp_store);
  return candour_database_exec (self->db, restore, ok ? error : NULL) && ok;
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
      if (file->table == &candour_import_tables[table])
        {
          bytes += file->size;
          n_files++;
        }
    }

  if (n_files == 0)
    return TRUE;

  /* The import audits its inserts one row per file (see import_file). */
  triggers = candour_database_drop_schema_objects (self->db, "trigger", sql_tables[table], "%_audit_insert", error);
  if (triggers == NULL)
    return FALSE;

  /* The indexes every payment has an entry in, built once from all the rows rather
   * than added to a row at a time (the amounts come in no order: a million payments'
   * import took 2.5 s longer). The one on contract_id holds the few payments to
   * contracts, cheaper to add to than to find again in all the payments. */
  if (table == CANDOUR_TABLE_PAYMENTS && bytes >= BULK_LOAD_BYTES)
    {
      static const char * const rebuilt[] = { "payment_by_subcontract", "payment_by_paid_on", "payment_by_amount" };

      indexes = g_ptr_array_new_with_free_func (g_free);
      for (guint i = 0; i < G_N_ELEMENTS (rebuilt); i++)
        {
          GPtrArray *dropped = candour_database_drop_schema_objects (self->db, "index", sql_tables[table],
                                                                     rebuilt[i], error);
          if (dropped == NULL)
            return FALSE;
          g_ptr_array_extend_and_steal (indexes, dropped);
        }
    }

  for (guint i = 0; i < self->files->len && self->n_problems < CANDOUR_IMPORT_MAX_PROBLEMS; i++)
    {
      ImportFile *file = g_ptr_array_index (self->files, i);

      if (file->table != &candour_import_tables[table] || file->second)
        continue;
      if (!import_file (self, file, cancellable, error))
        return FALSE;
      self->bytes_done += file->size;
      report_progress (self, NULL, NULL);
    }

  if (!cache_new_refs (self, table, error))
    return FALSE;

  /* Not worth rebuilding when the import is about to be rolled back. */
  if (self->n_problems > 0)
    return TRUE;

  return restore_schema_objects (self, triggers, error) &&
         (indexes == NULL || rebuild_indexes (self, indexes, error));
}

/* Checks across the rows of the run */

/* An import names each table once: the same file twice, or payments.csv beside
 * Payments.CSV, would add the rows without a ref twice. */
static void
refuse_second_files (CandourImport *self)
{
  for (guint i = 0; i < self->files->len; i++)
    {
      ImportFile *file = g_ptr_array_index (self->files, i);

      for (guint j = 0; file->table != NULL && j < i; j++)
        {
          ImportFile *earlier = g_ptr_array_index (self->files, j);

          if (earlier->table != file->table)
            continue;
          if (g_strcmp0 (earlier->display_name, file->display_name) == 0 || same_file (earlier, file))
            add_problem (self, file->display_name, 1, 1, "this file is named twice; name it once");
          else
            add_problem (self, file->display_name, 1, 1, "%s holds %s too; import one file per table "
                         "at a time (one import after the other, if both are meant)",
                         earlier->display_name, file->table->name);
          file->second = TRUE;
          break;
        }
    }
}

static const char *
table_file_name (CandourImport *self,
                 CandourTable   table)
{
  for (guint i = 0; i < self->files->len; i++)
    {
      ImportFile *file = g_ptr_array_index (self->files, i);

      if (file->table == &candour_import_tables[table])
        return file->display_name;
    }
  return candour_import_table_names[table];
}

static int
compare_subcontract_refs (gconstpointer a,
                          gconstpointer b)
{
  const ImportSubcontract *first = *(ImportSubcontract * const *)a;
  const ImportSubcontract *second = *(ImportSubcontract * const *)b;

  return strcmp (first->ref, second->ref);
}

/* Adds to overpaid, by ref, each subcontract the run's payments named that has been
 * paid more than its value in all, its paid now that total. The run's payments were
 * added up as they were checked; only a subcontract from before the run can have
 * payments from before it, summed here along the covering index. Sets *out_overflows
 * instead when a total is past 64 bits. */
static gboolean
find_overpaid_subcontracts (CandourImport  *self,
                            GPtrArray      *overpaid,
                            gboolean       *out_overflows,
                            GError        **error)
{
  static const char earlier_sql[] =
    "SELECT candour_total (amount) AS earlier FROM payment WHERE subcontract_id = :id AND id <= :before";
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, self->ref_cache[CANDOUR_TABLE_SUBCONTRACTS]);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      gint64 id = ((CachedRef *)key)->id;
      ImportSubcontract *subcontract = ((CachedRef *)key)->details.subcontract;

      /* Not named by the run's payments: nothing to add up. */
      if (!subcontract->named)
        continue;

      if (id <= self->ids_before[CANDOUR_TABLE_SUBCONTRACTS])
        {
          CandourQuery *query = candour_database_query (self->db, earlier_sql, error);
          gint64 earlier;

          if (query == NULL)
            return FALSE;
          candour_query_bind_int64 (query, ":id", id);
          candour_query_bind_int64 (query, ":before", self->ids_before[CANDOUR_TABLE_PAYMENTS]);
          if (candour_query_step (query, error) != CANDOUR_QUERY_ROW)
            return FALSE;
          earlier = candour_query_get_int64 (query, "earlier");
          candour_query_reset (query);
          if (__builtin_add_overflow (subcontract->paid, earlier, &subcontract->paid))
            subcontract->paid_overflows = TRUE;
        }

      if (subcontract->paid_overflows)
        {
          *out_overflows = TRUE;
          return TRUE;
        }
      if (subcontract->paid > subcontract->value)
        g_ptr_array_add (overpaid, subcontract);
    }

  g_ptr_array_sort (overpaid, compare_subcontract_refs);
  return TRUE;
}

/* Where a total's warning goes: for a form, under its field (1-based, as a column);
 * for an import, at the head of the table's file. */
static guint
total_warning_column (CandourImport *self,
                      const char    *field)
{
  for (guint i = 0; self->record_table != NULL && i < self->record_table->n_fields; i++)
    if (g_str_equal (self->record_table->fields[i].name, field))
      return i + 1;
  return 0;
}

/* Bids promising their partners more than the whole contract: those with a named
 * partner whose id is in (before, last]. */
static gboolean
warn_about_bid_shares (CandourImport  *self,
                       gint64          before,
                       gint64          last,
                       GError        **error)
{
  static const char shares_sql[] =
    "SELECT b.ref, sum (bp.promised_share) AS promised FROM bid_partner bp JOIN bid b ON b.id = bp.bid_id "
    "WHERE bp.bid_id IN (SELECT bid_id FROM bid_partner WHERE id > :before AND id <= :last) "
    "GROUP BY b.id HAVING sum (bp.promised_share) > 10000 ORDER BY b.ref";
  CandourQuery *query;
  CandourQueryStep step;

  if ((query = candour_database_query (self->db, shares_sql, error)) == NULL)
    return FALSE;
  candour_query_bind_int64 (query, ":before", before);
  candour_query_bind_int64 (query, ":last", last);
  while ((step = candour_query_step (query, error)) == CANDOUR_QUERY_ROW)
    {
      g_autofree char *ref = candour_import_shorten (candour_query_get_text (query, "ref"));
      g_autofree char *share = candour_percent_format_exact (candour_query_get_int64 (query, "promised"));

      add_warning (self, table_file_name (self, CANDOUR_TABLE_BID_PARTNERS), 0,
                   total_warning_column (self, "promised_share"),
                   "bid '%s' promises its partners %s%% of the contract between them, more "
                   "than all of it", ref, share);
    }
  return step != CANDOUR_QUERY_ERROR;
}

static void
warn_about_overpaid (CandourImport *self,
                     const char    *subcontract_ref,
                     gint64         paid,
                     gint64         value)
{
  g_autofree char *ref = candour_import_shorten (subcontract_ref);
  g_autofree char *paid_shown = candour_money_format_display (paid);
  g_autofree char *value_shown = candour_money_format_display (value);

  if (self->record_table != NULL)
    /* A form checks before it saves. */
    add_warning (self, NULL, 0, total_warning_column (self, "amount"),
                 "with this payment, subcontract '%s' is paid %s in all, more than its value (%s)",
                 ref, paid_shown, value_shown);
  else
    add_warning (self, table_file_name (self, CANDOUR_TABLE_PAYMENTS), 0, 0,
                 "subcontract '%s' has now been paid %s in all, more than its value (%s)",
                 ref, paid_shown, value_shown);
}

/* Subcontracts paid more than their value, added up by the database (which says so in
 * its own words past 64 bits): those named by a payment whose id is in (before, last]. */
static gboolean
warn_about_overpaid_in_sql (CandourImport  *self,
                            gint64          before,
                            gint64          last,
                            GError        **error)
{
  static const char paid_sql[] =
    "SELECT s.ref, s.value, candour_total (p.amount) AS paid FROM subcontract s "
    "JOIN payment p ON p.subcontract_id = s.id "
    "WHERE s.id IN (SELECT subcontract_id FROM payment WHERE id > :before AND id <= :last "
    "AND subcontract_id IS NOT NULL) "
    "GROUP BY s.id HAVING candour_total (p.amount) > s.value ORDER BY s.ref";
  CandourQuery *query;
  CandourQueryStep step;

  if ((query = candour_database_query (self->db, paid_sql, error)) == NULL)
    return FALSE;
  candour_query_bind_int64 (query, ":before", before);
  candour_query_bind_int64 (query, ":last", last);
  while ((step = candour_query_step (query, error)) == CANDOUR_QUERY_ROW)
    warn_about_overpaid (self, candour_query_get_text (query, "ref"), candour_query_get_int64 (query, "paid"),
                         candour_query_get_int64 (query, "value"));
  return step != CANDOUR_QUERY_ERROR;
}

/* Plausible but odd across rows: a bid promising its partners more than the whole
 * contract, a subcontract paid more than its value. Only what this run touched. */
static gboolean
warn_about_totals (CandourImport  *self,
                   GError        **error)
{
  if (self->counts[CANDOUR_TABLE_BID_PARTNERS] > 0 &&
      !warn_about_bid_shares (self, self->ids_before[CANDOUR_TABLE_BID_PARTNERS], G_MAXINT64, error))
    return FALSE;

  if (self->counts[CANDOUR_TABLE_PAYMENTS] > 0)
    {
      g_autoptr(GPtrArray) overpaid = g_ptr_array_new ();
      gboolean overflows = FALSE;

      if (!find_overpaid_subcontracts (self, overpaid, &overflows, error))
        return FALSE;
      /* Past 64 bits, added up by the database instead. */
      if (overflows)
        return warn_about_overpaid_in_sql (self, self->ids_before[CANDOUR_TABLE_PAYMENTS], G_MAXINT64, error);

      for (guint i = 0; i < overpaid->len; i++)
        {
          ImportSubcontract *subcontract = overpaid->pdata[i];

          warn_about_overpaid (self, subcontract->ref, subcontract->paid, subcontract->value);
        }
    }

  return TRUE;
}

/* The same for a form's one record, written but not yet committed: id is its row. */
static gboolean
warn_about_record_totals (CandourImport  *self,
                          gint64          id,
                          GError        **error)
{
  if (self->record_table == &candour_import_tables[CANDOUR_TABLE_BID_PARTNERS])
    return warn_about_bid_shares (self, id - 1, id, error);
  if (self->record_table == &candour_import_tables[CANDOUR_TABLE_PAYMENTS])
    return warn_about_overpaid_in_sql (self, id - 1, id, error);
  return TRUE;
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
  self->warnings = g_ptr_array_new_with_free_func (g_free);
  self->today = candour_date_today ();
  for (guint i = 0; i < CANDOUR_N_TABLES; i++)
    {
      self->ref_cache[i] = g_hash_table_new_full (cached_ref_hash, cached_ref_equal,
                                                  i == CANDOUR_TABLE_SUBCONTRACTS ? cached_subcontract_free : g_free,
                                                  NULL);
      self->refused_refs[i] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
    }
  self->follow_ons = g_array_new (FALSE, TRUE, sizeof (FollowOn));
  g_array_set_clear_func (self->follow_ons, follow_on_clear);
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
  g_ptr_array_unref (self->warnings);
  g_free (self->today);
  for (guint i = 0; i < CANDOUR_N_TABLES; i++)
    {
      g_hash_table_unref (self->ref_cache[i]);
      g_hash_table_unref (self->refused_refs[i]);
    }
  g_array_unref (self->follow_ons);
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
    file->table = &candour_import_tables[table];
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

/* A database this connection made, with no records yet, takes its first import through
 * a rollback journal, which holds next to nothing while every page is new: each page is
 * written once, into the file. Through the write-ahead log it is written twice, to the
 * log and then into the file (0.4 s of a country's 130 MB). Nobody can be reading a file
 * just made, which is what the log is for. */
static const char holds_records_sql[] =
  "SELECT EXISTS (SELECT 1 FROM organisation) OR EXISTS (SELECT 1 FROM consortium) OR "
  "EXISTS (SELECT 1 FROM consortium_member) OR EXISTS (SELECT 1 FROM bid) OR "
  "EXISTS (SELECT 1 FROM bid_partner) OR EXISTS (SELECT 1 FROM contract) OR "
  "EXISTS (SELECT 1 FROM subcontract) OR EXISTS (SELECT 1 FROM payment) AS holds_records";

/* The import's page cache: room for the tables' growing edges and the index pages rows
 * land on at random. The connection's 64 MiB made a million payments' import 110 MiB at
 * its peak for no gain, and 8 MiB slowed it by a third. */
#define IMPORT_CACHE "-32768"

/* Before the transaction: the import's page cache, and the temporary database closed,
 * which changing temp_store does (put back as it was at once). A migration's ALTER
 * TABLE leaves it open, and open it would keep rebuild_indexes from changing temp_store
 * within the transaction. */
static gboolean
set_import_storage (CandourImport  *self,
                    gint64          temp_store,
                    GError        **error)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA cache_size = " IMPORT_CACHE "; "
                                          "PRAGMA temp_store = %d; PRAGMA temp_store = %" G_GINT64_FORMAT,
                                          temp_store == 1 ? 2 : 1, temp_store);

  return candour_database_exec (self->db, sql, error);
}

static void
restore_storage (CandourImport *self,
                 gint64         cache_size,
                 gint64         temp_store)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA cache_size = %" G_GINT64_FORMAT "; "
                                          "PRAGMA temp_store = %" G_GINT64_FORMAT, cache_size, temp_store);

  candour_database_exec (self->db, sql, NULL);
}

static gboolean run_transaction (CandourImport  *self,
                                 GCancellable   *cancellable,
                                 GError        **error);

gboolean
candour_import_run (CandourImport  *self,
                    GCancellable   *cancellable,
                    GError        **error)
{
  gint64 cache_size;
  gint64 temp_store;
  gint64 holds_records = TRUE;
  gboolean first_records;
  gboolean ok;

  g_return_val_if_fail (self != NULL, FALSE);
  /* Its rollback would take the outer transaction's work with it. */
  g_return_val_if_fail (!self->dry_run || !candour_database_in_transaction (self->db), FALSE);

  g_ptr_array_set_size (self->problems, 0);
  self->n_problems = 0;
  g_ptr_array_set_size (self->warnings, 0);
  self->n_warnings = 0;
  memset (self->counts, 0, sizeof self->counts);
  self->bytes_total = self->bytes_done = 0;
  self->rows_read = 0;
  for (guint i = 0; i < self->files->len; i++)
    {
      ImportFile *file = g_ptr_array_index (self->files, i);

      file->count = 0;
      file->second = FALSE;
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
            g_string_append_printf (names, "%s%s.csv", t > 0 ? ", " : "", candour_import_table_names[t]);
          add_problem (self, file->display_name, 1, 1, "Candour does not know which table this "
                       "file holds; name it after its table: %s", names->str);
        }
    }

  refuse_second_files (self);

  /* Within a caller's transaction, the connection stays as it is: only slower. A
   * server has no page cache or journal of the connection's to tune. */
  if (candour_database_in_transaction (self->db))
    return run_transaction (self, cancellable, error);
  if (candour_database_is_server (self->db))
    {
      ok = run_transaction (self, cancellable, error);
      if (ok && !self->dry_run)
        candour_database_update_statistics (self->db);
      return ok;
    }

  first_records = candour_database_was_created (self->db) && !candour_database_is_on_network (self->db);
  if (!query_value (self, cache_size_sql, "cache_size", &cache_size, error) ||
      !query_value (self, temp_store_sql, "temp_store", &temp_store, error) ||
      (first_records && !query_value (self, holds_records_sql, "holds_records", &holds_records, error)))
    return FALSE;
  if (!set_import_storage (self, temp_store, error))
    {
      restore_storage (self, cache_size, temp_store);
      return FALSE;
    }

  first_records = first_records && !holds_records &&
                  candour_database_exec (self->db, "PRAGMA journal_mode = DELETE", NULL);
  ok = run_transaction (self, cancellable, error);
  /* Should another program have opened the file meanwhile, the next to open it turns
   * the log on again. */
  if (first_records)
    candour_database_exec (self->db, "PRAGMA journal_mode = WAL", NULL);
  restore_storage (self, cache_size, temp_store);

  return ok;
}

static gboolean
run_transaction (CandourImport  *self,
                 GCancellable   *cancellable,
                 GError        **error)
{
  if (!candour_database_begin (self->db, error))
    return FALSE;

  /* An import into a damaged file would report success while the damage stays; say so
   * before anything is written. */
  if (!candour_database_quick_check (self->db, error))
    {
      candour_database_end (self->db, FALSE, NULL);
      return FALSE;
    }

  /* Also of the tables no file fills: payments to subcontracts from before the run add
   * to their totals. */
  for (guint t = 0; t < CANDOUR_N_TABLES; t++)
    if (!max_id (self, t, &self->ids_before[t], error))
      {
        candour_database_end (self->db, FALSE, NULL);
        return FALSE;
      }

  for (guint t = 0; t < CANDOUR_N_TABLES && self->n_problems < CANDOUR_IMPORT_MAX_PROBLEMS; t++)
    if (!import_table (self, t, cancellable, error))
      {
        candour_database_end (self->db, FALSE, NULL);
        return FALSE;
      }

  if (self->n_problems == 0 && !warn_about_totals (self, error))
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
    *out_table = file->table - candour_import_tables;
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

GPtrArray *
candour_import_get_warnings (CandourImport *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->warnings;
}

guint
candour_import_get_n_warnings (CandourImport *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_warnings;
}

guint
candour_import_get_count (CandourImport *self,
                          CandourTable   table)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (table < CANDOUR_N_TABLES, 0);

  return self->counts[table];
}

/* One record typed in a form, through exactly the rules and messages of the import. */

gboolean
candour_import_write_record (CandourDatabase     *db,
                             CandourTable         table_id,
                             const char * const  *texts,
                             gint64              *inout_id,
                             gboolean             keep,
                             GPtrArray           *problems,
                             GPtrArray           *warnings,
                             GError             **error)
{
  const ImportTable *table;
  g_autoptr(CandourImport) self = NULL;
  g_autofree int *column_of = NULL;
  g_autofree FieldValue *values = NULL;
  gboolean update;
  ImportRow row = { 0 };

  g_return_val_if_fail (CANDOUR_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (table_id < CANDOUR_N_TABLES, FALSE);
  g_return_val_if_fail (texts != NULL, FALSE);
  g_return_val_if_fail (inout_id != NULL, FALSE);
  g_return_val_if_fail (problems != NULL, FALSE);

  table = &candour_import_tables[table_id];
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
    candour_import_parse_cell (&row, i, texts[i] != NULL ? texts[i] : "");
  if (row.ok && table->check_row != NULL)
    table->check_row (&row);

  if (row.ok)
    {
      CandourQuery *query = candour_database_query (db, update ? table->update_sql : table->insert_id_sql, error);
      g_auto(GStrv) parameters = NULL;
      g_autoptr(GError) local_error = NULL;
      CandourQueryStep step;
      gint64 new_id = 0;

      if (query == NULL)
        {
          clear_values (values, table->n_fields);
          candour_database_end (db, FALSE, NULL);
          return FALSE;
        }

      parameters = parameter_names (table);
      bind_values (query, parameters, table, values);
      if (update)
        candour_query_bind_int64 (query, ":id", *inout_id);
      while ((step = candour_query_step (query, &local_error)) == CANDOUR_QUERY_ROW)
        new_id = candour_query_get_int64 (query, "id");
      if (step == CANDOUR_QUERY_ERROR)
        report_insert_failure (&row, query, local_error);
      else if (!update)
        *inout_id = new_id;

      if (row.ok && !warn_about_record_totals (self, *inout_id, error))
        {
          clear_values (values, table->n_fields);
          candour_database_end (db, FALSE, NULL);
          return FALSE;
        }
    }

  clear_values (values, table->n_fields);
  for (guint i = 0; i < self->problems->len; i++)
    g_ptr_array_add (problems, g_strdup (self->problems->pdata[i]));
  for (guint i = 0; warnings != NULL && i < self->warnings->len; i++)
    g_ptr_array_add (warnings, g_strdup (self->warnings->pdata[i]));

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
