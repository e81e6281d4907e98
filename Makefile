# kg - knowledge graphs from news articles.
#
#   make run     install missing packages, build, run on the sample article
#   make test    install, build (plain and ASan/UBSan), run every test
#   make bench   throughput benchmark (see bench/)
#
# Everything is built under build/ (plain) and build/san/ (sanitizers).

PKGS      := igraph jansson libcgraph libgvc link-grammar libutf8proc
CC        ?= cc
O         ?= build
DATADIR   ?= $(CURDIR)/data
OPT       ?= -O2
SANFLAGS  ?=
CFLAGS_KG := -std=c11 -Wall -Wextra -Werror -g $(OPT) $(SANFLAGS) \
             -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE \
             -Iinclude -Iextract -Igraph -Iexport -Icore \
             -DKG_DATADIR='"$(DATADIR)"'
DEPS_STAMP := $(O)/.deps-ok

LIB_SRC   := $(sort $(wildcard core/*.c extract/*.c graph/*.c export/*.c))
LIB_OBJ   := $(LIB_SRC:%.c=$(O)/obj/%.o)
CLI_SRC   := $(sort $(wildcard cli/*.c))
CLI_OBJ   := $(CLI_SRC:%.c=$(O)/obj/%.o)
TEST_SRC  := $(sort $(wildcard tests/test_*.c))
TEST_BIN  := $(TEST_SRC:tests/%.c=$(O)/tests/%)

.PHONY: all deps run test unit check-cli san bench lint format clean
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

$(O)/libkg.a: $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(O)/kg: $(CLI_OBJ) $(O)/libkg.a
	$(CC) $(CFLAGS_KG) -o $@ $(CLI_OBJ) $(O)/libkg.a $(PKG_LIBS)

$(O)/tests/%: tests/%.c tests/fixtures.h $(O)/libkg.a $(DEPS_STAMP)
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

lint:
	clang-tidy $(LIB_SRC) $(CLI_SRC) -- $(CFLAGS_KG) $(PKG_CFLAGS)
	cppcheck --quiet --error-exitcode=1 --enable=warning,performance,portability \
	  --suppress=missingIncludeSystem -Iinclude $(LIB_SRC) $(CLI_SRC)

format:
	clang-format -i $(LIB_SRC) $(CLI_SRC) $(TEST_SRC) include/*.h include/kg/*.h */*.h

clean:
	rm -rf build out

-include $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d)
