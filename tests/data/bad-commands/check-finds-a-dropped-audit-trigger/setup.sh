# SPDX-License-Identifier: GPL-3.0-or-later
sqlite3 area.db "DROP TRIGGER payment_audit_delete"
