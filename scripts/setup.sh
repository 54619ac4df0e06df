#!/usr/bin/env bash
# Installs everything Slipway needs on a fresh Debian machine with Node 20.
#   scripts/setup.sh        what the dashboard needs: pnpm, dependencies, the built UI and CLI
#   scripts/setup.sh test   also what the tests need: docker-registry, chromium, unzip, helm, kubectl
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-start}
pnpm_version=$(node -p "require('./package.json').packageManager.split('@')[1]")

if [ "$mode" = test ]; then
  missing=()
  command -v docker-registry >/dev/null || missing+=(docker-registry)
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  command -v unzip >/dev/null || missing+=(unzip)
  # fonts so that screenshots show text
  [ -d /usr/share/fonts/truetype/dejavu ] || missing+=(fonts-dejavu-core)
  if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" = 0 ]; then
      echo "setup: installing ${missing[*]}"
      apt-get update -qq
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    else
      echo "setup: please install these Debian packages first: sudo apt-get install ${missing[*]}" >&2
      exit 1
    fi
  fi
fi

if ! command -v pnpm >/dev/null || [ "$(pnpm --version)" != "$pnpm_version" ]; then
  echo "setup: installing pnpm $pnpm_version"
  npm install -g "pnpm@$pnpm_version" >/dev/null 2>&1 || {
    npm install -g "pnpm@$pnpm_version"
  }
fi

if [ -n "${CI:-}" ]; then
  pnpm install --frozen-lockfile
else
  pnpm install
fi
pnpm build

if [ "$mode" = test ]; then
  node scripts/install-tools.mjs
fi
