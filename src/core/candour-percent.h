/* candour-percent.h: percentages as integer hundredths of a percent (basis points)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* 100 % is 10000 basis points. */
#define CANDOUR_PERCENT_WHOLE 10000

/* Parses "33.3", "33.3%", " 12.5 % ", "100" into basis points (3330, 1250, 10000).
 * At most two decimal places; the value must lie between 0 and 100 inclusive.
 * On failure sets CANDOUR_DOMAIN_ERROR_INVALID with a plain-words reason. */
gboolean candour_percent_parse         (const char  *text,
                                        gint64      *out_basis_points,
                                        GError     **error);

/* Basis points as the shortest exact decimal: 3330 → "33.3", 1250 → "12.5", 2500 → "25",
 * 3333 → "33.33". Used by exports, which must round-trip. */
char    *candour_percent_format_exact  (gint64       basis_points);

/* Tenths of a percent (what reports compute) with one decimal place: 333 → "33.3",
 * 0 → "0.0", -125 → "-12.5". */
char    *candour_percent_format_tenths (gint64       tenths);

G_END_DECLS
