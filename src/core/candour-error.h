/* candour-error.h: the three error domains of the core
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Errors from SQLite. The GError code is the SQLite primary result code. */
#define CANDOUR_DATABASE_ERROR (candour_database_error_quark ())
/* Errors reading CSV: the message already names FILE:LINE:COLUMN. */
#define CANDOUR_CSV_ERROR (candour_csv_error_quark ())
/* A value that breaks a rule of the domain (a negative value, an end before its start...). */
#define CANDOUR_DOMAIN_ERROR (candour_domain_error_quark ())

typedef enum
{
  CANDOUR_CSV_ERROR_ENCODING,   /* UTF-16, NUL bytes, bytes the file's one encoding cannot hold */
  CANDOUR_CSV_ERROR_SYNTAX,     /* quoting, a row over 64 MB */
  CANDOUR_CSV_ERROR_SHAPE,      /* ragged rows, empty file, unknown or missing columns */
  CANDOUR_CSV_ERROR_VALUE,      /* a cell that does not parse or breaks a rule */
  CANDOUR_CSV_ERROR_REFERENCE,  /* a ref that points nowhere or is defined twice */
  CANDOUR_CSV_ERROR_IO,         /* not a regular file, unreadable, changed while read */
} CandourCsvError;

typedef enum
{
  CANDOUR_DOMAIN_ERROR_INVALID,
  CANDOUR_DOMAIN_ERROR_NOT_FOUND,
  CANDOUR_DOMAIN_ERROR_NEWER_SCHEMA,
  CANDOUR_DOMAIN_ERROR_NOT_CANDOUR,
  CANDOUR_DOMAIN_ERROR_BUSY,
} CandourDomainError;

GQuark candour_database_error_quark (void);
GQuark candour_csv_error_quark      (void);
GQuark candour_domain_error_quark   (void);

G_END_DECLS
