/* candour-bar-chart-data.h: grouped horizontal bars, one group per category
 *
 * A bar chart's figures, and their drawing with cairo: the CandourBarChart widget
 * paints them on screen with these functions, and a PDF (candour-pdf-report.h) on
 * paper, on any thread. No GTK, so candour-cli draws the same charts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "candour-chart-util.h"

G_BEGIN_DECLS

/* A category's value for a series that has none (drawn as no bar, described as such). */
#define CANDOUR_BAR_CHART_NO_VALUE G_MININT64

/* Bars people can read on a screen or an A4 page: a longer list belongs in a table. */
#define CANDOUR_BAR_CHART_MAX_READABLE 12

#define CANDOUR_BAR_CHART_MAX_SERIES 8

typedef struct _CandourBarChartData CandourBarChartData;

CandourBarChartData *candour_bar_chart_data_new      (void);
CandourBarChartData *candour_bar_chart_data_copy     (const CandourBarChartData *data);
void              candour_bar_chart_data_free        (CandourBarChartData       *data);

CandourChartUnit  candour_bar_chart_data_get_unit    (const CandourBarChartData *data);
void              candour_bar_chart_data_set_unit    (CandourBarChartData       *data,
                                                      CandourChartUnit           unit);
/* Starts again with these series (NULL-terminated names, drawn in this order, at most
 * CANDOUR_BAR_CHART_MAX_SERIES), coloured blue, purple, green… in turn. */
void              candour_bar_chart_data_set_series  (CandourBarChartData       *data,
                                                      const char * const        *names);
/* Colours the series otherwise: one colour for each series set. */
void              candour_bar_chart_data_set_series_colours (CandourBarChartData      *data,
                                                             const CandourChartColour *colours);
/* Adds a group: values holds one value per series. */
void              candour_bar_chart_data_add_category (CandourBarChartData      *data,
                                                       const char               *label,
                                                       const gint64             *values);

guint             candour_bar_chart_data_get_n_series (const CandourBarChartData *data);
const char       *candour_bar_chart_data_get_series_name (const CandourBarChartData *data,
                                                          guint                      series);
CandourChartColour candour_bar_chart_data_get_series_colour (const CandourBarChartData *data,
                                                             guint                      series);
guint             candour_bar_chart_data_get_n_categories (const CandourBarChartData *data);
const char       *candour_bar_chart_data_get_category_label (const CandourBarChartData *data,
                                                             guint                      category);
gint64            candour_bar_chart_data_get_value   (const CandourBarChartData *data,
                                                      guint                      category,
                                                      guint                      series);
/* Every figure as lines of text: "Kindred Pathways: promised £534,500.00, …". */
char             *candour_bar_chart_data_describe    (const CandourBarChartData *data);

/* The height the figures need drawn in look, at their natural spacing; cr may be NULL
 * on screen. */
double            candour_bar_chart_data_get_height  (const CandourBarChartData *data,
                                                      cairo_t                   *cr,
                                                      const CandourChartLook    *look);
/* Draws into width × height from the origin of cr. */
void              candour_bar_chart_data_paint       (const CandourBarChartData *data,
                                                      cairo_t                   *cr,
                                                      const CandourChartLook    *look,
                                                      double                     width,
                                                      double                     height);
/* The category whose group is drawn at y, or -1 for none. */
int               candour_bar_chart_data_category_at (const CandourBarChartData *data,
                                                      const CandourChartLook    *look,
                                                      double                     y);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CandourBarChartData, candour_bar_chart_data_free)

G_END_DECLS
