/* candour-csv-reader-private.h: the CSV reader with a chosen chunk size, for tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "candour-csv-reader.h"

G_BEGIN_DECLS

/* As the public constructors, but reading chunk_size bytes at a time instead of 1 MiB, so
 * that a test (or the fuzz target) can put a chunk boundary at every position. */
CandourCsvReader *candour_csv_reader_new_for_path_with_chunk_size (const char   *path,
                                                                   const char   *display_name,
                                                                   gsize         chunk_size,
                                                                   GError      **error);
CandourCsvReader *candour_csv_reader_new_for_data_with_chunk_size (const char   *data,
                                                                   gsize         length,
                                                                   const char   *display_name,
                                                                   gsize         chunk_size,
                                                                   GError      **error);

G_END_DECLS
