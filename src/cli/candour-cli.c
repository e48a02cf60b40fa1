/* candour-cli.c: Candour from the command line
 *
 * A thin front end: every command is a call into the core and a choice of how to print.
 * Exit status: 0 done, 1 the work failed (bad data, a busy database...), 2 usage.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <unistd.h>

#include <gio/gunixoutputstream.h>
#include <glib-unix.h>
#include <glib/gstdio.h>

#include "candour-cli.h"
#include "candour-cli-table.h"
#include "candour-backup.h"
#include "candour-copy.h"
#include "candour-database.h"
#include "candour-date.h"
#include "candour-demo.h"
#include "candour-error.h"
#include "candour-export.h"
#include "candour-finding.h"
#include "candour-findings-pdf.h"
#include "candour-generate.h"
#include "candour-output.h"
#include "candour-history.h"
#include "candour-import.h"
#include "candour-integrity.h"
#include "candour-money.h"
#include "candour-percent.h"
#include "candour-people.h"
#include "candour-period.h"
#include "candour-reporting-period.h"
#include "candour-report-kind.h"
#include "candour-reports.h"
#include "candour-xlsx-writer.h"

#define EXIT_USAGE 2

typedef struct
{
  const char *name;
  const char *arguments;
  const char *summary;
  int (*run) (const char *db_path, int argc, char **argv);
  gboolean no_database;         /* works without one: --db is not needed */
} Command;

static const Command *find_command (const char *name);

/* Messages */

static void
fail (const char *command,
      const char *message)
{
  g_printerr ("candour-cli%s%s: %s\n", command ? " " : "", command ? command : "", message);
}

static void print_known_backups (const char      *db_path,
                                 CandourDatabase *db);

/* A failure from the core: for a damaged file, also what can be done about it. */
static void
fail_error (const char   *command,
            const GError *error,
            const char   *db_path)
{
  fail (command, error->message);
  if (g_error_matches (error, CANDOUR_DATABASE_ERROR, CANDOUR_DATABASE_ERROR_CORRUPT))
    print_known_backups (db_path, NULL);
}

static int
usage_error (const char *command,
             const char *message)
{
  g_autofree char *line = g_strdup_printf ("%s (see candour-cli %s%s--help)", message,
                                           command ? command : "", command ? " " : "");
  fail (command, line);
  return EXIT_USAGE;
}

/* What to do about a damaged file: the copies Candour knows of, and how to go back. */
static void
print_known_backups (const char      *db_path,
                     CandourDatabase *db)
{
  g_autoptr(GPtrArray) known = candour_backup_list_known (db_path, db);

  if (known->len == 0)
    {
      g_printerr ("candour-cli: Candour knows of no backup of %s. If you have a copy from "
                  "elsewhere, put it back with: candour-cli --db %s restore COPY\n", db_path, db_path);
      return;
    }

  g_printerr ("candour-cli: the backups of %s that Candour knows of, newest first:\n", db_path);
  for (guint i = 0; i < known->len; i++)
    {
      CandourKnownBackup *backup = known->pdata[i];
      g_autofree char *when = backup->made_at != NULL ? g_strndup (backup->made_at, 10) : NULL;
      g_autofree char *shown = when != NULL ? candour_date_format_display (when) : g_strdup ("date unknown");

      g_printerr ("  %s  (%s)\n", backup->path, shown);
    }
  g_printerr ("candour-cli: to go back to the newest (the damaged file is kept aside, and changes "
              "made since that backup will need entering again):\n"
              "  candour-cli --db %s restore %s\n",
              db_path, ((CandourKnownBackup *)known->pdata[0])->path);
}

/* Parses a command's options; on a usage error prints it and returns FALSE. */
static gboolean
parse_options (const char    *command,
               GOptionEntry  *entries,
               int           *argc,
               char        ***argv,
               const char    *parameter_string,
               const char    *summary)
{
  g_autoptr(GOptionContext) context = g_option_context_new (parameter_string);
  g_autoptr(GError) error = NULL;
  g_autofree char *program = g_strdup_printf ("candour-cli %s", command);

  g_set_prgname (program);
  g_option_context_set_summary (context, summary);
  g_option_context_add_main_entries (context, entries, NULL);

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      usage_error (command, error->message);
      return FALSE;
    }

  return TRUE;
}

/* Read commands open what is there; only import and demo make a new database, so a
 * mistyped name is said to be wrong instead of reported as a database with nothing
 * in it. */
static CandourDatabase *
open_database (const char       *db_path,
               CandourOpenFlags  flags)
{
  g_autoptr(GError) error = NULL;
  CandourDatabase *db = candour_database_open_full (db_path, flags, &error);

  if (db == NULL)
    {
      fail (NULL, error->message);
      if (g_error_matches (error, CANDOUR_DATABASE_ERROR, CANDOUR_DATABASE_ERROR_NOT_FOUND))
        g_printerr ("candour-cli: to start a database there, import CSV files into it: "
                    "candour-cli --db %s import FOLDER\n", db_path);
      else if (g_error_matches (error, CANDOUR_DATABASE_ERROR, CANDOUR_DATABASE_ERROR_CORRUPT))
        print_known_backups (db_path, NULL);
      return NULL;
    }

  if (candour_database_get_upgrade_backup (db) != NULL)
    g_printerr ("candour-cli: upgraded %s to this version of Candour; the file as it was is "
                "kept at %s\n", db_path, candour_database_get_upgrade_backup (db));
  if (candour_database_get_read_only_reason (db) != NULL)
    g_printerr ("candour-cli: %s\n", candour_database_get_read_only_reason (db));
  if (candour_database_is_on_network (db))
    g_printerr ("candour-cli: %s is on a network drive. Candour works there, but two people saving "
                "at once is safer with the file on a local disk.\n", db_path);
  return db;
}

/* Reports */

typedef struct
{
  char *output;
  char *format;
} OutputOptions;

#define OUTPUT_ENTRY(options) \
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, &(options).output, "Write to FILE instead of the terminal", "FILE" }

#define OUTPUT_ENTRIES(options) \
  OUTPUT_ENTRY (options), \
  { "format", 0, 0, G_OPTION_ARG_STRING, &(options).format, "csv (the default), table (aligned for reading) or xlsx (a spreadsheet, written to --output FILE; the default for a FILE ending .xlsx)", "FORMAT" }

/* The reports the application prints: also as a PDF. */
#define PAPER_OUTPUT_ENTRIES(options) \
  OUTPUT_ENTRY (options), \
  { "format", 0, 0, G_OPTION_ARG_STRING, &(options).format, "csv (the default), table (aligned for reading), xlsx (a spreadsheet) or pdf (the report as the application prints it); xlsx and pdf are written to --output FILE, and are the default for a FILE ending .xlsx or .pdf", "FORMAT" }

static void
output_options_clear (OutputOptions *options)
{
  g_clear_pointer (&options->output, g_free);
  g_clear_pointer (&options->format, g_free);
}

/* A FILE.xlsx is a spreadsheet, and a FILE.pdf a PDF, unless --format says otherwise:
 * CSV in a file named so is one that Excel or a PDF viewer refuses to open. */
static gboolean
has_extension (const char *path,
               const char *extension)
{
  g_autofree char *lower = path != NULL ? g_ascii_strdown (path, -1) : NULL;

  return lower != NULL && g_str_has_suffix (lower, extension);
}

/* pdf: whether the command writes PDFs. */
static gboolean
check_output_options (const char    *command,
                      OutputOptions *options,
                      gboolean       pdf)
{
  const char *format;

  if (options->format == NULL && has_extension (options->output, ".xlsx"))
    options->format = g_strdup ("xlsx");
  if (options->format == NULL && has_extension (options->output, ".pdf"))
    {
      if (!pdf)
        {
          g_autofree char *message = g_strdup_printf ("%s names a PDF, but %s writes csv, table or xlsx; "
                                                      "name a .csv or .xlsx file", options->output, command);
          usage_error (command, message);
          return FALSE;
        }
      options->format = g_strdup ("pdf");
    }

  format = options->format != NULL ? options->format : "csv";
  if (!g_str_equal (format, "csv") && !g_str_equal (format, "table") && !g_str_equal (format, "xlsx") &&
      !(pdf && g_str_equal (format, "pdf")))
    {
      g_autofree char *message = g_strdup_printf ("--format is '%s'; use %s", format,
                                                  pdf ? "csv, table, xlsx or pdf" : "csv, table or xlsx");
      usage_error (command, message);
      return FALSE;
    }
  if (g_str_equal (format, "xlsx") && options->output == NULL)
    {
      usage_error (command, "--format xlsx writes a spreadsheet, which a terminal cannot show; "
                   "name the file with --output FILE.xlsx");
      return FALSE;
    }
  if (g_str_equal (format, "pdf") && options->output == NULL)
    {
      usage_error (command, "--format pdf writes a PDF, which a terminal cannot show; "
                   "name the file with --output FILE.pdf");
      return FALSE;
    }
  return TRUE;
}

static gboolean
wants_pdf (const OutputOptions *options)
{
  return g_strcmp0 (options->format, "pdf") == 0;
}

/* title names the report in a spreadsheet's properties ("Lead Provider Scorecard as of
 * 30/06/2025"); its sheet is named after the command. */
static int
write_report (const char    *command,
              const char    *title,
              CandourReport *report,
              OutputOptions *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CandourOutputFile) output = NULL;
  g_autoptr(GOutputStream) terminal = NULL;
  GOutputStream *stream;
  gboolean table = g_strcmp0 (options->format, "table") == 0;
  gboolean ok;

  if (g_strcmp0 (options->format, "xlsx") == 0)
    {
      const char *sheet = g_str_equal (command, "reconcile") ? "findings" : command;

      if (!candour_xlsx_write_report (report, options->output, title, NULL, sheet, NULL, &error))
        {
          fail_error (command, error, candour_database_get_path (candour_report_get_database (report)));
          return EXIT_FAILURE;
        }
      return EXIT_SUCCESS;
    }

  if (options->output != NULL)
    {
      output = candour_output_file_new (candour_report_get_database (report), options->output, &error);
      stream = output != NULL ? candour_output_file_get_stream (output) : NULL;
    }
  else
    stream = terminal = g_unix_output_stream_new (STDOUT_FILENO, FALSE);

  ok = stream != NULL &&
       (table ? candour_cli_write_table (report, stream, &error)
              : candour_report_write_csv (report, stream, &error)) &&
       (output != NULL ? candour_output_file_commit (output, &error)
                       : g_output_stream_flush (stream, NULL, &error));

  if (!ok)
    {
      fail_error (command, error, candour_database_get_path (candour_report_get_database (report)));
      return EXIT_FAILURE;
    }
  return EXIT_SUCCESS;
}

/* A PDF of thousands of pages takes a while: it is drawn on a thread while the main
 * loop listens for Ctrl-C, which stops it and leaves no file behind. */
typedef struct
{
  CandourPdfReport *pdf;
  CandourDatabase *db;
  const char *path;
  GCancellable *cancellable;
  GMainLoop *loop;
  GError *error;
  gboolean ok;
} PdfJob;

static gboolean quit_loop    (gpointer user_data);
static gboolean on_interrupt (gpointer user_data);

static gpointer
write_pdf_in_thread (gpointer user_data)
{
  PdfJob *job = user_data;

  job->ok = candour_pdf_report_write (job->pdf, job->db, job->path, job->cancellable, &job->error);
  g_idle_add (quit_loop, job->loop);
  return NULL;
}

/* Writes pdf (taken) to path, whole or not at all. */
static int
write_pdf (const char       *command,
           CandourPdfReport *pdf,
           CandourDatabase  *db,
           const char       *path)
{
  g_autoptr(CandourPdfReport) report = pdf;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  PdfJob job = { report, db, path, cancellable, loop, NULL, FALSE };
  guint interrupt = g_unix_signal_add (SIGINT, on_interrupt, cancellable);
  guint terminate = g_unix_signal_add (SIGTERM, on_interrupt, cancellable);
  GThread *thread = g_thread_new ("pdf", write_pdf_in_thread, &job);

  g_main_loop_run (loop);
  g_thread_join (thread);
  g_source_remove (interrupt);
  g_source_remove (terminate);

  if (job.ok)
    return EXIT_SUCCESS;
  if (g_error_matches (job.error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_autofree char *message = g_strdup_printf ("stopped; nothing was written to %s", path);
      fail (command, message);
    }
  else
    fail_error (command, job.error, candour_database_get_path (db));
  g_clear_error (&job.error);
  return EXIT_FAILURE;
}

/* report as the application's Reports page prints it: its chart, headline figures and
 * table, under dateline. */
static int
write_report_pdf (const char        *command,
                  CandourReportKind  kind,
                  CandourReport     *report,
                  const char        *dateline,
                  const char        *path)
{
  CandourDatabase *db = candour_report_get_database (report);
  const CandourReportColumn *columns = candour_report_get_column (report, 0);
  guint n_columns = candour_report_get_n_columns (report);
  g_autoptr(GListModel) rows = NULL;
  g_autoptr(GHashTable) lead_names = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *caption = NULL;
  g_autofree char *subtitle = NULL;
  CandourBarChartData *chart;

  rows = candour_report_row_list_load (report, &error);
  if (rows != NULL && kind == CANDOUR_REPORT_KIND_SHARES)
    {
      lead_names = candour_report_lead_names (db, &error);
      if (error != NULL)
        g_clear_object (&rows);
    }
  if (rows == NULL)
    {
      fail_error (command, error, candour_database_get_path (db));
      return EXIT_FAILURE;
    }

  chart = candour_report_kind_chart (kind, rows, lead_names, &caption);
  subtitle = candour_database_dup_title (db);
  return write_pdf (command, candour_report_kind_pdf (kind, columns, n_columns, rows, lead_names, chart, caption,
                                                      subtitle, dateline),
                    db, path);
}

/* The findings as the application's Findings page prints them at first: most serious
 * first, with what each finding means. */
static int
write_findings_pdf (CandourDatabase               *db,
                    const CandourReconcileOptions *options,
                    const char                    *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) findings = candour_finding_array_load (db, options, NULL, NULL, &error);
  g_autoptr(GListStore) store = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *dateline = NULL;
  g_autofree char *description = NULL;

  if (findings == NULL)
    {
      fail_error ("reconcile", error, candour_database_get_path (db));
      return EXIT_FAILURE;
    }

  candour_findings_sort_by_rank (findings);
  store = g_list_store_new (CANDOUR_TYPE_FINDING);
  g_list_store_splice (store, 0, 0, findings->pdata, findings->len);
  subtitle = candour_database_dup_title (db);
  dateline = candour_report_judged_line (options);
  description = candour_findings_description (options->include_not_awarded
                                                ? "also the partners of bids that were lost, withdrawn or are pending"
                                                : NULL);
  return write_pdf ("reconcile", candour_findings_pdf_new (G_LIST_MODEL (store), "Findings", subtitle, dateline,
                                                           description),
                    db, path);
}

static gboolean
parse_date_option (const char  *command,
                   const char  *option,
                   char       **value)
{
  g_autoptr(GError) error = NULL;
  char *iso = NULL;

  if (*value == NULL)
    return TRUE;

  if (!candour_date_parse (*value, &iso, &error))
    {
      g_autofree char *message = g_strdup_printf ("%s %s", option, error->message);
      usage_error (command, message);
      return FALSE;
    }

  g_free (*value);
  *value = iso;
  return TRUE;
}

static gboolean
parse_engine_options (const char              *command,
                      CandourReconcileOptions *options,
                      int                      grace_days,
                      const char              *tolerance)
{
  g_autoptr(GError) error = NULL;

  if (!parse_date_option (command, "--as-of", &options->as_of))
    return FALSE;

  if (grace_days < 0)
    {
      usage_error (command, "--grace-days must be zero or more");
      return FALSE;
    }
  options->grace_days = grace_days;

  if (tolerance != NULL && !candour_percent_parse (tolerance, &options->tolerance, &error))
    {
      g_autofree char *message = g_strdup_printf ("--tolerance %s", error->message);
      usage_error (command, message);
      return FALSE;
    }

  return TRUE;
}

static int
run_engine_report (const char *command,
                   const char *db_path,
                   int         argc,
                   char      **argv)
{
  gboolean findings = g_str_equal (command, "reconcile");
  CandourReconcileOptions options;
  OutputOptions output = { 0 };
  g_autofree char *tolerance = NULL;
  int grace_days = CANDOUR_DEFAULT_GRACE_DAYS;
  g_autoptr(CandourDatabase) db = NULL;
  g_autoptr(CandourReport) report = NULL;
  g_autoptr(GError) error = NULL;
  int status = EXIT_USAGE;

  candour_reconcile_options_init (&options);
  {
    GOptionEntry entries[] = {
      { "as-of", 0, 0, G_OPTION_ARG_STRING, &options.as_of, "Judge as of DATE (default today)", "DATE" },
      { "grace-days", 0, 0, G_OPTION_ARG_INT, &grace_days, "Days after the contract starts before a partner with no subcontract is bid candy (default 90)", "N" },
      { "tolerance", 0, 0, G_OPTION_ARG_STRING, &tolerance, "How far paid may fall below due before it counts as underpaid (default 10)", "PCT" },
      PAPER_OUTPUT_ENTRIES (output),
      { "all", 0, 0, G_OPTION_ARG_NONE, &options.include_not_awarded, "Also list partners of bids that were lost, withdrawn or are pending", NULL },
      { NULL }
    };

    /* The scorecard is over won bids only: end its options before --all. */
    if (!findings)
      entries[G_N_ELEMENTS (entries) - 2] = (GOptionEntry) { NULL };

    if (!parse_options (command, entries, &argc, &argv, "",
                        findings ? "Per partner named in a won bid: what was promised, subcontracted, due and paid, and the verdict."
                                 : "Per lead provider of a won bid: how its named partners fared."))
      goto out;
  }

  if (argc > 1)
    {
      usage_error (command, "takes no arguments");
      goto out;
    }

  if (!parse_engine_options (command, &options, grace_days, tolerance) ||
      !check_output_options (command, &output, TRUE))
    goto out;

  status = EXIT_FAILURE;
  if ((db = open_database (db_path, CANDOUR_OPEN_EXISTING)) == NULL)
    goto out;

  if (findings && wants_pdf (&output))
    {
      status = write_findings_pdf (db, &options, output.output);
      goto out;
    }

  report = findings ? candour_report_findings (db, &options, &error)
                    : candour_report_scorecard (db, &options, &error);
  if (report == NULL)
    fail_error (command, error, db_path);
  else if (wants_pdf (&output))
    {
      g_autofree char *dateline = candour_report_judged_line (&options);

      status = write_report_pdf (command, CANDOUR_REPORT_KIND_SCORECARD, report, dateline, output.output);
    }
  else
    {
      g_autofree char *today = options.as_of == NULL ? candour_date_today () : NULL;
      g_autofree char *as_of = candour_date_format_display (options.as_of != NULL ? options.as_of : today);
      g_autofree char *title = g_strdup_printf ("%s as of %s", findings ? "Findings" : "Lead Provider Scorecard",
                                                as_of);

      status = write_report (command, title, report, &output);
    }

out:
  candour_reconcile_options_clear (&options);
  output_options_clear (&output);
  return status;
}

static int
command_reconcile (const char *db_path,
                   int         argc,
                   char      **argv)
{
  return run_engine_report ("reconcile", db_path, argc, argv);
}

static int
command_scorecard (const char *db_path,
                   int         argc,
                   char      **argv)
{
  return run_engine_report ("scorecard", db_path, argc, argv);
}

typedef CandourReport *(*WholeReportFunc) (CandourDatabase *db, GError **error);

/* A report that takes no options but where to write it (shares, periods). kind names
 * one the application prints, which is written as a PDF too; CANDOUR_N_REPORT_KINDS
 * for the others. */
static int
run_whole_report (const char        *command,
                  const char        *title,
                  const char        *summary,
                  WholeReportFunc    make_report,
                  CandourReportKind  kind,
                  const char        *db_path,
                  int                argc,
                  char             **argv)
{
  OutputOptions output = { 0 };
  GOptionEntry entries[] = { OUTPUT_ENTRIES (output), { NULL } };
  GOptionEntry paper_entries[] = { PAPER_OUTPUT_ENTRIES (output), { NULL } };
  gboolean printed = kind < CANDOUR_N_REPORT_KINDS;
  g_autoptr(CandourDatabase) db = NULL;
  g_autoptr(CandourReport) report = NULL;
  g_autoptr(GError) error = NULL;
  int status = EXIT_USAGE;

  if (!parse_options (command, printed ? paper_entries : entries, &argc, &argv, "", summary) ||
      !check_output_options (command, &output, printed))
    goto out;
  if (argc > 1)
    {
      usage_error (command, "takes no arguments");
      goto out;
    }

  status = EXIT_FAILURE;
  if ((db = open_database (db_path, CANDOUR_OPEN_EXISTING)) == NULL)
    goto out;

  if ((report = make_report (db, &error)) == NULL)
    fail_error (command, error, db_path);
  else if (wants_pdf (&output))
    {
      g_autofree char *dateline = candour_report_made_on_line ();

      status = write_report_pdf (command, kind, report, dateline, output.output);
    }
  else
    status = write_report (command, title, report, &output);

out:
  output_options_clear (&output);
  return status;
}

static int
command_shares (const char *db_path,
                int         argc,
                char      **argv)
{
  return run_whole_report ("shares", "Contract Shares", "Per contract: what the lead provider kept, and the share that went to "
                           "smaller organisations.", candour_report_shares, CANDOUR_REPORT_KIND_SHARES,
                           db_path, argc, argv);
}

static int
command_payment_times (const char *db_path,
                       int         argc,
                       char      **argv)
{
  CandourPaymentTimesOptions options = { 0 };
  CandourReportingPeriod period;
  OutputOptions output = { 0 };
  g_autofree char *period_text = NULL;
  int year_starts = 4;
  GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_STRING, &options.from, "Only payments made on or after DATE", "DATE" },
    { "to", 0, 0, G_OPTION_ARG_STRING, &options.to, "Only payments made on or before DATE", "DATE" },
    { "period", 0, 0, G_OPTION_ARG_STRING, &period_text,
      "Only payments made in a financial year or quarter: 2025-26, 2025-26-Q1", "YEAR" },
    { "year-starts", 0, 0, G_OPTION_ARG_INT, &year_starts,
      "The month (1 to 12) a financial year starts in, for --period (default 4, April)", "MONTH" },
    PAPER_OUTPUT_ENTRIES (output),
    { NULL }
  };
  g_autoptr(CandourDatabase) db = NULL;
  g_autoptr(CandourReport) report = NULL;
  g_autoptr(GError) error = NULL;
  int status = EXIT_USAGE;

  if (!parse_options ("payment-times", entries, &argc, &argv, "",
                      "Per payer: how many days invoices took to be paid (Procurement Act 2023 s69 bands).") ||
      !check_output_options ("payment-times", &output, TRUE) ||
      !parse_date_option ("payment-times", "--from", &options.from) ||
      !parse_date_option ("payment-times", "--to", &options.to))
    goto out;
  if (year_starts < 1 || year_starts > 12)
    {
      g_autofree char *message = g_strdup_printf ("--year-starts %d is not a month; give 1 (January) to 12 "
                                                  "(December)", year_starts);
      usage_error ("payment-times", message);
      goto out;
    }
  if (period_text != NULL && (options.from != NULL || options.to != NULL))
    {
      usage_error ("payment-times", "give --period, or --from and --to, not both");
      goto out;
    }
  if (period_text != NULL)
    {
      if (!candour_reporting_period_parse (&period, period_text, year_starts, &error))
        {
          g_autofree char *message = g_strdup_printf ("--period %s", error->message);

          usage_error ("payment-times", message);
          goto out;
        }
      options.from = g_strdup (candour_reporting_period_get_first (&period));
      options.to = g_strdup (candour_reporting_period_get_last (&period));
    }
  else if (!candour_reporting_period_dates (&period, options.from, options.to, &error))
    {
      g_autofree char *from = candour_date_format_display (options.from);
      g_autofree char *to = candour_date_format_display (options.to);
      g_autofree char *message = g_strdup_printf ("--from (%s) is after --to (%s); no payment could "
                                                  "be in between", from, to);
      usage_error ("payment-times", message);
      goto out;
    }
  if (argc > 1)
    {
      usage_error ("payment-times", "takes no arguments");
      goto out;
    }

  status = EXIT_FAILURE;
  if ((db = open_database (db_path, CANDOUR_OPEN_EXISTING)) == NULL)
    goto out;

  if ((report = candour_report_payment_times (db, &options, &error)) == NULL)
    fail_error ("payment-times", error, db_path);
  else if (wants_pdf (&output))
    {
      g_autofree char *dateline = candour_report_kind_dateline (CANDOUR_REPORT_KIND_PAYMENT_TIMES, NULL, &period);

      status = write_report_pdf ("payment-times", CANDOUR_REPORT_KIND_PAYMENT_TIMES, report, dateline,
                                 output.output);
    }
  else
    status = write_report ("payment-times", "Payment Times", report, &output);

out:
  g_free (options.from);
  g_free (options.to);
  output_options_clear (&output);
  return status;
}

/* Data in and out */

/* What the rows of each table are, for "Imported 3 bids, 1 payment." */
static const char * const row_noun[CANDOUR_N_TABLES] = {
  "organisation", "consortium", "consortium member", "bid", "named partner",
  "contract", "subcontract", "payment",
};
static const char * const rows_noun[CANDOUR_N_TABLES] = {
  "organisations", "consortia", "consortium members", "bids", "named partners",
  "contracts", "subcontracts", "payments",
};

static void
print_import_counts (CandourImport *import)
{
  g_autoptr(GString) counts = g_string_new ("Imported");

  for (guint t = 0, n = 0; t < CANDOUR_N_TABLES; t++)
    {
      guint count = candour_import_get_count (import, t);

      if (count > 0)
        {
          g_autofree char *number = candour_count_format (count);

          g_string_append_printf (counts, "%s %s %s", n++ > 0 ? "," : "", number,
                                  count == 1 ? row_noun[t] : rows_noun[t]);
        }
    }
  if (counts->len == strlen ("Imported"))
    g_string_append (counts, " no rows: the files hold only their headers");
  g_print ("%s.\n", counts->str);
}

/* Plausible but odd rows, imported all the same: after the counts, so that the counts
 * say what happened and these say what to look at. */
static void
print_import_warnings (CandourImport *import)
{
  GPtrArray *warnings = candour_import_get_warnings (import);
  guint n_warnings = candour_import_get_n_warnings (import);

  if (n_warnings == 0)
    return;
  for (guint i = 0; i < warnings->len; i++)
    g_printerr ("%s\n", (const char *)g_ptr_array_index (warnings, i));
  if (n_warnings > warnings->len)
    g_printerr ("… and %u more like them.\n", n_warnings - warnings->len);
  g_printerr ("candour-cli import: %u thing%s to check above; the rows were imported all the same.\n",
              n_warnings, n_warnings == 1 ? "" : "s");
}

static int
import_paths (CandourDatabase  *db,
              int               argc,
              char            **argv)
{
  g_autoptr(CandourImport) import = candour_import_new (db);
  g_autoptr(GError) error = NULL;

  for (int i = 1; i < argc; i++)
    if (!candour_import_add_path (import, argv[i], &error))
      {
        fail_error ("import", error, candour_database_get_path (db));
        return EXIT_FAILURE;
      }

  if (!candour_import_run (import, NULL, &error))
    {
      GPtrArray *problems = candour_import_get_problems (import);

      for (guint i = 0; i < problems->len; i++)
        g_printerr ("%s\n", (const char *)g_ptr_array_index (problems, i));
      fail_error ("import", error, candour_database_get_path (db));
      return EXIT_FAILURE;
    }

  print_import_counts (import);
  print_import_warnings (import);

  /* The import is on the disk already; folding it into the file now is where a
   * problem with the disk would otherwise go unheard, at exit. */
  if (!candour_database_checkpoint (db, &error))
    {
      fail_error ("import", error, candour_database_get_path (db));
      g_printerr ("candour-cli import: the import itself is saved (in %s-wal beside the database); "
                  "do not import these files again.\n", candour_database_get_path (db));
      return EXIT_FAILURE;
    }
  return EXIT_SUCCESS;
}

static int
command_import (const char *db_path,
                int         argc,
                char      **argv)
{
  GOptionEntry entries[] = { { NULL } };
  g_autoptr(CandourDatabase) db = NULL;
  int status;

  if (!parse_options ("import", entries, &argc, &argv, "PATH…",
                      "Imports CSV files, or folders of them, in one go: if any row has a problem, nothing is imported.\n"
                      "Each file is named after its table: organisations.csv, consortia.csv, consortium_members.csv,\n"
                      "bids.csv, bid_partners.csv, contracts.csv, subcontracts.csv, payments.csv."))
    return EXIT_USAGE;
  if (argc < 2)
    return usage_error ("import", "name at least one CSV file or folder");

  if ((db = open_database (db_path, CANDOUR_OPEN_CREATE)) == NULL)
    return EXIT_FAILURE;

  status = import_paths (db, argc, argv);

  /* A database made for an import that failed holds nothing: it must not be left
   * behind looking like one. */
  if (status != EXIT_SUCCESS && candour_database_was_created (db))
    {
      g_clear_object (&db);
      candour_database_remove_files (db_path);
    }
  return status;
}

static int
command_export (const char *db_path,
                int         argc,
                char      **argv)
{
  g_autofree char *output = NULL;
  g_autofree char *format = NULL;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "The CSV file to write (a folder for all), or the spreadsheet", "PATH" },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, "csv (the default) or xlsx: one spreadsheet, a sheet for each table "
      "(the default for a PATH ending .xlsx)", "FORMAT" },
    { NULL }
  };
  g_autoptr(CandourDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  CandourTable table = 0;
  gboolean all;
  gboolean xlsx;
  gboolean ok;

  if (!parse_options ("export", entries, &argc, &argv, "TABLE|all",
                      "Writes a table, or all of them into a folder, in the import format; or as a spreadsheet."))
    return EXIT_USAGE;
  if (argc != 2)
    return usage_error ("export", "name one table (organisations, consortia, consortium_members, bids, "
                        "bid_partners, contracts, subcontracts, payments) or all");
  if (format != NULL && !g_str_equal (format, "csv") && !g_str_equal (format, "xlsx"))
    {
      g_autofree char *message = g_strdup_printf ("--format is '%s'; use csv or xlsx", format);
      return usage_error ("export", message);
    }
  xlsx = format != NULL ? g_str_equal (format, "xlsx") : has_extension (output, ".xlsx");
  if (output == NULL)
    return usage_error ("export", xlsx ? "--output FILE.xlsx is required" : "--output PATH is required");

  all = g_str_equal (argv[1], "all");
  if (!all && !candour_table_from_name (argv[1], &table))
    {
      g_autofree char *message = g_strdup_printf ("'%s' is not a table; use organisations, consortia, "
                                                  "consortium_members, bids, bid_partners, contracts, "
                                                  "subcontracts, payments or all", argv[1]);
      return usage_error ("export", message);
    }

  if ((db = open_database (db_path, CANDOUR_OPEN_EXISTING)) == NULL)
    return EXIT_FAILURE;

  if (xlsx && all)
    ok = candour_export_all_xlsx (db, output, NULL, &error);
  else if (xlsx)
    {
      g_autoptr(CandourReport) report = candour_export_table (db, table, &error);

      ok = report != NULL && candour_xlsx_write_report (report, output, candour_table_get_name (table), NULL,
                                                        candour_table_get_name (table), NULL, &error);
    }
  else
    ok = all ? candour_export_all (db, output, &error)
             : candour_export_to_path (db, table, output, &error);
  if (!ok)
    {
      fail_error ("export", error, db_path);
      return EXIT_FAILURE;
    }
  return EXIT_SUCCESS;
}

static int
command_demo (const char *db_path,
              int         argc,
              char      **argv)
{
  g_autofree char *today = NULL;
  GOptionEntry entries[] = {
    { "today", 0, 0, G_OPTION_ARG_STRING, &today, "Date the demo as if today were DATE (for repeatable runs)", "DATE" },
    { NULL }
  };
  g_autoptr(CandourDatabase) db = NULL;
  g_autoptr(GError) error = NULL;

  if (!parse_options ("demo", entries, &argc, &argv, "",
                      "Fills an empty database with Harrowfield, a made-up area with 41 organisations,\n"
                      "3 consortia and 8 bids, showing every kind of finding."))
    return EXIT_USAGE;
  if (argc > 1)
    return usage_error ("demo", "takes no arguments");
  if (!parse_date_option ("demo", "--today", &today))
    return EXIT_USAGE;

  if ((db = open_database (db_path, CANDOUR_OPEN_CREATE)) == NULL)
    return EXIT_FAILURE;

  if (!candour_demo_load (db, today, &error))
    {
      fail_error ("demo", error, db_path);
      if (candour_database_was_created (db))
        {
          g_clear_object (&db);
          candour_database_remove_files (db_path);
        }
      return EXIT_FAILURE;
    }

  g_print ("Loaded the Harrowfield demo into %s.\n", db_path);
  return EXIT_SUCCESS;
}

/* candour_generate() runs on a thread while the main loop listens for Ctrl-C. */
typedef struct
{
  const char *folder;
  double scale;
  guint64 seed;
  guint counts[CANDOUR_N_TABLES];
  GCancellable *cancellable;
  GMainLoop *loop;
  GError *error;
  gboolean ok;
} GenerateJob;

static gboolean
quit_loop (gpointer user_data)
{
  g_main_loop_quit (user_data);
  return G_SOURCE_REMOVE;
}

static gpointer
generate_in_thread (gpointer user_data)
{
  GenerateJob *job = user_data;

  job->ok = candour_generate (job->folder, job->scale, job->seed, job->counts, job->cancellable, &job->error);
  g_idle_add (quit_loop, job->loop);
  return NULL;
}

/* Ctrl-C stops the work and removes what was written so far, not just the process. */
static gboolean
on_interrupt (gpointer user_data)
{
  g_cancellable_cancel (user_data);
  return G_SOURCE_CONTINUE;
}

static int
command_generate (const char *db_path,
                  int         argc,
                  char      **argv)
{
  g_autofree char *scale_text = NULL;
  g_autofree char *seed_text = NULL;
  g_autofree char *output = NULL;
  GOptionEntry entries[] = {
    { "scale", 0, 0, G_OPTION_ARG_STRING, &scale_text, "How big: 1 is a country of 50,000 organisations and 1,000,000 payments; more than 0, at most 10", "N" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "The new folder for the CSV files", "DIR" },
    { "seed", 0, 0, G_OPTION_ARG_STRING, &seed_text, "Another seed makes another country of the same size (default 1)", "S" },
    { NULL }
  };
  GenerateJob job = { .seed = 1 };
  g_autoptr(GString) summary = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  g_autoptr(GCancellable) cancellable = NULL;
  char scale_words[G_ASCII_DTOSTR_BUF_SIZE];
  GThread *thread;
  guint interrupt, terminate;
  char *end = NULL;

  if (!parse_options ("generate", entries, &argc, &argv, "",
                      "Writes a made-up but realistic country's voluntary sector as CSV files in the import format.\n"
                      "At scale 1: 50,000 organisations, 20,000 bids, 15,000 contracts and 1,000,000 payments\n"
                      "over the ten years to " CANDOUR_GENERATE_SNAPSHOT ". The same scale and seed always give the same files."))
    return EXIT_USAGE;
  if (argc > 1)
    return usage_error ("generate", "takes no arguments");
  if (scale_text == NULL)
    return usage_error ("generate", "--scale N is required");
  if (output == NULL)
    return usage_error ("generate", "--output DIR is required");

  job.scale = g_ascii_strtod (scale_text, &end);
  if (scale_text[0] == '\0' || *end != '\0' || !(job.scale > 0 && job.scale <= CANDOUR_GENERATE_MAX_SCALE))
    {
      g_autofree char *message = g_strdup_printf ("--scale '%s' must be a number more than 0 and at most 10",
                                                  scale_text);
      return usage_error ("generate", message);
    }
  if (seed_text != NULL && !g_ascii_string_to_unsigned (seed_text, 10, 0, G_MAXUINT64, &job.seed, NULL))
    {
      g_autofree char *message = g_strdup_printf ("--seed '%s' must be a whole number from 0 to %" G_GUINT64_FORMAT,
                                                  seed_text, G_MAXUINT64);
      return usage_error ("generate", message);
    }

  cancellable = g_cancellable_new ();
  loop = g_main_loop_new (NULL, FALSE);
  job.folder = output;
  job.cancellable = cancellable;
  job.loop = loop;
  interrupt = g_unix_signal_add (SIGINT, on_interrupt, cancellable);
  terminate = g_unix_signal_add (SIGTERM, on_interrupt, cancellable);
  thread = g_thread_new ("generate", generate_in_thread, &job);
  g_main_loop_run (loop);
  g_thread_join (thread);
  g_source_remove (interrupt);
  g_source_remove (terminate);

  if (!job.ok)
    {
      if (g_error_matches (job.error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_autofree char *message = g_strdup_printf ("stopped; nothing was written to %s", output);
          fail ("generate", message);
        }
      else
        fail ("generate", job.error->message);
      g_clear_error (&job.error);
      return EXIT_FAILURE;
    }

  /* 0.01, not 0,01, whatever the locale. */
  g_ascii_formatd (scale_words, sizeof scale_words, "%g", job.scale);
  summary = g_string_new (NULL);
  for (guint t = 0; t < CANDOUR_N_TABLES; t++)
    {
      g_autofree char *count = candour_count_format (job.counts[t]);

      g_string_append_printf (summary, "%s%s %s", t > 0 ? ", " : "", count,
                              job.counts[t] == 1 ? row_noun[t] : rows_noun[t]);
    }
  g_print ("Wrote scale %s (%s) to %s.\n", scale_words, summary->str, output);
  return EXIT_SUCCESS;
}

static int
command_check (const char *db_path,
               int         argc,
               char      **argv)
{
  gboolean repair = FALSE;
  GOptionEntry entries[] = {
    { "repair", 0, 0, G_OPTION_ARG_NONE, &repair, "Put back Candour's own triggers and indexes where they are missing or changed (no record is touched)", NULL },
    { NULL }
  };
  g_autoptr(CandourDatabase) db = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  CandourIntegrityFindings findings;

  if (!parse_options ("check", entries, &argc, &argv, "",
                      "Checks the database file, its schema and audit triggers, and the records' own rules."))
    return EXIT_USAGE;
  if (argc > 1)
    return usage_error ("check", "takes no arguments");

  if ((db = open_database (db_path, CANDOUR_OPEN_EXISTING)) == NULL)
    return EXIT_FAILURE;

  if (repair)
    {
      g_autoptr(GPtrArray) repairs = g_ptr_array_new_with_free_func (g_free);

      if (!candour_integrity_repair (db, repairs, &error))
        {
          fail_error ("check", error, db_path);
          return EXIT_FAILURE;
        }
      for (guint i = 0; i < repairs->len; i++)
        g_print ("%s\n", (const char *)g_ptr_array_index (repairs, i));
    }

  if (!candour_integrity_check (db, problems, &findings, &error))
    {
      fail_error ("check", error, db_path);
      return EXIT_FAILURE;
    }

  for (guint i = 0; i < problems->len; i++)
    g_printerr ("%s\n", (const char *)g_ptr_array_index (problems, i));

  if (problems->len == 0)
    {
      g_print ("%s: no problems found.\n", db_path);
      return EXIT_SUCCESS;
    }

  g_printerr ("candour-cli check: %u problem%s in %s\n", problems->len,
              problems->len == 1 ? "" : "s", db_path);
  if (findings & CANDOUR_INTEGRITY_SCHEMA_REPAIRABLE)
    g_printerr ("candour-cli check: candour-cli --db %s check --repair puts Candour's own triggers and "
                "indexes back; it changes no record.\n", db_path);
  if (findings & (CANDOUR_INTEGRITY_DAMAGED | CANDOUR_INTEGRITY_SCHEMA_DAMAGED))
    print_known_backups (db_path, db);
  if (findings & CANDOUR_INTEGRITY_RECORDS)
    g_printerr ("candour-cli check: correct the records named above, in Candour or by importing "
                "corrected files; nothing was changed.\n");
  return EXIT_FAILURE;
}

static int
command_restore (const char *db_path,
                 int         argc,
                 char      **argv)
{
  GOptionEntry entries[] = { { NULL } };
  g_autoptr(GError) error = NULL;
  g_autofree char *kept_as = NULL;

  if (!parse_options ("restore", entries, &argc, &argv, "BACKUP",
                      "Puts a backup back in place of the database, after checking it. The file it replaces is\n"
                      "kept beside it, renamed, never deleted."))
    return EXIT_USAGE;
  if (argc != 2)
    return usage_error ("restore", "name the backup file to restore");

  if (!candour_backup_restore (db_path, argv[1], &kept_as, &error))
    {
      fail_error ("restore", error, db_path);
      return EXIT_FAILURE;
    }

  g_print ("Restored %s from %s.\n", db_path, argv[1]);
  if (kept_as != NULL)
    g_print ("The file it replaced is kept as %s.\n", kept_as);
  return EXIT_SUCCESS;
}

static int
command_setup (const char *db_path,
               int         argc,
               char      **argv)
{
  GOptionEntry entries[] = { { NULL } };
  g_autoptr(CandourDatabase) db = NULL;
  g_autoptr(GError) error = NULL;

  if (!parse_options ("setup", entries, &argc, &argv, "",
                      "Sets up a Candour register in an empty database on a PostgreSQL server\n"
                      "(--db postgresql://…), or brings an older one up to date."))
    return EXIT_USAGE;
  if (argc > 1)
    return usage_error ("setup", "takes no arguments");
  if (!candour_database_is_server_location (db_path))
    return usage_error ("setup", "is for a register on a server (--db postgresql://…); a file is "
                        "set up when you first import into it");

  if (!candour_database_set_up_server (db_path, &error) ||
      (db = candour_database_open_full (db_path, CANDOUR_OPEN_EXISTING, &error)) == NULL)
    {
      fail_error ("setup", error, db_path);
      return EXIT_FAILURE;
    }

  g_print ("The register is ready (schema %d).\n", candour_database_get_schema_version (db));
  return EXIT_SUCCESS;
}

/* close-period and reopen-period: FIRST LAST, as dates people type. */
static int
change_period (const char  *command,
               const char  *db_path,
               int          argc,
               char       **argv,
               gboolean     close)
{
  GOptionEntry entries[] = { { NULL } };
  g_autoptr(CandourDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  gboolean ok;

  if (!parse_options (command, entries, &argc, &argv, "FIRST-DAY LAST-DAY",
                      close ? "Closes a period, such as a month or a financial year, once its books are done:\n"
                              "payments dated in it can then no longer be added, changed or removed."
                            : "Reopens a closed period, so that its payments may be changed again."))
    return EXIT_USAGE;
  if (argc != 3)
    return usage_error (command, "give the period's first and last days, such as 01/04/2024 31/03/2025");
  first = g_strdup (argv[1]);
  last = g_strdup (argv[2]);
  if (!parse_date_option (command, "FIRST-DAY", &first) || !parse_date_option (command, "LAST-DAY", &last))
    return EXIT_USAGE;

  if ((db = open_database (db_path, CANDOUR_OPEN_EXISTING)) == NULL)
    return EXIT_FAILURE;
  ok = candour_database_begin (db, &error);
  ok = ok && (close ? candour_period_close (db, first, last, &error)
                    : candour_period_reopen (db, first, last, &error));
  ok = candour_database_end (db, ok, ok ? &error : NULL) && ok;
  if (!ok)
    {
      fail_error (command, error, db_path);
      return EXIT_FAILURE;
    }

  {
    g_autofree char *shown_first = candour_date_format_display (first);
    g_autofree char *shown_last = candour_date_format_display (last);

    if (close)
      g_print ("Closed %s to %s: its payments can no longer be added, changed or removed.\n",
               shown_first, shown_last);
    else
      g_print ("Reopened %s to %s.\n", shown_first, shown_last);
  }
  return EXIT_SUCCESS;
}

static int
command_close_period (const char *db_path,
                      int         argc,
                      char      **argv)
{
  return change_period ("close-period", db_path, argc, argv, TRUE);
}

static int
command_reopen_period (const char *db_path,
                       int         argc,
                       char      **argv)
{
  return change_period ("reopen-period", db_path, argc, argv, FALSE);
}

static int
command_periods (const char *db_path,
                 int         argc,
                 char      **argv)
{
  return run_whole_report ("periods", "Closed Periods", "The closed periods, earliest first.",
                           candour_report_closed_periods, CANDOUR_N_REPORT_KINDS, db_path, argc, argv);
}

static int
command_people (const char *db_path,
                int         argc,
                char      **argv)
{
  return run_whole_report ("people", "People", "On a server: every login that may open the register, and its role\n"
                           "(viewer, editor, finance, admin; owner for the login that set it up).",
                           candour_report_people, CANDOUR_N_REPORT_KINDS, db_path, argc, argv);
}

static int
command_grant (const char *db_path,
               int         argc,
               char      **argv)
{
  GOptionEntry entries[] = { { NULL } };
  g_autoptr(CandourDatabase) db = NULL;
  g_autoptr(GError) error = NULL;

  if (!parse_options ("grant", entries, &argc, &argv, "LOGIN ROLE",
                      "Makes a login of the server a viewer (reads), editor (records), finance user\n"
                      "(payments) or admin (people, and all of these) of the register, instead of the\n"
                      "role it had."))
    return EXIT_USAGE;
  if (argc != 3)
    return usage_error ("grant", "name a login and one role: viewer, editor, finance or admin");

  if ((db = open_database (db_path, CANDOUR_OPEN_EXISTING)) == NULL)
    return EXIT_FAILURE;
  if (!candour_database_grant (db, argv[1], argv[2], &error))
    {
      fail_error ("grant", error, db_path);
      return EXIT_FAILURE;
    }

  g_print ("%s is now %s of the register.\n", argv[1],
           g_str_equal (argv[2], "viewer") ? "a viewer" :
           g_str_equal (argv[2], "editor") ? "an editor" :
           g_str_equal (argv[2], "finance") ? "a finance user" : "an admin");
  return EXIT_SUCCESS;
}

static int
command_copy (const char *db_path,
              int         argc,
              char      **argv)
{
  GOptionEntry entries[] = { { NULL } };
  g_autoptr(CandourDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  guint64 rows = 0;

  if (!parse_options ("copy", entries, &argc, &argv, "TARGET",
                      "Copies the whole register into TARGET, a new file or an empty database on a\n"
                      "server (postgresql://…), then checks that every table and every report reads\n"
                      "the same on both. A target that holds any record is refused."))
    return EXIT_USAGE;
  if (argc != 2)
    return usage_error ("copy", "name the file or server address to copy to");

  if ((db = open_database (db_path, CANDOUR_OPEN_EXISTING)) == NULL)
    return EXIT_FAILURE;

  if (!candour_copy_database (db, argv[1], &rows, &error))
    {
      fail_error ("copy", error, db_path);
      return EXIT_FAILURE;
    }

  g_print ("Copied %" G_GUINT64_FORMAT " records to %s; every table and report reads the same.\n",
           rows, argv[1]);
  return EXIT_SUCCESS;
}

static int
command_history (const char *db_path,
                 int         argc,
                 char      **argv)
{
  OutputOptions output = { 0 };
  GOptionEntry entries[] = { OUTPUT_ENTRIES (output), { NULL } };
  g_autoptr(CandourDatabase) db = NULL;
  g_autoptr(CandourReport) report = NULL;
  g_autoptr(GError) error = NULL;
  int status = EXIT_USAGE;

  if (!parse_options ("history", entries, &argc, &argv, "REF",
                      "Every change to the record(s) with this ref, oldest first: when, by whom, and what changed.") ||
      !check_output_options ("history", &output, FALSE))
    goto out;
  if (argc != 2)
    {
      usage_error ("history", "name one ref, such as BID-01");
      goto out;
    }

  status = EXIT_FAILURE;
  if ((db = open_database (db_path, CANDOUR_OPEN_EXISTING)) == NULL)
    goto out;

  if ((report = candour_report_history (db, argv[1], &error)) == NULL)
    fail_error ("history", error, db_path);
  else
    {
      g_autofree char *title = g_strdup_printf ("History of %s", argv[1]);

      status = write_report ("history", title, report, &output);
    }

out:
  output_options_clear (&output);
  return status;
}

static int
command_backup (const char *db_path,
                int         argc,
                char      **argv)
{
  GOptionEntry entries[] = { { NULL } };
  g_autoptr(CandourDatabase) db = NULL;
  g_autoptr(GError) error = NULL;

  if (!parse_options ("backup", entries, &argc, &argv, "FILE",
                      "Copies the database to FILE while it stays in use, and checks the copy."))
    return EXIT_USAGE;
  if (argc != 2)
    return usage_error ("backup", "name the file to write the copy to");

  if ((db = open_database (db_path, CANDOUR_OPEN_EXISTING)) == NULL)
    return EXIT_FAILURE;

  if (!candour_backup_to_path (db, argv[1], &error))
    {
      fail_error ("backup", error, db_path);
      return EXIT_FAILURE;
    }

  g_print ("Backed up %s to %s and checked the copy.\n", db_path, argv[1]);
  return EXIT_SUCCESS;
}

/* Dispatch */

static const Command commands[] = {
  { "import", "PATH…", "Import CSV files or folders, all or nothing", command_import },
  { "reconcile", "[OPTION…]", "Per partner: was the bid's promise kept?", command_reconcile },
  { "scorecard", "[OPTION…]", "Per lead provider: how its partners fared", command_scorecard },
  { "shares", "[OPTION…]", "Per contract: kept by the lead, and shared with smaller organisations", command_shares },
  { "payment-times", "[OPTION…]", "Per payer: days from invoice to payment", command_payment_times },
  { "export", "TABLE|all --output PATH", "Write tables as CSV in the import format, or as a spreadsheet", command_export },
  { "demo", "", "Fill an empty database with the Harrowfield demo", command_demo },
  { "generate", "--scale N --output DIR", "Write a realistic national-scale dataset as CSV", command_generate, TRUE },
  { "check", "[--repair]", "Check the database, its audit triggers and the records' rules", command_check },
  { "history", "REF", "Every change to a record, from the audit trail", command_history },
  { "backup", "FILE", "Copy the database safely while it is in use", command_backup },
  { "restore", "BACKUP", "Put a checked backup back in place of the database", command_restore },
  { "setup", "", "Set up a register on a PostgreSQL server (--db postgresql://…)", command_setup },
  { "copy", "TARGET", "Copy the whole register to a new file or an empty server database", command_copy },
  { "close-period", "FIRST LAST", "Close a period: its payments can no longer change", command_close_period },
  { "reopen-period", "FIRST LAST", "Reopen a closed period", command_reopen_period },
  { "periods", "", "The closed periods", command_periods },
  { "grant", "LOGIN ROLE", "On a server: make a login a viewer, editor, finance user or admin", command_grant },
  { "people", "", "On a server: who may open the register, and their roles", command_people },
};

static const Command *
find_command (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (commands[i].name, name))
      return &commands[i];
  return NULL;
}

static void
print_help (void)
{
  g_print ("Usage: candour-cli [--db FILE|postgresql://…] COMMAND [ARGUMENT…]\n\n"
           "Checks what bids promised their named partners against what was subcontracted and paid.\n\n"
           "Commands:\n");
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_print ("  %-14s %s\n", commands[i].name, commands[i].summary);
  g_print ("\nOptions:\n"
           "  --db FILE      The database: a file, or a server's address postgresql://…\n"
           "                 (default: $CANDOUR_DB, else %s/candour/candour.db)\n"
           "  --version      Print the version\n"
           "  --help         Print this help; candour-cli COMMAND --help for a command's options\n",
           g_get_user_data_dir ());
}

static char *
default_database_path (void)
{
  g_autofree char *folder = g_build_filename (g_get_user_data_dir (), "candour", NULL);

  g_mkdir_with_parents (folder, 0700);
  return g_build_filename (folder, "candour.db", NULL);
}

int
candour_cli_run (int    argc,
                 char **argv)
{
  g_autofree char *db_path = NULL;
  const Command *command;
  int i;

  for (i = 1; i < argc && argv[i][0] == '-'; i++)
    {
      if (g_str_equal (argv[i], "--help") || g_str_equal (argv[i], "-h"))
        {
          print_help ();
          return EXIT_SUCCESS;
        }
      else if (g_str_equal (argv[i], "--version"))
        {
          g_print ("candour-cli %s\n", PACKAGE_VERSION);
          return EXIT_SUCCESS;
        }
      else if (g_str_equal (argv[i], "--db") && i + 1 < argc)
        {
          g_free (db_path);
          db_path = g_strdup (argv[++i]);
        }
      else if (g_str_has_prefix (argv[i], "--db="))
        {
          g_free (db_path);
          db_path = g_strdup (argv[i] + strlen ("--db="));
        }
      else
        {
          g_autofree char *message = g_strdup_printf ("unknown option %s", argv[i]);
          return usage_error (NULL, message);
        }
    }

  if (i == argc)
    return usage_error (NULL, "name a command, such as reconcile");

  command = find_command (argv[i]);
  if (command == NULL)
    {
      g_autofree char *message = g_strdup_printf ("unknown command '%s'", argv[i]);
      return usage_error (NULL, message);
    }

  /* CANDOUR_DB names the register when --db does not: a file or a server. */
  if (db_path == NULL && g_getenv ("CANDOUR_DB") != NULL && !command->no_database)
    db_path = g_strdup (g_getenv ("CANDOUR_DB"));

  if (db_path == NULL)
    db_path = command->no_database ? NULL : default_database_path ();
  else if (db_path[0] == '\0')
    return usage_error (NULL, "--db is empty; name a database file");
  else if (g_str_equal (db_path, ":memory:"))
    return usage_error (NULL, "--db :memory: would be a database that vanishes as soon as candour-cli "
                        "ends; name a file");

  return command->run (db_path, argc - i, argv + i);
}
