#!/usr/bin/env bash
# Install the Debian packages listed in system-packages.txt (bubblewrap for the grading
# sandbox, chromium for the browser test) when they are missing and we may use apt.
# Without root or apt, say what is missing and carry on: the tests that need them skip.
set -euo pipefail
cd "$(dirname "$0")/.."
missing=()
while read -r package command; do
  [[ -z "$package" || "$package" == \#* ]] && continue
  command -v "$command" >/dev/null 2>&1 || missing+=("$package")
done < system-packages.txt
[[ ${#missing[@]} -eq 0 ]] && exit 0
if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing system packages: ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "WARNING: missing system packages (${missing[*]}); install them with your package manager." >&2
fi
