#!/bin/sh
# Installs every Debian package dyad needs to build, test and benchmark.
# Used by the README's setup command and by .ci/run. Safe to run twice.
set -e
SUDO=
[ "$(id -u)" = 0 ] || SUDO=sudo
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends \
  build-essential make pkg-config clang libclang-rt-dev \
  libcmocka-dev libcjson-dev libutf8proc-dev libpcre2-dev \
  libsqlite3-dev sqlite3 libpq-dev postgresql \
  libmicrohttpd-dev zlib1g-dev \
  wordnet-base iso-codes \
  time wrk ca-certificates curl chromium
# node and npm build the dashboard (web/) and run its browser test; Debian's
# own packages unless a node with npm is already installed (e.g. NodeSource).
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  $SUDO apt-get install -y -q --no-install-recommends nodejs npm
fi
