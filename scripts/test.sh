#!/usr/bin/env bash
# Installs what the tests need (system packages too, when root) and runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh test
pnpm typecheck
pnpm lint
pnpm test
