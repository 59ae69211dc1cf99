#!/bin/sh
# One command from a fresh Debian machine: install the packages, build, and
# code the bundled example article into events.
set -e
cd "$(dirname "$0")/.."
sh scripts/deps.sh
make -j"$(nproc)"
build/dyad code examples/xi-moscow.txt
