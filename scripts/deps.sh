#!/usr/bin/env bash
# Install only what is missing: Debian packages (when dpkg says they are absent) and a .venv
# with --system-site-packages for the pip extras. Re-runs in well under a second when complete.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(qgis python3-qgis qgis-providers python3-gdal xvfb xauth pyqt5-dev-tools
  qttools5-dev-tools python3-pandas python3-shapely python3-numpy python3-scipy python3-pytest
  python3-venv poppler-utils zip unzip)

missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if ((${#missing[@]})); then
  echo "deps: installing Debian packages: ${missing[*]}"
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# The venv is rebuilt only when the requirement files change (stamp file).
stamp=.venv/.installed
if [ ! -x .venv/bin/python ]; then
  /usr/bin/python3 -m venv --system-site-packages .venv
fi
if [ ! -f "$stamp" ] || [ requirements-dev.txt -nt "$stamp" ] || [ constraints.txt -nt "$stamp" ]; then
  echo "deps: installing pip extras into .venv"
  .venv/bin/python -m pip install -q --disable-pip-version-check -c constraints.txt -r requirements-dev.txt
  touch "$stamp"
fi
