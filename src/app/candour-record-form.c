/* candour-record-form.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "candour-bid-partners-group.h"
#include "candour-combo-row.h"
#include "candour-error.h"
#include "candour-fields.h"
#include "candour-history-group.h"
#include "candour-record.h"
#include "candour-record-form.h"
#include "candour-record-picker.h"
#include "candour-record-query.h"

/* How long typing may pause before the record is checked. */
#define CHECK_DELAY_MS 300
/* How soon to check again when another process held the database. */
#define RECHECK_WHEN_BUSY_MS 1000
/* A save that meets another process's save tries again this often, this many times:
 * the five seconds the CLI waits, with the window free to redraw meanwhile. */
#define SAVE_RETRY_MS 500
#define SAVE_ATTEMPTS 10

typedef struct
{
  guint index;
  CandourFieldKind kind;
  GtkWidget *row;               /* AdwEntryRow, AdwComboRow or CandourRecordPicker */
  GtkWidget *problem_row;
  GtkLabel *problem_label;
  GPtrArray *values;            /* combo rows: the text each item stands for */
  char *problem;                /* as shown, or NULL */
  gboolean touched;             /* changed by the person, or loaded from the record */
  gboolean locked;
} Field;

struct _CandourRecordForm
{
  AdwWindow parent_instance;

  AdwWindowTitle *window_title;
  GtkButton *save_button;
  GtkWidget *general_box;
  GtkLabel *general_label;
  AdwPreferencesGroup *fields_group;
  CandourBidPartnersGroup *partners_group;
  GtkLabel *missing_label;
  GtkLabel *warnings_label;
  CandourHistoryGroup *history_group;

  CandourSession *session;
  CandourTable table;
  gint64 id;
  char **loaded;                /* the record as it was when the form opened it */
  char **shown;                 /* each field's text when the form was first shown */
  char *partners_shown;         /* a bid's partners then, as one text */
  char *focus_field;            /* where typing starts, if not in the first field */
  gboolean discarding;          /* the person chose to close without saving */
  Field *fields;
  guint n_fields;
  char *general_problem;
  gboolean can_save;
  gboolean show_all;            /* after a refused save: every problem, touched or not */
  gboolean filling;             /* setting values in code: not the person's typing */
  guint check_source;
  guint save_source;            /* waiting to try the save again */
  guint save_attempts;
};

G_DEFINE_FINAL_TYPE (CandourRecordForm, candour_record_form, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_TABLE,
  PROP_RECORD_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void on_create_record (CandourRecordPicker *picker,
                              const char          *typed,
                              CandourRecordForm   *self);
static void on_partners_changed (CandourRecordForm *self);
static void on_partner_create_record (CandourBidPartnersGroup *group,
                                      CandourRecordPicker     *picker,
                                      const char              *typed,
                                      CandourRecordForm       *self);

/* Records with a detail window show their history there; the others here. */
static gboolean
has_detail_window (CandourTable table)
{
  return table == CANDOUR_TABLE_ORGANISATIONS || table == CANDOUR_TABLE_BIDS ||
         table == CANDOUR_TABLE_CONTRACTS || table == CANDOUR_TABLE_CONSORTIA;
}

static Field *
find_field (CandourRecordForm *self,
            const char        *name)
{
  int index = candour_field_find (self->table, name);

  return index >= 0 && (guint)index < self->n_fields ? &self->fields[index] : NULL;
}

static char *
field_text (Field *field)
{
  if (CANDOUR_IS_RECORD_PICKER (field->row))
    return g_strdup (candour_record_picker_get_ref (CANDOUR_RECORD_PICKER (field->row)));
  if (ADW_IS_COMBO_ROW (field->row))
    {
      guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (field->row));

      if (selected >= field->values->len)
        return g_strdup ("");
      return g_strdup (g_ptr_array_index (field->values, selected));
    }
  return g_strdup (gtk_editable_get_text (GTK_EDITABLE (field->row)));
}

static GStrv
collect_texts (CandourRecordForm *self)
{
  GStrv texts = g_new0 (char *, self->n_fields + 1);

  for (guint i = 0; i < self->n_fields; i++)
    texts[i] = field_text (&self->fields[i]);
  return texts;
}

static void
candour_record_form_actions_update (CandourRecordForm *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "form.save", self->can_save);
}

static void
set_general_problem (CandourRecordForm *self,
                     const char        *text)
{
  g_free (self->general_problem);
  self->general_problem = g_strdup (text);
  gtk_label_set_label (self->general_label, text != NULL ? text : "");
  gtk_widget_set_visible (self->general_box, text != NULL);
}

/* Shows each field's first problem under it (the fields the person has reached, or all
 * of them after a refused save), and names the others still to do below the form. */
/* "Worth a second look: Paid on (25/12/2030) is in the future." */
static void
show_warnings (CandourRecordForm *self,
               GPtrArray         *warnings)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < warnings->len; i++)
    {
      int index;
      g_autofree char *words = candour_field_describe_problem (self->table, g_ptr_array_index (warnings, i), &index);

      g_string_append_printf (text, "%s%s", text->len > 0 ? "\n" : "", words);
    }
  if (text->len > 0)
    /* Translators: before what a form would save but looks odd; the lines follow */
    g_string_prepend (text, _("Worth a second look, though it can be saved:\n"));
  gtk_label_set_label (self->warnings_label, text->str);
  gtk_widget_set_visible (GTK_WIDGET (self->warnings_label), text->len > 0);
}

static void
show_problems (CandourRecordForm  *self,
               GPtrArray          *problems,
               CandourPartnerEdit *partners,
               guint               n_partners)
{
  gboolean partners_ok = TRUE;
  g_autoptr(GString) general = g_string_new (NULL);
  g_autoptr(GString) missing = g_string_new (NULL);

  for (guint i = 0; i < self->n_fields; i++)
    g_clear_pointer (&self->fields[i].problem, g_free);

  for (guint i = 0; i < problems->len; i++)
    {
      int index;
      char *text = candour_field_describe_problem (self->table, g_ptr_array_index (problems, i), &index);

      if (index >= 0 && (guint)index < self->n_fields && self->fields[index].problem == NULL)
        self->fields[index].problem = text;
      else
        {
          if (index < 0)
            g_string_append_printf (general, "%s%s", general->len > 0 ? "\n" : "", text);
          g_free (text);
        }
    }

  for (guint i = 0; i < self->n_fields; i++)
    {
      Field *field = &self->fields[i];
      gboolean shown = field->problem != NULL && (field->touched || field->locked || self->show_all);

      gtk_label_set_label (field->problem_label, shown ? field->problem : "");
      gtk_widget_set_visible (field->problem_row, shown);
      if (shown)
        {
          gtk_widget_add_css_class (field->row, "error");
          gtk_accessible_update_state (GTK_ACCESSIBLE (field->row),
                                       GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE, -1);
          gtk_accessible_update_property (GTK_ACCESSIBLE (field->row),
                                          GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, field->problem, -1);
        }
      else
        {
          gtk_widget_remove_css_class (field->row, "error");
          gtk_accessible_reset_state (GTK_ACCESSIBLE (field->row), GTK_ACCESSIBLE_STATE_INVALID);
          gtk_accessible_reset_property (GTK_ACCESSIBLE (field->row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
        }

      if (field->problem != NULL && !shown)
        g_string_append_printf (missing, "%s%s", missing->len > 0 ? ", " : "",
                                candour_field_get_words (self->table, i));
    }

  set_general_problem (self, general->len > 0 ? general->str : NULL);

  /* A bid's partners: each one's problems beside it. */
  if (partners != NULL)
    partners_ok = candour_bid_partners_group_show_problems (self->partners_group, partners, n_partners,
                                                            self->show_all, missing);

  if (missing->len > 0)
    {
      /* Translators: under a form, the fields not yet filled in or put right */
      g_autofree char *text = g_strdup_printf (_("Still to fill in or put right: %s."), missing->str);
      gtk_label_set_label (self->missing_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->missing_label), missing->len > 0);

  self->can_save = problems->len == 0 && partners_ok;
  candour_record_form_actions_update (self);
}

static gboolean
is_bid_with_partners (CandourRecordForm *self)
{
  return self->table == CANDOUR_TABLE_BIDS && self->session != NULL;
}

static gboolean check_after_pause (gpointer user_data);

void
candour_record_form_check_now (CandourRecordForm *self)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) texts = NULL;

  g_return_if_fail (CANDOUR_IS_RECORD_FORM (self));

  g_clear_handle_id (&self->check_source, g_source_remove);
  /* A save waiting its turn checks what is typed itself when it runs. */
  if (self->session == NULL || self->save_source != 0)
    return;

  texts = collect_texts (self);
  if (is_bid_with_partners (self))
    {
      guint n_partners = 0;
      CandourPartnerEdit *partners = candour_bid_partners_group_get_edits (self->partners_group, &n_partners);
      gint64 id = self->id;
      gboolean checked;
      gboolean partner_problems = FALSE;

      /* The bid and its partners checked together, as they will be saved; whether
       * someone else changed them meanwhile is for the save to ask. */
      for (guint i = 0; i < n_partners; i++)
        g_clear_pointer (&partners[i].loaded, g_strfreev);
      checked = candour_record_save_bid (candour_session_get_database (self->session), NULL,
                                         (const char * const *)texts, &id, partners, n_partners, FALSE,
                                         problems, warnings, &error);
      for (guint i = 0; i < n_partners; i++)
        partner_problems = partner_problems || partners[i].problems->len > 0;
      if (checked || problems->len > 0 || partner_problems)
        {
          show_problems (self, problems, partners, n_partners);
          show_warnings (self, warnings);
          candour_bid_partners_edits_free (partners, n_partners);
          return;
        }
      candour_bid_partners_edits_free (partners, n_partners);
    }
  else if (candour_record_check (candour_session_get_database (self->session), self->table,
                                 (const char * const *)texts, self->id, problems, warnings, &error) ||
           problems->len > 0)
    {
      show_problems (self, problems, NULL, 0);
      show_warnings (self, warnings);
      return;
    }

  /* Someone else is saving: say so, keep Save off, and look again in a moment. */
  set_general_problem (self, error->message);
  self->can_save = FALSE;
  candour_record_form_actions_update (self);
  self->check_source = g_timeout_add (RECHECK_WHEN_BUSY_MS, check_after_pause, self);
}

static gboolean
check_after_pause (gpointer user_data)
{
  CandourRecordForm *self = user_data;

  self->check_source = 0;
  candour_record_form_check_now (self);
  return G_SOURCE_REMOVE;
}

static void
on_field_changed (CandourRecordForm *self,
                  GtkWidget         *row)
{
  if (self->filling)
    return;

  for (guint i = 0; i < self->n_fields; i++)
    if (self->fields[i].row == row)
      self->fields[i].touched = TRUE;

  /* Save waits for the check of what is typed now. */
  self->can_save = FALSE;
  candour_record_form_actions_update (self);
  g_clear_handle_id (&self->check_source, g_source_remove);
  self->check_source = g_timeout_add (CHECK_DELAY_MS, check_after_pause, self);
}

static void
on_partners_changed (CandourRecordForm *self)
{
  on_field_changed (self, NULL);
}

static void
on_choice_changed (CandourRecordForm *self,
                   GParamSpec        *pspec,
                   GtkWidget         *row)
{
  on_field_changed (self, row);
}

static gboolean save_again (gpointer user_data);

static gboolean
any_partner_problem (CandourPartnerEdit *partners,
                     guint               n_partners)
{
  for (guint i = 0; i < n_partners; i++)
    if (partners[i].problems->len > 0)
      return TRUE;
  return FALSE;
}

/* partners: a bid's, as typed (NULL for any other record). */
static void
try_save_with (CandourRecordForm  *self,
               CandourPartnerEdit *partners,
               guint               n_partners)
{
  CandourDatabase *db = candour_session_get_database (self->session);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) texts = collect_texts (self);
  /* Where the record stood among the findings, for those to be judged again. */
  g_autoptr(GArray) scopes_before = candour_session_scopes_of (self->session, self->table, self->id);
  gint64 id = self->id;
  gboolean saved;

  candour_database_set_wait_when_busy (db, FALSE);
  /* Over the record as it was opened: someone else's change meanwhile is never
   * overwritten without the person seeing it. A bid's partners go with it, all or
   * nothing. */
  if (partners != NULL)
    saved = candour_record_save_bid (db, id != 0 ? (const char * const *)self->loaded : NULL,
                                     (const char * const *)texts, &id, partners, n_partners, TRUE,
                                     problems, NULL, &error);
  else if (id != 0 && self->loaded != NULL)
    saved = candour_record_save_over (db, self->table, (const char * const *)self->loaded,
                                      (const char * const *)texts, id, problems, &error);
  else
    saved = candour_record_save (db, self->table, (const char * const *)texts, &id, problems, &error);
  candour_database_set_wait_when_busy (db, TRUE);

  if (!saved && g_error_matches (error, CANDOUR_DOMAIN_ERROR, CANDOUR_DOMAIN_ERROR_CONFLICT))
    {
      /* What they saved is now what the form stands on: saving again is a choice made
       * knowing it. Everything typed stays. */
      g_clear_pointer (&self->loaded, g_strfreev);
      self->loaded = candour_record_load (db, self->table, self->id, NULL);
      if (partners != NULL)
        candour_bid_partners_group_reload_loaded (self->partners_group);
      set_general_problem (self, error->message);
      self->can_save = TRUE;
      candour_record_form_actions_update (self);
      return;
    }

  if (!saved && g_error_matches (error, CANDOUR_DOMAIN_ERROR, CANDOUR_DOMAIN_ERROR_BUSY) &&
      ++self->save_attempts < SAVE_ATTEMPTS)
    {
      set_general_problem (self, _("Waiting for someone else to finish saving…"));
      self->can_save = FALSE;
      candour_record_form_actions_update (self);
      self->save_source = g_timeout_add (SAVE_RETRY_MS, save_again, self);
      return;
    }

  if (!saved)
    {
      gboolean typed_wrong = problems->len > 0 || any_partner_problem (partners, n_partners);

      /* Nothing was written: everything typed stays, with the reasons, each beside
       * its field or its partner. */
      self->show_all = TRUE;
      show_problems (self, problems, partners, n_partners);
      if (!typed_wrong)
        set_general_problem (self, error->message);
      /* A busy database may be free in a moment: let the person try again. */
      self->can_save = !typed_wrong;
      candour_record_form_actions_update (self);
      return;
    }

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECORD_ID]);
  candour_session_record_changed (self->session, self->table, id, scopes_before);
  g_signal_emit (self, signals[SAVED], 0, id);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
try_save (CandourRecordForm *self)
{
  CandourPartnerEdit *partners = NULL;
  guint n_partners = 0;

  if (is_bid_with_partners (self))
    partners = candour_bid_partners_group_get_edits (self->partners_group, &n_partners);
  try_save_with (self, partners, n_partners);
  if (partners != NULL)
    candour_bid_partners_edits_free (partners, n_partners);
}

static gboolean
save_again (gpointer user_data)
{
  CandourRecordForm *self = user_data;

  self->save_source = 0;
  try_save (self);
  return G_SOURCE_REMOVE;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CandourRecordForm *self = CANDOUR_RECORD_FORM (widget);

  if (self->session == NULL || self->save_source != 0)
    return;

  g_clear_handle_id (&self->check_source, g_source_remove);
  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_attempts = 0;
  try_save (self);
}

static void
on_entry_activated (CandourRecordForm *self)
{
  if (self->check_source != 0)
    candour_record_form_check_now (self);
  if (self->can_save)
    gtk_widget_activate_action (GTK_WIDGET (self), "form.save", NULL);
}

static void
fill_choices (CandourRecordForm *self,
              Field             *field,
              GtkStringList     *labels)
{
  const char * const *choices = candour_table_get_field_choices (self->table, field->index);

  if (candour_table_get_field_default (self->table, field->index) == NULL)
    {
      g_ptr_array_add (field->values, g_strdup (""));
      gtk_string_list_append (labels, _("Not recorded"));
    }
  for (guint i = 0; choices[i] != NULL; i++)
    {
      g_ptr_array_add (field->values, g_strdup (choices[i]));
      gtk_string_list_append (labels, candour_field_choice_label (self->table, field->index, choices[i]));
    }
}

static void
set_field_text (Field      *field,
                CandourTable table,
                const char *text)
{
  if (CANDOUR_IS_RECORD_PICKER (field->row))
    {
      /* A record refers only to records that exist. */
      candour_record_picker_set_ref (CANDOUR_RECORD_PICKER (field->row), text);
      return;
    }
  if (ADW_IS_COMBO_ROW (field->row))
    {
      for (guint i = 0; i < field->values->len; i++)
        if (g_ascii_strcasecmp (g_ptr_array_index (field->values, i), text != NULL ? text : "") == 0)
          {
            adw_combo_row_set_selected (ADW_COMBO_ROW (field->row), i);
            return;
          }
      return;
    }
  else
    {
      g_autofree char *editable = candour_field_format_editable (table, field->index, text);
      gtk_editable_set_text (GTK_EDITABLE (field->row), editable);
    }
}

static void
add_field (CandourRecordForm *self,
           guint              index)
{
  Field *field = &self->fields[index];
  const char *label = candour_field_get_label (self->table, index);
  GtkWidget *problem_box;
  GtkWidget *icon;

  field->index = index;
  field->kind = candour_table_get_field_kind (self->table, index);
  field->values = g_ptr_array_new_with_free_func (g_free);

  if (field->kind == CANDOUR_FIELD_REF)
    {
      CandourTable target = CANDOUR_TABLE_ORGANISATIONS;

      candour_table_get_field_target (self->table, index, &target);
      field->row = candour_record_picker_new (candour_session_get_database (self->session), target,
                                              candour_table_get_field_required (self->table, index));
      g_signal_connect_object (field->row, "notify::ref", G_CALLBACK (on_choice_changed), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (field->row, "create-record", G_CALLBACK (on_create_record), self, 0);
    }
  else if (field->kind == CANDOUR_FIELD_CHOICE)
    {
      g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

      fill_choices (self, field, labels);
      field->row = candour_combo_row_new ();
      adw_combo_row_set_model (ADW_COMBO_ROW (field->row), G_LIST_MODEL (labels));
      g_signal_connect_object (field->row, "notify::selected", G_CALLBACK (on_choice_changed), self,
                               G_CONNECT_SWAPPED);
    }
  else
    {
      field->row = adw_entry_row_new ();
      if (field->kind != CANDOUR_FIELD_TEXT)
        adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (field->row),
                                         field->kind == CANDOUR_FIELD_DATE ? GTK_INPUT_PURPOSE_FREE_FORM
                                                                           : GTK_INPUT_PURPOSE_NUMBER);
      g_signal_connect_object (field->row, "changed", G_CALLBACK (on_field_changed), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (field->row, "entry-activated", G_CALLBACK (on_entry_activated), self,
                               G_CONNECT_SWAPPED);
    }
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (field->row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (field->row), label);
  gtk_widget_set_name (field->row, candour_table_get_field_name (self->table, index));
  adw_preferences_group_add (self->fields_group, field->row);

  /* The problem, in words, right under its field. */
  field->problem_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (field->problem_label, 0);
  gtk_label_set_wrap (field->problem_label, TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (field->problem_label), TRUE);
  icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Problem"), -1);
  problem_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  gtk_box_append (GTK_BOX (problem_box), icon);
  gtk_box_append (GTK_BOX (problem_box), GTK_WIDGET (field->problem_label));
  field->problem_row = adw_preferences_row_new ();
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (field->problem_row), problem_box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (field->problem_row), FALSE);
  gtk_widget_set_focusable (field->problem_row, FALSE);
  gtk_widget_add_css_class (field->problem_row, "field-problem");
  gtk_widget_set_visible (field->problem_row, FALSE);
  adw_preferences_group_add (self->fields_group, field->problem_row);
}

static void
load_record (CandourRecordForm *self)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) texts = NULL;
  const char *ref_field_text = NULL;
  int ref_index = candour_field_find (self->table, "ref");

  texts = candour_record_load (candour_session_get_database (self->session), self->table, self->id, &error);
  if (texts == NULL)
    {
      set_general_problem (self, error->message);
      return;
    }
  g_clear_pointer (&self->loaded, g_strfreev);
  self->loaded = g_strdupv (texts);

  for (guint i = 0; i < self->n_fields; i++)
    {
      set_field_text (&self->fields[i], self->table, texts[i]);
      self->fields[i].touched = TRUE;
    }

  if (ref_index >= 0)
    ref_field_text = texts[ref_index];
  adw_window_title_set_subtitle (self->window_title, ref_field_text != NULL ? ref_field_text : "");

  if (self->table == CANDOUR_TABLE_BIDS &&
      !candour_bid_partners_group_load (self->partners_group, self->id, &error))
    set_general_problem (self, error->message);

  if (!has_detail_window (self->table))
    {
      g_autofree char *history_ref = NULL;
      const char *refs[2] = { NULL, NULL };

      /* The audit names a named partner "BID/PARTNER", a payment without a ref "#id". */
      if (ref_field_text != NULL && ref_field_text[0] != '\0')
        history_ref = g_strdup (ref_field_text);
      else if (self->table == CANDOUR_TABLE_BID_PARTNERS || self->table == CANDOUR_TABLE_CONSORTIUM_MEMBERS)
        history_ref = g_strdup_printf ("%s/%s", texts[0], texts[1]);
      else if (self->table == CANDOUR_TABLE_PAYMENTS)
        history_ref = g_strdup_printf ("#%" G_GINT64_FORMAT, self->id);

      if (history_ref != NULL)
        {
          refs[0] = history_ref;
          candour_history_group_load (self->history_group, candour_session_get_database (self->session), refs);
          gtk_widget_set_visible (GTK_WIDGET (self->history_group), TRUE);
        }
    }
}

static void
candour_record_form_constructed (GObject *object)
{
  CandourRecordForm *self = CANDOUR_RECORD_FORM (object);
  g_autofree char *title = NULL;

  G_OBJECT_CLASS (candour_record_form_parent_class)->constructed (object);

  self->n_fields = candour_table_get_n_fields (self->table);
  self->fields = g_new0 (Field, self->n_fields);

  self->filling = TRUE;
  for (guint i = 0; i < self->n_fields; i++)
    add_field (self, i);

  /* Translators: a form's title, "New Organisation" or "Edit Organisation" */
  title = g_strdup_printf (self->id > 0 ? _("Edit %s") : _("New %s"), candour_table_get_title (self->table));
  adw_window_title_set_title (self->window_title, title);
  gtk_window_set_title (GTK_WINDOW (self), title);

  if (self->table == CANDOUR_TABLE_BIDS && self->session != NULL)
    {
      candour_bid_partners_group_set_database (self->partners_group, candour_session_get_database (self->session));
      g_signal_connect_object (self->partners_group, "changed", G_CALLBACK (on_partners_changed), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (self->partners_group, "create-record", G_CALLBACK (on_partner_create_record),
                               self, 0);
      gtk_widget_set_visible (GTK_WIDGET (self->partners_group), TRUE);
    }

  if (self->id > 0 && self->session != NULL)
    load_record (self);
  else
    for (guint i = 0; i < self->n_fields; i++)
      {
        const char *initial = candour_table_get_field_default (self->table, i);

        if (initial != NULL)
          set_field_text (&self->fields[i], self->table, initial);
      }
  self->filling = FALSE;

  candour_record_form_check_now (self);
}

static void
candour_record_form_dispose (GObject *object)
{
  CandourRecordForm *self = (CandourRecordForm *)object;

  g_clear_handle_id (&self->check_source, g_source_remove);
  g_clear_handle_id (&self->save_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), CANDOUR_TYPE_RECORD_FORM);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (candour_record_form_parent_class)->dispose (object);
}

static void
candour_record_form_finalize (GObject *object)
{
  CandourRecordForm *self = (CandourRecordForm *)object;

  for (guint i = 0; i < self->n_fields; i++)
    {
      g_clear_pointer (&self->fields[i].values, g_ptr_array_unref);
      g_clear_pointer (&self->fields[i].problem, g_free);
    }
  g_clear_pointer (&self->fields, g_free);
  g_clear_pointer (&self->general_problem, g_free);
  g_clear_pointer (&self->loaded, g_strfreev);
  g_clear_pointer (&self->shown, g_strfreev);
  g_clear_pointer (&self->partners_shown, g_free);
  g_clear_pointer (&self->focus_field, g_free);

  G_OBJECT_CLASS (candour_record_form_parent_class)->finalize (object);
}

static void
candour_record_form_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  CandourRecordForm *self = CANDOUR_RECORD_FORM (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    case PROP_TABLE:
      g_value_set_enum (value, self->table);
      break;

    case PROP_RECORD_ID:
      g_value_set_int64 (value, self->id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
candour_record_form_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  CandourRecordForm *self = CANDOUR_RECORD_FORM (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;

    case PROP_TABLE:
      self->table = g_value_get_enum (value);
      break;

    case PROP_RECORD_ID:
      self->id = g_value_get_int64 (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Typing starts in the first field one may change, not on Cancel; what the fields say
 * now is what closing compares with. */
static void
candour_record_form_map (GtkWidget *widget)
{
  CandourRecordForm *self = CANDOUR_RECORD_FORM (widget);

  GTK_WIDGET_CLASS (candour_record_form_parent_class)->map (widget);

  if (self->shown == NULL)
    {
      self->shown = g_new0 (char *, self->n_fields + 1);
      for (guint i = 0; i < self->n_fields; i++)
        self->shown[i] = field_text (&self->fields[i]);
      self->partners_shown = candour_bid_partners_group_dup_state (self->partners_group);
    }

  if (self->focus_field != NULL && find_field (self, self->focus_field) != NULL &&
      gtk_widget_grab_focus (find_field (self, self->focus_field)->row))
    return;

  for (guint i = 0; i < self->n_fields; i++)
    if (!self->fields[i].locked && gtk_widget_get_sensitive (self->fields[i].row))
      {
        gtk_widget_grab_focus (self->fields[i].row);
        break;
      }
}

static gboolean
changed_since_shown (CandourRecordForm *self)
{
  g_autofree char *partners = NULL;

  if (self->shown == NULL)
    return FALSE;
  partners = candour_bid_partners_group_dup_state (self->partners_group);
  if (g_strcmp0 (partners, self->partners_shown) != 0)
    return TRUE;
  for (guint i = 0; i < self->n_fields; i++)
    {
      g_autofree char *text = field_text (&self->fields[i]);

      if (g_strcmp0 (text, self->shown[i]) != 0)
        return TRUE;
    }
  return FALSE;
}

static void
on_discard_answered (AdwMessageDialog  *dialog,
                     const char        *response,
                     CandourRecordForm *self)
{
  if (!g_str_equal (response, "discard"))
    return;
  self->discarding = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

/* Escape, Cancel or the window's close button on a form with changes: asked first. */
static gboolean
candour_record_form_close_request (GtkWindow *window)
{
  CandourRecordForm *self = CANDOUR_RECORD_FORM (window);
  GtkWidget *dialog;

  if (self->discarding || !changed_since_shown (self))
    return GTK_WINDOW_CLASS (candour_record_form_parent_class)->close_request (window);

  dialog = adw_message_dialog_new (window, _("Discard Changes?"),
                                   _("What you typed in this form has not been saved."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "keep", _("_Keep Editing"),
                                    "discard", _("_Discard"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_discard_answered), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

static void
on_created (CandourRecordForm   *form,
            gint64               id,
            CandourRecordPicker *picker)
{
  g_auto(GStrv) texts = candour_record_load (candour_session_get_database (form->session),
                                             form->table, id, NULL);

  /* The new record's ref is its first field. */
  if (texts != NULL)
    candour_record_picker_set_ref (picker, texts[0]);
}

/* New Organisation… from a picker: a form of its own over this one, named as typed;
 * once saved, the picker names it. */
static void
on_create_record (CandourRecordPicker *picker,
                  const char          *typed,
                  CandourRecordForm   *self)
{
  CandourRecordForm *form = candour_record_form_new (self->session, CANDOUR_TABLE_ORGANISATIONS, 0);

  if (typed != NULL && typed[0] != '\0')
    candour_record_form_set_text (form, "name", typed, FALSE);
  g_signal_connect_object (form, "saved", G_CALLBACK (on_created), picker, 0);
  gtk_window_set_transient_for (GTK_WINDOW (form), GTK_WINDOW (self));
  gtk_window_set_modal (GTK_WINDOW (form), TRUE);
  gtk_window_present (GTK_WINDOW (form));
}

static void
on_partner_create_record (CandourBidPartnersGroup *group,
                          CandourRecordPicker     *picker,
                          const char              *typed,
                          CandourRecordForm       *self)
{
  on_create_record (picker, typed, self);
}

static void
candour_record_form_class_init (CandourRecordFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = candour_record_form_constructed;
  object_class->dispose = candour_record_form_dispose;
  object_class->finalize = candour_record_form_finalize;
  object_class->get_property = candour_record_form_get_property;
  object_class->set_property = candour_record_form_set_property;
  widget_class->map = candour_record_form_map;
  GTK_WINDOW_CLASS (klass)->close_request = candour_record_form_close_request;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, "The open database", CANDOUR_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TABLE] =
    g_param_spec_enum ("table", NULL, "The table of the record", CANDOUR_TYPE_TABLE,
                       CANDOUR_TABLE_ORGANISATIONS,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RECORD_ID] =
    g_param_spec_int64 ("record-id", NULL, "The record edited; 0 for a new one until it is saved",
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The record was written; its id. */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  g_type_ensure (CANDOUR_TYPE_HISTORY_GROUP);
  g_type_ensure (CANDOUR_TYPE_BID_PARTNERS_GROUP);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/candour/Candour/ui/candour-record-form.ui");
  gtk_widget_class_bind_template_child (widget_class, CandourRecordForm, window_title);
  gtk_widget_class_bind_template_child (widget_class, CandourRecordForm, save_button);
  gtk_widget_class_bind_template_child (widget_class, CandourRecordForm, general_box);
  gtk_widget_class_bind_template_child (widget_class, CandourRecordForm, general_label);
  gtk_widget_class_bind_template_child (widget_class, CandourRecordForm, fields_group);
  gtk_widget_class_bind_template_child (widget_class, CandourRecordForm, partners_group);
  gtk_widget_class_bind_template_child (widget_class, CandourRecordForm, missing_label);
  gtk_widget_class_bind_template_child (widget_class, CandourRecordForm, warnings_label);
  gtk_widget_class_bind_template_child (widget_class, CandourRecordForm, history_group);

  gtk_widget_class_install_action (widget_class, "form.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "form.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
candour_record_form_init (CandourRecordForm *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  candour_record_form_actions_update (self);
}

CandourRecordForm *
candour_record_form_new (CandourSession *session,
                         CandourTable    table,
                         gint64          id)
{
  g_return_val_if_fail (CANDOUR_IS_SESSION (session), NULL);
  g_return_val_if_fail (table < CANDOUR_N_TABLES, NULL);

  return g_object_new (CANDOUR_TYPE_RECORD_FORM,
                       "session", session,
                       "table", table,
                       "record-id", id,
                       NULL);
}

CandourTable
candour_record_form_get_table (CandourRecordForm *self)
{
  g_return_val_if_fail (CANDOUR_IS_RECORD_FORM (self), CANDOUR_TABLE_ORGANISATIONS);

  return self->table;
}

gint64
candour_record_form_get_record_id (CandourRecordForm *self)
{
  g_return_val_if_fail (CANDOUR_IS_RECORD_FORM (self), 0);

  return self->id;
}

void
candour_record_form_set_text (CandourRecordForm *self,
                              const char        *name,
                              const char        *text,
                              gboolean           locked)
{
  Field *field;

  g_return_if_fail (CANDOUR_IS_RECORD_FORM (self));
  g_return_if_fail (name != NULL);

  field = find_field (self, name);
  g_return_if_fail (field != NULL);

  self->filling = TRUE;
  set_field_text (field, self->table, text);
  self->filling = FALSE;
  field->locked = locked;
  gtk_widget_set_sensitive (field->row, !locked);
  candour_record_form_check_now (self);
}

char *
candour_record_form_dup_text (CandourRecordForm *self,
                              const char        *name)
{
  Field *field;

  g_return_val_if_fail (CANDOUR_IS_RECORD_FORM (self), NULL);

  field = find_field (self, name);
  g_return_val_if_fail (field != NULL, NULL);
  return field_text (field);
}

GtkWidget *
candour_record_form_get_row (CandourRecordForm *self,
                             const char        *name)
{
  Field *field;

  g_return_val_if_fail (CANDOUR_IS_RECORD_FORM (self), NULL);

  field = find_field (self, name);
  return field != NULL ? field->row : NULL;
}

gboolean
candour_record_form_choose (CandourRecordForm *self,
                            const char        *name,
                            const char        *ref)
{
  Field *field;

  g_return_val_if_fail (CANDOUR_IS_RECORD_FORM (self), FALSE);

  field = find_field (self, name);
  g_return_val_if_fail (field != NULL, FALSE);

  if (CANDOUR_IS_RECORD_PICKER (field->row))
    return candour_record_picker_set_ref (CANDOUR_RECORD_PICKER (field->row), ref);
  g_return_val_if_fail (ADW_IS_COMBO_ROW (field->row), FALSE);
  for (guint i = 0; i < field->values->len; i++)
    if (g_strcmp0 (g_ptr_array_index (field->values, i), ref) == 0)
      {
        adw_combo_row_set_selected (ADW_COMBO_ROW (field->row), i);
        return TRUE;
      }
  return FALSE;
}

const char *
candour_record_form_get_problem (CandourRecordForm *self,
                                 const char        *name)
{
  Field *field;

  g_return_val_if_fail (CANDOUR_IS_RECORD_FORM (self), NULL);

  field = find_field (self, name);
  g_return_val_if_fail (field != NULL, NULL);
  return gtk_widget_get_visible (field->problem_row) ? gtk_label_get_label (field->problem_label) : NULL;
}

const char *
candour_record_form_get_general_problem (CandourRecordForm *self)
{
  g_return_val_if_fail (CANDOUR_IS_RECORD_FORM (self), NULL);

  return self->general_problem;
}

gboolean
candour_record_form_get_can_save (CandourRecordForm *self)
{
  g_return_val_if_fail (CANDOUR_IS_RECORD_FORM (self), FALSE);

  return self->can_save;
}

void
candour_record_form_set_focus_field (CandourRecordForm *self,
                                     const char        *name)
{
  g_return_if_fail (CANDOUR_IS_RECORD_FORM (self));
  g_return_if_fail (name != NULL && find_field (self, name) != NULL);

  g_free (self->focus_field);
  self->focus_field = g_strdup (name);
}

CandourBidPartnersGroup *
candour_record_form_get_partners_group (CandourRecordForm *self)
{
  g_return_val_if_fail (CANDOUR_IS_RECORD_FORM (self), NULL);

  return self->table == CANDOUR_TABLE_BIDS ? self->partners_group : NULL;
}
