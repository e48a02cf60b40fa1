# SPDX-License-Identifier: GPL-3.0-or-later
# A header cell of ten million bytes: the message must quote only its start.
{
  printf 'ref,name,'
  head -c 10000000 /dev/zero | tr '\0' x
  printf '\nN1,New Trust,x\n'
} >organisations.csv
