#!/usr/bin/env bash
# Install only what is missing: Debian packages (when dpkg says they are absent) and a .venv
# with --system-site-packages for the pip extras. Re-runs in well under a second when complete.
set -euo pipefail
cd "$(dirname "$0")/.."

# e2fsprogs: chattr, for the tests of outputs that cannot be written (root ignores file modes);
# a minimal Debian 13 does not have it. python3-openpyxl: the appendix's XLSX with "·" cells and
# number formats (optional for the plugin, which falls back to GDAL; the tests read both).
APT_PACKAGES=(qgis python3-qgis qgis-providers python3-gdal xvfb xauth pyqt5-dev-tools
  qttools5-dev-tools python3-pandas python3-shapely python3-numpy python3-scipy python3-pytest
  python3-venv poppler-utils zip unzip e2fsprogs python3-openpyxl)

# PostgreSQL + PostGIS for the tests' private server (scripts/pg_cluster.sh): Debian's own major
# version (12: 15, 13: 17); the machine's own cluster is never used or started.
case "$(cut -d. -f1 /etc/debian_version 2>/dev/null)" in
  12) PG_MAJOR=15 ;;
  13) PG_MAJOR=17 ;;
  *) PG_MAJOR=$(apt-cache depends postgresql 2>/dev/null | sed -n 's/.*Depends: postgresql-\([0-9]*\)$/\1/p' | head -1) ;;
esac
if [ -n "${PG_MAJOR:-}" ]; then
  APT_PACKAGES+=("postgresql-$PG_MAJOR" "postgresql-$PG_MAJOR-postgis-3")
fi

missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if ((${#missing[@]})); then
  echo "deps: installing Debian packages: ${missing[*]}"
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  $SUDO apt-get update -qq
  # No service may start from a package's install script (Debian's postgresql would start its own
  # cluster): the usual policy-rc.d, only while installing and only if the machine has none.
  policy=""
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    policy=/usr/sbin/policy-rc.d
    printf '#!/bin/sh\nexit 101\n' | $SUDO tee "$policy" >/dev/null && $SUDO chmod +x "$policy"
  fi
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
    || { [ -z "$policy" ] || $SUDO rm -f "$policy"; exit 1; }
  [ -z "$policy" ] || $SUDO rm -f "$policy"
fi

# QGIS's Python is the system's: a .venv made by another Python (Debian 12's 3.11 after an upgrade
# to 13's 3.13) cannot load QGIS, so it is made anew.
system_py=$(/usr/bin/python3 -c 'import platform; print(platform.python_version())')
if [ -d .venv ] && [ "$(.venv/bin/python -c 'import platform; print(platform.python_version())' 2>/dev/null)" != "$system_py" ]; then
  echo "deps: .venv was made by another Python than /usr/bin/python3 $system_py: making it anew"
  rm -rf .venv
fi
if [ ! -x .venv/bin/python ]; then
  /usr/bin/python3 -m venv --system-site-packages .venv
fi

# Pins taken from the system, not written down: every distribution /usr/bin/python3 has, at the
# version it has. pip must never replace a Debian build (numpy 2 over Debian 12's numpy 1.24
# breaks osgeo.gdal_array; a pin to 12's numpy on Debian 13 makes pip try to build it from source).
constraints=.venv/constraints.txt
/usr/bin/python3 - > "$constraints.new" <<'PY'
import importlib.metadata as md
import re
import sys

pep440 = re.compile(r"\d+(\.\d+)*((a|b|rc)\d+)?(\.post\d+)?(\.dev\d+)?(\+[a-z0-9]+([._][a-z0-9]+)*)?", re.I)
pins = {}
for dist in md.distributions():  # sys.path order: the first of a name is the one imported
    key = re.sub(r"[-_.]+", "-", dist.metadata["Name"] or "").lower()
    if key and key not in pins and key not in ("pip", "setuptools", "wheel"):
        pins[key] = f"{key}=={dist.version}" if pep440.fullmatch(dist.version or "") else None
print(f"# made by scripts/deps.sh from /usr/bin/python3 {sys.version.split()[0]}: its own packages")
print("\n".join(sorted(p for p in pins.values() if p)))
PY
mv "$constraints.new" "$constraints"

# The extras are installed again when the requirements, the system's packages or Python change.
stamp=.venv/.installed
want=$(cat requirements-dev.txt "$constraints" | sha256sum | cut -d' ' -f1)
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  echo "deps: installing pip extras into .venv (pins: $(grep -cv '^#' "$constraints") system packages)"
  # Wheels only: a missing wheel is an error in seconds, not a compiler run that fails later.
  .venv/bin/python -m pip install -q --disable-pip-version-check --only-binary=:all: \
    -c "$constraints" -r requirements-dev.txt
  echo "$want" > "$stamp"
fi
