/* candour-flow-chart.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "candour-chart-look.h"
#include "candour-flow-chart.h"
#include "candour-money.h"
#include "candour-percent.h"

/* The series colours of candour-chart-util: blue, green and orange. */
#define COLOUR_LARGER 0
#define COLOUR_SMALLER 2
#define COLOUR_KEPT 3

#define BAR_WIDTH 12
#define SLOT_GAP 8

typedef struct
{
  char *name;
  gint64 value;
  gboolean smaller;
} Partner;

struct _CandourFlowChart
{
  GtkWidget parent_instance;

  char *contract_ref;
  char *commissioner;
  char *lead;
  gint64 value;
  GArray *partners;             /* Partner, largest first */
};

G_DEFINE_FINAL_TYPE (CandourFlowChart, candour_flow_chart, GTK_TYPE_WIDGET)

/* One band on the right: a partner, or the part the lead kept. */
typedef struct
{
  const char *name;
  gint64 value;
  guint colour;
  double slot_top;
  double slot_height;
  double band_height;
} Item;

typedef struct
{
  double text_height;
  double small_height;
  double top;                   /* where the bands start */
  double band_area;             /* height of the tallest column */
  double legend_height;
  double scale;                 /* pixels per penny */
} Metrics;

static void
partner_clear (gpointer data)
{
  g_free (((Partner *)data)->name);
}

static double
line_height (PangoLayout *layout)
{
  int height;

  pango_layout_set_text (layout, "Ag", -1);
  pango_layout_get_pixel_size (layout, NULL, &height);
  return height;
}

static gint64
subcontracted (CandourFlowChart *self)
{
  gint64 total = 0;

  for (guint i = 0; i < self->partners->len; i++)
    total += g_array_index (self->partners, Partner, i).value;
  return total;
}

/* "5.0%" of the contract's value. */
static char *
share_text (CandourFlowChart *self,
            gint64            value)
{
  g_autofree char *tenths = NULL;

  if (self->value <= 0)
    return g_strdup ("");
  tenths = candour_percent_format_tenths (candour_round_mul_div (value, 1000, self->value));
  return g_strconcat (tenths, "%", NULL);
}

static GArray *
right_items (CandourFlowChart *self)
{
  GArray *items = g_array_new (FALSE, TRUE, sizeof (Item));
  gint64 kept = candour_flow_chart_get_retained (self);

  for (guint i = 0; i < self->partners->len; i++)
    {
      Partner *partner = &g_array_index (self->partners, Partner, i);
      Item item = { partner->name, partner->value, partner->smaller ? COLOUR_SMALLER : COLOUR_LARGER };

      g_array_append_val (items, item);
    }
  if (kept > 0)
    {
      Item item = { self->lead, kept, COLOUR_KEPT };
      g_array_append_val (items, item);
    }
  return items;
}

/* Band heights in proportion to money; each label gets room for its two lines even
 * when its band is thin. */
static void
compute_layout (CandourFlowChart       *self,
                cairo_t                *cr,
                const CandourChartLook *look,
                GArray                 *items,
                Metrics                *m)
{
  g_autoptr(PangoLayout) text = candour_chart_create_layout (cr, look, 1.0);
  g_autoptr(PangoLayout) small = candour_chart_create_layout (cr, look, 0.85);
  gint64 whole = MAX (self->value, subcontracted (self));
  double slot_min, bands, y, right_height;

  m->text_height = line_height (text);
  m->small_height = line_height (small);
  m->top = m->text_height + m->small_height + 14;
  m->legend_height = m->text_height + 16;

  slot_min = m->text_height + m->small_height + 4;
  bands = MAX (220, items->len * (slot_min + SLOT_GAP));
  m->scale = whole > 0 ? bands / (double)whole : 0;

  y = m->top;
  for (guint i = 0; i < items->len; i++)
    {
      Item *item = &g_array_index (items, Item, i);

      item->band_height = MAX (1.5, item->value * m->scale);
      item->slot_height = MAX (item->band_height, slot_min);
      item->slot_top = y;
      y += item->slot_height + SLOT_GAP;
    }
  right_height = items->len > 0 ? y - SLOT_GAP - m->top : 0;
  m->band_area = MAX (bands, right_height);
}

static double
natural_height (const Metrics *m)
{
  return m->top + m->band_area + 12 + m->legend_height;
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

/* A band from one bar's edge to another's, curving between them. */
static void
band (cairo_t *cr,
      double   x0,
      double   top0,
      double   bottom0,
      double   x1,
      double   top1,
      double   bottom1)
{
  double mid = (x0 + x1) / 2;

  cairo_move_to (cr, x0, top0);
  cairo_curve_to (cr, mid, top0, mid, top1, x1, top1);
  cairo_line_to (cr, x1, bottom1);
  cairo_curve_to (cr, mid, bottom1, mid, bottom0, x0, bottom0);
  cairo_close_path (cr);
}

static void
show_text (cairo_t     *cr,
           PangoLayout *layout,
           const char  *text,
           double       x,
           double       y)
{
  pango_layout_set_text (layout, text, -1);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

void
candour_flow_chart_draw (CandourFlowChart       *self,
                         cairo_t                *cr,
                         double                  width,
                         double                  height,
                         const CandourChartLook *look)
{
  g_autoptr(PangoLayout) text = NULL;
  g_autoptr(PangoLayout) small = NULL;
  g_autoptr(GArray) items = right_items (self);
  g_autofree char *pays = NULL;
  g_autofree char *value_text = NULL;
  CandourChartRgba ink;
  Metrics m;
  double left_label, right_label, x_c, x_l, x_r, room, height_c, height_l, y_c, y_l, y;
  gint64 lead_total = MAX (self->value, subcontracted (self));

  g_return_if_fail (CANDOUR_IS_FLOW_CHART (self));

  text = candour_chart_create_layout (cr, look, 1.0);
  small = candour_chart_create_layout (cr, look, 0.85);
  ink = look->ink;
  compute_layout (self, cr, look, items, &m);

  if (self->commissioner == NULL || lead_total <= 0)
    {
      candour_chart_set_source (cr, &ink, 0.55);
      show_text (cr, text, _("No contract value to show"), 0, 0);
      return;
    }

  value_text = candour_money_format_display (self->value);
  /* Translators: under the commissioner's name in the flow picture, "pays £2,400,000.00" */
  pays = g_strdup_printf (_("pays %s"), value_text);

  /* Columns: the commissioner's label, three bars with bands between, the partners' labels. */
  left_label = MIN (width * 0.24, MAX (text_width (text, self->commissioner), text_width (small, pays)));
  right_label = 0;
  for (guint i = 0; i < items->len; i++)
    {
      Item *item = &g_array_index (items, Item, i);
      right_label = MAX (right_label, text_width (text, item->name));
    }
  right_label = MIN (width * 0.42, MAX (right_label, 120));
  room = MAX (60, width - left_label - right_label - 3 * BAR_WIDTH - 24);
  x_c = left_label + 10;
  x_l = x_c + BAR_WIDTH + room * 0.42;
  x_r = x_l + BAR_WIDTH + room * 0.58;

  height_c = self->value * m.scale;
  height_l = lead_total * m.scale;
  y_c = m.top + (m.band_area - height_c) / 2;
  y_l = m.top + (m.band_area - height_l) / 2;

  /* Headings over the columns. */
  candour_chart_set_source (cr, &ink, 0.6);
  show_text (cr, small, _("Commissioner"), 0, 0);
  {
    const char *partners = _("Partners, and what the lead kept");
    int w = text_width (small, partners);

    show_text (cr, small, partners, MAX (x_r, width - w), 0);
  }
  {
    int w = text_width (text, self->lead);
    double x = CLAMP (x_l + BAR_WIDTH / 2.0 - w / 2.0, x_c + BAR_WIDTH + 4, MAX (x_c + BAR_WIDTH + 4, x_r - w - 4));

    candour_chart_set_source (cr, &ink, 0.6);
    show_text (cr, small, _("Lead provider"), x, 0);
    candour_chart_set_source (cr, &ink, 1);
    show_text (cr, text, self->lead, x, m.small_height + 2);
  }

  /* Commissioner → lead: the whole contract. */
  candour_chart_set_source (cr, &ink, 0.12);
  band (cr, x_c + BAR_WIDTH, y_c, y_c + height_c, x_l, y_l, y_l + height_c);
  cairo_fill (cr);

  /* Lead → each partner, and the part kept. */
  y = y_l;
  for (guint i = 0; i < items->len; i++)
    {
      Item *item = &g_array_index (items, Item, i);
      double top = item->slot_top + (item->slot_height - item->band_height) / 2;
      CandourChartRgba colour;

      candour_chart_series_colour (look->style, item->colour, &colour);
      candour_chart_set_source (cr, &colour, 0.4);
      band (cr, x_l + BAR_WIDTH, y, y + item->band_height, x_r, top, top + item->band_height);
      cairo_fill (cr);

      candour_chart_set_source (cr, &colour, 1);
      cairo_rectangle (cr, x_r, top, BAR_WIDTH, item->band_height);
      cairo_fill (cr);

      y += item->band_height;
    }

  /* The commissioner's and the lead's bars over the bands' ends. */
  candour_chart_set_source (cr, &ink, 0.7);
  cairo_rectangle (cr, x_c, y_c, BAR_WIDTH, height_c);
  cairo_fill (cr);
  cairo_rectangle (cr, x_l, y_l, BAR_WIDTH, height_l);
  cairo_fill (cr);

  /* Labels: the commissioner's beside its bar (a long name on up to three lines),
   * each partner's beside its band. */
  {
    int name_height;

    pango_layout_set_width (text, (int)(left_label * PANGO_SCALE));
    pango_layout_set_wrap (text, PANGO_WRAP_WORD_CHAR);
    pango_layout_set_height (text, -3);
    pango_layout_set_ellipsize (text, PANGO_ELLIPSIZE_END);
    pango_layout_set_alignment (text, PANGO_ALIGN_RIGHT);
    pango_layout_set_text (text, self->commissioner, -1);
    pango_layout_get_pixel_size (text, NULL, &name_height);
    pango_layout_set_width (small, (int)(left_label * PANGO_SCALE));
    pango_layout_set_alignment (small, PANGO_ALIGN_RIGHT);

    y = y_c + height_c / 2 - (name_height + m.small_height) / 2;
    candour_chart_set_source (cr, &ink, 1);
    cairo_move_to (cr, 0, y);
    pango_cairo_show_layout (cr, text);
    candour_chart_set_source (cr, &ink, 0.75);
    show_text (cr, small, pays, 0, y + name_height);
    pango_layout_set_height (text, -1);
  }

  pango_layout_set_alignment (text, PANGO_ALIGN_LEFT);
  pango_layout_set_alignment (small, PANGO_ALIGN_LEFT);
  pango_layout_set_width (text, (int)(MAX (40, width - x_r - BAR_WIDTH - 8) * PANGO_SCALE));
  pango_layout_set_width (small, (int)(MAX (40, width - x_r - BAR_WIDTH - 8) * PANGO_SCALE));
  for (guint i = 0; i < items->len; i++)
    {
      Item *item = &g_array_index (items, Item, i);
      double middle = item->slot_top + item->slot_height / 2;
      double x = x_r + BAR_WIDTH + 8;
      g_autofree char *money = candour_money_format_display (item->value);
      g_autofree char *share = share_text (self, item->value);
      g_autofree char *figures = NULL;
      g_autofree char *kept = NULL;

      if (item->colour == COLOUR_KEPT)
        kept = g_strdup (_("Kept by the lead"));
      figures = g_strdup_printf ("%s · %s", money, share);

      candour_chart_set_source (cr, &ink, 1);
      show_text (cr, text, kept != NULL ? kept : item->name, x, middle - (m.text_height + m.small_height) / 2);
      candour_chart_set_source (cr, &ink, 0.7);
      show_text (cr, small, figures, x, middle - (m.text_height + m.small_height) / 2 + m.text_height);
    }

  /* Legend */
  {
    static const struct { guint colour; const char *label; } keys[] = {
      { COLOUR_SMALLER, N_("Smaller organisation") },
      { COLOUR_LARGER, N_("Larger organisation") },
      { COLOUR_KEPT, N_("Kept by the lead") },
    };
    double x = 0, legend_y = m.top + m.band_area + 12;

    pango_layout_set_width (text, -1);
    for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
      {
        CandourChartRgba colour;
        int w;

        candour_chart_series_colour (look->style, keys[k].colour, &colour);
        candour_chart_set_source (cr, &colour, 1);
        candour_chart_rounded_rectangle (cr, x, legend_y + (m.text_height - 12) / 2, 12, 12, 3);
        cairo_fill (cr);
        w = text_width (text, _(keys[k].label));
        candour_chart_set_source (cr, &ink, 1);
        cairo_move_to (cr, x + 18, legend_y);
        pango_cairo_show_layout (cr, text);
        x += 18 + w + 20;
      }
  }
}

static void
candour_flow_chart_snapshot (GtkWidget   *widget,
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
  candour_flow_chart_draw (CANDOUR_FLOW_CHART (widget), cr, width, height, &look);
  cairo_destroy (cr);
}

static void
candour_flow_chart_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  CandourFlowChart *self = CANDOUR_FLOW_CHART (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 320;
      *natural = 720;
    }
  else
    {
      g_autoptr(GArray) items = right_items (self);
      CandourChartLook look;
      Metrics m;

      candour_chart_look_for_widget (widget, &look);
      compute_layout (self, NULL, &look, items, &m);
      *minimum = *natural = (int)ceil (natural_height (&m));
    }
}

static void
candour_flow_chart_css_changed (GtkWidget         *widget,
                                GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (candour_flow_chart_parent_class)->css_changed (widget, change);

  /* Dark style or a new font: the colours and sizes come from the style. */
  gtk_widget_queue_resize (widget);
}

static void
update_description (CandourFlowChart *self)
{
  g_autofree char *label = NULL;
  g_autofree char *description = candour_flow_chart_describe (self);

  /* Translators: the flow picture's name for screen readers, "Where the money of CON-01 goes" */
  label = g_strdup_printf (_("Where the money of %s goes"), self->contract_ref != NULL ? self->contract_ref : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), description);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void
candour_flow_chart_finalize (GObject *object)
{
  CandourFlowChart *self = (CandourFlowChart *)object;

  g_clear_pointer (&self->contract_ref, g_free);
  g_clear_pointer (&self->commissioner, g_free);
  g_clear_pointer (&self->lead, g_free);
  g_clear_pointer (&self->partners, g_array_unref);

  G_OBJECT_CLASS (candour_flow_chart_parent_class)->finalize (object);
}

static void
candour_flow_chart_class_init (CandourFlowChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = candour_flow_chart_finalize;

  widget_class->snapshot = candour_flow_chart_snapshot;
  widget_class->measure = candour_flow_chart_measure;
  widget_class->css_changed = candour_flow_chart_css_changed;

  gtk_widget_class_set_css_name (widget_class, "flowchart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
candour_flow_chart_init (CandourFlowChart *self)
{
  self->partners = g_array_new (FALSE, TRUE, sizeof (Partner));
  g_array_set_clear_func (self->partners, partner_clear);
  update_description (self);
}

GtkWidget *
candour_flow_chart_new (void)
{
  return g_object_new (CANDOUR_TYPE_FLOW_CHART, NULL);
}

void
candour_flow_chart_set_contract (CandourFlowChart *self,
                                 const char       *contract_ref,
                                 const char       *commissioner,
                                 const char       *lead,
                                 gint64            value)
{
  g_return_if_fail (CANDOUR_IS_FLOW_CHART (self));

  g_free (self->contract_ref);
  self->contract_ref = g_strdup (contract_ref);
  g_free (self->commissioner);
  self->commissioner = g_strdup (commissioner);
  g_free (self->lead);
  self->lead = g_strdup (lead);
  self->value = value;
  g_array_set_size (self->partners, 0);
  update_description (self);
}

static int
compare_partners (gconstpointer a,
                  gconstpointer b)
{
  gint64 va = ((const Partner *)a)->value;
  gint64 vb = ((const Partner *)b)->value;

  return va > vb ? -1 : va < vb ? 1 : g_strcmp0 (((const Partner *)a)->name, ((const Partner *)b)->name);
}

void
candour_flow_chart_add_partner (CandourFlowChart *self,
                                const char       *name,
                                gint64            value,
                                gboolean          smaller)
{
  Partner partner;

  g_return_if_fail (CANDOUR_IS_FLOW_CHART (self));
  g_return_if_fail (name != NULL);

  partner.name = g_strdup (name);
  partner.value = MAX (value, 0);
  partner.smaller = smaller;
  g_array_append_val (self->partners, partner);
  g_array_sort (self->partners, compare_partners);
  update_description (self);
}

guint
candour_flow_chart_get_n_partners (CandourFlowChart *self)
{
  g_return_val_if_fail (CANDOUR_IS_FLOW_CHART (self), 0);

  return self->partners->len;
}

const char *
candour_flow_chart_get_partner_name (CandourFlowChart *self,
                                     guint             partner)
{
  g_return_val_if_fail (CANDOUR_IS_FLOW_CHART (self), NULL);
  g_return_val_if_fail (partner < self->partners->len, NULL);

  return g_array_index (self->partners, Partner, partner).name;
}

gint64
candour_flow_chart_get_partner_value (CandourFlowChart *self,
                                      guint             partner)
{
  g_return_val_if_fail (CANDOUR_IS_FLOW_CHART (self), 0);
  g_return_val_if_fail (partner < self->partners->len, 0);

  return g_array_index (self->partners, Partner, partner).value;
}

gint64
candour_flow_chart_get_value (CandourFlowChart *self)
{
  g_return_val_if_fail (CANDOUR_IS_FLOW_CHART (self), 0);

  return self->value;
}

gint64
candour_flow_chart_get_retained (CandourFlowChart *self)
{
  g_return_val_if_fail (CANDOUR_IS_FLOW_CHART (self), 0);

  return self->value - subcontracted (self);
}

char *
candour_flow_chart_describe (CandourFlowChart *self)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *value = NULL;
  g_autofree char *total = NULL;
  g_autofree char *total_share = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *kept_share = NULL;
  gint64 retained;

  g_return_val_if_fail (CANDOUR_IS_FLOW_CHART (self), NULL);

  if (self->commissioner == NULL)
    return g_strdup ("");

  value = candour_money_format_display (self->value);
  /* Translators: "NHS Pennine Vale ICB pays Kindred Pathways £2,400,000.00." */
  g_string_append_printf (text, _("%s pays %s %s."), self->commissioner, self->lead, value);

  if (self->partners->len == 0)
    {
      g_string_append_printf (text, " %s", _("Nothing is subcontracted to partners."));
      return g_string_free (g_steal_pointer (&text), FALSE);
    }

  total = candour_money_format_display (subcontracted (self));
  total_share = share_text (self, subcontracted (self));
  g_string_append_c (text, ' ');
  /* Translators: "Kindred Pathways subcontracts £240,000.00 (10.0%):" then the partners */
  g_string_append_printf (text, _("%s subcontracts %s (%s):"), self->lead, total, total_share);
  for (guint i = 0; i < self->partners->len; i++)
    {
      Partner *partner = &g_array_index (self->partners, Partner, i);
      g_autofree char *money = candour_money_format_display (partner->value);
      g_autofree char *share = share_text (self, partner->value);

      g_string_append_printf (text, "%s %s %s (%s%s)", i > 0 ? ";" : "", partner->name, money, share,
                              partner->smaller ? _(", a smaller organisation") : "");
    }
  g_string_append_c (text, '.');

  retained = candour_flow_chart_get_retained (self);
  kept = candour_money_format_display (ABS (retained));
  kept_share = share_text (self, ABS (retained));
  g_string_append_c (text, ' ');
  if (retained >= 0)
    /* Translators: "Kindred Pathways keeps £2,160,000.00 (90.0%)." */
    g_string_append_printf (text, _("%s keeps %s (%s)."), self->lead, kept, kept_share);
  else
    g_string_append_printf (text, _("That is %s more than the contract is worth."), kept);

  return g_string_free (g_steal_pointer (&text), FALSE);
}
