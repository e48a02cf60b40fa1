/* candour-reports-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "candour-reports-page.h"

struct _CandourReportsPage
{
  GtkWidget parent_instance;

  AdwViewStack *stack;
  CandourReportView *scorecard_view;
  CandourReportView *shares_view;
  CandourReportView *payment_times_view;

  CandourSession *session;
};

G_DEFINE_FINAL_TYPE (CandourReportsPage, candour_reports_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
candour_reports_page_dispose (GObject *object)
{
  CandourReportsPage *self = (CandourReportsPage *)object;
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), CANDOUR_TYPE_REPORTS_PAGE);
  /* The template's outermost child is not bound, so dispose_template() leaves it. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (candour_reports_page_parent_class)->dispose (object);
}

static void
candour_reports_page_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  CandourReportsPage *self = CANDOUR_REPORTS_PAGE (object);

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
candour_reports_page_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  CandourReportsPage *self = CANDOUR_REPORTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      candour_reports_page_set_session (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
candour_reports_page_class_init (CandourReportsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = candour_reports_page_dispose;
  object_class->get_property = candour_reports_page_get_property;
  object_class->set_property = candour_reports_page_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, "The open database", CANDOUR_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CANDOUR_TYPE_REPORT_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/candour/Candour/ui/candour-reports-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CandourReportsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, CandourReportsPage, scorecard_view);
  gtk_widget_class_bind_template_child (widget_class, CandourReportsPage, shares_view);
  gtk_widget_class_bind_template_child (widget_class, CandourReportsPage, payment_times_view);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
candour_reports_page_init (CandourReportsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

CandourSession *
candour_reports_page_get_session (CandourReportsPage *self)
{
  g_return_val_if_fail (CANDOUR_IS_REPORTS_PAGE (self), NULL);

  return self->session;
}

void
candour_reports_page_set_session (CandourReportsPage *self,
                                  CandourSession     *session)
{
  g_return_if_fail (CANDOUR_IS_REPORTS_PAGE (self));

  if (!g_set_object (&self->session, session))
    return;

  candour_report_view_set_session (self->scorecard_view, session);
  candour_report_view_set_session (self->shares_view, session);
  candour_report_view_set_session (self->payment_times_view, session);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

CandourReportView *
candour_reports_page_get_view (CandourReportsPage *self,
                               const char         *kind)
{
  g_return_val_if_fail (CANDOUR_IS_REPORTS_PAGE (self), NULL);

  if (g_strcmp0 (kind, "shares") == 0)
    return self->shares_view;
  if (g_strcmp0 (kind, "payment-times") == 0)
    return self->payment_times_view;
  return self->scorecard_view;
}

void
candour_reports_page_show (CandourReportsPage *self,
                           const char         *kind)
{
  g_return_if_fail (CANDOUR_IS_REPORTS_PAGE (self));

  adw_view_stack_set_visible_child_name (self->stack, kind);
}
