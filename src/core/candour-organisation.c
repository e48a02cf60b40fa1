/* candour-organisation.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "candour-organisation.h"
#include "candour-database-sqlite.h"
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
candour_organisation_new_from_statement (sqlite3_stmt *stmt)
{
  CandourOrganisation *self;

  g_return_val_if_fail (stmt != NULL, NULL);
  g_return_val_if_fail (sqlite3_column_count (stmt) >= 12, NULL);

  self = g_object_new (CANDOUR_TYPE_ORGANISATION, NULL);
  self->ref = candour_column_dup_text (stmt, 0);
  self->name = candour_column_dup_text (stmt, 1);
  self->org_id = candour_column_dup_text (stmt, 2);
  self->kind = candour_column_dup_text (stmt, 3);
  self->annual_income = candour_column_int64_or (stmt, 4, -1);
  self->annual_income_text = candour_column_money_display (stmt, 4);
  self->size_band = candour_column_dup_text (stmt, 5);
  self->locality = candour_column_dup_text (stmt, 6);
  self->led_by = candour_column_dup_text (stmt, 7);
  self->notes = candour_column_dup_text (stmt, 8);
  self->bids_named = candour_column_int64_or (stmt, 9, -1);
  self->bids_led = candour_column_int64_or (stmt, 10, -1);
  self->subcontracted = candour_column_int64_or (stmt, 11, -1);
  self->subcontracted_text = candour_column_money_display (stmt, 11);
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
  "SELECT o.ref, o.name, o.org_id, o.kind, o.annual_income,\n"
  "       candour_size_band (o.annual_income), o.locality, o.led_by, o.notes,\n"
  "       (SELECT count (*) FROM bid_partner bp WHERE bp.partner_id = o.id),\n"
  "       (SELECT count (*) FROM bid b WHERE b.lead_id = o.id),\n"
  "       (SELECT candour_total (s.value) FROM subcontract s WHERE s.partner_id = o.id)\n"
  "FROM organisation o\n"
  "ORDER BY o.name COLLATE NOCASE, o.ref";

GListModel *
candour_organisation_list_load (CandourDatabase  *db,
                               GError          **error)
{
  return candour_column_load_list (db, list_sql, CANDOUR_TYPE_ORGANISATION,
                                   (CandourRowNewFunc)candour_organisation_new_from_statement, error);
}
