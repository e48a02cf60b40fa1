/* candour-record-picker.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "candour-accessible.h"
#include "candour-read-job.h"
#include "candour-record-picker.h"
#include "candour-record-query.h"

/* Enough to find one by scrolling; the search narrows a longer list. */
#define MAX_RESULTS 50
/* Typing a name is quicker than this between letters: one search for the word. */
#define SEARCH_DELAY_MS 120

struct _CandourRecordPicker
{
  AdwActionRow parent_instance;

  GtkMenuButton *button;
  GtkPopover *popover;
  GtkSearchEntry *search_entry;
  GtkListBox *list;
  GtkLabel *status_label;
  GtkWidget *create_button;

  CandourDatabase *db;
  CandourTable table;
  gboolean required;
  char *ref;                    /* "" for none */

  GtkStringList *results;       /* what the list shows */
  GPtrArray *result_refs;       /* their refs, "" for None */
  char *shown_text;             /* the search the list answers */
  guint search_source;
  GCancellable *searching;
  gboolean choose_first;        /* Enter came before the answer */
};

G_DEFINE_FINAL_TYPE (CandourRecordPicker, candour_record_picker, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_REF,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CREATE_RECORD,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* New Organisation…: whoever made the picker makes the record (with what was typed as
 * its name), then chooses it here. */
static void
on_create_clicked (CandourRecordPicker *self)
{
  g_autofree char *typed = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));

  gtk_popover_popdown (self->popover);
  g_signal_emit (self, signals[CREATE_RECORD], 0, typed);
}

/* What the worker is asked and answers. */
typedef struct
{
  CandourTable table;
  char *text;
} Question;

typedef struct
{
  char *text;                   /* the search answered */
  GPtrArray *refs;
  GPtrArray *labels;
  gboolean more;                /* there were more than MAX_RESULTS */
} Answer;

static void
question_free (gpointer data)
{
  Question *question = data;

  g_free (question->text);
  g_free (question);
}

static void
answer_free (gpointer data)
{
  Answer *answer = data;

  g_free (answer->text);
  g_ptr_array_unref (answer->refs);
  g_ptr_array_unref (answer->labels);
  g_free (answer);
}

/* "Kindred Pathways (ORG-KINDRED)", or the ref alone for a record with no name. */
static char *
choice_label (const char *ref,
              const char *label)
{
  return label != NULL && label[0] != '\0' ? g_strdup_printf ("%s (%s)", label, ref) : g_strdup (ref);
}

static gpointer
search (CandourDatabase  *reader,
        gpointer          data,
        GCancellable     *cancellable,
        GError          **error)
{
  Question *question = data;
  Answer *answer = g_new0 (Answer, 1);
  CandourReport *report;

  answer->text = g_strdup (question->text);
  answer->refs = g_ptr_array_new_with_free_func (g_free);
  answer->labels = g_ptr_array_new_with_free_func (g_free);

  /* One more than is shown, to know that there are more. */
  report = candour_report_ref_search (reader, question->table, question->text, MAX_RESULTS + 1, error);
  while (report != NULL && candour_report_next (report, error))
    {
      if (answer->refs->len == MAX_RESULTS)
        {
          answer->more = TRUE;
          break;
        }
      g_ptr_array_add (answer->refs, g_strdup (candour_report_get_text_by_name (report, "ref")));
      g_ptr_array_add (answer->labels, choice_label (candour_report_get_text_by_name (report, "ref"),
                                                     candour_report_get_text_by_name (report, "label")));
    }
  if (report != NULL)
    candour_report_free (report);
  if (report == NULL || (error != NULL && *error != NULL))
    {
      answer_free (answer);
      return NULL;
    }
  return answer;
}

/* "No organisation has “zzz” in its name or reference." */
static char *
nothing_found_text (CandourTable  table,
                    const char   *text)
{
  switch (table)
    {
    case CANDOUR_TABLE_ORGANISATIONS:
      return g_strdup_printf (_("No organisation has “%s” in its name or reference."), text);
    case CANDOUR_TABLE_CONSORTIA:
      return g_strdup_printf (_("No consortium has “%s” in its name or reference."), text);
    case CANDOUR_TABLE_BIDS:
      return g_strdup_printf (_("No bid has “%s” in its title or reference."), text);
    case CANDOUR_TABLE_CONTRACTS:
      return g_strdup_printf (_("No contract has “%s” in its title or reference."), text);
    case CANDOUR_TABLE_SUBCONTRACTS:
    default:
      return g_strdup_printf (_("No subcontract has “%s” in its reference, its partner’s name or its "
                                "contract’s reference."), text);
    }
}

static GtkWidget *
new_result_row (const char *label,
                gboolean    chosen)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *text = gtk_label_new (label);
  GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");

  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_label_set_ellipsize (GTK_LABEL (text), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_widget_set_tooltip_text (text, label);
  gtk_widget_set_opacity (check, chosen ? 1 : 0);
  gtk_box_append (GTK_BOX (box), text);
  gtk_box_append (GTK_BOX (box), check);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  return box;
}

static void
add_result (CandourRecordPicker *self,
            const char          *ref,
            const char          *label)
{
  gboolean chosen = g_strcmp0 (ref, self->ref) == 0;
  GtkWidget *result = new_result_row (label, chosen);

  g_ptr_array_add (self->result_refs, g_strdup (ref));
  gtk_string_list_append (self->results, label);
  gtk_list_box_append (self->list, result);
  /* The row the list box put it in, for a screen reader: the record, and whether it is
   * the one chosen (shown by a tick). */
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_parent (result)), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  label, -1);
  gtk_accessible_update_state (GTK_ACCESSIBLE (gtk_widget_get_parent (result)), GTK_ACCESSIBLE_STATE_SELECTED,
                               chosen, -1);
}

static void
choose (CandourRecordPicker *self,
        guint                index)
{
  if (index < self->result_refs->len)
    candour_record_picker_set_ref (self, g_ptr_array_index (self->result_refs, index));
  gtk_popover_popdown (self->popover);
}

static void
show_answer (CandourRecordPicker *self,
             Answer              *answer)
{
  const char *text = answer->text;
  GtkWidget *child;
  g_autofree char *status = NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  g_ptr_array_set_size (self->result_refs, 0);
  gtk_string_list_splice (self->results, 0, g_list_model_get_n_items (G_LIST_MODEL (self->results)), NULL);
  g_free (self->shown_text);
  self->shown_text = g_strdup (text);

  /* An optional field is cleared from the top of the unsearched list. */
  if (!self->required && text[0] == '\0')
    add_result (self, "", _("None"));
  for (guint i = 0; i < answer->refs->len; i++)
    add_result (self, answer->refs->pdata[i], answer->labels->pdata[i]);

  if (answer->more)
    /* Translators: under a record field's search, when it found more than it shows */
    status = g_strdup_printf (_("The first %u are shown: type more of a name or reference to find others."),
                              MAX_RESULTS);
  else if (answer->refs->len == 0 && text[0] != '\0')
    status = nothing_found_text (self->table, text);
  gtk_label_set_label (self->status_label, status != NULL ? status : "");
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), status != NULL);
  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (self->list)), self->result_refs->len > 0);

  if (self->choose_first)
    {
      self->choose_first = FALSE;
      if (answer->refs->len > 0)
        choose (self, self->result_refs->len - answer->refs->len);
    }
}

static void
on_searched (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(CandourRecordPicker) self = user_data;
  g_autoptr(GError) error = NULL;
  Answer *answer = candour_read_job_finish (result, &error);
  GCancellable *cancellable = g_task_get_cancellable (G_TASK (result));

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || cancellable != self->searching)
    {
      g_clear_pointer (&answer, answer_free);
      return;
    }
  g_clear_object (&self->searching);

  if (answer == NULL)
    {
      /* A busy or damaged file: the list stays as it was, and the field can be
       * chosen again. */
      g_warning ("Could not search the %s: %s", candour_table_get_name (self->table), error->message);
      self->choose_first = FALSE;
      return;
    }
  show_answer (self, answer);
  answer_free (answer);
}

static void
search_now (CandourRecordPicker *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  Question *question = g_new0 (Question, 1);

  g_clear_handle_id (&self->search_source, g_source_remove);
  g_cancellable_cancel (self->searching);
  g_clear_object (&self->searching);
  self->searching = g_cancellable_new ();

  question->table = self->table;
  question->text = g_strdup (text);
  candour_read_job_run (self->db, search, question, question_free, answer_free, self->searching,
                        on_searched, g_object_ref (self));
}

static gboolean
search_later (gpointer user_data)
{
  CandourRecordPicker *self = user_data;

  self->search_source = 0;
  search_now (self);
  return G_SOURCE_REMOVE;
}

static void
on_search_changed (CandourRecordPicker *self)
{
  g_clear_handle_id (&self->search_source, g_source_remove);
  self->search_source = g_timeout_add (SEARCH_DELAY_MS, search_later, self);
}

static void
on_search_activate (CandourRecordPicker *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  /* Enter on an empty search would choose whichever record sorts first. */
  if (text[0] == '\0')
    return;
  if (candour_record_picker_get_searching (self) || g_strcmp0 (text, self->shown_text) != 0)
    {
      self->choose_first = TRUE;
      if (self->search_source != 0 || self->searching == NULL)
        search_now (self);
      return;
    }
  if (self->result_refs->len > 0)
    choose (self, 0);
}

static void
on_stop_search (CandourRecordPicker *self)
{
  gtk_popover_popdown (self->popover);
}

static void
on_row_activated (CandourRecordPicker *self,
                  GtkListBoxRow       *row)
{
  choose (self, gtk_list_box_row_get_index (row));
}

/* Down from the search goes to the first record found. */
static gboolean
on_search_key (CandourRecordPicker   *self,
               guint                  keyval,
               guint                  keycode,
               GdkModifierType        state,
               GtkEventControllerKey *controller)
{
  GtkListBoxRow *first;

  if (keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down)
    return GDK_EVENT_PROPAGATE;
  first = gtk_list_box_get_row_at_index (self->list, 0);
  if (first == NULL)
    return GDK_EVENT_PROPAGATE;
  gtk_widget_grab_focus (GTK_WIDGET (first));
  return GDK_EVENT_STOP;
}

/* The whole row opens the search, as a combo row's does. */
static void
on_activated (CandourRecordPicker *self)
{
  gtk_menu_button_popup (self->button);
}

/* Each opening starts from the first records, with the search ready for typing. */
static void
on_popover_map (CandourRecordPicker *self)
{
  self->choose_first = FALSE;
  g_signal_handlers_block_by_func (self->search_entry, on_search_changed, self);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  g_signal_handlers_unblock_by_func (self->search_entry, on_search_changed, self);
  search_now (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
update_subtitle (CandourRecordPicker *self,
                 const char          *label)
{
  const char *empty = self->required ? _("Choose…") : _("None");

  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), self->ref[0] != '\0' ? label : empty);
}

const char *
candour_record_picker_get_ref (CandourRecordPicker *self)
{
  g_return_val_if_fail (CANDOUR_IS_RECORD_PICKER (self), NULL);

  return self->ref;
}

gboolean
candour_record_picker_set_ref (CandourRecordPicker *self,
                               const char          *ref)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  CandourReport *report;

  g_return_val_if_fail (CANDOUR_IS_RECORD_PICKER (self), FALSE);

  if (ref == NULL)
    ref = "";
  if (g_strcmp0 (ref, self->ref) == 0)
    return TRUE;

  if (ref[0] != '\0')
    {
      /* One row by its unique ref: an index lookup, quick enough here. */
      report = candour_report_ref_choice (self->db, self->table, ref, &error);
      if (report != NULL && candour_report_next (report, &error))
        label = choice_label (candour_report_get_text_by_name (report, "ref"),
                              candour_report_get_text_by_name (report, "label"));
      if (report != NULL)
        candour_report_free (report);
      if (label == NULL)
        {
          if (error != NULL)
            g_warning ("Could not read %s: %s", ref, error->message);
          return FALSE;
        }
    }

  g_free (self->ref);
  self->ref = g_strdup (ref);
  update_subtitle (self, label);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REF]);
  return TRUE;
}

gboolean
candour_record_picker_get_searching (CandourRecordPicker *self)
{
  g_return_val_if_fail (CANDOUR_IS_RECORD_PICKER (self), FALSE);

  return self->search_source != 0 || self->searching != NULL;
}

GtkPopover *
candour_record_picker_get_popover (CandourRecordPicker *self)
{
  g_return_val_if_fail (CANDOUR_IS_RECORD_PICKER (self), NULL);

  return self->popover;
}

GtkEditable *
candour_record_picker_get_search_entry (CandourRecordPicker *self)
{
  g_return_val_if_fail (CANDOUR_IS_RECORD_PICKER (self), NULL);

  return GTK_EDITABLE (self->search_entry);
}

GListModel *
candour_record_picker_get_results (CandourRecordPicker *self)
{
  g_return_val_if_fail (CANDOUR_IS_RECORD_PICKER (self), NULL);

  return G_LIST_MODEL (self->results);
}

static void
candour_record_picker_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  CandourRecordPicker *self = CANDOUR_RECORD_PICKER (object);

  switch (prop_id)
    {
    case PROP_REF:
      g_value_set_string (value, self->ref);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
candour_record_picker_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  CandourRecordPicker *self = CANDOUR_RECORD_PICKER (object);

  switch (prop_id)
    {
    case PROP_REF:
      candour_record_picker_set_ref (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
candour_record_picker_dispose (GObject *object)
{
  CandourRecordPicker *self = CANDOUR_RECORD_PICKER (object);

  g_clear_handle_id (&self->search_source, g_source_remove);
  g_cancellable_cancel (self->searching);
  g_clear_object (&self->searching);
  gtk_widget_dispose_template (GTK_WIDGET (object), CANDOUR_TYPE_RECORD_PICKER);

  G_OBJECT_CLASS (candour_record_picker_parent_class)->dispose (object);
}

static void
candour_record_picker_finalize (GObject *object)
{
  CandourRecordPicker *self = CANDOUR_RECORD_PICKER (object);

  g_clear_object (&self->db);
  g_free (self->ref);
  g_free (self->shown_text);
  g_clear_object (&self->results);
  g_clear_pointer (&self->result_refs, g_ptr_array_unref);

  G_OBJECT_CLASS (candour_record_picker_parent_class)->finalize (object);
}

/* The icon button that opens the list: "Choose Lead provider". */
static void
name_button (CandourRecordPicker *self)
{
  const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self));
  g_autofree char *name = g_strdup_printf (_("Choose %s"), title != NULL ? title : "");

  gtk_widget_set_tooltip_text (GTK_WIDGET (self->button), name);
  candour_accessible_name_menu_button (self->button, name);
}

static void
candour_record_picker_class_init (CandourRecordPickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = candour_record_picker_get_property;
  object_class->set_property = candour_record_picker_set_property;
  object_class->dispose = candour_record_picker_dispose;
  object_class->finalize = candour_record_picker_finalize;

  properties[PROP_REF] =
    g_param_spec_string ("ref", NULL, NULL, "", G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/candour/Candour/ui/candour-record-picker.ui");
  gtk_widget_class_bind_template_child (widget_class, CandourRecordPicker, button);
  gtk_widget_class_bind_template_child (widget_class, CandourRecordPicker, popover);
  gtk_widget_class_bind_template_child (widget_class, CandourRecordPicker, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CandourRecordPicker, list);
  gtk_widget_class_bind_template_child (widget_class, CandourRecordPicker, status_label);
  gtk_widget_class_bind_template_child (widget_class, CandourRecordPicker, create_button);
  gtk_widget_class_bind_template_callback (widget_class, on_create_clicked);

  /* New Organisation… was chosen, with what the search held ("" for nothing). */
  signals[CREATE_RECORD] = g_signal_new ("create-record", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                         NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  gtk_widget_class_bind_template_callback (widget_class, on_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_popover_map);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
}

static void
candour_record_picker_init (CandourRecordPicker *self)
{
  GtkEventController *keys;

  self->ref = g_strdup ("");
  self->results = gtk_string_list_new (NULL);
  self->result_refs = g_ptr_array_new_with_free_func (g_free);
  gtk_widget_init_template (GTK_WIDGET (self));
  name_button (self);
  g_signal_connect (self, "notify::title", G_CALLBACK (name_button), NULL);

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_search_key), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), keys);
}

GtkWidget *
candour_record_picker_new (CandourDatabase *db,
                           CandourTable     table,
                           gboolean         required)
{
  CandourRecordPicker *self;

  g_return_val_if_fail (CANDOUR_IS_DATABASE (db), NULL);

  self = g_object_new (CANDOUR_TYPE_RECORD_PICKER, NULL);
  self->db = g_object_ref (db);
  self->table = table;
  self->required = required;
  gtk_widget_set_visible (self->create_button, table == CANDOUR_TABLE_ORGANISATIONS);
  update_subtitle (self, NULL);
  return GTK_WIDGET (self);
}
