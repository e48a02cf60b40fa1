# SPDX-License-Identifier: GPL-3.0-or-later
sqlite3 area.db "CREATE TRIGGER quietly AFTER INSERT ON payment BEGIN UPDATE payment SET amount = 0 WHERE id = NEW.id; END"
