/* fuzz-replay.c: runs a fuzz target once on every file it is given, without libFuzzer
 *
 * usage: fuzz-replay-TARGET FILE_OR_FOLDER...
 * Folders are read in name order, not recursively. Used by the normal test run to
 * replay the seed corpus and past findings, so a fixed crash stays fixed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib.h>
#include <stdio.h>

#include "fuzz-target.h"

static gboolean
replay_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, &error))
    {
      g_printerr ("FAIL %s: %s\n", path, error->message);
      return FALSE;
    }

  /* Named first, so the input is known if the target aborts. */
  printf ("%s ... ", path);
  fflush (stdout);
  LLVMFuzzerTestOneInput ((const uint8_t *) contents, length);
  printf ("ok\n");

  return TRUE;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

int
main (int    argc,
      char **argv)
{
  guint passed = 0;
  guint failed = 0;

  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GDir) dir = NULL;
      const char *name;

      if (g_file_test (argv[i], G_FILE_TEST_IS_DIR))
        {
          g_autoptr(GError) error = NULL;

          dir = g_dir_open (argv[i], 0, &error);
          if (dir == NULL)
            {
              g_printerr ("FAIL %s: %s\n", argv[i], error->message);
              failed++;
              continue;
            }
          while ((name = g_dir_read_name (dir)) != NULL)
            if (name[0] != '.')
              g_ptr_array_add (paths, g_build_filename (argv[i], name, NULL));
          g_ptr_array_sort (paths, compare_names);
        }
      else
        g_ptr_array_add (paths, g_strdup (argv[i]));

      for (guint j = 0; j < paths->len; j++)
        {
          if (replay_file (paths->pdata[j]))
            passed++;
          else
            failed++;
        }
    }

  printf ("%u passed, %u failed\n", passed, failed);

  return failed == 0 ? 0 : 1;
}
