/* test-fixture.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <check.h>

#include "test-fixture.h"
#include "test-util.h"

CandourDatabase *
test_fixture_open (void)
{
  CandourDatabase *db = test_open_memory_database ();
  g_autofree char *problems = NULL;

  problems = test_import (db,
    "organisations.csv",
    "ref,name,kind,annual_income\n"
    "LEAD,Lead Ltd,private_company,50000000\n"
    "COMM,Council,local_authority,\n"
    "P1,Partner One,charity,50000\n"
    "P2,Partner Two,community_group,5000\n"
    "P3,Partner Three,charity,\n"
    "P4,Partner Four,cic,500000\n"
    "P5,Partner Five,charity,2000000\n",
    "bids.csv",
    "ref,title,lead_ref,commissioner_ref,value,outcome\n"
    "B1,Wellbeing,LEAD,COMM,1000000,won\n"
    "B2,Advice,LEAD,COMM,400000,won\n"
    "B3,Youth,LEAD,COMM,300000,lost\n",
    "bid_partners.csv",
    "bid_ref,partner_ref,promised_value,promised_share,consent\n"
    "B1,P1,100000,,yes\n"
    "B1,P2,50000,,\n"
    "B1,P3,50000,,no\n"
    "B1,P4,,,yes\n"
    "B1,P5,,10,yes\n"
    "B2,P1,10000,,\n"
    "B3,P2,,20,\n",
    "contracts.csv",
    "ref,bid_ref,lead_ref,commissioner_ref,value,start_on,end_on,required_small_share\n"
    "C1,B1,,,1000000,2025-01-01,2025-12-31,10\n"
    "C2,,LEAD,COMM,200000,2025-01-01,2025-12-31,5\n",
    "subcontracts.csv",
    "ref,contract_ref,partner_ref,value\n"
    "S1,C1,P1,100000\n"
    "S3,C1,P3,30000\n"
    "S4,C1,P4,0\n"
    "S5,C1,P5,100000\n",
    "payments.csv",
    "ref,contract_ref,subcontract_ref,amount,paid_on,invoiced_on\n"
    "PS1,,S1,20000,2025-03-15,2025-02-20\n"
    "PS2,,S1,20000,2025-06-15,2025-04-01\n"
    "PC1,C1,,250000,2025-02-10,2025-01-01\n"
    "PC2,C1,,-500,2025-02-11,2025-01-01\n"
    "PC3,C1,,250000,2025-05-10,\n",
    NULL);
  ck_assert_str_eq (problems, "");
  return db;
}
