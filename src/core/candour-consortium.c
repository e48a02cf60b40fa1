/* candour-consortium.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "candour-consortium.h"
#include "candour-column.h"

struct _CandourConsortium
{
  GObject parent_instance;

  char *ref;
  char *name;
  char *model;
  char *lead_name;
  gint64 members;
  gboolean agreement;
  char *agreement_on;
  char *agreement_on_text;
  gboolean due_diligence;
  gint64 bids;
  char *notes;
};

G_DEFINE_FINAL_TYPE (CandourConsortium, candour_consortium, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_REF,
  PROP_NAME,
  PROP_MODEL,
  PROP_LEAD_NAME,
  PROP_MEMBERS,
  PROP_AGREEMENT,
  PROP_AGREEMENT_ON,
  PROP_AGREEMENT_ON_TEXT,
  PROP_DUE_DILIGENCE,
  PROP_BIDS,
  PROP_NOTES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
candour_consortium_finalize (GObject *object)
{
  CandourConsortium *self = (CandourConsortium *)object;

  g_free (self->ref);
  g_free (self->name);
  g_free (self->model);
  g_free (self->lead_name);
  g_free (self->agreement_on);
  g_free (self->agreement_on_text);
  g_free (self->notes);

  G_OBJECT_CLASS (candour_consortium_parent_class)->finalize (object);
}

static void
candour_consortium_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  CandourConsortium *self = CANDOUR_CONSORTIUM (object);

  switch (prop_id)
    {
    case PROP_REF:
      g_value_set_string (value, self->ref);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_MODEL:
      g_value_set_string (value, self->model);
      break;

    case PROP_LEAD_NAME:
      g_value_set_string (value, self->lead_name);
      break;

    case PROP_MEMBERS:
      g_value_set_int64 (value, self->members);
      break;

    case PROP_AGREEMENT:
      g_value_set_boolean (value, self->agreement);
      break;

    case PROP_AGREEMENT_ON:
      g_value_set_string (value, self->agreement_on);
      break;

    case PROP_AGREEMENT_ON_TEXT:
      g_value_set_string (value, self->agreement_on_text);
      break;

    case PROP_DUE_DILIGENCE:
      g_value_set_boolean (value, self->due_diligence);
      break;

    case PROP_BIDS:
      g_value_set_int64 (value, self->bids);
      break;

    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
candour_consortium_class_init (CandourConsortiumClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = candour_consortium_finalize;
  object_class->get_property = candour_consortium_get_property;

  properties[PROP_REF] =
    g_param_spec_string ("ref", NULL, "Reference", NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, "Name", NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODEL] =
    g_param_spec_string ("model", NULL, "Model keyword", NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LEAD_NAME] =
    g_param_spec_string ("lead-name", NULL, "Lead organisation", NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MEMBERS] =
    g_param_spec_int64 ("members", NULL, "Members who have not left", G_MININT64, G_MAXINT64, -1,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_AGREEMENT] =
    g_param_spec_boolean ("agreement", NULL, "An MoU or partnership agreement exists", FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_AGREEMENT_ON] =
    g_param_spec_string ("agreement-on", NULL, "Agreement signed", NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_AGREEMENT_ON_TEXT] =
    g_param_spec_string ("agreement-on-text", NULL, "Agreement signed, for people", NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DUE_DILIGENCE] =
    g_param_spec_boolean ("due-diligence", NULL, "Due diligence done", FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BIDS] =
    g_param_spec_int64 ("bids", NULL, "Bids made through it", G_MININT64, G_MAXINT64, -1,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NOTES] =
    g_param_spec_string ("notes", NULL, "Notes", NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
candour_consortium_init (CandourConsortium *self)
{
}

CandourConsortium *
candour_consortium_new_from_query (CandourQuery *query)
{
  CandourConsortium *self;

  g_return_val_if_fail (query != NULL, NULL);

  self = g_object_new (CANDOUR_TYPE_CONSORTIUM, NULL);
  self->ref = candour_query_dup_text (query, "ref");
  self->name = candour_query_dup_text (query, "name");
  self->model = candour_query_dup_text (query, "model");
  self->lead_name = candour_query_dup_text (query, "lead_name");
  self->members = candour_query_get_int64_or (query, "members", -1);
  self->agreement = candour_query_get_int64 (query, "agreement") != 0;
  self->agreement_on = candour_query_dup_text (query, "agreement_on");
  self->agreement_on_text = candour_column_date_display (query, "agreement_on");
  self->due_diligence = candour_query_get_int64 (query, "due_diligence") != 0;
  self->bids = candour_query_get_int64_or (query, "bids", -1);
  self->notes = candour_query_dup_text (query, "notes");
  return self;
}

const char *
candour_consortium_get_ref (CandourConsortium *self)
{
  g_return_val_if_fail (CANDOUR_IS_CONSORTIUM (self), NULL);
  return self->ref;
}

const char *
candour_consortium_get_name (CandourConsortium *self)
{
  g_return_val_if_fail (CANDOUR_IS_CONSORTIUM (self), NULL);
  return self->name;
}

const char *
candour_consortium_get_model (CandourConsortium *self)
{
  g_return_val_if_fail (CANDOUR_IS_CONSORTIUM (self), NULL);
  return self->model;
}

const char *
candour_consortium_get_lead_name (CandourConsortium *self)
{
  g_return_val_if_fail (CANDOUR_IS_CONSORTIUM (self), NULL);
  return self->lead_name;
}

gint64
candour_consortium_get_members (CandourConsortium *self)
{
  g_return_val_if_fail (CANDOUR_IS_CONSORTIUM (self), -1);
  return self->members;
}

gboolean
candour_consortium_get_agreement (CandourConsortium *self)
{
  g_return_val_if_fail (CANDOUR_IS_CONSORTIUM (self), FALSE);
  return self->agreement;
}

const char *
candour_consortium_get_agreement_on (CandourConsortium *self)
{
  g_return_val_if_fail (CANDOUR_IS_CONSORTIUM (self), NULL);
  return self->agreement_on;
}

gboolean
candour_consortium_get_due_diligence (CandourConsortium *self)
{
  g_return_val_if_fail (CANDOUR_IS_CONSORTIUM (self), FALSE);
  return self->due_diligence;
}

gint64
candour_consortium_get_bids (CandourConsortium *self)
{
  g_return_val_if_fail (CANDOUR_IS_CONSORTIUM (self), -1);
  return self->bids;
}

const char *
candour_consortium_get_notes (CandourConsortium *self)
{
  g_return_val_if_fail (CANDOUR_IS_CONSORTIUM (self), NULL);
  return self->notes;
}

static const char list_sql[] =
  "SELECT c.ref AS ref, c.name AS name, c.model AS model, lead.name AS lead_name,\n"
  "       (SELECT count (*) FROM consortium_member m\n"
  "        WHERE m.consortium_id = c.id AND m.left_on IS NULL) AS members,\n"
  "       c.agreement AS agreement, c.agreement_on AS agreement_on, c.due_diligence AS due_diligence,\n"
  "       (SELECT count (*) FROM bid b WHERE b.consortium_id = c.id) AS bids,\n"
  "       c.notes AS notes\n"
  "FROM consortium c\n"
  "LEFT JOIN organisation lead ON lead.id = c.lead_id\n"
  "ORDER BY c.name COLLATE NOCASE, c.ref";

GListModel *
candour_consortium_list_load (CandourDatabase  *db,
                             GError          **error)
{
  return candour_column_load_list (db, list_sql, CANDOUR_TYPE_CONSORTIUM,
                                   (CandourRowNewFunc)candour_consortium_new_from_query, error);
}
