/* candour-contract.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "candour-contract.h"
#include "candour-column.h"
#include "candour-percent.h"

struct _CandourContract
{
  GObject parent_instance;

  char *ref;
  char *title;
  char *bid_ref;
  char *lead_name;
  char *commissioner_name;
  gint64 value;
  char *value_text;
  char *start_on;
  char *start_on_text;
  char *end_on;
  char *end_on_text;
  char *model;
  gint64 required_small_share;
  char *required_small_share_text;
  gint64 subcontracts;
  gint64 subcontracted;
  char *subcontracted_text;
};

G_DEFINE_FINAL_TYPE (CandourContract, candour_contract, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_REF,
  PROP_TITLE,
  PROP_BID_REF,
  PROP_LEAD_NAME,
  PROP_COMMISSIONER_NAME,
  PROP_VALUE,
  PROP_VALUE_TEXT,
  PROP_START_ON,
  PROP_START_ON_TEXT,
  PROP_END_ON,
  PROP_END_ON_TEXT,
  PROP_MODEL,
  PROP_REQUIRED_SMALL_SHARE,
  PROP_REQUIRED_SMALL_SHARE_TEXT,
  PROP_SUBCONTRACTS,
  PROP_SUBCONTRACTED,
  PROP_SUBCONTRACTED_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
candour_contract_finalize (GObject *object)
{
  CandourContract *self = (CandourContract *)object;

  g_free (self->ref);
  g_free (self->title);
  g_free (self->bid_ref);
  g_free (self->lead_name);
  g_free (self->commissioner_name);
  g_free (self->value_text);
  g_free (self->start_on);
  g_free (self->start_on_text);
  g_free (self->end_on);
  g_free (self->end_on_text);
  g_free (self->model);
  g_free (self->required_small_share_text);
  g_free (self->subcontracted_text);

  G_OBJECT_CLASS (candour_contract_parent_class)->finalize (object);
}

static void
candour_contract_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  CandourContract *self = CANDOUR_CONTRACT (object);

  switch (prop_id)
    {
    case PROP_REF:
      g_value_set_string (value, self->ref);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_BID_REF:
      g_value_set_string (value, self->bid_ref);
      break;

    case PROP_LEAD_NAME:
      g_value_set_string (value, self->lead_name);
      break;

    case PROP_COMMISSIONER_NAME:
      g_value_set_string (value, self->commissioner_name);
      break;

    case PROP_VALUE:
      g_value_set_int64 (value, self->value);
      break;

    case PROP_VALUE_TEXT:
      g_value_set_string (value, self->value_text);
      break;

    case PROP_START_ON:
      g_value_set_string (value, self->start_on);
      break;

    case PROP_START_ON_TEXT:
      g_value_set_string (value, self->start_on_text);
      break;

    case PROP_END_ON:
      g_value_set_string (value, self->end_on);
      break;

    case PROP_END_ON_TEXT:
      g_value_set_string (value, self->end_on_text);
      break;

    case PROP_MODEL:
      g_value_set_string (value, self->model);
      break;

    case PROP_REQUIRED_SMALL_SHARE:
      g_value_set_int64 (value, self->required_small_share);
      break;

    case PROP_REQUIRED_SMALL_SHARE_TEXT:
      g_value_set_string (value, self->required_small_share_text);
      break;

    case PROP_SUBCONTRACTS:
      g_value_set_int64 (value, self->subcontracts);
      break;

    case PROP_SUBCONTRACTED:
      g_value_set_int64 (value, self->subcontracted);
      break;

    case PROP_SUBCONTRACTED_TEXT:
      g_value_set_string (value, self->subcontracted_text);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
candour_contract_class_init (CandourContractClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = candour_contract_finalize;
  object_class->get_property = candour_contract_get_property;

  properties[PROP_REF] =
    g_param_spec_string ("ref", NULL, "Reference", NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, "Title", NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BID_REF] =
    g_param_spec_string ("bid-ref", NULL, "Bid it came from", NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LEAD_NAME] =
    g_param_spec_string ("lead-name", NULL, "Lead provider", NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COMMISSIONER_NAME] =
    g_param_spec_string ("commissioner-name", NULL, "Commissioner", NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VALUE] =
    g_param_spec_int64 ("value", NULL, "Value", G_MININT64, G_MAXINT64, -1,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VALUE_TEXT] =
    g_param_spec_string ("value-text", NULL, "Value, for people", NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_START_ON] =
    g_param_spec_string ("start-on", NULL, "Start", NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_START_ON_TEXT] =
    g_param_spec_string ("start-on-text", NULL, "Start, for people", NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_END_ON] =
    g_param_spec_string ("end-on", NULL, "End", NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_END_ON_TEXT] =
    g_param_spec_string ("end-on-text", NULL, "End, for people", NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODEL] =
    g_param_spec_string ("model", NULL, "Delivery model", NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REQUIRED_SMALL_SHARE] =
    g_param_spec_int64 ("required-small-share", NULL, "Share required for smaller organisations", G_MININT64, G_MAXINT64, -1,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REQUIRED_SMALL_SHARE_TEXT] =
    g_param_spec_string ("required-small-share-text", NULL, "Share required for smaller organisations, for people", NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUBCONTRACTS] =
    g_param_spec_int64 ("subcontracts", NULL, "Subcontracts", G_MININT64, G_MAXINT64, -1,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUBCONTRACTED] =
    g_param_spec_int64 ("subcontracted", NULL, "Value subcontracted", G_MININT64, G_MAXINT64, -1,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUBCONTRACTED_TEXT] =
    g_param_spec_string ("subcontracted-text", NULL, "Value subcontracted, for people", NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
candour_contract_init (CandourContract *self)
{
}

CandourContract *
candour_contract_new_from_query (CandourQuery *query)
{
  CandourContract *self;

  g_return_val_if_fail (query != NULL, NULL);

  self = g_object_new (CANDOUR_TYPE_CONTRACT, NULL);
  self->ref = candour_query_dup_text (query, "ref");
  self->title = candour_query_dup_text (query, "title");
  self->bid_ref = candour_query_dup_text (query, "bid_ref");
  self->lead_name = candour_query_dup_text (query, "lead_name");
  self->commissioner_name = candour_query_dup_text (query, "commissioner_name");
  self->value = candour_query_get_int64_or (query, "value", -1);
  self->value_text = candour_column_money_display (query, "value");
  self->start_on = candour_query_dup_text (query, "start_on");
  self->start_on_text = candour_column_date_display (query, "start_on");
  self->end_on = candour_query_dup_text (query, "end_on");
  self->end_on_text = candour_column_date_display (query, "end_on");
  self->model = candour_query_dup_text (query, "model");
  self->required_small_share = candour_query_get_int64_or (query, "required_small_share", -1);
  if (self->required_small_share >= 0)
    {
      g_autofree char *exact = candour_percent_format_exact (self->required_small_share);
      self->required_small_share_text = g_strconcat (exact, "%", NULL);
    }
  else
    self->required_small_share_text = g_strdup ("");
  self->subcontracts = candour_query_get_int64_or (query, "subcontracts", -1);
  self->subcontracted = candour_query_get_int64_or (query, "subcontracted", -1);
  self->subcontracted_text = candour_column_money_display (query, "subcontracted");
  return self;
}

const char *
candour_contract_get_ref (CandourContract *self)
{
  g_return_val_if_fail (CANDOUR_IS_CONTRACT (self), NULL);
  return self->ref;
}

const char *
candour_contract_get_title (CandourContract *self)
{
  g_return_val_if_fail (CANDOUR_IS_CONTRACT (self), NULL);
  return self->title;
}

const char *
candour_contract_get_bid_ref (CandourContract *self)
{
  g_return_val_if_fail (CANDOUR_IS_CONTRACT (self), NULL);
  return self->bid_ref;
}

const char *
candour_contract_get_lead_name (CandourContract *self)
{
  g_return_val_if_fail (CANDOUR_IS_CONTRACT (self), NULL);
  return self->lead_name;
}

const char *
candour_contract_get_commissioner_name (CandourContract *self)
{
  g_return_val_if_fail (CANDOUR_IS_CONTRACT (self), NULL);
  return self->commissioner_name;
}

gint64
candour_contract_get_value (CandourContract *self)
{
  g_return_val_if_fail (CANDOUR_IS_CONTRACT (self), -1);
  return self->value;
}

const char *
candour_contract_get_start_on (CandourContract *self)
{
  g_return_val_if_fail (CANDOUR_IS_CONTRACT (self), NULL);
  return self->start_on;
}

const char *
candour_contract_get_end_on (CandourContract *self)
{
  g_return_val_if_fail (CANDOUR_IS_CONTRACT (self), NULL);
  return self->end_on;
}

const char *
candour_contract_get_model (CandourContract *self)
{
  g_return_val_if_fail (CANDOUR_IS_CONTRACT (self), NULL);
  return self->model;
}

gint64
candour_contract_get_required_small_share (CandourContract *self)
{
  g_return_val_if_fail (CANDOUR_IS_CONTRACT (self), -1);
  return self->required_small_share;
}

gint64
candour_contract_get_subcontracts (CandourContract *self)
{
  g_return_val_if_fail (CANDOUR_IS_CONTRACT (self), -1);
  return self->subcontracts;
}

gint64
candour_contract_get_subcontracted (CandourContract *self)
{
  g_return_val_if_fail (CANDOUR_IS_CONTRACT (self), -1);
  return self->subcontracted;
}

static const char list_sql[] =
  "SELECT c.ref AS ref, c.title AS title, b.ref AS bid_ref, lead.name AS lead_name,\n"
  "       commissioner.name AS commissioner_name, c.value AS value, c.start_on AS start_on,\n"
  "       c.end_on AS end_on, c.model AS model, c.required_small_share AS required_small_share,\n"
  "       (SELECT count (*) FROM subcontract s WHERE s.contract_id = c.id) AS subcontracts,\n"
  "       (SELECT coalesce (candour_total (s.value), 0) FROM subcontract s\n"
  "        WHERE s.contract_id = c.id) AS subcontracted\n"
  "FROM contract c\n"
  "LEFT JOIN bid b ON b.id = c.bid_id\n"
  "JOIN organisation lead ON lead.id = c.lead_id\n"
  "JOIN organisation commissioner ON commissioner.id = c.commissioner_id\n"
  "ORDER BY c.ref";

GListModel *
candour_contract_list_load (CandourDatabase  *db,
                           GError          **error)
{
  return candour_column_load_list (db, list_sql, CANDOUR_TYPE_CONTRACT,
                                   (CandourRowNewFunc)candour_contract_new_from_query, error);
}
