/* candour-chart-look.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "candour-chart-look.h"

void
candour_chart_look_for_widget (GtkWidget        *widget,
                               CandourChartLook *look)
{
  GdkRGBA ink;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (look != NULL);

  look->style = adw_style_manager_get_dark (adw_style_manager_get_default ())
    ? CANDOUR_CHART_STYLE_DARK : CANDOUR_CHART_STYLE_LIGHT;
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &ink);
  look->ink = (CandourChartRgba) { ink.red, ink.green, ink.blue, ink.alpha };
  /* The widget's own context keeps GTK's font settings and hinting. */
  look->context = gtk_widget_get_pango_context (widget);
}
