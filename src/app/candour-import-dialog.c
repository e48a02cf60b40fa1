/* candour-import-dialog.c: Import CSV…, with a preview of what will come in
 *
 * The person chooses files or a folder; a dry run (candour_import_set_dry_run) does the
 * whole import on a thread of its own and rolls it back, so the preview's counts and
 * problems are exactly what Import will do. Import then runs the same import for real,
 * again on a thread with its own connection, so the window stays usable; Cancel rolls it
 * back. Each run opens its own connection: SQLite connections are not shared across
 * threads here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "candour-export-chooser.h"
#include "candour-export-feedback.h"
#include "candour-import.h"
#include "candour-import-dialog.h"
#include "candour-labels.h"
#include "candour-output.h"

typedef struct
{
  char *name;                   /* as shown: the base name, unless two files share it */
  CandourTable table;
  guint count;
} CheckedFile;

/* One run: a check (dry run) or the import itself. */
typedef struct
{
  char *db_path;                /* NULL: a check for a new database, made on a scratch one */
  GStrv paths;
  gboolean dry_run;
  gboolean new_database;        /* the run makes db_path, and removes it if it fails */
  int progress;                 /* thousandths, atomic: the thread writes, the dialog reads */
  GApplication *application;    /* held until the run ends, even if every window closes */

  GArray *files;                /* CheckedFile of the files naming a table, in table order */
  guint counts[CANDOUR_N_TABLES];
  GPtrArray *problems;          /* as shown, with files by their shown names */
  GPtrArray *warnings;          /* the same for rows that look odd but go in */
  guint n_warnings;             /* all of them, also those past the cap */
} ImportJob;

struct _CandourImportDialog
{
  AdwWindow parent_instance;

  AdwWindowTitle *window_title;
  GtkWidget *import_button;
  GtkStack *stack;
  GtkProgressBar *check_progress;
  GtkProgressBar *import_progress;
  AdwStatusPage *importing_page;
  AdwPreferencesGroup *preview_group;
  GtkListBox *preview_list;
  GtkLabel *problems_heading;
  GtkLabel *problems_body;
  GtkWidget *problems_card;
  GtkLabel *problems_label;
  GtkWidget *copy_problems_button;
  GtkWidget *problem_buttons;
  GtkLabel *source_label;
  GtkWidget *check_again_button;
  GtkWidget *warnings_group;
  GtkLabel *warnings_label;

  CandourWindow *window;        /* weak */
  char *db_path;                /* the window's database; NULL: the import makes a new one */
  GStrv paths;                  /* what was chosen last */
  GtkNativeDialog *chooser;     /* the file chooser on screen, if any */
  GCancellable *cancellable;    /* while a run goes on */
  ImportJob *job;               /* the run going on, kept by its task */
  guint progress_source;
  GPtrArray *preview_rows;      /* GtkWidget, in preview_list */
  guint total;                  /* rows the checked files bring in */
  gboolean close_when_done;     /* Cancel was pressed during the import */
};

G_DEFINE_FINAL_TYPE (CandourImportDialog, candour_import_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_WINDOW,
  PROP_STATE,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Words */

static const char *
table_title (CandourTable table)
{
  static const char *titles[CANDOUR_N_TABLES];

  titles[CANDOUR_TABLE_ORGANISATIONS] = N_("Organisations");
  titles[CANDOUR_TABLE_CONSORTIA] = N_("Consortia");
  titles[CANDOUR_TABLE_CONSORTIUM_MEMBERS] = N_("Consortium members");
  titles[CANDOUR_TABLE_BIDS] = N_("Bids");
  titles[CANDOUR_TABLE_BID_PARTNERS] = N_("Named partners");
  titles[CANDOUR_TABLE_CONTRACTS] = N_("Contracts");
  titles[CANDOUR_TABLE_SUBCONTRACTS] = N_("Subcontracts");
  titles[CANDOUR_TABLE_PAYMENTS] = N_("Payments");
  return _(titles[table]);
}

/* "41 organisations", "1 bid" */
static char *
describe_rows (CandourTable table,
               guint        n)
{
  g_autofree char *number = candour_count_format (n);

  /* Translators: each is part of a toast, "Imported 41 organisations, 8 bids" */
  switch (table)
    {
    case CANDOUR_TABLE_ORGANISATIONS:
      return g_strdup_printf (ngettext ("%s organisation", "%s organisations", n), number);
    case CANDOUR_TABLE_CONSORTIA:
      return g_strdup_printf (ngettext ("%s consortium", "%s consortia", n), number);
    case CANDOUR_TABLE_CONSORTIUM_MEMBERS:
      return g_strdup_printf (ngettext ("%s consortium member", "%s consortium members", n), number);
    case CANDOUR_TABLE_BIDS:
      return g_strdup_printf (ngettext ("%s bid", "%s bids", n), number);
    case CANDOUR_TABLE_BID_PARTNERS:
      return g_strdup_printf (ngettext ("%s named partner", "%s named partners", n), number);
    case CANDOUR_TABLE_CONTRACTS:
      return g_strdup_printf (ngettext ("%s contract", "%s contracts", n), number);
    case CANDOUR_TABLE_SUBCONTRACTS:
      return g_strdup_printf (ngettext ("%s subcontract", "%s subcontracts", n), number);
    case CANDOUR_TABLE_PAYMENTS:
      return g_strdup_printf (ngettext ("%s payment", "%s payments", n), number);
    case CANDOUR_N_TABLES:
    default:
      break;
    }
  g_assert_not_reached ();
  return NULL;
}

static char *
describe_counts (const ImportJob *job)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint t = 0; t < CANDOUR_N_TABLES; t++)
    if (job->counts[t] > 0)
      {
        g_autofree char *rows = describe_rows (t, job->counts[t]);
        g_string_append_printf (text, "%s%s", text->len > 0 ? ", " : "", rows);
      }

  if (text->len == 0)
    return g_strdup (_("The files held no rows, only their headings"));
  /* Translators: "Imported 41 organisations, 8 bids" */
  return g_strdup_printf (_("Imported %s"), text->str);
}

/* The run, on its own thread */

static void
import_job_free (ImportJob *job)
{
  g_free (job->db_path);
  g_strfreev (job->paths);
  if (job->files != NULL)
    for (guint i = 0; i < job->files->len; i++)
      g_free (g_array_index (job->files, CheckedFile, i).name);
  g_clear_pointer (&job->files, g_array_unref);
  g_clear_pointer (&job->problems, g_ptr_array_unref);
  g_clear_pointer (&job->warnings, g_ptr_array_unref);
  g_assert (job->application == NULL);
  g_free (job);
}

static void
on_progress (double   fraction,
             gpointer user_data)
{
  ImportJob *job = user_data;

  g_atomic_int_set (&job->progress, (int)(fraction * 1000));
}

/* Files by their base names, as the person knows them, unless two share one. */
static GHashTable *
shown_names (CandourImport *import)
{
  GHashTable *names = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n = candour_import_get_n_files (import);

  for (guint i = 0; i < n; i++)
    {
      char *base = g_path_get_basename (candour_import_get_file_name (import, i));
      g_hash_table_insert (seen, base, GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (seen, base)) + 1));
    }
  for (guint i = 0; i < n; i++)
    {
      const char *name = candour_import_get_file_name (import, i);
      g_autofree char *base = g_path_get_basename (name);

      g_hash_table_insert (names, (gpointer)name,
                           GPOINTER_TO_UINT (g_hash_table_lookup (seen, base)) == 1 ? g_steal_pointer (&base)
                                                                                     : g_strdup (name));
    }
  return names;
}

/* "/home/sam/import/payments.csv:2:3: reason" → "payments.csv:2:3: reason" */
static char *
shown_problem (CandourImport *import,
               GHashTable    *names,
               const char    *problem)
{
  for (guint i = 0; i < candour_import_get_n_files (import); i++)
    {
      const char *name = candour_import_get_file_name (import, i);
      gsize length = strlen (name);

      if (strncmp (problem, name, length) == 0 && problem[length] == ':')
        return g_strconcat (g_hash_table_lookup (names, name), problem + length, NULL);
    }
  return g_strdup (problem);
}

static gboolean
run_import (ImportJob     *job,
            const char    *db_path,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(CandourDatabase) db = candour_database_open (db_path, error);
  g_autoptr(CandourImport) import = NULL;
  g_autoptr(GHashTable) names = NULL;
  GPtrArray *problems;
  gboolean ok;

  if (db == NULL)
    return FALSE;

  import = candour_import_new (db);
  candour_import_set_dry_run (import, job->dry_run);
  candour_import_set_progress_func (import, on_progress, job);
  for (guint i = 0; job->paths[i] != NULL; i++)
    if (!candour_import_add_path (import, job->paths[i], error))
      return FALSE;

  ok = candour_import_run (import, cancellable, error);

  names = shown_names (import);
  problems = candour_import_get_problems (import);
  for (guint i = 0; i < problems->len; i++)
    g_ptr_array_add (job->problems, shown_problem (import, names, g_ptr_array_index (problems, i)));
  problems = candour_import_get_warnings (import);
  for (guint i = 0; i < problems->len; i++)
    g_ptr_array_add (job->warnings, shown_problem (import, names, g_ptr_array_index (problems, i)));
  job->n_warnings = candour_import_get_n_warnings (import);

  for (guint t = 0; t < CANDOUR_N_TABLES; t++)
    {
      job->counts[t] = candour_import_get_count (import, t);
      for (guint i = 0; i < candour_import_get_n_files (import); i++)
        {
          CandourTable table;
          CheckedFile file;

          if (!candour_import_get_file_table (import, i, &table) || table != t)
            continue;
          file.name = g_strdup (g_hash_table_lookup (names, candour_import_get_file_name (import, i)));
          file.table = table;
          file.count = candour_import_get_file_count (import, i);
          g_array_append_val (job->files, file);
        }
    }

  return ok;
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportJob *job = task_data;
  g_autofree char *scratch = NULL;
  g_autofree char *db_path = NULL;
  GError *error = NULL;
  gboolean ok;

  /* A check for a new database runs on an empty one of its own, on disk rather than in
   * memory: a million payments would not sit well in memory. */
  if (job->db_path == NULL)
    {
      scratch = g_dir_make_tmp ("candour-import-XXXXXX", &error);
      if (scratch == NULL)
        {
          g_task_return_error (task, error);
          return;
        }
      db_path = g_build_filename (scratch, "check.candour", NULL);
    }
  else
    db_path = g_strdup (job->db_path);

  ok = run_import (job, db_path, cancellable, &error);

  if (scratch != NULL)
    {
      candour_database_remove_files (db_path);
      g_rmdir (scratch);
    }
  else if (!ok && job->new_database)
    candour_database_remove_files (db_path);

  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* States */

static gboolean
is_busy (CandourImportDialog *self)
{
  return self->cancellable != NULL;
}

static void
actions_update (CandourImportDialog *self)
{
  const char *state = candour_import_dialog_get_state (self);
  gboolean busy = is_busy (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.choose-files", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.choose-folder", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.check-again", !busy && self->paths != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.import",
                                 !busy && g_strcmp0 (state, "preview") == 0 && self->total > 0);
}

static void
set_state (CandourImportDialog *self,
           const char          *state)
{
  gtk_stack_set_visible_child_name (self->stack, state);
  actions_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

static gboolean
update_progress (gpointer user_data)
{
  CandourImportDialog *self = user_data;
  GtkProgressBar *bar = self->job->dry_run ? self->check_progress : self->import_progress;

  gtk_progress_bar_set_fraction (bar, g_atomic_int_get (&self->job->progress) / 1000.0);
  return G_SOURCE_CONTINUE;
}

static GWeakRef *
weak_ref_new (gpointer object)
{
  GWeakRef *ref = g_new0 (GWeakRef, 1);

  g_weak_ref_init (ref, object);
  return ref;
}

static void
weak_ref_free (GWeakRef *ref)
{
  g_weak_ref_clear (ref);
  g_free (ref);
}

/* The task keeps the dialog only weakly: closed, it goes at once (and with it the
 * window's note of it), while the run ends on its own. */
static void
start_run (CandourImportDialog *self,
           ImportJob           *job,
           GAsyncReadyCallback  done)
{
  g_autoptr(GTask) task = NULL;

  g_assert (!is_busy (self));

  job->paths = g_strdupv (self->paths);
  job->files = g_array_new (FALSE, FALSE, sizeof (CheckedFile));
  job->problems = g_ptr_array_new_with_free_func (g_free);
  job->warnings = g_ptr_array_new_with_free_func (g_free);

  /* Quitting must wait for the run to stop (Cancel is quick): a new database half made
   * is removed by the thread. */
  job->application = g_application_get_default ();
  if (job->application != NULL)
    g_application_hold (g_object_ref (job->application));

  self->cancellable = g_cancellable_new ();
  self->job = job;
  gtk_progress_bar_set_fraction (job->dry_run ? self->check_progress : self->import_progress, 0.0);
  self->progress_source = g_timeout_add (100, update_progress, self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);

  task = g_task_new (NULL, self->cancellable, done, weak_ref_new (self));
  g_task_set_task_data (task, job, (GDestroyNotify)import_job_free);
  g_task_run_in_thread (task, import_thread);
}

/* Ends the run; returns the dialog, or NULL when it has gone meanwhile: nobody to tell. */
static CandourImportDialog *
finish_run (GTask    *task,
            gpointer  user_data)
{
  ImportJob *job = g_task_get_task_data (task);
  CandourImportDialog *self = g_weak_ref_get (user_data);

  weak_ref_free (user_data);
  if (job->application != NULL)
    {
      g_application_release (job->application);
      g_clear_object (&job->application);
    }
  if (self == NULL)
    return NULL;

  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->progress_source, g_source_remove);
  self->job = NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
  return self;
}

static void
show_problems (CandourImportDialog *self,
               const ImportJob     *job,
               const GError        *error)
{
  guint n = job->problems->len;
  g_autofree char *heading = NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_string_append_printf (text, "%s%s", i > 0 ? "\n" : "", (const char *)g_ptr_array_index (job->problems, i));
  gtk_label_set_label (self->problems_label, text->str);
  /* Nothing selected, as a selectable label would be on taking the focus: it starts on
   * Check Again. */
  gtk_label_select_region (self->problems_label, 0, 0);
  gtk_widget_set_visible (self->problems_card, n > 0);
  gtk_widget_set_visible (self->problem_buttons, n > 0);

  if (n == 0)
    {
      /* The files could not be read at all, or the database could not be written. */
      gtk_label_set_label (self->problems_heading, job->dry_run ? _("Could Not Check the Files")
                                                                 : _("Could Not Import"));
      gtk_label_set_label (self->problems_body, error->message);
    }
  else
    {
      /* Translators: the heading over the list of problems an import found */
      heading = g_strdup_printf (ngettext ("%u Problem to Put Right", "%u Problems to Put Right", n), n);
      gtk_label_set_label (self->problems_heading, heading);
      if (n >= CANDOUR_IMPORT_MAX_PROBLEMS)
        gtk_label_set_label (self->problems_body,
                             _("Candour stopped looking after this many, so there may be more. Nothing "
                               "has been imported and the database is as it was. Put them right in the "
                               "files, then check again."));
      else
        gtk_label_set_label (self->problems_body,
                             ngettext ("Nothing has been imported and the database is as it was. Put "
                                       "the problem right in the file, then check again.",
                                       "Nothing has been imported and the database is as it was. Put "
                                       "the problems right in the files, then check again.", n));
    }

  set_state (self, "problems");
  gtk_button_set_label (GTK_BUTTON (self->copy_problems_button), _("_Copy the Problems"));
  gtk_widget_grab_focus (self->check_again_button);
}

static GtkWidget *
new_preview_row (const CheckedFile *file)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *count;
  g_autofree char *title = g_markup_escape_text (table_title (file->table), -1);
  g_autofree char *name = g_markup_escape_text (file->name, -1);
  g_autofree char *number = candour_count_format (file->count);
  g_autofree char *rows = NULL;

  if (file->count == 0)
    rows = g_strdup (_("No rows, only headings"));
  else
    /* Translators: how many rows a file brings in, "41 rows" */
    rows = g_strdup_printf (ngettext ("%s row", "%s rows", file->count), number);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), name);
  count = gtk_label_new (rows);
  gtk_widget_add_css_class (count, "numeric");
  if (file->count == 0)
    gtk_widget_add_css_class (count, "dim-label");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), count);
  g_object_set_data (G_OBJECT (row), "count-label", count);
  return row;
}

static void
clear_preview (CandourImportDialog *self)
{
  for (guint i = 0; i < self->preview_rows->len; i++)
    gtk_list_box_remove (self->preview_list, g_ptr_array_index (self->preview_rows, i));
  g_ptr_array_set_size (self->preview_rows, 0);
  self->total = 0;
}

/* Rows that go in as they are but look odd, from the same dry run: said before Import,
 * when they can still be put right in the files. */
static void
show_warnings (CandourImportDialog *self,
               const ImportJob     *job)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *description = NULL;

  gtk_widget_set_visible (self->warnings_group, job->n_warnings > 0);
  if (job->n_warnings == 0)
    return;

  for (guint i = 0; i < job->warnings->len; i++)
    g_string_append_printf (text, "%s%s", i > 0 ? "\n" : "", (const char *)g_ptr_array_index (job->warnings, i));
  if (job->n_warnings > job->warnings->len)
    /* Translators: after the first 50 rows worth a second look */
    g_string_append_printf (text, _("\n… and %u more like them."), job->n_warnings - job->warnings->len);
  gtk_label_set_label (self->warnings_label, text->str);

  description = g_strdup_printf (ngettext ("%u row looks odd. It will be imported as it is: check it "
                                           "before you import, and put it right in the file if it is wrong.",
                                           "%u rows look odd. They will be imported as they are: check them "
                                           "before you import, and put them right in the files if they are wrong.",
                                           job->n_warnings), job->n_warnings);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->warnings_group), description);
}

static void
show_preview (CandourImportDialog *self,
              const ImportJob     *job)
{
  g_autofree char *number = NULL;
  g_autofree char *summary = NULL;

  clear_preview (self);
  for (guint i = 0; i < job->files->len; i++)
    {
      const CheckedFile *file = &g_array_index (job->files, CheckedFile, i);
      GtkWidget *row = new_preview_row (file);

      gtk_list_box_append (self->preview_list, row);
      g_ptr_array_add (self->preview_rows, row);
      self->total += file->count;
    }

  number = candour_count_format (self->total);
  if (self->total == 0)
    summary = g_strdup (_("The files hold only their headings: there is nothing to import."));
  else if (self->db_path == NULL)
    summary = g_strdup_printf (ngettext ("%s row, checked with no problems. Import asks where to save "
                                         "the new database.",
                                         "%s rows, checked with no problems. Import asks where to save "
                                         "the new database.", self->total), number);
  else
    summary = g_strdup_printf (ngettext ("%s row, checked against the database with no problems. "
                                         "Nothing is written until you press Import.",
                                         "%s rows, checked against the database with no problems. "
                                         "Nothing is written until you press Import.", self->total), number);
  adw_preferences_group_set_description (self->preview_group, summary);
  adw_preferences_group_set_title (self->preview_group, self->total > 0 ? _("Ready to Import")
                                                                         : _("Nothing to Import"));
  show_warnings (self, job);

  set_state (self, "preview");
}

static void
check_done (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  GTask *task = G_TASK (result);
  g_autoptr(CandourImportDialog) self = finish_run (task, user_data);
  ImportJob *job = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  if (self == NULL)
    return;

  if (!g_task_propagate_boolean (task, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        set_state (self, "choose");
      else
        show_problems (self, job, error);
      return;
    }
  show_preview (self, job);
}

/* Where the rows come from */

/* "/home/sam/Downloads/area" → "~/Downloads/area": the folder as the person knows it. */
static char *
shown_path (const char *path)
{
  const char *home = g_get_home_dir ();
  gsize length = strlen (home);

  if (length > 1 && strncmp (path, home, length) == 0 && path[length] == G_DIR_SEPARATOR)
    return g_strconcat ("~", path + length, NULL);
  return g_strdup (path);
}

/* "From the folder ~/Downloads/area", "From ~/Downloads/payments.csv", "From 3 files in
 * ~/Downloads: bids.csv, organisations.csv, payments.csv": said above every step, so
 * the person can tell a wrong folder before anything is imported. */
static char *
describe_source (const char * const *paths)
{
  guint n = g_strv_length ((char **)paths);
  g_autofree char *first_folder = g_path_get_dirname (paths[0]);
  g_autoptr(GString) names = g_string_new (NULL);
  gboolean one_folder = TRUE;
  g_autofree char *where = NULL;

  if (n == 1)
    {
      g_autofree char *shown = shown_path (paths[0]);

      /* Translators: above the import's steps, "From the folder ~/Downloads/area" */
      if (g_file_test (paths[0], G_FILE_TEST_IS_DIR))
        return g_strdup_printf (_("From the folder %s"), shown);
      /* Translators: above the import's steps, "From ~/Downloads/payments.csv" */
      return g_strdup_printf (_("From %s"), shown);
    }

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *folder = g_path_get_dirname (paths[i]);
      g_autofree char *base = g_path_get_basename (paths[i]);

      one_folder = one_folder && g_str_equal (folder, first_folder);
      g_string_append_printf (names, "%s%s", i > 0 ? ", " : "", base);
    }
  if (!one_folder)
    /* Translators: above the import's steps, "From 3 files: a.csv, b.csv, c.csv" */
    return g_strdup_printf (ngettext ("From %u file: %s", "From %u files: %s", n), n, names->str);
  where = shown_path (first_folder);
  /* Translators: above the import's steps, "From 3 files in ~/Downloads: a.csv, b.csv, c.csv" */
  return g_strdup_printf (ngettext ("From %u file in %s: %s", "From %u files in %s: %s", n), n, where, names->str);
}

static void
show_source (CandourImportDialog *self)
{
  g_autofree char *text = describe_source ((const char * const *)self->paths);
  g_autofree char *every_path = g_strjoinv ("\n", self->paths);

  gtk_label_set_label (self->source_label, text);
  /* The whole of it, where the line is cut short. */
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->source_label), every_path);
  gtk_widget_set_visible (GTK_WIDGET (self->source_label), TRUE);
}

void
candour_import_dialog_check (CandourImportDialog *self,
                             const char * const  *paths)
{
  ImportJob *job;

  g_return_if_fail (CANDOUR_IS_IMPORT_DIALOG (self));
  g_return_if_fail (paths != NULL && paths[0] != NULL);

  if (is_busy (self))
    return;

  if ((const char * const *)self->paths != paths)
    {
      g_strfreev (self->paths);
      self->paths = g_strdupv ((char **)paths);
    }
  show_source (self);

  job = g_new0 (ImportJob, 1);
  job->db_path = g_strdup (self->db_path);
  job->dry_run = TRUE;
  start_run (self, job, check_done);
  set_state (self, "checking");
}

/* The import itself */

static void
import_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  GTask *task = G_TASK (result);
  g_autoptr(CandourImportDialog) self = finish_run (task, user_data);
  ImportJob *job = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (self == NULL)
    return;

  if (!g_task_propagate_boolean (task, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          if (self->window != NULL)
            candour_window_add_toast (self->window, _("Import cancelled: nothing was imported"));
          gtk_window_destroy (GTK_WINDOW (self));
        }
      else if (self->close_when_done)
        gtk_window_destroy (GTK_WINDOW (self));
      else
        show_problems (self, job, error);
      return;
    }

  /* Done, even if Cancel came too late to stop it: say so. */
  message = describe_counts (job);
  if (self->window != NULL)
    {
      if (job->new_database)
        candour_window_open_path (self->window, job->db_path);
      else
        candour_window_check_for_changes (self->window);
      candour_window_add_toast (self->window, message);
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
start_import (CandourImportDialog *self,
              const char          *db_path,
              gboolean             new_database)
{
  ImportJob *job = g_new0 (ImportJob, 1);

  job->db_path = g_strdup (db_path);
  job->new_database = new_database;
  adw_status_page_set_title (self->importing_page, _("Importing…"));
  start_run (self, job, import_done);
  set_state (self, "importing");
}

static void
show_error (CandourImportDialog *self,
            const char          *heading,
            const char          *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

void
candour_import_dialog_import_as_new (CandourImportDialog *self,
                                     const char          *path)
{
  g_return_if_fail (CANDOUR_IS_IMPORT_DIALOG (self));
  g_return_if_fail (path != NULL);

  if (is_busy (self) || self->total == 0)
    return;

  /* Never write over someone's file: the chooser's "Replace" is not enough for that. */
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *name = g_path_get_basename (path);
      g_autofree char *body = g_strdup_printf (_("A file called “%s” is already there. Choose another "
                                                 "name."), name);

      show_error (self, _("Could Not Make the Database"), body);
      return;
    }

  start_import (self, path, TRUE);
}

/* File choosers */

static GtkFileChooserNative *
new_chooser (CandourImportDialog  *self,
             const char           *title,
             GtkFileChooserAction  action,
             const char           *accept)
{
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self), action,
                                                               accept, _("_Cancel"));

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_clear_object (&self->chooser);
  self->chooser = GTK_NATIVE_DIALOG (chooser);
  return chooser;
}

static void
on_files_chosen (CandourImportDialog *self,
                 int                  response,
                 GtkNativeDialog     *chooser)
{
  g_autoptr(GListModel) files = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) paths = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        {
          g_autoptr(GFile) file = g_list_model_get_item (files, i);
          g_autofree char *path = g_file_get_path (file);

          if (path != NULL)
            g_strv_builder_add (builder, path);
        }
    }
  g_clear_object (&self->chooser);

  paths = g_strv_builder_end (builder);
  if (paths[0] != NULL)
    candour_import_dialog_check (self, (const char * const *)paths);
}

static void
choose_files_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  CandourImportDialog *self = CANDOUR_IMPORT_DIALOG (widget);
  GtkFileChooserNative *chooser = new_chooser (self, _("Choose CSV Files"), GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Choose"));
  g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  gtk_file_filter_set_name (csv, _("CSV files"));
  gtk_file_filter_add_mime_type (csv, "text/csv");
  gtk_file_filter_add_suffix (csv, "csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), csv);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  g_signal_connect_swapped (chooser, "response", G_CALLBACK (on_files_chosen), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
choose_folder_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  CandourImportDialog *self = CANDOUR_IMPORT_DIALOG (widget);
  GtkFileChooserNative *chooser = new_chooser (self, _("Choose a Folder of CSV Files"),
                                               GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("_Choose"));

  g_signal_connect_swapped (chooser, "response", G_CALLBACK (on_files_chosen), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
check_again_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  CandourImportDialog *self = CANDOUR_IMPORT_DIALOG (widget);

  if (self->paths != NULL)
    candour_import_dialog_check (self, (const char * const *)self->paths);
}

static void
on_new_database_chosen (CandourImportDialog *self,
                        int                  response,
                        GtkNativeDialog     *chooser)
{
  g_autoptr(GFile) file = response == GTK_RESPONSE_ACCEPT ? gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))
                                                          : NULL;
  g_autofree char *chosen = file != NULL ? g_file_get_path (file) : NULL;
  g_autofree char *path = chosen != NULL ? candour_database_name_file (chosen) : NULL;

  g_clear_object (&self->chooser);
  if (path != NULL)
    candour_import_dialog_import_as_new (self, path);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CandourImportDialog *self = CANDOUR_IMPORT_DIALOG (widget);
  GtkFileChooserNative *chooser;

  if (is_busy (self) || self->total == 0)
    return;

  if (self->db_path != NULL)
    {
      start_import (self, self->db_path, FALSE);
      return;
    }

  /* No database open: the files become a new one, saved where the person says. */
  chooser = new_chooser (self, _("Save the Imported Database"), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("Imported.candour"));
  g_signal_connect_swapped (chooser, "response", G_CALLBACK (on_new_database_chosen), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* The class */

static gboolean
candour_import_dialog_close_request (GtkWindow *window)
{
  CandourImportDialog *self = CANDOUR_IMPORT_DIALOG (window);

  /* The import stops at its next check and rolls back; the dialog closes then, saying
   * so, or saying what came in if it was already done. */
  if (self->job != NULL && !self->job->dry_run)
    {
      g_cancellable_cancel (self->cancellable);
      self->close_when_done = TRUE;
      adw_status_page_set_title (self->importing_page, _("Cancelling…"));
      return TRUE;
    }

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  return GTK_WINDOW_CLASS (candour_import_dialog_parent_class)->close_request (window);
}

static void
candour_import_dialog_constructed (GObject *object)
{
  CandourImportDialog *self = CANDOUR_IMPORT_DIALOG (object);
  CandourSession *session = self->window != NULL ? candour_window_get_session (self->window) : NULL;

  G_OBJECT_CLASS (candour_import_dialog_parent_class)->constructed (object);

  if (self->window != NULL)
    gtk_window_set_transient_for (GTK_WINDOW (self), GTK_WINDOW (self->window));

  if (session != NULL)
    {
      /* Translators: the import dialog's subtitle, "Into Harrowfield demo" */
      g_autofree char *subtitle = g_strdup_printf (_("Into “%s”"), candour_session_get_title (session));

      self->db_path = g_strdup (candour_database_get_path (candour_session_get_database (session)));
      adw_window_title_set_subtitle (self->window_title, subtitle);
    }
  else
    {
      adw_window_title_set_subtitle (self->window_title, _("Into a new database"));
      gtk_button_set_label (GTK_BUTTON (self->import_button), _("_Import…"));
    }
}

static void
candour_import_dialog_dispose (GObject *object)
{
  CandourImportDialog *self = CANDOUR_IMPORT_DIALOG (object);

  /* A run still going stops at its next check; finish_run() then finds the dialog gone. */
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->progress_source, g_source_remove);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);
  candour_export_chooser_close (GTK_WIDGET (self));
  g_clear_pointer (&self->preview_rows, g_ptr_array_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), CANDOUR_TYPE_IMPORT_DIALOG);

  g_clear_weak_pointer (&self->window);

  G_OBJECT_CLASS (candour_import_dialog_parent_class)->dispose (object);
}

static void
candour_import_dialog_finalize (GObject *object)
{
  CandourImportDialog *self = CANDOUR_IMPORT_DIALOG (object);

  g_free (self->db_path);
  g_strfreev (self->paths);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (candour_import_dialog_parent_class)->finalize (object);
}

static void
candour_import_dialog_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  CandourImportDialog *self = CANDOUR_IMPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_WINDOW:
      g_value_set_object (value, self->window);
      break;

    case PROP_STATE:
      g_value_set_string (value, candour_import_dialog_get_state (self));
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, is_busy (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
candour_import_dialog_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  CandourImportDialog *self = CANDOUR_IMPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_WINDOW:
      g_set_weak_pointer (&self->window, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* The problems as listed, for an email or a note to whoever keeps the files. */
static void
copy_problems_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  CandourImportDialog *self = CANDOUR_IMPORT_DIALOG (widget);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), gtk_label_get_label (self->problems_label));
  gtk_button_set_label (GTK_BUTTON (self->copy_problems_button), _("Copied"));
}

static void
on_problems_file_chosen (GtkWidget  *owner,
                         const char *path,
                         int         format)
{
  CandourImportDialog *self = CANDOUR_IMPORT_DIALOG (owner);
  g_autofree char *text = g_strconcat (gtk_label_get_label (self->problems_label), "\n", NULL);
  g_autoptr(CandourOutputFile) file = NULL;
  g_autoptr(GError) error = NULL;

  file = candour_output_file_new (NULL, path, &error);
  if (file == NULL ||
      !g_output_stream_write_all (candour_output_file_get_stream (file), text, strlen (text), NULL, NULL, &error) ||
      !candour_output_file_commit (file, &error))
    candour_export_feedback_failed (owner, error);
  else
    candour_export_feedback_saved (owner, path);
}

/* The same list as a text file, for the person who keeps the spreadsheets. */
static void
save_problems_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  candour_export_chooser_show (widget, _("Save the Problems"), _("Import problems.txt"), 0, on_problems_file_chosen);
}

static void
candour_import_dialog_class_init (CandourImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = candour_import_dialog_constructed;
  object_class->dispose = candour_import_dialog_dispose;
  object_class->finalize = candour_import_dialog_finalize;
  object_class->get_property = candour_import_dialog_get_property;
  object_class->set_property = candour_import_dialog_set_property;
  window_class->close_request = candour_import_dialog_close_request;

  properties[PROP_WINDOW] =
    g_param_spec_object ("window", NULL, "The main window it imports for", CANDOUR_TYPE_WINDOW,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS);
  properties[PROP_STATE] =
    g_param_spec_string ("state", NULL, "The page shown", "choose",
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, "Whether a check or an import runs", FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/candour/Candour/ui/candour-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CandourImportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, CandourImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, CandourImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, CandourImportDialog, check_progress);
  gtk_widget_class_bind_template_child (widget_class, CandourImportDialog, import_progress);
  gtk_widget_class_bind_template_child (widget_class, CandourImportDialog, importing_page);
  gtk_widget_class_bind_template_child (widget_class, CandourImportDialog, preview_group);
  gtk_widget_class_bind_template_child (widget_class, CandourImportDialog, preview_list);
  gtk_widget_class_bind_template_child (widget_class, CandourImportDialog, problems_heading);
  gtk_widget_class_bind_template_child (widget_class, CandourImportDialog, problems_body);
  gtk_widget_class_bind_template_child (widget_class, CandourImportDialog, problems_card);
  gtk_widget_class_bind_template_child (widget_class, CandourImportDialog, problems_label);
  gtk_widget_class_bind_template_child (widget_class, CandourImportDialog, copy_problems_button);
  gtk_widget_class_bind_template_child (widget_class, CandourImportDialog, source_label);
  gtk_widget_class_bind_template_child (widget_class, CandourImportDialog, problem_buttons);
  gtk_widget_class_bind_template_child (widget_class, CandourImportDialog, check_again_button);
  gtk_widget_class_bind_template_child (widget_class, CandourImportDialog, warnings_group);
  gtk_widget_class_bind_template_child (widget_class, CandourImportDialog, warnings_label);

  gtk_widget_class_install_action (widget_class, "import.choose-files", NULL, choose_files_action);
  gtk_widget_class_install_action (widget_class, "import.choose-folder", NULL, choose_folder_action);
  gtk_widget_class_install_action (widget_class, "import.check-again", NULL, check_again_action);
  gtk_widget_class_install_action (widget_class, "import.copy-problems", NULL, copy_problems_action);
  gtk_widget_class_install_action (widget_class, "import.save-problems", NULL, save_problems_action);
  candour_export_feedback_install_actions (widget_class);
  gtk_widget_class_install_action (widget_class, "import.import", NULL, import_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "import.choose-files", NULL);
}

static void
candour_import_dialog_init (CandourImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->preview_rows = g_ptr_array_new ();
  actions_update (self);
}

CandourImportDialog *
candour_import_dialog_new (CandourWindow *window)
{
  g_return_val_if_fail (CANDOUR_IS_WINDOW (window), NULL);

  return g_object_new (CANDOUR_TYPE_IMPORT_DIALOG, "window", window, NULL);
}

const char *
candour_import_dialog_get_state (CandourImportDialog *self)
{
  g_return_val_if_fail (CANDOUR_IS_IMPORT_DIALOG (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

gboolean
candour_import_dialog_get_busy (CandourImportDialog *self)
{
  g_return_val_if_fail (CANDOUR_IS_IMPORT_DIALOG (self), FALSE);

  return is_busy (self);
}

const char *
candour_import_dialog_get_heading (CandourImportDialog *self)
{
  const char *state;

  g_return_val_if_fail (CANDOUR_IS_IMPORT_DIALOG (self), NULL);

  state = candour_import_dialog_get_state (self);
  if (g_strcmp0 (state, "preview") == 0)
    return adw_preferences_group_get_title (self->preview_group);
  if (g_strcmp0 (state, "problems") == 0)
    return gtk_label_get_label (self->problems_heading);
  return "";
}

const char *
candour_import_dialog_get_summary (CandourImportDialog *self)
{
  const char *state;

  g_return_val_if_fail (CANDOUR_IS_IMPORT_DIALOG (self), NULL);

  state = candour_import_dialog_get_state (self);
  if (g_strcmp0 (state, "preview") == 0)
    return adw_preferences_group_get_description (self->preview_group);
  if (g_strcmp0 (state, "problems") == 0)
    return gtk_label_get_label (self->problems_body);
  return "";
}

const char *
candour_import_dialog_get_problems (CandourImportDialog *self)
{
  g_return_val_if_fail (CANDOUR_IS_IMPORT_DIALOG (self), NULL);

  if (g_strcmp0 (candour_import_dialog_get_state (self), "problems") != 0 ||
      !gtk_widget_get_visible (self->problems_card))
    return "";
  return gtk_label_get_label (self->problems_label);
}

const char *
candour_import_dialog_get_warnings (CandourImportDialog *self)
{
  g_return_val_if_fail (CANDOUR_IS_IMPORT_DIALOG (self), NULL);

  if (g_strcmp0 (candour_import_dialog_get_state (self), "preview") != 0 ||
      !gtk_widget_get_visible (self->warnings_group))
    return "";
  return gtk_label_get_label (self->warnings_label);
}

char *
candour_import_dialog_dup_preview (CandourImportDialog *self)
{
  GString *text;

  g_return_val_if_fail (CANDOUR_IS_IMPORT_DIALOG (self), NULL);

  text = g_string_new (NULL);
  for (guint i = 0; i < self->preview_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->preview_rows, i);
      GtkLabel *count = g_object_get_data (G_OBJECT (row), "count-label");

      g_string_append_printf (text, "%s%s · %s · %s", i > 0 ? "\n" : "",
                              adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                              adw_action_row_get_subtitle (ADW_ACTION_ROW (row)),
                              gtk_label_get_label (count));
    }
  return g_string_free (text, FALSE);
}

GtkWidget *
candour_import_dialog_get_import_button (CandourImportDialog *self)
{
  g_return_val_if_fail (CANDOUR_IS_IMPORT_DIALOG (self), NULL);

  return self->import_button;
}
