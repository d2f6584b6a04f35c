#!/usr/bin/env bash
# Installs what the tests need on a fresh Debian machine: system packages (Chromium for the UI tests,
# SoftHSM2 and OpenSC for token signing, poppler-utils for checking PDFs, LibreOffice Calc for a PDF
# from another producer to sign, LibreOffice Writer for Word tests as teachers' word processors write
# them), then the npm dependencies.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(chromium softhsm2 opensc poppler-utils libreoffice-calc-nogui libreoffice-writer-nogui)
missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# The Electron binary is never downloaded here: it is fetched only when packaging the desktop app.
export ELECTRON_SKIP_BINARY_DOWNLOAD=1
npm ci --no-audit --no-fund
