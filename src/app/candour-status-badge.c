/* candour-status-badge.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "candour-labels.h"
#include "candour-status-badge.h"

struct _CandourStatusBadge
{
  GtkWidget parent_instance;

  GtkLabel *label;

  char *status;
};

G_DEFINE_FINAL_TYPE (CandourStatusBadge, candour_status_badge, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STATUS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
candour_status_badge_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), CANDOUR_TYPE_STATUS_BADGE);

  G_OBJECT_CLASS (candour_status_badge_parent_class)->dispose (object);
}

static void
candour_status_badge_finalize (GObject *object)
{
  CandourStatusBadge *self = (CandourStatusBadge *)object;

  g_clear_pointer (&self->status, g_free);

  G_OBJECT_CLASS (candour_status_badge_parent_class)->finalize (object);
}

static void
candour_status_badge_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  CandourStatusBadge *self = CANDOUR_STATUS_BADGE (object);

  switch (prop_id)
    {
    case PROP_STATUS:
      g_value_set_string (value, self->status);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
candour_status_badge_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  CandourStatusBadge *self = CANDOUR_STATUS_BADGE (object);

  switch (prop_id)
    {
    case PROP_STATUS:
      candour_status_badge_set_status (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
candour_status_badge_class_init (CandourStatusBadgeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = candour_status_badge_dispose;
  object_class->finalize = candour_status_badge_finalize;
  object_class->get_property = candour_status_badge_get_property;
  object_class->set_property = candour_status_badge_set_property;

  properties[PROP_STATUS] =
    g_param_spec_string ("status", NULL, "The finding's status keyword", NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/candour/Candour/ui/candour-status-badge.ui");
  gtk_widget_class_bind_template_child (widget_class, CandourStatusBadge, label);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "statusbadge");
}

static void
candour_status_badge_init (CandourStatusBadge *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
candour_status_badge_new (const char *status)
{
  return g_object_new (CANDOUR_TYPE_STATUS_BADGE, "status", status, NULL);
}

const char *
candour_status_badge_get_status (CandourStatusBadge *self)
{
  g_return_val_if_fail (CANDOUR_IS_STATUS_BADGE (self), NULL);

  return self->status;
}

void
candour_status_badge_set_status (CandourStatusBadge *self,
                                 const char         *status)
{
  g_return_if_fail (CANDOUR_IS_STATUS_BADGE (self));

  if (g_strcmp0 (self->status, status) == 0)
    return;

  for (guint i = 0; candour_statuses[i] != NULL; i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self), candour_status_css_class (candour_statuses[i]));

  g_free (self->status);
  self->status = g_strdup (status);

  gtk_label_set_label (self->label, candour_status_label (status));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), status ? candour_status_explanation (status) : NULL);
  gtk_widget_set_visible (GTK_WIDGET (self), status != NULL && status[0] != '\0');
  if (status != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self), candour_status_css_class (status));

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}
