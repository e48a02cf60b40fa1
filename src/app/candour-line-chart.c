/* candour-line-chart.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "candour-date.h"
#include "candour-chart-look.h"
#include "candour-line-chart.h"
#include "candour-money.h"

typedef struct
{
  char *name;
  GArray *points;               /* CandourStoryPoint */
  gboolean steps;
} Series;

struct _CandourLineChart
{
  GtkWidget parent_instance;

  char *title;
  GPtrArray *series;            /* Series */
  gboolean has_marker;
  gint64 marker_day;
  char *marker_label;
};

G_DEFINE_FINAL_TYPE (CandourLineChart, candour_line_chart, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The plot's corners and scales for one drawing. */
typedef struct
{
  double left, right, top, bottom;
  gint64 first_day, last_day;
  double y_max, y_step;
  double text_height, small_height, legend_height;
} Frame;

static void
series_free (gpointer data)
{
  Series *series = data;

  g_free (series->name);
  g_array_unref (series->points);
  g_free (series);
}

static char *
day_text (gint64 day)
{
  GDate date;
  char text[16];

  g_date_clear (&date, 1);
  if (day < 1 || day > G_MAXUINT32)
    return g_strdup ("");
  g_date_set_julian (&date, (guint32)day);
  g_date_strftime (text, sizeof text, "%d/%m/%Y", &date);
  return g_strdup (text);
}

gint64
candour_line_chart_value_on (CandourLineChart *self,
                             guint             index,
                             gint64            day)
{
  Series *series;
  const CandourStoryPoint *points;
  guint n;

  g_return_val_if_fail (CANDOUR_IS_LINE_CHART (self), 0);
  g_return_val_if_fail (index < self->series->len, 0);

  series = g_ptr_array_index (self->series, index);
  points = (const CandourStoryPoint *)(gpointer)series->points->data;
  n = series->points->len;
  if (n == 0 || day < points[0].day)
    return n == 0 ? 0 : points[0].pence;

  for (guint i = 1; i < n; i++)
    if (day < points[i].day)
      {
        if (series->steps)
          return points[i - 1].pence;
        return points[i - 1].pence +
               candour_round_mul_div (points[i].pence - points[i - 1].pence,
                                      day - points[i - 1].day, points[i].day - points[i - 1].day);
      }

  return points[n - 1].pence;
}

static double
layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_set_text (layout, "Ag", -1);
  pango_layout_get_pixel_size (layout, NULL, &height);
  return height;
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
compute_frame (CandourLineChart  *self,
               PangoLayout       *text,
               PangoLayout       *small,
               double             width,
               double             height,
               Frame             *f)
{
  double max = 0;
  double label_width = 0;

  f->first_day = G_MAXINT64;
  f->last_day = G_MININT64;
  for (guint s = 0; s < self->series->len; s++)
    {
      Series *series = g_ptr_array_index (self->series, s);

      for (guint i = 0; i < series->points->len; i++)
        {
          CandourStoryPoint *point = &g_array_index (series->points, CandourStoryPoint, i);

          f->first_day = MIN (f->first_day, point->day);
          f->last_day = MAX (f->last_day, point->day);
          max = MAX (max, (double)point->pence);
        }
    }
  if (f->first_day > f->last_day)
    f->first_day = f->last_day = 0;
  if (f->last_day == f->first_day)
    f->last_day = f->first_day + 1;

  /* At least £100 tall, so a flat line at £0 does not get an axis of pennies. */
  max = MAX (max, 10000);
  f->y_step = candour_chart_nice_step (max, 4);
  f->y_max = MAX (f->y_step, ceil (max / f->y_step) * f->y_step);

  for (double tick = 0; tick <= f->y_max + f->y_step / 2; tick += f->y_step)
    {
      g_autofree char *label = candour_chart_compact_money ((gint64)tick);
      label_width = MAX (label_width, text_width (small, label));
    }

  f->text_height = layout_height (text);
  f->small_height = layout_height (small);
  f->legend_height = f->text_height + 14;
  f->left = label_width + 8;
  f->right = width - 8;
  f->top = f->legend_height + f->small_height + 6;
  f->bottom = height - f->small_height - 8;
}

static double
x_for_day (const Frame *f,
           gint64       day)
{
  return f->left + (f->right - f->left) * (double)(day - f->first_day) / (double)(f->last_day - f->first_day);
}

static double
y_for_value (const Frame *f,
             gint64       pence)
{
  return f->bottom - (f->bottom - f->top) * MAX (0, (double)pence) / f->y_max;
}

static void
draw_month_ticks (cairo_t                *cr,
                  PangoLayout            *small,
                  const Frame            *f,
                  const CandourChartRgba *ink)
{
  static const int intervals[] = { 1, 2, 3, 6, 12, 24, 60 };
  GDate first, date;
  int months_span, interval = 60;
  int max_labels = MAX (1, (int)((f->right - f->left) / 90));

  g_date_clear (&first, 1);
  g_date_clear (&date, 1);
  if (f->first_day < 1)
    return;
  g_date_set_julian (&first, (guint32)f->first_day);

  months_span = (int)((f->last_day - f->first_day) / 30) + 1;
  for (guint i = 0; i < G_N_ELEMENTS (intervals); i++)
    if (months_span / intervals[i] <= max_labels)
      {
        interval = intervals[i];
        break;
      }

  /* Ticks on the first of a month, on months that divide by the interval. */
  g_date_set_dmy (&date, 1, g_date_get_month (&first), g_date_get_year (&first));
  if (g_date_compare (&date, &first) < 0)
    g_date_add_months (&date, 1);
  while ((g_date_get_month (&date) - 1) % interval != 0 && interval <= 12)
    g_date_add_months (&date, 1);

  cairo_set_line_width (cr, 1);
  for (; (gint64)g_date_get_julian (&date) <= f->last_day; g_date_add_months (&date, interval))
    {
      double x = round (x_for_day (f, g_date_get_julian (&date))) + 0.5;
      g_autoptr(GDateTime) when = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date),
                                                         1, 12, 0, 0);
      g_autofree char *label = g_date_time_format (when, "%b %Y");
      int w = text_width (small, label);

      candour_chart_set_source (cr, ink, 0.1);
      cairo_move_to (cr, x, f->top);
      cairo_line_to (cr, x, f->bottom);
      cairo_stroke (cr);

      if (x - w / 2.0 < f->left - 4 || x + w / 2.0 > f->right + 8)
        continue;
      candour_chart_set_source (cr, ink, 0.6);
      cairo_move_to (cr, x - w / 2.0, f->bottom + 5);
      pango_cairo_show_layout (cr, small);
    }
}

void
candour_line_chart_draw (CandourLineChart       *self,
                         cairo_t                *cr,
                         double                  width,
                         double                  height,
                         const CandourChartLook *look)
{
  g_autoptr(PangoLayout) text = NULL;
  g_autoptr(PangoLayout) small = NULL;
  CandourChartRgba ink;
  Frame f;
  double x = 0;

  g_return_if_fail (CANDOUR_IS_LINE_CHART (self));

  text = candour_chart_create_layout (cr, look, 1.0);
  small = candour_chart_create_layout (cr, look, 0.85);
  ink = look->ink;
  compute_frame (self, text, small, width, height, &f);

  /* Legend */
  for (guint s = 0; s < self->series->len; s++)
    {
      Series *series = g_ptr_array_index (self->series, s);
      CandourChartRgba colour;

      candour_chart_series_colour (look->style, s == 0 ? 0 : 2, &colour);
      candour_chart_set_source (cr, &colour, 1);
      cairo_set_line_width (cr, 3);
      cairo_move_to (cr, x, f.text_height / 2);
      cairo_line_to (cr, x + 16, f.text_height / 2);
      cairo_stroke (cr);

      candour_chart_set_source (cr, &ink, 1);
      cairo_move_to (cr, x + 22, 0);
      pango_layout_set_text (text, series->name, -1);
      pango_cairo_show_layout (cr, text);
      x += 22 + text_width (text, series->name) + 20;
    }

  if (f.bottom - f.top < 20 || f.right - f.left < 40)
    return;

  /* Value grid with its labels on the left. */
  cairo_set_line_width (cr, 1);
  for (double tick = 0; tick <= f.y_max + f.y_step / 2; tick += f.y_step)
    {
      double y = round (y_for_value (&f, (gint64)tick)) + 0.5;
      g_autofree char *label = candour_chart_compact_money ((gint64)tick);
      int w = text_width (small, label);

      candour_chart_set_source (cr, &ink, tick == 0 ? 0.35 : 0.12);
      cairo_move_to (cr, f.left, y);
      cairo_line_to (cr, f.right, y);
      cairo_stroke (cr);

      candour_chart_set_source (cr, &ink, 0.6);
      cairo_move_to (cr, f.left - 6 - w, y - f.small_height / 2);
      pango_cairo_show_layout (cr, small);
    }

  draw_month_ticks (cr, small, &f, &ink);

  for (guint s = 0; s < self->series->len; s++)
    {
      Series *series = g_ptr_array_index (self->series, s);
      CandourChartRgba colour;

      if (series->points->len == 0)
        continue;

      candour_chart_series_colour (look->style, s == 0 ? 0 : 2, &colour);
      cairo_new_path (cr);
      for (guint i = 0; i < series->points->len; i++)
        {
          CandourStoryPoint *point = &g_array_index (series->points, CandourStoryPoint, i);
          double px = x_for_day (&f, point->day), py = y_for_value (&f, point->pence);

          if (i == 0)
            cairo_move_to (cr, px, py);
          else if (series->steps)
            {
              double previous_y;
              cairo_get_current_point (cr, NULL, &previous_y);
              cairo_line_to (cr, px, previous_y);
              cairo_line_to (cr, px, py);
            }
          else
            cairo_line_to (cr, px, py);
        }

      /* The first series (what is due) is shaded underneath, so the gap shows. */
      if (s == 0)
        {
          cairo_path_t *path = cairo_copy_path (cr);

          cairo_line_to (cr, x_for_day (&f, g_array_index (series->points, CandourStoryPoint,
                                                           series->points->len - 1).day), f.bottom);
          cairo_line_to (cr, x_for_day (&f, g_array_index (series->points, CandourStoryPoint, 0).day), f.bottom);
          cairo_close_path (cr);
          candour_chart_set_source (cr, &colour, 0.14);
          cairo_fill (cr);
          cairo_append_path (cr, path);
          cairo_path_destroy (path);
        }

      candour_chart_set_source (cr, &colour, 1);
      cairo_set_line_width (cr, 2.5);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      cairo_stroke (cr);
    }

  if (self->has_marker && self->marker_day >= f.first_day && self->marker_day <= f.last_day)
    {
      double mx = round (x_for_day (&f, self->marker_day)) + 0.5;
      double dash[] = { 4, 3 };
      int w = text_width (small, self->marker_label ? self->marker_label : "");

      candour_chart_set_source (cr, &ink, 0.55);
      cairo_set_line_width (cr, 1);
      cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
      cairo_move_to (cr, mx, f.top - 2);
      cairo_line_to (cr, mx, f.bottom);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);

      candour_chart_set_source (cr, &ink, 0.75);
      cairo_move_to (cr, MIN (mx - w / 2.0, width - w), f.top - f.small_height - 4);
      pango_cairo_show_layout (cr, small);
    }
}

static void
candour_line_chart_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  CandourChartLook look;
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;

  candour_chart_look_for_widget (widget, &look);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  candour_line_chart_draw (CANDOUR_LINE_CHART (widget), cr, width, height, &look);
  cairo_destroy (cr);
}

static void
candour_line_chart_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 240;
      *natural = 560;
    }
  else
    {
      *minimum = 180;
      *natural = 260;
    }
}

static void
candour_line_chart_css_changed (GtkWidget         *widget,
                                GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (candour_line_chart_parent_class)->css_changed (widget, change);

  gtk_widget_queue_draw (widget);
}

static gboolean
candour_line_chart_query_tooltip (GtkWidget  *widget,
                                  int         x,
                                  int         y,
                                  gboolean    keyboard,
                                  GtkTooltip *tooltip)
{
  CandourLineChart *self = CANDOUR_LINE_CHART (widget);
  g_autoptr(PangoLayout) text = gtk_widget_create_pango_layout (widget, NULL);
  g_autoptr(PangoLayout) small = gtk_widget_create_pango_layout (widget, NULL);
  g_autoptr(GString) markup = NULL;
  g_autofree char *date = NULL;
  Frame f;
  gint64 day;

  if (self->series->len == 0)
    return FALSE;

  compute_frame (self, text, small, gtk_widget_get_width (widget), gtk_widget_get_height (widget), &f);
  if (x < f.left || x > f.right)
    return FALSE;

  day = f.first_day + (gint64)llround ((x - f.left) / (f.right - f.left) * (f.last_day - f.first_day));
  date = day_text (day);
  markup = g_string_new (NULL);
  g_string_append_printf (markup, "<b>%s</b>", date);
  for (guint s = 0; s < self->series->len; s++)
    {
      Series *series = g_ptr_array_index (self->series, s);
      g_autofree char *name = g_markup_escape_text (series->name, -1);
      g_autofree char *value = candour_money_format_display (candour_line_chart_value_on (self, s, day));

      g_string_append_printf (markup, "\n%s: %s", name, value);
    }

  gtk_tooltip_set_markup (tooltip, markup->str);
  return TRUE;
}

static void
update_description (CandourLineChart *self)
{
  g_autofree char *description = candour_line_chart_describe (self);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, self->title ? self->title : "",
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

static void
candour_line_chart_finalize (GObject *object)
{
  CandourLineChart *self = (CandourLineChart *)object;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->marker_label, g_free);
  g_clear_pointer (&self->series, g_ptr_array_unref);

  G_OBJECT_CLASS (candour_line_chart_parent_class)->finalize (object);
}

static void
candour_line_chart_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  CandourLineChart *self = CANDOUR_LINE_CHART (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
candour_line_chart_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  CandourLineChart *self = CANDOUR_LINE_CHART (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      candour_line_chart_set_title (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
candour_line_chart_class_init (CandourLineChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = candour_line_chart_finalize;
  object_class->get_property = candour_line_chart_get_property;
  object_class->set_property = candour_line_chart_set_property;

  widget_class->snapshot = candour_line_chart_snapshot;
  widget_class->measure = candour_line_chart_measure;
  widget_class->css_changed = candour_line_chart_css_changed;
  widget_class->query_tooltip = candour_line_chart_query_tooltip;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, "What the chart shows", NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "linechart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
candour_line_chart_init (CandourLineChart *self)
{
  self->series = g_ptr_array_new_with_free_func (series_free);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
}

GtkWidget *
candour_line_chart_new (void)
{
  return g_object_new (CANDOUR_TYPE_LINE_CHART, NULL);
}

const char *
candour_line_chart_get_title (CandourLineChart *self)
{
  g_return_val_if_fail (CANDOUR_IS_LINE_CHART (self), NULL);

  return self->title;
}

void
candour_line_chart_set_title (CandourLineChart *self,
                              const char       *title)
{
  g_return_if_fail (CANDOUR_IS_LINE_CHART (self));

  if (g_strcmp0 (self->title, title) == 0)
    return;

  g_free (self->title);
  self->title = g_strdup (title);
  update_description (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

void
candour_line_chart_clear (CandourLineChart *self)
{
  g_return_if_fail (CANDOUR_IS_LINE_CHART (self));

  g_ptr_array_set_size (self->series, 0);
  self->has_marker = FALSE;
  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
candour_line_chart_add_series (CandourLineChart        *self,
                               const char              *name,
                               const CandourStoryPoint *points,
                               guint                    n_points,
                               gboolean                 steps)
{
  Series *series;

  g_return_if_fail (CANDOUR_IS_LINE_CHART (self));
  g_return_if_fail (name != NULL);
  g_return_if_fail (points != NULL || n_points == 0);

  series = g_new0 (Series, 1);
  series->name = g_strdup (name);
  series->points = g_array_sized_new (FALSE, FALSE, sizeof (CandourStoryPoint), n_points);
  g_array_append_vals (series->points, points, n_points);
  series->steps = steps;
  g_ptr_array_add (self->series, series);

  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
candour_line_chart_set_marker (CandourLineChart *self,
                               gint64            day,
                               const char       *label)
{
  g_return_if_fail (CANDOUR_IS_LINE_CHART (self));

  self->has_marker = TRUE;
  self->marker_day = day;
  g_free (self->marker_label);
  self->marker_label = g_strdup (label);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
candour_line_chart_get_n_series (CandourLineChart *self)
{
  g_return_val_if_fail (CANDOUR_IS_LINE_CHART (self), 0);

  return self->series->len;
}

char *
candour_line_chart_describe (CandourLineChart *self)
{
  GString *text;

  g_return_val_if_fail (CANDOUR_IS_LINE_CHART (self), NULL);

  text = g_string_new (NULL);
  for (guint s = 0; s < self->series->len; s++)
    {
      Series *series = g_ptr_array_index (self->series, s);
      CandourStoryPoint *first, *last;
      g_autofree char *first_day = NULL, *last_day = NULL, *first_value = NULL, *last_value = NULL;

      if (series->points->len == 0)
        continue;

      first = &g_array_index (series->points, CandourStoryPoint, 0);
      last = &g_array_index (series->points, CandourStoryPoint, series->points->len - 1);
      first_day = day_text (first->day);
      last_day = day_text (last->day);
      first_value = candour_money_format_display (first->pence);
      last_value = candour_money_format_display (last->pence);

      if (text->len > 0)
        g_string_append_c (text, '\n');
      /* Translators: "Due: £0.00 on 29/09/2023, £66,958.90 on 30/06/2025" */
      g_string_append_printf (text, _("%s: %s on %s, %s on %s"), series->name,
                              first_value, first_day, last_value, last_day);
    }

  return g_string_free (text, FALSE);
}
