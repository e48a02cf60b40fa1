/* candour-database-header.c: the first 100 bytes of a database file, read with care
 *
 * SQLite trusts most of its header, and Candour indexes its migrations with one field of
 * it: a flipped bit there must read as damage, in words, never as a crash, and never as
 * "saved by a newer Candour".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "candour-database-sqlite.h"

#define HEADER_SIZE 100

static guint32
read_u32 (const guint8 *bytes)
{
  return (guint32) bytes[0] << 24 | (guint32) bytes[1] << 16 | (guint32) bytes[2] << 8 | bytes[3];
}

char *
candour_database_header_problem (const char *path,
                                 gboolean    all_fields)
{
  guint8 header[HEADER_SIZE];
  guint page_size;
  gssize n;
  int fd;

  fd = g_open (path, O_RDONLY, 0);
  if (fd < 0)
    return NULL;
  n = read (fd, header, sizeof header);
  close (fd);

  /* A new, empty file; or too short to be a database, which SQLite says itself. */
  if (n < HEADER_SIZE || memcmp (header, "SQLite format 3", 16) != 0)
    return NULL;

  /* What SQLite needs to read the file at all. */
  if (header[18] < 1 || header[18] > 2 || header[19] < 1 || header[19] > 2)
    return g_strdup_printf ("its header gives file format versions %u and %u at bytes 18 and 19, "
                            "where SQLite writes 1 or 2", header[18], header[19]);

  if (!all_fields)
    return NULL;

  page_size = header[16] << 8 | header[17];
  if (page_size == 1)
    page_size = 65536;
  if (page_size < 512 || (page_size & (page_size - 1)) != 0)
    return g_strdup_printf ("its header gives a page size of %u bytes, which is not one SQLite uses",
                            page_size);
  if (header[21] != 64 || header[22] != 32 || header[23] != 32)
    return g_strdup ("the payload fractions at bytes 21 to 23 of its header are not SQLite's");
  if (read_u32 (header + 44) < 1 || read_u32 (header + 44) > 4)
    return g_strdup_printf ("its header gives schema format %u, where SQLite writes 1 to 4",
                            read_u32 (header + 44));
  if (read_u32 (header + 56) < 1 || read_u32 (header + 56) > 3)
    return g_strdup_printf ("its header gives text encoding %u, where SQLite writes 1 to 3",
                            read_u32 (header + 56));
  for (guint i = 72; i < 92; i++)
    if (header[i] != 0)
      return g_strdup_printf ("byte %u of its header, which SQLite keeps at zero, is %u", i, header[i]);

  return NULL;
}
