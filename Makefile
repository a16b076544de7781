# budget: a terminal browser for Chinese department budget disclosures.
#
#   make            build ./budget (never installs anything)
#   make deps       install the build and test packages (Debian: apt-get)
#   make run        deps, build, open data/budget.yaml
#   make test       deps, build, run every test; one summary line at the end
#
# Honours CC, CPPFLAGS, CFLAGS, LDFLAGS, PKG_CONFIG, PREFIX, DESTDIR, MANPREFIX.

VERSION    = 0.2.0
PREFIX    ?= /usr/local
BINDIR    ?= $(PREFIX)/bin
MANPREFIX ?= $(PREFIX)/share/man
DATADIR   ?= $(PREFIX)/share/budget
DESTDIR   ?=
# Where --help says to report bugs; packagers set their own.
BUG_REPORT ?= the issue tracker of the repository this copy came from

CC         ?= cc
PKG_CONFIG ?= pkg-config
CFLAGS     ?= -O2 -g
CPPFLAGS   ?=
LDFLAGS    ?=
WARN        = -std=c11 -Wall -Wextra -Wshadow -Wstrict-prototypes
DEFS        = -D_POSIX_C_SOURCE=200809L -Isrc -I$(O)

# O is the build folder and BIN the program; sanitizer builds use their own
# (make asan), so they never replace ./budget.
O   ?= build
BIN ?= budget

# Recursively expanded on purpose: pkg-config is asked only when a recipe
# runs, after `libs` has made sure it can answer.
YAML_CFLAGS   = $(shell $(PKG_CONFIG) --cflags yaml-0.1)
YAML_LIBS     = $(shell $(PKG_CONFIG) --libs yaml-0.1)
CURSES_CFLAGS = $(shell $(PKG_CONFIG) --cflags ncursesw)
CURSES_LIBS   = $(shell $(PKG_CONFIG) --libs ncursesw)
CMOCKA        = $(shell $(PKG_CONFIG) --cflags --libs cmocka)

# Debian package names: what the build needs, and what the tests add.
BUILD_PACKAGES = pkg-config libncurses-dev libyaml-dev
TEST_PACKAGES  = libcmocka-dev tmux python3

DOC_SRC    = $(wildcard src/doc/*.c)
REPORT_SRC = $(wildcard src/report/*.c)
BROWSE_SRC = $(wildcard src/browse/*.c)
CORE_SRC   = $(DOC_SRC) $(REPORT_SRC) $(BROWSE_SRC)
UI_SRC     = $(wildcard ui/*.c)
CORE_OBJ   = $(CORE_SRC:%.c=$(O)/%.o)
UI_OBJ     = $(UI_SRC:%.c=$(O)/%.o)
UNIT_SRC   = $(wildcard tests/unit/test_*.c)
UNIT_BIN   = $(UNIT_SRC:tests/unit/%.c=$(O)/tests/%)

.PHONY: all libs test-libs deps run test test-run unit check-layers bench fuzz \
        asan valgrind install uninstall distcheck clean FORCE

all: $(BIN)

# Stop with one clear line when a library is missing; never install here.
libs:
	@sh tests/need.sh build "$(PKG_CONFIG)" "$(BUILD_PACKAGES)"

test-libs: libs
	@sh tests/need.sh test "$(PKG_CONFIG)" "$(TEST_PACKAGES)"

# The one target that installs packages: with apt-get (through sudo when
# not root), and only what is missing; elsewhere it says what to install.
deps:
	@sh tests/need.sh install "$(PKG_CONFIG)" "$(BUILD_PACKAGES) $(TEST_PACKAGES)"

$(O)/src/%.o: src/%.c | libs
	@mkdir -p $(@D)
	$(CC) $(WARN) $(DEFS) $(CPPFLAGS) $(CFLAGS) $(YAML_CFLAGS) -MMD -MP -c $< -o $@

$(O)/ui/%.o: ui/%.c $(O)/config.h | libs
	@mkdir -p $(@D)
	$(CC) $(WARN) $(DEFS) $(CPPFLAGS) $(CFLAGS) $(YAML_CFLAGS) $(CURSES_CFLAGS) \
		-MMD -MP -c $< -o $@

# Version and data directory, rewritten only when they change, so that
# `make install PREFIX=/usr` rebuilds what depends on them.
$(O)/config.h: FORCE
	@mkdir -p $(O)
	@printf '#define BUDGET_VERSION "%s"\n#define BUDGET_DATADIR "%s"\n#define BUDGET_BUGS "%s"\n' \
		'$(VERSION)' '$(DATADIR)' '$(BUG_REPORT)' >$@.tmp
	@cmp -s $@.tmp $@ && rm -f $@.tmp || mv $@.tmp $@

FORCE:

$(O)/libbudget.a: $(CORE_OBJ)
	$(AR) rcs $@ $^

$(BIN): $(UI_OBJ) $(O)/libbudget.a
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(UI_OBJ) $(O)/libbudget.a $(CURSES_LIBS) $(YAML_LIBS)

$(O)/tests/%: tests/unit/%.c $(O)/libbudget.a | test-libs
	@mkdir -p $(@D)
	$(CC) $(WARN) $(DEFS) $(CPPFLAGS) $(CFLAGS) $(YAML_CFLAGS) -MMD -MP -MF $@.d \
		-o $@ $< $(O)/libbudget.a $(YAML_LIBS) $(CMOCKA) $(LDFLAGS)

run: deps
	@$(MAKE) --no-print-directory $(BIN)
	./$(BIN) data/budget.yaml

# A fresh make after deps, so that pkg-config is asked once it is installed.
test: deps
	@$(MAKE) --no-print-directory test-run

test-run: $(BIN) $(UNIT_BIN)
	@BUDGET=./$(BIN) UNIT="$(UNIT_BIN)" sh tests/run.sh

unit: $(UNIT_BIN)
	@set -e; for t in $(UNIT_BIN); do ./$$t; done

# Each layer includes only the layers below it: doc < report < browse < ui,
# and nothing under src/ includes curses.
check-layers:
	@sh tests/layers.sh

ASAN = -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer
asan:
	@$(MAKE) --no-print-directory O=build/asan BIN=build/asan/budget \
		CFLAGS="$(ASAN)" LDFLAGS="$(ASAN)" test-run

VALGRIND = valgrind --leak-check=full --errors-for-leak-kinds=definite,indirect \
           --error-exitcode=1 -q
valgrind: $(BIN) $(UNIT_BIN)
	$(VALGRIND) ./$(BIN) --print=all data/budget.yaml >/dev/null
	$(VALGRIND) ./$(BIN) --check data/budget.yaml >/dev/null
	$(VALGRIND) ./$(BIN) --print=all --compare=tests/fixtures/prior-2019.yaml >/dev/null
	$(VALGRIND) ./$(BIN) --print=all --format=csv --compare >/dev/null
	$(VALGRIND) ./$(BIN) data/ --print=all --compare >/dev/null
	$(VALGRIND) ./$(BIN) data/ --check --compare >/dev/null
	$(VALGRIND) ./$(BIN) --print=all --format=csv data/ >/dev/null
	@set -e; for t in $(UNIT_BIN); do $(VALGRIND) ./$$t >/dev/null 2>&1 || \
		{ echo "valgrind: $$t"; exit 1; }; done
	BUDGET_E2E_VALGRIND=1 sh tests/e2e.sh

# Coverage-guided fuzzing with libFuzzer (clang): one target for the
# loader and all that reads its documents, one for the browser's keys.
# Each runs FUZZ_TIME seconds (default 60) on its corpus in build/fuzz,
# seeded from the real documents and tests/hostile; whatever crashes is
# written to build/fuzz/found-* (add it to tests/hostile).
FUZZ_CC    = clang
FUZZ_FLAGS = -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer \
             -fno-sanitize-recover=all
FUZZ_TIME ?= 60
fuzz: | libs
	@sh tests/need.sh fuzz "$(PKG_CONFIG)" "clang"
	@$(MAKE) --no-print-directory O=build/fuzz CC=$(FUZZ_CC) \
		CFLAGS="$(FUZZ_FLAGS) -fsanitize=fuzzer-no-link" build/fuzz/libbudget.a
	$(FUZZ_CC) $(WARN) $(DEFS) $(FUZZ_FLAGS) -fsanitize=fuzzer $(YAML_CFLAGS) \
		tests/fuzz/fuzz_loader.c build/fuzz/libbudget.a $(YAML_LIBS) -o build/fuzz/fuzz_loader
	$(FUZZ_CC) $(WARN) $(DEFS) $(FUZZ_FLAGS) -fsanitize=fuzzer $(YAML_CFLAGS) \
		tests/fuzz/fuzz_keys.c build/fuzz/libbudget.a $(YAML_LIBS) -o build/fuzz/fuzz_keys
	@mkdir -p build/fuzz/corpus-loader build/fuzz/corpus-keys
	@cp data/budget.yaml data/jiangsu/*.yaml tests/fixtures/*.yaml tests/fixtures/*/*.yaml \
		tests/hostile/*.yaml build/fuzz/corpus-loader/
	@printf '\t*jjjl:2010301\n/信息\n>>><<<c{}s%%S!' >build/fuzz/corpus-keys/seed
	build/fuzz/fuzz_loader -max_total_time=$(FUZZ_TIME) -max_len=65536 -timeout=10 \
		-rss_limit_mb=2048 -artifact_prefix=build/fuzz/found-loader- build/fuzz/corpus-loader
	build/fuzz/fuzz_keys -max_total_time=$(FUZZ_TIME) -max_len=4096 -timeout=10 \
		-artifact_prefix=build/fuzz/found-keys- build/fuzz/corpus-keys
	BUDGET_FUZZ_DOC=data/ build/fuzz/fuzz_keys -max_total_time=$(FUZZ_TIME) -max_len=4096 \
		-timeout=10 -artifact_prefix=build/fuzz/found-set-keys- build/fuzz/corpus-keys

bench: $(BIN)
	@sh tests/bench/run.sh

install: $(BIN)
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANPREFIX)/man1 \
		$(DESTDIR)$(MANPREFIX)/man5 $(DESTDIR)$(DATADIR)
	install -m 755 $(BIN) $(DESTDIR)$(BINDIR)/budget
	install -m 644 man/budget.1 $(DESTDIR)$(MANPREFIX)/man1/budget.1
	install -m 644 man/budget.yaml.5 $(DESTDIR)$(MANPREFIX)/man5/budget.yaml.5
	install -m 644 data/budget.yaml $(DESTDIR)$(DATADIR)/budget.yaml

# Removes what install put there, and the folders it made once they are empty.
uninstall:
	rm -f $(DESTDIR)$(BINDIR)/budget $(DESTDIR)$(MANPREFIX)/man1/budget.1 \
		$(DESTDIR)$(MANPREFIX)/man5/budget.yaml.5 $(DESTDIR)$(DATADIR)/budget.yaml
	-rmdir $(DESTDIR)$(DATADIR) $(DESTDIR)$(MANPREFIX)/man1 \
		$(DESTDIR)$(MANPREFIX)/man5 2>/dev/null

# A staged install, run from another folder, then removed again.
distcheck:
	@sh tests/install.sh

clean:
	rm -rf build budget

-include $(CORE_OBJ:.o=.d) $(UI_OBJ:.o=.d) $(UNIT_BIN:=.d)
