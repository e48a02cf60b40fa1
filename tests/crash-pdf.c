/* crash-pdf.c: writes a long PDF report over and over, to be killed at random
 *
 * usage: crash-pdf TARGET ROWS [once]
 * Draws a report of ROWS rows into TARGET exactly as the application's Export PDF does
 * (candour_pdf_report_write), prints "saving" once the first write begins, and goes on
 * until it is killed (or, with "once", stops after one). tests/kill-outputs.sh then checks that TARGET is a whole PDF or
 * not there at all.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stdio.h>

#include "candour-pdf-report.h"

static CandourPdfReport *
make_report (guint n_rows)
{
  static const char * const titles[] = { "Contract", "Lead provider", "Value", "Subcontracted", "Kept" };
  CandourPdfReport *report = candour_pdf_report_new ();

  report->title = g_strdup ("Contract Shares");
  report->subtitle = g_strdup ("Kill test");
  report->dateline = g_strdup ("Judged as of 30/06/2025");
  report->description = g_strdup ("What each lead provider kept, and what it shared.");
  report->n_columns = G_N_ELEMENTS (titles);
  report->headings = g_new0 (char *, report->n_columns + 1);
  report->numeric = g_new0 (gboolean, report->n_columns);
  for (guint i = 0; i < report->n_columns; i++)
    {
      report->headings[i] = g_strdup (titles[i]);
      report->numeric[i] = i >= 2;
    }

  for (guint r = 0; r < n_rows; r++)
    {
      char **row = g_new0 (char *, report->n_columns + 1);

      row[0] = g_strdup_printf ("CON-%05u", r);
      row[1] = g_strdup_printf ("Lead provider number %u", r % 97);
      row[2] = g_strdup_printf ("£%u,000.00", 100 + r % 900);
      row[3] = g_strdup_printf ("£%u,000.00", 10 + r % 90);
      row[4] = g_strdup_printf ("%u.%u%%", r % 100, r % 10);
      g_ptr_array_add (report->rows, row);
    }
  return report;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(CandourPdfReport) report = NULL;

  if (argc != 3 && argc != 4)
    {
      g_printerr ("usage: crash-pdf TARGET ROWS [once]\n");
      return 2;
    }

  report = make_report ((guint) g_ascii_strtoull (argv[2], NULL, 10));
  printf ("saving\n");
  fflush (stdout);

  for (;;)
    {
      g_autoptr(GError) error = NULL;

      if (!candour_pdf_report_write (report, NULL, argv[1], NULL, &error))
        {
          g_printerr ("crash-pdf: %s\n", error->message);
          return 1;
        }
      if (argc == 4)
        return 0;
    }
}
