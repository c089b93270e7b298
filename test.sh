#!/usr/bin/env bash
# VssBot's test command: installs what the tests need (Debian's chromium for the
# browser tests, poppler-utils to render the PDFs, postgresql for the throw-away clusters
# the store tests start as ordinary processes), then runs every test project, then prints
# one summary line.
set -euo pipefail
cd "$(dirname "$0")"

if [ ! -x /usr/bin/chromium ] || ! command -v pdftoppm >/dev/null || ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium fonts-noto-core poppler-utils postgresql >/dev/null
fi

log=$(mktemp)
status=0
dotnet test VssBot.sln --nologo "$@" 2>&1 | tee "$log" || status=$?

# The failed tests, each with the first line of its error, just above the closing line, so
# that a red run is read at its end.
awk '/^  Failed .* \[[^]]*\]$/ { name = $0; sub(/^  Failed /, "", name); sub(/ \[[^]]*\]$/, "", name); want = 1; next }
     want && /^  Error Message:/ { getline line; sub(/^ +/, "", line); failed[++n] = name ": " line; want = 0 }
     END { if (n) { print "failed tests:"; for (i = 1; i <= n; i++) print "  " failed[i] } }' "$log"

# One plain closing line across all test projects: "N passed, N failed".
awk '/^(Passed|Failed)!/ {
       for (i = 1; i <= NF; i++) { if ($i == "Passed:") p += $(i+1); if ($i == "Failed:") f += $(i+1); if ($i == "Skipped:") s += $(i+1) }
     }
     END { printf "tests: %d passed, %d failed, %d skipped\n", p, f, s }' "$log"
rm -f "$log"
exit $status
