#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Every screenshot the AppStream metainfo names is a PNG in docs/screenshots (made with
# `build-aux/dev screenshots`), so software centres never show a missing picture.
#
# usage: check-metainfo-screenshots.sh METAINFO SCREENSHOT_DIR

set -u
metainfo=$1
folder=$2
status=0
count=0

for url in $(sed -n 's|.*<image>\(.*\)</image>.*|\1|p' "$metainfo"); do
  count=$((count + 1))
  name=$(basename "$url")
  case $url in
    */docs/screenshots/*) ;;
    *) echo "FAIL $url is not under docs/screenshots"; status=1; continue ;;
  esac
  if [ ! -s "$folder/$name" ]; then
    echo "FAIL $name is named in the metainfo but is not in $folder"
    status=1
  fi
done

if [ "$count" -eq 0 ]; then
  echo "FAIL the metainfo names no screenshots"
  status=1
fi
echo "$count screenshots checked"
exit $status
