#!/usr/bin/env bash
# Sets up a fresh machine: Debian packages (when missing), a virtualenv in .venv, the project.
#   tools/setup.sh          what building the report needs
#   tools/setup.sh --test   also what the tests need (LibreOffice to open DOCX/XLSX, poppler for PDF,
#                           the en_US and en_GB word lists and the partners' languages' hunspell
#                           dictionaries for the spelling tests, LibreOffice's Python bridge for the
#                           tests that type into a workbook),
#                           Node.js and Chromium with npm's playwright-core (tools/site) for the
#                           self-check site
# It prints its own lines only; what apt-get and pip print is kept in a log, shown if a step fails.
set -euo pipefail
cd "$(dirname "$0")/.."

log=$(mktemp "${TMPDIR:-/tmp}/competency-maps-setup.XXXXXX")
trap 'rm -f "$log"' EXIT

# quietly WHAT COMMAND...: runs COMMAND with its output in the log; if it fails, prints the log and stops.
quietly() {
  local what=$1 rc=0
  shift
  "$@" >"$log" 2>&1 || rc=$?
  if ((rc)); then
    echo "setup failed: $what (exit code $rc). What it printed:" >&2
    cat "$log" >&2
    exit 1
  fi
}

pkgs=(libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 libcairo2 fonts-crosextra-carlito)
if [[ "${1:-}" == "--test" ]]; then
  pkgs+=(poppler-utils libreoffice-writer-nogui libreoffice-calc-nogui wamerican wbritish python3-uno
         hunspell hunspell-fr hunspell-de-de hunspell-pt-pt hunspell-nl hunspell-hu
         nodejs chromium chromium-driver)
fi
missing=()
for p in "${pkgs[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
# npm: Debian's own package, unless the installed Node.js brings its own (NodeSource's does)
[[ "${1:-}" == "--test" ]] && ! command -v npm >/dev/null && missing+=(npm)
if ((${#missing[@]})); then
  if [[ $(id -u) -ne 0 ]]; then SUDO=sudo; else SUDO=; fi
  echo "Installing Debian packages: ${missing[*]}"
  quietly "apt-get update" $SUDO apt-get update
  quietly "apt-get install" $SUDO env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y --no-install-recommends "${missing[@]}"
fi

quietly "creating the virtualenv .venv" python3 -m venv .venv
extra=""
[[ "${1:-}" == "--test" ]] && extra="[test]"
.venv/bin/python -m pip install --upgrade pip >"$log" 2>&1 || true  # offline: keep the pip we have
quietly "installing the project into .venv" .venv/bin/python -m pip install -e ".${extra}"
quietly "the installed packages do not import" \
  .venv/bin/python -c "import competency_maps, weasyprint, docxtpl, openpyxl"
if [[ "${1:-}" == "--test" ]]; then  # the self-check site's tests drive Chromium with it (package-lock.json)
  quietly "installing tools/site's npm packages" npm ci --prefix tools/site --no-audit --no-fund
fi
echo "Set up. Build with: .venv/bin/python build.py"
