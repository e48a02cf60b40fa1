/* crash-writer.c: saves records the way the application's forms do, until killed
 *
 * The forms save through candour_record_save(), one transaction per record. This
 * program does the same in a loop: each round adds a payment and changes an
 * organisation's notes, so a kill can land in either kind of write. crash-test.sh kills
 * it at random and then checks the file.
 *
 * usage: crash-writer DATABASE
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stdio.h>

#include "candour-database.h"
#include "candour-record.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(CandourDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) organisation = NULL;
  gint64 organisation_id;

  if (argc != 2)
    {
      fprintf (stderr, "usage: crash-writer DATABASE\n");
      return 2;
    }

  db = candour_database_open (argv[1], &error);
  if (db == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }

  organisation_id = 1;
  organisation = candour_record_load (db, CANDOUR_TABLE_ORGANISATIONS, organisation_id, &error);
  if (organisation == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }

  for (guint round = 1; ; round++)
    {
      g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *ref = g_strdup_printf ("FORM-%06u", round);
      g_autofree char *amount = g_strdup_printf ("%u.%02u", round, round % 100);
      const char *payment[] = { ref, "", "SUB-000", amount, "01/04/2025", "2025-03-01", NULL };
      gint64 payment_id = 0;
      gint64 id = organisation_id;

      if (!candour_record_save (db, CANDOUR_TABLE_PAYMENTS, payment, &payment_id, problems, &error))
        {
          fprintf (stderr, "%s\n", error->message);
          return 1;
        }

      g_free (organisation[7]);
      organisation[7] = g_strdup_printf ("saved %u times", round);
      if (!candour_record_save (db, CANDOUR_TABLE_ORGANISATIONS, (const char * const *)organisation,
                                &id, problems, &error))
        {
          fprintf (stderr, "%s\n", error->message);
          return 1;
        }

      if (round == 1)
        {
          printf ("saving\n");
          fflush (stdout);
        }
    }
}
