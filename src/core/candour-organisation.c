/* candour-organisation.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "candour-organisation.h"
#include "candour-column.h"

struct _CandourOrganisation
{
  GObject parent_instance;

  char *ref;
  char *name;
  char *org_id;
  char *kind;
  gint64 annual_income;
  char *annual_income_text;
  char *size_band;
  char *locality;
  char *led_by;
  char *notes;
  gint64 bids_named;
  gint64 bids_led;
  gint64 subcontracted;
  char *subcontracted_text;
};

G_DEFINE_FINAL_TYPE (CandourOrganisation, candour_organisation, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_REF,
  PROP_NAME,
  PROP_ORG_ID,
  PROP_KIND,
  PROP_ANNUAL_INCOME,
  PROP_ANNUAL_INCOME_TEXT,
  PROP_SIZE_BAND,
  PROP_LOCALITY,
  PROP_LED_BY,
  PROP_NOTES,
  PROP_BIDS_NAMED,
  PROP_BIDS_LED,
  PROP_SUBCONTRACTED,
  PROP_SUBCONTRACTED_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
candour_organisation_finalize (GObject *object)
{
  CandourOrganisation *self = (CandourOrganisation *)object;

  g_free (self->ref);
  g_free (self->name);
  g_free (self->org_id);
  g_free (self->kind);
  g_free (self->annual_income_text);
  g_free (self->size_band);
  g_free (self->locality);
  g_free (self->led_by);
  g_free (self->notes);
  g_free (self->subcontracted_text);

  G_OBJECT_CLASS (candour_organisation_parent_class)->finalize (object);
}

static void
candour_organisation_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  CandourOrganisation *self = CANDOUR_ORGANISATION (object);

  switch (prop_id)
    {
    case PROP_REF:
      g_value_set_string (value, self->ref);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_ORG_ID:
      g_value_set_string (value, self->org_id);
      break;

    case PROP_KIND:
      g_value_set_string (value, self->kind);
      break;

    case PROP_ANNUAL_INCOME:
      g_value_set_int64 (value, self->annual_income);
      break;

    case PROP_ANNUAL_INCOME_TEXT:
      g_value_set_string (value, self->annual_income_text);
      break;

    case PROP_SIZE_BAND:
      g_value_set_string (value, self->size_band);
      break;

    case PROP_LOCALITY:
      g_value_set_string (value, self->locality);
      break;

    case PROP_LED_BY:
      g_value_set_string (value, self->led_by);
      break;

    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;

    case PROP_BIDS_NAMED:
      g_value_set_int64 (value, self->bids_named);
      break;

    case PROP_BIDS_LED:
      g_value_set_int64 (value, self->bids_led);
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
candour_organisation_class_init (CandourOrganisationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = candour_organisation_finalize;
  object_class->get_property = candour_organisation_get_property;

  properties[PROP_REF] =
    g_param_spec_string ("ref", NULL, "Reference", NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, "Name", NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ORG_ID] =
    g_param_spec_string ("org-id", NULL, "Org-id identifier", NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND] =
    g_param_spec_string ("kind", NULL, "Kind keyword", NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ANNUAL_INCOME] =
    g_param_spec_int64 ("annual-income", NULL, "Annual income", G_MININT64, G_MAXINT64, -1,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ANNUAL_INCOME_TEXT] =
    g_param_spec_string ("annual-income-text", NULL, "Annual income, for people", NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SIZE_BAND] =
    g_param_spec_string ("size-band", NULL, "Size band keyword", NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOCALITY] =
    g_param_spec_string ("locality", NULL, "Locality keyword", NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LED_BY] =
    g_param_spec_string ("led-by", NULL, "Who leads it", NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NOTES] =
    g_param_spec_string ("notes", NULL, "Notes", NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BIDS_NAMED] =
    g_param_spec_int64 ("bids-named", NULL, "Bids that named it as a partner", G_MININT64, G_MAXINT64, -1,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BIDS_LED] =
    g_param_spec_int64 ("bids-led", NULL, "Bids it led", G_MININT64, G_MAXINT64, -1,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUBCONTRACTED] =
    g_param_spec_int64 ("subcontracted", NULL, "Value of its subcontracts", G_MININT64, G_MAXINT64, -1,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUBCONTRACTED_TEXT] =
    g_param_spec_string ("subcontracted-text", NULL, "Value of its subcontracts, for people", NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
candour_organisation_init (CandourOrganisation *self)
{
}

CandourOrganisation *
candour_organisation_new_from_query (CandourQuery *query)
{
  CandourOrganisation *self;

  g_return_val_if_fail (query != NULL, NULL);

  self = g_object_new (CANDOUR_TYPE_ORGANISATION, NULL);
  self->ref = candour_query_dup_text (query, "ref");
  self->name = candour_query_dup_text (query, "name");
  self->org_id = candour_query_dup_text (query, "org_id");
  self->kind = candour_query_dup_text (query, "kind");
  self->annual_income = candour_query_get_int64_or (query, "annual_income", -1);
  self->annual_income_text = candour_column_money_display (query, "annual_income");
  self->size_band = candour_query_dup_text (query, "size_band");
  self->locality = candour_query_dup_text (query, "locality");
  self->led_by = candour_query_dup_text (query, "led_by");
  self->notes = candour_query_dup_text (query, "notes");
  self->bids_named = candour_query_get_int64_or (query, "bids_named", -1);
  self->bids_led = candour_query_get_int64_or (query, "bids_led", -1);
  self->subcontracted = candour_query_get_int64_or (query, "subcontracted", -1);
  self->subcontracted_text = candour_column_money_display (query, "subcontracted");
  return self;
}

const char *
candour_organisation_get_ref (CandourOrganisation *self)
{
  g_return_val_if_fail (CANDOUR_IS_ORGANISATION (self), NULL);
  return self->ref;
}

const char *
candour_organisation_get_name (CandourOrganisation *self)
{
  g_return_val_if_fail (CANDOUR_IS_ORGANISATION (self), NULL);
  return self->name;
}

const char *
candour_organisation_get_org_id (CandourOrganisation *self)
{
  g_return_val_if_fail (CANDOUR_IS_ORGANISATION (self), NULL);
  return self->org_id;
}

const char *
candour_organisation_get_kind (CandourOrganisation *self)
{
  g_return_val_if_fail (CANDOUR_IS_ORGANISATION (self), NULL);
  return self->kind;
}

gint64
candour_organisation_get_annual_income (CandourOrganisation *self)
{
  g_return_val_if_fail (CANDOUR_IS_ORGANISATION (self), -1);
  return self->annual_income;
}

const char *
candour_organisation_get_size_band (CandourOrganisation *self)
{
  g_return_val_if_fail (CANDOUR_IS_ORGANISATION (self), NULL);
  return self->size_band;
}

const char *
candour_organisation_get_locality (CandourOrganisation *self)
{
  g_return_val_if_fail (CANDOUR_IS_ORGANISATION (self), NULL);
  return self->locality;
}

const char *
candour_organisation_get_led_by (CandourOrganisation *self)
{
  g_return_val_if_fail (CANDOUR_IS_ORGANISATION (self), NULL);
  return self->led_by;
}

const char *
candour_organisation_get_notes (CandourOrganisation *self)
{
  g_return_val_if_fail (CANDOUR_IS_ORGANISATION (self), NULL);
  return self->notes;
}

gint64
candour_organisation_get_bids_named (CandourOrganisation *self)
{
  g_return_val_if_fail (CANDOUR_IS_ORGANISATION (self), -1);
  return self->bids_named;
}

gint64
candour_organisation_get_bids_led (CandourOrganisation *self)
{
  g_return_val_if_fail (CANDOUR_IS_ORGANISATION (self), -1);
  return self->bids_led;
}

gint64
candour_organisation_get_subcontracted (CandourOrganisation *self)
{
  g_return_val_if_fail (CANDOUR_IS_ORGANISATION (self), -1);
  return self->subcontracted;
}

static const char list_sql[] =
  "SELECT o.ref AS ref, o.name AS name, o.org_id AS org_id, o.kind AS kind,\n"
  "       o.annual_income AS annual_income, candour_size_band (o.annual_income) AS size_band,\n"
  "       o.locality AS locality, o.led_by AS led_by, o.notes AS notes,\n"
  "       (SELECT count (*) FROM bid_partner bp WHERE bp.partner_id = o.id) AS bids_named,\n"
  "       (SELECT count (*) FROM bid b WHERE b.lead_id = o.id) AS bids_led,\n"
  "       (SELECT candour_total (s.value) FROM subcontract s WHERE s.partner_id = o.id) AS subcontracted\n"
  "FROM organisation o\n"
  "ORDER BY o.name COLLATE NOCASE, o.ref";

GListModel *
candour_organisation_list_load (CandourDatabase  *db,
                               GError          **error)
{
  return candour_column_load_list (db, list_sql, CANDOUR_TYPE_ORGANISATION,
                                   (CandourRowNewFunc)candour_organisation_new_from_query, error);
}
