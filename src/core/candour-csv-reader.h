/* candour-csv-reader.h: an RFC 4180 reader for the files people save from Excel
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _CandourCsvReader CandourCsvReader;

/* Reads the whole file. Accepts UTF-8 with or without BOM and Windows-1252 (converted to
 * UTF-8; used whenever the bytes are not valid UTF-8); CRLF, LF or a lone CR as line ends.
 * Refuses UTF-16 (Excel "Unicode Text"), NUL bytes and text that is neither UTF-8 nor
 * Windows-1252 (bytes 0x81, 0x8D, 0x8F, 0x90, 0x9D) with CANDOUR_CSV_ERROR_ENCODING whose
 * message starts with "FILE:LINE:COLUMN: "; COLUMN is always the 1-based field number.
 * A file that cannot be read gives CANDOUR_CSV_ERROR_IO, "FILE: could not be read: why".
 * display_name is what messages call the file; for a path, NULL means its basename. */
CandourCsvReader *candour_csv_reader_new_for_path (const char   *path,
                                                   const char   *display_name,
                                                   GError      **error);
/* The same over bytes in memory; data need not be NUL-terminated and is copied. */
CandourCsvReader *candour_csv_reader_new_for_data (const char   *data,
                                                   gsize         length,
                                                   const char   *display_name,
                                                   GError      **error);
void              candour_csv_reader_free         (CandourCsvReader *self);

/* Advances to the next record. Returns TRUE with a record; FALSE at the end of the data
 * (error left unset) or on a quoting error (CANDOUR_CSV_ERROR_SYNTAX, naming file, line and
 * column; calling again repeats the same error). An unterminated quote is reported at the
 * line where the quoted field opened. A blank line (nothing at all between two line ends)
 * is skipped, not a record. Fields are not trimmed; line ends inside quotes are kept. */
gboolean          candour_csv_reader_next         (CandourCsvReader  *self,
                                                   GError           **error);

guint             candour_csv_reader_get_n_fields (CandourCsvReader *self);
/* The unquoted field, UTF-8, valid until the next call to _next(). */
const char       *candour_csv_reader_get_field    (CandourCsvReader *self,
                                                   guint             index);
/* Line on which the current record starts (1-based; records can span lines). */
guint             candour_csv_reader_get_line     (CandourCsvReader *self);
const char       *candour_csv_reader_get_name     (CandourCsvReader *self);
/* How far through the text the reader is, from 0 to 1: for a progress bar. */
double            candour_csv_reader_get_progress (CandourCsvReader *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CandourCsvReader, candour_csv_reader_free)

G_END_DECLS
