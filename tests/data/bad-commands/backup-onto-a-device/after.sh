# SPDX-License-Identifier: GPL-3.0-or-later
# /dev/null is still the device, not a file.
test -c /dev/null
