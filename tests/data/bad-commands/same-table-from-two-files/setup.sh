# SPDX-License-Identifier: GPL-3.0-or-later
mkdir in
printf "ref,name\nNEW-1,New Trust\n" >in/organisations.csv
printf "ref,name\nNEW-2,Other Trust\n" >in/Organisations.CSV
