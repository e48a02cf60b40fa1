/* candour-story.h: everything about one partner named in one bid
 *
 * What the bid promised the partner, the contract that followed, the partner's
 * subcontracts under it and every payment on them, with the cumulative due and paid
 * over time worked out by the engine's own rule (docs/reconciliation.md).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "candour-database.h"
#include "candour-finding.h"

G_BEGIN_DECLS

typedef struct
{
  char *ref;
  gint64 value;                 /* pence */
  char *start_on;               /* ISO; the contract's when the subcontract gives none */
  char *end_on;                 /* ISO; the contract's when the subcontract gives none */
  gint64 payment_terms_days;
} CandourStorySubcontract;

typedef struct
{
  CandourFinding *finding;      /* the engine's verdict the story explains */
  char *as_of;                  /* ISO date D the finding was judged on */

  /* The bid */
  char *bid_title;
  char *commissioner_name;
  gint64 bid_value;             /* pence, -1 when not recorded */
  char *submitted_on;           /* ISO or NULL */
  char *outcome;
  char *consortium_name;        /* NULL when the bid was not a consortium's */
  char *role;                   /* the role the bid gave the partner, or NULL */
  gint64 promised_value;        /* pence, -1 when not promised as a value */
  gint64 promised_share;        /* basis points, -1 when not promised as a share */

  /* The contract; contract_ref is NULL when none is recorded */
  char *contract_ref;
  char *contract_title;
  gint64 contract_value;
  char *contract_start_on;
  char *contract_end_on;

  GArray *subcontracts;         /* CandourStorySubcontract, by start */
  GListModel *payments;         /* CandourPayment on those subcontracts, by date paid */
} CandourStory;

/* A point of a cumulative series: the total on day (candour_date_to_days()). */
typedef struct
{
  gint64 day;
  gint64 pence;
} CandourStoryPoint;

/* Reads the story behind finding, judged as of as_of (ISO). */
CandourStory *candour_story_load        (CandourDatabase     *db,
                                         CandourFinding      *finding,
                                         const char          *as_of,
                                         GError             **error);
void          candour_story_free        (CandourStory        *story);

/* What was due on day under the partner's subcontracts, by the engine's rule: on the
 * as-of day this is the finding's due. */
gint64        candour_story_due_on      (const CandourStory  *story,
                                         gint64               day);
/* What was paid on or before day. */
gint64        candour_story_paid_on     (const CandourStory  *story,
                                         gint64               day);

/* The cumulative due from first_day to last_day as the points where its slope changes
 * (straight lines between them), and the cumulative paid as one point per day it
 * changes (a step up on that day), both starting at first_day and ending at last_day. */
GArray       *candour_story_due_points  (const CandourStory  *story,
                                         gint64               first_day,
                                         gint64               last_day);
GArray       *candour_story_paid_points (const CandourStory  *story,
                                         gint64               first_day,
                                         gint64               last_day);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CandourStory, candour_story_free)

G_END_DECLS
