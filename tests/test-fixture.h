/* test-fixture.h: a small area whose every figure is worked out by hand in the suites
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "candour-database.h"

/* Lead Ltd's bid B1 (won) names P1–P5; contract C1 runs 2025-01-01 to 2025-12-31
 * (365 days) for £1,000,000. B2 (won, no contract yet) names P1; B3 (lost) names P2.
 * C2 is a direct award with no subcontracts. */
CandourDatabase *test_fixture_open (void);
