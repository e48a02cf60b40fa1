/* candour-size-band.h: the Civil Society Almanac size bands, from annual income
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* "micro" (< £10k), "small" (< £100k), "medium" (< £1m), "large" (< £10m), "major" (< £100m),
 * "super_major" (≥ £100m); "unknown" when the income is not known. */
const char *candour_size_band (gboolean known,
                               gint64   annual_income_pence);

/* "Micro", "Small"... "Super-major", "Unknown": the band as people read it. */
const char *candour_size_band_label (const char *band);

G_END_DECLS
