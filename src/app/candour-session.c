/* candour-session.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "candour-change-log.h"
#include "candour-date.h"
#include "candour-finding-list.h"
#include "candour-read-job.h"
#include "candour-report-kind.h"
#include "candour-session.h"

struct _CandourSession
{
  GObject parent_instance;

  CandourDatabase *db;
  char *title;
  char *as_of;
  int grace_days;
  double tolerance;
  GListModel *findings;
  CandourFindingTotals totals;
  CandourFindingSummary *summary;
  guint revision;
  GCancellable *judging;        /* the judgement on a worker, if one is going on */
  GArray *hidden;               /* HiddenRecord */
  gint64 audit_seen;            /* the last audit row the findings are known to reflect */
};

/* Beyond this many records changed elsewhere at once (an import), every finding is
 * judged again rather than each record's. */
#define CATCH_UP_LIMIT 256

typedef struct
{
  CandourTable table;
  gint64 id;
  char *ref;
} HiddenRecord;

G_DEFINE_FINAL_TYPE (CandourSession, candour_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DATABASE,
  PROP_TITLE,
  PROP_AS_OF,
  PROP_GRACE_DAYS,
  PROP_TOLERANCE,
  PROP_FINDINGS,
  PROP_REVISION,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  HIDDEN_CHANGED,
  RECORD_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
hidden_record_clear (gpointer data)
{
  HiddenRecord *record = data;

  g_free (record->ref);
}

static void
candour_session_finalize (GObject *object)
{
  CandourSession *self = (CandourSession *)object;

  if (self->judging != NULL)
    g_cancellable_cancel (self->judging);
  g_clear_object (&self->judging);
  g_clear_object (&self->db);
  g_clear_object (&self->findings);
  g_clear_pointer (&self->summary, candour_finding_summary_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->as_of, g_free);
  g_clear_pointer (&self->hidden, g_array_unref);

  G_OBJECT_CLASS (candour_session_parent_class)->finalize (object);
}

static void
candour_session_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  CandourSession *self = CANDOUR_SESSION (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->db);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_AS_OF:
      g_value_set_string (value, self->as_of);
      break;

    case PROP_GRACE_DAYS:
      g_value_set_int (value, self->grace_days);
      break;

    case PROP_TOLERANCE:
      g_value_set_double (value, self->tolerance);
      break;

    case PROP_FINDINGS:
      g_value_set_object (value, self->findings);
      break;

    case PROP_REVISION:
      g_value_set_uint (value, self->revision);
      break;

    case PROP_LOADING:
      g_value_set_boolean (value, self->judging != NULL);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
candour_session_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  CandourSession *self = CANDOUR_SESSION (object);

  switch (prop_id)
    {
    case PROP_AS_OF:
      candour_session_set_as_of (self, g_value_get_string (value));
      break;

    case PROP_GRACE_DAYS:
      candour_session_set_grace_days (self, g_value_get_int (value));
      break;

    case PROP_TOLERANCE:
      candour_session_set_tolerance (self, g_value_get_double (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
candour_session_class_init (CandourSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = candour_session_finalize;
  object_class->get_property = candour_session_get_property;
  object_class->set_property = candour_session_set_property;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL, CANDOUR_TYPE_DATABASE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_AS_OF] =
    g_param_spec_string ("as-of", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_GRACE_DAYS] =
    g_param_spec_int ("grace-days", NULL, NULL, 0, G_MAXINT, CANDOUR_DEFAULT_GRACE_DAYS,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TOLERANCE] =
    g_param_spec_double ("tolerance", NULL, NULL, 0, 100, CANDOUR_DEFAULT_TOLERANCE / 100.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FINDINGS] =
    g_param_spec_object ("findings", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REVISION] =
    g_param_spec_uint ("revision", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, "Whether the findings are being judged", FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[HIDDEN_CHANGED] =
    g_signal_new ("hidden-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
  signals[RECORD_CHANGED] =
    g_signal_new ("record-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_INT64);
}

static void
candour_session_init (CandourSession *self)
{
  self->grace_days = CANDOUR_DEFAULT_GRACE_DAYS;
  self->tolerance = CANDOUR_DEFAULT_TOLERANCE / 100.0;
  self->hidden = g_array_new (FALSE, FALSE, sizeof (HiddenRecord));
  g_array_set_clear_func (self->hidden, hidden_record_clear);
  self->findings = G_LIST_MODEL (g_list_store_new (CANDOUR_TYPE_FINDING));
  self->summary = candour_finding_summary_new (self->findings, CANDOUR_SESSION_SERIOUS_KEPT);
}

CandourSession *
candour_session_new (CandourDatabase *db)
{
  CandourSession *self;

  g_return_val_if_fail (CANDOUR_IS_DATABASE (db), NULL);

  self = g_object_new (CANDOUR_TYPE_SESSION, NULL);
  self->db = g_object_ref (db);
  self->title = candour_database_dup_title (db);
  candour_session_refresh (self);
  return self;
}

CandourDatabase *
candour_session_get_database (CandourSession *self)
{
  g_return_val_if_fail (CANDOUR_IS_SESSION (self), NULL);

  return self->db;
}

const char *
candour_session_get_title (CandourSession *self)
{
  g_return_val_if_fail (CANDOUR_IS_SESSION (self), NULL);

  return self->title;
}

/* Rules changed: judge again, keeping the old findings meanwhile. */
static void
rejudge (CandourSession *self)
{
  if (self->db != NULL)
    candour_session_refresh (self);
}

void
candour_session_set_as_of (CandourSession *self,
                           const char     *as_of)
{
  g_return_if_fail (CANDOUR_IS_SESSION (self));
  g_return_if_fail (as_of == NULL || candour_date_to_days (as_of) > 0);

  if (g_strcmp0 (self->as_of, as_of) == 0)
    return;

  g_free (self->as_of);
  self->as_of = g_strdup (as_of);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AS_OF]);
  rejudge (self);
}

char *
candour_session_dup_as_of (CandourSession *self)
{
  g_return_val_if_fail (CANDOUR_IS_SESSION (self), NULL);

  return self->as_of != NULL ? g_strdup (self->as_of) : candour_date_today ();
}

void
candour_session_set_grace_days (CandourSession *self,
                                int             grace_days)
{
  g_return_if_fail (CANDOUR_IS_SESSION (self));
  g_return_if_fail (grace_days >= 0);

  if (self->grace_days == grace_days)
    return;

  self->grace_days = grace_days;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GRACE_DAYS]);
  rejudge (self);
}

int
candour_session_get_grace_days (CandourSession *self)
{
  g_return_val_if_fail (CANDOUR_IS_SESSION (self), CANDOUR_DEFAULT_GRACE_DAYS);

  return self->grace_days;
}

void
candour_session_set_tolerance (CandourSession *self,
                               double          tolerance)
{
  g_return_if_fail (CANDOUR_IS_SESSION (self));
  g_return_if_fail (tolerance >= 0 && tolerance <= 100);

  if (self->tolerance == tolerance)
    return;

  self->tolerance = tolerance;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOLERANCE]);
  rejudge (self);
}

double
candour_session_get_tolerance (CandourSession *self)
{
  g_return_val_if_fail (CANDOUR_IS_SESSION (self), CANDOUR_DEFAULT_TOLERANCE / 100.0);

  return self->tolerance;
}

char *
candour_session_dup_judged_line (CandourSession *self)
{
  CandourReconcileOptions options;
  char *line;

  g_return_val_if_fail (CANDOUR_IS_SESSION (self), NULL);

  candour_session_get_options (self, &options);
  line = candour_report_judged_line (&options);
  candour_reconcile_options_clear (&options);
  return line;
}

void
candour_session_get_options (CandourSession          *self,
                             CandourReconcileOptions *options)
{
  g_return_if_fail (CANDOUR_IS_SESSION (self));
  g_return_if_fail (options != NULL);

  candour_reconcile_options_init (options);
  options->as_of = candour_session_dup_as_of (self);
  options->grace_days = self->grace_days;
  /* Preferences keeps percent with up to two decimals; the engine counts basis points. */
  options->tolerance = (gint64)lround (self->tolerance * 100.0);
}

GListModel *
candour_session_get_findings (CandourSession *self)
{
  g_return_val_if_fail (CANDOUR_IS_SESSION (self), NULL);

  return self->findings;
}

guint
candour_session_get_revision (CandourSession *self)
{
  g_return_val_if_fail (CANDOUR_IS_SESSION (self), 0);

  return self->revision;
}

const CandourFindingTotals *
candour_session_get_totals (CandourSession *self)
{
  g_return_val_if_fail (CANDOUR_IS_SESSION (self), NULL);

  return &self->totals;
}

const CandourFindingSummary *
candour_session_get_summary (CandourSession *self)
{
  g_return_val_if_fail (CANDOUR_IS_SESSION (self), NULL);

  return self->summary;
}

gboolean
candour_session_get_loading (CandourSession *self)
{
  g_return_val_if_fail (CANDOUR_IS_SESSION (self), FALSE);

  return self->judging != NULL;
}

/* What a judgement gives: the list, made on the worker, its totals and summary. */
typedef struct
{
  GListModel *findings;
  CandourFindingTotals totals;
  CandourFindingSummary *summary;
} Judgement;

static void
judgement_free (gpointer data)
{
  Judgement *judgement = data;

  g_clear_object (&judgement->findings);
  g_clear_pointer (&judgement->summary, candour_finding_summary_free);
  g_free (judgement);
}

static gpointer
judge (CandourDatabase  *db,
       gpointer          data,
       GCancellable     *cancellable,
       GError          **error)
{
  const CandourReconcileOptions *options = data;
  g_autoptr(GPtrArray) rows = candour_finding_array_load (db, options, NULL, cancellable, error);
  Judgement *judgement;
  GListStore *store;

  if (rows == NULL)
    return NULL;

  /* The list is made here too: only a finished one goes to the main thread. */
  store = g_list_store_new (CANDOUR_TYPE_FINDING);
  g_list_store_splice (store, 0, 0, rows->pdata, rows->len);
  judgement = g_new0 (Judgement, 1);
  judgement->findings = G_LIST_MODEL (store);
  candour_finding_totals_compute (judgement->findings, &judgement->totals);
  judgement->summary = candour_finding_summary_new (judgement->findings, CANDOUR_SESSION_SERIOUS_KEPT);
  return judgement;
}

static void
options_free (gpointer data)
{
  candour_reconcile_options_clear (data);
  g_free (data);
}

static void
take_judgement (CandourSession *self,
                Judgement      *judgement)
{
  g_clear_object (&self->findings);
  self->findings = g_steal_pointer (&judgement->findings);
  self->totals = judgement->totals;
  candour_finding_summary_free (self->summary);
  self->summary = g_steal_pointer (&judgement->summary);
  self->revision++;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FINDINGS]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVISION]);
}

static void
stop_judging (CandourSession *self)
{
  if (self->judging == NULL)
    return;
  g_cancellable_cancel (self->judging);
  g_clear_object (&self->judging);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
on_judged (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(CandourSession) self = user_data;
  g_autoptr(GError) error = NULL;
  Judgement *judgement = candour_read_job_finish (result, &error);

  /* Superseded by a newer judgement, or the session was closed. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      g_task_get_cancellable (G_TASK (result)) != self->judging)
    {
      g_clear_pointer (&judgement, judgement_free);
      return;
    }

  g_clear_object (&self->judging);
  if (judgement != NULL)
    take_judgement (self, judgement);
  else
    g_warning ("Could not judge the findings: %s", error->message);
  g_clear_pointer (&judgement, judgement_free);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

/* A judgement of everything sees at least every change the audit trail has now. */
static void
remember_audit_seen (CandourSession *self)
{
  g_autoptr(GError) error = NULL;

  if (!candour_change_log_get_last (self->db, &self->audit_seen, &error))
    g_warning ("Could not read the audit trail: %s", error->message);
}

void
candour_session_refresh (CandourSession *self)
{
  CandourReconcileOptions *options;
  gboolean was_loading;

  g_return_if_fail (CANDOUR_IS_SESSION (self));

  remember_audit_seen (self);
  was_loading = self->judging != NULL;
  if (self->judging != NULL)
    g_cancellable_cancel (self->judging);
  g_clear_object (&self->judging);
  self->judging = g_cancellable_new ();

  options = g_new0 (CandourReconcileOptions, 1);
  candour_session_get_options (self, options);
  candour_read_job_run (self->db, judge, options, options_free, judgement_free, self->judging,
                        on_judged, g_object_ref (self));
  if (!was_loading)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

gboolean
candour_session_reload (CandourSession  *self,
                        GError         **error)
{
  CandourReconcileOptions options;
  Judgement *judgement;

  g_return_val_if_fail (CANDOUR_IS_SESSION (self), FALSE);

  stop_judging (self);
  remember_audit_seen (self);
  candour_session_get_options (self, &options);
  judgement = judge (self->db, &options, NULL, error);
  candour_reconcile_options_clear (&options);
  if (judgement == NULL)
    return FALSE;

  take_judgement (self, judgement);
  judgement_free (judgement);
  return TRUE;
}

GArray *
candour_session_scopes_of (CandourSession *self,
                           CandourTable    table,
                           gint64          id)
{
  g_autoptr(GError) error = NULL;
  GArray *scopes = g_array_new (FALSE, FALSE, sizeof (CandourFindingScope));

  g_return_val_if_fail (CANDOUR_IS_SESSION (self), scopes);

  if (id > 0 && !candour_finding_scopes_for_record (self->db, table, id, scopes, &error))
    g_warning ("Could not tell which findings %s #%" G_GINT64_FORMAT " touches: %s",
               candour_table_get_name (table), id, error->message);
  return scopes;
}

/* Judges again the findings in scopes, patching the list, its totals and summary. */
static void
patch_scopes (CandourSession *self,
              const GArray   *scopes)
{
  g_autoptr(GError) error = NULL;
  CandourReconcileOptions options;
  gboolean patched;

  candour_session_get_options (self, &options);
  patched = candour_finding_list_patch (G_LIST_STORE (self->findings), self->db, &options, scopes,
                                        &self->totals, &error);
  candour_reconcile_options_clear (&options);
  if (!patched)
    {
      g_warning ("Could not judge the findings again: %s", error->message);
      candour_session_refresh (self);
    }
  /* One pass over the patched list, cheaper than any bookkeeping of who was where. */
  candour_finding_summary_free (self->summary);
  self->summary = candour_finding_summary_new (self->findings, CANDOUR_SESSION_SERIOUS_KEPT);
}

void
candour_session_record_changed (CandourSession *self,
                                CandourTable    table,
                                gint64          id,
                                GArray         *scopes_before)
{
  g_autoptr(GArray) scopes = candour_session_scopes_of (self, table, id);

  g_return_if_fail (CANDOUR_IS_SESSION (self));

  if (scopes_before != NULL)
    g_array_append_vals (scopes, scopes_before->data, scopes_before->len);

  /* A judgement on its way started before this change: it is out of date already. */
  if (self->judging != NULL)
    candour_session_refresh (self);
  else
    patch_scopes (self, scopes);
  g_signal_emit (self, signals[RECORD_CHANGED], 0, (guint)table, id);
}

void
candour_session_catch_up (CandourSession *self)
{
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (CandourChange));
  g_autoptr(GArray) scopes = g_array_new (FALSE, FALSE, sizeof (CandourFindingScope));
  g_autoptr(GError) error = NULL;
  gboolean too_many = FALSE;
  gint64 last = 0;

  g_return_if_fail (CANDOUR_IS_SESSION (self));

  if (!candour_change_log_read (self->db, self->audit_seen, CATCH_UP_LIMIT, changes, &last, &too_many,
                                &error))
    {
      g_warning ("Could not read what changed: %s", error->message);
      candour_session_refresh (self);
      return;
    }
  /* An import, or a judgement on its way that started before these changes. */
  if (too_many || (changes->len > 0 && self->judging != NULL))
    {
      candour_session_refresh (self);
      return;
    }
  self->audit_seen = last;
  if (changes->len == 0)
    return;

  for (guint i = 0; i < changes->len; i++)
    if (!candour_finding_scopes_for_change (self->db, &g_array_index (changes, CandourChange, i), scopes,
                                            &error))
      {
        g_warning ("Could not tell which findings a change touches: %s", error->message);
        candour_session_refresh (self);
        return;
      }
  patch_scopes (self, scopes);

  /* Each record once, as the lists and windows showing it reload it. */
  for (guint i = 0; i < changes->len; i++)
    {
      CandourChange *change = &g_array_index (changes, CandourChange, i);
      gboolean again = FALSE;

      for (guint j = i + 1; j < changes->len && !again; j++)
        again = g_array_index (changes, CandourChange, j).table == change->table &&
                g_array_index (changes, CandourChange, j).id == change->id;
      if (!again)
        g_signal_emit (self, signals[RECORD_CHANGED], 0, (guint)change->table, change->id);
    }
}

static int
find_hidden (CandourSession *self,
             CandourTable    table,
             gint64          id)
{
  for (guint i = 0; i < self->hidden->len; i++)
    {
      HiddenRecord *record = &g_array_index (self->hidden, HiddenRecord, i);

      if (record->table == table && record->id == id)
        return (int)i;
    }
  return -1;
}

void
candour_session_hide_record (CandourSession *self,
                             CandourTable    table,
                             gint64          id,
                             const char     *ref)
{
  HiddenRecord record = { table, id, g_strdup (ref) };

  g_return_if_fail (CANDOUR_IS_SESSION (self));
  g_return_if_fail (table < CANDOUR_N_TABLES);

  if (find_hidden (self, table, id) >= 0)
    {
      g_free (record.ref);
      return;
    }

  g_array_append_val (self->hidden, record);
  g_signal_emit (self, signals[HIDDEN_CHANGED], 0, (guint)table);
}

void
candour_session_unhide_record (CandourSession *self,
                               CandourTable    table,
                               gint64          id)
{
  int index;

  g_return_if_fail (CANDOUR_IS_SESSION (self));

  index = find_hidden (self, table, id);
  if (index < 0)
    return;

  g_array_remove_index (self->hidden, index);
  g_signal_emit (self, signals[HIDDEN_CHANGED], 0, (guint)table);
}

gboolean
candour_session_is_hidden (CandourSession *self,
                           CandourTable    table,
                           gint64          id)
{
  g_return_val_if_fail (CANDOUR_IS_SESSION (self), FALSE);

  return find_hidden (self, table, id) >= 0;
}

gboolean
candour_session_is_ref_hidden (CandourSession *self,
                               CandourTable    table,
                               const char     *ref)
{
  g_return_val_if_fail (CANDOUR_IS_SESSION (self), FALSE);

  if (ref == NULL)
    return FALSE;

  for (guint i = 0; i < self->hidden->len; i++)
    {
      HiddenRecord *record = &g_array_index (self->hidden, HiddenRecord, i);

      if (record->table == table && g_strcmp0 (record->ref, ref) == 0)
        return TRUE;
    }
  return FALSE;
}

gboolean
candour_session_hides_any (CandourSession *self,
                           CandourTable    table)
{
  g_return_val_if_fail (CANDOUR_IS_SESSION (self), FALSE);

  for (guint i = 0; i < self->hidden->len; i++)
    if (g_array_index (self->hidden, HiddenRecord, i).table == table)
      return TRUE;
  return FALSE;
}
