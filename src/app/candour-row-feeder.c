/* candour-row-feeder.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "candour-row-feeder.h"

/* Half a screenful of rows the first frame, about 25 ms of work here; then as many
 * as keep each frame's share of the work between FRAME_WORK_MIN and FRAME_WORK_MAX... */
#define ROWS_A_FRAME 12
#define FRAME_WORK_MIN (8 * G_TIME_SPAN_MILLISECOND)
#define FRAME_WORK_MAX (25 * G_TIME_SPAN_MILLISECOND)
/* ...until as many as GTK 4.8 makes: past them, more items cost the view nothing. */
#define ROWS_A_VIEW_MAKES 200

struct _CandourRowFeeder
{
  GObject parent_instance;

  GtkWidget *page;              /* weak: the widget the view is on, whose frames feed it */
  GListModel *source;
  guint n_source;               /* the source's items, as last told */
  guint limit;                  /* items passed on: G_MAXUINT once fed */
  guint step;                   /* items added a frame */
  guint tick;                   /* the page's tick callback, while fed and on screen */
};

static void candour_row_feeder_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CandourRowFeeder, candour_row_feeder, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, candour_row_feeder_model_init))

static guint n_feeding;

static guint
n_passed (CandourRowFeeder *self,
          guint             n_source)
{
  return MIN (n_source, self->limit);
}

/* Frames come only to a page on screen: a hidden one waits, and is fed once shown. */
static void
feeder_pause (CandourRowFeeder *self)
{
  if (self->tick == 0)
    return;
  if (self->page != NULL)
    gtk_widget_remove_tick_callback (self->page, self->tick);
  self->tick = 0;
  n_feeding--;
}

static gboolean feed_more (GtkWidget     *page,
                           GdkFrameClock *clock,
                           gpointer       user_data);

static void
feeder_resume (CandourRowFeeder *self)
{
  if (self->limit == G_MAXUINT || self->tick != 0 || self->page == NULL || !gtk_widget_get_mapped (self->page))
    return;
  self->tick = gtk_widget_add_tick_callback (self->page, feed_more, self, NULL);
  n_feeding++;
}

/* Passes on up to limit items; the view learns of the difference. */
static void
set_limit (CandourRowFeeder *self,
           guint             limit)
{
  guint before = n_passed (self, self->n_source);
  guint after;

  self->limit = limit;
  after = n_passed (self, self->n_source);
  if (after > before)
    g_list_model_items_changed (G_LIST_MODEL (self), before, 0, after - before);
  else if (after < before)
    g_list_model_items_changed (G_LIST_MODEL (self), after, before - after, 0);
}

static gboolean
feed_more (GtkWidget     *page,
           GdkFrameClock *clock,
           gpointer       user_data)
{
  CandourRowFeeder *self = user_data;

  if (self->limit + self->step < ROWS_A_VIEW_MAKES && self->limit + self->step < self->n_source)
    {
      gint64 start = g_get_monotonic_time ();
      gint64 took;

      set_limit (self, self->limit + self->step);
      /* Wide tables' rows cost more: fewer a frame. */
      took = g_get_monotonic_time () - start;
      if (took > FRAME_WORK_MAX && self->step > 2)
        self->step /= 2;
      else if (took < FRAME_WORK_MIN && self->step < ROWS_A_VIEW_MAKES / 4)
        self->step *= 2;
      return G_SOURCE_CONTINUE;
    }
  /* Removed by returning G_SOURCE_REMOVE, not by feeder_pause(). */
  self->tick = 0;
  n_feeding--;
  set_limit (self, G_MAXUINT);
  return G_SOURCE_REMOVE;
}

static void
on_source_changed (CandourRowFeeder *self,
                   guint             position,
                   guint             removed,
                   guint             added,
                   GListModel       *source)
{
  guint old_n = n_passed (self, self->n_source);
  guint new_source = g_list_model_get_n_items (source);
  guint new_n;

  self->n_source = new_source;

  /* A view about to be given many rows where it has none, or many rows in place of
   * those it has made (a list sorted or filtered anew): a few now, from where the
   * change begins, and more each frame. (Lists are read for pages on screen; a hidden
   * one is given them at once.) */
  if (self->limit == G_MAXUINT && self->page != NULL && gtk_widget_get_mapped (self->page) &&
      added > ROWS_A_FRAME &&
      ((old_n == 0 && position == 0) || (position < ROWS_A_VIEW_MAKES && removed > ROWS_A_FRAME)))
    {
      self->limit = position + ROWS_A_FRAME;
      self->step = ROWS_A_FRAME;
      feeder_resume (self);
      g_list_model_items_changed (G_LIST_MODEL (self), position, old_n - position,
                                  n_passed (self, new_source) - position);
      return;
    }

  /* Passing everything on, the change itself; while feeding, the first items may all
   * have changed from position on. */
  if (self->limit == G_MAXUINT)
    g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
  else if (position < self->limit)
    {
      new_n = n_passed (self, new_source);
      g_list_model_items_changed (G_LIST_MODEL (self), position, old_n - MIN (position, old_n),
                                  new_n - MIN (position, new_n));
    }
}

gboolean
candour_row_feeder_get_feeding (CandourRowFeeder *self)
{
  g_return_val_if_fail (CANDOUR_IS_ROW_FEEDER (self), FALSE);

  return self->limit != G_MAXUINT;
}

guint
candour_row_feeder_get_n_feeding (void)
{
  return n_feeding;
}

static GType
candour_row_feeder_get_item_type (GListModel *model)
{
  CandourRowFeeder *self = CANDOUR_ROW_FEEDER (model);

  return self->source != NULL ? g_list_model_get_item_type (self->source) : G_TYPE_OBJECT;
}

static guint
candour_row_feeder_get_n_items (GListModel *model)
{
  CandourRowFeeder *self = CANDOUR_ROW_FEEDER (model);

  return n_passed (self, self->n_source);
}

static gpointer
candour_row_feeder_get_item (GListModel *model,
                             guint       position)
{
  CandourRowFeeder *self = CANDOUR_ROW_FEEDER (model);

  if (self->source == NULL || position >= n_passed (self, self->n_source))
    return NULL;
  return g_list_model_get_item (self->source, position);
}

static void
candour_row_feeder_model_init (GListModelInterface *iface)
{
  iface->get_item_type = candour_row_feeder_get_item_type;
  iface->get_n_items = candour_row_feeder_get_n_items;
  iface->get_item = candour_row_feeder_get_item;
}

static void
on_page_gone (gpointer  data,
              GObject  *where_the_page_was)
{
  CandourRowFeeder *self = data;

  /* Its tick callbacks went with it. */
  self->page = NULL;
  if (self->tick != 0)
    n_feeding--;
  self->tick = 0;
}

static void
candour_row_feeder_dispose (GObject *object)
{
  CandourRowFeeder *self = CANDOUR_ROW_FEEDER (object);

  feeder_pause (self);
  if (self->page != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->page, self);
      g_object_weak_unref (G_OBJECT (self->page), on_page_gone, self);
      self->page = NULL;
    }
  if (self->source != NULL)
    g_signal_handlers_disconnect_by_data (self->source, self);
  g_clear_object (&self->source);

  G_OBJECT_CLASS (candour_row_feeder_parent_class)->dispose (object);
}

static void
candour_row_feeder_class_init (CandourRowFeederClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = candour_row_feeder_dispose;
}

static void
candour_row_feeder_init (CandourRowFeeder *self)
{
  self->limit = G_MAXUINT;
}

CandourRowFeeder *
candour_row_feeder_new (GtkWidget  *page,
                        GListModel *source)
{
  CandourRowFeeder *self;

  g_return_val_if_fail (GTK_IS_WIDGET (page), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (source), NULL);

  self = g_object_new (CANDOUR_TYPE_ROW_FEEDER, NULL);
  self->page = page;
  self->source = g_object_ref (source);
  self->n_source = g_list_model_get_n_items (source);
  g_object_weak_ref (G_OBJECT (page), on_page_gone, self);
  g_signal_connect_swapped (page, "map", G_CALLBACK (feeder_resume), self);
  g_signal_connect_swapped (page, "unmap", G_CALLBACK (feeder_pause), self);
  g_signal_connect_swapped (source, "items-changed", G_CALLBACK (on_source_changed), self);
  return self;
}
