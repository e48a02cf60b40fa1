/* candour-chart-look.h: how a chart widget draws now
 *
 * The light or dark style, the widget's text colour and its Pango context, for the
 * GTK-free chart drawing in src/render (candour-chart-util.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "candour-chart-util.h"

G_BEGIN_DECLS

/* Fills look for widget as it is now; look->context is the widget's, valid while the
 * widget is. */
void candour_chart_look_for_widget (GtkWidget        *widget,
                                    CandourChartLook *look);

G_END_DECLS
