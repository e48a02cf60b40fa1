/* candour-detail-window-private.h: what the parts of CandourDetailWindow share
 *
 * candour-detail-window.c builds the frame (details, history, Edit, Delete); each
 * table's own sections are in candour-detail-window-TABLE.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "candour-detail-window.h"
#include "candour-finding.h"

G_BEGIN_DECLS

/* A list of rows in the window, kept for tests and for reading them again. */
typedef struct
{
  char *name;                   /* "partners", "subcontracts"… */
  AdwPreferencesGroup *group;
  GPtrArray *texts;             /* "title — subtitle" per row */
  GArray *ids;                  /* gint64 per row, 0 for none */
} DetailList;

struct _CandourDetailWindow
{
  AdwWindow parent_instance;

  AdwToastOverlay *toast_overlay;
  AdwWindowTitle *window_title;
  GtkLabel *summary_label;
  GtkBox *sections;
  GtkBox *facts_box;
  CandourHistoryGroup *history_group;

  CandourSession *session;
  CandourTable table;
  gint64 id;
  GStrv texts;                  /* the record's fields, in the import format */
  char *ref;
  char *name;                   /* how the record is named to people */
  GPtrArray *lists;             /* DetailList */
  GPtrArray *history_refs;      /* char *: the record's ref and those of its named partners */
  CandourFlowChart *flow_chart;
};

/* The record's field called name, in the import format ("" when empty). */
const char          *candour_detail_window_field     (CandourDetailWindow *self,
                                                      const char          *name);
/* A titled list of rows under the summary; the button (if label is set) adds a record
 * of child_table that hangs off this one. */
DetailList          *candour_detail_window_add_list  (CandourDetailWindow *self,
                                                      const char          *name,
                                                      const char          *title,
                                                      const char          *description,
                                                      const char          *add_label,
                                                      CandourTable         child_table);
/* A row of a list. A row with a table and id opens that record when activated and,
 * with removable, has a button that deletes it (with Undo). extra (may be NULL) goes
 * at the end of the row, before those. */
AdwActionRow        *candour_detail_window_add_row   (CandourDetailWindow *self,
                                                      DetailList          *list,
                                                      const char          *title,
                                                      const char          *subtitle,
                                                      CandourTable         table,
                                                      gint64               id,
                                                      gboolean             removable,
                                                      GtkWidget           *extra);
/* A row saying there is nothing to list. */
void                 candour_detail_window_add_empty_row (CandourDetailWindow *self,
                                                          DetailList          *list,
                                                          const char          *text);
/* A group of the window's own, under the summary. */
void                 candour_detail_window_add_section (CandourDetailWindow *self,
                                                        GtkWidget           *section);
void                 candour_detail_window_set_summary (CandourDetailWindow *self,
                                                        const char          *summary);
/* Opens a record: another detail window, or the form of one without. */
void                 candour_detail_window_open_record (CandourDetailWindow *self,
                                                        CandourTable         table,
                                                        gint64               id);

void                 candour_detail_window_fill_organisation (CandourDetailWindow *self);
void                 candour_detail_window_fill_bid          (CandourDetailWindow *self);
void                 candour_detail_window_fill_contract     (CandourDetailWindow *self);
void                 candour_detail_window_fill_consortium   (CandourDetailWindow *self);

/* Findings (candour-detail-window-findings.c). "Promised £90,000.00 · subcontracted
 * £0.00 · paid £0.00 of £0.00 due": */
char                *candour_detail_window_finding_figures (CandourFinding *finding);
/* A row for finding, with its status, that opens its story. */
AdwActionRow        *candour_detail_window_add_finding_row (CandourDetailWindow *self,
                                                            DetailList          *list,
                                                            CandourFinding      *finding,
                                                            const char          *title,
                                                            const char          *subtitle);
/* Export ▾ at the head of list for findings (none: nothing offered), as a PDF titled
 * title with the window's summary, or files named file_name.csv, .xlsx, .pdf. */
void                 candour_detail_window_offer_findings  (CandourDetailWindow *self,
                                                            DetailList          *list,
                                                            GPtrArray           *findings,
                                                            const char          *title,
                                                            const char          *file_name,
                                                            const char          *tooltip);
/* The findings' PDF and print carry these tables after them (CandourPdfTable; takes
 * tables): a contract's subcontracts and payments after its promises. */
void                 candour_detail_window_offer_further_tables (CandourDetailWindow *self,
                                                                 GPtrArray           *tables);

G_END_DECLS
