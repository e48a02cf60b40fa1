/* candour-bar-chart.h: grouped horizontal bars, one group per category
 *
 * Used for promised, subcontracted and paid per lead provider, and for the reports.
 * The widget paints its CandourBarChartData (src/render), as a PDF does on paper. The
 * numbers are also text: in the tooltip of each group and in the accessible
 * description.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "candour-bar-chart-data.h"

G_BEGIN_DECLS

#define CANDOUR_TYPE_BAR_CHART (candour_bar_chart_get_type ())

G_DECLARE_FINAL_TYPE (CandourBarChart, candour_bar_chart, CANDOUR, BAR_CHART, GtkWidget)

GtkWidget        *candour_bar_chart_new                (void);

/* The chart's name for assistive technologies and PDF captions. */
const char       *candour_bar_chart_get_title          (CandourBarChart   *self);
void              candour_bar_chart_set_title          (CandourBarChart   *self,
                                                        const char        *title);
CandourChartUnit  candour_bar_chart_get_unit           (CandourBarChart   *self);
void              candour_bar_chart_set_unit           (CandourBarChart   *self,
                                                        CandourChartUnit   unit);

/* Starts again with these series (NULL-terminated names, drawn in this order, at most
 * CANDOUR_BAR_CHART_MAX_SERIES), coloured blue, purple, green… in turn. */
void              candour_bar_chart_set_series         (CandourBarChart   *self,
                                                        const char * const *names);
/* Colours the series otherwise: one colour for each series set. */
void              candour_bar_chart_set_series_colours (CandourBarChart          *self,
                                                        const CandourChartColour *colours);
/* Adds a group: values holds one value per series. */
void              candour_bar_chart_add_category       (CandourBarChart   *self,
                                                        const char        *label,
                                                        const gint64      *values);
/* Shows data (taken) instead: its unit, series and categories. */
void              candour_bar_chart_set_data           (CandourBarChart     *self,
                                                        CandourBarChartData *data);

guint             candour_bar_chart_get_n_series       (CandourBarChart   *self);
CandourChartColour candour_bar_chart_get_series_colour (CandourBarChart   *self,
                                                        guint              series);
const char       *candour_bar_chart_get_series_name    (CandourBarChart   *self,
                                                        guint              series);
guint             candour_bar_chart_get_n_categories   (CandourBarChart   *self);
const char       *candour_bar_chart_get_category_label (CandourBarChart   *self,
                                                        guint              category);
gint64            candour_bar_chart_get_value          (CandourBarChart   *self,
                                                        guint              category,
                                                        guint              series);

/* The figures as a table of labels, for "Show as Table": category_heading heads the
 * first column, the series names the others. */
GtkWidget        *candour_bar_chart_create_table       (CandourBarChart   *self,
                                                        const char        *category_heading);
/* Every figure as lines of text: "Kindred Pathways: promised £534,500.00, …". */
char             *candour_bar_chart_describe           (CandourBarChart   *self);

/* The chart's figures, copied: drawn for paper on any thread (a PDF written off the
 * main loop), where the widget may not be touched. */
CandourBarChartData *candour_bar_chart_dup_data        (CandourBarChart   *self);

G_END_DECLS
