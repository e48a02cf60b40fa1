/* candour-preferences-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "candour-combo-row.h"
#include "candour-preferences-window.h"

struct _CandourPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  GtkAdjustment *grace_adjustment;
  GtkAdjustment *tolerance_adjustment;
  GtkAdjustment *terms_adjustment;
  AdwComboRow *month_row;
  AdwComboRow *style_row;

  GSettings *settings;
};

G_DEFINE_FINAL_TYPE (CandourPreferencesWindow, candour_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The combo row counts months from 0, the setting from 1 (January). */
static gboolean
month_from_setting (GValue   *value,
                    GVariant *variant,
                    gpointer  user_data)
{
  g_value_set_uint (value, (guint)CLAMP (g_variant_get_int32 (variant), 1, 12) - 1);
  return TRUE;
}

static GVariant *
month_to_setting (const GValue       *value,
                  const GVariantType *expected_type,
                  gpointer            user_data)
{
  return g_variant_new_int32 ((gint32)MIN (g_value_get_uint (value), 11) + 1);
}

/* The style row's items, in order, as the setting's words. */
static const char * const styles[] = { "follow", "light", "dark" };

static gboolean
style_from_setting (GValue   *value,
                    GVariant *variant,
                    gpointer  user_data)
{
  const char *style = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    if (g_str_equal (style, styles[i]))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }
  g_value_set_uint (value, 0);
  return TRUE;
}

static GVariant *
style_to_setting (const GValue       *value,
                  const GVariantType *expected_type,
                  gpointer            user_data)
{
  return g_variant_new_string (styles[MIN (g_value_get_uint (value), G_N_ELEMENTS (styles) - 1)]);
}

static void
candour_preferences_window_constructed (GObject *object)
{
  CandourPreferencesWindow *self = (CandourPreferencesWindow *)object;

  G_OBJECT_CLASS (candour_preferences_window_parent_class)->constructed (object);

  candour_combo_row_take_activated (self->month_row);
  candour_combo_row_take_activated (self->style_row);

  if (self->settings == NULL)
    return;

  g_settings_bind (self->settings, "grace-days", self->grace_adjustment, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "tolerance", self->tolerance_adjustment, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "default-payment-terms", self->terms_adjustment, "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (self->settings, "financial-year-start-month", self->month_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, month_from_setting, month_to_setting, NULL, NULL);
  g_settings_bind_with_mapping (self->settings, "style", self->style_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, style_from_setting, style_to_setting, NULL, NULL);
}

static void
candour_preferences_window_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), CANDOUR_TYPE_PREFERENCES_WINDOW);

  G_OBJECT_CLASS (candour_preferences_window_parent_class)->dispose (object);
}

static void
candour_preferences_window_finalize (GObject *object)
{
  CandourPreferencesWindow *self = (CandourPreferencesWindow *)object;

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (candour_preferences_window_parent_class)->finalize (object);
}

static void
candour_preferences_window_get_property (GObject    *object,
                                         guint       prop_id,
                                         GValue     *value,
                                         GParamSpec *pspec)
{
  CandourPreferencesWindow *self = CANDOUR_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
candour_preferences_window_set_property (GObject      *object,
                                         guint         prop_id,
                                         const GValue *value,
                                         GParamSpec   *pspec)
{
  CandourPreferencesWindow *self = CANDOUR_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
candour_preferences_window_class_init (CandourPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = candour_preferences_window_constructed;
  object_class->dispose = candour_preferences_window_dispose;
  object_class->finalize = candour_preferences_window_finalize;
  object_class->get_property = candour_preferences_window_get_property;
  object_class->set_property = candour_preferences_window_set_property;

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, "Candour's settings", G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/candour/Candour/ui/candour-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CandourPreferencesWindow, grace_adjustment);
  gtk_widget_class_bind_template_child (widget_class, CandourPreferencesWindow, tolerance_adjustment);
  gtk_widget_class_bind_template_child (widget_class, CandourPreferencesWindow, terms_adjustment);
  gtk_widget_class_bind_template_child (widget_class, CandourPreferencesWindow, month_row);
  gtk_widget_class_bind_template_child (widget_class, CandourPreferencesWindow, style_row);
}

static void
candour_preferences_window_init (CandourPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWindow *
candour_preferences_window_new (GSettings *settings)
{
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return g_object_new (CANDOUR_TYPE_PREFERENCES_WINDOW, "settings", settings, NULL);
}
