#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# compare-csv.py CANDOUR.csv PLAIN.csv: do Candour's CSV and the sqlite3 shell's give
# the same answer? Cells are compared as text, after what only the writers differ in
# (Candour's byte-order mark, line endings, quoting). Prints one line: "same: N rows"
# or what differs (rows, the columns involved and, for money columns, their sums),
# and exits 1 on a difference.

import csv
import sys
from decimal import Decimal, InvalidOperation


def read(path):
    with open(path, newline="", encoding="utf-8-sig") as f:
        return list(csv.reader(f))


def column_sum(rows, index):
    total = Decimal(0)
    for row in rows:
        try:
            total += Decimal(row[index]) if row[index] else 0
        except (InvalidOperation, IndexError):
            return None
    return total


def main():
    ours, theirs = read(sys.argv[1]), read(sys.argv[2])
    if ours[:1] != theirs[:1]:
        print(f"different columns: {ours[:1]} against {theirs[:1]}")
        return 1
    header, ours, theirs = ours[0], ours[1:], theirs[1:]
    if ours == theirs:
        print(f"same: {len(ours):,} rows")
        return 0

    rows = sum(1 for a, b in zip(ours, theirs) if a != b) + abs(len(ours) - len(theirs))
    columns = [name for i, name in enumerate(header)
               if any(a[i] != b[i] for a, b in zip(ours, theirs))]
    sums = []
    for name in columns:
        i = header.index(name)
        a, b = column_sum(ours, i), column_sum(theirs, i)
        if a is not None and b is not None:
            sums.append(f"{name} sums {a} against {b}")
    print(f"differ: {rows:,} of {len(ours):,} rows ({len(theirs):,} from sqlite3) "
          f"in {', '.join(columns) or 'row count'}" + (f"; {'; '.join(sums)}" if sums else ""))
    return 1


if __name__ == "__main__":
    sys.exit(main())
