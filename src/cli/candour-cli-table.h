/* candour-cli-table.h: a report as an aligned table for a person at a terminal
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "candour-report.h"

G_BEGIN_DECLS

/* Money as £1,234.50, dates as 01/04/2025, figures right-aligned. Reads every row first
 * to size the columns: for reports (a row per partner or payer), not per payment. */
gboolean candour_cli_write_table (CandourReport  *report,
                                  GOutputStream  *stream,
                                  GError        **error);

G_END_DECLS
