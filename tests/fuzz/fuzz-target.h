/* fuzz-target.h: the one function every fuzz target defines
 *
 * libFuzzer calls it in the fuzz build; fuzz-replay.c calls it in the normal build,
 * once for every file of the seed corpus and of the past findings.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <stddef.h>
#include <stdint.h>

/* Returns 0; a broken promise is an abort (g_assert, a fatal critical or a sanitizer). */
int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);
