/* candour-error.h: the three error domains of the core
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Errors from the database, in a category a front end can act on; the message already
 * says in words what happened to which file, and what to do. */
#define CANDOUR_DATABASE_ERROR (candour_database_error_quark ())
/* Errors reading CSV: the message already names FILE:LINE:COLUMN. */
#define CANDOUR_CSV_ERROR (candour_csv_error_quark ())
/* A value that breaks a rule of the domain (a negative value, an end before its start...). */
#define CANDOUR_DOMAIN_ERROR (candour_domain_error_quark ())

typedef enum
{
  CANDOUR_DATABASE_ERROR_FAILED,        /* anything not below */
  CANDOUR_DATABASE_ERROR_CONSTRAINT,    /* a change broke one of the schema's rules */
  CANDOUR_DATABASE_ERROR_READ_ONLY,     /* the file, its folder or its disk cannot be written */
  CANDOUR_DATABASE_ERROR_DISK_FULL,
  CANDOUR_DATABASE_ERROR_IO,            /* the disk reported an error reading or writing */
  CANDOUR_DATABASE_ERROR_CORRUPT,       /* the file is damaged, or not a database at all */
  CANDOUR_DATABASE_ERROR_NOT_FOUND,     /* no file at the path given */
  CANDOUR_DATABASE_ERROR_CANT_OPEN,     /* a folder, a link, a device, no permission... */
  CANDOUR_DATABASE_ERROR_MOVED,         /* the file was moved or deleted while open */
  CANDOUR_DATABASE_ERROR_CANCELLED,
  CANDOUR_DATABASE_ERROR_NO_MEMORY,
  CANDOUR_DATABASE_ERROR_SCHEMA,        /* its tables are not the ones this Candour expects */
  CANDOUR_DATABASE_ERROR_NEEDS_PASSWORD, /* a server asked for a password and was given none */
} CandourDatabaseError;

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
  CANDOUR_DOMAIN_ERROR_CONFLICT,        /* someone else changed the record meanwhile */
} CandourDomainError;

GQuark candour_database_error_quark (void);
GQuark candour_csv_error_quark      (void);
GQuark candour_domain_error_quark   (void);

G_END_DECLS
