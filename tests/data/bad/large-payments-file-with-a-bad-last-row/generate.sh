# SPDX-License-Identifier: GPL-3.0-or-later
# Over 8 MB of payments, so the import takes its bulk-load path (indexes dropped
# and rebuilt); the last row is bad, so everything must be rolled back, indexes too.
{
  printf 'ref,contract_ref,subcontract_ref,amount,paid_on,invoiced_on\n'
  seq 1 250000 | sed 's/.*/BULK&,,S1,10.00,2025-05-01,2025-04-01/'
  printf 'BULK-LAST,,S1,10.00,2025-02-30,\n'
} >payments.csv
