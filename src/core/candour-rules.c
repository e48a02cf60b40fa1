/* candour-rules.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "candour-money.h"
#include "candour-rules.h"

gint64
candour_rules_due (gint64 value,
                   gint64 start_day,
                   gint64 end_day,
                   gint64 terms_days,
                   gint64 day)
{
  gint64 payable = day - terms_days - start_day + 1;
  gint64 length = end_day - start_day + 1;

  if (payable <= 0)
    return 0;
  if (payable >= length)
    return value;
  return candour_round_mul_div (value, payable, length);
}
