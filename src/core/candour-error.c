/* candour-error.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "candour-error.h"

G_DEFINE_QUARK (candour-database-error-quark, candour_database_error)
G_DEFINE_QUARK (candour-csv-error-quark, candour_csv_error)
G_DEFINE_QUARK (candour-domain-error-quark, candour_domain_error)
