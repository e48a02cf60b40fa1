/* candour-line-chart.h: running totals over time, such as due against paid
 *
 * Days are candour_date_to_days() numbers and values pence. A series is drawn as a
 * straight line between its points, or as steps (a payment raises the total on its
 * day). The numbers are also text: the tooltip gives each series on the day under the
 * pointer and the accessible description sums each series up.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "candour-chart-util.h"
#include "candour-story.h"

G_BEGIN_DECLS

#define CANDOUR_TYPE_LINE_CHART (candour_line_chart_get_type ())

G_DECLARE_FINAL_TYPE (CandourLineChart, candour_line_chart, CANDOUR, LINE_CHART, GtkWidget)

GtkWidget  *candour_line_chart_new          (void);

const char *candour_line_chart_get_title    (CandourLineChart        *self);
void        candour_line_chart_set_title    (CandourLineChart        *self,
                                             const char              *title);

void        candour_line_chart_clear        (CandourLineChart        *self);
/* points in order of day; steps draws the total as rising on each point's day. */
void        candour_line_chart_add_series   (CandourLineChart        *self,
                                             const char              *name,
                                             const CandourStoryPoint *points,
                                             guint                    n_points,
                                             gboolean                 steps);
/* A dashed line on day, labelled, such as the day findings are judged on. */
void        candour_line_chart_set_marker   (CandourLineChart        *self,
                                             gint64                   day,
                                             const char              *label);

guint       candour_line_chart_get_n_series (CandourLineChart        *self);
/* A series' total on day: interpolated between points, or the last step. */
gint64      candour_line_chart_value_on     (CandourLineChart        *self,
                                             guint                    series,
                                             gint64                   day);

char       *candour_line_chart_describe     (CandourLineChart        *self);
void        candour_line_chart_draw         (CandourLineChart        *self,
                                             cairo_t                 *cr,
                                             double                   width,
                                             double                   height,
                                             const CandourChartLook  *look);

G_END_DECLS
