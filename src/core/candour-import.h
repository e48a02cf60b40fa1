/* candour-import.h: CSV files into the database, all or nothing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "candour-database.h"

G_BEGIN_DECLS

/* An import stops listing problems after this many. */
#define CANDOUR_IMPORT_MAX_PROBLEMS 50

typedef enum
{
  CANDOUR_TABLE_ORGANISATIONS,
  CANDOUR_TABLE_CONSORTIA,
  CANDOUR_TABLE_CONSORTIUM_MEMBERS,
  CANDOUR_TABLE_BIDS,
  CANDOUR_TABLE_BID_PARTNERS,
  CANDOUR_TABLE_CONTRACTS,
  CANDOUR_TABLE_SUBCONTRACTS,
  CANDOUR_TABLE_PAYMENTS,
  CANDOUR_N_TABLES
} CandourTable;

/* "organisations", "consortia"...: the table's name in file names and on the command line. */
const char   *candour_table_get_name      (CandourTable  table);
/* Looks a name up ("payments" or "payments.csv", any case); FALSE when unknown. */
gboolean      candour_table_from_name     (const char   *name,
                                           CandourTable *out_table);

/* What a field holds, as a form asks for it. */
typedef enum
{
  CANDOUR_FIELD_TEXT,
  CANDOUR_FIELD_MONEY,            /* typed as pounds and pence */
  CANDOUR_FIELD_PERCENT,
  CANDOUR_FIELD_DATE,             /* typed as DD/MM/YYYY */
  CANDOUR_FIELD_DAYS,
  CANDOUR_FIELD_CHOICE,           /* a keyword or yes/no, chosen from a list */
  CANDOUR_FIELD_REF,              /* another record, chosen from a list */
} CandourFieldKind;

/* The columns of a table's file, in order: what a form for that table asks for. Each
 * table's fields are described once, in candour-import-rules.c; forms, exports and
 * the generator read them from there. */
guint         candour_table_get_n_fields        (CandourTable  table);
const char   *candour_table_get_field_name      (CandourTable  table,
                                                 guint         field);
gboolean      candour_table_get_field_required  (CandourTable  table,
                                                 guint         field);
CandourFieldKind
              candour_table_get_field_kind      (CandourTable  table,
                                                 guint         field);
/* What an empty cell of the field stores, as a CSV would say it ("other", "no",
 * "1000000.00", "30"): a new record's first value. NULL for a field left empty. */
const char   *candour_table_get_field_default   (CandourTable  table,
                                                 guint         field);
/* The words a keyword or yes/no field accepts, NULL-terminated; NULL for other fields. */
const char * const *
              candour_table_get_field_choices   (CandourTable  table,
                                                 guint         field);
/* TRUE for a `..._ref` field, with the table whose refs it takes. */
gboolean      candour_table_get_field_target    (CandourTable  table,
                                                 guint         field,
                                                 CandourTable *out_target);

typedef struct _CandourImport CandourImport;

CandourImport *candour_import_new          (CandourDatabase  *db);
void           candour_import_free         (CandourImport    *self);

/* Adds a CSV file, or every *.csv file in a folder. The table comes from the file name
 * (organisations.csv...). A file with another name is a problem reported by _run(). */
gboolean       candour_import_add_path     (CandourImport    *self,
                                            const char       *path,
                                            GError          **error);
/* Adds CSV text held in memory, read as if from a file called file_name. */
void           candour_import_add_data     (CandourImport    *self,
                                            const char       *file_name,
                                            GBytes           *data);

/* Reads every file in dependency order (organisations first, payments last) inside one
 * transaction. Returns TRUE when everything was written. On any problem nothing is
 * written, FALSE is returned, and the problems are listed by _get_problems(); error
 * then says how many there were (or why the database could not be written at all). */
gboolean       candour_import_run          (CandourImport    *self,
                                            GCancellable     *cancellable,
                                            GError          **error);

/* With dry_run TRUE, _run() does everything a real import does, every check and every
 * write, in its one transaction, and then rolls the transaction back: its problems and
 * counts are exactly those of the real import, and the database is left as it was.
 * _run() then returns TRUE when the real import would write everything. A dry run must
 * not be started inside another transaction, whose work its rollback would undo too. */
void           candour_import_set_dry_run  (CandourImport    *self,
                                            gboolean          dry_run);

/* Called now and then from the thread running _run() with how much of the files has
 * been read, from 0 to 1 (by size). */
typedef void (*CandourImportProgressFunc) (double   fraction,
                                           gpointer user_data);
void           candour_import_set_progress_func (CandourImport             *self,
                                                 CandourImportProgressFunc  func,
                                                 gpointer                   user_data);

/* "FILE:LINE:COLUMN: reason", at most CANDOUR_IMPORT_MAX_PROBLEMS of them. */
GPtrArray     *candour_import_get_problems (CandourImport    *self);
/* Rows that are plausible but odd, written all the same: a payment dated before 2000,
 * in the future, more than its terms after its subcontract ended, or invoiced after it
 * was paid; a bid whose promised shares add up to more than 100 %; a subcontract paid
 * more than its value. "FILE:LINE:COLUMN: what" (or "FILE: what" for a total), at most
 * CANDOUR_IMPORT_MAX_PROBLEMS of them; _get_n_warnings() counts them all. */
GPtrArray     *candour_import_get_warnings   (CandourImport    *self);
guint          candour_import_get_n_warnings (CandourImport    *self);
/* Rows written (or that would have been) into a table. */
guint          candour_import_get_count    (CandourImport    *self,
                                            CandourTable      table);

/* The files added, in the order they were added (a folder's in name order). The name
 * is the one problems use: the path as given, or the name given with the data. */
guint          candour_import_get_n_files     (CandourImport    *self);
const char    *candour_import_get_file_name   (CandourImport    *self,
                                               guint             index);
/* FALSE when the file's name names no table (a problem _run() reports). */
gboolean       candour_import_get_file_table  (CandourImport    *self,
                                               guint             index,
                                               CandourTable     *out_table);
/* Rows the file wrote (or, in a dry run, would write) in the last _run(). */
guint          candour_import_get_file_count  (CandourImport    *self,
                                               guint             index);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CandourImport, candour_import_free)

G_END_DECLS
