/* candour-detail-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "candour-deletion.h"
#include "candour-detail-window-private.h"
#include "candour-export-chooser.h"
#include "candour-export-feedback.h"
#include "candour-fields.h"
#include "candour-record.h"
#include "candour-record-form.h"
#include "candour-record-query.h"
#include "candour-toasts.h"
#include "candour-window.h"

G_DEFINE_FINAL_TYPE (CandourDetailWindow, candour_detail_window, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_TABLE,
  PROP_RECORD_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
has_detail (CandourTable table)
{
  return table == CANDOUR_TABLE_ORGANISATIONS || table == CANDOUR_TABLE_BIDS ||
         table == CANDOUR_TABLE_CONTRACTS || table == CANDOUR_TABLE_CONSORTIA;
}

static void
detail_list_free (gpointer data)
{
  DetailList *list = data;

  g_free (list->name);
  g_ptr_array_unref (list->texts);
  g_array_unref (list->ids);
  g_free (list);
}

static DetailList *
find_list (CandourDetailWindow *self,
           const char          *name)
{
  for (guint i = 0; i < self->lists->len; i++)
    {
      DetailList *list = g_ptr_array_index (self->lists, i);

      if (g_str_equal (list->name, name))
        return list;
    }
  return NULL;
}

const char *
candour_detail_window_field (CandourDetailWindow *self,
                             const char          *name)
{
  int index = candour_field_find (self->table, name);

  if (index < 0 || self->texts == NULL)
    return "";
  return self->texts[index] != NULL ? self->texts[index] : "";
}

/* The main window, up the chain of windows this one was opened over. */
static CandourWindow *
main_window (CandourDetailWindow *self)
{
  for (GtkWindow *window = gtk_window_get_transient_for (GTK_WINDOW (self));
       window != NULL;
       window = gtk_window_get_transient_for (window))
    if (CANDOUR_IS_WINDOW (window))
      return CANDOUR_WINDOW (window);
  return NULL;
}

void
candour_detail_window_open_record (CandourDetailWindow *self,
                                   CandourTable         table,
                                   gint64               id)
{
  CandourWindow *main = main_window (self);
  GtkWindow *window;

  if (has_detail (table))
    {
      window = candour_detail_window_new (self->session, table, id);
      gtk_window_set_transient_for (window, main != NULL ? GTK_WINDOW (main) : GTK_WINDOW (self));
    }
  else
    {
      window = GTK_WINDOW (candour_record_form_new (self->session, table, id));
      gtk_window_set_transient_for (window, GTK_WINDOW (self));
    }
  gtk_window_present (window);
}

/* Rows */

typedef struct
{
  CandourTable table;
  gint64 id;
  char *name;
} RowTarget;

static void
row_target_free (gpointer data)
{
  RowTarget *target = data;

  g_free (target->name);
  g_free (target);
}

static void
on_row_activated (AdwActionRow *row,
                  gpointer      user_data)
{
  CandourDetailWindow *self = CANDOUR_DETAIL_WINDOW (gtk_widget_get_root (GTK_WIDGET (row)));
  RowTarget *target = g_object_get_data (G_OBJECT (row), "candour-target");

  if (target != NULL)
    candour_detail_window_open_record (self, target->table, target->id);
}

static void
on_remove_clicked (GtkButton *button,
                   gpointer   user_data)
{
  CandourDetailWindow *self = CANDOUR_DETAIL_WINDOW (gtk_widget_get_root (GTK_WIDGET (button)));
  RowTarget *target = g_object_get_data (G_OBJECT (button), "candour-target");
  /* Hiding the record rebuilds the lists, this row and its target with them. */
  g_autofree char *name = g_strdup (target->name);

  candour_deletion_start (self->session, self->toast_overlay, target->table, target->id, NULL, name);
}

AdwActionRow *
candour_detail_window_add_row (CandourDetailWindow *self,
                               DetailList          *list,
                               const char          *title,
                               const char          *subtitle,
                               CandourTable         table,
                               gint64               id,
                               gboolean             removable,
                               GtkWidget           *extra)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *text = NULL;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL && subtitle[0] != '\0')
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (extra != NULL)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), extra);

  if (id > 0)
    {
      RowTarget *target = g_new0 (RowTarget, 1);

      target->table = table;
      target->id = id;
      target->name = g_strdup (title);
      g_object_set_data_full (G_OBJECT (row), "candour-target", target, row_target_free);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_signal_connect (row, "activated", G_CALLBACK (on_row_activated), NULL);
      {
        GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");

        gtk_accessible_update_state (GTK_ACCESSIBLE (arrow), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
      }

      if (removable)
        {
          GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");
          g_autofree char *tooltip = g_strdup_printf (_("Remove %s"), title);

          gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
          gtk_widget_add_css_class (button, "flat");
          gtk_widget_set_tooltip_text (button, tooltip);
          gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
          g_object_set_data (G_OBJECT (button), "candour-target", target);
          g_signal_connect (button, "clicked", G_CALLBACK (on_remove_clicked), NULL);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
        }
    }

  adw_preferences_group_add (list->group, row);
  text = subtitle != NULL && subtitle[0] != '\0' ? g_strdup_printf ("%s — %s", title, subtitle) : g_strdup (title);
  g_ptr_array_add (list->texts, g_steal_pointer (&text));
  g_array_append_val (list->ids, id);
  return ADW_ACTION_ROW (row);
}

void
candour_detail_window_add_empty_row (CandourDetailWindow *self,
                                     DetailList          *list,
                                     const char          *text)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
  gtk_widget_add_css_class (row, "dim-label");
  adw_preferences_group_add (list->group, row);
}

static void
on_add_clicked (GtkButton *button,
                gpointer   user_data)
{
  CandourDetailWindow *self = CANDOUR_DETAIL_WINDOW (gtk_widget_get_root (GTK_WIDGET (button)));

  candour_detail_window_add_child (self, GPOINTER_TO_UINT (user_data));
}

DetailList *
candour_detail_window_add_list (CandourDetailWindow *self,
                                const char          *name,
                                const char          *title,
                                const char          *description,
                                const char          *add_label,
                                CandourTable         child_table)
{
  DetailList *list = g_new0 (DetailList, 1);

  list->name = g_strdup (name);
  list->texts = g_ptr_array_new_with_free_func (g_free);
  list->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  list->group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (list->group, title);
  if (description != NULL)
    adw_preferences_group_set_description (list->group, description);

  if (add_label != NULL)
    {
      GtkWidget *button = gtk_button_new_with_mnemonic (add_label);

      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      g_signal_connect (button, "clicked", G_CALLBACK (on_add_clicked), GUINT_TO_POINTER (child_table));
      adw_preferences_group_set_header_suffix (list->group, button);
    }

  gtk_box_append (self->sections, GTK_WIDGET (list->group));
  g_ptr_array_add (self->lists, list);
  return list;
}

void
candour_detail_window_add_section (CandourDetailWindow *self,
                                   GtkWidget           *section)
{
  gtk_box_append (self->sections, section);
}

void
candour_detail_window_set_summary (CandourDetailWindow *self,
                                   const char          *summary)
{
  gtk_label_set_label (self->summary_label, summary != NULL ? summary : "");
  gtk_widget_set_visible (GTK_WIDGET (self->summary_label), summary != NULL && summary[0] != '\0');
}

/* Details: every field, as the form has it, read-only. */

/* "Annual income (£)" → "Annual income": the hint is for typing. */
static char *
fact_label (CandourTable table,
            guint        field)
{
  const char *label = candour_field_get_label (table, field);
  const char *bracket = strstr (label, " (");

  return bracket != NULL ? g_strndup (label, bracket - label) : g_strdup (label);
}

static void
add_facts (CandourDetailWindow *self)
{
  CandourDatabase *db = candour_session_get_database (self->session);
  DetailList *facts = g_new0 (DetailList, 1);

  facts->name = g_strdup ("facts");
  facts->texts = g_ptr_array_new_with_free_func (g_free);
  facts->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  /* Made anew each time: a group has no way to give back all its rows. */
  facts->group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (facts->group, _("Details"));
  gtk_box_append (self->facts_box, GTK_WIDGET (facts->group));
  g_ptr_array_add (self->lists, facts);

  for (guint i = 0; i < candour_table_get_n_fields (self->table); i++)
    {
      g_autofree char *label = fact_label (self->table, i);
      const char *text = self->texts[i] != NULL ? self->texts[i] : "";
      g_autofree char *value = NULL;
      CandourTable target = CANDOUR_TABLE_ORGANISATIONS;
      gint64 target_id = 0;
      AdwActionRow *row;

      if (candour_table_get_field_target (self->table, i, &target) && text[0] != '\0')
        {
          target_id = candour_record_find_id (db, target, text, NULL);
          value = target_id > 0 ? candour_record_describe (db, target, target_id) : NULL;
          if (value == NULL)
            value = g_strdup (text);
        }
      else
        value = candour_field_format_display (self->table, i, text);

      row = candour_detail_window_add_row (self, facts, label, value[0] != '\0' ? value : _("Not recorded"),
                                           target, target_id, FALSE, NULL);
      /* What it is, small; then the value, in full. */
      gtk_widget_add_css_class (GTK_WIDGET (row), "fact");
    }
}

static void
clear (CandourDetailWindow *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->sections))) != NULL)
    gtk_box_remove (self->sections, child);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->facts_box))) != NULL)
    gtk_box_remove (self->facts_box, child);

  g_ptr_array_set_size (self->lists, 0);
  g_ptr_array_set_size (self->history_refs, 0);
  self->flow_chart = NULL;
}

static gboolean
close_later (gpointer user_data)
{
  gtk_window_destroy (GTK_WINDOW (user_data));
  return G_SOURCE_REMOVE;
}

static void
reload (CandourDetailWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *subtitle = NULL;
  const char *name;

  if (self->session == NULL)
    return;

  clear (self);

  g_clear_pointer (&self->texts, g_strfreev);
  self->texts = candour_record_load (candour_session_get_database (self->session), self->table, self->id, &error);
  if (self->texts == NULL)
    {
      /* Deleted, here or by someone else: nothing left to show. */
      g_idle_add_full (G_PRIORITY_DEFAULT, close_later, g_object_ref (self), g_object_unref);
      return;
    }

  g_free (self->ref);
  self->ref = g_strdup (candour_detail_window_field (self, "ref"));
  name = candour_detail_window_field (self, self->table == CANDOUR_TABLE_BIDS ||
                                            self->table == CANDOUR_TABLE_CONTRACTS ? "title" : "name");
  g_free (self->name);
  self->name = g_strdup (name[0] != '\0' ? name : self->ref);

  adw_window_title_set_title (self->window_title, self->name);
  /* Translators: a detail window's subtitle, "Organisation ORG-KINDRED" */
  subtitle = g_strdup_printf (_("%s %s"), candour_table_get_title (self->table), self->ref);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_window_set_title (GTK_WINDOW (self), self->name);
  candour_detail_window_set_summary (self, NULL);

  g_ptr_array_add (self->history_refs, g_strdup (self->ref));

  switch (self->table)
    {
    case CANDOUR_TABLE_ORGANISATIONS:
      candour_detail_window_fill_organisation (self);
      break;
    case CANDOUR_TABLE_BIDS:
      candour_detail_window_fill_bid (self);
      break;
    case CANDOUR_TABLE_CONTRACTS:
      candour_detail_window_fill_contract (self);
      break;
    case CANDOUR_TABLE_CONSORTIA:
      candour_detail_window_fill_consortium (self);
      break;
    default:
      break;
    }

  add_facts (self);

  g_ptr_array_add (self->history_refs, NULL);
  candour_history_group_load (self->history_group, candour_session_get_database (self->session),
                              (const char * const *)self->history_refs->pdata);
  g_ptr_array_remove_index (self->history_refs, self->history_refs->len - 1);
}

static void
on_hidden_changed (CandourDetailWindow *self)
{
  reload (self);
}

/* Actions */

GtkWindow *
candour_detail_window_add_child (CandourDetailWindow *self,
                                 CandourTable         table)
{
  CandourRecordForm *form;

  g_return_val_if_fail (CANDOUR_IS_DETAIL_WINDOW (self), NULL);

  form = candour_record_form_new (self->session, table, 0);
  switch (table)
    {
    case CANDOUR_TABLE_BID_PARTNERS:
      candour_record_form_set_text (form, "bid_ref", self->ref, TRUE);
      break;
    case CANDOUR_TABLE_SUBCONTRACTS:
      candour_record_form_set_text (form, "contract_ref", self->ref, TRUE);
      candour_record_form_set_focus_field (form, "partner_ref");
      break;
    case CANDOUR_TABLE_PAYMENTS:
      /* From the commissioner to the lead, unless the person picks a subcontract. */
      candour_record_form_set_text (form, "contract_ref", self->ref, FALSE);
      break;
    case CANDOUR_TABLE_CONSORTIUM_MEMBERS:
      candour_record_form_set_text (form, "consortium_ref", self->ref, TRUE);
      break;
    case CANDOUR_TABLE_CONTRACTS:
      /* From a won bid: its title to start from; the lead and commissioner, left
       * empty, are the bid's. */
      candour_record_form_set_text (form, "bid_ref", self->ref, TRUE);
      candour_record_form_set_text (form, "title", candour_detail_window_field (self, "title"), FALSE);
      break;
    default:
      break;
    }
  gtk_window_set_transient_for (GTK_WINDOW (form), GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (form));
  return GTK_WINDOW (form);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CandourDetailWindow *self = CANDOUR_DETAIL_WINDOW (widget);
  CandourRecordForm *form = candour_record_form_new (self->session, self->table, self->id);

  gtk_window_set_transient_for (GTK_WINDOW (form), GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (form));
}

/* The record goes with Undo in the main window, where the toast outlives this one. */
static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CandourDetailWindow *self = CANDOUR_DETAIL_WINDOW (widget);
  CandourWindow *main = main_window (self);
  g_autoptr(GError) error = NULL;

  if (!candour_deletion_check (self->session, self->table, self->id, &error))
    {
      candour_deletion_add_toast (self->toast_overlay, error->message);
      return;
    }

  if (main == NULL)
    {
      candour_deletion_start (self->session, self->toast_overlay, self->table, self->id, self->ref, self->name);
      return;
    }

  candour_deletion_start (self->session, candour_window_get_toast_overlay (main), self->table, self->id,
                          self->ref, self->name);
  gtk_window_close (GTK_WINDOW (self));
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  candour_deletion_undo (CANDOUR_DETAIL_WINDOW (widget)->toast_overlay);
}

static gboolean
candour_detail_window_close_request (GtkWindow *window)
{
  /* Not while a toast is moving: libadwaita 1.2 can crash. It closes in a moment. */
  if (candour_toasts_defer_close (window, CANDOUR_DETAIL_WINDOW (window)->toast_overlay))
    return TRUE;

  return GTK_WINDOW_CLASS (candour_detail_window_parent_class)->close_request (window);
}

static void
candour_detail_window_constructed (GObject *object)
{
  CandourDetailWindow *self = CANDOUR_DETAIL_WINDOW (object);

  G_OBJECT_CLASS (candour_detail_window_parent_class)->constructed (object);

  if (self->session != NULL)
    {
      g_signal_connect_object (self->session, "notify::revision", G_CALLBACK (reload), self, G_CONNECT_SWAPPED);
      /* Its lists are about this record alone: read again after any edit, at once. */
      g_signal_connect_object (self->session, "record-changed", G_CALLBACK (reload), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->session, "hidden-changed", G_CALLBACK (on_hidden_changed), self,
                               G_CONNECT_SWAPPED);
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "detail.edit", self->session != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "detail.delete", self->session != NULL);
  reload (self);
}

static void
candour_detail_window_dispose (GObject *object)
{
  CandourDetailWindow *self = (CandourDetailWindow *)object;

  /* Closing the window ends the Undo on offer in it. */
  if (self->toast_overlay != NULL)
    candour_deletion_commit (self->toast_overlay);
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), CANDOUR_TYPE_DETAIL_WINDOW);
  g_clear_object (&self->session);
  candour_export_chooser_close (GTK_WIDGET (self));

  G_OBJECT_CLASS (candour_detail_window_parent_class)->dispose (object);
}

static void
candour_detail_window_finalize (GObject *object)
{
  CandourDetailWindow *self = (CandourDetailWindow *)object;

  g_clear_pointer (&self->texts, g_strfreev);
  g_clear_pointer (&self->ref, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->lists, g_ptr_array_unref);
  g_clear_pointer (&self->history_refs, g_ptr_array_unref);

  G_OBJECT_CLASS (candour_detail_window_parent_class)->finalize (object);
}

static void
candour_detail_window_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  CandourDetailWindow *self = CANDOUR_DETAIL_WINDOW (object);

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
candour_detail_window_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  CandourDetailWindow *self = CANDOUR_DETAIL_WINDOW (object);

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

static void
candour_detail_window_class_init (CandourDetailWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = candour_detail_window_constructed;
  object_class->dispose = candour_detail_window_dispose;
  object_class->finalize = candour_detail_window_finalize;
  object_class->get_property = candour_detail_window_get_property;
  object_class->set_property = candour_detail_window_set_property;
  GTK_WINDOW_CLASS (klass)->close_request = candour_detail_window_close_request;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, "The open database", CANDOUR_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TABLE] =
    g_param_spec_enum ("table", NULL, "The table of the record", CANDOUR_TYPE_TABLE,
                       CANDOUR_TABLE_ORGANISATIONS,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RECORD_ID] =
    g_param_spec_int64 ("record-id", NULL, "The record shown", 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CANDOUR_TYPE_HISTORY_GROUP);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/candour/Candour/ui/candour-detail-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CandourDetailWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CandourDetailWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, CandourDetailWindow, summary_label);
  gtk_widget_class_bind_template_child (widget_class, CandourDetailWindow, sections);
  gtk_widget_class_bind_template_child (widget_class, CandourDetailWindow, facts_box);
  gtk_widget_class_bind_template_child (widget_class, CandourDetailWindow, history_group);

  gtk_widget_class_install_action (widget_class, "detail.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "detail.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  candour_export_feedback_install_actions (widget_class);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
candour_detail_window_init (CandourDetailWindow *self)
{
  self->lists = g_ptr_array_new_with_free_func (detail_list_free);
  self->history_refs = g_ptr_array_new_with_free_func (g_free);
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWindow *
candour_detail_window_new (CandourSession *session,
                           CandourTable    table,
                           gint64          id)
{
  g_return_val_if_fail (CANDOUR_IS_SESSION (session), NULL);
  g_return_val_if_fail (has_detail (table), NULL);

  return g_object_new (CANDOUR_TYPE_DETAIL_WINDOW,
                       "session", session,
                       "table", table,
                       "record-id", id,
                       NULL);
}

CandourTable
candour_detail_window_get_table (CandourDetailWindow *self)
{
  g_return_val_if_fail (CANDOUR_IS_DETAIL_WINDOW (self), CANDOUR_TABLE_ORGANISATIONS);

  return self->table;
}

gint64
candour_detail_window_get_id (CandourDetailWindow *self)
{
  g_return_val_if_fail (CANDOUR_IS_DETAIL_WINDOW (self), 0);

  return self->id;
}

const char *
candour_detail_window_get_summary (CandourDetailWindow *self)
{
  g_return_val_if_fail (CANDOUR_IS_DETAIL_WINDOW (self), NULL);

  return gtk_label_get_label (self->summary_label);
}

GStrv
candour_detail_window_dup_rows (CandourDetailWindow *self,
                                const char          *name)
{
  DetailList *list;
  g_autoptr(GStrvBuilder) builder = NULL;

  g_return_val_if_fail (CANDOUR_IS_DETAIL_WINDOW (self), NULL);

  list = find_list (self, name);
  if (list == NULL)
    return NULL;

  builder = g_strv_builder_new ();
  for (guint i = 0; i < list->texts->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (list->texts, i));
  return g_strv_builder_end (builder);
}

GArray *
candour_detail_window_get_ids (CandourDetailWindow *self,
                               const char          *name)
{
  DetailList *list;

  g_return_val_if_fail (CANDOUR_IS_DETAIL_WINDOW (self), NULL);

  list = find_list (self, name);
  return list != NULL ? list->ids : NULL;
}

CandourFlowChart *
candour_detail_window_get_flow_chart (CandourDetailWindow *self)
{
  g_return_val_if_fail (CANDOUR_IS_DETAIL_WINDOW (self), NULL);

  return self->flow_chart;
}

CandourHistoryGroup *
candour_detail_window_get_history (CandourDetailWindow *self)
{
  g_return_val_if_fail (CANDOUR_IS_DETAIL_WINDOW (self), NULL);

  return self->history_group;
}

AdwToastOverlay *
candour_detail_window_get_toast_overlay (CandourDetailWindow *self)
{
  g_return_val_if_fail (CANDOUR_IS_DETAIL_WINDOW (self), NULL);

  return self->toast_overlay;
}
