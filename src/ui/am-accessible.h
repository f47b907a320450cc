/* am-accessible.h: accessible names without mnemonic underscores (GTK 4.8 keeps them)
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* GTK 4.8 gives a button or check button with a mnemonic label ("_Retry") that label, underscore
 * and all, as its accessible name, so screen readers say "underscore Retry". This gives every
 * such widget below @root (and @root itself) the label without its mnemonic as its name, again
 * whenever the label changes, and does the same for any such widget mapped later. */
void am_accessible_fix_mnemonics (GtkWidget *root);

G_END_DECLS
