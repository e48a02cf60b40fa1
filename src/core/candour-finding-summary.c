/* candour-finding-summary.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "candour-finding-summary.h"

int
candour_finding_compare_seriousness (CandourFinding *a,
                                     CandourFinding *b)
{
  int rank = (int)candour_finding_get_rank (a) - (int)candour_finding_get_rank (b);
  gint64 promised_a = candour_finding_get_promised (a);
  gint64 promised_b = candour_finding_get_promised (b);

  if (rank != 0)
    return rank;
  /* Within a status, the largest promise first: the most money at stake. */
  return promised_a < promised_b ? 1 : promised_a > promised_b ? -1 : 0;
}

int
candour_lead_sums_compare_promised (const CandourLeadSums *a,
                                    const CandourLeadSums *b)
{
  if (a->promised != b->promised)
    return a->promised < b->promised ? 1 : -1;
  return strcmp (a->ref, b->ref);
}

static int
compare_refs (gconstpointer a,
              gconstpointer b)
{
  return strcmp (((const CandourLeadSums *)a)->ref, ((const CandourLeadSums *)b)->ref);
}

static void
lead_sums_clear (gpointer data)
{
  CandourLeadSums *sums = data;

  g_free (sums->ref);
  g_free (sums->name);
}

/* Keeps serious sorted, at most max long, as the findings go by: no sort of them all. */
static void
keep_if_serious (GPtrArray      *serious,
                 guint           max,
                 CandourFinding *finding)
{
  guint at = serious->len;

  if (serious->len == max &&
      (max == 0 || candour_finding_compare_seriousness (finding, serious->pdata[max - 1]) >= 0))
    return;
  if (serious->len == max)
    g_ptr_array_remove_index (serious, max - 1);
  while (at > 0 && candour_finding_compare_seriousness (finding, serious->pdata[at - 1]) < 0)
    at--;
  g_ptr_array_insert (serious, at, g_object_ref (finding));
}

CandourFindingSummary *
candour_finding_summary_new (GListModel *findings,
                             guint       max_serious)
{
  CandourFindingSummary *summary = g_new0 (CandourFindingSummary, 1);
  guint n = findings != NULL ? g_list_model_get_n_items (findings) : 0;
  /* Lead id → position in leads; bid ids are counted once the pass is done. */
  g_autoptr(GHashTable) lead_index = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GArray) bid_ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n);
  g_autoptr(GHashTable) bids = NULL;

  summary->leads = g_array_new (FALSE, FALSE, sizeof (CandourLeadSums));
  g_array_set_clear_func (summary->leads, lead_sums_clear);
  summary->serious = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CandourFinding) finding = g_list_model_get_item (findings, i);
      CandourFindingRank rank = candour_finding_get_rank (finding);
      gint64 lead_id = candour_finding_get_lead_id (finding);
      gint64 bid_id = candour_finding_get_bid_id (finding);
      gpointer position;
      CandourLeadSums *sums;

      if (rank == CANDOUR_FINDING_RANK_NOT_AWARDED)
        continue;

      g_array_append_val (bid_ids, bid_id);
      if (!g_hash_table_lookup_extended (lead_index, &lead_id, NULL, &position))
        {
          CandourLeadSums fresh = { g_strdup (candour_finding_get_lead_ref (finding)),
                                    g_strdup (candour_finding_get_lead_name (finding)), 0, 0, 0 };

          position = GUINT_TO_POINTER (summary->leads->len);
          g_array_append_val (summary->leads, fresh);
          g_hash_table_insert (lead_index, g_memdup2 (&lead_id, sizeof lead_id), position);
        }
      sums = &g_array_index (summary->leads, CandourLeadSums, GPOINTER_TO_UINT (position));
      sums->promised += candour_finding_get_promised (finding);
      sums->subcontracted += candour_finding_get_subcontracted (finding);
      sums->paid += candour_finding_get_paid (finding);

      if (rank <= CANDOUR_FINDING_RANK_UNDERPAID)
        {
          summary->n_serious++;
          keep_if_serious (summary->serious, max_serious, finding);
        }
    }

  /* Keys live in one array: a national prime's 20,000 bids, no allocation each. */
  bids = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < bid_ids->len; i++)
    g_hash_table_add (bids, &g_array_index (bid_ids, gint64, i));
  summary->won_bids = g_hash_table_size (bids);

  g_array_sort (summary->leads, compare_refs);
  return summary;
}

void
candour_finding_summary_free (CandourFindingSummary *summary)
{
  if (summary == NULL)
    return;

  g_array_unref (summary->leads);
  g_ptr_array_unref (summary->serious);
  g_free (summary);
}
