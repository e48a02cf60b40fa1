/* candour-record.h: one record created, changed or deleted, as a form does it
 *
 * A form holds a record as the texts of its table's import columns
 * (candour_table_get_field_name()), so typing into a form and importing a CSV row obey
 * the same rules and give the same messages. Every change is one transaction, and the
 * audit trail records it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "candour-import.h"

G_BEGIN_DECLS

/* The record's fields as texts in the import format (money 1234.50, ISO dates, refs),
 * one per field and NULL-terminated; "" for an empty field. NULL with an error when
 * there is no such record. */
char   **candour_record_load   (CandourDatabase     *db,
                                CandourTable         table,
                                gint64               id,
                                GError             **error);

/* Checks and writes texts (one per field; NULL or "" for empty): inserts when *inout_id
 * is 0 and sets it to the new record's id, otherwise updates that record. On a problem
 * nothing is written, each problem is added to problems as "field: reason" (a form
 * shows it beside the field), and error holds the first. */
gboolean candour_record_save   (CandourDatabase     *db,
                                CandourTable         table,
                                const char * const  *texts,
                                gint64              *inout_id,
                                GPtrArray           *problems,
                                GError             **error);

/* _save() over the record as it was loaded (loaded: its texts then, as _load() gave
 * them), for a form that may have been open a while. When someone else has changed the
 * record since, nothing is written and error (CANDOUR_DOMAIN_ERROR_CONFLICT) says which
 * fields they changed and to what, so that the person chooses: save again over theirs
 * (with _load()'s texts now as loaded), or keep theirs. Never a silent overwrite. */
gboolean candour_record_save_over (CandourDatabase     *db,
                                   CandourTable         table,
                                   const char * const  *loaded,
                                   const char * const  *texts,
                                   gint64               id,
                                   GPtrArray           *problems,
                                   GError             **error);

/* One partner a bid names, as a bid's form holds it: texts are one per bid_partners
 * field (candour_table_get_field_name()), the bid_ref among them filled in from the
 * bid by the save. */
typedef struct
{
  gint64 id;                    /* the named partner edited; 0 for a new one, set once saved */
  char **texts;
  char **loaded;                /* its texts as _load() gave them when the form opened, or NULL */
  gboolean remove;              /* deleted by the save (id > 0) */
  GPtrArray *problems;          /* filled by the save: "field: reason" for this partner */
} CandourPartnerEdit;

/* The named partners of a bid, ids in the order they were added. */
GArray  *candour_record_list_bid_partners (CandourDatabase     *db,
                                           gint64               bid_id,
                                           GError             **error);

/* A bid and the partners it names, all in one transaction: the bid as _save() (as
 * _save_over() when loaded is given), then each partner removed, changed or added through
 * the same rules as a row of bid_partners.csv. On any problem nothing at all is written:
 * the bid's problems are added to problems, each partner's to its own edit's problems
 * (a partner's reference to a bid that could not be saved is not blamed on the partner).
 * A partner someone else changed or deleted since it was loaded is a conflict, as with
 * _save_over(). With keep FALSE it is a check: everything is rolled back even when it
 * would save, and a busy database answers at once. */
gboolean candour_record_save_bid (CandourDatabase     *db,
                                  const char * const  *loaded,
                                  const char * const  *texts,
                                  gint64              *inout_id,
                                  CandourPartnerEdit  *partners,
                                  guint                n_partners,
                                  gboolean             keep,
                                  GPtrArray           *problems,
                                  GPtrArray           *warnings,
                                  GError             **error);

/* The same checks as _save() for the record with this id (0 for a new one), writing
 * nothing: for a form that validates as people type. TRUE when it would save. What is
 * plausible but odd (a payment dated in the future, invoiced after it was paid…) is
 * added to warnings (if not NULL), as an import lists it: it would save all the same.
 * When it could not check at all (another process is saving:
 * CANDOUR_DOMAIN_ERROR_BUSY, at once, without waiting), problems stays empty and error
 * says why. */
gboolean candour_record_check  (CandourDatabase     *db,
                                CandourTable         table,
                                const char * const  *texts,
                                gint64               id,
                                GPtrArray           *problems,
                                GPtrArray           *warnings,
                                GError             **error);

/* Deletes a record. A record other records still point at (an organisation named in a
 * bid, a contract with subcontracts...) is kept, and error says so in words. Deleting a
 * bid also removes the partners it named; a consortium, its member list. */
gboolean candour_record_delete (CandourDatabase     *db,
                                CandourTable         table,
                                gint64               id,
                                GError             **error);

/* _delete() of the record as it was loaded (loaded: _load()'s texts then), for a
 * deletion that waited while Undo was on offer. When someone else has changed the
 * record since, it is kept and error (CANDOUR_DOMAIN_ERROR_CONFLICT) says what they
 * changed, so that the person is asked again. A record someone else deleted meanwhile
 * is gone as asked: TRUE. */
gboolean candour_record_delete_over (CandourDatabase     *db,
                                     CandourTable         table,
                                     gint64               id,
                                     const char * const  *loaded,
                                     GError             **error);

G_END_DECLS
