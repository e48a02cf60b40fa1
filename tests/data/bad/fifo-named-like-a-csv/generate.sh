# SPDX-License-Identifier: GPL-3.0-or-later
# A named pipe cannot live in git; opening one to read waits for a writer for ever.
mkfifo organisations.csv
