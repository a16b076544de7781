# budget: a terminal browser for Chinese department budget disclosures.
# `make run` and `make test` install what they need (Debian packages) first.

VERSION   = 0.1.0
PREFIX   ?= /usr/local
BINDIR   ?= $(PREFIX)/bin
MANPREFIX ?= $(PREFIX)/share/man
DATADIR  ?= $(PREFIX)/share/budget
DESTDIR  ?=

CC       ?= cc
CFLAGS   ?= -O2 -g
WARN      = -std=c11 -Wall -Wextra -Wshadow -Wstrict-prototypes
DEFS      = -D_POSIX_C_SOURCE=200809L

# Recursively expanded on purpose: pkg-config is asked only when a recipe
# runs, which is after `deps` has installed it.
PKG_CFLAGS = $(shell pkg-config --cflags ncursesw yaml-0.1)
PKG_LIBS   = $(shell pkg-config --libs ncursesw yaml-0.1)
CORE_LIBS  = $(shell pkg-config --libs yaml-0.1)
CMOCKA     = $(shell pkg-config --cflags --libs cmocka)

DEB_PACKAGES = pkg-config libncurses-dev libyaml-dev libcmocka-dev tmux python3

B = build
CORE_SRC = $(wildcard src/*.c)
UI_SRC   = $(wildcard ui/*.c)
CORE_OBJ = $(CORE_SRC:%.c=$(B)/%.o)
UI_OBJ   = $(UI_SRC:%.c=$(B)/%.o)
UNIT_SRC = $(wildcard tests/unit/test_*.c)
UNIT_BIN = $(UNIT_SRC:tests/unit/%.c=$(B)/tests/%)

.PHONY: FORCE all deps run test unit golden check-layers bench fuzz asan valgrind \
        install uninstall clean

all: budget

# Install missing build and test packages with apt-get (sudo when not root).
deps:
	@if ! command -v pkg-config >/dev/null 2>&1 || \
	    ! pkg-config --exists ncursesw yaml-0.1 cmocka || \
	    ! command -v tmux >/dev/null 2>&1 || ! command -v python3 >/dev/null 2>&1; then \
		echo "installing build packages: $(DEB_PACKAGES)"; \
		SUDO=; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
		$$SUDO apt-get update -qq && \
		$$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(DEB_PACKAGES); \
	fi

$(B)/src/%.o: src/%.c | deps
	@mkdir -p $(@D)
	$(CC) $(WARN) $(DEFS) $(CFLAGS) $(shell pkg-config --cflags yaml-0.1) -MMD -MP -c $< -o $@

$(B)/ui/%.o: ui/%.c $(B)/config.h | deps
	@mkdir -p $(@D)
	$(CC) $(WARN) $(DEFS) $(CFLAGS) $(PKG_CFLAGS) -Isrc -I$(B) -MMD -MP -c $< -o $@

# Version and data directory, rewritten only when they change, so that
# `make install PREFIX=/usr` rebuilds what depends on them.
$(B)/config.h: FORCE
	@mkdir -p $(B)
	@printf '#define BUDGET_VERSION "%s"\n#define BUDGET_DATADIR "%s"\n' \
		'$(VERSION)' '$(DATADIR)' >$@.tmp
	@cmp -s $@.tmp $@ && rm -f $@.tmp || mv $@.tmp $@

FORCE:

$(B)/libbudget.a: $(CORE_OBJ)
	$(AR) rcs $@ $^

budget: $(UI_OBJ) $(B)/libbudget.a
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(UI_OBJ) $(B)/libbudget.a $(PKG_LIBS)

$(B)/tests/%: tests/unit/%.c $(B)/libbudget.a | deps
	@mkdir -p $(@D)
	$(CC) $(WARN) $(DEFS) $(CFLAGS) -Isrc -MMD -MP -MF $@.d -o $@ $< $(B)/libbudget.a \
		$(CORE_LIBS) $(CMOCKA)

run: budget
	./budget data/budget.yaml

test: budget $(UNIT_BIN) check-layers
	@set -e; for t in $(UNIT_BIN); do echo "== $$t"; ./$$t; done
	@set -e; for s in tests/*.sh; do echo "== $$s"; sh $$s; done

unit: $(UNIT_BIN)
	@set -e; for t in $(UNIT_BIN); do ./$$t; done

golden: budget
	@sh tests/golden.sh

# The core never includes curses; the front end is the only place it appears.
check-layers:
	@if grep -ln 'curses' src/*.c src/*.h | xargs -r grep -l '#include.*curses' ; then \
		echo "src/ includes curses: the core must not"; exit 1; fi
	@if grep -l '#include *"\.\./ui' src/*.c src/*.h; then \
		echo "src/ includes ui/: the core must not depend on the front end"; exit 1; fi

asan:
	$(MAKE) clean
	$(MAKE) test CFLAGS="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer"

VALGRIND = valgrind --leak-check=full --errors-for-leak-kinds=definite,indirect \
           --error-exitcode=1 -q
valgrind: budget $(UNIT_BIN)
	$(VALGRIND) ./budget --print=all data/budget.yaml >/dev/null
	$(VALGRIND) ./budget --check data/budget.yaml >/dev/null
	$(VALGRIND) ./budget --print=all --compare=tests/fixtures/prior-2019.yaml >/dev/null
	$(VALGRIND) ./budget --print=all --format=csv --compare >/dev/null
	@set -e; for t in $(UNIT_BIN); do $(VALGRIND) ./$$t >/dev/null 2>&1 || \
		{ echo "valgrind: $$t"; exit 1; }; done
	BUDGET_E2E_VALGRIND=1 sh tests/e2e.sh

# Random mutants of the data file against AddressSanitizer builds of the
# program and of the browser's logic driven by random keys.
ASAN = -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer
fuzz: $(B)/config.h | deps
	$(CC) $(WARN) $(DEFS) $(ASAN) -Isrc -I$(B) $(PKG_CFLAGS) src/*.c ui/*.c \
		-o $(B)/budget-asan $(PKG_LIBS)
	$(CC) $(WARN) $(DEFS) $(ASAN) -Isrc $(shell pkg-config --cflags yaml-0.1) \
		src/*.c tests/fuzz/keys.c -o $(B)/keys-asan $(CORE_LIBS)
	@rm -rf $(B)/fuzz/snapshots && mkdir -p $(B)/fuzz/snapshots
	$(B)/keys-asan data/budget.yaml $${SEED:-1} 20000
	python3 tests/fuzz/mutate.py $${SEED:-1} $${N:-300}

bench: budget
	@sh tests/bench/run.sh

install: budget
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANPREFIX)/man1 \
		$(DESTDIR)$(MANPREFIX)/man5 $(DESTDIR)$(DATADIR)
	install -m 755 budget $(DESTDIR)$(BINDIR)/budget
	sed 's/@VERSION@/$(VERSION)/g' man/budget.1 > $(DESTDIR)$(MANPREFIX)/man1/budget.1
	sed 's/@VERSION@/$(VERSION)/g' man/budget.yaml.5 > $(DESTDIR)$(MANPREFIX)/man5/budget.yaml.5
	install -m 644 data/budget.yaml $(DESTDIR)$(DATADIR)/budget.yaml

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/budget $(DESTDIR)$(MANPREFIX)/man1/budget.1 \
		$(DESTDIR)$(MANPREFIX)/man5/budget.yaml.5 $(DESTDIR)$(DATADIR)/budget.yaml
	-rmdir $(DESTDIR)$(DATADIR) 2>/dev/null

clean:
	rm -rf $(B) budget

-include $(CORE_OBJ:.o=.d) $(UI_OBJ:.o=.d) $(UNIT_BIN:=.d)
