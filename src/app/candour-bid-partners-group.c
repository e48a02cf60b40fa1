/* candour-bid-partners-group.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "candour-bid-partners-group.h"
#include "candour-combo-row.h"
#include "candour-fields.h"
#include "candour-record-picker.h"
#include "candour-record-query.h"

#define TABLE CANDOUR_TABLE_BID_PARTNERS
/* bid_partners has six fields; the first, bid_ref, is the bid's own. */
#define N_FIELDS 6
#define BID_REF 0

typedef struct
{
  CandourBidPartnersGroup *group;
  gint64 id;                    /* 0 until saved */
  char **loaded;                /* as the database held it, for a saved one */
  GtkWidget *expander;
  GtkWidget *remove_button;
  GtkWidget *rows[N_FIELDS];    /* rows[BID_REF] is NULL */
  GPtrArray *values[N_FIELDS];  /* a choice's keywords, item by item */
  GtkWidget *problem_row;
  GtkLabel *problem_label;
  char *problem;                /* shown beside it, or NULL */
  gboolean touched;             /* typed into, or loaded */
} Partner;

struct _CandourBidPartnersGroup
{
  AdwPreferencesGroup parent_instance;

  GtkButton *add_button;
  GtkWidget *empty_row;

  CandourDatabase *db;
  GPtrArray *partners;          /* Partner *, as shown */
  GPtrArray *removed;           /* saved partners taken off, deleted when the bid is saved */
  gboolean filling;
};

G_DEFINE_FINAL_TYPE (CandourBidPartnersGroup, candour_bid_partners_group, ADW_TYPE_PREFERENCES_GROUP)

enum {
  CHANGED,
  CREATE_RECORD,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
partner_free (gpointer data)
{
  Partner *partner = data;

  for (guint i = 0; i < N_FIELDS; i++)
    g_clear_pointer (&partner->values[i], g_ptr_array_unref);
  g_clear_pointer (&partner->loaded, g_strfreev);
  g_clear_pointer (&partner->problem, g_free);
  g_free (partner);
}

static char *
row_text (Partner *partner,
          guint    field)
{
  GtkWidget *row = partner->rows[field];

  if (row == NULL)
    return g_strdup ("");
  if (CANDOUR_IS_RECORD_PICKER (row))
    return g_strdup (candour_record_picker_get_ref (CANDOUR_RECORD_PICKER (row)));
  if (ADW_IS_COMBO_ROW (row))
    {
      guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (row));

      return g_strdup (selected < partner->values[field]->len ? g_ptr_array_index (partner->values[field], selected)
                                                              : "");
    }
  return g_strdup (gtk_editable_get_text (GTK_EDITABLE (row)));
}

static void
set_row_text (Partner    *partner,
              guint       field,
              const char *text)
{
  GtkWidget *row = partner->rows[field];

  if (row == NULL)
    return;
  if (CANDOUR_IS_RECORD_PICKER (row))
    candour_record_picker_set_ref (CANDOUR_RECORD_PICKER (row), text);
  else if (ADW_IS_COMBO_ROW (row))
    {
      for (guint i = 0; i < partner->values[field]->len; i++)
        if (g_ascii_strcasecmp (g_ptr_array_index (partner->values[field], i), text != NULL ? text : "") == 0)
          adw_combo_row_set_selected (ADW_COMBO_ROW (row), i);
    }
  else
    {
      g_autofree char *editable = candour_field_format_editable (TABLE, field, text);

      gtk_editable_set_text (GTK_EDITABLE (row), editable);
    }
}

static int
index_of (CandourBidPartnersGroup *self,
          Partner                 *partner)
{
  for (guint i = 0; i < self->partners->len; i++)
    if (g_ptr_array_index (self->partners, i) == partner)
      return i;
  return -1;
}

/* The closed row says who and what: "Kindred Pathways (ORG-KINDRED)", "Delivery · £1,200.50". */
static void
update_heading (Partner *partner)
{
  CandourBidPartnersGroup *self = partner->group;
  g_autofree char *ref = row_text (partner, 1);
  g_autofree char *named = NULL;
  g_autofree char *value = row_text (partner, 3);
  g_autofree char *share = row_text (partner, 4);
  g_autofree char *role = row_text (partner, 2);
  g_autoptr(GString) summary = g_string_new (NULL);
  g_autofree char *remove_label = NULL;

  if (ref[0] != '\0' && self->db != NULL)
    named = candour_record_describe (self->db, CANDOUR_TABLE_ORGANISATIONS,
                                     candour_record_find_id (self->db, CANDOUR_TABLE_ORGANISATIONS, ref, NULL));
  if (named == NULL)
    /* Translators: a named partner whose organisation is not chosen yet, "Partner 2" */
    named = g_strdup_printf (_("Partner %d"), index_of (self, partner) + 1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (partner->expander), named);

  /* Closed, the heading says what to put right; open, the problem shows under the fields. */
  if (partner->problem != NULL && !adw_expander_row_get_expanded (ADW_EXPANDER_ROW (partner->expander)))
    {
      g_string_append (summary, partner->problem);
      gtk_widget_add_css_class (partner->expander, "has-problem");
    }
  else
    {
      if (role[0] != '\0')
        g_string_append (summary, role);
      if (value[0] != '\0' || share[0] != '\0')
        {
          g_autofree char *promise = NULL;

          if (value[0] != '\0')
            {
              g_autofree char *money = candour_field_format_editable (TABLE, 3, value);
              /* Translators: what a bid promised a partner, "£1,200.50 promised" */
              promise = g_strdup_printf (_("£%s promised"), money);
            }
          else
            /* Translators: the share of the contract a bid promised a partner, "15% promised" */
            promise = g_strdup_printf (_("%s%% promised"), share);
          g_string_append_printf (summary, "%s%s", summary->len > 0 ? " · " : "", promise);
        }
    }
  if (partner->problem == NULL || adw_expander_row_get_expanded (ADW_EXPANDER_ROW (partner->expander)))
    gtk_widget_remove_css_class (partner->expander, "has-problem");
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (partner->expander), summary->str);

  /* Translators: a remove button's name for a screen reader, "Remove Kindred Pathways (ORG-KINDRED)" */
  remove_label = g_strdup_printf (_("Remove %s"), named);
  gtk_widget_set_tooltip_text (partner->remove_button, remove_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (partner->remove_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  remove_label, -1);
}

static void
on_partner_changed (Partner *partner)
{
  CandourBidPartnersGroup *self = partner->group;

  if (self->filling)
    return;
  partner->touched = TRUE;
  update_heading (partner);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_choice_changed (GtkWidget  *row,
                   GParamSpec *pspec,
                   Partner    *partner)
{
  on_partner_changed (partner);
}

static void
on_create_record (CandourRecordPicker     *picker,
                  const char              *typed,
                  CandourBidPartnersGroup *self)
{
  g_signal_emit (self, signals[CREATE_RECORD], 0, picker, typed);
}

static void
update_empty_row (CandourBidPartnersGroup *self)
{
  gtk_widget_set_visible (self->empty_row, self->partners->len == 0);
}

static void
remove_partner (CandourBidPartnersGroup *self,
                Partner                 *partner)
{
  int index = index_of (self, partner);

  g_return_if_fail (index >= 0);

  adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), partner->expander);
  partner->expander = NULL;
  partner->remove_button = NULL;
  memset (partner->rows, 0, sizeof partner->rows);
  partner->problem_row = NULL;
  partner->problem_label = NULL;

  if (partner->id > 0)
    {
      /* Saved before: deleted with the bid's save, and the findings say what that means. */
      g_ptr_array_add (self->removed, g_ptr_array_steal_index (self->partners, index));
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                             _("Partners you remove are taken off the bid when you save it. "
                                               "Its findings are judged again without them: what they were "
                                               "promised no longer counts."));
    }
  else
    g_ptr_array_remove_index (self->partners, index);

  for (guint i = index; i < self->partners->len; i++)
    update_heading (g_ptr_array_index (self->partners, i));
  update_empty_row (self);
  /* Focus stays in the list: on the next partner, or on Add Partner. */
  if ((guint)index < self->partners->len)
    gtk_widget_grab_focus (((Partner *)g_ptr_array_index (self->partners, index))->expander);
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->add_button));
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_remove_clicked (GtkButton *button,
                   Partner   *partner)
{
  remove_partner (partner->group, partner);
}

static void
fill_choices (Partner       *partner,
              guint          field,
              GtkStringList *labels)
{
  const char * const *choices = candour_table_get_field_choices (TABLE, field);

  if (candour_table_get_field_default (TABLE, field) == NULL)
    {
      g_ptr_array_add (partner->values[field], g_strdup (""));
      gtk_string_list_append (labels, _("Not recorded"));
    }
  for (guint i = 0; choices[i] != NULL; i++)
    {
      g_ptr_array_add (partner->values[field], g_strdup (choices[i]));
      gtk_string_list_append (labels, candour_field_choice_label (TABLE, field, choices[i]));
    }
}

static Partner *
add_partner (CandourBidPartnersGroup *self,
             gint64                   id,
             const char * const      *texts)
{
  Partner *partner = g_new0 (Partner, 1);
  GtkWidget *problem_box;
  GtkWidget *icon;

  g_assert (candour_table_get_n_fields (TABLE) == N_FIELDS);

  partner->group = self;
  partner->id = id;
  partner->loaded = texts != NULL ? g_strdupv ((char **)texts) : NULL;
  partner->touched = texts != NULL;
  g_ptr_array_add (self->partners, partner);

  partner->expander = adw_expander_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (partner->expander), FALSE);
  gtk_widget_add_css_class (partner->expander, "bid-partner");
  g_signal_connect_swapped (partner->expander, "notify::expanded", G_CALLBACK (update_heading), partner);

  partner->remove_button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (partner->remove_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (partner->remove_button, "flat");
  g_signal_connect (partner->remove_button, "clicked", G_CALLBACK (on_remove_clicked), partner);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (partner->expander), partner->remove_button);

  for (guint field = 0; field < N_FIELDS; field++)
    {
      CandourFieldKind kind = candour_table_get_field_kind (TABLE, field);
      GtkWidget *row;

      if (field == BID_REF)
        continue;
      partner->values[field] = g_ptr_array_new_with_free_func (g_free);
      if (kind == CANDOUR_FIELD_REF)
        {
          row = candour_record_picker_new (self->db, CANDOUR_TABLE_ORGANISATIONS, TRUE);
          g_signal_connect (row, "notify::ref", G_CALLBACK (on_choice_changed), partner);
          g_signal_connect_object (row, "create-record", G_CALLBACK (on_create_record), self, 0);
        }
      else if (kind == CANDOUR_FIELD_CHOICE)
        {
          g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

          fill_choices (partner, field, labels);
          row = candour_combo_row_new ();
          adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (labels));
          g_signal_connect (row, "notify::selected", G_CALLBACK (on_choice_changed), partner);
        }
      else
        {
          row = adw_entry_row_new ();
          if (kind != CANDOUR_FIELD_TEXT)
            adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (row), GTK_INPUT_PURPOSE_NUMBER);
          g_signal_connect_swapped (row, "changed", G_CALLBACK (on_partner_changed), partner);
        }
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), candour_field_get_label (TABLE, field));
      gtk_widget_set_name (row, candour_table_get_field_name (TABLE, field));
      partner->rows[field] = row;
      adw_expander_row_add_row (ADW_EXPANDER_ROW (partner->expander), row);
    }

  /* Its problems, in words, under its fields. */
  partner->problem_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (partner->problem_label, 0);
  gtk_label_set_wrap (partner->problem_label, TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (partner->problem_label), TRUE);
  icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Problem"), -1);
  problem_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  gtk_box_append (GTK_BOX (problem_box), icon);
  gtk_box_append (GTK_BOX (problem_box), GTK_WIDGET (partner->problem_label));
  partner->problem_row = adw_preferences_row_new ();
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (partner->problem_row), problem_box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (partner->problem_row), FALSE);
  gtk_widget_set_focusable (partner->problem_row, FALSE);
  gtk_widget_add_css_class (partner->problem_row, "field-problem");
  gtk_widget_set_visible (partner->problem_row, FALSE);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (partner->expander), partner->problem_row);

  self->filling = TRUE;
  for (guint field = 0; field < N_FIELDS; field++)
    {
      const char *initial = candour_table_get_field_default (TABLE, field);

      if (texts != NULL)
        set_row_text (partner, field, texts[field]);
      else if (initial != NULL)
        set_row_text (partner, field, initial);
    }
  self->filling = FALSE;

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), partner->expander);
  update_heading (partner);
  update_empty_row (self);
  return partner;
}

static void
on_add_clicked (CandourBidPartnersGroup *self)
{
  candour_bid_partners_group_add (self);
}

static void
candour_bid_partners_group_dispose (GObject *object)
{
  CandourBidPartnersGroup *self = (CandourBidPartnersGroup *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), CANDOUR_TYPE_BID_PARTNERS_GROUP);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (candour_bid_partners_group_parent_class)->dispose (object);
}

static void
candour_bid_partners_group_finalize (GObject *object)
{
  CandourBidPartnersGroup *self = (CandourBidPartnersGroup *)object;

  g_clear_pointer (&self->partners, g_ptr_array_unref);
  g_clear_pointer (&self->removed, g_ptr_array_unref);

  G_OBJECT_CLASS (candour_bid_partners_group_parent_class)->finalize (object);
}

static void
candour_bid_partners_group_class_init (CandourBidPartnersGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = candour_bid_partners_group_dispose;
  object_class->finalize = candour_bid_partners_group_finalize;

  /* Something typed, chosen, added or removed. */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* A partner's picker offered New Organisation…: the picker, and what was typed. */
  signals[CREATE_RECORD] = g_signal_new ("create-record", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                         NULL, NULL, NULL, G_TYPE_NONE, 2,
                                         CANDOUR_TYPE_RECORD_PICKER, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/candour/Candour/ui/candour-bid-partners-group.ui");
  gtk_widget_class_bind_template_child (widget_class, CandourBidPartnersGroup, add_button);
  gtk_widget_class_bind_template_child (widget_class, CandourBidPartnersGroup, empty_row);
  gtk_widget_class_bind_template_callback (widget_class, on_add_clicked);
}

static void
candour_bid_partners_group_init (CandourBidPartnersGroup *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->partners = g_ptr_array_new_with_free_func (partner_free);
  self->removed = g_ptr_array_new_with_free_func (partner_free);
}

void
candour_bid_partners_group_set_database (CandourBidPartnersGroup *self,
                                         CandourDatabase         *db)
{
  g_return_if_fail (CANDOUR_IS_BID_PARTNERS_GROUP (self));
  g_return_if_fail (self->partners->len == 0);

  g_set_object (&self->db, db);
}

gboolean
candour_bid_partners_group_load (CandourBidPartnersGroup *self,
                                 gint64                   bid_id,
                                 GError                 **error)
{
  g_autoptr(GArray) ids = NULL;

  g_return_val_if_fail (CANDOUR_IS_BID_PARTNERS_GROUP (self), FALSE);
  g_return_val_if_fail (self->db != NULL, FALSE);

  ids = candour_record_list_bid_partners (self->db, bid_id, error);
  if (ids == NULL)
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      g_auto(GStrv) texts = candour_record_load (self->db, TABLE, id, error);

      if (texts == NULL)
        return FALSE;
      add_partner (self, id, (const char * const *)texts);
    }
  return TRUE;
}

void
candour_bid_partners_group_add (CandourBidPartnersGroup *self)
{
  Partner *partner;

  g_return_if_fail (CANDOUR_IS_BID_PARTNERS_GROUP (self));

  partner = add_partner (self, 0, NULL);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (partner->expander), TRUE);
  gtk_widget_grab_focus (partner->rows[1]);
  g_signal_emit (self, signals[CHANGED], 0);
}

void
candour_bid_partners_group_remove (CandourBidPartnersGroup *self,
                                   guint                    index)
{
  g_return_if_fail (CANDOUR_IS_BID_PARTNERS_GROUP (self));
  g_return_if_fail (index < self->partners->len);

  remove_partner (self, g_ptr_array_index (self->partners, index));
}

static void
edit_init (CandourPartnerEdit *edit,
           Partner            *partner,
           gboolean            remove)
{
  edit->id = partner->id;
  edit->loaded = g_strdupv (partner->loaded);
  edit->remove = remove;
  edit->problems = g_ptr_array_new_with_free_func (g_free);
  edit->texts = g_new0 (char *, N_FIELDS + 1);
  for (guint field = 0; field < N_FIELDS; field++)
    edit->texts[field] = remove ? g_strdup (partner->loaded[field]) : row_text (partner, field);
}

CandourPartnerEdit *
candour_bid_partners_group_get_edits (CandourBidPartnersGroup *self,
                                      guint                   *n_edits)
{
  CandourPartnerEdit *edits;

  g_return_val_if_fail (CANDOUR_IS_BID_PARTNERS_GROUP (self), NULL);
  g_return_val_if_fail (n_edits != NULL, NULL);

  *n_edits = self->partners->len + self->removed->len;
  edits = g_new0 (CandourPartnerEdit, MAX (*n_edits, 1));
  for (guint i = 0; i < self->partners->len; i++)
    edit_init (&edits[i], g_ptr_array_index (self->partners, i), FALSE);
  for (guint i = 0; i < self->removed->len; i++)
    edit_init (&edits[self->partners->len + i], g_ptr_array_index (self->removed, i), TRUE);
  return edits;
}

void
candour_bid_partners_edits_free (CandourPartnerEdit *edits,
                                 guint               n_edits)
{
  for (guint i = 0; i < n_edits; i++)
    {
      g_strfreev (edits[i].texts);
      g_strfreev (edits[i].loaded);
      g_ptr_array_unref (edits[i].problems);
    }
  g_free (edits);
}

gboolean
candour_bid_partners_group_show_problems (CandourBidPartnersGroup *self,
                                          CandourPartnerEdit      *edits,
                                          guint                    n_edits,
                                          gboolean                 show_all,
                                          GString                 *missing)
{
  gboolean none = TRUE;

  g_return_val_if_fail (CANDOUR_IS_BID_PARTNERS_GROUP (self), FALSE);
  g_return_val_if_fail (n_edits == self->partners->len + self->removed->len, FALSE);

  for (guint i = 0; i < self->partners->len; i++)
    {
      Partner *partner = g_ptr_array_index (self->partners, i);
      GPtrArray *problems = edits[i].problems;
      g_autoptr(GString) text = g_string_new (NULL);
      gboolean bad[N_FIELDS] = { FALSE, };
      gboolean shown;

      for (guint j = 0; j < problems->len; j++)
        {
          int field;
          g_autofree char *words = candour_field_describe_problem (TABLE, g_ptr_array_index (problems, j), &field);

          g_string_append_printf (text, "%s%s", text->len > 0 ? "\n" : "", words);
          if (field >= 0 && field < N_FIELDS)
            bad[field] = TRUE;
        }
      none = none && problems->len == 0;
      shown = problems->len > 0 && (partner->touched || show_all);

      g_clear_pointer (&partner->problem, g_free);
      if (shown)
        partner->problem = g_strdup (text->str);
      gtk_label_set_label (partner->problem_label, shown ? text->str : "");
      gtk_widget_set_visible (partner->problem_row, shown);
      for (guint field = 0; field < N_FIELDS; field++)
        {
          GtkWidget *row = partner->rows[field];

          if (row == NULL)
            continue;
          if (shown && bad[field])
            {
              gtk_widget_add_css_class (row, "error");
              gtk_accessible_update_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID,
                                           GTK_ACCESSIBLE_INVALID_TRUE, -1);
              gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                              text->str, -1);
            }
          else
            {
              gtk_widget_remove_css_class (row, "error");
              gtk_accessible_reset_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID);
              gtk_accessible_reset_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
            }
        }
      /* Closed, it would hide what to put right. */
      if (shown)
        adw_expander_row_set_expanded (ADW_EXPANDER_ROW (partner->expander), TRUE);
      update_heading (partner);

      if (problems->len > 0 && !shown && missing != NULL)
        {
          /* Translators: in "Still to fill in or put right: …", the second named partner */
          g_autofree char *words = g_strdup_printf (_("named partner %u"), i + 1);

          g_string_append_printf (missing, "%s%s", missing->len > 0 ? ", " : "", words);
        }
    }
  return none;
}

static void
reload_partner (CandourBidPartnersGroup *self,
                Partner                 *partner)
{
  g_auto(GStrv) now = NULL;

  if (partner->id == 0)
    return;
  now = candour_record_load (self->db, TABLE, partner->id, NULL);
  g_clear_pointer (&partner->loaded, g_strfreev);
  if (now != NULL)
    partner->loaded = g_steal_pointer (&now);
  else
    /* Deleted elsewhere: saving again names it afresh. */
    partner->id = 0;
}

void
candour_bid_partners_group_reload_loaded (CandourBidPartnersGroup *self)
{
  g_return_if_fail (CANDOUR_IS_BID_PARTNERS_GROUP (self));

  for (guint i = 0; i < self->partners->len; i++)
    reload_partner (self, g_ptr_array_index (self->partners, i));
  for (guint i = self->removed->len; i > 0; i--)
    {
      Partner *partner = g_ptr_array_index (self->removed, i - 1);

      reload_partner (self, partner);
      /* Gone already: nothing left to remove. */
      if (partner->id == 0)
        g_ptr_array_remove_index (self->removed, i - 1);
    }
}

char *
candour_bid_partners_group_dup_state (CandourBidPartnersGroup *self)
{
  GString *state = g_string_new (NULL);

  g_return_val_if_fail (CANDOUR_IS_BID_PARTNERS_GROUP (self), NULL);

  for (guint i = 0; i < self->partners->len; i++)
    {
      Partner *partner = g_ptr_array_index (self->partners, i);

      g_string_append_printf (state, "%" G_GINT64_FORMAT, partner->id);
      for (guint field = 0; field < N_FIELDS; field++)
        {
          g_autofree char *text = row_text (partner, field);

          g_string_append_printf (state, "\x1f%s", text);
        }
      g_string_append_c (state, '\x1e');
    }
  for (guint i = 0; i < self->removed->len; i++)
    g_string_append_printf (state, "-%" G_GINT64_FORMAT, ((Partner *)g_ptr_array_index (self->removed, i))->id);
  return g_string_free (state, FALSE);
}

guint
candour_bid_partners_group_get_n_partners (CandourBidPartnersGroup *self)
{
  g_return_val_if_fail (CANDOUR_IS_BID_PARTNERS_GROUP (self), 0);

  return self->partners->len;
}

static Partner *
get_partner (CandourBidPartnersGroup *self,
             guint                    index)
{
  g_return_val_if_fail (CANDOUR_IS_BID_PARTNERS_GROUP (self), NULL);
  g_return_val_if_fail (index < self->partners->len, NULL);

  return g_ptr_array_index (self->partners, index);
}

GtkWidget *
candour_bid_partners_group_get_row (CandourBidPartnersGroup *self,
                                    guint                    index,
                                    const char              *field)
{
  Partner *partner = get_partner (self, index);
  int i = candour_field_find (TABLE, field);

  g_return_val_if_fail (partner != NULL, NULL);
  g_return_val_if_fail (i > BID_REF && i < N_FIELDS, NULL);
  return partner->rows[i];
}

const char *
candour_bid_partners_group_get_problem (CandourBidPartnersGroup *self,
                                        guint                    index)
{
  Partner *partner = get_partner (self, index);

  g_return_val_if_fail (partner != NULL, NULL);
  return partner->problem;
}

GtkWidget *
candour_bid_partners_group_get_remove_button (CandourBidPartnersGroup *self,
                                              guint                    index)
{
  Partner *partner = get_partner (self, index);

  g_return_val_if_fail (partner != NULL, NULL);
  return partner->remove_button;
}
