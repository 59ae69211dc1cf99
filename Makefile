# dyad: plain Makefile. See README.md.
#   make            library, command and generated data
#   make test       unit + golden + CLI tests (SAN=1: with ASan/UBSan)
#   make bench      benchmarks (never part of make test)
#   make fuzz       libFuzzer targets, run briefly (FUZZ_SECONDS=N)
#   make install PREFIX=/usr/local
PREFIX ?= /usr/local
CC ?= cc
SHARED ?= $(abspath $(CURDIR)/../shared)
BUILD ?= build
ifeq ($(SAN),1)
BUILD := build-san
SANFLAGS := -fsanitize=address,undefined -fno-sanitize-recover=undefined
OPT ?= -O1 -g
else
OPT ?= -O2 -g
endif
DATADIR_BUILTIN ?= $(CURDIR)/data:$(CURDIR)/$(BUILD)/data

WARN := -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
        -Wundef -Wno-unused-parameter -Wno-format-truncation -Werror
CFLAGS ?= $(OPT)
ALL_CFLAGS := -std=c11 -D_DEFAULT_SOURCE -D_POSIX_C_SOURCE=200809L \
  -fno-omit-frame-pointer $(WARN) $(SANFLAGS) -Iinclude -Isrc $(CFLAGS)
LDLIBS := -lutf8proc -lcjson -lsqlite3 -lpq -lmicrohttpd -lz -lpcre2-8 \
  -lpthread -lm
PQINC := $(shell pg_config --includedir 2>/dev/null || echo /usr/include/postgresql)
ALL_CFLAGS += -I$(PQINC)

LIB_SRC := $(sort $(shell find src -name '*.c'))
LIB_OBJ := $(LIB_SRC:%.c=$(BUILD)/%.o)
CLI_SRC := $(sort $(wildcard cli/*.c))
CLI_OBJ := $(CLI_SRC:%.c=$(BUILD)/%.o)
SERVER_SRC := $(sort $(wildcard server/*.c))
SERVER_OBJ := $(SERVER_SRC:%.c=$(BUILD)/%.o)
TEST_SRC := $(sort $(wildcard tests/unit/test_*.c))
TEST_BIN := $(TEST_SRC:tests/unit/%.c=$(BUILD)/tests/%)
BENCH_SRC := $(sort $(wildcard bench/*.c))
BENCH_BIN := $(BENCH_SRC:bench/%.c=$(BUILD)/bench/%)
FUZZ_SRC := $(sort $(wildcard tests/fuzz/fuzz_*.c))
GEN := $(sort $(wildcard tools/gen-*.sh tools/*.c tools/*.py tools/gazetteer/*.js \
  tools/gazetteer/*.tsv tools/gazetteer/package-lock.json))

.PHONY: all test bench fuzz install clean data golden-update check-style web
# The dashboard (web/dist) is built when node and npm are present (WEB=0: never).
WEB ?= $(shell command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 && echo 1)
all: $(BUILD)/dyad data $(if $(filter 1,$(WEB)),web)

$(BUILD)/%.o: %.c $(wildcard include/*.h) $(shell find src -name '*.h')
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -DDYAD_DATADIR='"$(DATADIR_BUILTIN)"' -c $< -o $@

$(BUILD)/libdyad.a: $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(BUILD)/dyad: $(CLI_OBJ) $(SERVER_OBJ) $(BUILD)/libdyad.a
	$(CC) $(ALL_CFLAGS) $(CLI_OBJ) $(SERVER_OBJ) $(BUILD)/libdyad.a $(LDLIBS) -o $@
$(SERVER_OBJ) $(BUILD)/cli/cmd_serve.o: $(wildcard server/*.h)

# The dashboard: npm packages pinned by web/package-lock.json, bundled by
# web/build.mjs (esbuild) into web/dist, which `dyad serve` serves.
web: web/dist/index.html
web/dist/index.html: web/package-lock.json web/build.mjs $(wildcard web/src/*)
	cd web && { [ -d node_modules ] && [ node_modules/.package-lock.json -nt package-lock.json ] || npm ci --no-audit --no-fund; } && node build.mjs

# Generated data (lexicon from WordNet, country names from iso-codes, ...):
# every tools/gen-*.sh is run with the output folder as its argument.
data: $(BUILD)/data/.stamp
$(BUILD)/data/.stamp: $(GEN)
	@mkdir -p $(BUILD)/data
	@for g in $(wildcard tools/gen-*.sh); do \
	  echo "gen $$g"; sh $$g $(BUILD)/data "$(CC)" || exit 1; done
	@touch $@

$(BUILD)/tests/%: tests/unit/%.c $(BUILD)/libdyad.a tests/unit/testutil.h
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -Itests/unit $< $(BUILD)/libdyad.a -lcmocka $(LDLIBS) -o $@

test: all $(TEST_BIN)
	@DYAD_DATA="$(DATADIR_BUILTIN)" DYAD_SHARED="$(SHARED)" \
	  DYAD_BIN="$(CURDIR)/$(BUILD)/dyad" BUILD="$(BUILD)" \
	  sh tests/run.sh $(TEST_BIN)

golden-update: all
	DYAD_DATA="$(DATADIR_BUILTIN)" DYAD_BIN="$(CURDIR)/$(BUILD)/dyad" \
	  sh tests/golden/run.sh --update

$(BUILD)/bench/%: bench/%.c $(BUILD)/libdyad.a
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $< $(BUILD)/libdyad.a $(LDLIBS) -o $@

bench: all $(BENCH_BIN)
	@DYAD_DATA="$(DATADIR_BUILTIN)" DYAD_SHARED="$(SHARED)" \
	  DYAD_BIN="$(CURDIR)/$(BUILD)/dyad" BUILD="$(BUILD)" sh bench/run.sh

FUZZ_SECONDS ?= 20
FUZZ_BUILD := build-fuzz
fuzz: data
	@mkdir -p $(FUZZ_BUILD)
	@for f in $(FUZZ_SRC); do n=$$(basename $$f .c); \
	  clang -std=c11 -D_DEFAULT_SOURCE -D_POSIX_C_SOURCE=200809L -g -O1 \
	    -DDYAD_DEBUG -fsanitize=fuzzer,address,undefined -Iinclude -Isrc \
	    -I$(PQINC) -DDYAD_DATADIR='"$(DATADIR_BUILTIN)"' \
	    $$f $(LIB_SRC) $(LDLIBS) -o $(FUZZ_BUILD)/$$n || exit 1; \
	  mkdir -p $(FUZZ_BUILD)/corpus-$$n; \
	  seeds=tests/fuzz/seeds/$$n; [ -d $$seeds ] || seeds=; \
	  echo "fuzz $$n for $(FUZZ_SECONDS)s"; \
	  $(FUZZ_BUILD)/$$n -max_total_time=$(FUZZ_SECONDS) -max_len=65536 \
	    -print_final_stats=0 $(FUZZ_BUILD)/corpus-$$n $$seeds \
	    > $(FUZZ_BUILD)/$$n.log 2>&1 || { tail -40 $(FUZZ_BUILD)/$$n.log; exit 1; }; \
	done; echo "fuzz: all targets ran clean"

install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/dyad \
	  $(DESTDIR)$(PREFIX)/include $(DESTDIR)$(PREFIX)/lib
	$(MAKE) DATADIR_BUILTIN=$(PREFIX)/share/dyad BUILD=build-install $(BUILD_INSTALL_TARGETS) build-install/dyad build-install/data/.stamp
	install -m 755 build-install/dyad $(DESTDIR)$(PREFIX)/bin/dyad
	install -m 644 include/dyad.h $(DESTDIR)$(PREFIX)/include/dyad.h
	install -m 644 build-install/libdyad.a $(DESTDIR)$(PREFIX)/lib/libdyad.a
	cp -R data/. build-install/data/. $(DESTDIR)$(PREFIX)/share/dyad/
	if [ -f web/dist/index.html ]; then mkdir -p $(DESTDIR)$(PREFIX)/share/dyad/web && cp -R web/dist/. $(DESTDIR)$(PREFIX)/share/dyad/web/; fi
	rm -f $(DESTDIR)$(PREFIX)/share/dyad/.stamp

check-style:
	clang-format --dry-run --Werror $(LIB_SRC) $(CLI_SRC) include/dyad.h

clean:
	rm -rf build build-san build-fuzz build-install
