# SPDX-License-Identifier: GPL-3.0-or-later
test "$(cat out/notes.txt)" = "my notes"
