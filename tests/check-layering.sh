#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The layers stay apart: the core, src/render (the charts and PDFs the CLI draws too)
# and the CLI never include GTK or libsecret, and only the SQLite backend's own files
# (given as arguments, from src/core/meson.build) include sqlite3.h or call it.
# Everything else reaches the database through CandourQuery.
#
# Usage: check-layering.sh SOURCE_ROOT BACKEND_FILE...
set -u

root=$1
shift
declare -A backend
for file in "$@"; do
  backend[$(realpath "$file")]=1
  backend[$(realpath "${file%.c}.h" 2>/dev/null)]=1
done
backend[$(realpath "$root/src/core/candour-database-sqlite.h")]=1

status=0
while IFS= read -r file; do
  if [[ -z ${backend[$(realpath "$file")]:-} ]] && grep -Hn 'sqlite3[_.]\|<sqlite3\.h>\|candour-database-sqlite\.h' "$file"; then
    echo "$file: only the SQLite backend may reach sqlite3; use CandourQuery" >&2
    status=1
  fi
done < <(find "$root/src" -name '*.[ch]')

if grep -rHn '#include <gtk/\|#include <gdk/\|#include <adwaita' "$root/src/core" "$root/src/render" "$root/src/cli"; then
  echo "src/core, src/render and src/cli must not include GTK" >&2
  status=1
fi

# Passwords: the application keeps them in the keyring; the core and the CLI leave them
# to libpq (PGPASSWORD, ~/.pgpass).
if grep -rHn '#include <libsecret/' "$root/src/core" "$root/src/render" "$root/src/cli"; then
  echo "src/core, src/render and src/cli must not include libsecret" >&2
  status=1
fi

exit $status
