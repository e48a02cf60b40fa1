/* candour-records-page.h: the list of one table's records (bids, contracts,
 * organisations or consortia), searchable and sortable, with New and Delete
 *
 * One class serves the four tables: the "table" property picks the columns
 * (ui/columns/TABLE.ui), the loader and the words. Activating a row asks the window
 * to show the record ("win.show-record"); Delete hides it with Undo
 * (CandourDeletion).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "candour-import.h"
#include "candour-session.h"

G_BEGIN_DECLS

#define CANDOUR_TYPE_RECORDS_PAGE (candour_records_page_get_type ())

G_DECLARE_FINAL_TYPE (CandourRecordsPage, candour_records_page, CANDOUR, RECORDS_PAGE, GtkWidget)

/* table is one of organisations, consortia, bids and contracts. */
GtkWidget      *candour_records_page_new         (CandourTable        table);
CandourTable    candour_records_page_get_table   (CandourRecordsPage *self);

CandourSession *candour_records_page_get_session (CandourRecordsPage *self);
void            candour_records_page_set_session (CandourRecordsPage *self,
                                                  CandourSession     *session);
/* Filters the list as if text were typed into its search entry. */
void            candour_records_page_set_search  (CandourRecordsPage *self,
                                                  const char         *text);
/* The rows shown after searching, in the order shown (a GtkSelectionModel). */
GListModel     *candour_records_page_get_shown   (CandourRecordsPage *self);
/* TRUE while its records are being read, or filtered or sorted a few at a time: the
 * rows shown are not all there yet. */
gboolean        candour_records_page_is_busy     (CandourRecordsPage *self);
/* Selects the row of the record with this ref, if it is shown. */
gboolean        candour_records_page_select      (CandourRecordsPage *self,
                                                  const char         *ref);

G_END_DECLS
