/* candour-skip-model.h: a list model that leaves out one item of another
 *
 * The Payments page reads its rows from SQLite as they come into view, so it cannot
 * filter them one by one the way the other pages hide a record waiting to be deleted.
 * This model shows its model with the one row at a known position left out. When the
 * model changes over that row (a new sort, a search, a reload), the row is shown
 * again and "skip-lost" says so.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define CANDOUR_SKIP_MODEL_NONE G_MAXUINT

#define CANDOUR_TYPE_SKIP_MODEL (candour_skip_model_get_type ())

G_DECLARE_FINAL_TYPE (CandourSkipModel, candour_skip_model, CANDOUR, SKIP_MODEL, GObject)

CandourSkipModel *candour_skip_model_new         (void);
void              candour_skip_model_set_model   (CandourSkipModel *self,
                                                  GListModel       *model);
GListModel       *candour_skip_model_get_model   (CandourSkipModel *self);
/* Leaves out the item at position in the model (NONE: show everything). */
void              candour_skip_model_set_skipped (CandourSkipModel *self,
                                                  guint             position);
guint             candour_skip_model_get_skipped (CandourSkipModel *self);
/* The position in the model of the item shown at position. */
guint             candour_skip_model_to_model    (CandourSkipModel *self,
                                                  guint             position);

G_END_DECLS
