/* fuzz-open.c: any bytes as a database file, opened, checked and reported on
 *
 * The bytes are written to a file, which is opened as a Candour database. Opening must
 * either succeed or fail with a message in words that names the file; an open database
 * must then let `check`, the findings and the export run to the end or fail the same
 * way. Never a crash, a hang, a read past the migrations, or SQLite's raw words.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>
#include <string.h>

#include "fuzz-target.h"
#include "candour-error.h"
#include "candour-integrity.h"
#include "candour-reports.h"

static char *scratch;

static void
assert_in_words (const GError *error)
{
  g_assert (error != NULL);
  g_assert (error->domain == CANDOUR_DATABASE_ERROR || error->domain == CANDOUR_DOMAIN_ERROR ||
            error->domain == G_IO_ERROR);
  g_assert (error->message[0] != '\0');
  g_assert (strstr (error->message, "(code ") == NULL);
  g_assert (strstr (error->message, "SQLite result") == NULL);
}

static void
remove_children (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      g_unlink (child);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(CandourDatabase) db = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(CandourReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  CandourReconcileOptions options;

  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  if (scratch == NULL)
    scratch = g_dir_make_tmp ("candour-fuzz-open-XXXXXX", NULL);
  remove_children (scratch);

  path = g_build_filename (scratch, "area.db", NULL);
  g_assert (g_file_set_contents (path, (const char *) data, size, NULL));

  db = candour_database_open_full (path, CANDOUR_OPEN_EXISTING, &error);
  if (db == NULL)
    {
      assert_in_words (error);
      g_assert (strstr (error->message, "area.db") != NULL);
      return 0;
    }

  if (!candour_integrity_check (db, problems, NULL, &error))
    {
      assert_in_words (error);
      g_clear_error (&error);
    }

  candour_reconcile_options_init (&options);
  options.as_of = g_strdup ("2025-06-30");
  options.include_not_awarded = TRUE;
  report = candour_report_findings (db, &options, &error);
  candour_reconcile_options_clear (&options);
  if (report == NULL)
    assert_in_words (error);
  else
    {
      while (candour_report_next (report, &error))
        ;
      if (error != NULL)
        assert_in_words (error);
    }

  return 0;
}
