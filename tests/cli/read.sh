#!/bin/sh
# tests/cli/read.sh: `dyad parse` on bad input: each bad record gives one
# git-style line on stderr, the good records around it still go through,
# and the exit status is 1 (0 when every record is good).
set -u
: "${DYAD_BIN:?}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1

# check NAME WANT_RC WANT_STDERR_FILE ARGS...: runs dyad parse ARGS
check() {
  name=$1; want_rc=$2; want=$3; shift 3
  "$DYAD_BIN" parse "$@" >out 2>err </dev/null
  rc=$?
  if [ "$rc" -eq "$want_rc" ] && diff -u "$want" err >diff.txt; then
    echo "PASS $name"
  else
    echo "FAIL $name (rc $rc, want $want_rc)"; cat diff.txt
  fi
}

good='{"id":"g%d","date":"2023-03-22","text":"Xi met Putin in Moscow."}\n'

# JSON Lines: malformed, missing date, impossible date, truncated last line
{ printf "$good" 1
  printf '{"id":"b2" "date":"2023-03-22","text":"x"}\n'
  printf '{"id":"reuters-12","text":"x"}\n'
  printf '{"id":"b4","date":"2023-02-30","text":"x"}\n'
  printf "$good" 5
  printf '{"id":"b6","date":"2023-03-22","text":"trunc'
} >bad.jsonl
cat >want <<'W'
dyad: bad.jsonl:2: malformed json: expected ',' or '}' at column 12
dyad: bad.jsonl:3 (id reuters-12): missing date
dyad: bad.jsonl:4 (id b4): impossible date '2023-02-30'
dyad: bad.jsonl:6: malformed json: unexpected end of line (truncated record?) at column 45
W
check jsonl_bad_records 1 want bad.jsonl
if grep -q g1 out && grep -q g5 out && ! grep -q b4 out
then echo "PASS jsonl_good_records_output"
else echo "FAIL jsonl_good_records_output"; head -5 out; fi

# invalid UTF-8 and a NUL byte inside a line
{ printf "$good" 1
  printf '{"id":"u","date":"2023-03-22","text":"caf\351"}\n'
  printf "$good" 3; } >utf.jsonl
printf 'dyad: utf.jsonl:2: invalid utf-8 at column 42\n' >want
check jsonl_invalid_utf8 1 want utf.jsonl

# a 50 MB line is skipped, the next record still comes out
{ printf "$good" 1
  printf '{"id":"huge","date":"2023-03-22","text":"'
  head -c 52428800 /dev/zero | tr '\0' x
  printf '"}\n'
  printf "$good" 3; } >big.jsonl
printf 'dyad: big.jsonl:2: record too large (over 16777216 bytes)\n' >want
check jsonl_50mb_line 1 want big.jsonl

# dated text: impossible date, no header, header only
printf ' date 2023-02-30 Xi left Moscow.\n' >d.txt
printf "dyad: d.txt:1 (id d.txt): impossible date '2023-02-30'\n" >want
check text_impossible_date 1 want d.txt
printf 'Xi left Moscow.\n' >nodate.txt
printf "dyad: nodate.txt:1 (id nodate.txt): missing date (no 'date YYYY-MM-DD' header)\n" >want
check text_missing_date 1 want nodate.txt
: >want
check text_default_date 0 want --date 2023-03-22 nodate.txt

# whole files: empty, binary, missing
: >e.txt
printf 'dyad: e.txt: empty file\n' >want
check empty_file 1 want e.txt
head -c 3000 /dev/urandom >b.bin; printf '\000' >>b.bin
printf 'dyad: b.bin: binary data, not text\n' >want
check binary_file 1 want b.bin
printf "dyad: cannot open 'missing.jsonl': No such file or directory\n" >want
check missing_file 1 want missing.jsonl

# PETRARCH XML with a bad record between good ones
cat >s.xml <<'X'
<Sentences>
<!-- <Sentence id="c" date="20230101"><Text>commented</Text></Sentence> -->
<Sentence date = "20230322" id ='S1'><Text>Xi met Putin.</Text></Sentence>
<Sentence date="20230230" id="S2"><Text>x</Text></Sentence>
<Sentence date="20230322" id="S3"><Text>Putin met Xi.</Text></Sentence>
</Sentences>
X
printf "dyad: s.xml:4 (id S2): impossible date '20230230'\n" >want
check xml_bad_record 1 want s.xml

# a folder: files in sorted order, errors in that order
mkdir dir dir/sub
printf "$good" 1 >dir/a.jsonl
printf 'date 2023-03-22 Text.\n' >dir/b.txt
: >dir/sub/c.txt
printf 'date 2023-03-22 hidden\n' >dir/.hidden.txt
printf 'dyad: dir/sub/c.txt: empty file\n' >want
check folder 1 want dir

# standard input, all good
: >want
printf "$good$good" 1 2 | "$DYAD_BIN" parse - >out 2>err
rc=$?
if [ "$rc" -eq 0 ] && diff -u want err >/dev/null; then echo "PASS stdin"
else echo "FAIL stdin (rc $rc)"; cat err; fi
# gzip-compressed input, from a file and from standard input
if command -v gzip >/dev/null 2>&1; then
  printf "$good$good" 1 2 | gzip -c >g.jsonl.gz
  : >want
  check gzip_file 0 want g.jsonl.gz
  "$DYAD_BIN" parse --json - <g.jsonl.gz >out 2>err
  rc=$?
  if [ "$rc" -eq 0 ] && [ ! -s err ] && [ "$(grep -c '"g2"' out)" -ge 1 ]
  then echo "PASS gzip_stdin"
  else echo "FAIL gzip_stdin (rc $rc)"; cat err; fi
else
  echo "SKIP gzip_file"; echo "SKIP gzip_stdin"
fi
exit 0
