/* candour-fields.h: the fields of each table as people read and type them
 *
 * The core describes a table's fields by their import names ("annual_income"); forms
 * and detail views show them in words ("Annual income (£)") and show the values the
 * UK way (£45,000.00, 01/04/2025, "Charity"). Which fields there are, in what order
 * and of what kind, is the core's (candour-import.h); the words for every one of them
 * are here: tests/check-app-forms.c checks it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "candour-import.h"

G_BEGIN_DECLS

/* CandourTable as a GEnum, for properties: nicks "organisations", "bids"… */
#define CANDOUR_TYPE_TABLE (candour_table_get_type ())
GType             candour_table_get_type      (void) G_GNUC_CONST;

/* The index of the field called name, or -1. */
int               candour_field_find          (CandourTable  table,
                                               const char   *name);
/* A form's label: "Annual income (£)", "Starts on (DD/MM/YYYY)". */
const char       *candour_field_get_label     (CandourTable  table,
                                               guint         field);
/* How a sentence names the field: "annual income", "start date". */
const char       *candour_field_get_words     (CandourTable  table,
                                               guint         field);
/* The words for a keyword a choice field accepts: "charity" → "Charity". */
const char       *candour_field_choice_label  (CandourTable  table,
                                               guint         field,
                                               const char   *keyword);

/* A value in the import format as it reads on screen: 45000.50 → £45,000.50,
 * 2025-04-01 → 01/04/2025, 25 → 25%, charity → Charity. Refs are left as they are
 * (the caller names the record). "" for an empty value. */
char             *candour_field_format_display (CandourTable  table,
                                                guint         field,
                                                const char   *text);
/* A value in the import format as a form shows it for editing: 45000.50 → 45,000.50,
 * 2025-04-01 → 01/04/2025. */
char             *candour_field_format_editable (CandourTable  table,
                                                 guint         field,
                                                 const char   *text);

/* A problem from candour_record_check() ("start_on: start_on '31/02/2025' is not a
 * real date…") as a form shows it under its field: field names in words, dates the UK
 * way ("Start date '31/02/2025' is not a real date…"). Sets *out_field to the field it
 * is about, or -1 for a problem with the whole record (a busy database). */
char             *candour_field_describe_problem (CandourTable  table,
                                                  const char   *problem,
                                                  int          *out_field);

/* "organisation", "bid", "named partner"…: a record of table in a sentence. */
const char       *candour_table_get_noun      (CandourTable  table);
/* "Organisation", "Bid", "Named Partner": a record of table in a title. */
const char       *candour_table_get_title     (CandourTable  table);

G_END_DECLS
