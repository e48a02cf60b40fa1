# SPDX-License-Identifier: GPL-3.0-or-later
# A header of a million columns, none of them known.
{
  yes c | head -n 1000000 | paste -sd , -
  printf 'N1\n'
} >organisations.csv
