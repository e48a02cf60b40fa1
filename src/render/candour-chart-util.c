/* candour-chart-util.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "candour-chart-util.h"
#include "candour-money.h"
#include "candour-percent.h"

double
candour_chart_nice_step (double max,
                         int    target)
{
  double raw, magnitude, residual;

  if (max <= 0 || target <= 0)
    return 1;

  raw = max / target;
  magnitude = pow (10, floor (log10 (raw)));
  residual = raw / magnitude;

  if (residual <= 1)
    return magnitude;
  if (residual <= 2)
    return 2 * magnitude;
  if (residual <= 2.5)
    return 2.5 * magnitude;
  if (residual <= 5)
    return 5 * magnitude;
  return 10 * magnitude;
}

static char *
trim_point_zero (char *text)
{
  char *point = strstr (text, ".0");

  if (point != NULL && !g_ascii_isdigit (point[2]))
    memmove (point, point + 2, strlen (point + 2) + 1);
  return text;
}

char *
candour_chart_compact_money (gint64 pence)
{
  double pounds = pence / 100.0;
  double size = fabs (pounds);
  const char *sign = pounds < 0 ? "-" : "";

  if (size >= 1e6)
    return trim_point_zero (g_strdup_printf ("%s£%.1fm", sign, size / 1e6));
  if (size >= 1e4)
    return g_strdup_printf ("%s£%.0fk", sign, size / 1e3);
  if (size >= 1e3)
    return trim_point_zero (g_strdup_printf ("%s£%.1fk", sign, size / 1e3));
  return g_strdup_printf ("%s£%.0f", sign, size);
}

char *
candour_chart_format_value (CandourChartUnit unit,
                            gint64           value)
{
  switch (unit)
    {
    case CANDOUR_CHART_UNIT_MONEY:
      return candour_money_format_display (value);

    case CANDOUR_CHART_UNIT_PERCENT_TENTHS:
      {
        g_autofree char *tenths = candour_percent_format_tenths (value);
        return g_strconcat (tenths, "%", NULL);
      }

    case CANDOUR_CHART_UNIT_COUNT:
    default:
      return g_strdup_printf ("%" G_GINT64_FORMAT, value);
    }
}

char *
candour_chart_format_tick (CandourChartUnit unit,
                           gint64           value)
{
  switch (unit)
    {
    case CANDOUR_CHART_UNIT_MONEY:
      return candour_chart_compact_money (value);

    case CANDOUR_CHART_UNIT_PERCENT_TENTHS:
      return trim_point_zero (g_strdup_printf ("%.1f%%", value / 10.0));

    case CANDOUR_CHART_UNIT_COUNT:
    default:
      return g_strdup_printf ("%" G_GINT64_FORMAT, value);
    }
}

/* "#1c71d8" as cairo takes it. */
static void
parse_hex (const char       *hex,
           CandourChartRgba *colour)
{
  double parts[3];

  g_assert (hex[0] == '#' && strlen (hex) == 7);
  for (guint i = 0; i < 3; i++)
    parts[i] = (g_ascii_xdigit_value (hex[1 + 2 * i]) * 16 + g_ascii_xdigit_value (hex[2 + 2 * i])) / 255.0;
  *colour = (CandourChartRgba) { parts[0], parts[1], parts[2], 1.0 };
}

void
candour_chart_look_init_print (CandourChartLook *look)
{
  g_return_if_fail (look != NULL);

  look->style = CANDOUR_CHART_STYLE_PRINT;
  parse_hex ("#241f31", &look->ink);
  look->context = NULL;
}

void
candour_chart_series_colour (CandourChartStyle  style,
                             CandourChartColour index,
                             CandourChartRgba  *colour)
{
  /* Adwaita's blue, purple, green, orange, red and yellow, in CandourChartColour's order:
   * shade 4–5 on light, 2 on dark. */
  static const char * const light[] = { "#1c71d8", "#813d9c", "#26a269", "#c64600", "#c01c28", "#e5a50a" };
  static const char * const dark[] = { "#62a0ea", "#c061cb", "#57e389", "#ffa348", "#f66151", "#f8e45c" };
  const char * const *palette = style == CANDOUR_CHART_STYLE_DARK ? dark : light;

  parse_hex (palette[index % G_N_ELEMENTS (light)], colour);
}

void
candour_chart_set_source (cairo_t                *cr,
                          const CandourChartRgba *colour,
                          double                  alpha)
{
  cairo_set_source_rgba (cr, colour->red, colour->green, colour->blue, colour->alpha * alpha);
}

PangoLayout *
candour_chart_create_layout (cairo_t                *cr,
                             const CandourChartLook *look,
                             double                  scale)
{
  PangoLayout *layout;
  g_autoptr(PangoFontDescription) font = NULL;

  g_return_val_if_fail (look != NULL, NULL);
  g_return_val_if_fail (look->context != NULL || cr != NULL, NULL);

  /* On screen, the widget's own context keeps GTK's font settings and hinting. */
  if (look->context != NULL)
    {
      layout = pango_layout_new (look->context);
      font = pango_font_description_copy (pango_context_get_font_description (look->context));
    }
  else
    {
      layout = pango_cairo_create_layout (cr);
      font = pango_font_description_from_string ("Sans 8");
    }

  if (pango_font_description_get_size_is_absolute (font))
    pango_font_description_set_absolute_size (font, pango_font_description_get_size (font) * scale);
  else
    pango_font_description_set_size (font, (int)(pango_font_description_get_size (font) * scale));

  pango_layout_set_font_description (layout, font);
  return layout;
}

void
candour_chart_rounded_rectangle (cairo_t *cr,
                                 double   x,
                                 double   y,
                                 double   width,
                                 double   height,
                                 double   radius)
{
  radius = MIN (radius, MIN (width, height) / 2);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + width - radius, y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, x + width - radius, y + height - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, x + radius, y + height - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}
