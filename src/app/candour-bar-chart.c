/* candour-bar-chart.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "candour-bar-chart.h"
#include "candour-chart-look.h"

struct _CandourBarChart
{
  GtkWidget parent_instance;

  char *title;
  CandourBarChartData *data;
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

static void
candour_bar_chart_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  CandourBarChart *self = CANDOUR_BAR_CHART (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  CandourChartLook look;
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;

  candour_chart_look_for_widget (widget, &look);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  candour_bar_chart_data_paint (self->data, cr, &look, width, height);
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
      CandourChartLook look;

      candour_chart_look_for_widget (widget, &look);
      *minimum = *natural = (int)ceil (candour_bar_chart_data_get_height (self->data, NULL, &look));
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
  g_autofree char *label = NULL;
  CandourChartLook look;
  int c;

  candour_chart_look_for_widget (widget, &look);
  c = candour_bar_chart_data_category_at (self->data, &look, y);
  if (c < 0)
    return FALSE;

  label = g_markup_escape_text (candour_bar_chart_data_get_category_label (self->data, c), -1);
  text = g_string_new (NULL);
  g_string_append_printf (text, "<b>%s</b>", label);
  for (guint s = 0; s < candour_bar_chart_data_get_n_series (self->data); s++)
    {
      gint64 value = candour_bar_chart_data_get_value (self->data, c, s);
      g_autofree char *formatted = value == CANDOUR_BAR_CHART_NO_VALUE
        ? g_strdup (_("none")) : candour_chart_format_value (candour_bar_chart_data_get_unit (self->data), value);
      g_autofree char *name = g_markup_escape_text (candour_bar_chart_data_get_series_name (self->data, s), -1);

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
  g_clear_pointer (&self->data, candour_bar_chart_data_free);

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
      g_value_set_int (value, candour_bar_chart_data_get_unit (self->data));
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
  self->data = candour_bar_chart_data_new ();
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

  return candour_bar_chart_data_get_unit (self->data);
}

void
candour_bar_chart_set_unit (CandourBarChart  *self,
                            CandourChartUnit  unit)
{
  g_return_if_fail (CANDOUR_IS_BAR_CHART (self));

  if (candour_bar_chart_data_get_unit (self->data) == unit)
    return;

  candour_bar_chart_data_set_unit (self->data, unit);
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

  candour_bar_chart_data_set_series (self->data, names);

  update_description (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
candour_bar_chart_set_series_colours (CandourBarChart          *self,
                                      const CandourChartColour *colours)
{
  g_return_if_fail (CANDOUR_IS_BAR_CHART (self));
  g_return_if_fail (colours != NULL);

  candour_bar_chart_data_set_series_colours (self->data, colours);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
candour_bar_chart_add_category (CandourBarChart *self,
                                const char      *label,
                                const gint64    *values)
{
  g_return_if_fail (CANDOUR_IS_BAR_CHART (self));

  candour_bar_chart_data_add_category (self->data, label, values);
  update_description (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
candour_bar_chart_set_data (CandourBarChart     *self,
                            CandourBarChartData *data)
{
  gboolean unit_changed;

  g_return_if_fail (CANDOUR_IS_BAR_CHART (self));
  g_return_if_fail (data != NULL);

  unit_changed = candour_bar_chart_data_get_unit (data) != candour_bar_chart_data_get_unit (self->data);
  candour_bar_chart_data_free (self->data);
  self->data = data;
  update_description (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  if (unit_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNIT]);
}

CandourBarChartData *
candour_bar_chart_dup_data (CandourBarChart *self)
{
  g_return_val_if_fail (CANDOUR_IS_BAR_CHART (self), NULL);

  return candour_bar_chart_data_copy (self->data);
}

CandourChartColour
candour_bar_chart_get_series_colour (CandourBarChart *self,
                                     guint            series)
{
  g_return_val_if_fail (CANDOUR_IS_BAR_CHART (self), CANDOUR_CHART_BLUE);

  return candour_bar_chart_data_get_series_colour (self->data, series);
}

guint
candour_bar_chart_get_n_series (CandourBarChart *self)
{
  g_return_val_if_fail (CANDOUR_IS_BAR_CHART (self), 0);

  return candour_bar_chart_data_get_n_series (self->data);
}

const char *
candour_bar_chart_get_series_name (CandourBarChart *self,
                                   guint            series)
{
  g_return_val_if_fail (CANDOUR_IS_BAR_CHART (self), NULL);

  return candour_bar_chart_data_get_series_name (self->data, series);
}

guint
candour_bar_chart_get_n_categories (CandourBarChart *self)
{
  g_return_val_if_fail (CANDOUR_IS_BAR_CHART (self), 0);

  return candour_bar_chart_data_get_n_categories (self->data);
}

const char *
candour_bar_chart_get_category_label (CandourBarChart *self,
                                      guint            category)
{
  g_return_val_if_fail (CANDOUR_IS_BAR_CHART (self), NULL);

  return candour_bar_chart_data_get_category_label (self->data, category);
}

gint64
candour_bar_chart_get_value (CandourBarChart *self,
                             guint            category,
                             guint            series)
{
  g_return_val_if_fail (CANDOUR_IS_BAR_CHART (self), CANDOUR_BAR_CHART_NO_VALUE);

  return candour_bar_chart_data_get_value (self->data, category, series);
}

char *
candour_bar_chart_describe (CandourBarChart *self)
{
  g_return_val_if_fail (CANDOUR_IS_BAR_CHART (self), NULL);

  return candour_bar_chart_data_describe (self->data);
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
  guint n_series;

  g_return_val_if_fail (CANDOUR_IS_BAR_CHART (self), NULL);

  n_series = candour_bar_chart_data_get_n_series (self->data);
  grid = gtk_grid_new ();
  gtk_grid_set_column_spacing (GTK_GRID (grid), 24);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 8);
  gtk_widget_add_css_class (grid, "chart-table");
  gtk_accessible_update_property (GTK_ACCESSIBLE (grid),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, self->title ? self->title : "",
                                  -1);

  gtk_grid_attach (GTK_GRID (grid), table_label (category_heading, FALSE, TRUE), 0, 0, 1, 1);
  for (guint s = 0; s < n_series; s++)
    gtk_grid_attach (GTK_GRID (grid), table_label (candour_bar_chart_data_get_series_name (self->data, s), TRUE, TRUE),
                     s + 1, 0, 1, 1);

  for (guint c = 0; c < candour_bar_chart_data_get_n_categories (self->data); c++)
    {
      GtkWidget *name = table_label (candour_bar_chart_data_get_category_label (self->data, c), FALSE, FALSE);

      gtk_widget_set_hexpand (name, TRUE);
      gtk_grid_attach (GTK_GRID (grid), name, 0, c + 1, 1, 1);
      for (guint s = 0; s < n_series; s++)
        {
          gint64 figure = candour_bar_chart_data_get_value (self->data, c, s);
          g_autofree char *value = figure == CANDOUR_BAR_CHART_NO_VALUE
            ? g_strdup ("") : candour_chart_format_value (candour_bar_chart_data_get_unit (self->data), figure);

          gtk_grid_attach (GTK_GRID (grid), table_label (value, TRUE, FALSE), s + 1, c + 1, 1, 1);
        }
    }

  return grid;
}
