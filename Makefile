# kg - knowledge graphs from news articles.
#
#   make run     install missing packages, build, run on the sample article
#   make test    install, build (plain and ASan/UBSan), run every test
#   make bench   throughput benchmarks (see bench/); make bench-parse runs
#                only kg parse's (bench/parse_bench.sh), make bench-scale only
#                the inputs whose cost once grew with their square
#                (bench/scale_bench.sh)
#   make model   train the tagger and parser model, models/en-ud.kgm (not part
#                of make test: CI never trains)
#   make eval-parser  score the model on the UD English dev files
#   make eval-entities  score the entity finder on CoNLL-2003 dev, per type
#   make model-ner    train the named-entity tagger, models/en-ner.kgm, on GUM's
#                CC BY train file (scored on its dev file while training)
#
# Everything is built under build/ (plain) and build/san/ (sanitizers).

PKGS      := igraph jansson libcgraph libgvc libutf8proc
CC        ?= cc
O         ?= build
DATADIR   ?= $(CURDIR)/data
MODELDIR  ?= $(CURDIR)/models
OPT       ?= -O2
SANFLAGS  ?=
CFLAGS_KG := -std=c11 -Wall -Wextra -Werror -g $(OPT) $(SANFLAGS) \
             -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE \
             -Iinclude -Iextract -Igraph -Iexport -Icore \
             -DKG_DATADIR='"$(DATADIR)"' -DKG_MODELDIR='"$(MODELDIR)"'
DEPS_STAMP := $(O)/.deps-ok

LIB_SRC   := $(sort $(wildcard core/*.c extract/*.c graph/*.c export/*.c))
LIB_OBJ   := $(LIB_SRC:%.c=$(O)/obj/%.o)
CLI_SRC   := $(sort $(wildcard cli/*.c))
CLI_OBJ   := $(CLI_SRC:%.c=$(O)/obj/%.o)
TEST_SRC  := $(sort $(wildcard tests/test_*.c))
TEST_BIN  := $(TEST_SRC:tests/%.c=$(O)/tests/%)

.PHONY: all deps run test unit check-cli san bench bench-parse bench-scale model model-ner \
        eval-parser eval-coref eval-entities lint format \
        clean
all: $(O)/kg $(TEST_BIN)

deps:
	@sh tools/deps.sh

# The package check runs once per build tree; `make deps` forces it.
$(DEPS_STAMP): tools/deps.sh
	@sh tools/deps.sh
	@mkdir -p $(@D) && touch $@

PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lm -lpthread

$(O)/obj/%.o: %.c $(DEPS_STAMP)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS_KG) $(PKG_CFLAGS) -MMD -MP -c $< -o $@

# cli/ uses the library as an embedder would: the public headers (include/)
# and its own, beside its sources; never the library's internal ones.
CFLAGS_CLI := $(filter-out -Iextract -Igraph -Iexport -Icore,$(CFLAGS_KG))

$(O)/obj/cli/%.o: cli/%.c $(DEPS_STAMP)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS_CLI) $(PKG_CFLAGS) -MMD -MP -c $< -o $@

$(O)/libkg.a: $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(O)/kg: $(CLI_OBJ) $(O)/libkg.a
	$(CC) $(CFLAGS_KG) -o $@ $(CLI_OBJ) $(O)/libkg.a $(PKG_LIBS)

$(O)/tests/%: tests/%.c tests/fixtures.h tests/xml_check.h tests/triple_check.h tests/diff_case.h $(O)/libkg.a $(DEPS_STAMP)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS_KG) $(PKG_CFLAGS) -Itests -o $@ $< $(O)/libkg.a $(PKG_LIBS) -lcmocka

SAMPLE := samples/blinken-2024-01-05.txt
run: $(O)/kg
	@mkdir -p out
	$(O)/kg build $(SAMPLE) -o out/blinken-2024-01-05 --format json,dot,svg

# Unit tests of this tree, then the CLI tests against its kg.
unit: $(O)/kg $(TEST_BIN)
	@O=$(O) sh tests/run.sh $(TEST_BIN)

san:
	@$(MAKE) --no-print-directory O=build/san OPT=-O1 \
	  SANFLAGS="-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all" unit

test: $(O)/kg $(TEST_BIN)
	@sh tests/all.sh

bench: $(O)/kg
	@sh bench/bench.sh $(O)/kg
	@sh bench/scale_bench.sh $(O)/kg
	@sh bench/parse_bench.sh $(O)/kg $(UD_BENCH)

# ---------------------------------------------------------------- the UD model
# The treebanks are data beside the project (../shared/ud, see its README),
# named here and passed to kg on the command line, never built into it.
UD_DIR    ?= ../shared/ud
UD_TRAIN  ?= $(UD_DIR)/en_ewt-ud-train.conllu $(UD_DIR)/en_gum-cc-by-train.conllu
UD_DEV    ?= $(UD_DIR)/en_ewt-ud-dev.conllu $(UD_DIR)/en_gum-cc-by-dev.conllu
UD_BENCH  ?= $(UD_DIR)/en_ewt-ud-dev.conllu
UD_EVAL   ?= $(UD_DIR)/ud_eval.py
MODEL     ?= $(MODELDIR)/en-ud.kgm
TRAIN_OPTS ?=

# Always trains (deterministic: the same data and options give the same bytes).
model: $(O)/kg
	$(O)/kg train $(TRAIN_OPTS) -o $(MODEL) $(UD_TRAIN)

# The NER tagger learns from GUM's entity annotation only (never CoNLL).
NER_TRAIN ?= $(UD_DIR)/en_gum-cc-by-train.conllu
NER_DEV   ?= $(UD_DIR)/en_gum-cc-by-dev.conllu
NER_MODEL ?= $(MODELDIR)/en-ner.kgm
NER_OPTS  ?=

model-ner: $(O)/kg
	$(O)/kg train --ner $(NER_OPTS) --dev $(NER_DEV) -o $(NER_MODEL) $(NER_TRAIN)

eval-parser: $(O)/kg
	@UD_EVAL=$(UD_EVAL) sh bench/eval_parser.sh $(O)/kg $(UD_DEV)

eval-coref: $(O)/kg
	@python3 bench/eval_coref.py --kg $(O)/kg

# CoNLL-2003 English dev, PER/ORG/LOC mention F1 by the split's own scorer
# (never trained on; its README says how it scores).
CONLL03 ?= ../shared/eval/conll03
eval-entities: $(O)/kg
	@python3 $(CONLL03)/conll03.py --data $(CONLL03) --kg $(O)/kg

bench-parse: $(O)/kg
	@sh bench/parse_bench.sh $(O)/kg $(UD_BENCH)

bench-scale: $(O)/kg
	@sh bench/scale_bench.sh $(O)/kg

lint:
	clang-tidy $(LIB_SRC) $(CLI_SRC) -- $(CFLAGS_KG) $(PKG_CFLAGS)
	cppcheck --quiet --error-exitcode=1 --enable=warning,performance,portability \
	  --suppress=missingIncludeSystem -Iinclude $(LIB_SRC) $(CLI_SRC)

format:
	clang-format -i $(LIB_SRC) $(CLI_SRC) $(TEST_SRC) include/*.h include/kg/*.h */*.h

clean:
	rm -rf build out

-include $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d)

# ---------------------------------------------------------------- install
# make install    kg as a library and a command under DESTDIR$(PREFIX):
#                 bin/kg, lib/libkg.so.0 (and libkg.a), include/kg.h and
#                 include/kg/*.h, lib/pkgconfig/kg.pc, share/kg/data and
#                 share/kg/models (found from bin/kg as ../share/kg, see
#                 core/paths.h), share/man/man1/kg.1, share/doc/kg/LICENSE
# make uninstall  removes them again
# The shared library's objects are compiled a second time, with -fPIC, under
# $(O)/pic, so kg and libkg.a keep their position-dependent code.
PREFIX     ?= /usr/local
LIBDIR     ?= $(PREFIX)/lib
INCLUDEDIR ?= $(PREFIX)/include
MANDIR     ?= $(PREFIX)/share/man
INSTALL    ?= install
KG_VER     := $(shell sed -n 's/^\#define KG_VERSION "\([^"]*\)"/\1/p' include/kg/base.h)
SO_NAME    := libkg.so.$(firstword $(subst ., ,$(KG_VER)))
SO_FILE    := libkg.so.$(KG_VER)
PIC_OBJ    := $(LIB_SRC:%.c=$(O)/pic/%.o)
# kg.pc names its directories from ${prefix} where they lie under it
PC_SUBST   := -e 's|@PREFIX@|$(PREFIX)|g' -e 's|@VERSION@|$(KG_VER)|g' \
              -e 's|@LIBDIR@|$(patsubst $(PREFIX)/%,$${prefix}/%,$(LIBDIR))|g' \
              -e 's|@INCLUDEDIR@|$(patsubst $(PREFIX)/%,$${prefix}/%,$(INCLUDEDIR))|g' \
              -e 's|@REQUIRES_PRIVATE@|$(PKGS)|g'

.PHONY: install uninstall shared

shared: $(O)/$(SO_FILE)

$(O)/pic/%.o: %.c $(DEPS_STAMP)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS_KG) -fPIC $(PKG_CFLAGS) -MMD -MP -c $< -o $@

$(O)/$(SO_FILE): $(PIC_OBJ)
	$(CC) $(CFLAGS_KG) -shared -Wl,-soname,$(SO_NAME) -Wl,--no-undefined -o $@ $^ $(PKG_LIBS)

install: $(O)/kg $(O)/libkg.a $(O)/$(SO_FILE) kg.pc.in docs/kg.1
	$(INSTALL) -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(LIBDIR)/pkgconfig \
	  $(DESTDIR)$(INCLUDEDIR)/kg $(DESTDIR)$(PREFIX)/share/kg/data \
	  $(DESTDIR)$(PREFIX)/share/kg/models $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(PREFIX)/share/doc/kg
	$(INSTALL) -m 755 $(O)/kg $(DESTDIR)$(PREFIX)/bin/kg
	$(INSTALL) -m 755 $(O)/$(SO_FILE) $(DESTDIR)$(LIBDIR)/$(SO_FILE)
	ln -sf $(SO_FILE) $(DESTDIR)$(LIBDIR)/$(SO_NAME)
	ln -sf $(SO_NAME) $(DESTDIR)$(LIBDIR)/libkg.so
	$(INSTALL) -m 644 $(O)/libkg.a $(DESTDIR)$(LIBDIR)/libkg.a
	sed $(PC_SUBST) kg.pc.in >$(DESTDIR)$(LIBDIR)/pkgconfig/kg.pc
	$(INSTALL) -m 644 include/kg.h $(DESTDIR)$(INCLUDEDIR)/kg.h
	$(INSTALL) -m 644 include/kg/*.h $(DESTDIR)$(INCLUDEDIR)/kg
	$(INSTALL) -m 644 data/*.txt $(DESTDIR)$(PREFIX)/share/kg/data
	$(INSTALL) -m 644 models/*.kgm models/README.md $(DESTDIR)$(PREFIX)/share/kg/models
	$(INSTALL) -m 644 docs/kg.1 $(DESTDIR)$(MANDIR)/man1/kg.1
	$(INSTALL) -m 644 LICENSE $(DESTDIR)$(PREFIX)/share/doc/kg/LICENSE
	@# the loader's cache learns of the new library (a real install as root only)
	@if [ -z "$(DESTDIR)" ] && [ "$$(id -u)" -eq 0 ]; then ldconfig || true; fi

# share/kg, include/kg and share/doc/kg are kg's own, removed whole.
uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/kg $(DESTDIR)$(LIBDIR)/$(SO_FILE) \
	  $(DESTDIR)$(LIBDIR)/$(SO_NAME) $(DESTDIR)$(LIBDIR)/libkg.so $(DESTDIR)$(LIBDIR)/libkg.a \
	  $(DESTDIR)$(LIBDIR)/pkgconfig/kg.pc $(DESTDIR)$(INCLUDEDIR)/kg.h \
	  $(DESTDIR)$(MANDIR)/man1/kg.1
	rm -rf $(DESTDIR)$(INCLUDEDIR)/kg $(DESTDIR)$(PREFIX)/share/kg $(DESTDIR)$(PREFIX)/share/doc/kg

-include $(PIC_OBJ:.o=.d)

# ---------------------------------------------------------------- robustness
# make fuzz      builds the libFuzzer targets tests/fuzz/fuzz_*.c with clang into
#                build/fuzz/ and runs each for FUZZ_SECONDS from its seed corpus
# make fuzz-ci   the same with 60 s a target, whatever FUZZ_SECONDS says
# make valgrind  the plain build/kg under valgrind's memcheck (leaks included)
# The fuzzers need every object built by clang with coverage instrumentation,
# so the library is compiled again under build/fuzz/obj rather than reusing
# gcc's objects from build/.  New inputs go to build/fuzz/corpus/TARGET; the
# seeds in tests/fuzz/corpus/TARGET are only read.
FUZZ_CC      ?= clang
FUZZ_SECONDS ?= 60
FUZZ_MAX_LEN ?= 4096
FUZZ_DIR     := build/fuzz
FUZZ_SAN     := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
FUZZ_CFLAGS  := -std=c11 -Wall -Wextra -Werror -g -O1 $(FUZZ_SAN) \
                -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE \
                -Iinclude -Iextract -Igraph -Iexport -Icore \
                -DKG_DATADIR='"$(DATADIR)"' -DKG_MODELDIR='"$(MODELDIR)"'
# clang warns where gcc does not; the library's zero-warning rule is enforced
# by the gcc build, and a new clang warning must not stop a fuzzing campaign.
FUZZ_LIB_WARN := -Wno-error
FUZZ_SRC     := $(sort $(wildcard tests/fuzz/fuzz_*.c))
FUZZ_BIN     := $(FUZZ_SRC:tests/fuzz/%.c=$(FUZZ_DIR)/%)
FUZZ_OBJ     := $(LIB_SRC:%.c=$(FUZZ_DIR)/obj/%.o)
FUZZ_STAMP   := $(FUZZ_DIR)/.deps-ok

.PHONY: fuzz fuzz-ci valgrind

$(FUZZ_STAMP): tests/fuzz/deps.sh $(DEPS_STAMP)
	@sh tests/fuzz/deps.sh
	@mkdir -p $(@D) && touch $@

$(FUZZ_DIR)/obj/%.o: %.c $(FUZZ_STAMP)
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_CFLAGS) $(FUZZ_LIB_WARN) -fsanitize=fuzzer-no-link $(PKG_CFLAGS) \
	  -MMD -MP -c $< -o $@

$(FUZZ_DIR)/libkg.a: $(FUZZ_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(FUZZ_BIN): $(FUZZ_DIR)/%: tests/fuzz/%.c $(FUZZ_DIR)/libkg.a
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer $(PKG_CFLAGS) -o $@ $< $(FUZZ_DIR)/libkg.a \
	  $(PKG_LIBS)

fuzz: $(FUZZ_BIN)
	@sh tests/fuzz/run.sh $(FUZZ_SECONDS) $(FUZZ_MAX_LEN) $(FUZZ_BIN)

fuzz-ci:
	@$(MAKE) --no-print-directory FUZZ_SECONDS=60 fuzz

# tests/valgrind.sh holds the valgrind options and the runs; tests/run.sh
# calls it too, for the plain build.
valgrind: build/kg
	@sh tests/valgrind.sh build/kg

-include $(FUZZ_OBJ:.o=.d)

# ---------------------------------------------------------------- the HTML page
# kg build -f html inlines web/src/page.js, bundled by web/build.mjs (esbuild)
# with the npm packages web/package-lock.json pins, and web/page.css.  Both
# become byte arrays in a generated source, $(O)/gen/web_assets.c, made by
# tools/embed.c; its object joins every library build (static, shared,
# fuzz), whose recipes link $^.  web/node_modules is shared by the trees.
WEB_NPM    := web/node_modules/.package-lock.json
WEB_BUNDLE := $(O)/web/page.bundle.js
WEB_GEN    := $(O)/gen/web_assets.c
WEB_OBJ    := $(O)/obj/gen/web_assets.o

$(WEB_NPM): web/package-lock.json | $(DEPS_STAMP)
	cd web && npm ci --no-audit --no-fund --loglevel=error
	@touch $@

$(WEB_BUNDLE): web/build.mjs web/src/page.js $(WEB_NPM)
	node web/build.mjs $@

$(O)/tools/embed: tools/embed.c
	@mkdir -p $(@D)
	$(CC) -std=c11 -Wall -Wextra -Werror -O2 -o $@ $<

$(WEB_GEN): $(O)/tools/embed $(WEB_BUNDLE) web/page.css
	@mkdir -p $(@D)
	$(O)/tools/embed $@ kg_web_assets_script=$(WEB_BUNDLE) kg_web_assets_style=web/page.css

$(WEB_OBJ): $(WEB_GEN)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS_KG) -c $< -o $@

$(O)/libkg.a: $(WEB_OBJ)

ifneq ($(SO_FILE),)
$(O)/pic/gen/web_assets.o: $(WEB_GEN)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS_KG) -fPIC -c $< -o $@

$(O)/$(SO_FILE): $(O)/pic/gen/web_assets.o
endif

$(FUZZ_DIR)/obj/gen/web_assets.o: $(WEB_GEN) $(FUZZ_STAMP)
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_CFLAGS) $(FUZZ_LIB_WARN) -fsanitize=fuzzer-no-link -c $< -o $@

$(FUZZ_DIR)/libkg.a: $(FUZZ_DIR)/obj/gen/web_assets.o
