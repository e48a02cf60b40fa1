/* candour-bid.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "candour-bid.h"
#include "candour-column.h"

struct _CandourBid
{
  GObject parent_instance;

  char *ref;
  char *title;
  char *lead_ref;
  char *lead_name;
  char *commissioner_name;
  gint64 value;
  char *value_text;
  char *submitted_on;
  char *submitted_on_text;
  char *outcome;
  char *consortium_name;
  gint64 partners;
  char *contract_ref;
};

G_DEFINE_FINAL_TYPE (CandourBid, candour_bid, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_REF,
  PROP_TITLE,
  PROP_LEAD_REF,
  PROP_LEAD_NAME,
  PROP_COMMISSIONER_NAME,
  PROP_VALUE,
  PROP_VALUE_TEXT,
  PROP_SUBMITTED_ON,
  PROP_SUBMITTED_ON_TEXT,
  PROP_OUTCOME,
  PROP_CONSORTIUM_NAME,
  PROP_PARTNERS,
  PROP_CONTRACT_REF,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
candour_bid_finalize (GObject *object)
{
  CandourBid *self = (CandourBid *)object;

  g_free (self->ref);
  g_free (self->title);
  g_free (self->lead_ref);
  g_free (self->lead_name);
  g_free (self->commissioner_name);
  g_free (self->value_text);
  g_free (self->submitted_on);
  g_free (self->submitted_on_text);
  g_free (self->outcome);
  g_free (self->consortium_name);
  g_free (self->contract_ref);

  G_OBJECT_CLASS (candour_bid_parent_class)->finalize (object);
}

static void
candour_bid_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  CandourBid *self = CANDOUR_BID (object);

  switch (prop_id)
    {
    case PROP_REF:
      g_value_set_string (value, self->ref);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_LEAD_REF:
      g_value_set_string (value, self->lead_ref);
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

    case PROP_SUBMITTED_ON:
      g_value_set_string (value, self->submitted_on);
      break;

    case PROP_SUBMITTED_ON_TEXT:
      g_value_set_string (value, self->submitted_on_text);
      break;

    case PROP_OUTCOME:
      g_value_set_string (value, self->outcome);
      break;

    case PROP_CONSORTIUM_NAME:
      g_value_set_string (value, self->consortium_name);
      break;

    case PROP_PARTNERS:
      g_value_set_int64 (value, self->partners);
      break;

    case PROP_CONTRACT_REF:
      g_value_set_string (value, self->contract_ref);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
candour_bid_class_init (CandourBidClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = candour_bid_finalize;
  object_class->get_property = candour_bid_get_property;

  properties[PROP_REF] =
    g_param_spec_string ("ref", NULL, "Reference", NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, "Title", NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LEAD_REF] =
    g_param_spec_string ("lead-ref", NULL, "Lead provider reference", NULL,
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
  properties[PROP_SUBMITTED_ON] =
    g_param_spec_string ("submitted-on", NULL, "Submitted", NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUBMITTED_ON_TEXT] =
    g_param_spec_string ("submitted-on-text", NULL, "Submitted, for people", NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_OUTCOME] =
    g_param_spec_string ("outcome", NULL, "Outcome keyword", NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONSORTIUM_NAME] =
    g_param_spec_string ("consortium-name", NULL, "Consortium", NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PARTNERS] =
    g_param_spec_int64 ("partners", NULL, "Partners named", G_MININT64, G_MAXINT64, -1,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONTRACT_REF] =
    g_param_spec_string ("contract-ref", NULL, "Contract it led to", NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
candour_bid_init (CandourBid *self)
{
}

CandourBid *
candour_bid_new_from_query (CandourQuery *query)
{
  CandourBid *self;

  g_return_val_if_fail (query != NULL, NULL);

  self = g_object_new (CANDOUR_TYPE_BID, NULL);
  self->ref = candour_query_dup_text (query, "ref");
  self->title = candour_query_dup_text (query, "title");
  self->lead_ref = candour_query_dup_text (query, "lead_ref");
  self->lead_name = candour_query_dup_text (query, "lead_name");
  self->commissioner_name = candour_query_dup_text (query, "commissioner_name");
  self->value = candour_query_get_int64_or (query, "value", -1);
  self->value_text = candour_column_money_display (query, "value");
  self->submitted_on = candour_query_dup_text (query, "submitted_on");
  self->submitted_on_text = candour_column_date_display (query, "submitted_on");
  self->outcome = candour_query_dup_text (query, "outcome");
  self->consortium_name = candour_query_dup_text (query, "consortium_name");
  self->partners = candour_query_get_int64_or (query, "partners", -1);
  self->contract_ref = candour_query_dup_text (query, "contract_ref");
  return self;
}

const char *
candour_bid_get_ref (CandourBid *self)
{
  g_return_val_if_fail (CANDOUR_IS_BID (self), NULL);
  return self->ref;
}

const char *
candour_bid_get_title (CandourBid *self)
{
  g_return_val_if_fail (CANDOUR_IS_BID (self), NULL);
  return self->title;
}

const char *
candour_bid_get_lead_ref (CandourBid *self)
{
  g_return_val_if_fail (CANDOUR_IS_BID (self), NULL);
  return self->lead_ref;
}

const char *
candour_bid_get_lead_name (CandourBid *self)
{
  g_return_val_if_fail (CANDOUR_IS_BID (self), NULL);
  return self->lead_name;
}

const char *
candour_bid_get_commissioner_name (CandourBid *self)
{
  g_return_val_if_fail (CANDOUR_IS_BID (self), NULL);
  return self->commissioner_name;
}

gint64
candour_bid_get_value (CandourBid *self)
{
  g_return_val_if_fail (CANDOUR_IS_BID (self), -1);
  return self->value;
}

const char *
candour_bid_get_submitted_on (CandourBid *self)
{
  g_return_val_if_fail (CANDOUR_IS_BID (self), NULL);
  return self->submitted_on;
}

const char *
candour_bid_get_outcome (CandourBid *self)
{
  g_return_val_if_fail (CANDOUR_IS_BID (self), NULL);
  return self->outcome;
}

const char *
candour_bid_get_consortium_name (CandourBid *self)
{
  g_return_val_if_fail (CANDOUR_IS_BID (self), NULL);
  return self->consortium_name;
}

gint64
candour_bid_get_partners (CandourBid *self)
{
  g_return_val_if_fail (CANDOUR_IS_BID (self), -1);
  return self->partners;
}

const char *
candour_bid_get_contract_ref (CandourBid *self)
{
  g_return_val_if_fail (CANDOUR_IS_BID (self), NULL);
  return self->contract_ref;
}

static const char list_sql[] =
  "SELECT b.ref AS ref, b.title AS title, lead.ref AS lead_ref, lead.name AS lead_name,\n"
  "       commissioner.name AS commissioner_name, b.value AS value,\n"
  "       b.submitted_on AS submitted_on, b.outcome AS outcome, consortium.name AS consortium_name,\n"
  "       (SELECT count (*) FROM bid_partner bp WHERE bp.bid_id = b.id) AS partners,\n"
  "       c.ref AS contract_ref\n"
  "FROM bid b\n"
  "JOIN organisation lead ON lead.id = b.lead_id\n"
  "JOIN organisation commissioner ON commissioner.id = b.commissioner_id\n"
  "LEFT JOIN consortium ON consortium.id = b.consortium_id\n"
  "LEFT JOIN contract c ON c.bid_id = b.id\n"
  "ORDER BY b.ref";

GListModel *
candour_bid_list_load (CandourDatabase  *db,
                      GError          **error)
{
  return candour_column_load_list (db, list_sql, CANDOUR_TYPE_BID,
                                   (CandourRowNewFunc)candour_bid_new_from_query, error);
}
