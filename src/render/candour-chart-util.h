/* candour-chart-util.h: what the charts share
 *
 * Axis steps, compact money for axis labels, the series colours (Adwaita's palette,
 * lighter shades in the dark style) and text layouts that work both on screen and on
 * a PDF page. No GTK: a widget on screen (src/app/candour-chart-look.h) and a PDF
 * written by candour-cli draw with the same functions.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib.h>
#include <pango/pango.h>

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

/* A colour as cairo takes it, each part from 0 to 1. */
typedef struct
{
  double red;
  double green;
  double blue;
  double alpha;
} CandourChartRgba;

/* What a chart is drawn with, apart from its figures. */
typedef struct
{
  CandourChartStyle style;
  CandourChartRgba ink;               /* text, and (fainter) grid lines */
  PangoContext *context;              /* on screen, the widget's: GTK's font and its settings;
                                       * NULL on paper, for a plain sans on cr's own font map */
} CandourChartLook;

/* For paper: dark ink, a plain sans. */
void         candour_chart_look_init_print  (CandourChartLook   *look);

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
                                             CandourChartRgba  *colour);
/* Sets colour, made fainter by alpha, as cr's source. */
void         candour_chart_set_source       (cairo_t                *cr,
                                             const CandourChartRgba *colour,
                                             double                  alpha);

/* A layout drawing on cr in the look's font, scaled by scale (0.85 for small print).
 * cr may be NULL on screen, to measure. */
PangoLayout *candour_chart_create_layout    (cairo_t                *cr,
                                             const CandourChartLook *look,
                                             double                  scale);

void         candour_chart_rounded_rectangle (cairo_t          *cr,
                                              double            x,
                                              double            y,
                                              double            width,
                                              double            height,
                                              double            radius);

G_END_DECLS
