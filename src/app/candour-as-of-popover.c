/* candour-as-of-popover.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>

#include "candour-as-of-popover.h"
#include "candour-date.h"

struct _CandourAsOfPopover
{
  GtkPopover parent_instance;

  GtkCalendar *calendar;
  GtkAdjustment *grace_adjustment;
  GtkAdjustment *tolerance_adjustment;

  GSettings *settings;
  CandourSession *session;
  gboolean showing;             /* setting the calendar from the session: not a choice */
};

G_DEFINE_FINAL_TYPE (CandourAsOfPopover, candour_as_of_popover, GTK_TYPE_POPOVER)

char *
candour_as_of_last_year_end (const char *today,
                             int         start_month)
{
  int year, month, day;
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;

  g_return_val_if_fail (today != NULL && start_month >= 1 && start_month <= 12, NULL);

  if (sscanf (today, "%d-%d-%d", &year, &month, &day) != 3)
    return NULL;
  /* The year today falls in started this calendar year or the one before; the day
   * before it started ended the last one. */
  if (month < start_month)
    year--;
  start = g_date_time_new_utc (year, start_month, 1, 0, 0, 0);
  end = g_date_time_add_days (start, -1);
  return g_date_time_format (end, "%Y-%m-%d");
}

static void
show_day (CandourAsOfPopover *self)
{
  g_autofree char *as_of = NULL;
  int year, month, day;
  g_autoptr(GDateTime) shown = NULL;

  if (self->session == NULL)
    return;
  as_of = candour_session_dup_as_of (self->session);
  if (sscanf (as_of, "%d-%d-%d", &year, &month, &day) != 3)
    return;
  shown = g_date_time_new_local (year, month, day, 12, 0, 0);
  self->showing = TRUE;
  gtk_calendar_select_day (self->calendar, shown);
  self->showing = FALSE;
}

static void
choose (CandourAsOfPopover *self,
        const char         *iso)
{
  if (self->session == NULL || iso == NULL)
    return;
  candour_session_set_as_of (self->session, iso);
  show_day (self);
}

static void
on_day_selected (CandourAsOfPopover *self)
{
  g_autoptr(GDateTime) date = NULL;
  g_autofree char *iso = NULL;

  if (self->showing)
    return;
  date = gtk_calendar_get_date (self->calendar);
  iso = g_date_time_format (date, "%Y-%m-%d");
  choose (self, iso);
}

static void
on_today_clicked (CandourAsOfPopover *self)
{
  g_autofree char *today = candour_date_today ();

  choose (self, today);
}

static void
on_year_end_clicked (CandourAsOfPopover *self)
{
  g_autofree char *today = candour_date_today ();
  int start_month = self->settings != NULL ? g_settings_get_int (self->settings, "financial-year-start-month") : 4;
  g_autofree char *year_end = candour_as_of_last_year_end (today, start_month);

  choose (self, year_end);
}

static void
candour_as_of_popover_dispose (GObject *object)
{
  CandourAsOfPopover *self = CANDOUR_AS_OF_POPOVER (object);

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_clear_object (&self->session);
  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), CANDOUR_TYPE_AS_OF_POPOVER);

  G_OBJECT_CLASS (candour_as_of_popover_parent_class)->dispose (object);
}

static void
candour_as_of_popover_class_init (CandourAsOfPopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = candour_as_of_popover_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/candour/Candour/ui/candour-as-of-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, CandourAsOfPopover, calendar);
  gtk_widget_class_bind_template_child (widget_class, CandourAsOfPopover, grace_adjustment);
  gtk_widget_class_bind_template_child (widget_class, CandourAsOfPopover, tolerance_adjustment);
  gtk_widget_class_bind_template_callback (widget_class, on_day_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_today_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_year_end_clicked);
}

static void
candour_as_of_popover_init (CandourAsOfPopover *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
candour_as_of_popover_new (GSettings *settings)
{
  CandourAsOfPopover *self = g_object_new (CANDOUR_TYPE_AS_OF_POPOVER, NULL);

  /* The same settings as Preferences: the session follows them. */
  if (settings != NULL)
    {
      self->settings = g_object_ref (settings);
      g_settings_bind (settings, "grace-days", self->grace_adjustment, "value", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (settings, "tolerance", self->tolerance_adjustment, "value", G_SETTINGS_BIND_DEFAULT);
    }
  return GTK_WIDGET (self);
}

void
candour_as_of_popover_set_session (CandourAsOfPopover *self,
                                   CandourSession     *session)
{
  g_return_if_fail (CANDOUR_IS_AS_OF_POPOVER (self));

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_set_object (&self->session, session);
  if (session != NULL)
    g_signal_connect_swapped (session, "notify::as-of", G_CALLBACK (show_day), self);
  show_day (self);
}

GtkCalendar *
candour_as_of_popover_get_calendar (CandourAsOfPopover *self)
{
  g_return_val_if_fail (CANDOUR_IS_AS_OF_POPOVER (self), NULL);

  return self->calendar;
}
