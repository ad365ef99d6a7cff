#!/usr/bin/env bash
# Installs the system packages netnotes needs on Debian or Ubuntu: Chromium prints the PDFs,
# Liberation fonts keep charts, pages and PDFs in one typeface, poppler-utils checks the PDFs,
# iperf/iperf3, iproute2, iptables and procps (sysctl) let `netnotes measure` and its tests run, pandas is the
# benchmark's reference. Uses sudo when not run as root; installs nothing already present.
set -euo pipefail

packages=(chromium fonts-liberation poppler-utils iperf iperf3 iproute2 iptables procps python3-pandas)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "system packages already installed"
  exit 0
fi

sudo=()
[ "$(id -u)" -eq 0 ] || sudo=(sudo)
echo "installing ${missing[*]}"
"${sudo[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
