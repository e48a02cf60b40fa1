/* candour-story.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "candour-story.h"
#include "candour-column.h"
#include "candour-date.h"
#include "candour-error.h"
#include "candour-payment.h"
#include "candour-rules.h"

static const char bid_sql[] =
  "SELECT b.title AS bid_title, commissioner.name AS commissioner_name, b.value AS bid_value,\n"
  "       b.submitted_on AS submitted_on, b.outcome AS outcome, consortium.name AS consortium_name,\n"
  "       bp.role AS role, bp.promised_value AS promised_value, bp.promised_share AS promised_share,\n"
  "       c.ref AS contract_ref, c.title AS contract_title, c.value AS contract_value,\n"
  "       c.start_on AS contract_start_on, c.end_on AS contract_end_on\n"
  "FROM bid b\n"
  "JOIN bid_partner bp ON bp.bid_id = b.id\n"
  "JOIN organisation partner ON partner.id = bp.partner_id\n"
  "JOIN organisation commissioner ON commissioner.id = b.commissioner_id\n"
  "LEFT JOIN consortium ON consortium.id = b.consortium_id\n"
  "LEFT JOIN contract c ON c.bid_id = b.id\n"
  "WHERE b.ref = :bid_ref AND partner.ref = :partner_ref";

static const char subcontracts_sql[] =
  "SELECT s.ref AS ref, s.value AS value, coalesce (s.start_on, c.start_on) AS start_on,\n"
  "       coalesce (s.end_on, c.end_on) AS end_on, s.payment_terms_days AS payment_terms_days\n"
  "FROM subcontract s\n"
  "JOIN contract c ON c.id = s.contract_id\n"
  "JOIN organisation partner ON partner.id = s.partner_id\n"
  "WHERE c.ref = :contract_ref AND partner.ref = :partner_ref\n"
  "ORDER BY coalesce (s.start_on, c.start_on), s.ref";

static const char payments_sql[] =
  CANDOUR_PAYMENT_COLUMNS
  "FROM payment p\n"
  CANDOUR_PAYMENT_JOINS
  "JOIN organisation partner ON partner.id = s.partner_id\n"
  "WHERE c.ref = :contract_ref AND partner.ref = :partner_ref\n"
  "ORDER BY p.paid_on, p.id";

static void
subcontract_clear (gpointer data)
{
  CandourStorySubcontract *subcontract = data;

  g_free (subcontract->ref);
  g_free (subcontract->start_on);
  g_free (subcontract->end_on);
}

void
candour_story_free (CandourStory *story)
{
  if (story == NULL)
    return;

  g_clear_object (&story->finding);
  g_free (story->as_of);
  g_free (story->bid_title);
  g_free (story->commissioner_name);
  g_free (story->submitted_on);
  g_free (story->outcome);
  g_free (story->consortium_name);
  g_free (story->role);
  g_free (story->contract_ref);
  g_free (story->contract_title);
  g_free (story->contract_start_on);
  g_free (story->contract_end_on);
  g_clear_pointer (&story->subcontracts, g_array_unref);
  g_clear_object (&story->payments);
  g_free (story);
}

static gboolean
read_bid (CandourDatabase  *db,
          CandourStory     *story,
          GError          **error)
{
  CandourQuery *query = candour_database_query (db, bid_sql, error);
  CandourQueryStep step;

  if (query == NULL)
    return FALSE;

  candour_query_bind_text (query, ":bid_ref", candour_finding_get_bid_ref (story->finding));
  candour_query_bind_text (query, ":partner_ref", candour_finding_get_partner_ref (story->finding));
  step = candour_query_step (query, error);
  if (step == CANDOUR_QUERY_ROW)
    {
      story->bid_title = candour_query_dup_text (query, "bid_title");
      story->commissioner_name = candour_query_dup_text (query, "commissioner_name");
      story->bid_value = candour_query_get_int64_or (query, "bid_value", -1);
      story->submitted_on = candour_query_dup_text (query, "submitted_on");
      story->outcome = candour_query_dup_text (query, "outcome");
      story->consortium_name = candour_query_dup_text (query, "consortium_name");
      story->role = candour_query_dup_text (query, "role");
      story->promised_value = candour_query_get_int64_or (query, "promised_value", -1);
      story->promised_share = candour_query_get_int64_or (query, "promised_share", -1);
      story->contract_ref = candour_query_dup_text (query, "contract_ref");
      story->contract_title = candour_query_dup_text (query, "contract_title");
      story->contract_value = candour_query_get_int64_or (query, "contract_value", 0);
      story->contract_start_on = candour_query_dup_text (query, "contract_start_on");
      story->contract_end_on = candour_query_dup_text (query, "contract_end_on");
      candour_query_reset (query);
    }

  if (step == CANDOUR_QUERY_DONE)
    {
      g_set_error (error, CANDOUR_DOMAIN_ERROR, CANDOUR_DOMAIN_ERROR_NOT_FOUND,
                   "Bid %s no longer names %s", candour_finding_get_bid_ref (story->finding),
                   candour_finding_get_partner_ref (story->finding));
      return FALSE;
    }
  return step == CANDOUR_QUERY_ROW;
}

static gboolean
read_subcontracts (CandourDatabase  *db,
                   CandourStory     *story,
                   GError          **error)
{
  CandourQuery *query = candour_database_query (db, subcontracts_sql, error);
  CandourQueryStep step;

  if (query == NULL)
    return FALSE;

  candour_query_bind_text (query, ":contract_ref", story->contract_ref);
  candour_query_bind_text (query, ":partner_ref", candour_finding_get_partner_ref (story->finding));
  while ((step = candour_query_step (query, error)) == CANDOUR_QUERY_ROW)
    {
      CandourStorySubcontract subcontract = {
        .ref = candour_query_dup_text (query, "ref"),
        .value = candour_query_get_int64 (query, "value"),
        .start_on = candour_query_dup_text (query, "start_on"),
        .end_on = candour_query_dup_text (query, "end_on"),
        .payment_terms_days = candour_query_get_int64 (query, "payment_terms_days"),
      };
      g_array_append_val (story->subcontracts, subcontract);
    }
  return step == CANDOUR_QUERY_DONE;
}

static gboolean
read_payments (CandourDatabase  *db,
               CandourStory     *story,
               GError          **error)
{
  g_autoptr(GListStore) store = g_list_store_new (CANDOUR_TYPE_PAYMENT);
  CandourQuery *query = candour_database_query (db, payments_sql, error);
  CandourQueryStep step;

  if (query == NULL)
    return FALSE;

  candour_query_bind_text (query, ":contract_ref", story->contract_ref);
  candour_query_bind_text (query, ":partner_ref", candour_finding_get_partner_ref (story->finding));
  while ((step = candour_query_step (query, error)) == CANDOUR_QUERY_ROW)
    {
      g_autoptr(CandourPayment) payment = candour_payment_new_from_query (query);
      g_list_store_append (store, payment);
    }
  if (step == CANDOUR_QUERY_ERROR)
    return FALSE;

  story->payments = G_LIST_MODEL (g_steal_pointer (&store));
  return TRUE;
}

CandourStory *
candour_story_load (CandourDatabase  *db,
                    CandourFinding   *finding,
                    const char       *as_of,
                    GError          **error)
{
  g_autoptr(CandourStory) story = NULL;

  g_return_val_if_fail (CANDOUR_IS_DATABASE (db), NULL);
  g_return_val_if_fail (CANDOUR_IS_FINDING (finding), NULL);
  g_return_val_if_fail (as_of != NULL && candour_date_to_days (as_of) > 0, NULL);

  story = g_new0 (CandourStory, 1);
  story->finding = g_object_ref (finding);
  story->as_of = g_strdup (as_of);
  story->subcontracts = g_array_new (FALSE, TRUE, sizeof (CandourStorySubcontract));
  g_array_set_clear_func (story->subcontracts, subcontract_clear);

  if (!read_bid (db, story, error))
    return NULL;

  if (story->contract_ref == NULL)
    story->payments = G_LIST_MODEL (g_list_store_new (CANDOUR_TYPE_PAYMENT));
  else if (!read_subcontracts (db, story, error) || !read_payments (db, story, error))
    return NULL;

  return g_steal_pointer (&story);
}

/* The engine's rule for one subcontract (candour-rules.h). */
static gint64
subcontract_due_on (const CandourStorySubcontract *subcontract,
                    gint64                         day)
{
  return candour_rules_due (subcontract->value, candour_date_to_days (subcontract->start_on),
                            candour_date_to_days (subcontract->end_on), subcontract->payment_terms_days, day);
}

gint64
candour_story_due_on (const CandourStory *story,
                      gint64              day)
{
  gint64 due = 0;

  g_return_val_if_fail (story != NULL, 0);

  for (guint i = 0; i < story->subcontracts->len; i++)
    due += subcontract_due_on (&g_array_index (story->subcontracts, CandourStorySubcontract, i), day);
  return due;
}

gint64
candour_story_paid_on (const CandourStory *story,
                       gint64              day)
{
  guint n;
  gint64 paid = 0;

  g_return_val_if_fail (story != NULL, 0);

  n = g_list_model_get_n_items (story->payments);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CandourPayment) payment = g_list_model_get_item (story->payments, i);

      if (candour_date_to_days (candour_payment_get_paid_on (payment)) <= day)
        paid += candour_payment_get_amount (payment);
    }
  return paid;
}

static int
compare_days (gconstpointer a,
              gconstpointer b)
{
  gint64 x = *(const gint64 *)a;
  gint64 y = *(const gint64 *)b;

  return x < y ? -1 : x > y;
}

static void
append_point (GArray *points,
              gint64  day,
              gint64  pence)
{
  CandourStoryPoint point = { day, pence };

  g_array_append_val (points, point);
}

GArray *
candour_story_due_points (const CandourStory *story,
                          gint64              first_day,
                          gint64              last_day)
{
  g_autoptr(GArray) days = g_array_new (FALSE, FALSE, sizeof (gint64));
  GArray *points = g_array_new (FALSE, FALSE, sizeof (CandourStoryPoint));
  gint64 previous = G_MININT64;

  g_return_val_if_fail (story != NULL, points);
  g_return_val_if_fail (first_day <= last_day, points);

  g_array_append_val (days, first_day);
  g_array_append_val (days, last_day);

  /* Each subcontract's due is flat, then a straight climb, then flat again: the corners
   * are the last day nothing is payable and the first day everything is. */
  for (guint i = 0; i < story->subcontracts->len; i++)
    {
      const CandourStorySubcontract *s = &g_array_index (story->subcontracts, CandourStorySubcontract, i);
      gint64 corners[2] = {
        candour_date_to_days (s->start_on) + s->payment_terms_days - 1,
        candour_date_to_days (s->end_on) + s->payment_terms_days,
      };

      for (guint j = 0; j < G_N_ELEMENTS (corners); j++)
        if (corners[j] > first_day && corners[j] < last_day)
          g_array_append_val (days, corners[j]);
    }

  g_array_sort (days, compare_days);
  for (guint i = 0; i < days->len; i++)
    {
      gint64 day = g_array_index (days, gint64, i);

      if (day != previous)
        append_point (points, day, candour_story_due_on (story, day));
      previous = day;
    }

  return points;
}

GArray *
candour_story_paid_points (const CandourStory *story,
                           gint64              first_day,
                           gint64              last_day)
{
  GArray *points = g_array_new (FALSE, FALSE, sizeof (CandourStoryPoint));
  gint64 paid;
  guint n;

  g_return_val_if_fail (story != NULL, points);
  g_return_val_if_fail (first_day <= last_day, points);

  /* Payments come by date, so a running total gives each day's figure. */
  paid = candour_story_paid_on (story, first_day);
  append_point (points, first_day, paid);

  n = g_list_model_get_n_items (story->payments);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CandourPayment) payment = g_list_model_get_item (story->payments, i);
      gint64 day = candour_date_to_days (candour_payment_get_paid_on (payment));
      CandourStoryPoint *last = &g_array_index (points, CandourStoryPoint, points->len - 1);

      if (day <= first_day || day > last_day)
        continue;

      paid += candour_payment_get_amount (payment);
      if (last->day == day)
        last->pence = paid;
      else
        append_point (points, day, paid);
    }

  if (g_array_index (points, CandourStoryPoint, points->len - 1).day != last_day)
    append_point (points, last_day, paid);

  return points;
}
