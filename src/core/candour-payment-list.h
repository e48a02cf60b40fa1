/* candour-payment-list.h: every payment as a list model that reads SQLite on demand
 *
 * A lead provider's books can hold a million payments; a list view shows forty. The
 * model counts the rows once and reads them a page at a time when a view asks, keeping
 * a few pages of CandourPayment items. Sorting and searching happen in SQL: they keep
 * one array of row ids (8 bytes a row), never an object per row.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "candour-database.h"
#include "candour-payment.h"

G_BEGIN_DECLS

typedef enum
{
  CANDOUR_PAYMENT_SORT_NONE,    /* the order the payments were recorded in */
  CANDOUR_PAYMENT_SORT_REF,
  CANDOUR_PAYMENT_SORT_AGREEMENT,
  CANDOUR_PAYMENT_SORT_PAYER,
  CANDOUR_PAYMENT_SORT_PAYEE,
  CANDOUR_PAYMENT_SORT_AMOUNT,
  CANDOUR_PAYMENT_SORT_PAID_ON,
  CANDOUR_PAYMENT_SORT_INVOICED_ON,
  CANDOUR_PAYMENT_SORT_DAYS_TO_PAY,
  CANDOUR_PAYMENT_N_SORTS
} CandourPaymentSort;

/* Rows read from SQLite in one go when a view asks for an item that is not cached. */
#define CANDOUR_PAYMENT_LIST_PAGE_SIZE 64

#define CANDOUR_TYPE_PAYMENT_LIST (candour_payment_list_get_type ())

G_DECLARE_FINAL_TYPE (CandourPaymentList, candour_payment_list, CANDOUR, PAYMENT_LIST, GObject)

/* Counts the payments; fails only when the database cannot be read. */
CandourPaymentList *candour_payment_list_new             (CandourDatabase     *db,
                                                          GError             **error);
CandourDatabase    *candour_payment_list_get_database    (CandourPaymentList  *self);

/* Keeps the payments whose reference, contract or subcontract reference, payer or payee
 * contains text (any case); NULL or "" keeps all. */
gboolean            candour_payment_list_set_search      (CandourPaymentList  *self,
                                                          const char          *text,
                                                          GError             **error);
const char         *candour_payment_list_get_search      (CandourPaymentList  *self);
gboolean            candour_payment_list_set_sort        (CandourPaymentList  *self,
                                                          CandourPaymentSort   sort,
                                                          gboolean             descending,
                                                          GError             **error);
CandourPaymentSort  candour_payment_list_get_sort        (CandourPaymentList  *self);
gboolean            candour_payment_list_get_descending  (CandourPaymentList  *self);

/* Reads the table again (after an import): every item changes. */
gboolean            candour_payment_list_reload          (CandourPaymentList  *self,
                                                          GError             **error);

/* Pages read from SQLite since the model was made: lets tests see that a view reads
 * what it shows, not the whole table. */
guint               candour_payment_list_get_pages_read  (CandourPaymentList  *self);

G_END_DECLS
