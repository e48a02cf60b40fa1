# SPDX-License-Identifier: GPL-3.0-or-later
# A "file" that never ends: read whole, it would fill memory.
ln -s /dev/zero organisations.csv
