#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# A small area with many payments, for the kill tests: FOLDER/base holds 50
# organisations, 10 won bids and contracts and 100 subcontracts; FOLDER/payments holds
# PAYMENTS payments against them. The same files every time (seeded).
#
# usage: make-payments-area.py FOLDER PAYMENTS

import os
import random
import sys

work, n = sys.argv[1], int(sys.argv[2])
random.seed(7)
os.makedirs(f"{work}/base", exist_ok=True)
os.makedirs(f"{work}/payments", exist_ok=True)
with open(f"{work}/base/organisations.csv", "w") as f:
    f.write("ref,name\n")
    for i in range(50):
        f.write(f"ORG-{i:03},Organisation {i}\n")
with open(f"{work}/base/bids.csv", "w") as f:
    f.write("ref,title,lead_ref,commissioner_ref,value,outcome\n")
    for b in range(10):
        f.write(f"BID-{b:02},Service {b},ORG-{b:03},ORG-049,1000000,won\n")
with open(f"{work}/base/contracts.csv", "w") as f:
    f.write("ref,bid_ref,value,start_on,end_on\n")
    for b in range(10):
        f.write(f"CON-{b:02},BID-{b:02},100000000,2022-04-01,2026-03-31\n")
with open(f"{work}/base/subcontracts.csv", "w") as f:
    f.write("ref,contract_ref,partner_ref,value\n")
    for s in range(100):
        # Room for a million payments of up to £900 without one looking overpaid.
        f.write(f"SUB-{s:03},CON-{s % 10:02},ORG-{10 + s % 39:03},10000000\n")
with open(f"{work}/payments/payments.csv", "w") as f:
    f.write("ref,subcontract_ref,amount,paid_on,invoiced_on\n")
    for i in range(n):
        f.write(f"PAY-{i:07},SUB-{random.randrange(100):03},{random.randint(1, 900)}.00,"
                f"{random.randint(1, 28):02}/{random.randint(1, 12):02}/2024,2024-01-01\n")
