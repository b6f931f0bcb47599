#!/bin/sh
# embed_text.sh IN OUT: writes the text file IN to OUT as C string literals,
# one per line (each ending in \n), to be #included between the braces of a
# char array or after `=`: adjacent literals concatenate, and no single
# literal is long enough to reach a compiler's limit.
set -eu
sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/^/"/' -e 's/$/\\n"/' "$1" > "$2"
