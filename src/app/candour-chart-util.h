/* candour-chart-util.h: what the bar and line charts share
 *
 * Axis steps, compact money for axis labels, the series colours (Adwaita's palette,
 * lighter shades in the dark style) and text layouts that work both on screen and on
 * a PDF page.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef enum
{
  CANDOUR_CHART_UNIT_MONEY,           /* pence */
  CANDOUR_CHART_UNIT_PERCENT_TENTHS,  /* tenths of a percent */
  CANDOUR_CHART_UNIT_COUNT,
} CandourChartUnit;

/* How a chart is drawn: for the screen in the light or dark style, or for paper. */
typedef enum
{
  CANDOUR_CHART_STYLE_LIGHT,
  CANDOUR_CHART_STYLE_DARK,
  CANDOUR_CHART_STYLE_PRINT,
} CandourChartStyle;

/* The colours series are drawn in. Each means one thing wherever it is used: green is
 * money paid, or paid in good time; yellow, orange and red are later and later. */
typedef enum
{
  CANDOUR_CHART_BLUE,
  CANDOUR_CHART_PURPLE,
  CANDOUR_CHART_GREEN,
  CANDOUR_CHART_ORANGE,
  CANDOUR_CHART_RED,
  CANDOUR_CHART_YELLOW,
} CandourChartColour;

/* A round step (1, 2, 2.5 or 5 × a power of ten) giving about target ticks up to max. */
double       candour_chart_nice_step        (double             max,
                                             int                target);
/* "£0", "£750", "£20k", "£1.5m": short enough for an axis. */
char        *candour_chart_compact_money    (gint64             pence);
/* A value in full for labels and tooltips: "£1,234.50", "33.3%", "12". */
char        *candour_chart_format_value     (CandourChartUnit   unit,
                                             gint64             value);
/* A value short enough for an axis. */
char        *candour_chart_format_tick      (CandourChartUnit   unit,
                                             gint64             value);

void         candour_chart_series_colour    (CandourChartStyle  style,
                                             CandourChartColour index,
                                             GdkRGBA           *colour);
/* The style a widget draws in now. */
CandourChartStyle
             candour_chart_style_for_widget (GtkWidget         *widget);
/* The colour of text (and, fainter, of grid lines) in a style. */
void         candour_chart_text_colour      (GtkWidget         *widget,
                                             CandourChartStyle  style,
                                             GdkRGBA           *colour);

/* A layout drawing on cr in widget's font (or a plain sans for paper), scaled by
 * scale (0.85 for small print). */
PangoLayout *candour_chart_create_layout    (cairo_t           *cr,
                                             GtkWidget         *widget,
                                             CandourChartStyle  style,
                                             double             scale);

void         candour_chart_rounded_rectangle (cairo_t          *cr,
                                              double            x,
                                              double            y,
                                              double            width,
                                              double            height,
                                              double            radius);

G_END_DECLS
