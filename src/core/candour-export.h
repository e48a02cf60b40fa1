/* candour-export.h: tables back out as CSV (or a spreadsheet), in the import format
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "candour-import.h"
#include "candour-report.h"

G_BEGIN_DECLS

/* The rows of one table with the import's columns, so that exporting every table and
 * importing the files into an empty database gives back the same records. */
CandourReport *candour_export_table   (CandourDatabase  *db,
                                       CandourTable      table,
                                       GError          **error);

/* The same columns for the one record with this id (no row if there is none). */
CandourReport *candour_export_record  (CandourDatabase  *db,
                                       CandourTable      table,
                                       gint64            id,
                                       GError          **error);

/* Writes a report as a CSV file readable by its owner only, replacing the file whole
 * (a failure leaves any earlier file as it was). */
gboolean       candour_export_report_to_path (CandourReport  *report,
                                              const char     *path,
                                              GError        **error);

/* One table into the file path. */
gboolean       candour_export_to_path (CandourDatabase  *db,
                                       CandourTable      table,
                                       const char       *path,
                                       GError          **error);

/* Every table into folder (created if needed) as organisations.csv, consortia.csv...,
 * and the audit trail as audit.csv (which an import passes over),
 * read in one transaction so the files agree with each other. */
gboolean       candour_export_all     (CandourDatabase  *db,
                                       const char       *folder,
                                       GError          **error);

/* Every table as a sheet of one spreadsheet at path, named as the CSV files are
 * (organisations, consortia…) with the same columns, then the audit trail as audit;
 * read in one transaction so the sheets agree with each other. The workbook replaces
 * path whole, or path is as it was. */
gboolean       candour_export_all_xlsx (CandourDatabase  *db,
                                        const char       *path,
                                        GCancellable     *cancellable,
                                        GError          **error);

G_END_DECLS
