/* candour-bar-chart-data.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "candour-bar-chart-data.h"

typedef struct
{
  char *label;
  gint64 *values;               /* one per series */
} Category;

struct _CandourBarChartData
{
  CandourChartUnit unit;
  GPtrArray *series;            /* char *name */
  CandourChartColour colours[CANDOUR_BAR_CHART_MAX_SERIES]; /* each series' */
  GArray *categories;           /* Category */
};

/* Sizes of one drawing, worked out from the font so the chart scales with text. */
typedef struct
{
  double text_height;
  double small_height;
  double legend_height;
  double bar_height;
  double bar_gap;
  double group_height;
  double group_gap;
  double axis_height;
} Metrics;

static void
category_clear (gpointer data)
{
  Category *category = data;

  g_free (category->label);
  g_free (category->values);
}

CandourBarChartData *
candour_bar_chart_data_new (void)
{
  CandourBarChartData *data = g_new0 (CandourBarChartData, 1);

  data->series = g_ptr_array_new_with_free_func (g_free);
  data->categories = g_array_new (FALSE, FALSE, sizeof (Category));
  g_array_set_clear_func (data->categories, category_clear);
  return data;
}

CandourBarChartData *
candour_bar_chart_data_copy (const CandourBarChartData *data)
{
  CandourBarChartData *copy;

  g_return_val_if_fail (data != NULL, NULL);

  copy = candour_bar_chart_data_new ();
  copy->unit = data->unit;
  for (guint s = 0; s < data->series->len; s++)
    g_ptr_array_add (copy->series, g_strdup (g_ptr_array_index (data->series, s)));
  memcpy (copy->colours, data->colours, sizeof copy->colours);
  for (guint c = 0; c < data->categories->len; c++)
    {
      const Category *category = &g_array_index (data->categories, Category, c);
      Category same = {
        g_strdup (category->label),
        g_memdup2 (category->values, sizeof (gint64) * data->series->len),
      };

      g_array_append_val (copy->categories, same);
    }
  return copy;
}

void
candour_bar_chart_data_free (CandourBarChartData *data)
{
  if (data == NULL)
    return;

  g_ptr_array_unref (data->series);
  g_array_unref (data->categories);
  g_free (data);
}

CandourChartUnit
candour_bar_chart_data_get_unit (const CandourBarChartData *data)
{
  g_return_val_if_fail (data != NULL, CANDOUR_CHART_UNIT_MONEY);

  return data->unit;
}

void
candour_bar_chart_data_set_unit (CandourBarChartData *data,
                                 CandourChartUnit     unit)
{
  g_return_if_fail (data != NULL);

  data->unit = unit;
}

void
candour_bar_chart_data_set_series (CandourBarChartData *data,
                                   const char * const  *names)
{
  g_return_if_fail (data != NULL);
  g_return_if_fail (names != NULL);

  g_ptr_array_set_size (data->series, 0);
  g_array_set_size (data->categories, 0);
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_return_if_fail (i < CANDOUR_BAR_CHART_MAX_SERIES);
      g_ptr_array_add (data->series, g_strdup (names[i]));
      data->colours[i] = (CandourChartColour)i;
    }
}

void
candour_bar_chart_data_set_series_colours (CandourBarChartData      *data,
                                           const CandourChartColour *colours)
{
  g_return_if_fail (data != NULL);
  g_return_if_fail (colours != NULL);

  memcpy (data->colours, colours, sizeof (CandourChartColour) * data->series->len);
}

void
candour_bar_chart_data_add_category (CandourBarChartData *data,
                                     const char          *label,
                                     const gint64        *values)
{
  Category category;

  g_return_if_fail (data != NULL);
  g_return_if_fail (label != NULL);
  g_return_if_fail (values != NULL || data->series->len == 0);

  category.label = g_strdup (label);
  category.values = g_memdup2 (values, sizeof (gint64) * data->series->len);
  g_array_append_val (data->categories, category);
}

guint
candour_bar_chart_data_get_n_series (const CandourBarChartData *data)
{
  g_return_val_if_fail (data != NULL, 0);

  return data->series->len;
}

const char *
candour_bar_chart_data_get_series_name (const CandourBarChartData *data,
                                        guint                      series)
{
  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (series < data->series->len, NULL);

  return g_ptr_array_index (data->series, series);
}

CandourChartColour
candour_bar_chart_data_get_series_colour (const CandourBarChartData *data,
                                          guint                      series)
{
  g_return_val_if_fail (data != NULL, CANDOUR_CHART_BLUE);
  g_return_val_if_fail (series < data->series->len, CANDOUR_CHART_BLUE);

  return data->colours[series];
}

guint
candour_bar_chart_data_get_n_categories (const CandourBarChartData *data)
{
  g_return_val_if_fail (data != NULL, 0);

  return data->categories->len;
}

const char *
candour_bar_chart_data_get_category_label (const CandourBarChartData *data,
                                           guint                      category)
{
  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (category < data->categories->len, NULL);

  return g_array_index (data->categories, Category, category).label;
}

gint64
candour_bar_chart_data_get_value (const CandourBarChartData *data,
                                  guint                      category,
                                  guint                      series)
{
  g_return_val_if_fail (data != NULL, CANDOUR_BAR_CHART_NO_VALUE);
  g_return_val_if_fail (category < data->categories->len, CANDOUR_BAR_CHART_NO_VALUE);
  g_return_val_if_fail (series < data->series->len, CANDOUR_BAR_CHART_NO_VALUE);

  return g_array_index (data->categories, Category, category).values[series];
}

char *
candour_bar_chart_data_describe (const CandourBarChartData *data)
{
  GString *text;

  g_return_val_if_fail (data != NULL, NULL);

  text = g_string_new (NULL);
  for (guint c = 0; c < data->categories->len; c++)
    {
      Category *category = &g_array_index (data->categories, Category, c);

      if (c > 0)
        g_string_append_c (text, '\n');
      g_string_append_printf (text, "%s:", category->label);
      for (guint s = 0; s < data->series->len; s++)
        {
          g_autofree char *value = category->values[s] == CANDOUR_BAR_CHART_NO_VALUE
            ? g_strdup (_("none")) : candour_chart_format_value (data->unit, category->values[s]);

          g_string_append_printf (text, "%s %s %s", s > 0 ? "," : "",
                                  (const char *)g_ptr_array_index (data->series, s), value);
        }
    }

  return g_string_free (text, FALSE);
}

/* Drawing */

static double
layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_set_text (layout, "Ag", -1);
  pango_layout_get_pixel_size (layout, NULL, &height);
  return height;
}

static void
compute_metrics (const CandourBarChartData *data,
                 cairo_t                   *cr,
                 const CandourChartLook    *look,
                 Metrics                   *m)
{
  g_autoptr(PangoLayout) text = candour_chart_create_layout (cr, look, 1.0);
  g_autoptr(PangoLayout) small = candour_chart_create_layout (cr, look, 0.85);
  guint n_series = MAX (1, data->series->len);

  m->text_height = layout_height (text);
  m->small_height = layout_height (small);
  m->legend_height = m->text_height + 14;
  /* Paper is read closer up than a screen: thinner bars, tighter groups. */
  if (look->style == CANDOUR_CHART_STYLE_PRINT)
    {
      /* Each bar as tall as its value's label, so labels never overlap. */
      m->bar_height = MAX (6, m->small_height - 1);
      m->bar_gap = 1;
      m->group_gap = MAX (8, round (m->text_height * 0.7));
    }
  else
    {
      m->bar_height = MAX (10, round (m->text_height * 0.7));
      m->bar_gap = 3;
      m->group_gap = MAX (14, round (m->text_height * 0.9));
    }
  m->group_height = MAX (n_series * m->bar_height + (n_series - 1) * m->bar_gap, m->text_height);
  m->axis_height = m->small_height + 8;
}

static double
natural_height (const CandourBarChartData *data,
                const Metrics             *m)
{
  guint n = data->categories->len;

  if (n == 0)
    return m->legend_height + m->text_height * 2;
  return m->legend_height + n * m->group_height + (n - 1) * m->group_gap + m->axis_height;
}

double
candour_bar_chart_data_get_height (const CandourBarChartData *data,
                                   cairo_t                   *cr,
                                   const CandourChartLook    *look)
{
  Metrics m;

  g_return_val_if_fail (data != NULL, 0);
  g_return_val_if_fail (look != NULL, 0);

  compute_metrics (data, cr, look, &m);
  return natural_height (data, &m);
}

int
candour_bar_chart_data_category_at (const CandourBarChartData *data,
                                    const CandourChartLook    *look,
                                    double                     y)
{
  Metrics m;
  double top;
  guint c;

  g_return_val_if_fail (data != NULL, -1);
  g_return_val_if_fail (look != NULL && look->context != NULL, -1);

  if (data->categories->len == 0)
    return -1;

  compute_metrics (data, NULL, look, &m);
  top = y - m.legend_height + m.group_gap / 2;
  if (top < 0)
    return -1;
  c = (guint)(top / (m.group_height + m.group_gap));
  return c < data->categories->len ? (int)c : -1;
}

static int
text_width (PangoLayout *layout,
            const char  *text)
{
  int width;

  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, &width, NULL);
  return width;
}

void
candour_bar_chart_data_paint (const CandourBarChartData *data,
                              cairo_t                   *cr,
                              const CandourChartLook    *look,
                              double                     width,
                              double                     height)
{
  g_autoptr(PangoLayout) text = NULL;
  g_autoptr(PangoLayout) small = NULL;
  const CandourChartRgba *ink;
  Metrics m;
  double label_width = 0, value_width = 0, x0, x1, y, step, axis_max, max = 0;

  g_return_if_fail (data != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (look != NULL);

  text = candour_chart_create_layout (cr, look, 1.0);
  small = candour_chart_create_layout (cr, look, 0.85);
  compute_metrics (data, cr, look, &m);
  ink = &look->ink;

  /* Legend: a swatch and the series name for each series, left to right. */
  {
    double x = 0;

    for (guint s = 0; s < data->series->len; s++)
      {
        CandourChartRgba colour;
        int w;

        candour_chart_series_colour (look->style, data->colours[s], &colour);
        candour_chart_set_source (cr, &colour, 1);
        candour_chart_rounded_rectangle (cr, x, (m.text_height - 12) / 2, 12, 12, 3);
        cairo_fill (cr);

        w = text_width (text, g_ptr_array_index (data->series, s));
        candour_chart_set_source (cr, ink, 1);
        cairo_move_to (cr, x + 18, 0);
        pango_cairo_show_layout (cr, text);
        x += 18 + w + 20;
      }
  }

  if (data->categories->len == 0)
    {
      pango_layout_set_text (text, _("Nothing to show yet"), -1);
      candour_chart_set_source (cr, ink, 0.55);
      cairo_move_to (cr, 0, m.legend_height);
      pango_cairo_show_layout (cr, text);
      return;
    }

  for (guint c = 0; c < data->categories->len; c++)
    {
      Category *category = &g_array_index (data->categories, Category, c);

      label_width = MAX (label_width, text_width (text, category->label));
      for (guint s = 0; s < data->series->len; s++)
        if (category->values[s] != CANDOUR_BAR_CHART_NO_VALUE)
          {
            g_autofree char *value = candour_chart_format_value (data->unit, category->values[s]);

            max = MAX (max, (double)category->values[s]);
            value_width = MAX (value_width, text_width (small, value));
          }
    }

  label_width = MIN (label_width, width * (look->style == CANDOUR_CHART_STYLE_PRINT ? 0.4 : 0.32));
  x0 = label_width + 12;
  x1 = MAX (x0 + 40, width - value_width - 8);
  step = candour_chart_nice_step (MAX (max, 1), 4);
  axis_max = MAX (step, ceil (MAX (max, 1) / step) * step);

  /* Grid lines and their values along the bottom. */
  {
    double top = m.legend_height;
    double bottom = natural_height (data, &m) - m.axis_height;

    cairo_set_line_width (cr, 1);
    for (double tick = 0; tick <= axis_max + step / 2; tick += step)
      {
        double x = round (x0 + (x1 - x0) * tick / axis_max) + 0.5;
        g_autofree char *label = candour_chart_format_tick (data->unit, (gint64)tick);
        int w = text_width (small, label);

        candour_chart_set_source (cr, ink, tick == 0 ? 0.35 : 0.12);
        cairo_move_to (cr, x, top - 4);
        cairo_line_to (cr, x, bottom + 2);
        cairo_stroke (cr);

        candour_chart_set_source (cr, ink, 0.6);
        cairo_move_to (cr, CLAMP (x - w / 2.0, x0 - w / 2.0, width - w), bottom + 5);
        pango_cairo_show_layout (cr, small);
      }
  }

  pango_layout_set_width (text, (int)(label_width * PANGO_SCALE));
  pango_layout_set_ellipsize (text, PANGO_ELLIPSIZE_END);

  y = m.legend_height;
  for (guint c = 0; c < data->categories->len; c++)
    {
      Category *category = &g_array_index (data->categories, Category, c);
      double bars_height = data->series->len * m.bar_height + (data->series->len - 1) * m.bar_gap;
      double bar_y = y + (m.group_height - bars_height) / 2;

      pango_layout_set_text (text, category->label, -1);
      candour_chart_set_source (cr, ink, 1);
      cairo_move_to (cr, 0, y + (m.group_height - m.text_height) / 2);
      pango_cairo_show_layout (cr, text);

      for (guint s = 0; s < data->series->len; s++)
        {
          gint64 value = category->values[s];
          double top = bar_y + s * (m.bar_height + m.bar_gap);
          double length;
          g_autofree char *label = NULL;
          CandourChartRgba colour;

          if (value == CANDOUR_BAR_CHART_NO_VALUE)
            continue;

          length = (x1 - x0) * MAX (value, 0) / axis_max;
          candour_chart_series_colour (look->style, data->colours[s], &colour);
          candour_chart_set_source (cr, &colour, 1);
          if (length >= 1)
            {
              candour_chart_rounded_rectangle (cr, x0, top, length, m.bar_height, 3);
              cairo_fill (cr);
            }

          label = candour_chart_format_value (data->unit, value);
          pango_layout_set_text (small, label, -1);
          candour_chart_set_source (cr, ink, 0.75);
          cairo_move_to (cr, x0 + length + 5, top + (m.bar_height - m.small_height) / 2);
          pango_cairo_show_layout (cr, small);
        }

      y += m.group_height + m.group_gap;
    }
}
