/* candour-xlsx-writer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <errno.h>
#include <stdio.h>

#include <xlsxwriter.h>

#include "candour-xlsx-writer.h"
#include "candour-date.h"
#include "candour-money.h"
#include "candour-output.h"

/* Excel's limit on the text of one cell, in characters. */
#define MAX_CELL_CHARS 32767
/* Columns are as wide as their widest cell, up to this many characters. */
#define MAX_COLUMN_WIDTH 60
#define MIN_COLUMN_WIDTH 6

/* The cell styles, registered in this order so that each has a fixed index in the
 * workbook's styles (s="1" is the header, s="2" money…): tests read them back. */
typedef enum
{
  STYLE_HEADER,
  STYLE_MONEY,
  STYLE_DATE,
  STYLE_PERCENT_TENTHS,
  STYLE_PERCENT_EXACT,
  STYLE_TENTHS,
  STYLE_COUNT,
  N_STYLES
} Style;

static const char * const style_formats[N_STYLES] = {
  [STYLE_HEADER] = NULL,
  [STYLE_MONEY] = "£#,##0.00;-£#,##0.00",
  [STYLE_DATE] = "dd/mm/yyyy",
  [STYLE_PERCENT_TENTHS] = "0.0%",
  [STYLE_PERCENT_EXACT] = "0.00%",
  [STYLE_TENTHS] = "0.0",
  [STYLE_COUNT] = "#,##0",
};

struct _CandourXlsxWriter
{
  CandourOutputFile *output;
  lxw_workbook *workbook;       /* NULL once closed */
  lxw_format *styles[N_STYLES];
  guint64 n_rows;
  gboolean failed;
};

static gboolean
fail (CandourXlsxWriter  *self,
      int                 saved_errno,
      const char         *reason,
      GError            **error)
{
  self->failed = TRUE;
  return candour_output_file_set_error (self->output, saved_errno, reason, error);
}

/* libxlsxwriter's failures that come from the file system carry errno. */
static gboolean
fail_lxw (CandourXlsxWriter  *self,
          lxw_error           lxw,
          int                 saved_errno,
          GError            **error)
{
  g_autofree char *reason = NULL;

  switch (lxw)
    {
    case LXW_ERROR_CREATING_XLSX_FILE:
    case LXW_ERROR_CREATING_TMPFILE:
    case LXW_ERROR_READING_TMPFILE:
    case LXW_ERROR_ZIP_FILE_OPERATION:
    case LXW_ERROR_ZIP_FILE_ADD:
    case LXW_ERROR_ZIP_CLOSE:
      if (saved_errno != 0)
        return fail (self, saved_errno, NULL, error);
      break;

    case LXW_ERROR_MEMORY_MALLOC_FAILED:
      return fail (self, ENOMEM, NULL, error);

    default:
      break;
    }

  reason = g_strdup_printf ("the spreadsheet library failed (%s); please report this", lxw_strerror (lxw));
  return fail (self, 0, reason, error);
}

CandourXlsxWriter *
candour_xlsx_writer_new (CandourDatabase    *db,
                         const char         *path,
                         const char         *title,
                         const char         *subject,
                         GError            **error)
{
  g_autoptr(CandourXlsxWriter) self = NULL;
  g_autofree char *tmpdir = NULL;
  g_autofree char *register_title = NULL;
  lxw_workbook_options options = { 0 };
  lxw_doc_properties properties = { 0 };
  lxw_error lxw;

  g_return_val_if_fail (db == NULL || CANDOUR_IS_DATABASE (db), NULL);
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (title != NULL, NULL);

  self = g_new0 (CandourXlsxWriter, 1);
  self->output = candour_output_file_new (db, path, error);
  if (self->output == NULL)
    return NULL;

  /* Constant memory: each row goes to a scratch file as it is written, so a sheet of a
   * million payments never sits in memory. Text is then stored in its cell rather than
   * in a table of shared strings, which every spreadsheet reads the same. */
  tmpdir = g_path_get_dirname (candour_output_file_get_temp_path (self->output));
  options.constant_memory = LXW_TRUE;
  options.tmpdir = tmpdir;
  errno = 0;
  self->workbook = workbook_new_opt (candour_output_file_get_temp_path (self->output), &options);
  if (self->workbook == NULL)
    {
      fail (self, errno != 0 ? errno : ENOMEM, NULL, error);
      return NULL;
    }

  if (subject == NULL && db != NULL)
    subject = register_title = candour_database_dup_title (db);
  /* libxlsxwriter copies them. */
  properties.title = (char *)title;
  properties.subject = (char *)subject;
  properties.author = (char *)"Candour";
  if ((lxw = workbook_set_properties (self->workbook, &properties)) != LXW_NO_ERROR)
    {
      fail_lxw (self, lxw, 0, error);
      return NULL;
    }

  for (guint i = 0; i < N_STYLES; i++)
    {
      self->styles[i] = workbook_add_format (self->workbook);
      if (self->styles[i] == NULL)
        {
          fail (self, ENOMEM, NULL, error);
          return NULL;
        }
      if (i == STYLE_HEADER)
        format_set_bold (self->styles[i]);
      else
        format_set_num_format (self->styles[i], style_formats[i]);
      lxw_format_get_xf_index (self->styles[i]);
    }

  return g_steal_pointer (&self);
}

/* The widths of what people see, in characters: "£1,234.50", "33.3%". */
static guint
digits_width (guint64 value,
              gboolean grouped)
{
  guint digits = 1;

  while (value >= 10)
    {
      value /= 10;
      digits++;
    }
  return grouped ? digits + (digits - 1) / 3 : digits;
}

static guint64
magnitude (gint64 value)
{
  return value < 0 ? -(guint64)value : (guint64)value;
}

/* Writes one cell by its column's kind; sets *width to the characters it shows. */
static lxw_error
write_cell (CandourXlsxWriter  *self,
            lxw_worksheet      *sheet,
            lxw_row_t           row,
            lxw_col_t           col,
            CandourReport      *report,
            CandourCellKind     kind,
            guint              *width)
{
  const char *text;
  gint64 value = 0;

  *width = 0;
  if (candour_report_cell_is_null (report, col))
    return LXW_NO_ERROR;

  switch (kind)
    {
    case CANDOUR_CELL_MONEY:
    case CANDOUR_CELL_PERCENT_TENTHS:
    case CANDOUR_CELL_PERCENT_EXACT:
    case CANDOUR_CELL_TENTHS:
    case CANDOUR_CELL_COUNT:
    case CANDOUR_CELL_YES_NO:
      value = candour_report_get_int64 (report, col);
      break;
    default:
      break;
    }

  switch (kind)
    {
    case CANDOUR_CELL_MONEY:
      /* Pence to pounds: exact enough for any sum below £90 billion billion. */
      *width = 1 + (value < 0) + digits_width (magnitude (value) / 100, TRUE) + 3;
      return worksheet_write_number (sheet, row, col, value / 100.0, self->styles[STYLE_MONEY]);

    case CANDOUR_CELL_PERCENT_TENTHS:
      *width = (value < 0) + digits_width (magnitude (value) / 10, FALSE) + 3;
      return worksheet_write_number (sheet, row, col, value / 1000.0, self->styles[STYLE_PERCENT_TENTHS]);

    case CANDOUR_CELL_PERCENT_EXACT:
      *width = (value < 0) + digits_width (magnitude (value) / 100, FALSE) + 4;
      return worksheet_write_number (sheet, row, col, value / 10000.0, self->styles[STYLE_PERCENT_EXACT]);

    case CANDOUR_CELL_TENTHS:
      *width = (value < 0) + digits_width (magnitude (value) / 10, FALSE) + 2;
      return worksheet_write_number (sheet, row, col, value / 10.0, self->styles[STYLE_TENTHS]);

    case CANDOUR_CELL_COUNT:
      *width = (value < 0) + digits_width (magnitude (value), TRUE);
      return worksheet_write_number (sheet, row, col, (double)value, self->styles[STYLE_COUNT]);

    case CANDOUR_CELL_YES_NO:
      *width = value ? 3 : 2;
      return worksheet_write_string (sheet, row, col, value ? "yes" : "no", NULL);

    case CANDOUR_CELL_DATE:
      text = candour_report_get_text (report, col);
      /* Stored dates are exact ISO text; anything else stays the text it is. */
      if (candour_date_to_days (text) != 0)
        {
          lxw_datetime date = { 0 };

          date.year = (int)g_ascii_strtoll (text, NULL, 10);
          date.month = (int)g_ascii_strtoll (text + 5, NULL, 10);
          date.day = (int)g_ascii_strtoll (text + 8, NULL, 10);
          *width = 10;
          return worksheet_write_datetime (sheet, row, col, &date, self->styles[STYLE_DATE]);
        }
      G_GNUC_FALLTHROUGH;

    case CANDOUR_CELL_TEXT:
    case CANDOUR_CELL_KEYWORD:
    default:
      /* Always text, never worksheet_write(), which would take "=1+1" for a formula
       * and "0123" for a number. */
      text = candour_report_get_text (report, col);
      *width = text != NULL ? g_utf8_strlen (text, -1) : 0;
      if (*width > MAX_CELL_CHARS)
        return LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED;
      return worksheet_write_string (sheet, row, col, text, NULL);
    }
}

static gboolean
sheet_scratch_failed (CandourXlsxWriter  *self,
                      lxw_worksheet      *sheet,
                      GError            **error)
{
  /* libxlsxwriter does not check its writes to a sheet's scratch file: a full disk
   * would lose rows without a word. Its stream remembers the failure. */
  if (sheet->optimize_tmpfile == NULL)
    return FALSE;
  errno = 0;
  if (fflush (sheet->optimize_tmpfile) != 0 || ferror (sheet->optimize_tmpfile))
    {
      fail (self, errno, "its rows could not be written to the disk beside it (is it full?)", error);
      return TRUE;
    }
  return FALSE;
}

gboolean
candour_xlsx_writer_add_report (CandourXlsxWriter  *self,
                                const char         *sheet_name,
                                CandourReport      *report,
                                GCancellable       *cancellable,
                                GError            **error)
{
  g_autofree guint *widths = NULL;
  g_autoptr(GError) local_error = NULL;
  lxw_worksheet *sheet;
  lxw_row_t row = 0;
  lxw_error lxw;
  guint n_columns;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (sheet_name != NULL, FALSE);
  g_return_val_if_fail (report != NULL, FALSE);
  g_return_val_if_fail (!self->failed && self->workbook != NULL, FALSE);

  n_columns = candour_report_get_n_columns (report);
  g_return_val_if_fail (n_columns > 0, FALSE);

  if ((lxw = workbook_validate_sheet_name (self->workbook, sheet_name)) != LXW_NO_ERROR)
    return fail_lxw (self, lxw, 0, error);
  errno = 0;
  if ((sheet = workbook_add_worksheet (self->workbook, sheet_name)) == NULL)
    return fail_lxw (self, LXW_ERROR_CREATING_TMPFILE, errno, error);

  widths = g_new0 (guint, n_columns);
  for (guint i = 0; i < n_columns; i++)
    {
      const char *name = candour_report_get_column (report, i)->name;

      /* Room for the filter's button beside the name. */
      widths[i] = g_utf8_strlen (name, -1) + 3;
      if ((lxw = worksheet_write_string (sheet, 0, i, name, self->styles[STYLE_HEADER])) != LXW_NO_ERROR)
        return fail_lxw (self, lxw, 0, error);
    }

  while (candour_report_next (report, &local_error))
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          self->failed = TRUE;
          return FALSE;
        }
      if (row == CANDOUR_XLSX_MAX_ROWS)
        {
          g_autofree char *reason =
            g_strdup_printf ("the %s sheet would have more than 1,048,575 rows, the most a "
                             "spreadsheet's sheet holds; export it as CSV instead", sheet_name);
          return fail (self, 0, reason, error);
        }
      row++;

      for (guint i = 0; i < n_columns; i++)
        {
          const CandourReportColumn *column = candour_report_get_column (report, i);
          guint width;

          lxw = write_cell (self, sheet, row, i, report, column->kind, &width);
          if (lxw == LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED)
            {
              /* Rows as a spreadsheet numbers them, the header being 1. */
              g_autofree char *reason =
                g_strdup_printf ("the %s of row %u of the %s sheet is %u characters long, more "
                                 "than a spreadsheet's cell holds (32,767); shorten it, or export "
                                 "as CSV instead", column->name, (guint)row + 1, sheet_name, width);
              return fail (self, 0, reason, error);
            }
          if (lxw != LXW_NO_ERROR)
            return fail_lxw (self, lxw, 0, error);
          widths[i] = MAX (widths[i], width);
        }
    }
  if (local_error != NULL)
    {
      self->failed = TRUE;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (sheet_scratch_failed (self, sheet, error))
    return FALSE;

  for (guint i = 0; i < n_columns; i++)
    worksheet_set_column (sheet, i, i, CLAMP (widths[i] + 1, MIN_COLUMN_WIDTH, MAX_COLUMN_WIDTH), NULL);
  worksheet_freeze_panes (sheet, 1, 0);
  worksheet_autofilter (sheet, 0, 0, row, n_columns - 1);

  self->n_rows += row;
  return TRUE;
}

guint64
candour_xlsx_writer_get_n_rows (CandourXlsxWriter *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_rows;
}

gboolean
candour_xlsx_writer_commit (CandourXlsxWriter  *self,
                            GError            **error)
{
  lxw_workbook *workbook;
  lxw_error lxw;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (!self->failed && self->workbook != NULL, FALSE);

  /* workbook_close() frees the workbook whatever it returns. */
  workbook = g_steal_pointer (&self->workbook);
  errno = 0;
  lxw = workbook_close (workbook);
  if (lxw != LXW_NO_ERROR)
    return fail_lxw (self, lxw, errno, error);

  return candour_output_file_commit (self->output, error);
}

void
candour_xlsx_writer_free (CandourXlsxWriter *self)
{
  if (self == NULL)
    return;

  if (self->workbook != NULL)
    {
      lxw_worksheet *sheet;

      /* Abandoned: libxlsxwriter closes a sheet's scratch file only when it writes the
       * workbook out, so it is closed here (it has no name, and goes with it). */
      LXW_FOREACH_WORKSHEET (sheet, self->workbook)
        g_clear_pointer (&sheet->optimize_tmpfile, fclose);
      lxw_workbook_free (self->workbook);
    }
  candour_output_file_free (self->output);
  g_free (self);
}

gboolean
candour_xlsx_write_report (CandourReport  *report,
                           const char     *path,
                           const char     *title,
                           const char     *subject,
                           const char     *sheet_name,
                           GCancellable   *cancellable,
                           GError        **error)
{
  g_autoptr(CandourXlsxWriter) writer = NULL;

  g_return_val_if_fail (report != NULL, FALSE);

  writer = candour_xlsx_writer_new (candour_report_get_database (report), path, title, subject, error);
  return writer != NULL &&
         candour_xlsx_writer_add_report (writer, sheet_name, report, cancellable, error) &&
         candour_xlsx_writer_commit (writer, error);
}
