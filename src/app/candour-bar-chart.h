/* candour-bar-chart.h: grouped horizontal bars, one group per category
 *
 * Used for promised, subcontracted and paid per lead provider, and for the reports.
 * Drawn with cairo, so the same drawing goes on screen and into a PDF. The numbers are
 * also text: in the tooltip of each group and in the accessible description.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "candour-chart-util.h"

G_BEGIN_DECLS

/* A category's value for a series that has none (drawn as no bar, described as such). */
#define CANDOUR_BAR_CHART_NO_VALUE G_MININT64

/* Bars people can read on a screen or an A4 page: a longer list belongs in a table. */
#define CANDOUR_BAR_CHART_MAX_READABLE 12

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

#define CANDOUR_BAR_CHART_MAX_SERIES 8

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
typedef struct _CandourBarChartData CandourBarChartData;

CandourBarChartData *candour_bar_chart_dup_data        (CandourBarChart           *self);
void              candour_bar_chart_data_free          (CandourBarChartData       *data);
/* The height the figures need on paper, at their natural spacing. */
double            candour_bar_chart_data_get_print_height (const CandourBarChartData *data,
                                                           cairo_t                   *cr);
/* Draws for paper into width × height from the origin of cr. */
void              candour_bar_chart_data_draw_print    (const CandourBarChartData *data,
                                                        cairo_t                   *cr,
                                                        double                     width,
                                                        double                     height);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CandourBarChartData, candour_bar_chart_data_free)

G_END_DECLS
