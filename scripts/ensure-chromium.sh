#!/usr/bin/env bash
# Debian's Chromium for the browser tests and screenshots (playwright-core drives it; no browser
# download of its own). Installs it with apt-get when it is missing and we run as root.
set -euo pipefail

if command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ]; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "Brak Chromium; uruchom jako root: apt-get install -y chromium / Chromium missing; as root run: apt-get install -y chromium" >&2
  exit 1
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "Brak apt-get: zainstaluj Chromium ręcznie / no apt-get: install Chromium by hand" >&2
  exit 1
fi
echo "Instaluję Chromium (apt-get) / installing Chromium (apt-get)…"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq chromium >/dev/null
chromium --version
