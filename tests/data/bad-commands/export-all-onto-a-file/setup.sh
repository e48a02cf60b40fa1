# SPDX-License-Identifier: GPL-3.0-or-later
echo "keep me" >out.txt
