/* candour-column.h: reading result columns into row objects
 *
 * The row objects behind the GUI's tables (findings, bids, payments…) are filled from
 * statement columns; these helpers keep "not recorded" (NULL) apart from zero and give
 * every money and date cell its display text from one place.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "candour-database.h"

G_BEGIN_DECLS

/* "£1,234.50", or "" when the cell is NULL. */
char    *candour_column_money_display (CandourQuery *query,
                                       const char   *column);
/* "01/04/2025", or "" when the cell is NULL. */
char    *candour_column_date_display  (CandourQuery *query,
                                       const char   *column);

/* Makes a row object from the query's current row. */
typedef gpointer (*CandourRowNewFunc) (CandourQuery *query);

/* Runs sql (no parameters) and returns a GListStore of item_type holding one object
 * per row, made by new_row: for the record lists (bids, contracts…), a few thousand
 * rows at most. NULL with error when the query fails. */
GListModel *candour_column_load_list  (CandourDatabase    *db,
                                       const char         *sql,
                                       GType               item_type,
                                       CandourRowNewFunc   new_row,
                                       GError            **error);

/* Money for people, or "" when known is FALSE (the value is not recorded). */
char    *candour_money_display_or_empty (gboolean known,
                                         gint64   pence);

G_END_DECLS
