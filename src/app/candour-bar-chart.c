/* candour-bar-chart.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "candour-bar-chart.h"

typedef struct
{
  char *label;
  gint64 *values;               /* one per series */
} Category;

/* What the chart draws, apart from the widget: a copy can be drawn on another thread. */
struct _CandourBarChartData
{
  CandourChartUnit unit;
  GPtrArray *series;            /* char *name */
  CandourChartColour colours[CANDOUR_BAR_CHART_MAX_SERIES]; /* each series' */
  GArray *categories;           /* Category */
};

struct _CandourBarChart
{
  GtkWidget parent_instance;

  char *title;
  CandourBarChartData data;
  guint description_source;     /* the accessible description, written once filled */
};

G_DEFINE_FINAL_TYPE (CandourBarChart, candour_bar_chart, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_UNIT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

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

static double
layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_set_text (layout, "Ag", -1);
  pango_layout_get_pixel_size (layout, NULL, &height);
  return height;
}

/* widget: the chart on screen, or NULL to draw data for paper (on any thread). */
static void
compute_metrics (const CandourBarChartData *data,
                 GtkWidget                 *widget,
                 cairo_t                   *cr,
                 CandourChartStyle          style,
                 Metrics                   *m)
{
  g_autoptr(PangoLayout) text = candour_chart_create_layout (cr, widget, style, 1.0);
  g_autoptr(PangoLayout) small = candour_chart_create_layout (cr, widget, style, 0.85);
  guint n_series = MAX (1, data->series->len);

  m->text_height = layout_height (text);
  m->small_height = layout_height (small);
  m->legend_height = m->text_height + 14;
  /* Paper is read closer up than a screen: thinner bars, tighter groups. */
  if (style == CANDOUR_CHART_STYLE_PRINT)
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
candour_bar_chart_data_get_print_height (const CandourBarChartData *data,
                                         cairo_t                   *cr)
{
  Metrics m;

  g_return_val_if_fail (data != NULL, 0);
  g_return_val_if_fail (cr != NULL, 0);

  compute_metrics (data, NULL, cr, CANDOUR_CHART_STYLE_PRINT, &m);
  return natural_height (data, &m);
}

static void
set_source (cairo_t       *cr,
            const GdkRGBA *colour,
            double         alpha)
{
  cairo_set_source_rgba (cr, colour->red, colour->green, colour->blue, colour->alpha * alpha);
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

static void
draw (const CandourBarChartData *data,
      GtkWidget                 *widget,
      cairo_t                   *cr,
      double                     width,
      double                     height,
      CandourChartStyle          style)
{
  g_autoptr(PangoLayout) text = NULL;
  g_autoptr(PangoLayout) small = NULL;
  GdkRGBA ink;
  Metrics m;
  double label_width = 0, value_width = 0, x0, x1, y, step, axis_max, max = 0;

  text = candour_chart_create_layout (cr, widget, style, 1.0);
  small = candour_chart_create_layout (cr, widget, style, 0.85);
  compute_metrics (data, widget, cr, style, &m);
  candour_chart_text_colour (widget, style, &ink);

  /* Legend: a swatch and the series name for each series, left to right. */
  {
    double x = 0;

    for (guint s = 0; s < data->series->len; s++)
      {
        GdkRGBA colour;
        int w;

        candour_chart_series_colour (style, data->colours[s], &colour);
        set_source (cr, &colour, 1);
        candour_chart_rounded_rectangle (cr, x, (m.text_height - 12) / 2, 12, 12, 3);
        cairo_fill (cr);

        w = text_width (text, g_ptr_array_index (data->series, s));
        set_source (cr, &ink, 1);
        cairo_move_to (cr, x + 18, 0);
        pango_cairo_show_layout (cr, text);
        x += 18 + w + 20;
      }
  }

  if (data->categories->len == 0)
    {
      pango_layout_set_text (text, _("Nothing to show yet"), -1);
      set_source (cr, &ink, 0.55);
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

  label_width = MIN (label_width, width * (style == CANDOUR_CHART_STYLE_PRINT ? 0.4 : 0.32));
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

        set_source (cr, &ink, tick == 0 ? 0.35 : 0.12);
        cairo_move_to (cr, x, top - 4);
        cairo_line_to (cr, x, bottom + 2);
        cairo_stroke (cr);

        set_source (cr, &ink, 0.6);
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
      set_source (cr, &ink, 1);
      cairo_move_to (cr, 0, y + (m.group_height - m.text_height) / 2);
      pango_cairo_show_layout (cr, text);

      for (guint s = 0; s < data->series->len; s++)
        {
          gint64 value = category->values[s];
          double top = bar_y + s * (m.bar_height + m.bar_gap);
          double length;
          g_autofree char *label = NULL;
          GdkRGBA colour;

          if (value == CANDOUR_BAR_CHART_NO_VALUE)
            continue;

          length = (x1 - x0) * MAX (value, 0) / axis_max;
          candour_chart_series_colour (style, data->colours[s], &colour);
          set_source (cr, &colour, 1);
          if (length >= 1)
            {
              candour_chart_rounded_rectangle (cr, x0, top, length, m.bar_height, 3);
              cairo_fill (cr);
            }

          label = candour_chart_format_value (data->unit, value);
          pango_layout_set_text (small, label, -1);
          set_source (cr, &ink, 0.75);
          cairo_move_to (cr, x0 + length + 5, top + (m.bar_height - m.small_height) / 2);
          pango_cairo_show_layout (cr, small);
        }

      y += m.group_height + m.group_gap;
    }
}

void
candour_bar_chart_data_draw_print (const CandourBarChartData *data,
                                   cairo_t                   *cr,
                                   double                     width,
                                   double                     height)
{
  g_return_if_fail (data != NULL);
  g_return_if_fail (cr != NULL);

  draw (data, NULL, cr, width, height, CANDOUR_CHART_STYLE_PRINT);
}

CandourBarChartData *
candour_bar_chart_dup_data (CandourBarChart *self)
{
  CandourBarChartData *data;

  g_return_val_if_fail (CANDOUR_IS_BAR_CHART (self), NULL);

  data = g_new0 (CandourBarChartData, 1);
  data->unit = self->data.unit;
  data->series = g_ptr_array_new_with_free_func (g_free);
  for (guint s = 0; s < self->data.series->len; s++)
    g_ptr_array_add (data->series, g_strdup (g_ptr_array_index (self->data.series, s)));
  memcpy (data->colours, self->data.colours, sizeof data->colours);
  data->categories = g_array_sized_new (FALSE, FALSE, sizeof (Category), self->data.categories->len);
  g_array_set_clear_func (data->categories, category_clear);
  for (guint c = 0; c < self->data.categories->len; c++)
    {
      const Category *category = &g_array_index (self->data.categories, Category, c);
      Category copy = {
        g_strdup (category->label),
        g_memdup2 (category->values, sizeof (gint64) * self->data.series->len),
      };

      g_array_append_val (data->categories, copy);
    }
  return data;
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

static void
candour_bar_chart_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  CandourBarChart *self = CANDOUR_BAR_CHART (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  draw (&self->data, widget, cr, width, height, candour_chart_style_for_widget (widget));
  cairo_destroy (cr);
}

static void
candour_bar_chart_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  CandourBarChart *self = CANDOUR_BAR_CHART (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 240;
      *natural = 560;
    }
  else
    {
      Metrics m;

      compute_metrics (&self->data, widget, NULL, candour_chart_style_for_widget (widget), &m);
      *minimum = *natural = (int)ceil (natural_height (&self->data, &m));
    }
}

static void
candour_bar_chart_css_changed (GtkWidget         *widget,
                               GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (candour_bar_chart_parent_class)->css_changed (widget, change);

  /* Dark style or a new font: the colours and sizes come from the style. */
  gtk_widget_queue_resize (widget);
}

static gboolean
candour_bar_chart_query_tooltip (GtkWidget  *widget,
                                 int         x,
                                 int         y,
                                 gboolean    keyboard,
                                 GtkTooltip *tooltip)
{
  CandourBarChart *self = CANDOUR_BAR_CHART (widget);
  g_autoptr(GString) text = NULL;
  Metrics m;
  double top;
  guint c;

  if (self->data.categories->len == 0)
    return FALSE;

  compute_metrics (&self->data, widget, NULL, candour_chart_style_for_widget (widget), &m);
  top = y - m.legend_height + m.group_gap / 2;
  if (top < 0)
    return FALSE;
  c = (guint)(top / (m.group_height + m.group_gap));
  if (c >= self->data.categories->len)
    return FALSE;

  text = g_string_new (NULL);
  {
    g_autofree char *label = g_markup_escape_text (g_array_index (self->data.categories, Category, c).label, -1);
    g_string_append_printf (text, "<b>%s</b>", label);
  }
  for (guint s = 0; s < self->data.series->len; s++)
    {
      gint64 value = g_array_index (self->data.categories, Category, c).values[s];
      g_autofree char *formatted = value == CANDOUR_BAR_CHART_NO_VALUE
        ? g_strdup (_("none")) : candour_chart_format_value (self->data.unit, value);
      g_autofree char *name = g_markup_escape_text (g_ptr_array_index (self->data.series, s), -1);

      g_string_append_printf (text, "\n%s: %s", name, formatted);
    }

  gtk_tooltip_set_markup (tooltip, text->str);
  return TRUE;
}

static gboolean
write_description (gpointer user_data)
{
  CandourBarChart *self = user_data;
  g_autofree char *description = candour_bar_chart_describe (self);

  self->description_source = 0;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, self->title ? self->title : "",
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
  return G_SOURCE_REMOVE;
}

/* Described once the chart is filled, not at each of its hundreds of bars. */
static void
update_description (CandourBarChart *self)
{
  if (self->description_source == 0)
    self->description_source = g_idle_add (write_description, self);
}

static void
candour_bar_chart_dispose (GObject *object)
{
  CandourBarChart *self = (CandourBarChart *)object;

  g_clear_handle_id (&self->description_source, g_source_remove);

  G_OBJECT_CLASS (candour_bar_chart_parent_class)->dispose (object);
}

static void
candour_bar_chart_finalize (GObject *object)
{
  CandourBarChart *self = (CandourBarChart *)object;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->data.series, g_ptr_array_unref);
  g_clear_pointer (&self->data.categories, g_array_unref);

  G_OBJECT_CLASS (candour_bar_chart_parent_class)->finalize (object);
}

static void
candour_bar_chart_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  CandourBarChart *self = CANDOUR_BAR_CHART (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_UNIT:
      g_value_set_int (value, self->data.unit);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
candour_bar_chart_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  CandourBarChart *self = CANDOUR_BAR_CHART (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      candour_bar_chart_set_title (self, g_value_get_string (value));
      break;

    case PROP_UNIT:
      candour_bar_chart_set_unit (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
candour_bar_chart_class_init (CandourBarChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = candour_bar_chart_dispose;
  object_class->finalize = candour_bar_chart_finalize;
  object_class->get_property = candour_bar_chart_get_property;
  object_class->set_property = candour_bar_chart_set_property;

  widget_class->snapshot = candour_bar_chart_snapshot;
  widget_class->measure = candour_bar_chart_measure;
  widget_class->css_changed = candour_bar_chart_css_changed;
  widget_class->query_tooltip = candour_bar_chart_query_tooltip;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, "What the chart shows", NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_UNIT] =
    g_param_spec_int ("unit", NULL, "The CandourChartUnit of the values",
                      CANDOUR_CHART_UNIT_MONEY, CANDOUR_CHART_UNIT_COUNT, CANDOUR_CHART_UNIT_MONEY,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "barchart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
candour_bar_chart_init (CandourBarChart *self)
{
  self->data.series = g_ptr_array_new_with_free_func (g_free);
  self->data.categories = g_array_new (FALSE, FALSE, sizeof (Category));
  g_array_set_clear_func (self->data.categories, category_clear);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
}

GtkWidget *
candour_bar_chart_new (void)
{
  return g_object_new (CANDOUR_TYPE_BAR_CHART, NULL);
}

const char *
candour_bar_chart_get_title (CandourBarChart *self)
{
  g_return_val_if_fail (CANDOUR_IS_BAR_CHART (self), NULL);

  return self->title;
}

void
candour_bar_chart_set_title (CandourBarChart *self,
                             const char      *title)
{
  g_return_if_fail (CANDOUR_IS_BAR_CHART (self));

  if (g_strcmp0 (self->title, title) == 0)
    return;

  g_free (self->title);
  self->title = g_strdup (title);
  update_description (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

CandourChartUnit
candour_bar_chart_get_unit (CandourBarChart *self)
{
  g_return_val_if_fail (CANDOUR_IS_BAR_CHART (self), CANDOUR_CHART_UNIT_MONEY);

  return self->data.unit;
}

void
candour_bar_chart_set_unit (CandourBarChart  *self,
                            CandourChartUnit  unit)
{
  g_return_if_fail (CANDOUR_IS_BAR_CHART (self));

  if (self->data.unit == unit)
    return;

  self->data.unit = unit;
  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNIT]);
}

void
candour_bar_chart_set_series (CandourBarChart    *self,
                              const char * const *names)
{
  g_return_if_fail (CANDOUR_IS_BAR_CHART (self));
  g_return_if_fail (names != NULL);

  g_ptr_array_set_size (self->data.series, 0);
  g_array_set_size (self->data.categories, 0);
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_return_if_fail (i < CANDOUR_BAR_CHART_MAX_SERIES);
      g_ptr_array_add (self->data.series, g_strdup (names[i]));
      self->data.colours[i] = (CandourChartColour)i;
    }

  update_description (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
candour_bar_chart_set_series_colours (CandourBarChart          *self,
                                      const CandourChartColour *colours)
{
  g_return_if_fail (CANDOUR_IS_BAR_CHART (self));
  g_return_if_fail (colours != NULL);

  memcpy (self->data.colours, colours, sizeof (CandourChartColour) * self->data.series->len);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
candour_bar_chart_add_category (CandourBarChart *self,
                                const char      *label,
                                const gint64    *values)
{
  Category category;

  g_return_if_fail (CANDOUR_IS_BAR_CHART (self));
  g_return_if_fail (label != NULL);
  g_return_if_fail (values != NULL || self->data.series->len == 0);

  category.label = g_strdup (label);
  category.values = g_memdup2 (values, sizeof (gint64) * self->data.series->len);
  g_array_append_val (self->data.categories, category);

  update_description (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

CandourChartColour
candour_bar_chart_get_series_colour (CandourBarChart *self,
                                     guint            series)
{
  g_return_val_if_fail (CANDOUR_IS_BAR_CHART (self), CANDOUR_CHART_BLUE);
  g_return_val_if_fail (series < self->data.series->len, CANDOUR_CHART_BLUE);

  return self->data.colours[series];
}

guint
candour_bar_chart_get_n_series (CandourBarChart *self)
{
  g_return_val_if_fail (CANDOUR_IS_BAR_CHART (self), 0);

  return self->data.series->len;
}

const char *
candour_bar_chart_get_series_name (CandourBarChart *self,
                                   guint            series)
{
  g_return_val_if_fail (CANDOUR_IS_BAR_CHART (self), NULL);
  g_return_val_if_fail (series < self->data.series->len, NULL);

  return g_ptr_array_index (self->data.series, series);
}

guint
candour_bar_chart_get_n_categories (CandourBarChart *self)
{
  g_return_val_if_fail (CANDOUR_IS_BAR_CHART (self), 0);

  return self->data.categories->len;
}

const char *
candour_bar_chart_get_category_label (CandourBarChart *self,
                                      guint            category)
{
  g_return_val_if_fail (CANDOUR_IS_BAR_CHART (self), NULL);
  g_return_val_if_fail (category < self->data.categories->len, NULL);

  return g_array_index (self->data.categories, Category, category).label;
}

gint64
candour_bar_chart_get_value (CandourBarChart *self,
                             guint            category,
                             guint            series)
{
  g_return_val_if_fail (CANDOUR_IS_BAR_CHART (self), CANDOUR_BAR_CHART_NO_VALUE);
  g_return_val_if_fail (category < self->data.categories->len, CANDOUR_BAR_CHART_NO_VALUE);
  g_return_val_if_fail (series < self->data.series->len, CANDOUR_BAR_CHART_NO_VALUE);

  return g_array_index (self->data.categories, Category, category).values[series];
}

char *
candour_bar_chart_describe (CandourBarChart *self)
{
  GString *text;

  g_return_val_if_fail (CANDOUR_IS_BAR_CHART (self), NULL);

  text = g_string_new (NULL);
  for (guint c = 0; c < self->data.categories->len; c++)
    {
      Category *category = &g_array_index (self->data.categories, Category, c);

      if (c > 0)
        g_string_append_c (text, '\n');
      g_string_append_printf (text, "%s:", category->label);
      for (guint s = 0; s < self->data.series->len; s++)
        {
          g_autofree char *value = category->values[s] == CANDOUR_BAR_CHART_NO_VALUE
            ? g_strdup (_("none")) : candour_chart_format_value (self->data.unit, category->values[s]);

          g_string_append_printf (text, "%s %s %s", s > 0 ? "," : "",
                                  (const char *)g_ptr_array_index (self->data.series, s), value);
        }
    }

  return g_string_free (text, FALSE);
}

static GtkWidget *
table_label (const char *text,
             gboolean    numeric,
             gboolean    heading)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), numeric ? 1 : 0);
  gtk_label_set_wrap (GTK_LABEL (label), !numeric);
  gtk_label_set_selectable (GTK_LABEL (label), !heading);
  if (numeric)
    gtk_widget_add_css_class (label, "numeric");
  if (heading)
    gtk_widget_add_css_class (label, "heading");
  return label;
}

GtkWidget *
candour_bar_chart_create_table (CandourBarChart *self,
                                const char      *category_heading)
{
  GtkWidget *grid;

  g_return_val_if_fail (CANDOUR_IS_BAR_CHART (self), NULL);

  grid = gtk_grid_new ();
  gtk_grid_set_column_spacing (GTK_GRID (grid), 24);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 8);
  gtk_widget_add_css_class (grid, "chart-table");
  gtk_accessible_update_property (GTK_ACCESSIBLE (grid),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, self->title ? self->title : "",
                                  -1);

  gtk_grid_attach (GTK_GRID (grid), table_label (category_heading, FALSE, TRUE), 0, 0, 1, 1);
  for (guint s = 0; s < self->data.series->len; s++)
    gtk_grid_attach (GTK_GRID (grid), table_label (g_ptr_array_index (self->data.series, s), TRUE, TRUE),
                     s + 1, 0, 1, 1);

  for (guint c = 0; c < self->data.categories->len; c++)
    {
      Category *category = &g_array_index (self->data.categories, Category, c);
      GtkWidget *name = table_label (category->label, FALSE, FALSE);

      gtk_widget_set_hexpand (name, TRUE);
      gtk_grid_attach (GTK_GRID (grid), name, 0, c + 1, 1, 1);
      for (guint s = 0; s < self->data.series->len; s++)
        {
          g_autofree char *value = category->values[s] == CANDOUR_BAR_CHART_NO_VALUE
            ? g_strdup ("") : candour_chart_format_value (self->data.unit, category->values[s]);

          gtk_grid_attach (GTK_GRID (grid), table_label (value, TRUE, FALSE), s + 1, c + 1, 1, 1);
        }
    }

  return grid;
}
