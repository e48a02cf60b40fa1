# SPDX-License-Identifier: GPL-3.0-or-later
mkdir in
printf "ref,name\nA,\n" >in/organisations.csv
