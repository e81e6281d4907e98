#!/bin/sh
# CLI tests of kg installed like a library (make install): the staged tree's
# files, kg.pc, a C and a C++ program built with nothing but
# `pkg-config --cflags --libs kg` against the staged headers and libkg.so,
# the staged kg finding its data beside itself (bin/../share/kg) from
# outside the clone and after the prefix is moved, the manual page, and
# make uninstall.  Prints "ok NAME", "FAIL NAME: why" or "skip NAME: why".
set -u
O=${O:-build}
ROOT=$PWD
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
T=$(cd "$T" && pwd -P) # the staged kg names its directories resolved

ok() { echo "ok $1"; }
fail() { echo "FAIL $1: $2"; }
skip() { echo "skip $1: $2"; }
check() { # NAME COMMAND...: passes when the command succeeds
    name=$1
    shift
    if "$@" >"$T/out" 2>"$T/err"; then ok "$name"; else fail "$name" "$(cat "$T/out" "$T/err" | head -c 400)"; fi
}

STAGE="$T/stage"
P="$STAGE/usr/local"
VERSION=$(sed -n 's/^#define KG_VERSION "\([^"]*\)"/\1/p' include/kg/base.h)
unset KG_DATA_DIR KG_MODEL_DIR
# the lexicon cache, where kg keeps one, stays inside this test
export KG_CACHE_DIR="$T/cache"

# -- make install from the tree, reusing the build in $O: only the -fPIC
# objects of the shared library are new (kg itself is not relinked)
kg_before=$(stat -c %Y "$O/kg" 2>/dev/null || echo none)
kg_current=false
make -s -q O="$O" "$O/kg" 2>/dev/null && kg_current=true
if make -s O="$O" install DESTDIR="$STAGE" PREFIX=/usr/local >"$T/install.log" 2>&1; then
    ok install
else
    fail install "$(tail -c 600 "$T/install.log")"
    exit 0
fi
if [ "$kg_current" = true ]; then
    check install_reuses_the_built_kg test "$(stat -c %Y "$O/kg")" = "$kg_before"
else
    skip install_reuses_the_built_kg "$O/kg was not up to date before make install"
fi

# -- the staged files
missing=""
for f in bin/kg lib/libkg.so.$VERSION lib/libkg.a include/kg.h lib/pkgconfig/kg.pc \
    share/kg/models/README.md share/man/man1/kg.1 share/doc/kg/LICENSE; do
    [ -f "$P/$f" ] || missing="$missing $f"
done
for f in include/kg/*.h data/*.txt models/*.kgm; do
    case $f in
    include/*) to=$P/$f ;;
    *) to=$P/share/kg/$f ;;
    esac
    cmp -s "$f" "$to" || missing="$missing $to"
done
if [ -z "$missing" ]; then ok staged_files; else fail staged_files "missing or different:$missing"; fi
check staged_kg_is_executable test -x "$P/bin/kg"
check so_symlinks sh -c "[ \"\$(readlink '$P/lib/libkg.so.0')\" = libkg.so.$VERSION ] &&
    [ \"\$(readlink '$P/lib/libkg.so')\" = libkg.so.0 ]"
if command -v readelf >/dev/null 2>&1; then
    check soname_is_libkg_so_0 sh -c "readelf -d '$P/lib/libkg.so.$VERSION' |
        grep -q 'SONAME.*\\[libkg\\.so\\.0\\]'"
    # the shared library's code is position independent (no text relocations)
    check shared_library_has_no_textrel sh -c "! readelf -d '$P/lib/libkg.so.$VERSION' | grep -q TEXTREL"
else
    skip soname_is_libkg_so_0 "no readelf"
fi
undeclared=""
for h in "$P"/include/kg/*.h; do
    grep -q '^extern "C" {' "$h" || undeclared="$undeclared $(basename "$h")"
done
if [ -z "$undeclared" ]; then ok headers_extern_c; else fail headers_extern_c "no extern \"C\":$undeclared"; fi

# -- kg.pc, read as a cross build reads a staged tree: pkg-config puts the
# sysroot in front of -I and -L
pc() { PKG_CONFIG_SYSROOT_DIR="$STAGE" PKG_CONFIG_PATH="$P/lib/pkgconfig" pkg-config "$@"; }
check pc_version test "$(pc --modversion kg 2>&1)" = "$VERSION"
FLAGS=$(pc --cflags --libs kg 2>"$T/pc.err") || fail pc_flags "$(cat "$T/pc.err")"
check pc_flags_point_into_the_stage sh -c "echo '$FLAGS' | grep -q -- '-I$P/include' &&
    echo '$FLAGS' | grep -q -- '-L$P/lib' && echo '$FLAGS' | grep -q -- '-lkg'"
STATIC=$(pc --static --libs kg 2>&1)
check pc_static_names_private_libs sh -c "for l in -lkg -ligraph -ljansson -lgvc -lcgraph -lutf8proc -lm -lpthread; do
    echo ' $STATIC ' | grep -q -- \" \$l \" || { echo \"no \$l in: $STATIC\"; exit 1; }; done"

# -- programs of one's own, built from copies outside the tree so that no
# header or object of the clone can be found
mkdir -p "$T/src" "$T/elsewhere"
cp tests/install/hello.c tests/install/hello.cc "$T/src/"
# A sanitized build's libkg.so needs the sanitizer runtimes first in the
# program: its link gets the same -fsanitize flags (KG_INSTALL_SANFLAGS).
SAN=""
if readelf -d "$P/lib/libkg.so.$VERSION" 2>/dev/null | grep -q 'NEEDED.*libasan'; then
    SAN=${KG_INSTALL_SANFLAGS:--fsanitize=address,undefined -fno-omit-frame-pointer}
fi
ARTICLE="$T/elsewhere/visit.txt"
printf 'date 2024-01-08\nSecretary of State Antony Blinken met Israeli Prime Minister Benjamin Netanyahu in Jerusalem on Monday.\n' >"$ARTICLE"
TEXT=$(cat "$ARTICLE")
run_staged() { # PROGRAM ARGS...: with the staged library and data, from outside the clone
    (cd "$T/elsewhere" && LD_LIBRARY_PATH="$P/lib" KG_DATA_DIR="$P/share/kg/data" \
        KG_MODEL_DIR="$P/share/kg/models" "$@")
}
# what the staged kg builds of the same article, for the programs to match
# (the node-link edge list is "edges", "links" in kg's JSON before)
(cd "$T/elsewhere" && "$P/bin/kg" build -q "$ARTICLE" -o "$T/elsewhere/visit") 2>"$T/visit.err" ||
    fail kg_builds_the_article "$(cat "$T/visit.err")"
python3 -c "
import json, sys
g = json.load(open(sys.argv[1]))
print('nodes %d' % len(g['nodes']))
for l in g.get('edges', g.get('links', [])):
    print('edge %s %s %s' % (l['source'], l['relation'], l['target']))" "$T/elsewhere/visit.json" >"$T/expected"

# shellcheck disable=SC2086
if cc -std=c11 -Wall -Wextra -Werror $SAN "$T/src/hello.c" -o "$T/hello" $FLAGS 2>"$T/cc.err"; then
    ok c_program_builds_with_pkg_config
    check c_program_uses_the_staged_libkg_so sh -c "LD_LIBRARY_PATH='$P/lib' ldd '$T/hello' |
        grep -q '^[[:space:]]*libkg\\.so\\.0 => $P/lib/libkg\\.so\\.0 '"
    if run_staged "$T/hello" "$TEXT" >"$T/hello.out" 2>"$T/hello.err"; then
        ok c_program_runs
    else
        fail c_program_runs "$(cat "$T/hello.err")"
    fi
    check c_program_finds_the_meeting grep -qx "edge antony-blinken meet benjamin-netanyahu" "$T/hello.out"
    # with no KG_* variables the library looks in PREFIX/share/kg beside
    # libkg.so, not in the clone: a copy of the prefix without its parser
    # model fails, naming the copy's models folder
    cp -a "$P" "$T/libcopy"
    rm -f "$T/libcopy/share/kg/models/en-ud.kgm"
    if (cd "$T/elsewhere" && LD_LIBRARY_PATH="$T/libcopy/lib" "$T/hello" "$TEXT") >/dev/null 2>"$T/hello-bare.err"; then
        fail c_program_looks_beside_libkg "ran without the copy's model (read the clone's?)"
    else
        check c_program_looks_beside_libkg grep -q "$T/libcopy/share/kg/models" "$T/hello-bare.err"
    fi
    # the same node count as kg build, and one of its edges
    check c_program_matches_kg_build sh -c "[ \"\$(head -n 1 '$T/hello.out')\" = \"\$(head -n 1 '$T/expected')\" ] &&
        grep -qxF \"\$(sed -n 2p '$T/hello.out')\" '$T/expected'"
    # the program reads what KG_DATA_DIR names, not the clone's data/
    if run_staged env KG_DATA_DIR="$T/no-such-dir" "$T/hello" "$TEXT" >/dev/null 2>"$T/nodata.err"; then
        fail c_program_reads_kg_data_dir "ran with KG_DATA_DIR=$T/no-such-dir"
    else
        check c_program_reads_kg_data_dir grep -q "$T/no-such-dir" "$T/nodata.err"
    fi
else
    fail c_program_builds_with_pkg_config "$(head -c 600 "$T/cc.err")"
fi

# shellcheck disable=SC2086
if ! command -v g++ >/dev/null 2>&1; then
    skip cxx_program_builds_with_pkg_config "no g++ (tools/deps.sh installs it)"
elif g++ -std=c++11 -Wall -Wextra -Werror $SAN "$T/src/hello.cc" -o "$T/hello++" $FLAGS 2>"$T/cxx.err"; then
    ok cxx_program_builds_with_pkg_config
    if run_staged "$T/hello++" "$ARTICLE" >"$T/hello++.out" 2>"$T/hello++.err"; then
        ok cxx_program_runs
    else
        fail cxx_program_runs "$(cat "$T/hello++.err")"
    fi
    check cxx_program_matches_kg_build cmp "$T/expected" "$T/hello++.out"
else
    fail cxx_program_builds_with_pkg_config "$(head -c 600 "$T/cxx.err")"
fi

# -- the staged kg alone: no KG_DATA_DIR or KG_MODEL_DIR, run from outside the
# clone, it takes its data and models from bin/../share/kg
check staged_help_names_its_data sh -c "cd '$T/elsewhere' && '$P/bin/kg' --help |
    grep -qx 'word lists: $P/share/kg/data (set KG_DATA_DIR to use others)'"
check staged_help_names_its_models sh -c "cd '$T/elsewhere' && '$P/bin/kg' --help |
    grep -q '^models: *$P/share/kg/models '"
for s in "$ROOT"/samples/*.txt; do
    sample=$(basename "$s" .txt)
    check "staged_kg_builds_$sample" sh -c "cd '$T/elsewhere' && '$P/bin/kg' build -q '$s' -o '$T/elsewhere/$sample' &&
        python3 -c \"import json,sys; g=json.load(open(sys.argv[1])); assert g['nodes'] and g.get('edges', g.get('links'))\" '$T/elsewhere/$sample.json'"
    check "staged_kg_matches_the_tree_on_$sample" sh -c "'$ROOT/$O/kg' build -q '$s' -o '$T/tree-$sample' &&
        cmp '$T/tree-$sample.json' '$T/elsewhere/$sample.json'"
done
# moved elsewhere, the prefix still works, and reads its own copy: without
# the parser model there, kg says so rather than falling back on the clone's
mkdir -p "$T/moved"
cp -a "$P" "$T/moved/kg"
check moved_prefix_still_builds sh -c "cd '$T/elsewhere' && '$T/moved/kg/bin/kg' build -q '$ARTICLE' -o '$T/moved/visit' &&
    cmp '$T/moved/visit.json' '$T/elsewhere/visit.json'"
rm "$T/moved/kg/share/kg/models/en-ud.kgm"
if (cd "$T/elsewhere" && "$T/moved/kg/bin/kg" build -q "$ARTICLE" -o "$T/moved/none") >/dev/null 2>"$T/moved.err"; then
    fail moved_prefix_reads_its_own_models "built without $T/moved/kg/share/kg/models/en-ud.kgm"
else
    check moved_prefix_reads_its_own_models grep -q "$T/moved/kg/share/kg/models/en-ud.kgm" "$T/moved.err"
fi

# -- the manual page renders, and names every command and every long option
# their --help gives
if command -v man >/dev/null 2>&1; then
    if MANWIDTH=100 man -P cat -l "$P/share/man/man1/kg.1" >"$T/man.txt" 2>"$T/man.err" && [ -s "$T/man.txt" ]; then
        ok man_page_renders
        absent=""
        commands=$("$P/bin/kg" --help | sed -n '/^commands:/,/^$/s/^  \([a-z][a-z-]*\) .*/\1/p')
        [ -n "$commands" ] || absent=" (kg --help lists no command)"
        for c in $commands; do
            grep -q "kg $c" "$T/man.txt" || absent="$absent $c"
            for opt in $("$P/bin/kg" "$c" --help | grep -o -- '--[a-z][a-z-]*' | sort -u); do
                grep -q -- "$opt" "$T/man.txt" || absent="$absent $c:$opt"
            done
        done
        for w in KG_DATA_DIR KG_MODEL_DIR ENVIRONMENT FILES "EXIT STATUS" EXAMPLES; do
            grep -q "$w" "$T/man.txt" || absent="$absent $w"
        done
        if [ -z "$absent" ]; then ok man_page_documents_every_option; else
            fail man_page_documents_every_option "not in kg.1:$absent"; fi
    else
        fail man_page_renders "$(head -c 400 "$T/man.err")"
    fi
else
    skip man_page_renders "man is not installed (tools/deps.sh installs man-db)"
fi

# -- make uninstall leaves no file of kg's in the stage
if make -s O="$O" uninstall DESTDIR="$STAGE" PREFIX=/usr/local >"$T/uninstall.log" 2>&1; then
    left=$(find "$STAGE" ! -type d | head -n 5)
    check uninstall_removes_every_file test -z "$left"
else
    fail uninstall_removes_every_file "$(tail -c 400 "$T/uninstall.log")"
fi
