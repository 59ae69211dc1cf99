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
  wordnet-base iso-codes nodejs npm \
  time wrk ca-certificates
