/* candour-payment-list.h: every payment as a list model that reads SQLite on demand
 *
 * A lead provider's books can hold a million payments; a list view shows forty. The
 * model counts the rows once and reads them a page at a time when a view asks, keeping
 * a few pages of CandourPayment items. Sorting, searching and the range of dates happen
 * in SQL: they keep one array of row ids (8 bytes a row), never an object per row. The
 * listed payments' amounts are added up in SQL too, with the same conditions.
 *
 * Sorting or searching a million payments takes SQLite a second or more, so a window
 * asks with candour_payment_list_query_async(): a worker thread with its own read-only
 * connection works out the new order while the list goes on showing the old one, and
 * the new order is swapped in at once when it is ready.
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

/* Counts the payments and adds them up; fails only when the database cannot be read. */
CandourPaymentList *candour_payment_list_new             (CandourDatabase     *db,
                                                          GError             **error);
/* The same with the count and sum already made, by candour_payment_list_count() on a
 * worker: a million payments take a tenth of a second a window should not wait. */
CandourPaymentList *candour_payment_list_new_counted     (CandourDatabase     *db,
                                                          guint                n_payments,
                                                          gint64               sum);
/* How many payments db holds and, if out_sum is not NULL, their amounts added up in
 * pence, with that thread's connection. */
gboolean            candour_payment_list_count           (CandourDatabase     *db,
                                                          guint               *out_n_payments,
                                                          gint64              *out_sum,
                                                          GError             **error);
CandourDatabase    *candour_payment_list_get_database    (CandourPaymentList  *self);
/* The longest payment reference and the longest reference a payment can be made under
 * (a contract's or a subcontract's), for columns as wide as they need; NULL for none.
 * Reads every payment's reference: on a worker. */
gboolean            candour_payment_list_longest_refs    (CandourDatabase     *db,
                                                          char               **out_payment_ref,
                                                          char               **out_agreement_ref,
                                                          GError             **error);

/* Keeps the payments whose reference, contract or subcontract reference, payer or payee
 * contains text (any case); NULL or "" keeps all. A date as people write it
 * ("01/04/2025", "1/4/2025", "2025-04-01") keeps those paid that day, an amount
 * ("£1,234.50", "1234.5") those of exactly that amount; bare digits ("2094") keep those
 * of that many pounds and those whose references or names contain the digits. */
gboolean            candour_payment_list_set_search      (CandourPaymentList  *self,
                                                          const char          *text,
                                                          GError             **error);
const char         *candour_payment_list_get_search      (CandourPaymentList  *self);
/* Keeps the payments paid from from to to, both ISO dates ("2025-04-01") and both
 * days included; NULL for no bound on that side. */
gboolean            candour_payment_list_set_range       (CandourPaymentList  *self,
                                                          const char          *from,
                                                          const char          *to,
                                                          GError             **error);
const char         *candour_payment_list_get_from        (CandourPaymentList  *self);
const char         *candour_payment_list_get_to          (CandourPaymentList  *self);
gboolean            candour_payment_list_set_sort        (CandourPaymentList  *self,
                                                          CandourPaymentSort   sort,
                                                          gboolean             descending,
                                                          GError             **error);
CandourPaymentSort  candour_payment_list_get_sort        (CandourPaymentList  *self);
gboolean            candour_payment_list_get_descending  (CandourPaymentList  *self);

/* Reads the table again (after an import): every item changes. */
gboolean            candour_payment_list_reload          (CandourPaymentList  *self,
                                                          GError             **error);

/* Asks for the payments search finds (NULL or "" for all) paid from from to to (ISO
 * dates, NULL for no bound) in this order, worked out on a worker thread with their
 * sum; the list changes in one go when they are ready, and "busy" is TRUE until then.
 * A newer request (or a set_ or reload call) supersedes this one: its callback then
 * gets G_IO_ERROR_CANCELLED and the list never shows its result. From every payment to
 * every payment in the recorded order or by date paid nothing need be counted again:
 * answered at once. An in-memory database has no second connection, so its requests
 * are answered on the calling thread. callback may be NULL. */
void                candour_payment_list_query_async     (CandourPaymentList  *self,
                                                          const char          *search,
                                                          const char          *from,
                                                          const char          *to,
                                                          CandourPaymentSort   sort,
                                                          gboolean             descending,
                                                          GAsyncReadyCallback  callback,
                                                          gpointer             user_data);
gboolean            candour_payment_list_query_finish    (CandourPaymentList  *self,
                                                          GAsyncResult        *result,
                                                          GError             **error);
/* The last query asked for again, after the table changed; the old rows stay until
 * the new ones are ready. Finish with candour_payment_list_query_finish(). */
void                candour_payment_list_reload_async    (CandourPaymentList  *self,
                                                          GAsyncReadyCallback  callback,
                                                          gpointer             user_data);
/* Stops waiting for any request (their callbacks get G_IO_ERROR_CANCELLED). */
void                candour_payment_list_cancel          (CandourPaymentList  *self);
/* TRUE while a request is being worked out. */
gboolean            candour_payment_list_get_busy        (CandourPaymentList  *self);

/* Every payment in the database, searched for or not, as of the last count. */
guint               candour_payment_list_get_total       (CandourPaymentList  *self);
/* The amounts of the payments listed, added up, in pence. */
gint64              candour_payment_list_get_sum         (CandourPaymentList  *self);

/* Pages read from SQLite since the model was made: lets tests see that a view reads
 * what it shows, not the whole table. */
guint               candour_payment_list_get_pages_read  (CandourPaymentList  *self);

G_END_DECLS
