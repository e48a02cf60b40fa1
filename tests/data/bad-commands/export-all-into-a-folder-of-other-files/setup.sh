# SPDX-License-Identifier: GPL-3.0-or-later
mkdir out
echo "my notes" >out/notes.txt
