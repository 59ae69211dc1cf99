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
  time wrk ca-certificates curl
# Node.js and npm build the gazetteer and the dashboard. Machines that
# already have a Node.js (for example from NodeSource, whose nodejs package
# bundles npm and conflicts with Debian's npm) keep it.
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  $SUDO apt-get install -y -q --no-install-recommends nodejs npm
fi
# Headless Chromium for the dashboard's browser test.
$SUDO apt-get install -y -q --no-install-recommends chromium || \
  echo "deps: chromium not installed; the browser test will skip"
