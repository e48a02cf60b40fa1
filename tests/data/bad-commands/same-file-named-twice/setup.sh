# SPDX-License-Identifier: GPL-3.0-or-later
mkdir in
printf "ref,subcontract_ref,amount,paid_on\n,S1,10.00,2025-05-01\n" >in/payments.csv
