/* candour-generate.h: a made-up country's voluntary sector at national scale, as CSV
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "candour-import.h"

G_BEGIN_DECLS

/* The largest scale candour_generate() takes: 500,000 organisations, 10,000,000 payments. */
#define CANDOUR_GENERATE_MAX_SCALE 10.0

/* The books stand as they did at the end of this day: nothing is paid after it, and
 * contracts that start after it are still to come. Reconciling as of this date shows
 * every status. */
#define CANDOUR_GENERATE_SNAPSHOT "2026-06-30"

/* Writes a realistic dataset in the import format (docs/data-format.md) into the new
 * folder `folder`: the eight files organisations.csv ... payments.csv. At scale 1 it
 * holds 50,000 organisations (200 commissioners, 500 lead providers), 20,000 bids,
 * 15,000 contracts and 1,000,000 payments over the ten years to
 * CANDOUR_GENERATE_SNAPSHOT; other scales (above 0, up to CANDOUR_GENERATE_MAX_SCALE)
 * multiply every count, keeping a handful of everything at the smallest.
 *
 * The same scale and seed give byte-identical files on any machine: the generator
 * draws from its own PRNG and does its arithmetic in integers.
 *
 * `folder` must not exist, or be an empty folder; otherwise G_IO_ERROR_EXISTS says it
 * already holds files. The files are written into a hidden folder beside it, synced,
 * and renamed into place, so `folder` either appears complete or not at all.
 *
 * out_counts, when not NULL, receives the rows written per file, indexed by
 * CandourTable (CANDOUR_N_TABLES entries). */
gboolean candour_generate (const char    *folder,
                           double         scale,
                           guint64        seed,
                           guint         *out_counts,
                           GCancellable  *cancellable,
                           GError       **error);

G_END_DECLS
