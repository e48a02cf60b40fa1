/* candour-csv-writer.h: RFC 4180 output that Excel opens safely
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _CandourCsvWriter CandourCsvWriter;

/* Writes a UTF-8 BOM first (so Excel shows £ and accents), then CRLF-terminated records.
 * The writer buffers (flushing past 64 KiB at the end of a row); call _close() to flush.
 * It does not own the stream's lifetime beyond holding a reference. Freeing it without
 * _close() drops what is still buffered. */
CandourCsvWriter *candour_csv_writer_new        (GOutputStream    *stream);
void              candour_csv_writer_free       (CandourCsvWriter *self);

/* Text: quoted when it holds a comma, quote, CR or LF; prefixed with ' when it starts with
 * = + - @ tab CR or LF so a spreadsheet never runs it as a formula. NULL writes an empty cell. */
void              candour_csv_writer_add_text   (CandourCsvWriter *self,
                                                 const char       *text);
/* A number or date already formatted: written as is (no formula guard; still quoted if it
 * holds a comma, as "1,234.50" would). */
void              candour_csv_writer_add_number (CandourCsvWriter *self,
                                                 const char       *text);
/* A row of a single empty cell is written as "" so that it is not a blank line, which
 * readers skip. Errors are the stream's own (G_IO_ERROR); after one, every later call
 * fails with it. */
gboolean          candour_csv_writer_end_row    (CandourCsvWriter  *self,
                                                 GError           **error);
/* Ends an unfinished row and flushes everything to the stream (g_output_stream_flush()
 * too). It does not close the stream: the caller closes it, which is what commits a
 * g_file_replace() stream, or cancels it to keep the old file. No add or end_row after. */
gboolean          candour_csv_writer_close      (CandourCsvWriter  *self,
                                                 GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CandourCsvWriter, candour_csv_writer_free)

G_END_DECLS
