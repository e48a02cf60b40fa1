# SPDX-License-Identifier: GPL-3.0-or-later
yes | head -c 4096 | dd of=area.db bs=4096 seek=5 conv=notrunc status=none
printf "ref,name\nNEW-1,New Trust\n" >organisations.csv
