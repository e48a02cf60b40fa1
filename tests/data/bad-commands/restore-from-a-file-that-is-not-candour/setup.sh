# SPDX-License-Identifier: GPL-3.0-or-later
sqlite3 other.db "CREATE TABLE t (x); INSERT INTO t VALUES (1)"
