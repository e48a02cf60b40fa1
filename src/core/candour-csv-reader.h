/* candour-csv-reader.h: an RFC 4180 reader for the files people save from Excel
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _CandourCsvReader CandourCsvReader;

typedef enum
{
  CANDOUR_CSV_ENCODING_UTF8,
  CANDOUR_CSV_ENCODING_WINDOWS_1252,  /* converted to UTF-8 as it is read */
} CandourCsvEncoding;

/* Streams the file: memory follows the longest record, not the file. A record (one row,
 * which may span lines inside quotes) may be up to 64 MB; a longer one is a
 * CANDOUR_CSV_ERROR_SYNTAX error from _next() at the line where it starts.
 *
 * Only a regular file (or a symbolic link to one) is read: a folder, named pipe, device or
 * socket is refused at once, without blocking, with CANDOUR_CSV_ERROR_IO, "FILE: is a
 * named pipe, not a file; …". A file that cannot be opened or read gives
 * CANDOUR_CSV_ERROR_IO, "FILE: could not be read: why", and one that changes while it is
 * read, "FILE: changed while Candour was reading it; …".
 *
 * The encoding is decided once for the whole file, by a first pass over it before this
 * returns; all these refusals are CANDOUR_CSV_ERROR_ENCODING with a message starting
 * "FILE:LINE:COLUMN: ", COLUMN being the 1-based field number (LINE:COLUMN is 1:1 for
 * UTF-16):
 *   - UTF-16 (Excel "Unicode Text": a byte-order mark, or NULs in every other byte of the
 *     first KiB) is refused, and so is a NUL byte anywhere.
 *   - A file that starts with UTF-8's byte-order mark is UTF-8: a byte that is not valid
 *     UTF-8 is refused.
 *   - Without a byte-order mark, a file that is all valid UTF-8 is UTF-8.
 *   - Otherwise, if it holds clear UTF-8 as well (a valid sequence of three or four bytes,
 *     or one of two starting 0xC2 or 0xC3, as Latin-1 letters do) it mixes two encodings
 *     and is refused at its first byte that is not UTF-8, naming a line that is UTF-8.
 *   - Otherwise it is Windows-1252, converted to UTF-8, and its five undefined bytes
 *     (0x81, 0x8D, 0x8F, 0x90, 0x9D) are refused.
 * CRLF, LF or a lone CR end lines. display_name is what messages call the file; for a
 * path, NULL means its basename. */
CandourCsvReader  *candour_csv_reader_new_for_path (const char   *path,
                                                    const char   *display_name,
                                                    GError      **error);
/* The same over bytes in memory; data need not be NUL-terminated and is copied. */
CandourCsvReader  *candour_csv_reader_new_for_data (const char   *data,
                                                    gsize         length,
                                                    const char   *display_name,
                                                    GError      **error);
void               candour_csv_reader_free         (CandourCsvReader *self);

/* Advances to the next record. Returns TRUE with a record; FALSE at the end of the data
 * (error left unset) or on an error: quoting or a record over 64 MB
 * (CANDOUR_CSV_ERROR_SYNTAX, naming file, line and column), or a file that could not be
 * read on or changed since it was opened (CANDOUR_CSV_ERROR_IO). Calling again repeats
 * the same error. An unterminated quote is reported at the line where the quoted field
 * opened. A blank line (nothing at all between two line ends) is skipped, not a record.
 * Fields are not trimmed; line ends inside quotes are kept. */
gboolean           candour_csv_reader_next         (CandourCsvReader  *self,
                                                    GError           **error);

guint              candour_csv_reader_get_n_fields (CandourCsvReader *self);
/* The unquoted field, UTF-8, valid until the next call to _next(). */
const char        *candour_csv_reader_get_field    (CandourCsvReader *self,
                                                    guint             index);
/* Line on which the current record starts (1-based; records can span lines). */
guint              candour_csv_reader_get_line     (CandourCsvReader *self);
const char        *candour_csv_reader_get_name     (CandourCsvReader *self);
/* How far through the file the reader is, from 0 to 1: for a progress bar. */
double             candour_csv_reader_get_progress (CandourCsvReader *self);
/* What separates fields: ',' unless the header line has no comma and has semicolons
 * (';', European Excel and LibreOffice) or tabs ('\t', "Text" files), then that. */
char               candour_csv_reader_get_separator (CandourCsvReader *self);
/* What the file was decided to be; Windows-1252 text is handed out as UTF-8. */
CandourCsvEncoding candour_csv_reader_get_encoding (CandourCsvReader *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CandourCsvReader, candour_csv_reader_free)

G_END_DECLS
