/* candour-payments-page.h: every payment, read from the database as it is scrolled
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "candour-payment-list.h"
#include "candour-session.h"

G_BEGIN_DECLS

#define CANDOUR_TYPE_PAYMENTS_PAGE (candour_payments_page_get_type ())

G_DECLARE_FINAL_TYPE (CandourPaymentsPage, candour_payments_page, CANDOUR, PAYMENTS_PAGE, GtkWidget)

CandourSession     *candour_payments_page_get_session (CandourPaymentsPage *self);
void                candour_payments_page_set_session (CandourPaymentsPage *self,
                                                       CandourSession      *session);
/* Filters the list as if text were typed into its search entry. */
void                candour_payments_page_set_search  (CandourPaymentsPage *self,
                                                       const char          *text);
/* Shows the payments paid from from to to, typed as people write dates ("01/04/2025",
 * "2025-04-01") into the page's Dates Paid fields; NULL or "" for no bound. A date
 * that is not one leaves the list as it was, and the field says why. */
void                candour_payments_page_set_range   (CandourPaymentsPage *self,
                                                       const char          *from,
                                                       const char          *to);
/* Sorts by a column as a click on its heading does, the arrow on that heading (NONE: the
 * recorded order, no arrow). The page opens by date paid, earliest first. */
void                candour_payments_page_sort        (CandourPaymentsPage *self,
                                                       CandourPaymentSort   sort,
                                                       gboolean             descending);
/* The payments shown, or NULL without a database. */
CandourPaymentList *candour_payments_page_get_list    (CandourPaymentsPage *self);
/* The rows in view: the list less a payment waiting to be deleted (a GtkSelectionModel). */
GListModel         *candour_payments_page_get_shown   (CandourPaymentsPage *self);

G_END_DECLS
