#!/usr/bin/env bash
# The Swagger UI at /api, checked in a real browser: starts `seatctl serve` on a throw-away
# SQLite database, opens /api in headless Chromium (Debian's `chromium`) with the network
# closed but for loopback, fails unless every operation of /openapi.json is listed on the
# rendered page, and saves a screenshot.
#
#   scripts/swagger-screenshot.sh [path/to/seatctl] [screenshot.png]
#
# The committed docs/swagger-ui.png was made with `scripts/swagger-screenshot.sh
# target/debug/seatctl docs/swagger-ui.png`.
set -euo pipefail
cd "$(dirname "$0")/.."
seatctl="${1:-target/debug/seatctl}"
shot="${2:-target/swagger-ui.png}"
browser="$(command -v chromium || command -v chromium-browser || true)"
[ -n "$browser" ] || { echo "chromium is not installed (Debian: apt-get install chromium)"; exit 1; }

work="$(mktemp -d)"
server=""
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
export HOME="$work" DATABASE_URL="sqlite://$work/ui.db" TZ=UTC
unset SEATCTL_CONFIG SEATCTL_STRATEGY REDIS_URL
"$seatctl" serve --listen 127.0.0.1:0 2>"$work/serve.log" &
server=$!
for _ in $(seq 1 100); do
  grep -q '^listening on ' "$work/serve.log" && break
  sleep 0.1
done
base="$(sed -n 's/^listening on //p' "$work/serve.log" | head -1)"
[ -n "$base" ] || { echo "seatctl serve did not start:"; cat "$work/serve.log"; exit 1; }

# As the machine's notes say: without the background-networking flags Chromium tries the
# internet at every start; the page itself must need none of it.
flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run
  --disable-background-networking --disable-component-update --disable-sync
  --disable-dev-shm-usage --hide-scrollbars --user-data-dir="$work/profile"
  --virtual-time-budget=10000 --window-size=1280,2200)
timeout 120 "$browser" "${flags[@]}" --dump-dom "$base/api/" >"$work/dom.html" 2>"$work/chromium.log" || true
want="$(curl -sf "$base/openapi.json" | python3 -c '
import json, sys
doc = json.load(sys.stdin)
print(sum(1 for item in doc["paths"].values() for m in item if m in ("get", "post", "put", "delete", "patch")))')"
got="$(grep -o 'class="opblock opblock-' "$work/dom.html" | wc -l)"
if [ "$got" -lt "$want" ]; then
  echo "Swagger UI rendered $got of $want operations; the page was:"
  head -c 2000 "$work/dom.html"; echo
  tail -5 "$work/chromium.log"
  exit 1
fi
mkdir -p "$(dirname "$shot")"
timeout 120 "$browser" "${flags[@]}" --screenshot="$PWD/$shot" "$base/api/" >/dev/null 2>&1 || true
[ -s "$shot" ] || { echo "no screenshot was written to $shot"; exit 1; }
echo "Swagger UI at /api lists all $want operations; screenshot: $shot"
