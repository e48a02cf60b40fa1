/* candour-date.h: calendar dates, read the UK way, stored as ISO 8601
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* "2025-04-01" (ISO) or "01/04/2025" / "1/4/2025" (day first, whatever the locale).
 * ISO may leave out the zero padding ("2025-4-1"): with the year first it is unambiguous.
 * Surrounding spaces ignored. Two-digit years are refused (say which century), as are
 * "01-04-2025" and "2025/04/01". The date must exist (no 31/02/2025) and the year must be
 * between 1900 and 2999, and not 01/01/1900 (what a spreadsheet makes of an empty cell).
 * On success *out_iso is a newly allocated, zero-padded "YYYY-MM-DD".
 * On failure sets CANDOUR_DOMAIN_ERROR_INVALID with a plain-words reason quoting the value. */
gboolean candour_date_parse          (const char  *text,
                                      char       **out_iso,
                                      GError     **error);

/* "YYYY-MM-DD" and its NUL. */
#define CANDOUR_DATE_ISO_SIZE 11

/* The same into out_iso, allocating nothing: for the million dates of an import. */
gboolean candour_date_parse_into     (const char  *text,
                                      char         out_iso[CANDOUR_DATE_ISO_SIZE],
                                      GError     **error);

/* Day number of an ISO date (days since 0001-01-01 is day 1, as GDate's Julian);
 * differences between two are whole days. Returns 0 if iso is not a valid date in the
 * stored form: exactly "YYYY-MM-DD", zero-padded. */
gint64   candour_date_to_days        (const char  *iso);

/* Today in the local time zone, as "YYYY-MM-DD". */
char    *candour_date_today          (void);

/* "2025-04-01" → "01/04/2025" for people. Returns a copy of the input if it is not a valid
 * date in the stored form ("YYYY-MM-DD", zero-padded). */
char    *candour_date_format_display (const char  *iso);

G_END_DECLS
