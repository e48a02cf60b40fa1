/* candour-record-picker.h: a form's field that names another record, found by searching
 *
 * A national register has 50,000 organisations and as many subcontracts: too many for
 * a drop-down list. The row shows the record chosen ("Kindred Pathways (ORG-KINDRED)")
 * and opens a search: every word typed is looked for in the records' names and refs,
 * on a worker, and the first fifty found are offered, in the order the lists use. A
 * picker of organisations also offers New Organisation…: it emits "create-record" with
 * what was typed, for whoever made it to make the record and choose it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "candour-database.h"
#include "candour-import.h"

G_BEGIN_DECLS

#define CANDOUR_TYPE_RECORD_PICKER (candour_record_picker_get_type ())

G_DECLARE_FINAL_TYPE (CandourRecordPicker, candour_record_picker, CANDOUR, RECORD_PICKER, AdwActionRow)

/* Names a record of table; required fields offer no "None". */
GtkWidget  *candour_record_picker_new           (CandourDatabase     *db,
                                                 CandourTable         table,
                                                 gboolean             required);

/* The chosen record's ref; "" for none. */
const char *candour_record_picker_get_ref       (CandourRecordPicker *self);
/* Chooses the record with this ref ("" or NULL for none); FALSE, and nothing changed,
 * when there is no such record. */
gboolean    candour_record_picker_set_ref       (CandourRecordPicker *self,
                                                 const char          *ref);

/* TRUE from a keystroke in the search until its answer is shown: tests wait on it. */
gboolean    candour_record_picker_get_searching (CandourRecordPicker *self);
GtkPopover *candour_record_picker_get_popover   (CandourRecordPicker *self);
GtkEditable *candour_record_picker_get_search_entry (CandourRecordPicker *self);
/* The records the search offers, as shown: "Kindred Pathways (ORG-KINDRED)". */
GListModel *candour_record_picker_get_results   (CandourRecordPicker *self);

G_END_DECLS
