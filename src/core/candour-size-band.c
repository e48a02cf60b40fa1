/* candour-size-band.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "candour-size-band.h"

static const struct {
  const char *band;
  const char *label;
  gint64 below_pence;           /* upper bound, exclusive */
} bands[] = {
  { "micro", "Micro", 10000 * G_GINT64_CONSTANT (100) },
  { "small", "Small", 100000 * G_GINT64_CONSTANT (100) },
  { "medium", "Medium", 1000000 * G_GINT64_CONSTANT (100) },
  { "large", "Large", 10000000 * G_GINT64_CONSTANT (100) },
  { "major", "Major", 100000000 * G_GINT64_CONSTANT (100) },
  { "super_major", "Super-major", G_MAXINT64 },
};

const char *
candour_size_band (gboolean known,
                   gint64   annual_income_pence)
{
  if (!known)
    return "unknown";

  for (guint i = 0; i < G_N_ELEMENTS (bands) - 1; i++)
    if (annual_income_pence < bands[i].below_pence)
      return bands[i].band;

  return bands[G_N_ELEMENTS (bands) - 1].band;
}

const char *
candour_size_band_label (const char *band)
{
  for (guint i = 0; i < G_N_ELEMENTS (bands); i++)
    if (g_strcmp0 (band, bands[i].band) == 0)
      return bands[i].label;

  return "Unknown";
}
