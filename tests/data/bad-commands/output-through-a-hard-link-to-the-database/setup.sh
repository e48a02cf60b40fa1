# SPDX-License-Identifier: GPL-3.0-or-later
ln area.db copy.db
