/* candour-period.h: closed periods, whose payments are final
 *
 * A finance user closes a month or a financial year once its books are done: payments
 * dated in it can then no longer be added, changed or removed, on a file or on a
 * server, until an admin reopens it. The rule itself lives in the schema's triggers
 * (sql/0005-closed-periods.sql, sql/pg/0002-closed-periods.sql); a refused payment
 * comes back as CANDOUR_DATABASE_ERROR_CONSTRAINT saying so.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "candour-report.h"

G_BEGIN_DECLS

/* Closes first_day to last_day (ISO dates, inclusive). */
gboolean       candour_period_close          (CandourDatabase  *db,
                                              const char       *first_day,
                                              const char       *last_day,
                                              GError          **error);
/* Reopens the period closed with exactly these days: CANDOUR_DOMAIN_ERROR_NOT_FOUND
 * when there is none. */
gboolean       candour_period_reopen         (CandourDatabase  *db,
                                              const char       *first_day,
                                              const char       *last_day,
                                              GError          **error);
/* The closed periods, earliest first: first_day, last_day. */
CandourReport *candour_report_closed_periods (CandourDatabase  *db,
                                              GError          **error);

G_END_DECLS
