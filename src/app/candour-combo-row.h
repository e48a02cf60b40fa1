/* candour-combo-row.h: AdwComboRow, chosen from with the keyboard
 *
 * libadwaita 1.2's AdwComboRow takes, when an item of its popover is activated, the item
 * its popover has selected (the one under the pointer) rather than the one activated. With
 * the keyboard, the focus moves and nothing is selected: Enter on "Charity" kept "Other"
 * (fixed in later libadwaita). candour_combo_row_new() makes a row that takes the item
 * activated, however it was.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

GtkWidget *candour_combo_row_new        (void);
/* The same for a row made elsewhere (a template's). */
void       candour_combo_row_take_activated (AdwComboRow *row);
/* The list its popover shows, for tests that choose as a keyboard does. */
GtkListView *candour_combo_row_get_list (AdwComboRow *row);

G_END_DECLS
