/* candour-record-form.h: a form to create or edit one record of any table
 *
 * Built from the table's field descriptions (candour_table_get_field_*()): a text row
 * for text, money, dates, percentages and days, a drop-down of the choices for a
 * keyword, and a drop-down of the existing records for a field that points at another
 * table. As the person types, the record is checked by the import's own rules
 * (candour_record_check(), 300 ms after the last change) and each field's problem
 * shows under it; Save stays off while there is any. Save writes through
 * candour_record_save(); if the database refuses (it is busy, or changed meanwhile)
 * the form stays open with everything typed still there.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "candour-bid-partners-group.h"
#include "candour-import.h"
#include "candour-session.h"

G_BEGIN_DECLS

#define CANDOUR_TYPE_RECORD_FORM (candour_record_form_get_type ())

G_DECLARE_FINAL_TYPE (CandourRecordForm, candour_record_form, CANDOUR, RECORD_FORM, AdwWindow)

/* A form for a new record of table (id 0) or for the record id. */
CandourRecordForm *candour_record_form_new            (CandourSession    *session,
                                                       CandourTable       table,
                                                       gint64             id);
CandourTable       candour_record_form_get_table      (CandourRecordForm *self);
/* 0 until a new record is saved. */
gint64             candour_record_form_get_record_id  (CandourRecordForm *self);

/* Fills a field before the form is shown, with text in the import format (a ref for a
 * field that points at a record). A locked field cannot be changed: a subcontract
 * added from its contract keeps that contract. */
void               candour_record_form_set_text       (CandourRecordForm *self,
                                                       const char        *field,
                                                       const char        *text,
                                                       gboolean           locked);
/* What the field holds now, in the import format. */
char              *candour_record_form_dup_text       (CandourRecordForm *self,
                                                       const char        *field);

/* The field's row: an AdwEntryRow, or an AdwComboRow for a choice or a record. */
GtkWidget         *candour_record_form_get_row        (CandourRecordForm *self,
                                                       const char        *field);
/* Chooses the record with this ref in a field that points at another table. */
gboolean           candour_record_form_choose         (CandourRecordForm *self,
                                                       const char        *field,
                                                       const char        *ref);
/* The problem shown under the field, or NULL. */
const char        *candour_record_form_get_problem    (CandourRecordForm *self,
                                                       const char        *field);
/* A problem with the whole record shown above the fields (a busy database), or NULL. */
const char        *candour_record_form_get_general_problem (CandourRecordForm *self);
gboolean           candour_record_form_get_can_save   (CandourRecordForm *self);
/* Where typing starts when the form opens (a field's name): the partner of a
 * subcontract whose contract is filled in. The first field one may change otherwise. */
void               candour_record_form_set_focus_field (CandourRecordForm *self,
                                                        const char        *field);
/* A bid's named partners, saved with it; NULL for other records. */
CandourBidPartnersGroup *candour_record_form_get_partners_group (CandourRecordForm *self);
/* Checks at once rather than after the pause for typing. */
void               candour_record_form_check_now      (CandourRecordForm *self);

G_END_DECLS
