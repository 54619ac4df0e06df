#!/usr/bin/env bash
# Installs Slipway's dependencies, builds the UI and starts the dashboard at http://127.0.0.1:3000.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec apps/cli/bin/slipway serve "$@"
