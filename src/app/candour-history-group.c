/* candour-history-group.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "candour-date.h"
#include "candour-fields.h"
#include "candour-history.h"
#include "candour-history-group.h"
#include "candour-labels.h"
#include "candour-money.h"
#include "candour-percent.h"
#include "candour-record-query.h"

typedef struct
{
  char *at;                     /* ISO, UTC: sorts as text */
  char *title;
  char *subtitle;
  char *sentence;
} Entry;

struct _CandourHistoryGroup
{
  AdwPreferencesGroup parent_instance;

  GPtrArray *rows;              /* GtkWidget, as added */
  GArray *entries;              /* Entry */
};

G_DEFINE_FINAL_TYPE (CandourHistoryGroup, candour_history_group, ADW_TYPE_PREFERENCES_GROUP)

/* One audit row as read, before it is put into words. */
typedef struct
{
  char *at;
  char *actor;
  char *table;
  char *ref;
  char *action;
  char *changes;
  char *old_values;
  char *new_values;
} AuditRow;

static void
entry_clear (gpointer data)
{
  Entry *entry = data;

  g_free (entry->at);
  g_free (entry->title);
  g_free (entry->subtitle);
  g_free (entry->sentence);
}

static void
audit_row_free (gpointer data)
{
  AuditRow *row = data;

  g_free (row->at);
  g_free (row->actor);
  g_free (row->table);
  g_free (row->ref);
  g_free (row->action);
  g_free (row->changes);
  g_free (row->old_values);
  g_free (row->new_values);
  g_free (row);
}

static gboolean
table_from_audit_name (const char   *name,
                       CandourTable *out_table)
{
  static const char * const names[CANDOUR_N_TABLES] = {
    "organisation", "consortium", "consortium_member", "bid", "bid_partner",
    "contract", "subcontract", "payment",
  };

  for (guint i = 0; i < CANDOUR_N_TABLES; i++)
    if (g_strcmp0 (names[i], name) == 0)
      {
        *out_table = i;
        return TRUE;
      }
  return FALSE;
}

/* The audit names columns as stored: "lead_id" is the form's "lead_ref". */
static int
field_for_column (CandourTable  table,
                  const char   *column)
{
  int field = candour_field_find (table, column);

  if (field < 0 && g_str_has_suffix (column, "_id"))
    {
      g_autofree char *stem = g_strndup (column, strlen (column) - strlen ("_id"));
      g_autofree char *ref = g_strconcat (stem, "_ref", NULL);

      field = candour_field_find (table, ref);
    }
  return field;
}

static char *
format_stored_value (CandourDatabase *db,
                     CandourTable     table,
                     int              field,
                     const char      *value)
{
  CandourTable target;
  gint64 number;

  if (value == NULL)
    return g_strdup (_("nothing"));
  if (field < 0)
    return g_strdup (value);

  number = g_ascii_strtoll (value, NULL, 10);
  switch (candour_table_get_field_kind (table, field))
    {
    case CANDOUR_FIELD_MONEY:
      return candour_money_format_display (number);

    case CANDOUR_FIELD_PERCENT:
      {
        g_autofree char *exact = candour_percent_format_exact (number);
        return g_strconcat (exact, "%", NULL);
      }

    case CANDOUR_FIELD_DATE:
      return candour_date_format_display (value);

    case CANDOUR_FIELD_DAYS:
      return candour_days_text (number);

    case CANDOUR_FIELD_REF:
      {
        char *described = NULL;

        if (candour_table_get_field_target (table, field, &target))
          described = candour_record_describe (db, target, number);
        /* A record deleted since: its id is all the trail has. */
        return described != NULL ? described : g_strdup_printf ("#%s", value);
      }

    case CANDOUR_FIELD_CHOICE:
      {
        const char * const *choices = candour_table_get_field_choices (table, field);

        /* Yes/no is stored as 1/0. */
        if (choices != NULL && g_strv_length ((char **)choices) == 2 && g_str_equal (choices[0], "yes"))
          return g_strdup (number ? _("Yes") : _("No"));
        return g_strdup (candour_field_choice_label (table, field, value));
      }

    case CANDOUR_FIELD_TEXT:
    default:
      return g_strdup (value);
    }
}

/* "annual income: £40,000.00 → £45,000.00; name: A → B" */
static char *
describe_changes (CandourDatabase *db,
                  CandourTable     table,
                  const char      *old_values,
                  const char      *new_values)
{
  g_autoptr(CandourReport) report = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) changes = g_ptr_array_new_with_free_func (g_free);

  report = candour_report_audit_changes (db, old_values, new_values, &error);
  if (report == NULL)
    return g_strdup ("");

  /* Read them all first: naming a record runs statements of its own. */
  while (candour_report_next (report, &error))
    {
      g_ptr_array_add (changes, g_strdup (candour_report_get_text_by_name (report, "field")));
      g_ptr_array_add (changes, candour_report_cell_is_null_by_name (report, "old") ? NULL
                                : g_strdup (candour_report_get_text_by_name (report, "old")));
      g_ptr_array_add (changes, candour_report_cell_is_null_by_name (report, "new") ? NULL
                                : g_strdup (candour_report_get_text_by_name (report, "new")));
    }
  g_clear_pointer (&report, candour_report_free);

  for (guint i = 0; i + 2 < changes->len; i += 3)
    {
      const char *column = g_ptr_array_index (changes, i);
      int field = field_for_column (table, column);
      g_autofree char *before = format_stored_value (db, table, field, g_ptr_array_index (changes, i + 1));
      g_autofree char *after = format_stored_value (db, table, field, g_ptr_array_index (changes, i + 2));

      if (text->len > 0)
        g_string_append (text, "; ");
      g_string_append_printf (text, "%s: %s → %s",
                              field >= 0 ? candour_field_get_words (table, field) : column, before, after);
    }

  if (text->len > 0)
    text->str[0] = g_ascii_toupper (text->str[0]);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* "01/07/2025 at 14:03", local time. */
static char *
format_when (const char *at)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_iso8601 (at, NULL);
  g_autoptr(GDateTime) local = NULL;

  if (utc == NULL)
    return g_strdup (at);
  local = g_date_time_to_local (utc);
  /* Translators: when a change was made, "01/07/2025 at 14:03" */
  return g_date_time_format (local, _("%d/%m/%Y at %H:%M"));
}

static void
describe_row (CandourDatabase *db,
              AuditRow        *row,
              const char      *main_ref,
              Entry           *entry)
{
  g_autofree char *when = format_when (row->at);
  g_autofree char *what = NULL;
  g_autofree char *by = NULL;
  CandourTable table = CANDOUR_TABLE_ORGANISATIONS;
  gboolean known = table_from_audit_name (row->table, &table);

  if (g_strcmp0 (row->action, "update") == 0)
    {
      what = known && row->old_values != NULL && row->new_values != NULL
        ? describe_changes (db, table, row->old_values, row->new_values) : g_strdup (row->changes);
      /* Translators: "Changed by alice on 01/07/2025 at 14:03" */
      by = g_strdup_printf (_("Changed by %s on %s"), row->actor, when);
    }
  else if (g_strcmp0 (row->action, "delete") == 0)
    {
      what = g_strdup (_("Deleted"));
      by = g_strdup_printf (_("Deleted by %s on %s"), row->actor, when);
    }
  else if (g_str_has_prefix (row->changes, "imported from "))
    {
      /* Translators: "Imported from organisations.csv" */
      what = g_strdup_printf (_("Imported from %s"), row->changes + strlen ("imported from "));
      by = g_strdup_printf (_("Imported by %s on %s"), row->actor, when);
    }
  else
    {
      what = g_strdup (_("Created"));
      by = g_strdup_printf (_("Created by %s on %s"), row->actor, when);
    }

  /* A named partner's or member's change in the trail of its bid or consortium. */
  if (main_ref != NULL && g_strcmp0 (row->ref, main_ref) != 0 && row->ref != NULL)
    {
      char *prefixed = g_strdup_printf ("%s %s: %s", known ? candour_table_get_title (table) : row->table,
                                        row->ref, what);
      g_free (what);
      what = prefixed;
    }

  entry->at = g_strdup (row->at);
  entry->title = g_strdup (what);
  entry->subtitle = g_strdup (by);
  entry->sentence = what[0] != '\0' ? g_strdup_printf ("%s: %s", by, what) : g_strdup (by);
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (((const Entry *)a)->at, ((const Entry *)b)->at);
}

static void
add_row (CandourHistoryGroup *self,
         const char          *title,
         const char          *subtitle,
         const char          *sentence)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_preferences_row_set_title_selectable (ADW_PREFERENCES_ROW (row), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, sentence, -1);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
  g_ptr_array_add (self->rows, row);
}

void
candour_history_group_load (CandourHistoryGroup *self,
                            CandourDatabase     *db,
                            const char * const  *refs)
{
  g_autoptr(GPtrArray) audit = g_ptr_array_new_with_free_func (audit_row_free);

  g_return_if_fail (CANDOUR_IS_HISTORY_GROUP (self));
  g_return_if_fail (CANDOUR_IS_DATABASE (db));
  g_return_if_fail (refs != NULL);

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
  g_array_set_size (self->entries, 0);

  for (guint r = 0; refs[r] != NULL; r++)
    {
      g_autoptr(CandourReport) report = NULL;
      g_autoptr(GError) error = NULL;

      report = candour_report_history (db, refs[r], &error);
      while (report != NULL && candour_report_next (report, &error))
        {
          AuditRow *row = g_new0 (AuditRow, 1);

          row->at = g_strdup (candour_report_get_text_by_name (report, "at"));
          row->actor = g_strdup (candour_report_get_text_by_name (report, "actor"));
          row->table = g_strdup (candour_report_get_text_by_name (report, "table"));
          row->ref = g_strdup (candour_report_get_text_by_name (report, "ref"));
          row->action = g_strdup (candour_report_get_text_by_name (report, "action"));
          row->changes = g_strdup (candour_report_get_text_by_name (report, "changes"));
          row->old_values = g_strdup (candour_report_get_text_by_name (report, "old_values"));
          row->new_values = g_strdup (candour_report_get_text_by_name (report, "new_values"));
          g_ptr_array_add (audit, row);
        }
      if (error != NULL)
        g_warning ("Could not read the history of %s: %s", refs[r], error->message);
    }

  for (guint i = 0; i < audit->len; i++)
    {
      Entry entry = { 0 };

      describe_row (db, g_ptr_array_index (audit, i), refs[0], &entry);
      g_array_append_val (self->entries, entry);
    }
  /* Stable: rows made in the same millisecond keep the trail's order. */
  g_array_sort (self->entries, compare_entries);

  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = &g_array_index (self->entries, Entry, i);
      add_row (self, entry->title, entry->subtitle, entry->sentence);
    }

  if (self->entries->len == 0)
    add_row (self, _("No changes recorded"), "", _("No changes recorded"));
}

static void
candour_history_group_finalize (GObject *object)
{
  CandourHistoryGroup *self = (CandourHistoryGroup *)object;

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->entries, g_array_unref);

  G_OBJECT_CLASS (candour_history_group_parent_class)->finalize (object);
}

static void
candour_history_group_class_init (CandourHistoryGroupClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = candour_history_group_finalize;
}

static void
candour_history_group_init (CandourHistoryGroup *self)
{
  self->rows = g_ptr_array_new ();
  self->entries = g_array_new (FALSE, TRUE, sizeof (Entry));
  g_array_set_clear_func (self->entries, entry_clear);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("History"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                         _("Every change, who made it and when, from the audit trail."));
}

GtkWidget *
candour_history_group_new (void)
{
  return g_object_new (CANDOUR_TYPE_HISTORY_GROUP, NULL);
}

guint
candour_history_group_get_n_entries (CandourHistoryGroup *self)
{
  g_return_val_if_fail (CANDOUR_IS_HISTORY_GROUP (self), 0);

  return self->entries->len;
}

const char *
candour_history_group_get_entry (CandourHistoryGroup *self,
                                 guint                index)
{
  g_return_val_if_fail (CANDOUR_IS_HISTORY_GROUP (self), NULL);
  g_return_val_if_fail (index < self->entries->len, NULL);

  return g_array_index (self->entries, Entry, index).sentence;
}
