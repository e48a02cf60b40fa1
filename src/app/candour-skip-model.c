/* candour-skip-model.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "candour-skip-model.h"

struct _CandourSkipModel
{
  GObject parent_instance;

  GListModel *model;
  guint skipped;                /* a position in model, or NONE */
};

static void list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CandourSkipModel, candour_skip_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_init))

enum {
  SKIP_LOST,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GType
get_item_type (GListModel *list)
{
  CandourSkipModel *self = CANDOUR_SKIP_MODEL (list);

  return self->model != NULL ? g_list_model_get_item_type (self->model) : G_TYPE_OBJECT;
}

static guint
get_n_items (GListModel *list)
{
  CandourSkipModel *self = CANDOUR_SKIP_MODEL (list);
  guint n;

  if (self->model == NULL)
    return 0;
  n = g_list_model_get_n_items (self->model);
  return self->skipped != CANDOUR_SKIP_MODEL_NONE ? n - 1 : n;
}

static gpointer
get_item (GListModel *list,
          guint       position)
{
  CandourSkipModel *self = CANDOUR_SKIP_MODEL (list);

  if (self->model == NULL)
    return NULL;
  return g_list_model_get_item (self->model, candour_skip_model_to_model (self, position));
}

static void
list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

/* The model's changes as this model's, moved past the row left out. */
static void
on_items_changed (CandourSkipModel *self,
                  guint             position,
                  guint             removed,
                  guint             added)
{
  guint skipped = self->skipped;

  if (skipped == CANDOUR_SKIP_MODEL_NONE || position + removed <= skipped)
    {
      if (skipped != CANDOUR_SKIP_MODEL_NONE)
        self->skipped = skipped + added - removed;
      g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
    }
  else if (position > skipped)
    g_list_model_items_changed (G_LIST_MODEL (self), position - 1, removed, added);
  else
    {
      /* The row left out went with the others: what comes in is all shown. */
      self->skipped = CANDOUR_SKIP_MODEL_NONE;
      g_list_model_items_changed (G_LIST_MODEL (self), position, removed - 1, added);
      g_signal_emit (self, signals[SKIP_LOST], 0);
    }
}

static void
candour_skip_model_dispose (GObject *object)
{
  CandourSkipModel *self = (CandourSkipModel *)object;

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (candour_skip_model_parent_class)->dispose (object);
}

static void
candour_skip_model_class_init (CandourSkipModelClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = candour_skip_model_dispose;

  signals[SKIP_LOST] = g_signal_new ("skip-lost", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                     NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
candour_skip_model_init (CandourSkipModel *self)
{
  self->skipped = CANDOUR_SKIP_MODEL_NONE;
}

CandourSkipModel *
candour_skip_model_new (void)
{
  return g_object_new (CANDOUR_TYPE_SKIP_MODEL, NULL);
}

void
candour_skip_model_set_model (CandourSkipModel *self,
                              GListModel       *model)
{
  guint old_n, new_n;

  g_return_if_fail (CANDOUR_IS_SKIP_MODEL (self));
  g_return_if_fail (model == NULL || G_IS_LIST_MODEL (model));

  if (self->model == model)
    return;

  old_n = get_n_items (G_LIST_MODEL (self));
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_set_object (&self->model, model);
  self->skipped = CANDOUR_SKIP_MODEL_NONE;
  if (model != NULL)
    g_signal_connect_swapped (model, "items-changed", G_CALLBACK (on_items_changed), self);
  new_n = get_n_items (G_LIST_MODEL (self));

  if (old_n > 0 || new_n > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, new_n);
}

GListModel *
candour_skip_model_get_model (CandourSkipModel *self)
{
  g_return_val_if_fail (CANDOUR_IS_SKIP_MODEL (self), NULL);

  return self->model;
}

void
candour_skip_model_set_skipped (CandourSkipModel *self,
                                guint             position)
{
  g_return_if_fail (CANDOUR_IS_SKIP_MODEL (self));

  if (self->skipped == position)
    return;

  if (self->skipped != CANDOUR_SKIP_MODEL_NONE)
    {
      guint shown = self->skipped;

      self->skipped = CANDOUR_SKIP_MODEL_NONE;
      g_list_model_items_changed (G_LIST_MODEL (self), shown, 0, 1);
    }

  if (position != CANDOUR_SKIP_MODEL_NONE && self->model != NULL &&
      position < g_list_model_get_n_items (self->model))
    {
      self->skipped = position;
      g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
    }
}

guint
candour_skip_model_get_skipped (CandourSkipModel *self)
{
  g_return_val_if_fail (CANDOUR_IS_SKIP_MODEL (self), CANDOUR_SKIP_MODEL_NONE);

  return self->skipped;
}

guint
candour_skip_model_to_model (CandourSkipModel *self,
                             guint             position)
{
  g_return_val_if_fail (CANDOUR_IS_SKIP_MODEL (self), position);

  if (self->skipped != CANDOUR_SKIP_MODEL_NONE && position >= self->skipped)
    return position + 1;
  return position;
}
