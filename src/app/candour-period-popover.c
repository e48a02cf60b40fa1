/* candour-period-popover.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "candour-date.h"
#include "candour-period-popover.h"

struct _CandourPeriodPopover
{
  GtkPopover parent_instance;

  GtkCheckButton *buttons[CANDOUR_N_REPORTING_CHOICES];
  GtkLabel *dates[CANDOUR_N_REPORTING_CHOICES];
  GtkRevealer *between_revealer;
  GtkEntry *from_entry;
  GtkEntry *to_entry;
  GtkLabel *error_label;
  GtkButton *apply_button;

  CandourReportingChoice choice;
  char first[CANDOUR_DATE_ISO_SIZE];   /* CANDOUR_REPORTING_BETWEEN's days, once shown */
  char last[CANDOUR_DATE_ISO_SIZE];
  gboolean syncing;                    /* setting the buttons to the choice: not a choice */
};

G_DEFINE_FINAL_TYPE (CandourPeriodPopover, candour_period_popover, GTK_TYPE_POPOVER)

enum {
  CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Each choice as settings keep it (and as the template names its button). */
static const char * const choice_names[CANDOUR_N_REPORTING_CHOICES] = {
  [CANDOUR_REPORTING_ALL_TIME] = "all_time",
  [CANDOUR_REPORTING_THIS_YEAR] = "this_year",
  [CANDOUR_REPORTING_LAST_YEAR] = "last_year",
  [CANDOUR_REPORTING_THIS_QUARTER] = "this_quarter",
  [CANDOUR_REPORTING_LAST_QUARTER] = "last_quarter",
  [CANDOUR_REPORTING_BETWEEN] = "between",
};

static void
show_error (CandourPeriodPopover *self,
            const char           *message)
{
  gtk_label_set_label (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

/* The buttons say what is chosen, not what was clicked and left. */
static void
sync_buttons (CandourPeriodPopover *self)
{
  self->syncing = TRUE;
  gtk_check_button_set_active (self->buttons[self->choice], TRUE);
  gtk_revealer_set_reveal_child (self->between_revealer, self->choice == CANDOUR_REPORTING_BETWEEN);
  self->syncing = FALSE;
}

static void
choose (CandourPeriodPopover   *self,
        CandourReportingChoice  choice)
{
  self->choice = choice;
  show_error (self, NULL);
  g_signal_emit (self, signals[CHOSEN], 0);
  gtk_popover_popdown (GTK_POPOVER (self));
}

static void
on_toggled (CandourPeriodPopover *self,
            GtkCheckButton       *button)
{
  CandourReportingChoice choice = CANDOUR_N_REPORTING_CHOICES;

  if (self->syncing || !gtk_check_button_get_active (button))
    return;
  for (guint i = 0; i < CANDOUR_N_REPORTING_CHOICES; i++)
    if (self->buttons[i] == button)
      choice = i;
  g_return_if_fail (choice < CANDOUR_N_REPORTING_CHOICES);

  /* Two days are typed first, then shown. */
  gtk_revealer_set_reveal_child (self->between_revealer, choice == CANDOUR_REPORTING_BETWEEN);
  if (choice == CANDOUR_REPORTING_BETWEEN)
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->from_entry));
      return;
    }
  choose (self, choice);
}

static void
on_entry_changed (CandourPeriodPopover *self)
{
  show_error (self, NULL);
}

/* One typed day into iso ("" when left empty: no bound that side); else the reason,
 * saying which day, into *message. */
static gboolean
read_day (GtkEntry    *entry,
          const char  *which,
          char         iso[CANDOUR_DATE_ISO_SIZE],
          char       **message)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autoptr(GError) error = NULL;

  iso[0] = '\0';
  if (text[0] == '\0')
    return TRUE;
  if (!candour_date_parse_into (text, iso, &error))
    {
      /* Translators: "From: 31/02/2025 is not a day of the calendar" */
      *message = g_strdup_printf (_("%s: %s"), which, error->message);
      return FALSE;
    }
  return TRUE;
}

static void
on_apply (CandourPeriodPopover *self)
{
  char first[CANDOUR_DATE_ISO_SIZE];
  char last[CANDOUR_DATE_ISO_SIZE];
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;
  CandourReportingPeriod period;

  if (!read_day (self->from_entry, _("From"), first, &message) ||
      !read_day (self->to_entry, _("To"), last, &message))
    {
      show_error (self, message);
      return;
    }
  /* One end may stay open ("everything from 01/04/2025 on"), not both. */
  if (first[0] == '\0' && last[0] == '\0')
    {
      show_error (self, _("Give a day in From or To, as DD/MM/YYYY, or both."));
      return;
    }
  if (!candour_reporting_period_dates (&period, first[0] != '\0' ? first : NULL, last[0] != '\0' ? last : NULL,
                                       &error))
    {
      show_error (self, error->message);
      return;
    }
  memcpy (self->first, first, sizeof first);
  memcpy (self->last, last, sizeof last);
  choose (self, CANDOUR_REPORTING_BETWEEN);
}

static void
on_closed (CandourPeriodPopover *self)
{
  sync_buttons (self);
}

CandourReportingChoice
candour_period_popover_get_choice (CandourPeriodPopover *self)
{
  g_return_val_if_fail (CANDOUR_IS_PERIOD_POPOVER (self), CANDOUR_REPORTING_ALL_TIME);

  return self->choice;
}

gboolean
candour_period_popover_get_period (CandourPeriodPopover   *self,
                                   const char             *day,
                                   int                     start_month,
                                   CandourReportingPeriod *period)
{
  g_return_val_if_fail (CANDOUR_IS_PERIOD_POPOVER (self), FALSE);
  g_return_val_if_fail (period != NULL, FALSE);

  if (self->choice == CANDOUR_REPORTING_BETWEEN)
    return candour_reporting_period_dates (period, self->first[0] != '\0' ? self->first : NULL,
                                           self->last[0] != '\0' ? self->last : NULL, NULL);
  return candour_reporting_period_choose (period, self->choice, day, start_month);
}

void
candour_period_popover_show_days (CandourPeriodPopover *self,
                                  const char           *day,
                                  int                   start_month)
{
  g_return_if_fail (CANDOUR_IS_PERIOD_POPOVER (self));

  for (guint i = CANDOUR_REPORTING_THIS_YEAR; i < CANDOUR_REPORTING_BETWEEN; i++)
    {
      CandourReportingPeriod period;
      g_autofree char *first = NULL;
      g_autofree char *last = NULL;
      g_autofree char *text = NULL;

      if (!candour_reporting_period_choose (&period, i, day, start_month))
        continue;
      first = candour_date_format_display (period.first);
      last = candour_date_format_display (period.last);
      if (period.shape == CANDOUR_REPORTING_SHAPE_YEAR)
        {
          g_autofree char *year = candour_financial_year_name (period.year, period.start_month);

          /* Translators: beside "This financial year": "2025–26: 01/04/2025 to 31/03/2026" */
          text = g_strdup_printf (_("%s: %s to %s"), year, first, last);
        }
      else
        {
          g_autofree char *year = candour_financial_year_name (period.year, period.start_month);

          /* Translators: beside "This quarter": "Q1 of 2025–26: 01/04/2025 to 30/06/2025" */
          text = g_strdup_printf (_("Q%d of %s: %s to %s"), period.quarter, year, first, last);
        }
      gtk_label_set_label (self->dates[i], text);
    }
}

char *
candour_period_popover_dup_label (CandourPeriodPopover *self)
{
  static const char * const names[] = {
    [CANDOUR_REPORTING_ALL_TIME] = N_("All time"),
    [CANDOUR_REPORTING_THIS_YEAR] = N_("This financial year"),
    [CANDOUR_REPORTING_LAST_YEAR] = N_("Last financial year"),
    [CANDOUR_REPORTING_THIS_QUARTER] = N_("This quarter"),
    [CANDOUR_REPORTING_LAST_QUARTER] = N_("Last quarter"),
  };
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;

  g_return_val_if_fail (CANDOUR_IS_PERIOD_POPOVER (self), NULL);

  if (self->choice != CANDOUR_REPORTING_BETWEEN)
    return g_strdup (_(names[self->choice]));
  first = self->first[0] != '\0' ? candour_date_format_display (self->first) : NULL;
  last = self->last[0] != '\0' ? candour_date_format_display (self->last) : NULL;
  if (last == NULL)
    /* Translators: the period button's label, "From 01/04/2025" */
    return g_strdup_printf (_("From %s"), first);
  if (first == NULL)
    /* Translators: the period button's label, "Until 30/06/2025" */
    return g_strdup_printf (_("Until %s"), last);
  /* Translators: the period button's label, "01/04/2025 to 30/06/2025" */
  return g_strdup_printf (_("%s to %s"), first, last);
}

char *
candour_period_popover_dup_state (CandourPeriodPopover *self)
{
  g_return_val_if_fail (CANDOUR_IS_PERIOD_POPOVER (self), NULL);

  if (self->choice == CANDOUR_REPORTING_BETWEEN)
    return g_strdup_printf ("between:%s:%s", self->first, self->last);
  return g_strdup (choice_names[self->choice]);
}

gboolean
candour_period_popover_restore_state (CandourPeriodPopover *self,
                                      const char           *state)
{
  g_auto(GStrv) parts = NULL;

  g_return_val_if_fail (CANDOUR_IS_PERIOD_POPOVER (self), FALSE);
  g_return_val_if_fail (state != NULL, FALSE);

  parts = g_strsplit (state, ":", 3);
  for (guint i = 0; i < CANDOUR_N_REPORTING_CHOICES; i++)
    {
      CandourReportingPeriod period;
      const char *first;
      const char *last;

      if (!g_str_equal (parts[0], choice_names[i]))
        continue;
      if (i != CANDOUR_REPORTING_BETWEEN)
        {
          self->choice = i;
          sync_buttons (self);
          return TRUE;
        }
      /* Two days, either may be empty, as they were kept: checked again all the same. */
      if (g_strv_length (parts) != 3)
        return FALSE;
      first = parts[1][0] != '\0' ? parts[1] : NULL;
      last = parts[2][0] != '\0' ? parts[2] : NULL;
      if ((first == NULL && last == NULL) || (first != NULL && candour_date_to_days (first) <= 0) ||
          (last != NULL && candour_date_to_days (last) <= 0) ||
          !candour_reporting_period_dates (&period, first, last, NULL))
        return FALSE;
      g_strlcpy (self->first, parts[1], sizeof self->first);
      g_strlcpy (self->last, parts[2], sizeof self->last);
      {
        g_autofree char *first_text = first != NULL ? candour_date_format_display (first) : g_strdup ("");
        g_autofree char *last_text = last != NULL ? candour_date_format_display (last) : g_strdup ("");

        gtk_editable_set_text (GTK_EDITABLE (self->from_entry), first_text);
        gtk_editable_set_text (GTK_EDITABLE (self->to_entry), last_text);
      }
      self->choice = CANDOUR_REPORTING_BETWEEN;
      sync_buttons (self);
      show_error (self, NULL);
      return TRUE;
    }
  return FALSE;
}

GtkCheckButton *
candour_period_popover_get_button (CandourPeriodPopover   *self,
                                   CandourReportingChoice  choice)
{
  g_return_val_if_fail (CANDOUR_IS_PERIOD_POPOVER (self), NULL);
  g_return_val_if_fail (choice < CANDOUR_N_REPORTING_CHOICES, NULL);

  return self->buttons[choice];
}

GtkEditable *
candour_period_popover_get_entry (CandourPeriodPopover *self,
                                  gboolean              last)
{
  g_return_val_if_fail (CANDOUR_IS_PERIOD_POPOVER (self), NULL);

  return GTK_EDITABLE (last ? self->to_entry : self->from_entry);
}

GtkLabel *
candour_period_popover_get_error (CandourPeriodPopover *self)
{
  g_return_val_if_fail (CANDOUR_IS_PERIOD_POPOVER (self), NULL);

  return self->error_label;
}

GtkButton *
candour_period_popover_get_apply (CandourPeriodPopover *self)
{
  g_return_val_if_fail (CANDOUR_IS_PERIOD_POPOVER (self), NULL);

  return self->apply_button;
}

static void
candour_period_popover_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), CANDOUR_TYPE_PERIOD_POPOVER);

  G_OBJECT_CLASS (candour_period_popover_parent_class)->dispose (object);
}

static void
candour_period_popover_class_init (CandourPeriodPopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = candour_period_popover_dispose;

  signals[CHOSEN] = g_signal_new ("chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/candour/Candour/ui/candour-period-popover.ui");
#define BIND_CHOICE(choice, name) \
  gtk_widget_class_bind_template_child_full (widget_class, name "_button", FALSE, \
                                             G_STRUCT_OFFSET (CandourPeriodPopover, buttons) + \
                                               choice * sizeof (GtkCheckButton *)); \
  gtk_widget_class_bind_template_child_full (widget_class, name "_dates", FALSE, \
                                             G_STRUCT_OFFSET (CandourPeriodPopover, dates) + \
                                               choice * sizeof (GtkLabel *))
  BIND_CHOICE (CANDOUR_REPORTING_ALL_TIME, "all_time");
  BIND_CHOICE (CANDOUR_REPORTING_THIS_YEAR, "this_year");
  BIND_CHOICE (CANDOUR_REPORTING_LAST_YEAR, "last_year");
  BIND_CHOICE (CANDOUR_REPORTING_THIS_QUARTER, "this_quarter");
  BIND_CHOICE (CANDOUR_REPORTING_LAST_QUARTER, "last_quarter");
  BIND_CHOICE (CANDOUR_REPORTING_BETWEEN, "between");
#undef BIND_CHOICE
  gtk_widget_class_bind_template_child (widget_class, CandourPeriodPopover, between_revealer);
  gtk_widget_class_bind_template_child (widget_class, CandourPeriodPopover, from_entry);
  gtk_widget_class_bind_template_child (widget_class, CandourPeriodPopover, to_entry);
  gtk_widget_class_bind_template_child (widget_class, CandourPeriodPopover, error_label);
  gtk_widget_class_bind_template_child (widget_class, CandourPeriodPopover, apply_button);
  gtk_widget_class_bind_template_callback (widget_class, on_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_apply);
}

static void
candour_period_popover_init (CandourPeriodPopover *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (self, "closed", G_CALLBACK (on_closed), NULL);
  sync_buttons (self);
}
