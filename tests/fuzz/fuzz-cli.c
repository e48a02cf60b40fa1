/* fuzz-cli.c: any command line through candour-cli, over a database that must survive
 *
 * The input is split at NUL bytes and line breaks into arguments after "candour-cli"
 * (at most 16). Every run happens in a scratch folder that holds a copy of the
 * Harrowfield demo, area.db, and a folder in/ with one good CSV file; '/' in an
 * argument becomes '_', so nothing outside the scratch folder can be named. Whatever the
 * arguments, candour-cli must return 0, 1 or 2, print messages of one line each that
 * never show SQLite's raw words ("(code ", "SQLite result"), and leave area.db a sound
 * Candour database holding at least the records it held.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "fuzz-target.h"
#include "candour-cli.h"
#include "candour-demo.h"
#include "candour-integrity.h"

#define MAX_ARGUMENTS 16

static const char * const raw_words[] = { "(code ", "SQLite result", "database disk image", "unable to open" };

static char *scratch;
static char *home;              /* where the fuzzer was started: it reads its corpus from there */
static GBytes *pristine;        /* area.db as the demo left it */

static void
remove_children (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        {
          remove_children (child);
          g_rmdir (child);
        }
      else
        g_unlink (child);
    }
}

static gint64
count_organisations (CandourDatabase *db)
{
  CandourQuery *query = candour_database_query (db, "SELECT count (*) AS n FROM organisation", NULL);
  gint64 count;

  g_assert (query != NULL && candour_query_step (query, NULL) == CANDOUR_QUERY_ROW);
  count = candour_query_get_int64 (query, "n");
  candour_query_reset (query);
  return count;
}

static void
set_up_once (void)
{
  g_autoptr(CandourDatabase) db = NULL;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  if (scratch != NULL)
    return;

  home = g_get_current_dir ();
  scratch = g_dir_make_tmp ("candour-fuzz-cli-XXXXXX", NULL);
  g_assert (scratch != NULL);
  g_assert (g_chdir (scratch) == 0);
  /* Without --db, candour-cli uses the user's own database: not here. */
  g_setenv ("XDG_DATA_HOME", scratch, TRUE);

  /* A rollback journal, so the file alone is the whole database. */
  path = g_build_filename (scratch, "area.db", NULL);
  db = candour_database_open (path, NULL);
  g_assert (db != NULL && candour_demo_load (db, "2025-06-30", NULL));
  g_assert (candour_database_exec (db, "PRAGMA journal_mode = DELETE", NULL));
  g_clear_object (&db);
  g_assert (g_file_get_contents (path, &contents, &length, NULL));
  pristine = g_bytes_new_take (g_steal_pointer (&contents), length);
  g_assert (g_chdir (home) == 0);
}

static void
reset_scratch (void)
{
  remove_children (scratch);
  g_assert (g_file_set_contents ("area.db", g_bytes_get_data (pristine, NULL),
                                 g_bytes_get_size (pristine), NULL));
  g_chmod ("area.db", 0600);
  g_assert (g_mkdir ("in", 0700) == 0);
  g_assert (g_file_set_contents ("in/organisations.csv", "ref,name\nNEW-1,New Trust\n", -1, NULL));
}

/* Runs the arguments with standard output and error going to a file, read back. */
static char *
run_cli (int    argc,
         char **argv,
         int   *out_status)
{
  int saved_out = dup (STDOUT_FILENO);
  int saved_err = dup (STDERR_FILENO);
  int capture = g_open ("../candour-fuzz-cli-output", O_RDWR | O_CREAT | O_TRUNC, 0600);
  char *output = NULL;

  g_assert (capture >= 0);
  fflush (stdout);
  dup2 (capture, STDOUT_FILENO);
  dup2 (capture, STDERR_FILENO);

  *out_status = candour_cli_run (argc, argv);

  fflush (stdout);
  fflush (stderr);
  dup2 (saved_out, STDOUT_FILENO);
  dup2 (saved_err, STDERR_FILENO);
  close (saved_out);
  close (saved_err);
  close (capture);

  g_assert (g_file_get_contents ("../candour-fuzz-cli-output", &output, NULL, NULL));
  g_unlink ("../candour-fuzz-cli-output");
  return output;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GPtrArray) arguments = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(CandourDatabase) db = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;
  g_auto(GStrv) lines = NULL;
  char **argv;
  gsize start = 0;
  int status;

  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  set_up_once ();
  g_assert (g_chdir (scratch) == 0);
  reset_scratch ();

  g_ptr_array_add (arguments, g_strdup ("candour-cli"));
  for (gsize i = 0; i <= size && arguments->len <= MAX_ARGUMENTS; i++)
    if (i == size || data[i] == '\0' || data[i] == '\n')
      {
        char *argument = g_strndup ((const char *) data + start, i - start);

        /* Only the scratch folder; and nothing that takes minutes by design. */
        g_strdelimit (argument, "/", '_');
        if (g_str_equal (argument, "generate"))
          {
            g_free (argument);
            argument = g_strdup ("check");
          }
        g_ptr_array_add (arguments, argument);
        start = i + 1;
      }
  g_ptr_array_add (arguments, NULL);

  /* GOptionContext rearranges argv: hand it a copy of the pointers. */
  argv = g_memdup2 (arguments->pdata, arguments->len * sizeof (char *));
  output = run_cli (arguments->len - 1, argv, &status);
  g_free (argv);

  g_assert (status == 0 || status == 1 || status == 2);
  /* SQLite's raw words, unless the arguments themselves held them (and were echoed). */
  for (guint i = 0; i < G_N_ELEMENTS (raw_words); i++)
    g_assert (strstr (output, raw_words[i]) == NULL ||
              g_strstr_len ((const char *) data, size, raw_words[i]) != NULL);
  lines = g_strsplit (output, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    g_assert (strlen (lines[i]) < 4000);

  /* Whatever was typed, the database is whole and nothing in it was lost. */
  db = candour_database_open_full ("area.db", CANDOUR_OPEN_EXISTING, &error);
  g_assert_no_error (error);
  g_assert (candour_integrity_check (db, problems, NULL, NULL));
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpint (count_organisations (db), >=, 41);

  g_assert (g_chdir (home) == 0);
  return 0;
}
