/* candour-consortia-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "candour-consortium.h"
#include "candour-labels.h"
#include "candour-consortia-page.h"

struct _CandourConsortiaPage
{
  GtkWidget parent_instance;

  GtkSearchEntry *search_entry;
  GtkLabel *count_label;
  GtkStack *view_stack;
  GtkSingleSelection *selection;
  GtkFilterListModel *filter_model;
  GtkSortListModel *sort_model;
  AdwStatusPage *empty_page;

  CandourSession *session;
};

G_DEFINE_FINAL_TYPE (CandourConsortiaPage, candour_consortia_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_count (CandourConsortiaPage *self)
{
  GListModel *all;
  guint shown, total;
  g_autofree char *text = NULL;

  /* The models still signal while the template is taken apart. */
  if (self->filter_model == NULL || self->sort_model == NULL)
    return;

  all = gtk_sort_list_model_get_model (self->sort_model);
  shown = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
  total = all != NULL ? g_list_model_get_n_items (all) : 0;

  if (shown == total)
    text = g_strdup_printf (ngettext ("%u consortium", "%u consortia", total), total);
  else
    /* Translators: "3 of 8 consortia" */
    text = g_strdup_printf (ngettext ("%u of %u consortium", "%u of %u consortia", total), shown, total);
  gtk_label_set_label (self->count_label, text);

  if (shown > 0)
    gtk_stack_set_visible_child_name (self->view_stack, "list");
  else
    {
      if (total == 0)
        {
          adw_status_page_set_title (self->empty_page, _("No Consortia Yet"));
          adw_status_page_set_description (self->empty_page, _("Import consortia.csv and consortium_members.csv to see the area’s partnerships."));
        }
      else
        {
          adw_status_page_set_title (self->empty_page, _("No Matching Consortia"));
          adw_status_page_set_description (self->empty_page, _("Try other words."));
        }
      gtk_stack_set_visible_child_name (self->view_stack, "empty");
    }
}

static void
reload (CandourConsortiaPage *self)
{
  g_autoptr(GListModel) rows = NULL;
  g_autoptr(GError) error = NULL;

  if (self->session != NULL)
    {
      rows = candour_consortium_list_load (candour_session_get_database (self->session), &error);
      if (rows == NULL)
        g_warning ("Could not read the consortia: %s", error->message);
    }

  gtk_sort_list_model_set_model (self->sort_model, rows);
  update_count (self);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  gtk_widget_grab_focus (GTK_WIDGET (CANDOUR_CONSORTIA_PAGE (widget)->search_entry));
}

static void
candour_consortia_page_dispose (GObject *object)
{
  CandourConsortiaPage *self = (CandourConsortiaPage *)object;
  GtkWidget *child;

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), CANDOUR_TYPE_CONSORTIA_PAGE);
  /* The template's outermost child is not bound, so dispose_template() leaves it. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (candour_consortia_page_parent_class)->dispose (object);
}

static void
candour_consortia_page_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  CandourConsortiaPage *self = CANDOUR_CONSORTIA_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
candour_consortia_page_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  CandourConsortiaPage *self = CANDOUR_CONSORTIA_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      candour_consortia_page_set_session (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
candour_consortia_page_class_init (CandourConsortiaPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = candour_consortia_page_dispose;
  object_class->get_property = candour_consortia_page_get_property;
  object_class->set_property = candour_consortia_page_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, "The open database", CANDOUR_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CANDOUR_TYPE_CONSORTIUM);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/candour/Candour/ui/candour-consortia-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CandourConsortiaPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CandourConsortiaPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, CandourConsortiaPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, CandourConsortiaPage, selection);
  gtk_widget_class_bind_template_child (widget_class, CandourConsortiaPage, filter_model);
  gtk_widget_class_bind_template_child (widget_class, CandourConsortiaPage, sort_model);
  gtk_widget_class_bind_template_child (widget_class, CandourConsortiaPage, empty_page);
  candour_labels_bind_template_callbacks (widget_class);

  gtk_widget_class_install_action (widget_class, "page.search", NULL, search_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
candour_consortia_page_init (CandourConsortiaPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (self->filter_model, "items-changed", G_CALLBACK (update_count), self,
                           G_CONNECT_SWAPPED);
  update_count (self);
}

CandourSession *
candour_consortia_page_get_session (CandourConsortiaPage *self)
{
  g_return_val_if_fail (CANDOUR_IS_CONSORTIA_PAGE (self), NULL);

  return self->session;
}

void
candour_consortia_page_set_session (CandourConsortiaPage *self,
                                    CandourSession       *session)
{
  g_return_if_fail (CANDOUR_IS_CONSORTIA_PAGE (self));

  if (self->session == session)
    return;

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_set_object (&self->session, session);
  if (session != NULL)
    g_signal_connect_swapped (session, "notify::revision", G_CALLBACK (reload), self);

  reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

void
candour_consortia_page_set_search (CandourConsortiaPage *self,
                                   const char           *text)
{
  g_return_if_fail (CANDOUR_IS_CONSORTIA_PAGE (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text ? text : "");
}

GListModel *
candour_consortia_page_get_shown (CandourConsortiaPage *self)
{
  g_return_val_if_fail (CANDOUR_IS_CONSORTIA_PAGE (self), NULL);

  return G_LIST_MODEL (self->selection);
}
