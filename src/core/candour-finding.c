/* candour-finding.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "candour-finding.h"
#include "candour-money.h"
#include "candour-percent.h"

struct _CandourFinding
{
  GObject parent_instance;

  char *bid_ref;
  char *contract_ref;
  char *lead_ref;
  char *lead_name;
  char *partner_ref;
  char *partner_name;
  char *partner_size;
  char *consent;
  char *status;
  CandourFindingRank rank;      /* the status's, worked out once: lists sort by it */
  gboolean has_promise;
  gint64 promised;
  gint64 subcontracted;
  gint64 due;
  gint64 paid;
  gint64 paid_of_due;

  char *promised_text;
  char *subcontracted_text;
  char *due_text;
  char *paid_text;
  char *paid_of_due_text;

  /* What the finding is about, when read with candour_report_finding_rows(). */
  gint64 bid_partner_id;
  gint64 bid_id;
  gint64 partner_id;
  gint64 lead_id;
  gint64 contract_id;
};

G_DEFINE_FINAL_TYPE (CandourFinding, candour_finding, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_BID_REF,
  PROP_CONTRACT_REF,
  PROP_LEAD_REF,
  PROP_LEAD_NAME,
  PROP_PARTNER_REF,
  PROP_PARTNER_NAME,
  PROP_PARTNER_SIZE,
  PROP_CONSENT,
  PROP_STATUS,
  PROP_RANK,
  PROP_HAS_PROMISE,
  PROP_PROMISED,
  PROP_SUBCONTRACTED,
  PROP_DUE,
  PROP_PAID,
  PROP_PAID_OF_DUE,
  PROP_PROMISED_TEXT,
  PROP_SUBCONTRACTED_TEXT,
  PROP_DUE_TEXT,
  PROP_PAID_TEXT,
  PROP_PAID_OF_DUE_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const status_by_rank[] = {
  [CANDOUR_FINDING_RANK_BID_CANDY] = "bid_candy",
  [CANDOUR_FINDING_RANK_SHORT_CHANGED] = "short_changed",
  [CANDOUR_FINDING_RANK_UNDERPAID] = "underpaid",
  [CANDOUR_FINDING_RANK_AWAITING_SUBCONTRACT] = "awaiting_subcontract",
  [CANDOUR_FINDING_RANK_PENDING] = "pending",
  [CANDOUR_FINDING_RANK_HONOURED] = "honoured",
  [CANDOUR_FINDING_RANK_NOT_AWARDED] = "not_awarded",
};

CandourFindingRank
candour_finding_rank_for_status (const char *status)
{
  for (guint i = 0; i < G_N_ELEMENTS (status_by_rank); i++)
    if (g_strcmp0 (status, status_by_rank[i]) == 0)
      return i;
  return CANDOUR_FINDING_RANK_NOT_AWARDED;
}

static void
candour_finding_finalize (GObject *object)
{
  CandourFinding *self = (CandourFinding *)object;

  g_free (self->bid_ref);
  g_free (self->contract_ref);
  g_free (self->lead_ref);
  g_free (self->lead_name);
  g_free (self->partner_ref);
  g_free (self->partner_name);
  g_free (self->partner_size);
  g_free (self->consent);
  g_free (self->status);
  g_free (self->promised_text);
  g_free (self->subcontracted_text);
  g_free (self->due_text);
  g_free (self->paid_text);
  g_free (self->paid_of_due_text);

  G_OBJECT_CLASS (candour_finding_parent_class)->finalize (object);
}

static void
candour_finding_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  CandourFinding *self = CANDOUR_FINDING (object);

  switch (prop_id)
    {
    case PROP_BID_REF: g_value_set_string (value, self->bid_ref); break;
    case PROP_CONTRACT_REF: g_value_set_string (value, self->contract_ref); break;
    case PROP_LEAD_REF: g_value_set_string (value, self->lead_ref); break;
    case PROP_LEAD_NAME: g_value_set_string (value, self->lead_name); break;
    case PROP_PARTNER_REF: g_value_set_string (value, self->partner_ref); break;
    case PROP_PARTNER_NAME: g_value_set_string (value, self->partner_name); break;
    case PROP_PARTNER_SIZE: g_value_set_string (value, self->partner_size); break;
    case PROP_CONSENT: g_value_set_string (value, self->consent); break;
    case PROP_STATUS: g_value_set_string (value, self->status); break;
    case PROP_RANK: g_value_set_int (value, candour_finding_get_rank (self)); break;
    case PROP_HAS_PROMISE: g_value_set_boolean (value, self->has_promise); break;
    case PROP_PROMISED: g_value_set_int64 (value, self->promised); break;
    case PROP_SUBCONTRACTED: g_value_set_int64 (value, self->subcontracted); break;
    case PROP_DUE: g_value_set_int64 (value, self->due); break;
    case PROP_PAID: g_value_set_int64 (value, self->paid); break;
    case PROP_PAID_OF_DUE: g_value_set_int64 (value, self->paid_of_due); break;
    case PROP_PROMISED_TEXT: g_value_set_string (value, self->promised_text); break;
    case PROP_SUBCONTRACTED_TEXT: g_value_set_string (value, self->subcontracted_text); break;
    case PROP_DUE_TEXT: g_value_set_string (value, self->due_text); break;
    case PROP_PAID_TEXT: g_value_set_string (value, self->paid_text); break;
    case PROP_PAID_OF_DUE_TEXT: g_value_set_string (value, self->paid_of_due_text); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

#define STRING_PROPERTY(id, name, nick) \
  properties[id] = g_param_spec_string (name, nick, NULL, NULL, \
                                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS)
#define MONEY_PROPERTY(id, name, nick) \
  properties[id] = g_param_spec_int64 (name, nick, NULL, G_MININT64, G_MAXINT64, 0, \
                                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS)

static void
candour_finding_class_init (CandourFindingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = candour_finding_finalize;
  object_class->get_property = candour_finding_get_property;

  STRING_PROPERTY (PROP_BID_REF, "bid-ref", "Bid reference");
  STRING_PROPERTY (PROP_CONTRACT_REF, "contract-ref", "Contract reference");
  STRING_PROPERTY (PROP_LEAD_REF, "lead-ref", "Lead provider reference");
  STRING_PROPERTY (PROP_LEAD_NAME, "lead-name", "Lead provider");
  STRING_PROPERTY (PROP_PARTNER_REF, "partner-ref", "Partner reference");
  STRING_PROPERTY (PROP_PARTNER_NAME, "partner-name", "Partner");
  STRING_PROPERTY (PROP_PARTNER_SIZE, "partner-size", "Partner size band");
  STRING_PROPERTY (PROP_CONSENT, "consent", "Consent to be named");
  STRING_PROPERTY (PROP_STATUS, "status", "Status keyword");
  properties[PROP_RANK] =
    g_param_spec_int ("rank", "Rank", "Seriousness, 0 most serious",
                      0, CANDOUR_FINDING_RANK_NOT_AWARDED, CANDOUR_FINDING_RANK_NOT_AWARDED,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HAS_PROMISE] =
    g_param_spec_boolean ("has-promise", "Has promise", "Whether the bid recorded a promise", FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  MONEY_PROPERTY (PROP_PROMISED, "promised", "Promised (pence)");
  MONEY_PROPERTY (PROP_SUBCONTRACTED, "subcontracted", "Subcontracted (pence)");
  MONEY_PROPERTY (PROP_DUE, "due", "Due (pence)");
  MONEY_PROPERTY (PROP_PAID, "paid", "Paid (pence)");
  properties[PROP_PAID_OF_DUE] =
    g_param_spec_int64 ("paid-of-due", "Paid of due", "Tenths of a percent, -1 when nothing is due",
                        -1, G_MAXINT64, -1,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  STRING_PROPERTY (PROP_PROMISED_TEXT, "promised-text", "Promised, for people");
  STRING_PROPERTY (PROP_SUBCONTRACTED_TEXT, "subcontracted-text", "Subcontracted, for people");
  STRING_PROPERTY (PROP_DUE_TEXT, "due-text", "Due, for people");
  STRING_PROPERTY (PROP_PAID_TEXT, "paid-text", "Paid, for people");
  STRING_PROPERTY (PROP_PAID_OF_DUE_TEXT, "paid-of-due-text", "Paid of due, for people");

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
candour_finding_init (CandourFinding *self)
{
  self->paid_of_due = -1;
  self->rank = CANDOUR_FINDING_RANK_NOT_AWARDED;
}

static char *
dup_cell (CandourReport *report,
          guint          column)
{
  return candour_report_cell_is_null (report, column)
    ? NULL : g_strdup (candour_report_get_text (report, column));
}

CandourFinding *
candour_finding_new_from_report (CandourReport *report)
{
  CandourFinding *self;

  g_return_val_if_fail (report != NULL, NULL);
  g_return_val_if_fail (candour_report_get_n_columns (report) == CANDOUR_FINDING_STATUS + 1 ||
                        candour_report_get_n_columns (report) == CANDOUR_FINDING_CONTRACT_ID + 1, NULL);

  self = g_object_new (CANDOUR_TYPE_FINDING, NULL);
  self->bid_ref = dup_cell (report, CANDOUR_FINDING_BID_REF);
  self->contract_ref = dup_cell (report, CANDOUR_FINDING_CONTRACT_REF);
  self->lead_ref = dup_cell (report, CANDOUR_FINDING_LEAD_REF);
  self->lead_name = dup_cell (report, CANDOUR_FINDING_LEAD_NAME);
  self->partner_ref = dup_cell (report, CANDOUR_FINDING_PARTNER_REF);
  self->partner_name = dup_cell (report, CANDOUR_FINDING_PARTNER_NAME);
  self->partner_size = dup_cell (report, CANDOUR_FINDING_PARTNER_SIZE);
  self->consent = dup_cell (report, CANDOUR_FINDING_CONSENT);
  self->status = dup_cell (report, CANDOUR_FINDING_STATUS);
  self->rank = candour_finding_rank_for_status (self->status);
  self->has_promise = !candour_report_cell_is_null (report, CANDOUR_FINDING_PROMISED);
  self->promised = candour_report_get_int64 (report, CANDOUR_FINDING_PROMISED);
  self->subcontracted = candour_report_get_int64 (report, CANDOUR_FINDING_SUBCONTRACTED);
  self->due = candour_report_get_int64 (report, CANDOUR_FINDING_DUE);
  self->paid = candour_report_get_int64 (report, CANDOUR_FINDING_PAID);

  self->promised_text = candour_report_format_cell (report, CANDOUR_FINDING_PROMISED,
                                                    CANDOUR_CELL_FORMAT_DISPLAY);
  self->subcontracted_text = candour_report_format_cell (report, CANDOUR_FINDING_SUBCONTRACTED,
                                                         CANDOUR_CELL_FORMAT_DISPLAY);
  self->due_text = candour_report_format_cell (report, CANDOUR_FINDING_DUE, CANDOUR_CELL_FORMAT_DISPLAY);
  self->paid_text = candour_report_format_cell (report, CANDOUR_FINDING_PAID, CANDOUR_CELL_FORMAT_DISPLAY);

  if (self->due > 0)
    {
      g_autofree char *percent = NULL;

      self->paid_of_due = MAX (0, candour_round_mul_div (self->paid, 1000, self->due));
      percent = candour_percent_format_tenths (self->paid_of_due);
      self->paid_of_due_text = g_strconcat (percent, "%", NULL);
    }
  else
    self->paid_of_due_text = g_strdup ("");

  if (candour_report_get_n_columns (report) > CANDOUR_FINDING_STATUS + 1)
    {
      self->bid_partner_id = candour_report_get_int64 (report, CANDOUR_FINDING_BID_PARTNER_ID);
      self->bid_id = candour_report_get_int64 (report, CANDOUR_FINDING_BID_ID);
      self->partner_id = candour_report_get_int64 (report, CANDOUR_FINDING_PARTNER_ID);
      self->lead_id = candour_report_get_int64 (report, CANDOUR_FINDING_LEAD_ID);
      self->contract_id = candour_report_get_int64 (report, CANDOUR_FINDING_CONTRACT_ID);
    }

  return self;
}

const char *
candour_finding_get_bid_ref (CandourFinding *self)
{
  g_return_val_if_fail (CANDOUR_IS_FINDING (self), NULL);
  return self->bid_ref;
}

const char *
candour_finding_get_contract_ref (CandourFinding *self)
{
  g_return_val_if_fail (CANDOUR_IS_FINDING (self), NULL);
  return self->contract_ref;
}

const char *
candour_finding_get_lead_ref (CandourFinding *self)
{
  g_return_val_if_fail (CANDOUR_IS_FINDING (self), NULL);
  return self->lead_ref;
}

const char *
candour_finding_get_lead_name (CandourFinding *self)
{
  g_return_val_if_fail (CANDOUR_IS_FINDING (self), NULL);
  return self->lead_name;
}

const char *
candour_finding_get_partner_ref (CandourFinding *self)
{
  g_return_val_if_fail (CANDOUR_IS_FINDING (self), NULL);
  return self->partner_ref;
}

const char *
candour_finding_get_partner_name (CandourFinding *self)
{
  g_return_val_if_fail (CANDOUR_IS_FINDING (self), NULL);
  return self->partner_name;
}

const char *
candour_finding_get_partner_size (CandourFinding *self)
{
  g_return_val_if_fail (CANDOUR_IS_FINDING (self), NULL);
  return self->partner_size;
}

const char *
candour_finding_get_consent (CandourFinding *self)
{
  g_return_val_if_fail (CANDOUR_IS_FINDING (self), NULL);
  return self->consent;
}

const char *
candour_finding_get_status (CandourFinding *self)
{
  g_return_val_if_fail (CANDOUR_IS_FINDING (self), NULL);
  return self->status;
}

CandourFindingRank
candour_finding_get_rank (CandourFinding *self)
{
  g_return_val_if_fail (CANDOUR_IS_FINDING (self), CANDOUR_FINDING_RANK_NOT_AWARDED);
  return self->rank;
}

gboolean
candour_finding_has_promise (CandourFinding *self)
{
  g_return_val_if_fail (CANDOUR_IS_FINDING (self), FALSE);
  return self->has_promise;
}

gint64
candour_finding_get_promised (CandourFinding *self)
{
  g_return_val_if_fail (CANDOUR_IS_FINDING (self), 0);
  return self->promised;
}

gint64
candour_finding_get_subcontracted (CandourFinding *self)
{
  g_return_val_if_fail (CANDOUR_IS_FINDING (self), 0);
  return self->subcontracted;
}

gint64
candour_finding_get_due (CandourFinding *self)
{
  g_return_val_if_fail (CANDOUR_IS_FINDING (self), 0);
  return self->due;
}

gint64
candour_finding_get_paid (CandourFinding *self)
{
  g_return_val_if_fail (CANDOUR_IS_FINDING (self), 0);
  return self->paid;
}

gint64
candour_finding_get_paid_of_due (CandourFinding *self)
{
  g_return_val_if_fail (CANDOUR_IS_FINDING (self), -1);
  return self->paid_of_due;
}

gint64
candour_finding_get_bid_partner_id (CandourFinding *self)
{
  g_return_val_if_fail (CANDOUR_IS_FINDING (self), 0);
  return self->bid_partner_id;
}

gint64
candour_finding_get_bid_id (CandourFinding *self)
{
  g_return_val_if_fail (CANDOUR_IS_FINDING (self), 0);
  return self->bid_id;
}

gint64
candour_finding_get_partner_id (CandourFinding *self)
{
  g_return_val_if_fail (CANDOUR_IS_FINDING (self), 0);
  return self->partner_id;
}

gint64
candour_finding_get_lead_id (CandourFinding *self)
{
  g_return_val_if_fail (CANDOUR_IS_FINDING (self), 0);
  return self->lead_id;
}

gint64
candour_finding_get_contract_id (CandourFinding *self)
{
  g_return_val_if_fail (CANDOUR_IS_FINDING (self), 0);
  return self->contract_id;
}

gboolean
candour_finding_in_scope (CandourFinding            *self,
                          const CandourFindingScope *scope)
{
  g_return_val_if_fail (CANDOUR_IS_FINDING (self), FALSE);
  g_return_val_if_fail (scope != NULL, FALSE);

  return (scope->bid_id == 0 || self->bid_id == scope->bid_id) &&
         (scope->partner_id == 0 || self->partner_id == scope->partner_id) &&
         (scope->lead_id == 0 || self->lead_id == scope->lead_id);
}

GPtrArray *
candour_finding_array_load (CandourDatabase                *db,
                            const CandourReconcileOptions  *options,
                            const CandourFindingScope      *scope,
                            GCancellable                   *cancellable,
                            GError                        **error)
{
  g_autoptr(CandourReport) report = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (CANDOUR_IS_DATABASE (db), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  report = candour_report_finding_rows (db, options, scope, error);
  if (report == NULL)
    return NULL;

  while (candour_report_next (report, &local_error))
    {
      g_ptr_array_add (rows, candour_finding_new_from_report (report));
      if ((rows->len & 0xfff) == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return g_steal_pointer (&rows);
}

GListModel *
candour_finding_list_load (CandourDatabase                *db,
                           const CandourReconcileOptions  *options,
                           GError                        **error)
{
  g_autoptr(GPtrArray) rows = candour_finding_array_load (db, options, NULL, NULL, error);
  GListStore *store;

  if (rows == NULL)
    return NULL;

  store = g_list_store_new (CANDOUR_TYPE_FINDING);
  g_list_store_splice (store, 0, 0, rows->pdata, rows->len);
  return G_LIST_MODEL (store);
}

void
candour_finding_totals_add (CandourFindingTotals *totals,
                            CandourFinding       *finding,
                            int                   sign)
{
  g_return_if_fail (totals != NULL);
  g_return_if_fail (CANDOUR_IS_FINDING (finding));
  g_return_if_fail (sign == 1 || sign == -1);

  switch (candour_finding_get_rank (finding))
    {
    case CANDOUR_FINDING_RANK_BID_CANDY: totals->bid_candy += sign; break;
    case CANDOUR_FINDING_RANK_SHORT_CHANGED: totals->short_changed += sign; break;
    case CANDOUR_FINDING_RANK_UNDERPAID: totals->underpaid += sign; break;
    case CANDOUR_FINDING_RANK_AWAITING_SUBCONTRACT: totals->awaiting_subcontract += sign; break;
    case CANDOUR_FINDING_RANK_PENDING: totals->pending += sign; break;
    case CANDOUR_FINDING_RANK_HONOURED: totals->honoured += sign; break;
    case CANDOUR_FINDING_RANK_NOT_AWARDED:
    default:
      totals->not_awarded += sign;
      return;
    }

  totals->named += sign;
  if (finding->has_promise)
    totals->promised += sign * finding->promised;
  totals->subcontracted += sign * finding->subcontracted;
  totals->due += sign * finding->due;
  totals->paid += sign * finding->paid;
}

void
candour_finding_totals_compute (GListModel           *findings,
                                CandourFindingTotals *totals)
{
  guint n;

  g_return_if_fail (G_IS_LIST_MODEL (findings));
  g_return_if_fail (totals != NULL);

  memset (totals, 0, sizeof *totals);
  n = g_list_model_get_n_items (findings);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CandourFinding) finding = g_list_model_get_item (findings, i);

      candour_finding_totals_add (totals, finding, 1);
    }
}
