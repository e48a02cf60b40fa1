# SPDX-License-Identifier: GPL-3.0-or-later
printf '\020' | dd of=area.db bs=1 seek=72 conv=notrunc status=none
