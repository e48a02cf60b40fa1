/* candour-pdf-report.c
 *
 * Runs on a worker thread as well as the main one: it draws with a cairo context and
 * PangoCairo layouts of its own (pango_cairo_create_layout() takes the thread's own
 * font map), and reads only its CandourPdfReport.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <fcntl.h>
#include <gio/gunixoutputstream.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "candour-date.h"
#include "candour-output.h"
#include "candour-pdf-report.h"

/* Points: A4 is 210 × 297 mm. */
#define A4_SHORT 595.276
#define A4_LONG 841.890
#define MARGIN 48.0
#define CELL_PADDING 4.0
#define ROW_GAP 3.0

typedef struct
{
  cairo_t *cr;
  double width;
  double height;
  double y;
  int page;
  int n_pages;                  /* known on the second pass, for "page 2 of 5"; 0 on the first */
  CandourPdfReport *report;
  const CandourPdfTable *table;   /* the table being laid out: the report's own, or a further one */
  GCancellable *cancellable;
  PangoFontDescription *table_font;
  double *column_widths;
  GPtrArray *recorded;          /* for a printer: a recording surface per page, or NULL */
} Page;

/* Where cairo's output goes, and the first thing that went wrong writing it. */
typedef struct
{
  GOutputStream *stream;
  GCancellable *cancellable;
  GError *error;
} Output;

static cairo_status_t
write_to_stream (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  Output *output = closure;

  if (output->error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;
  return g_output_stream_write_all (output->stream, data, length, NULL, output->cancellable, &output->error)
    ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

CandourPdfTable *
candour_pdf_table_new (const char         *title,
                       const char         *description,
                       const char * const *headings,
                       const gboolean     *numeric)
{
  CandourPdfTable *table;

  g_return_val_if_fail (title != NULL && headings != NULL, NULL);
  g_return_val_if_fail (numeric != NULL || headings[0] == NULL, NULL);

  table = g_new0 (CandourPdfTable, 1);
  table->title = g_strdup (title);
  table->description = g_strdup (description);
  table->n_columns = g_strv_length ((GStrv)headings);
  table->headings = g_strdupv ((GStrv)headings);
  table->numeric = table->n_columns > 0 ? g_memdup2 (numeric, sizeof (gboolean) * table->n_columns) : NULL;
  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);
  return table;
}

void
candour_pdf_table_add_row (CandourPdfTable    *table,
                           const char * const *cells)
{
  GStrv row;

  g_return_if_fail (table != NULL && cells != NULL);

  row = g_new0 (char *, table->n_columns + 1);
  for (guint c = 0; c < table->n_columns; c++)
    row[c] = g_strdup (cells[c] != NULL ? cells[c] : "");
  g_ptr_array_add (table->rows, row);
}

CandourPdfTable *
candour_pdf_table_copy (const CandourPdfTable *table)
{
  CandourPdfTable *copy;

  g_return_val_if_fail (table != NULL, NULL);

  copy = candour_pdf_table_new (table->title, table->description, (const char * const *)table->headings,
                                table->numeric);
  for (guint r = 0; r < table->rows->len; r++)
    candour_pdf_table_add_row (copy, g_ptr_array_index (table->rows, r));
  return copy;
}

void
candour_pdf_table_free (CandourPdfTable *table)
{
  if (table == NULL)
    return;

  g_free (table->title);
  g_free (table->description);
  g_strfreev (table->headings);
  g_free (table->numeric);
  g_clear_pointer (&table->rows, g_ptr_array_unref);
  g_free (table);
}

CandourPdfReport *
candour_pdf_report_new (void)
{
  CandourPdfReport *report = g_new0 (CandourPdfReport, 1);

  report->rows = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);
  report->tables = g_ptr_array_new_with_free_func ((GDestroyNotify)candour_pdf_table_free);
  return report;
}

void
candour_pdf_report_free (CandourPdfReport *report)
{
  if (report == NULL)
    return;

  g_free (report->title);
  g_free (report->subtitle);
  g_free (report->dateline);
  g_free (report->description);
  g_strfreev (report->figure_labels);
  g_strfreev (report->figure_values);
  candour_bar_chart_data_free (report->chart);
  g_free (report->chart_caption);
  g_strfreev (report->glossary_terms);
  g_strfreev (report->glossary_meanings);
  g_strfreev (report->headings);
  g_free (report->numeric);
  g_clear_pointer (&report->rows, g_ptr_array_unref);
  g_clear_pointer (&report->tables, g_ptr_array_unref);
  g_free (report);
}

/* The table's rows are the work: each is measured to size the columns, then drawn,
 * and the two take about as long. */
static void
set_progress (CandourPdfReport *report,
              guint             steps)
{
  int value = (int)MIN (steps, G_MAXINT);

  if (value > g_atomic_int_get (&report->progress))
    g_atomic_int_set (&report->progress, value);
}

/* The report is laid out twice, first to count its pages: each pass is half the work
 * the progress bar shows (2 × rows steps in all). */
static void
page_progress (const Page *page,
               guint64     steps)
{
  /* The further tables are short beside the report's own: the bar follows that. */
  if (page->table != NULL && page->table->rows != page->report->rows)
    return;
  set_progress (page->report, (guint)MIN ((page->n_pages > 0 ? page->report->rows->len : 0) + steps / 2,
                                          G_MAXUINT));
}

double
candour_pdf_report_get_progress (CandourPdfReport *report)
{
  g_return_val_if_fail (report != NULL, 0);

  if (report->rows->len == 0)
    return 0;
  return MIN (1.0, g_atomic_int_get (&report->progress) / (2.0 * report->rows->len));
}

static PangoLayout *
new_layout (cairo_t    *cr,
            const char *font,
            double      width)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) description = pango_font_description_from_string (font);

  pango_layout_set_font_description (layout, description);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int)(width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  return layout;
}

/* Draws text at the cursor and moves the cursor below it. */
static void
paragraph (Page       *page,
           const char *font,
           const char *text,
           double      grey,
           double      space_after)
{
  g_autoptr(PangoLayout) layout = NULL;
  int height;

  if (text == NULL || text[0] == '\0')
    return;

  layout = new_layout (page->cr, font, page->width - 2 * MARGIN);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, NULL, &height);
  cairo_set_source_rgb (page->cr, grey, grey, grey);
  cairo_move_to (page->cr, MARGIN, page->y);
  pango_cairo_show_layout (page->cr, layout);
  page->y += height + space_after;
}

static void
footer (Page *page)
{
  g_autoptr(PangoLayout) layout = new_layout (page->cr, "Sans 7", 0);
  g_autofree char *text = NULL;
  int width;

  /* Translators: the footer of each PDF page, "Candour · Lead provider scorecard · page 2 of 5" */
  text = g_strdup_printf (_("Candour · %s · page %d of %d"), page->report->title, page->page, page->n_pages);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, &width, NULL);
  cairo_set_source_rgb (page->cr, 0.45, 0.45, 0.45);
  cairo_move_to (page->cr, page->width - MARGIN - width, page->height - MARGIN / 2 - 8);
  pango_cairo_show_layout (page->cr, layout);
}

/* For a printer, each page is recorded on its own surface; else a PDF page ends. */
static void
start_recorded_page (Page *page)
{
  cairo_rectangle_t extents = { 0, 0, page->width, page->height };
  cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, &extents);

  g_clear_pointer (&page->cr, cairo_destroy);
  page->cr = cairo_create (surface);
  g_ptr_array_add (page->recorded, surface);
}

static void
new_page (Page *page)
{
  footer (page);
  if (page->recorded != NULL)
    start_recorded_page (page);
  else
    cairo_show_page (page->cr);
  page->page++;
  page->y = MARGIN;
}

/* The headline figures in a row, each as wide as its value needs, wrapping to a new
 * row when the page is full. */
static void
figures (Page *page)
{
  const CandourPdfReport *report = page->report;
  double x = MARGIN;
  double row_height = 0;

  if (report->figure_labels == NULL)
    return;

  for (guint i = 0; report->figure_labels[i] != NULL; i++)
    {
      g_autoptr(PangoLayout) value = new_layout (page->cr, "Sans Bold 13", 0);
      g_autoptr(PangoLayout) label = NULL;
      int value_width, value_height, label_height;
      double box_width;

      pango_layout_set_text (value, report->figure_values[i], -1);
      pango_layout_get_pixel_size (value, &value_width, &value_height);
      box_width = MAX (value_width, 90);
      label = new_layout (page->cr, "Sans 8", box_width);
      pango_layout_set_text (label, report->figure_labels[i], -1);
      pango_layout_get_pixel_size (label, NULL, &label_height);

      if (x > MARGIN && x + box_width > page->width - MARGIN)
        {
          x = MARGIN;
          page->y += row_height + 10;
          row_height = 0;
        }

      cairo_set_source_rgb (page->cr, 0.1, 0.1, 0.12);
      cairo_move_to (page->cr, x, page->y);
      pango_cairo_show_layout (page->cr, value);
      cairo_set_source_rgb (page->cr, 0.35, 0.35, 0.38);
      cairo_move_to (page->cr, x, page->y + value_height + 1);
      pango_cairo_show_layout (page->cr, label);

      row_height = MAX (row_height, value_height + label_height + 1);
      x += box_width + 24;
    }

  page->y += row_height + 18;
}

/* The chart at full width; squeezed (down to two thirds) rather than left alone on a
 * page, so the table can start below it. */
static void
chart (Page *page)
{
  const CandourBarChartData *chart = page->report->chart;
  double width = page->width - 2 * MARGIN;
  CandourChartLook look;
  double height, room, scale;

  if (chart == NULL)
    return;

  candour_chart_look_init_print (&look);
  height = candour_bar_chart_data_get_height (chart, page->cr, &look);
  /* Leave room for the table, or for a good start of it. */
  room = page->height - MARGIN - page->y - 20 - MIN (45 + 17.0 * page->report->rows->len, 220);
  scale = room >= height ? 1.0 : MAX (room / height, 2.0 / 3.0);
  /* The caption's line goes on the same page as the chart. */
  if (height * scale + (page->report->chart_caption != NULL ? 18 : 0) > page->height - MARGIN - page->y)
    {
      new_page (page);
      scale = 1.0;
    }

  cairo_save (page->cr);
  cairo_translate (page->cr, MARGIN, page->y);
  cairo_scale (page->cr, scale, scale);
  candour_bar_chart_data_paint (chart, page->cr, &look, width / scale, height);
  cairo_restore (page->cr);
  page->y += height * scale + 6;
  paragraph (page, "Sans 8", page->report->chart_caption, 0.4, 0);
  page->y += 14;
}

static double
text_width (PangoLayout *layout,
            const char  *text)
{
  int width;

  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, &width, NULL);
  return width;
}

/* Each column as wide as its widest cell at size points (headings may wrap at spaces),
 * into page->column_widths; returns the table's width, or -1 when cancelled. */
static double
measure_columns (Page *page,
                 int   size)
{
  const CandourPdfTable *table = page->table;
  g_autoptr(PangoLayout) layout = NULL;
  g_autoptr(PangoLayout) bold = NULL;
  g_autoptr(PangoFontDescription) bold_font = NULL;
  double total = 0;

  g_clear_pointer (&page->table_font, pango_font_description_free);
  page->table_font = pango_font_description_from_string ("Sans");
  pango_font_description_set_size (page->table_font, size * PANGO_SCALE);
  layout = pango_cairo_create_layout (page->cr);
  pango_layout_set_font_description (layout, page->table_font);
  bold = pango_cairo_create_layout (page->cr);
  bold_font = pango_font_description_copy (page->table_font);
  pango_font_description_set_weight (bold_font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (bold, bold_font);

  for (guint c = 0; c < table->n_columns; c++)
    {
      g_auto(GStrv) words = g_strsplit (table->headings[c], " ", -1);
      double width = 0;

      for (guint w = 0; words[w] != NULL; w++)
        width = MAX (width, text_width (bold, words[w]));
      for (guint r = 0; r < table->rows->len; r++)
        width = MAX (width, text_width (layout, ((GStrv)g_ptr_array_index (table->rows, r))[c]));
      /* Column by column: a smaller font's pass measures them again, unseen. */
      page_progress (page, (guint64)table->rows->len * (c + 1) / table->n_columns);
      if (g_cancellable_is_cancelled (page->cancellable))
        return -1;
      page->column_widths[c] = width + 2 * CELL_PADDING;
      total += page->column_widths[c];
    }
  return total;
}

/* The widest word of a text column at the table's font: narrower, it would break. */
static double
widest_word (Page  *page,
             guint  column)
{
  const CandourPdfTable *table = page->table;
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (page->cr);
  double width = 0;

  pango_layout_set_font_description (layout, page->table_font);
  for (guint r = 0; r < table->rows->len; r++)
    {
      g_auto(GStrv) words = g_strsplit (((GStrv)g_ptr_array_index (table->rows, r))[column], " ", -1);

      for (guint w = 0; words[w] != NULL; w++)
        width = MAX (width, text_width (layout, words[w]));
    }
  return width + 2 * CELL_PADDING;
}

/* Long names wrap rather than push the last columns off the page: the widest text
 * columns are narrowed to one width, as much as the figures (which never wrap) leave,
 * but never below their longest word. */
static void
narrow_text_columns (Page   *page,
                     double  available)
{
  const CandourPdfTable *table = page->table;
  g_autofree double *floors = g_new0 (double, table->n_columns);
  double figures = 0;
  double cap = 0;

  for (guint c = 0; c < table->n_columns; c++)
    {
      if (table->numeric[c])
        figures += page->column_widths[c];
      else
        {
          floors[c] = MIN (widest_word (page, c), page->column_widths[c]);
          cap = MAX (cap, page->column_widths[c]);
        }
    }

  /* The widest cap at which the text columns fit: lower it a point at a time. */
  for (; cap > 0; cap -= 1)
    {
      double text = 0;

      for (guint c = 0; c < table->n_columns; c++)
        if (!table->numeric[c])
          text += MAX (floors[c], MIN (page->column_widths[c], cap));
      if (figures + text <= available)
        break;
    }
  for (guint c = 0; c < table->n_columns; c++)
    if (!table->numeric[c])
      page->column_widths[c] = MAX (floors[c], MIN (page->column_widths[c], cap));
}

/* Columns as wide as their widest cell, the font made smaller until the table fits the
 * page; past that, the widest text columns wrap at a size still easy to read. */
static void
size_columns (Page *page)
{
  double available = page->width - 2 * MARGIN;
  double total = 0;

  for (int size = 8; size >= 6; size--)
    {
      total = measure_columns (page, size);
      if (total < 0)
        return;
      if (total <= available)
        {
          /* Spare width goes to the first column, usually the names. */
          page->column_widths[0] += available - total;
          return;
        }
    }

  if (measure_columns (page, 7) < 0)
    return;
  narrow_text_columns (page, available);
}

static PangoLayout *
cell_layout (Page       *page,
             const char *text,
             guint       column,
             gboolean    heading)
{
  PangoLayout *layout = pango_cairo_create_layout (page->cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_copy (page->table_font);

  if (heading)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int)((page->column_widths[column] - 2 * CELL_PADDING) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  if (page->table->numeric[column])
    pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

/* One row of the table at the cursor; returns FALSE without drawing when it does not
 * fit on what is left of the page. */
static gboolean
table_row (Page        *page,
           const char **cells,
           gboolean     heading,
           gboolean     shaded)
{
  const CandourPdfTable *table = page->table;
  g_autoptr(GPtrArray) layouts = g_ptr_array_new_with_free_func (g_object_unref);
  double height = 0;
  double x = MARGIN;

  for (guint c = 0; c < table->n_columns; c++)
    {
      PangoLayout *layout = cell_layout (page, cells[c], c, heading);
      int h;

      pango_layout_get_pixel_size (layout, NULL, &h);
      height = MAX (height, h);
      g_ptr_array_add (layouts, layout);
    }
  height += 2 * ROW_GAP;

  if (page->y + height > page->height - MARGIN)
    return FALSE;

  if (shaded || heading)
    {
      double grey = heading ? 0.88 : 0.955;

      cairo_set_source_rgb (page->cr, grey, grey, grey);
      cairo_rectangle (page->cr, MARGIN, page->y, page->width - 2 * MARGIN, height);
      cairo_fill (page->cr);
    }

  cairo_set_source_rgb (page->cr, 0.1, 0.1, 0.12);
  for (guint c = 0; c < table->n_columns; c++)
    {
      cairo_move_to (page->cr, x + CELL_PADDING, page->y + ROW_GAP);
      pango_cairo_show_layout (page->cr, g_ptr_array_index (layouts, c));
      x += page->column_widths[c];
    }

  page->y += height;
  return TRUE;
}

static void
table (Page *page)
{
  const CandourPdfTable *table = page->table;

  size_columns (page);
  if (!table_row (page, (const char **)table->headings, TRUE, FALSE))
    {
      new_page (page);
      table_row (page, (const char **)table->headings, TRUE, FALSE);
    }

  for (guint r = 0; r < table->rows->len; r++)
    {
      const char **cells = (const char **)g_ptr_array_index (table->rows, r);

      if (g_cancellable_is_cancelled (page->cancellable))
        return;

      if (!table_row (page, cells, FALSE, r % 2 == 1))
        {
          new_page (page);
          table_row (page, (const char **)table->headings, TRUE, FALSE);
          table_row (page, cells, FALSE, r % 2 == 1);
        }
      page_progress (page, table->rows->len + r + 1);
    }
}

/* What the table's words mean, "Bid candy: named in the bid, …", each entry kept whole
 * on one page. */
static void
glossary (Page *page)
{
  const CandourPdfReport *report = page->report;

  if (report->glossary_terms == NULL || g_cancellable_is_cancelled (page->cancellable))
    return;

  page->y += 14;
  paragraph (page, "Sans Bold 9", _("What each finding means"), 0.2, 6);
  for (guint i = 0; report->glossary_terms[i] != NULL; i++)
    {
      g_autoptr(PangoLayout) layout = new_layout (page->cr, "Sans 8", page->width - 2 * MARGIN);
      g_autofree char *markup = g_markup_printf_escaped ("<b>%s</b>  %s", report->glossary_terms[i],
                                                         report->glossary_meanings[i]);
      int height;

      pango_layout_set_markup (layout, markup, -1);
      pango_layout_get_pixel_size (layout, NULL, &height);
      if (page->y + height > page->height - MARGIN)
        new_page (page);
      cairo_set_source_rgb (page->cr, 0.2, 0.2, 0.2);
      cairo_move_to (page->cr, MARGIN, page->y);
      pango_cairo_show_layout (page->cr, layout);
      page->y += height + 4;
    }
}

/* The report's own table, as a table. */
static CandourPdfTable
own_table (CandourPdfReport *report)
{
  CandourPdfTable table = { NULL, NULL, report->n_columns, report->headings, report->numeric, report->rows };

  return table;
}

/* The most columns any of the report's tables has. */
static guint
most_columns (CandourPdfReport *report)
{
  guint most = MAX (1, report->n_columns);

  for (guint i = 0; i < report->tables->len; i++)
    most = MAX (most, ((CandourPdfTable *)g_ptr_array_index (report->tables, i))->n_columns);
  return most;
}

/* Each further table under its heading, started on a new page when the heading and
 * a few rows would not fit at the foot of this one. */
static void
further_tables (Page *page)
{
  for (guint i = 0; i < page->report->tables->len && !g_cancellable_is_cancelled (page->cancellable); i++)
    {
      const CandourPdfTable *further = g_ptr_array_index (page->report->tables, i);

      if (page->y + 120 > page->height - MARGIN)
        new_page (page);
      else
        page->y += 18;
      paragraph (page, "Sans Bold 12", further->title, 0.1, 4);
      paragraph (page, "Sans 8", further->description, 0.3, 8);
      /* A section of words alone ("Where the Money Goes") has no table. */
      if (further->n_columns == 0)
        continue;
      page->table = further;
      table (page);
    }
}

/* Lays the report out on page->cr from the first page; returns how many pages it took. */
static int
lay_out (Page *page)
{
  CandourPdfTable own = own_table (page->report);

  page->table = &own;
  page->page = 1;
  page->y = MARGIN;
  paragraph (page, "Sans Bold 18", page->report->title, 0.1, 2);
  paragraph (page, "Sans 11", page->report->subtitle, 0.3, 2);
  paragraph (page, "Sans 9", page->report->dateline, 0.4, 14);
  paragraph (page, "Sans 9", page->report->description, 0.2, 16);
  figures (page);
  chart (page);
  table (page);
  glossary (page);
  further_tables (page);
  page->table = NULL;
  footer (page);
  if (page->recorded == NULL)
    cairo_show_page (page->cr);
  return page->page;
}

/* Nothing kept: the first pass only counts pages. */
static cairo_status_t
write_nowhere (void                *closure,
               const unsigned char *data,
               unsigned int         length)
{
  return CAIRO_STATUS_SUCCESS;
}

/* Who made it, as the document's author: the person's name, or their login. */
static const char *
author (void)
{
  const char *name = g_get_real_name ();

  return name != NULL && name[0] != '\0' && !g_str_equal (name, "Unknown") ? name : g_get_user_name ();
}

/* Whether every table fits a portrait page at the smallest size the font goes down to. */
static gboolean
fits_portrait (CandourPdfReport *report,
               GCancellable     *cancellable)
{
  cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  CandourPdfTable own = own_table (report);
  Page page = { 0 };
  gboolean fits;

  page.width = A4_SHORT;
  page.height = A4_LONG;
  page.report = report;
  page.cancellable = cancellable;
  page.column_widths = g_new0 (double, most_columns (report));
  page.cr = cairo_create (surface);
  page.table = &own;
  fits = measure_columns (&page, 6) <= page.width - 2 * MARGIN;
  for (guint i = 0; fits && i < report->tables->len; i++)
    {
      page.table = g_ptr_array_index (report->tables, i);
      fits = measure_columns (&page, 6) <= page.width - 2 * MARGIN;
    }

  cairo_destroy (page.cr);
  cairo_surface_destroy (surface);
  g_clear_pointer (&page.table_font, pango_font_description_free);
  g_free (page.column_widths);
  return fits;
}

/* Chooses the page and lays the report out once, unseen, to count the pages. */
static void
start (Page             *page,
       CandourPdfReport *report,
       GCancellable     *cancellable)
{
  cairo_surface_t *surface;
  gboolean landscape;

  /* Up to nine columns read well on a portrait page, if they fit it; more, or wider,
   * need it turned. */
  landscape = report->n_columns > 9 || !fits_portrait (report, cancellable);
  page->width = landscape ? A4_LONG : A4_SHORT;
  page->height = landscape ? A4_SHORT : A4_LONG;
  page->report = report;
  page->cancellable = cancellable;
  page->column_widths = g_new0 (double, most_columns (report));

  surface = cairo_pdf_surface_create_for_stream (write_nowhere, NULL, page->width, page->height);
  page->cr = cairo_create (surface);
  page->n_pages = lay_out (page);
  g_clear_pointer (&page->cr, cairo_destroy);
  cairo_surface_destroy (surface);
}

GPtrArray *
candour_pdf_report_record_pages (CandourPdfReport *report,
                                 double           *width,
                                 double           *height)
{
  Page page = { 0 };

  g_return_val_if_fail (report != NULL, NULL);

  start (&page, report, NULL);
  page.recorded = g_ptr_array_new_with_free_func ((GDestroyNotify)cairo_surface_destroy);
  start_recorded_page (&page);
  lay_out (&page);

  g_clear_pointer (&page.cr, cairo_destroy);
  g_clear_pointer (&page.table_font, pango_font_description_free);
  g_free (page.column_widths);
  *width = page.width;
  *height = page.height;
  return page.recorded;
}

/* Draws the report into stream: laid out once to count the pages, then for real. */
static gboolean
draw_report (CandourPdfReport  *report,
             GOutputStream     *stream,
             GCancellable      *cancellable,
             GError           **error)
{
  Output output = { stream, cancellable, NULL };
  cairo_surface_t *surface;
  cairo_status_t status;
  Page page = { 0 };

  start (&page, report, cancellable);

  surface = cairo_pdf_surface_create_for_stream (write_to_stream, &output, page.width, page.height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, report->title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT,
                                  report->subtitle != NULL ? report->subtitle : report->title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, author ());
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Candour " PACKAGE_VERSION);
  page.cr = cairo_create (surface);
  if (!g_cancellable_is_cancelled (cancellable))
    lay_out (&page);

  cairo_destroy (page.cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  g_clear_pointer (&page.table_font, pango_font_description_free);
  g_free (page.column_widths);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      g_clear_error (&output.error);
      return FALSE;
    }
  if (output.error != NULL)
    {
      g_propagate_error (error, output.error);
      return FALSE;
    }
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write the PDF: %s"),
                   cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

gboolean
candour_pdf_report_write (CandourPdfReport  *report,
                          CandourDatabase   *db,
                          const char        *path,
                          GCancellable      *cancellable,
                          GError           **error)
{
  g_autoptr(CandourOutputFile) output = NULL;

  g_return_val_if_fail (report != NULL, FALSE);
  g_return_val_if_fail (report->rows != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  /* Whole or not at all, and never over the database itself. */
  output = candour_output_file_new (db, path, error);
  if (output == NULL ||
      !draw_report (report, candour_output_file_get_stream (output), cancellable, error) ||
      !candour_output_file_commit (output, error))
    return FALSE;

  set_progress (report, 2 * report->rows->len);
  return TRUE;
}

typedef struct
{
  CandourPdfReport *report;
  CandourDatabase *db;
  char *path;
} WriteJob;

static void
write_job_free (gpointer data)
{
  WriteJob *job = data;

  candour_pdf_report_free (job->report);
  g_clear_object (&job->db);
  g_free (job->path);
  g_free (job);
}

static void
write_in_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  WriteJob *job = task_data;
  GError *error = NULL;

  if (candour_pdf_report_write (job->report, job->db, job->path, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
candour_pdf_report_write_async (CandourPdfReport    *report,
                                CandourDatabase     *db,
                                const char          *path,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  WriteJob *job;

  g_return_if_fail (report != NULL);
  g_return_if_fail (path != NULL);

  job = g_new0 (WriteJob, 1);
  job->report = report;
  job->db = db != NULL ? g_object_ref (db) : NULL;
  job->path = g_strdup (path);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, candour_pdf_report_write_async);
  g_task_set_task_data (task, job, write_job_free);
  g_task_run_in_thread (task, write_in_thread);
}

gboolean
candour_pdf_report_write_finish (GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
