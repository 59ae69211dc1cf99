#!/bin/sh
# tests/cli/golden_parse.sh: runs the `dyad parse` golden cases
# (tests/golden/parse/NAME.txt against NAME.expected) through the generic
# runner, which prints PASS/FAIL/SKIP lines for tests/run.sh to count.
sh "$(dirname "$0")/../golden/run.sh" parse
