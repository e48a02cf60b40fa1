/* candour-bid-partners-group.h: the partners a bid names, in the bid's own form
 *
 * One expandable row per partner: the organisation (found by searching, or made there
 * with New Organisation…), its role, the promise as a value or as a share, and whether
 * it agreed to be named; a button takes it off. The group only holds what is typed: the
 * form saves it with the bid in one go (candour_record_save_bid()) and hands each
 * partner's problems back to show beside it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "candour-record.h"

G_BEGIN_DECLS

#define CANDOUR_TYPE_BID_PARTNERS_GROUP (candour_bid_partners_group_get_type ())

G_DECLARE_FINAL_TYPE (CandourBidPartnersGroup, candour_bid_partners_group, CANDOUR, BID_PARTNERS_GROUP,
                      AdwPreferencesGroup)

/* The database the pickers search; set once, before partners are added. */
void                candour_bid_partners_group_set_database (CandourBidPartnersGroup *self,
                                                             CandourDatabase         *db);
/* Shows the partners bid_id names now, as they are. */
gboolean            candour_bid_partners_group_load     (CandourBidPartnersGroup *self,
                                                         gint64                   bid_id,
                                                         GError                 **error);
/* A new, empty partner at the end, opened and its organisation focused: Add Partner. */
void                candour_bid_partners_group_add      (CandourBidPartnersGroup *self);
/* Takes the index-th partner shown off the bid: its remove button. */
void                candour_bid_partners_group_remove   (CandourBidPartnersGroup *self,
                                                         guint                    index);

/* What is typed, for candour_record_save_bid(): the partners shown, then those taken
 * off that were saved before (remove set). Free with _edits_free(). */
CandourPartnerEdit *candour_bid_partners_group_get_edits (CandourBidPartnersGroup *self,
                                                          guint                   *n_edits);
void                candour_bid_partners_edits_free     (CandourPartnerEdit      *edits,
                                                         guint                    n_edits);
/* Each partner's problems from the save or check of edits (as _get_edits() gave them),
 * beside it: those the person has reached, or all with show_all. TRUE when there were
 * none. missing gets the words for partners with problems not shown ("named partner 2"). */
gboolean            candour_bid_partners_group_show_problems (CandourBidPartnersGroup *self,
                                                              CandourPartnerEdit      *edits,
                                                              guint                    n_edits,
                                                              gboolean                 show_all,
                                                              GString                 *missing);
/* After a conflict: what the database holds now is what the partners stand on. */
void                candour_bid_partners_group_reload_loaded (CandourBidPartnersGroup *self);
/* What is typed as one text, to tell whether anything changed. */
char               *candour_bid_partners_group_dup_state (CandourBidPartnersGroup *self);

/* For tests and the form: the partners shown, a field's row of one of them
 * (CandourRecordPicker for partner_ref, AdwComboRow for consent, else AdwEntryRow), the
 * problem shown beside it (or NULL), and its remove button. */
guint               candour_bid_partners_group_get_n_partners (CandourBidPartnersGroup *self);
GtkWidget          *candour_bid_partners_group_get_row   (CandourBidPartnersGroup *self,
                                                          guint                    index,
                                                          const char              *field);
const char         *candour_bid_partners_group_get_problem (CandourBidPartnersGroup *self,
                                                            guint                    index);
GtkWidget          *candour_bid_partners_group_get_remove_button (CandourBidPartnersGroup *self,
                                                                  guint                    index);

G_END_DECLS
