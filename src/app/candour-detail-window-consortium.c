/* candour-detail-window-consortium.c: a consortium and its members
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "candour-detail-window-private.h"
#include "candour-record-query.h"

static char *
membership_dates (CandourReport *report)
{
  g_autofree char *joined = candour_report_format_cell_by_name (report, "joined_on", CANDOUR_CELL_FORMAT_DISPLAY);
  g_autofree char *left = candour_report_format_cell_by_name (report, "left_on", CANDOUR_CELL_FORMAT_DISPLAY);

  if (joined[0] != '\0' && left[0] != '\0')
    /* Translators: "Joined 01/01/2023, left 01/06/2024" */
    return g_strdup_printf (_("Joined %s, left %s"), joined, left);
  if (joined[0] != '\0')
    return g_strdup_printf (_("Joined %s"), joined);
  if (left[0] != '\0')
    return g_strdup_printf (_("Left %s"), left);
  return g_strdup (_("Dates not recorded"));
}

void
candour_detail_window_fill_consortium (CandourDetailWindow *self)
{
  CandourDatabase *db = candour_session_get_database (self->session);
  g_autoptr(CandourReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  DetailList *list;
  guint n = 0;
  guint n_left = 0;

  list = candour_detail_window_add_list (self, "members", _("Members"),
                                         _("The organisations in the consortium, and when they joined "
                                           "and left."),
                                         _("_Add Member…"), CANDOUR_TABLE_CONSORTIUM_MEMBERS);

  report = candour_report_consortium_members (db, self->id, &error);
  while (report != NULL && candour_report_next (report, &error))
    {
      gint64 id = candour_report_get_int64_by_name (report, "id");
      g_autofree char *dates = NULL;

      /* The audit names a membership "CONSORTIUM/MEMBER". */
      g_ptr_array_add (self->history_refs, g_strdup_printf ("%s/%s", self->ref,
                                                            candour_report_get_text_by_name (report, "member_ref")));
      if (candour_session_is_hidden (self->session, CANDOUR_TABLE_CONSORTIUM_MEMBERS, id))
        continue;

      dates = membership_dates (report);
      candour_detail_window_add_row (self, list, candour_report_get_text_by_name (report, "member_name"), dates,
                                     CANDOUR_TABLE_CONSORTIUM_MEMBERS, id, TRUE, NULL);
      /* Counted as the Consortia list counts: a member until a leaving date is recorded. */
      if (candour_report_cell_is_null_by_name (report, "left_on"))
        n++;
      else
        n_left++;
    }
  g_clear_pointer (&report, candour_report_free);
  if (error != NULL)
    g_warning ("Could not read the members of %s: %s", self->ref, error->message);
  if (n + n_left == 0)
    candour_detail_window_add_empty_row (self, list, _("No members are recorded yet."));

  if (n_left == 0)
    /* Translators: "Harrowfield Advice Partnership has 6 members." */
    summary = g_strdup_printf (ngettext ("%s has %u member.", "%s has %u members.", n), self->name, n);
  else
    {
      /* Translators: "Harrowfield Advice Partnership has 4 members" (then ", and 2 have left.") */
      g_autofree char *members = g_strdup_printf (ngettext ("%s has %u member", "%s has %u members", n),
                                                  self->name, n);

      /* Translators: ", and 2 have left." after "Harrowfield Advice Partnership has 4 members" */
      summary = g_strdup_printf (ngettext ("%s, and %u has left.", "%s, and %u have left.", n_left),
                                 members, n_left);
    }
  candour_detail_window_set_summary (self, summary);
}
