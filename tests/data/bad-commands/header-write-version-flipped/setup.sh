# SPDX-License-Identifier: GPL-3.0-or-later
printf '\021' | dd of=area.db bs=1 seek=18 conv=notrunc status=none
