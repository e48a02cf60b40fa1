# SPDX-License-Identifier: GPL-3.0-or-later
# A row of a million fields under a header of two.
{
  printf 'ref,name\nN1'
  head -c 999999 /dev/zero | tr '\0' ,
  printf '\n'
} >organisations.csv
