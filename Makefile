# precis: plain GNU make. `make help` lists the targets.
#
# Out-of-tree build: everything goes to $(BUILD) (build/ by default; the
# sanitizer run uses build/san). Sources are found by wildcard: a new
# src/*.c joins the library, a new src/cli/*.c joins the binary, a new
# tests/unit/test_*.c becomes a cmocka test program.

PREFIX  ?= /usr/local
BINDIR  ?= $(PREFIX)/bin
LIBDIR  ?= $(PREFIX)/lib
INCDIR  ?= $(PREFIX)/include
MANDIR  ?= $(PREFIX)/share/man
PCDIR   ?= $(LIBDIR)/pkgconfig

CC      ?= cc
BUILD   ?= build
CFLAGS  ?= -O2 -g
WARN     = -std=c11 -Wall -Wextra -Werror -Wno-unused-parameter
PKGS     = gsl libutf8proc jansson zlib
# libxml2 is compiled against but not linked: src/html_xml.c loads it on the
# first HTML page, so that text-only runs do not pay its (and ICU's) start-up.
XML_CFLAGS := $(shell pkg-config --cflags libxml-2.0 2>/dev/null)
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null)
CMOCKA_LIBS := $(shell pkg-config --libs cmocka 2>/dev/null)
ALL_CPPFLAGS = -D_POSIX_C_SOURCE=200809L -Iinclude -Isrc -Isrc/util $(PKG_CFLAGS) $(XML_CFLAGS) $(CPPFLAGS)
ALL_CFLAGS   = $(WARN) -fPIC -fvisibility=hidden -pthread $(CFLAGS)
LIBS     = $(PKG_LIBS) -lstemmer -lpthread -lm

# Debian packages: what the build needs, and what tests and benchmarks add.
DEB_BUILD = build-essential pkg-config libgsl-dev libutf8proc-dev libstemmer-dev \
            libjansson-dev libcmocka-dev wordnet-base libxml2-dev zlib1g-dev
DEB_TEST  = python3 valgrind parallel liblingua-stopwords-perl
DEB_BENCH = ots time python3-nltk parallel hyperfine bc
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

DATA     = $(sort $(wildcard stopwords/*.txt stopwords/cues/*.txt stopwords/detect/*.txt))
# WordNet 3.0's exception lists for ROUGE-1.5.5 stemming, embedded straight
# from Debian's wordnet-base (make deps installs it; nothing is copied into
# the repository). Embedded under the names wordnet/<pos>.exc.
WORDNET  = /usr/share/wordnet
WN_EXC   = $(WORDNET)/adj.exc $(WORDNET)/adv.exc $(WORDNET)/noun.exc $(WORDNET)/verb.exc
LIB_SRC  = $(sort $(wildcard src/*.c src/util/*.c))
CLI_SRC  = $(sort $(wildcard src/cli/*.c))
TEST_SRC = $(sort $(wildcard tests/unit/test_*.c))
LIB_OBJ  = $(LIB_SRC:src/%.c=$(BUILD)/obj/%.o) $(BUILD)/obj/gen_data.o
CLI_OBJ  = $(CLI_SRC:src/cli/%.c=$(BUILD)/obj/cli/%.o)
TESTS    = $(TEST_SRC:tests/unit/%.c=$(BUILD)/tests/%)
SOVER    = 0

.PHONY: all deps deps-bench deps-html demo test test-html unit golden bad output scale exports stopwords-check check bench eval eval-split install \
        uninstall clean help
.DELETE_ON_ERROR:

all: $(BUILD)/precis $(BUILD)/libprecis.a $(BUILD)/libprecis.so

help:
	@echo "make deps      install missing Debian packages (apt-get)"
	@echo "make demo      deps + build + summarize and compare examples/"
	@echo "make test      deps + unit, golden and sanitizer test runs"
	@echo "make check     the sanitizer (ASan+UBSan) run alone"
	@echo "make python    the Python package, into $(BUILD)/python (test-python: its tests)"
	@echo "make bench     benchmarks, written to eval/BENCH.md"
	@echo "make eval      evaluation tables, written to eval/RESULTS.md"
	@echo "make install   PREFIX=$(PREFIX) DESTDIR=$(DESTDIR)"

# ---------------------------------------------------------------- deps
# Installs only when a check fails, so it is cheap on a ready machine.
deps:
	@if ! pkg-config --exists $(PKGS) libxml-2.0 cmocka 2>/dev/null || \
	    ! [ -f /usr/include/libstemmer.h ] || ! command -v python3 >/dev/null || \
	    ! [ -f $(WORDNET)/verb.exc ] || \
	    ! command -v parallel >/dev/null || \
	    ! dpkg -s liblingua-stopwords-perl $(DEB_PYTHON) >/dev/null 2>&1; then \
		echo "deps: installing $(DEB_BUILD) $(DEB_TEST) $(DEB_PYTHON)"; \
		$(SUDO) apt-get update -q && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q \
			$(DEB_BUILD) $(DEB_TEST) $(DEB_PYTHON); \
	fi

deps-html:
	@command -v chromium >/dev/null || { $(SUDO) apt-get update -q && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q chromium; }

# clang (libFuzzer) for `make fuzz` only; `make test` replays the corpora with $(CC).
deps-fuzz:
	@command -v clang >/dev/null || { $(SUDO) apt-get update -q && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q clang; }

deps-bench: deps
	@missing=""; for p in $(DEB_BENCH); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		$(SUDO) apt-get update -q && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q $$missing; \
	fi

# ---------------------------------------------------------------- build
# Objects depend on the compile command itself, so that changing CFLAGS or a
# flag in this file rebuilds them (the sources alone would not tell make).
COMPILE = $(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS)
$(BUILD)/.flags: FORCE
	@mkdir -p $(@D)
	@echo '$(COMPILE)' | cmp -s - $@ || echo '$(COMPILE)' > $@

$(BUILD)/obj/%.o: src/%.c $(BUILD)/.flags
	@mkdir -p $(@D)
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -MMD -MP -c $< -o $@

$(BUILD)/gen/data.c: src/embed.sh $(DATA) $(WN_EXC)
	@mkdir -p $(@D)
	sh src/embed.sh $(DATA) $(foreach f,$(WN_EXC),wordnet/$(notdir $(f))=$(f)) > $@

$(BUILD)/obj/gen_data.o: $(BUILD)/gen/data.c $(BUILD)/.flags
	@mkdir -p $(@D)
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -c $< -o $@

$(BUILD)/libprecis.a: $(LIB_OBJ)
	rm -f $@
	ar rcs $@ $^

$(BUILD)/libprecis.so: $(LIB_OBJ)
	$(CC) $(ALL_CFLAGS) -shared -Wl,-soname,libprecis.so.$(SOVER) $(LDFLAGS) $^ $(LIBS) -o $@

$(BUILD)/precis: $(CLI_OBJ) $(BUILD)/libprecis.a
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) $(CLI_OBJ) $(BUILD)/libprecis.a $(LIBS) -o $@

$(BUILD)/tests/%: tests/unit/%.c $(BUILD)/libprecis.a tests/unit/testutil.h
	@mkdir -p $(@D)
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) $(LDFLAGS) $< $(BUILD)/libprecis.a \
		$(LIBS) $(CMOCKA_LIBS) -o $@

# test_opt compiles the CLI's option parser in.
$(BUILD)/tests/test_opt: src/cli/opt.c src/cli/opt.h src/cli/cli.h

-include $(shell find $(BUILD)/obj -name '*.d' 2>/dev/null)

# ---------------------------------------------------------------- tests
# `make test` is the README's command and what .ci/run calls. The recursive
# make re-reads pkg-config after deps may have installed the packages.
test: deps deps-html
	$(MAKE) --no-print-directory unit golden bad output scale test-html exports stopwords-check \
		test-python
	$(MAKE) --no-print-directory check

unit: $(TESTS)
	@sh tests/run_unit.sh $(TESTS)

golden: $(BUILD)/precis
	@sh tests/golden/run.sh $(BUILD)/precis

# Sharded runs (GNU parallel) and mergeable IDF equal one process (tests/scale/run.sh).
scale: $(BUILD)/precis
	@sh tests/scale/run.sh $(BUILD)/precis $(BUILD)/scale

# The HTML report rendered in headless Chromium (tests/html/run.sh).
test-html: $(BUILD)/precis
	@sh tests/html/run.sh $(BUILD)/precis $(BUILD)/html

# libprecis.so exports exactly what precis.h declares (tests/check-exports.sh).
exports: $(BUILD)/libprecis.so
	@sh tests/check-exports.sh $(BUILD)/libprecis.so

# stopwords/*.txt equal what stopwords/update.sh extracts from their packages.
stopwords-check:
	@sh tests/check-stopwords.sh

# Hostile inputs (tests/bad/): every subcommand, no crash, no lost record.
bad: $(BUILD)/precis
	@sh tests/bad/run.sh $(BUILD)/precis $(BUILD)/bad

# Output that never lies (tests/output/, issue 15): one script per family,
# each ending in "NAME: N passed, N failed".
OUTPUT_TESTS = $(sort $(wildcard tests/output/*.sh))
output: $(BUILD)/precis
	@fail=0; for t in $(filter-out tests/output/lib.sh,$(OUTPUT_TESTS)); do \
		sh $$t $(BUILD)/precis || fail=1; done; [ $$fail -eq 0 ]

# Same suite under AddressSanitizer + UndefinedBehaviorSanitizer.
SAN = -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
check: deps
	$(MAKE) --no-print-directory BUILD=build/san CFLAGS="-O1 -g $(SAN)" \
		LDFLAGS="$(SAN)" unit golden bad output fuzz-replay

# ---------------------------------------------------------------- fuzzing
# libFuzzer targets (tests/fuzz/fuzz_targets.c), one per input-reading entry
# point. `make fuzz` runs each for FUZZ_SECONDS with clang's libFuzzer and
# ASan+UBSan, growing tests/fuzz/work/<target>; `make fuzz-merge` minimizes
# that into the committed tests/fuzz/corpus/<target>. `make test` replays the
# committed corpora under the sanitizers (fuzz-replay).
FUZZ_TARGETS = split clean tokens summarize jsonl rouge compare html
FUZZ_SECONDS ?= 600
FUZZ_SAN = -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
FUZZ_BIN = $(FUZZ_TARGETS:%=build/fuzz/fuzz_%)
REPLAY_BIN = $(FUZZ_TARGETS:%=$(BUILD)/fuzz/replay_%)

build/fuzz/fuzz_%: tests/fuzz/fuzz_targets.c fuzz-lib
	@mkdir -p $(@D)
	clang $(ALL_CPPFLAGS) -std=c11 -g -O1 -fsanitize=fuzzer $(FUZZ_SAN) \
		-DFUZZ_$(shell echo $* | tr a-z A-Z) $< build/fuzz/lib/libprecis.a $(LIBS) -o $@

# The library built by clang with the sanitizers and libFuzzer's coverage
# instrumentation (fuzzer-no-link), for the fuzzers to link.
fuzz-lib:
	$(MAKE) --no-print-directory BUILD=build/fuzz/lib CC=clang \
		CFLAGS="-O1 -g -fsanitize=fuzzer-no-link $(FUZZ_SAN)" \
		LDFLAGS="$(FUZZ_SAN)" build/fuzz/lib/libprecis.a

$(BUILD)/fuzz/replay_%: tests/fuzz/fuzz_targets.c tests/fuzz/replay.c $(BUILD)/libprecis.a
	@mkdir -p $(@D)
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) $(LDFLAGS) -DFUZZ_$(shell echo $* | tr a-z A-Z) \
		tests/fuzz/fuzz_targets.c tests/fuzz/replay.c $(BUILD)/libprecis.a $(LIBS) -o $@

fuzz: deps deps-fuzz $(FUZZ_BIN)
	@for t in $(FUZZ_TARGETS); do \
		mkdir -p tests/fuzz/work/$$t; \
		echo "fuzz: $$t for $(FUZZ_SECONDS) s"; \
		build/fuzz/fuzz_$$t -max_total_time=$(FUZZ_SECONDS) -max_len=65536 -timeout=20 \
			-rss_limit_mb=4096 -print_final_stats=1 -artifact_prefix=tests/fuzz/work/$$t- \
			tests/fuzz/work/$$t tests/fuzz/corpus/$$t tests/fuzz/seed 2>&1 | \
			grep -E "^(#[0-9]+ +DONE|stat::number_of_executed_units|==[0-9]+==ERROR|SUMMARY)" || true; \
	done

fuzz-merge: deps-fuzz $(FUZZ_BIN)
	@for t in $(FUZZ_TARGETS); do \
		mkdir -p tests/fuzz/corpus/$$t; \
		build/fuzz/fuzz_$$t -merge=1 -max_len=65536 tests/fuzz/corpus/$$t tests/fuzz/work/$$t \
			> /dev/null 2>&1; \
	done

fuzz-replay: $(REPLAY_BIN)
	@pass=0; fail=0; for t in $(FUZZ_TARGETS); do \
		if $(BUILD)/fuzz/replay_$$t tests/fuzz/corpus/$$t/* tests/fuzz/regressions/$$t-* \
			tests/fuzz/seed/* > /dev/null; then pass=$$((pass+1)); \
		else echo "FAIL fuzz replay: $$t"; fail=$$((fail+1)); fi; \
	done; echo "fuzz replay: $$pass passed, $$fail failed"; [ $$fail -eq 0 ]

.PHONY: deps-fuzz fuzz fuzz-merge fuzz-replay fuzz-lib FORCE

# ---------------------------------------------------------------- demo
demo: deps
	$(MAKE) --no-print-directory all
	@sh eval/demo.sh $(BUILD)/precis

# ---------------------------------------------------------------- eval/bench
bench: deps-bench
	$(MAKE) --no-print-directory all python
	sh eval/bench.sh $(BUILD)/precis

eval: deps-bench
	$(MAKE) --no-print-directory all
	sh eval/eval.sh $(BUILD)/precis
	sh eval/eval_html.sh $(BUILD)/precis

eval-split: $(BUILD)/tests/test_sentence
	$(BUILD)/tests/test_sentence --report

# ---------------------------------------------------------------- install
$(BUILD)/precis.pc: Makefile
	@mkdir -p $(@D)
	printf '%s\n' "prefix=$(PREFIX)" "libdir=$(LIBDIR)" "includedir=$(INCDIR)" "" \
		"Name: precis" "Description: extractive news summarization, ROUGE and outlet comparison" \
		"Version: $$(sed -n 's/^#define PRECIS_VERSION "\(.*\)"/\1/p' include/precis.h)" \
		"Requires.private: $(PKGS)" "Libs: -L\$${libdir} -lprecis" \
		"Libs.private: -lstemmer -lpthread -lm" "Cflags: -I\$${includedir}" > $@

install: all $(BUILD)/precis.pc
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(LIBDIR) $(DESTDIR)$(INCDIR) \
		$(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(PCDIR)
	install -m 755 $(BUILD)/precis $(DESTDIR)$(BINDIR)/precis
	install -m 644 $(BUILD)/libprecis.a $(DESTDIR)$(LIBDIR)/libprecis.a
	install -m 755 $(BUILD)/libprecis.so $(DESTDIR)$(LIBDIR)/libprecis.so.$(SOVER)
	ln -sf libprecis.so.$(SOVER) $(DESTDIR)$(LIBDIR)/libprecis.so
	install -m 644 include/precis.h $(DESTDIR)$(INCDIR)/precis.h
	install -m 644 docs/precis.1 $(DESTDIR)$(MANDIR)/man1/precis.1
	install -m 644 $(BUILD)/precis.pc $(DESTDIR)$(PCDIR)/precis.pc

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/precis $(DESTDIR)$(LIBDIR)/libprecis.a \
		$(DESTDIR)$(LIBDIR)/libprecis.so $(DESTDIR)$(LIBDIR)/libprecis.so.$(SOVER) \
		$(DESTDIR)$(INCDIR)/precis.h $(DESTDIR)$(MANDIR)/man1/precis.1 \
		$(DESTDIR)$(PCDIR)/precis.pc

clean:
	rm -rf build

# --- python ---------------------------------------------------------------
# The Python package (bindings/python, issue 14), built by Debian's own
# Python against $(BUILD)/libprecis.a and installed offline into
# $(BUILD)/python; test-python runs its pytest suite with /usr/bin/python3
# (a pyenv python3 first on PATH cannot see Debian's python3-* packages).
PYTHON      ?= /usr/bin/python3
DEB_PYTHON   = python3-dev python3-setuptools python3-pytest python3-numpy python3-dask \
               python3-distributed python3-pip
PY_SRC       = Makefile $(wildcard bindings/python/src/*.[ch] bindings/python/precis/*.py* \
                 bindings/python/precis/rouge_score/*.py* bindings/python/setup.py)

.PHONY: python test-python check-python

python: $(BUILD)/python/.stamp

$(BUILD)/python/.stamp: $(BUILD)/libprecis.a $(PY_SRC)
	rm -rf $(BUILD)/python bindings/python/build
	PRECIS_LIB=$(abspath $(BUILD)/libprecis.a) $(PYTHON) -m pip install -q --no-index --root-user-action=ignore \
		--no-build-isolation --no-deps --target $(BUILD)/python ./bindings/python
	@touch $@

test-python: python $(BUILD)/precis
	cd tests/python && PYTHONPATH=$(abspath $(BUILD)/python) \
		PRECIS_CLI=$(abspath $(BUILD)/precis) PRECIS_ROOT=$(CURDIR) \
		nice $(PYTHON) -m pytest -q -p no:cacheprovider .

# The same tests with the extension and the library under ASan+UBSan (not part
# of `make test`: about twice as slow; Python itself is not instrumented; fork
# after threads can deadlock inside ASan's allocator, so the fork test is left out).
PY_SAN_DIR = build/san/python
check-python: deps $(BUILD)/precis
	$(MAKE) --no-print-directory BUILD=build/san CFLAGS="-O1 -g $(SAN)" LDFLAGS="$(SAN)" \
		build/san/libprecis.a
	rm -rf $(PY_SAN_DIR) && mkdir -p $(PY_SAN_DIR)
	cd bindings/python && PRECIS_LIB=$(abspath build/san/libprecis.a) CFLAGS="-O1 $(SAN)" \
		LDFLAGS="$(SAN)" $(PYTHON) setup.py -q build_ext -b $(abspath $(PY_SAN_DIR)) \
		-t $(abspath $(PY_SAN_DIR))/tmp
	cp -r bindings/python/precis/*.py bindings/python/precis/*.pyi \
		bindings/python/precis/rouge_score $(PY_SAN_DIR)/precis/
	cd tests/python && ASAN_OPTIONS=detect_leaks=0 \
		LD_PRELOAD="$$($(CC) -print-file-name=libasan.so) $$($(CC) -print-file-name=libubsan.so)" \
		PYTHONPATH=$(abspath $(PY_SAN_DIR)) PRECIS_CLI=$(abspath $(BUILD)/precis) \
		PRECIS_ROOT=$(CURDIR) nice $(PYTHON) -m pytest -q -p no:cacheprovider -k "not dask and not fork" .
# --- end python -----------------------------------------------------------
