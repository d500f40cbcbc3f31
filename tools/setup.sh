#!/usr/bin/env bash
# Sets up a fresh machine: Debian packages (when missing), a virtualenv in .venv, the project.
#   tools/setup.sh          what building the report needs
#   tools/setup.sh --test   also what the tests need (LibreOffice to open DOCX/XLSX, poppler for PDF)
set -euo pipefail
cd "$(dirname "$0")/.."

pkgs=(libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-crosextra-carlito)
if [[ "${1:-}" == "--test" ]]; then
  pkgs+=(poppler-utils libreoffice-writer-nogui libreoffice-calc-nogui)
fi
missing=()
for p in "${pkgs[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if ((${#missing[@]})); then
  if [[ $(id -u) -ne 0 ]]; then SUDO=sudo; else SUDO=; fi
  echo "Installing Debian packages: ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

python3 -m venv .venv
extra=""
[[ "${1:-}" == "--test" ]] && extra="[test]"
.venv/bin/python -m pip install -q --upgrade pip >/dev/null 2>&1 || true
.venv/bin/python -m pip install -q -e ".${extra}" 2>&1 | grep -v -i "warning" || true
.venv/bin/python -c "import competency_maps, weasyprint, docxtpl, openpyxl" \
  || { echo "setup failed: the Python packages did not install"; exit 1; }
echo "Set up. Build with: .venv/bin/python build.py"
