#!/bin/sh
# Robustness tests: bad, odd or huge input and failing output never crash
# $O/kg and never cost data.  Every refusal is checked for its exact exit
# status, its one message line (`kg: FILE...: what`, naming the file and, where
# there is one, the place), an empty standard output, and an output directory
# left as it was: the old output untouched, no new file, no *.tmp.* litter.
# Prints "ok NAME" or "FAIL NAME: why" per check, like tests/cli/run.sh, and
# "skip NAME: why" where this machine cannot stage the case.
set -u
O=${O:-build}
KG="$PWD/$O/kg"
SAMPLE="$PWD/samples/blinken-2024-01-05.txt"
T=$(mktemp -d)
TMPFS="$T/tmpfs"
cleanup() {
    umount "$TMPFS" 2>/dev/null
    rm -rf "$T"
}
trap cleanup EXIT

ok() { echo "ok $1"; }
fail() { echo "FAIL $1: $2"; }
skip() { echo "skip $1: $2"; }
py() { python3 -c "$@" >"$T/py.err" 2>&1; }
why() { tail -n 3 "$T/py.err" | tr '\n' ' ' | head -c 300; }
# Under AddressSanitizer a virtual-memory limit stops the process at start
# (the shadow memory alone is terabytes of address space), so the memory bound
# is checked in the plain build only.
if ldd "$KG" 2>/dev/null | grep -q libasan; then SANITIZED=1; else SANITIZED=0; fi

OUT="$T/out"
reset_out() { # an output directory holding one old output (emptied, not
    # removed, because it may be a mount point)
    mkdir -p "$OUT"
    find "$OUT" -mindepth 1 -delete
    printf 'old\n' >"$OUT/x.json"
}
out_untouched() {
    [ "$(ls -A "$OUT")" = "x.json" ] && [ "$(cat "$OUT/x.json")" = "old" ]
}
run() { # KG-ARGS...: runs kg, sets rc, keeps stdout and stderr
    "$KG" "$@" >"$T/stdout" 2>"$T/stderr"
    rc=$?
}
first_err() { head -c 300 "$T/stderr" | tr '\n' ' '; }

# refused NAME STATUS MESSAGE KG-ARGS...: kg exits with STATUS, prints exactly
# MESSAGE on standard error and nothing on standard output, and leaves $OUT
# as it was.
refused() {
    name=$1 want_rc=$2 want_msg=$3
    shift 3
    reset_out
    run "$@"
    if [ "$rc" -ne "$want_rc" ]; then
        fail "$name" "exit status $rc, expected $want_rc: $(first_err)"
    elif [ "$(cat "$T/stderr")" != "$want_msg" ]; then
        fail "$name" "message '$(first_err)', expected '$want_msg'"
    elif [ -s "$T/stdout" ]; then
        fail "$name" "wrote to standard output: $(head -c 200 "$T/stdout")"
    elif ! out_untouched; then
        fail "$name" "output directory changed: $(ls -A "$OUT" | tr '\n' ' ')"
    else
        ok "$name"
    fi
}

# accepted NAME KG-ARGS...: kg exits 0 with nothing on standard error.
accepted() {
    name=$1
    shift
    run "$@"
    if [ "$rc" -ne 0 ]; then fail "$name" "exit status $rc: $(first_err)"
    elif [ -s "$T/stderr" ]; then fail "$name" "stderr: $(first_err)"
    else ok "$name"; fi
}

# has_entities NAME JSONL-FILE ID...: every ID is among the mentions.
has_entities() {
    name=$1 file=$2
    shift 2
    if py "
import json,sys
ids={json.loads(l)['entity'] for l in open(sys.argv[1])}
missing=[i for i in sys.argv[2:] if i not in ids]
assert not missing, ('missing', missing, 'found', sorted(ids))" "$file" "$@"; then
        ok "$name"
    else
        fail "$name" "$(why)"
    fi
}

# offsets_match NAME TEXT-FILE JSONL-FILE: byte offsets and code-point offsets
# of every mention give back its text.  Code points are counted as kg counts
# them: one per replaced invalid byte (Python's surrogateescape does the same).
offsets_match() {
    if py "
import json,sys
raw=open(sys.argv[1],'rb').read()
text=raw.decode('utf-8','surrogateescape')
n=0
for line in open(sys.argv[2]):
    m=json.loads(line); n+=1
    assert raw[m['start']:m['end']].decode()==m['text'], ('bytes', m)
    assert text[m['cp_start']:m['cp_end']]==m['text'], ('code points', m)
assert n>0, 'no mentions'" "$2" "$3"; then
        ok "$1"
    else
        fail "$1" "$(why)"
    fi
}

# ---------------------------------------------------------------- unusable input
refused missing_file 2 "kg: $T/nope.txt: cannot open: No such file or directory" \
    build "$T/nope.txt" -o "$OUT/x"
# root reads any file whatever its mode, so an unreadable path is staged as
# one that no one can open: a name under a regular file, and a directory
printf 'Israel.\n' >"$T/plain"
refused unreadable_path 2 "kg: $T/plain/x.txt: cannot open: Not a directory" \
    build "$T/plain/x.txt" -o "$OUT/x"
refused directory_input 2 "kg: $T: cannot open: Is a directory" build "$T" -o "$OUT/x"
if [ "$(id -u)" -ne 0 ]; then # mode 000 stops everyone but root
    printf 'Israel.\n' >"$T/locked.txt"
    chmod 000 "$T/locked.txt"
    refused unreadable_file 2 "kg: $T/locked.txt: cannot open: Permission denied" \
        build "$T/locked.txt" -o "$OUT/x"
fi
refused missing_file_entities 2 "kg: $T/nope.txt: cannot open: No such file or directory" \
    entities "$T/nope.txt"
: >"$T/empty.txt"
refused empty_file 2 "kg: $T/empty.txt: empty document" build "$T/empty.txt" -o "$OUT/x"
refused empty_stdin 2 "kg: -: empty document" build - -o "$OUT/x" </dev/null
# spaces, tabs, CRLF, a no-break space, a BOM and a line separator
printf ' \t\r\n\302\240\357\273\277\342\200\250\n' >"$T/blank.txt"
refused whitespace_only 2 "kg: $T/blank.txt: empty document" build "$T/blank.txt" -o "$OUT/x"
printf 'date 2024-01-05' >"$T/header.txt"
refused header_only 2 "kg: $T/header.txt: empty document" build "$T/header.txt" -o "$OUT/x"
printf 'date 2024-01-05\n\n  \n' >"$T/header2.txt"
refused header_and_blank_lines 2 "kg: $T/header2.txt: empty document" \
    build "$T/header2.txt" -o "$OUT/x"
printf 'Benjamin Netanyahu\n met\000 Blinken.\n' >"$T/nul.txt"
refused nul_byte 2 "kg: $T/nul.txt:2:5: binary data (NUL byte at byte 23)" \
    build "$T/nul.txt" -o "$OUT/x"
printf '\177ELF\002\001\001\000\000\000\000\000\000\000\000\000\003\000>\000' >"$T/prog"
refused binary_file 2 "kg: $T/prog:1:8: binary data (NUL byte at byte 7)" \
    entities "$T/prog"
# one byte over the default limit (KG_READER_MAX_BYTES, 64 MiB); sparse, so
# it costs no disk, and refused after reading at most the limit
truncate -s $((64 * 1024 * 1024 + 1)) "$T/huge.txt"
refused over_size_limit 2 "kg: $T/huge.txt: larger than 67108864 bytes" \
    build "$T/huge.txt" -o "$OUT/x"
refused over_size_limit_stdin 2 "kg: -: larger than 67108864 bytes" \
    build - -o "$OUT/x" <"$T/huge.txt"
rm -f "$T/huge.txt"

# ---------------------------------------------------------------- odd text
# Invalid UTF-8 (a stray byte, an overlong, a surrogate, a truncated
# sequence) before and between names: replaced byte for byte, one warning
# naming the file and the first bad byte, every offset as in the input.
printf 'The envoy \377\376 met Benjamin Netanyahu in Israel on Monday. Overlong \300\257 and \355\240\200 and \342\200 then Antony Blinken spoke.\n' >"$T/bad-utf8.txt"
run entities "$T/bad-utf8.txt"
cp "$T/stdout" "$T/bad-utf8.jsonl"
if [ "$rc" -ne 0 ]; then
    fail invalid_utf8_accepted "exit status $rc: $(first_err)"
elif [ "$(cat "$T/stderr")" != "kg: $T/bad-utf8.txt: warning: 9 invalid UTF-8 bytes replaced, first at byte 10" ]; then
    fail invalid_utf8_accepted "message: $(first_err)"
else
    ok invalid_utf8_accepted
fi
has_entities invalid_utf8_names_found "$T/bad-utf8.jsonl" benjamin-netanyahu israel antony-blinken
offsets_match invalid_utf8_offsets "$T/bad-utf8.txt" "$T/bad-utf8.jsonl"
run build -q "$T/bad-utf8.txt" -o "$T/bad-utf8"
if [ "$rc" -eq 0 ] && [ "$(wc -l <"$T/stderr")" -eq 1 ] &&
    py "import json,sys; g=json.load(open(sys.argv[1])); assert g['nodes']" "$T/bad-utf8.json"; then
    ok invalid_utf8_build
else
    fail invalid_utf8_build "exit status $rc: $(first_err) $(why)"
fi

# Characters outside the Basic Multilingual Plane (4 bytes in UTF-8, one code
# point, two UTF-16 units) before names: code-point offsets still exact.
printf '\360\237\230\200\360\237\207\256\360\237\207\261 \360\235\220\201 Benjamin Netanyahu met Antony Blinken \360\237\244\235 in Israel.\n' >"$T/emoji.txt"
run entities --format jsonl "$T/emoji.txt"
cp "$T/stdout" "$T/emoji.jsonl"
if [ "$rc" -eq 0 ] && [ ! -s "$T/stderr" ]; then ok emoji_accepted; else fail emoji_accepted "exit status $rc: $(first_err)"; fi
has_entities emoji_names_found "$T/emoji.jsonl" benjamin-netanyahu antony-blinken israel
offsets_match emoji_code_point_offsets "$T/emoji.txt" "$T/emoji.jsonl"

# The sample with CRLF line ends and a BOM reads like the sample.
printf '\357\273\277' >"$T/crlf.txt"
sed 's/$/\r/' "$SAMPLE" >>"$T/crlf.txt"
"$KG" entities --format tsv "$SAMPLE" 2>/dev/null | cut -f1,3 >"$T/lf.ents"
"$KG" entities --format tsv "$T/crlf.txt" 2>/dev/null | cut -f1,3 >"$T/crlf.ents"
if [ -s "$T/lf.ents" ] && cmp -s "$T/lf.ents" "$T/crlf.ents"; then
    ok crlf_and_bom_read_like_lf
else
    fail crlf_and_bom_read_like_lf "$(diff "$T/lf.ents" "$T/crlf.ents" | head -n 5 | tr '\n' ' ')"
fi

# Thousands of repeated marks: ! ?. ... , … ” - between the names.
py "
s=('Israel' + '!'*5000 + ' ' + '?.'*3000 + ' ' + '.'*5000 + ' Benjamin Netanyahu met Antony Blinken'
   + ','*4000 + ' in Egypt' + '\u2026'*2000 + ' ' + '\u201d'*2000 + ' ' + '-'*3000 + ' Jordan.\n')
open('$T/punct.txt','w',encoding='utf-8').write(s)"
run entities "$T/punct.txt"
cp "$T/stdout" "$T/punct.jsonl"
if [ "$rc" -eq 0 ]; then ok repeated_punctuation_entities; else fail repeated_punctuation_entities "exit status $rc: $(first_err)"; fi
has_entities repeated_punctuation_names_found "$T/punct.jsonl" israel benjamin-netanyahu antony-blinken egypt jordan
accepted repeated_punctuation_build build -q "$T/punct.txt" -o "$T/punct"

# Quotes and brackets of every kind nested 3,000 deep around a name; the
# marks are glued, so the sentence holds one 72 KB "word" of punctuation.
py "
d=3000
s=('Benjamin Netanyahu said ' + '(\"[{\u201c\u2018\u00ab'*d + 'Egypt' + '\u00bb\u2019\u201d}]\"),'*d
   + '. Antony Blinken visited Jordan.\n')
open('$T/nested.txt','w',encoding='utf-8').write(s)"
run entities "$T/nested.txt"
cp "$T/stdout" "$T/nested.jsonl"
has_entities nested_quotes_names_found "$T/nested.jsonl" benjamin-netanyahu egypt antony-blinken jordan
accepted nested_quotes_build build -q "$T/nested.txt" -o "$T/nested"

# One 33,000-letter word in a sentence that names people: too long for any
# parser, which must not be handed it.
py "open('$T/longword.txt','w').write('Benjamin Netanyahu met ' + 'x'*33000 + ' in Egypt.\n')"
accepted very_long_word_build build -q "$T/longword.txt" -o "$T/longword"

# A 20,000-word sentence (one name at each end), then a normal one: the long
# one goes to the shallow extractor and the rest of the document is read.
py "
w='the envoy said talks would resume soon and '
s=('Antony Blinken said that ' + w*2500 + 'Egypt would help.\n\n'
   + 'Benjamin Netanyahu met King Abdullah in Jordan.\n')
open('$T/long.txt','w').write(s)"
run entities "$T/long.txt"
cp "$T/stdout" "$T/long.jsonl"
has_entities long_sentence_rest_read "$T/long.jsonl" antony-blinken egypt benjamin-netanyahu jordan
run build -q "$T/long.txt" -o "$T/long"
if [ "$rc" -eq 0 ] && py "
import json,sys
g=json.load(open(sys.argv[1]))
ids={n['id'] for n in g['nodes']}
assert {'antony-blinken','egypt','benjamin-netanyahu','jordan'} <= ids, ids
assert any(l['source']=='benjamin-netanyahu' or l['target']=='benjamin-netanyahu' for l in g['edges']), g['edges']
assert all(len(e['text']) < 1000000 for l in g['edges'] for e in l['evidence'])" "$T/long.json"; then
    ok long_sentence_build
else
    fail long_sentence_build "exit status $rc: $(first_err) $(why)"
fi

# 50 MB on one line: repeated words, no punctuation, no newline.  Under the
# size limit, so it is read and built, in bounded time and memory.
py "
w=b'the envoy said talks would resume soon '
n=50*1000*1000
open('$T/big.txt','wb').write((w*(n//len(w)+1))[:n])"
big_start=$(date +%s)
if [ "$SANITIZED" -eq 1 ]; then
    timeout 170 "$KG" build -q "$T/big.txt" -o "$T/big" >"$T/stdout" 2>"$T/stderr"
else
    (ulimit -v 2097152 && exec timeout 60 "$KG" build -q "$T/big.txt" -o "$T/big") \
        >"$T/stdout" 2>"$T/stderr"
fi
rc=$?
big_secs=$(($(date +%s) - big_start))
if [ "$rc" -eq 0 ] && [ ! -s "$T/stderr" ] &&
    py "import json,sys; g=json.load(open(sys.argv[1])); assert g['graph']" "$T/big.json"; then
    ok "fifty_megabytes_one_line"
else
    fail fifty_megabytes_one_line "exit status $rc after ${big_secs}s: $(first_err) $(why)"
fi
rm -f "$T/big.txt" "$T/big.json"

# ---------------------------------------------------------------- failing output
refused unwritable_output 2 "kg: /nonexistent/dir/x.json: cannot write: No such file or directory" \
    build -q "$SAMPLE" -o /nonexistent/dir/x
refused output_under_file 2 "kg: $T/plain/x.json: cannot write: Not a directory" \
    build -q "$SAMPLE" -o "$T/plain/x"
reset_out
mkdir "$OUT/d.json"
run build -q "$SAMPLE" -o "$OUT/d"
if [ "$rc" -eq 2 ] && [ "$(cat "$T/stderr")" = "kg: $OUT/d.json: cannot write: Is a directory" ] &&
    [ "$(ls -A "$OUT" | tr '\n' ' ')" = "d.json x.json " ] && [ -z "$(ls -A "$OUT/d.json")" ]; then
    ok output_is_directory
else
    fail output_is_directory "exit status $rc: $(first_err); left $(ls -A "$OUT" | tr '\n' ' ')"
fi

# A write that fails half way (the file-size limit: EFBIG, as a full disk
# gives ENOSPC).  SIGXFSZ is ignored so the write fails instead of killing kg;
# 30 blocks (15 KiB in dash, 30 KiB in bash) hold the DOT file (14 KB with
# its tooltips) but neither the
# JSON nor the SVG.  Exit status 2 promises that nothing was written.
refused_limited() { # NAME MESSAGE KG-ARGS...: as refused, under the limit
    name=$1 want_msg=$2
    shift 2
    reset_out
    (trap '' XFSZ && ulimit -f 30 && exec "$KG" "$@") >"$T/stdout" 2>"$T/stderr"
    rc=$?
    if [ "$rc" -ne 2 ]; then fail "$name" "exit status $rc: $(first_err)"
    elif [ "$(cat "$T/stderr")" != "$want_msg" ]; then fail "$name" "message '$(first_err)', expected '$want_msg'"
    elif ! out_untouched; then fail "$name" "output directory changed: $(ls -A "$OUT" | tr '\n' ' ')"
    else ok "$name"; fi
}
refused_limited write_fails_json "kg: $OUT/x.json: cannot write: File too large" \
    build -q "$SAMPLE" -o "$OUT/x" --format json
refused_limited write_fails_svg "kg: $OUT/x.svg: cannot write: File too large" \
    build -q "$SAMPLE" -o "$OUT/x" --format dot,svg

# A full disk: a 64 KiB tmpfs, filled.  Needs root and mount; skipped where
# the machine does not allow it (the file-size tests above still run).
mkdir -p "$TMPFS"
if mount -t tmpfs -o size=64k tmpfs "$TMPFS" 2>/dev/null; then
    OUT_SAVED=$OUT
    OUT="$TMPFS"
    full_disk() { # NAME FORMATS FILE-THAT-FAILS
        reset_out
        dd if=/dev/zero of="$TMPFS/fill" bs=1024 2>/dev/null # until the disk is full
        # with room for the 5 KB DOT file but not the 30 KB SVG
        [ "$1" = full_disk_svg ] && truncate -s -16K "$TMPFS/fill"
        run build -q "$SAMPLE" -o "$TMPFS/x" --format "$2"
        rm -f "$TMPFS/fill"
        want="kg: $TMPFS/$3: cannot write: No space left on device"
        if [ "$rc" -ne 2 ]; then fail "$1" "exit status $rc: $(first_err)"
        elif [ "$(cat "$T/stderr")" != "$want" ]; then fail "$1" "message '$(first_err)', expected '$want'"
        elif ! out_untouched; then fail "$1" "output directory changed: $(ls -A "$OUT" | tr '\n' ' ')"
        else ok "$1"; fi
    }
    full_disk full_disk_json json,dot x.json
    full_disk full_disk_svg dot,svg x.svg
    OUT=$OUT_SAVED
    umount "$TMPFS"
else
    skip full_disk "cannot mount a tmpfs here"
fi

# Standard output that cannot be written (/dev/full): an error, not a silent
# loss.  In the larger cases stdio's buffer fails long before exit; whether
# the last flush still has bytes to fail on depends on the output's length,
# so three lengths are tried (717 and 740 sentence pairs once passed
# unnoticed, with exit status 0).
"$KG" entities "$SAMPLE" >/dev/full 2>"$T/stderr"
rc=$?
if [ "$rc" -eq 2 ] && grep -q "^kg: .*standard output" "$T/stderr"; then ok stdout_full; else fail stdout_full "exit status $rc: $(first_err)"; fi
for n in 717 740 800; do
    py "open('$T/many.txt','w').write('Benjamin Netanyahu met Antony Blinken in Israel. He said the talks would resume. ' * $n)"
    "$KG" entities "$T/many.txt" >/dev/full 2>"$T/stderr"
    rc=$?
    if [ "$rc" -eq 2 ] && grep -q "^kg: .*standard output" "$T/stderr"; then ok "stdout_full_$n"; else fail "stdout_full_$n" "exit status $rc: $(first_err)"; fi
done

# kg diff's SVG went to Graphviz's own writer, which on a failed write prints
# "gvwrite_no_z problem" and exits 1 (kg diff's "differences found"); it is
# rendered into memory now, as kg build's is.
sed 's/Ukraine/Poland/g' "$SAMPLE" >"$T/changed.txt"
"$KG" diff -f svg "$SAMPLE" "$T/changed.txt" >/dev/full 2>"$T/stderr"
rc=$?
if [ "$rc" -eq 2 ] && [ "$(cat "$T/stderr")" = "kg: cannot write to standard output" ]; then
    ok diff_svg_stdout_full; else fail diff_svg_stdout_full "exit status $rc: $(first_err)"; fi
refused_limited diff_svg_write_fails "kg: $OUT/d.svg: cannot write: File too large" \
    diff -f svg -o "$OUT/d.svg" "$SAMPLE" "$T/changed.txt"

# ---------------------------------------------------------------- hostile text
# Issue 16: what an article (or a hand-written graph) holds must neither break
# a TSV row, nor reach a terminal as a control sequence, nor make an XML output
# not well-formed, nor merge two names or two documents into one.
H="$T/hostile"
mkdir -p "$H"

# no_controls NAME FILE: FILE holds no C0 control but tab and newline, no DEL
# and no C1 control (U+0080-U+009F), and is UTF-8.
no_controls() {
    if py "
import sys
t=open(sys.argv[1],'rb').read().decode('utf-8')
bad=[(i,hex(ord(c))) for i,c in enumerate(t) if (ord(c)<32 and c not in '\t\n') or 0x7f<=ord(c)<=0x9f]
assert t and not bad, bad[:5]" "$2"; then ok "$1"; else fail "$1" "$(why)"; fi
}
# has_text NAME FILE TEXT: FILE contains TEXT (a fixed string).
has_text() {
    if grep -qF -- "$3" "$2"; then ok "$1"; else fail "$1" "no '$3' in: $(head -c 300 "$2")"; fi
}
# well_formed NAME FILE...: Python's XML parser takes each FILE.
well_formed() {
    name=$1
    shift
    if py "
import sys, xml.dom.minidom
for f in sys.argv[1:]: xml.dom.minidom.parse(f)" "$@"; then ok "$name"; else fail "$name" "$(why)"; fi
}

# TSV: a tab or newline inside a mention is written \t or \n, so every row
# keeps its nine fields and each field reads back to the text.
printf 'Benjamin\tNetanyahu met Antony\nBlinken in Israel.\n' >"$H/tabs.txt"
"$KG" entities --format tsv "$H/tabs.txt" >"$H/tabs.tsv" 2>/dev/null
if py "
import sys
raw=open(sys.argv[1],'rb').read()
rows=open(sys.argv[2],'rb').read().decode().split('\n')[1:-1]
def unescape(f):
    return f.encode().decode('unicode_escape').encode('latin-1').decode('utf-8')
assert len(rows)==3, rows
for r in rows:
    f=r.split('\t')
    assert len(f)==9, f
    assert raw[int(f[3]):int(f[4])].decode()==unescape(f[2]), f" "$H/tabs.txt" "$H/tabs.tsv"; then
    ok tsv_entities_fields_escaped
else
    fail tsv_entities_fields_escaped "$(why)"
fi
has_text tsv_entities_tab_as_escape "$H/tabs.tsv" 'Benjamin\tNetanyahu'
"$KG" triples "$H/tabs.txt" >"$H/tabs-triples.tsv" 2>/dev/null
if py "
import sys
rows=open(sys.argv[1]).read().split('\n')[:-1]
assert rows and all(len(r.split('\t'))==7 for r in rows), rows" "$H/tabs-triples.tsv"; then
    ok tsv_triples_rows_keep_their_fields
else
    fail tsv_triples_rows_keep_their_fields "$(why)"
fi
# a phrase is read across a line break as one line (udtree.h: line breaks
# made spaces), so a field never holds one
has_text tsv_triples_line_break_folded "$H/tabs-triples.tsv" 'Antony Blinken in Israel'

# Terminal controls (ESC with CSI and OSC sequences, BEL, DEL, U+009B CSI)
# in an article reach no text output raw: they are shown as \xHH.
printf 'Benjamin Netanyahu met Antony Blinken in Israel.\n' >"$H/old.txt"
printf 'Benjamin Netanyahu met Antony Blinken in Israel. Netanyahu visited Egypt \033]0;pwned\007 with \033[31mthe envoy\033[0m\302\233 and\177 more.\n' >"$H/new.txt"
"$KG" diff "$H/old.txt" "$H/new.txt" >"$H/diff.out" 2>&1
no_controls diff_text_no_raw_controls "$H/diff.out"
has_text diff_text_shows_escapes "$H/diff.out" 'Egypt \x1b]0;pwned\x07 with \x1b[31mthe envoy\x1b[0m\x9b and\x7f more.'
"$KG" diff --format json "$H/old.txt" "$H/new.txt" >"$H/diff.json" 2>&1
no_controls diff_json_no_raw_controls "$H/diff.json"
for f in tsv jsonl; do
    "$KG" entities --format $f "$H/new.txt" >"$H/ents.$f" 2>&1
    no_controls "entities_${f}_no_raw_controls" "$H/ents.$f"
done
for f in tsv jsonl carb; do
    "$KG" triples --format $f "$H/new.txt" >"$H/triples.$f" 2>&1
    no_controls "triples_${f}_no_raw_controls" "$H/triples.$f"
done
has_text triples_tsv_shows_escapes "$H/triples.tsv" 'Egypt \x1b'
"$KG" build "$H/new.txt" -o "$H/out$(printf '\033')[2Jx" >"$H/build.out" 2>&1
no_controls build_summary_no_raw_controls "$H/build.out"
has_text build_summary_shows_escapes "$H/build.out" 'wrote '"$H"'/out\x1b[2Jx.json'
# A hand-written graph: labels and relations with controls, for stats and
# merge, and with characters XML cannot hold for the XML outputs.
py "
import json
g={'directed':True,'multigraph':False,'graph':{'schema_version':1,'documents':[{'id':'d','date':''}]},
 'nodes':[{'id':'a\ufffe\u0001','label':'Evil\u001b]0;pwned\u0007 \u009b31m\u007fX \ufffe\uffff &#1; &nbsp;','type':'person','mentions':1},
          {'id':'b','label':'B','type':'person','mentions':1}],
 'links':[{'source':'a\ufffe\u0001','target':'b','relation':'meet\u001b[5m\uffff\u0002','count':1}]}
json.dump(g,open('$H/hostile.json','w'))"
"$KG" stats "$H/hostile.json" >"$H/stats.txt" 2>&1
no_controls stats_text_no_raw_controls "$H/stats.txt"
has_text stats_text_shows_escapes "$H/stats.txt" 'Evil\x1b]0;pwned\x07 \x9b31m\x7fX'
"$KG" stats --format json "$H/hostile.json" >"$H/stats.json" 2>&1
no_controls stats_json_no_raw_controls "$H/stats.json"

# XML outputs stay well-formed: U+FFFE, U+FFFF and C0 controls become U+FFFD,
# and text that looks like a reference ("&#1;", which Graphviz would decode)
# stays text.
run merge "$H/hostile.json" -q -o "$H/m" --format graphml,svg,dot
if [ "$rc" -eq 0 ]; then ok hostile_merge_written; else fail hostile_merge_written "exit status $rc: $(first_err)"; fi
dot -Tsvg "$H/m.dot" -o "$H/m-dot.svg" 2>/dev/null
well_formed xml_graphml_well_formed "$H/m.graphml"
well_formed xml_svg_well_formed "$H/m.svg"
well_formed xml_dot_rendered_svg_well_formed "$H/m-dot.svg"
sed 's/"B"/"Bee\\ufffe"/' "$H/hostile.json" >"$H/hostile2.json"
"$KG" diff --format svg -o "$H/d.svg" "$H/hostile.json" "$H/hostile2.json" 2>/dev/null
"$KG" diff --format dot "$H/hostile.json" "$H/hostile2.json" 2>/dev/null | dot -Tsvg -o "$H/d-dot.svg"
well_formed xml_diff_svg_well_formed "$H/d.svg" "$H/d-dot.svg"

# Names in other scripts keep their letters: two people, two nodes.
printf 'Владимир Путин met Antony Blinken.\n' >"$H/putin.txt"
printf 'Си Цзиньпин met Antony Blinken.\n' >"$H/xi.txt"
run build -q "$H/putin.txt" "$H/xi.txt" -o "$H/scripts"
if [ "$rc" -eq 0 ] && py "
import json,sys
g=json.load(open(sys.argv[1]))
ids={n['id']:n['label'] for n in g['nodes']}
assert ids.get('владимир-путин')=='Владимир Путин' and ids.get('си-цзиньпин')=='Си Цзиньпин', ids" "$H/scripts.json"; then
    ok non_latin_names_are_two_nodes
else
    fail non_latin_names_are_two_nodes "exit status $rc: $(first_err) $(why)"
fi

# A Latin-1 file name: the document id is UTF-8 (U+FFFD for the bad byte),
# the output keeps the input's name.
mkdir -p "$H/latin1"
printf 'Antony Blinken met Benjamin Netanyahu.\n' >"$H/latin1/caf$(printf '\351').txt"
(cd "$H/latin1" && "$KG" build -q "caf$(printf '\351').txt") >"$T/stdout" 2>"$T/stderr"
rc=$?
if [ "$rc" -eq 0 ] && [ ! -s "$T/stderr" ] && py "
import json,sys
g=json.load(open(sys.argv[1],'rb'))
assert [d['id'] for d in g['graph']['documents']]==['caf\ufffd'], g['graph']['documents']" "$H/latin1/caf$(printf '\351').json"; then
    ok latin1_file_name_builds
else
    fail latin1_file_name_builds "exit status $rc: $(first_err) $(why)"
fi

# Counts near 2^63 saturate on merge instead of wrapping to a negative number
# that kg then refuses to read.
py "
import json
def g(doc):
    big=2**62+1
    return {'directed':True,'multigraph':False,'graph':{'schema_version':1,'documents':[{'id':doc,'date':''}]},
     'nodes':[{'id':'a','label':'A','type':'person','mentions':big},{'id':'b','label':'B','type':'person','mentions':big}],
     'links':[{'source':'a','target':'b','relation':'meet','count':big}]}
json.dump(g('d1'),open('$H/big1.json','w')); json.dump(g('d2'),open('$H/big2.json','w'))"
run merge -q "$H/big1.json" "$H/big2.json" -o "$H/bigm"
if [ "$rc" -eq 0 ] && py "
import json,sys
g=json.load(open(sys.argv[1]))
assert all(n['mentions']==2**63-1 for n in g['nodes']) and g['edges'][0]['count']==2**63-1, g" "$H/bigm.json"; then
    ok counts_saturate_on_merge
else
    fail counts_saturate_on_merge "exit status $rc: $(first_err) $(why)"
fi
run merge -q "$H/bigm.json" "$H/big1.json" -o "$H/bigm2"
if [ "$rc" -eq 0 ] && [ ! -s "$T/stderr" ]; then ok saturated_graph_reads_back; else fail saturated_graph_reads_back "exit status $rc: $(first_err)"; fi

# skipped NAME STATUS MESSAGE IDS KG-ARGS...: kg exits with STATUS, prints
# exactly MESSAGE on standard error, $OUT/x.json (which replaced the old one,
# with no temporary file left) holds the documents IDS (comma-separated) and
# nothing else.
skipped() {
    name=$1 want_rc=$2 want_msg=$3 want_ids=$4
    shift 4
    reset_out
    run "$@"
    if [ "$rc" -ne "$want_rc" ]; then
        fail "$name" "exit status $rc, expected $want_rc: $(first_err)"
    elif [ "$(cat "$T/stderr")" != "$want_msg" ]; then
        fail "$name" "message '$(first_err)', expected '$want_msg'"
    elif [ "$(ls -A "$OUT")" != "x.json" ]; then
        fail "$name" "output directory holds: $(ls -A "$OUT" | tr '\n' ' ')"
    elif ! py "
import json,sys
g=json.load(open(sys.argv[1]))
ids=','.join(d['id'] for d in g['graph']['documents'])
assert ids==sys.argv[2], ids" "$OUT/x.json" "$want_ids"; then
        fail "$name" "$(why)"
    else
        ok "$name"
    fi
}
# A JSON Lines record with an empty id is reported (FILE:LINE) and skipped;
# the others are built and the exit status is 1, as for any bad record.
printf '{"id": "", "text": "Antony Blinken met Benjamin Netanyahu."}\n{"id": "x", "text": "Antony Blinken met Benjamin Netanyahu in Israel."}\n' >"$H/empty-id.jsonl"
skipped jsonl_empty_id_skipped 1 "kg: $H/empty-id.jsonl:1: the document id is empty" x \
    build -q --jsonl "$H/empty-id.jsonl" -o "$OUT/x"
refused jsonl_empty_id_no_keep_going 2 "kg: $H/empty-id.jsonl:1: the document id is empty" \
    build -q --jsonl --no-keep-going "$H/empty-id.jsonl" -o "$OUT/x"
skipped jsonl_empty_id_stdin 1 "kg: -:1: the document id is empty" x \
    build -q --jsonl -o "$OUT/x" <"$H/empty-id.jsonl"

# Two inputs with one document id are refused, naming both (a.txt and a.md,
# whose shared name makes their paths the ids; sub/a and sub/a.txt; records 1
# and "1"), instead of becoming one document.
mkdir -p "$H/dup/sub"
printf 'Antony Blinken met Benjamin Netanyahu in Israel.\n' >"$H/dup/a.txt"
printf 'Joe Biden visited Egypt.\n' >"$H/dup/a.md"
cp "$H/dup/a.txt" "$H/dup/sub/a"
cp "$H/dup/a.md" "$H/dup/sub/a.txt"
refused duplicate_id_txt_and_md 2 \
    "kg: $H/dup/a.md: document id \"$H/dup/a\" is already that of $H/dup/a.txt" \
    build -q "$H/dup/a.txt" "$H/dup/a.md" -o "$OUT/x"
refused duplicate_id_with_and_without_extension 2 \
    "kg: $H/dup/sub/a.txt: document id \"$H/dup/sub/a\" is already that of $H/dup/sub/a" \
    build -q "$H/dup/sub/a" "$H/dup/sub/a.txt" "$H/dup/a.txt" -o "$OUT/x"
skipped duplicate_id_keep_going 1 \
    "kg: $H/dup/a.md: document id \"$H/dup/a\" is already that of $H/dup/a.txt" "$H/dup/a" \
    build -q -k "$H/dup/a.txt" "$H/dup/a.md" -o "$OUT/x"
printf '{"id": 1, "text": "Antony Blinken met Benjamin Netanyahu."}\n{"id": "1", "text": "Joe Biden visited Egypt."}\n{"id": "2", "text": "Joe Biden visited Jordan."}\n' >"$H/dup.jsonl"
skipped duplicate_id_jsonl_number_and_string 1 \
    "kg: $H/dup.jsonl:2: document id \"1\" is already that of $H/dup.jsonl:1" 1,2 \
    build -q --jsonl "$H/dup.jsonl" -o "$OUT/x"
# the same path twice is the same document, as before
reset_out
run build -q "$H/dup/a.txt" "$H/dup/a.txt" -o "$OUT/x"
if [ "$rc" -eq 0 ] && [ ! -s "$T/stderr" ]; then ok same_path_twice_is_one_document; else fail same_path_twice_is_one_document "exit status $rc: $(first_err)"; fi

# ---------------------------------------------------------------- limits, inputs and outputs
# Issue 16, second part: every input under a byte limit read no further than
# the limit, outputs that never land on an input, staged files that a signal
# does not leave behind.
L="$T/limits"
mkdir -p "$L"

# kg triples --sentences reads its file as kg build reads a document.
refused triples_sentences_directory 2 "kg: $L: cannot open: Is a directory" \
    triples --sentences "$L"
refused triples_sentences_closed_stdin 2 "kg: -: cannot read: Bad file descriptor" \
    triples --sentences - <&-
printf 'Antony Blinken met Benjamin Netanyahu.\nHe met\000 Joe Biden.\n' >"$L/nul.txt"
refused triples_sentences_nul 2 "kg: $L/nul.txt:2:7: binary data (NUL byte at byte 45)" \
    triples --sentences "$L/nul.txt"
refused triples_sentences_dev_zero 2 "kg: /dev/zero: larger than 67108864 bytes" \
    triples --sentences /dev/zero
py "open('$L/line.txt','wb').write(b'Antony Blinken met Benjamin Netanyahu and ' * (70*1000*1000//42))"
refused triples_sentences_70mb_line 2 "kg: $L/line.txt: larger than 67108864 bytes" \
    triples --sentences "$L/line.txt"
rm -f "$L/line.txt"
: >"$L/empty.txt"
refused triples_sentences_empty 2 "kg: $L/empty.txt: empty document" \
    triples --sentences "$L/empty.txt"

# kg diff - stops reading standard input at the limit: of 200 MB offered,
# what it takes is the limit, a pipe's buffer and one write.
if py "
import subprocess,sys
errf=open('$T/stderr','w+b')
p=subprocess.Popen(['$KG','diff','-','$SAMPLE'],stdin=subprocess.PIPE,stdout=subprocess.DEVNULL,stderr=errf)
chunk=b'x'*(1<<20); sent=0
try:
    while sent < 200*1000*1000:
        p.stdin.write(chunk); sent+=len(chunk)
    p.stdin.close()
except BrokenPipeError:
    pass
p.wait(); errf.seek(0); err=errf.read()
assert p.returncode==2, (p.returncode, err)
assert err==b'kg: -: larger than 67108864 bytes\n', err
assert sent < 70*1000*1000, ('read', sent)"; then
    ok diff_stdin_read_no_further_than_limit
else
    fail diff_stdin_read_no_further_than_limit "$(why)"
fi
# graph JSON has a limit too (KG_GRAPH_JSON_MAX_BYTES, 256 MiB)
refused merge_dev_zero_over_limit 2 "kg: /dev/zero: larger than 268435456 bytes" \
    merge -q /dev/zero -o "$OUT/x"
refused stats_dev_zero_over_limit 2 "kg: /dev/zero: larger than 268435456 bytes" \
    stats /dev/zero

# kg diff decides by content: '{Breaking} ...' is an article; a JSON text
# that is not a graph says it was read as graph JSON.
printf '{Breaking} Antony Blinken met Benjamin Netanyahu in Israel.\n' >"$L/brace.txt"
run diff "$L/brace.txt" "$SAMPLE"
if [ "$rc" -eq 1 ] && [ ! -s "$T/stderr" ] && grep -qF '{Breaking} Antony Blinken' "$T/stdout"; then
    ok diff_brace_article_read_as_article
else
    fail diff_brace_article_read_as_article "exit status $rc: $(first_err)"
fi
printf '{"nodes": 1}\n' >"$L/notgraph.json"
refused diff_json_not_a_graph 2 \
    "kg: $L/notgraph.json: graph: missing (expected an object) (read as graph JSON)" \
    diff "$L/notgraph.json" "$SAMPLE"

# Outputs never land on an input (the same file, also through a hard link).
reset_out
refused diff_output_is_input 2 "kg: $OUT/x.json: would write over the input $OUT/x.json" \
    diff "$OUT/x.json" "$SAMPLE" -o "$OUT/x.json"
refused build_output_is_input 2 "kg: $OUT/x.json: would write over the input $OUT/x.json" \
    build -q "$OUT/x.json" -o "$OUT/x"
# another name for the output, and standard input, each staged after the
# output exists (refused's reset_out would make a new x.json)
linked_input() { # NAME MESSAGE KG-ARGS...: $L/in.json is kg's input and output
    name=$1 want_msg=$2
    shift 2
    if [ "$rc" -ne 2 ]; then fail "$name" "exit status $rc: $(first_err)"
    elif [ "$(cat "$T/stderr")" != "$want_msg" ]; then fail "$name" "message '$(first_err)', expected '$want_msg'"
    elif [ "$(cat "$L/in.json")" != old ]; then fail "$name" "the input was written over"
    else ok "$name"; fi
}
printf 'old\n' >"$L/in.json"
ln -f "$L/in.json" "$L/link.txt"
run build -q "$L/link.txt" -o "$L/in"
linked_input build_output_is_input_hard_link "kg: $L/in.json: would write over the input $L/link.txt"
run build -q - -o "$L/in" <"$L/in.json"
linked_input build_output_is_stdin "kg: $L/in.json: would write over the input -"
run merge -q "$L/link.txt" "$SAMPLE" -o "$L/in"
linked_input merge_output_is_input_hard_link "kg: $L/in.json: would write over the input $L/link.txt"
rm -f "$L/link.txt" "$L/in.json"
refused merge_output_is_input 2 "kg: $OUT/x.json: would write over the input $OUT/x.json" \
    merge -q "$OUT/x.json" -o "$OUT/x"

# A directory in the way of the second format: the first is not replaced.
reset_out
mkdir "$OUT/x.svg"
run build -q "$SAMPLE" -o "$OUT/x" --format json,svg
if [ "$rc" -eq 2 ] && [ "$(cat "$T/stderr")" = "kg: $OUT/x.svg: cannot write: Is a directory" ] &&
    [ "$(cat "$OUT/x.json")" = old ] && [ "$(ls -A "$OUT" | tr '\n' ' ')" = "x.json x.svg " ]; then
    ok second_format_blocked_first_kept
else
    fail second_format_blocked_first_kept "exit status $rc: $(first_err); left $(ls -A "$OUT" | tr '\n' ' ')"
fi

# Formats: a repeated one is written once, and nine entries of five formats
# are not "too many".
reset_out
run build "$SAMPLE" -o "$OUT/x" -f json,json,json,json,json,json,json,json,dot
if [ "$rc" -eq 0 ] && [ "$(grep -c '^wrote ' "$T/stdout")" -eq 2 ] &&
    [ "$(ls -A "$OUT" | tr '\n' ' ')" = "x.dot x.json " ]; then
    ok formats_repeated_written_once
else
    fail formats_repeated_written_once "exit status $rc: $(first_err) $(head -c 200 "$T/stdout")"
fi

# -o that names no file
(cd "$OUT" && refused build_output_empty 2 "kg: build: -o '' names no file: give a prefix such as out/graph
Try 'kg --help'." build -q "$SAMPLE" -o "")
refused build_output_trailing_slash 2 "kg: build: -o '$OUT/' names no file: give a prefix such as out/graph
Try 'kg --help'." build -q "$SAMPLE" -o "$OUT/"
refused merge_output_trailing_slash 2 "kg: merge: -o '$OUT/' names no file: give a prefix such as out/graph
Try 'kg --help'." merge -q "$SAMPLE" -o "$OUT/"
refused diff_output_empty 2 "kg: diff: -o '' names no file
Try 'kg --help'." diff "$SAMPLE" "$SAMPLE" -o ""

# Standard output closed: refused before anything is written (with -q
# nothing goes there, and the build runs).
reset_out
"$KG" build "$SAMPLE" -o "$OUT/y" >&- 2>"$T/stderr"
rc=$?
if [ "$rc" -eq 2 ] && [ "$(cat "$T/stderr")" = "kg: cannot write to standard output: Bad file descriptor" ] &&
    out_untouched; then
    ok build_stdout_closed_writes_nothing
else
    fail build_stdout_closed_writes_nothing "exit status $rc: $(first_err); left $(ls -A "$OUT" | tr '\n' ' ')"
fi
reset_out
"$KG" build -q "$SAMPLE" -o "$OUT/y" >&- 2>"$T/stderr"
rc=$?
if [ "$rc" -eq 0 ] && [ ! -s "$T/stderr" ] && [ -s "$OUT/y.json" ]; then
    ok build_quiet_stdout_closed_builds
else
    fail build_quiet_stdout_closed_builds "exit status $rc: $(first_err)"
fi

# A byte order mark before graph JSON is read past.
"$KG" build -q "$SAMPLE" -o "$L/g"
printf '\357\273\277' >"$L/bom.json"
cat "$L/g.json" >>"$L/bom.json"
run merge -q "$L/bom.json" -o "$L/bom-merged"
if [ "$rc" -eq 0 ] && [ ! -s "$T/stderr" ] && cmp -s "$L/g.json" "$L/bom-merged.json"; then
    ok graph_json_bom_read
else
    fail graph_json_bom_read "exit status $rc: $(first_err)"
fi

# Dates name a day: 2024-02-31 is no date header, a record's date is refused,
# a graph's is refused; 2024-02-29 is a date.
printf 'date 2024-02-31\nAntony Blinken met Benjamin Netanyahu in Israel.\n' >"$L/feb31.txt"
printf 'date 2024-02-29\nAntony Blinken met Benjamin Netanyahu in Israel.\n' >"$L/feb29.txt"
run build -q "$L/feb31.txt" "$L/feb29.txt" -o "$L/dates"
if [ "$rc" -eq 0 ] && py "
import json,sys
g=json.load(open(sys.argv[1]))
d={x['id']:x['date'] for x in g['graph']['documents']}
assert d=={'feb29':'2024-02-29','feb31':''}, d" "$L/dates.json"; then
    ok date_header_must_name_a_day
else
    fail date_header_must_name_a_day "exit status $rc: $(first_err) $(why)"
fi
printf '{"id": "a", "date": "2024-02-31", "text": "Antony Blinken met Benjamin Netanyahu."}\n{"id": "b", "date": "2023-02-28", "text": "Joe Biden visited Egypt."}\n' >"$L/dates.jsonl"
skipped jsonl_date_must_name_a_day 1 "kg: $L/dates.jsonl:1: date '2024-02-31' is not YYYY-MM-DD" b \
    build -q --jsonl "$L/dates.jsonl" -o "$OUT/x"
graph_doc() { # DATE EXTRA-NODE-JSON EVIDENCE-JSON: a small graph
    printf '{"directed": true, "graph": {"schema_version": 1, "documents": [{"id": "d", "date": "%s"}]}, "nodes": [{"id": "a", "type": "person", "documents": [{"id": "d", "mentions": 1}]}, {"id": "%s", "type": "person"}], "links": [{"source": "a", "target": "%s", "relation": "meet", "evidence": [%s]}]}\n' "$1" "$2" "$2" "$3"
}
graph_doc 2024-02-31 b '' >"$L/g-date.json"
refused graph_json_date_must_name_a_day 2 \
    "kg: $L/g-date.json: graph.documents[0].date: \"2024-02-31\" is not a date (YYYY-MM-DD, or \"\")" \
    merge -q "$L/g-date.json" -o "$OUT/x"

# Evidence spans run forwards, and name documents the graph lists.
graph_doc '' b '{"doc": "d", "sentence": 0, "start": 9, "end": 5}' >"$L/g-span.json"
refused graph_json_evidence_backwards 2 \
    "kg: $L/g-span.json: links[0].evidence[0].end: 5 is before start (9)" \
    merge -q "$L/g-span.json" -o "$OUT/x"
graph_doc '' b '{"doc": "zz", "sentence": 0}' >"$L/g-undeclared.json"
refused graph_json_evidence_undeclared_document 2 \
    "kg: $L/g-undeclared.json: links[0].evidence[0].doc: document \"zz\" is not in graph.documents" \
    merge -q "$L/g-undeclared.json" -o "$OUT/x"
sed 's/"documents": \[{"id": "d", "mentions"/"documents": [{"id": "q", "mentions"/' "$L/g-span.json" >"$L/g-node-doc.json"
refused graph_json_node_undeclared_document 2 \
    "kg: $L/g-node-doc.json: nodes[0].documents[0].id: document \"q\" is not in graph.documents" \
    merge -q "$L/g-node-doc.json" -o "$OUT/x"

# Cytoscape keeps nodes and edges in one id space: a node called "e:0" does
# not share its id with the first edge.
graph_doc '' 'e:0' '{"doc": "d", "sentence": 0}' >"$L/g-e0.json"
run merge -q "$L/g-e0.json" -o "$L/cy" --json-style cytoscape
if [ "$rc" -eq 0 ] && py "
import json,sys
g=json.load(open(sys.argv[1]))['elements']
ids=[x['data']['id'] for x in g['nodes']+g['edges']]
assert len(ids)==3 and len(set(ids))==3, ids" "$L/cy.json"; then
    ok cytoscape_ids_unique
else
    fail cytoscape_ids_unique "exit status $rc: $(first_err) $(why)"
fi

# A cache that cannot be written is used, with one warning.  A read-only
# tmpfs stages it even for root; skipped where no tmpfs can be mounted.
mkdir -p "$L/ro"
if mount -t tmpfs -o ro,size=64k tmpfs "$L/ro" 2>/dev/null; then
    printf 'Antony Blinken met Benjamin Netanyahu in Israel.\n' >"$L/old.txt"
    printf 'Antony Blinken met Joe Biden in Egypt.\n' >"$L/new.txt"
    run diff --cache "$L/ro" "$L/old.txt" "$L/new.txt"
    umount "$L/ro"
    if [ "$rc" -eq 1 ] && [ "$(cat "$T/stderr")" = "kg: $L/ro: warning: cannot write to the cache: Read-only file system; parses are not kept" ]; then
        ok cache_unwritable_warned
    else
        fail cache_unwritable_warned "exit status $rc: $(first_err)"
    fi
else
    skip cache_unwritable_warned "cannot mount a tmpfs here"
fi

# SIGINT or SIGTERM while a large graph is being written: kg dies of the
# signal, and leaves no staged file (each output staged once: no
# x.svg.tmp.*.tmp.*) and the old output as it was.
py "
import json
n=3000
nodes=[{'id':'n%d'%i,'label':'Node %d'%i,'type':'person','mentions':1} for i in range(n)]
links=[{'source':'n%d'%i,'target':'n%d'%((i*7+1)%n),'relation':'meet','count':1} for i in range(n)]
links+=[{'source':'n%d'%i,'target':'n%d'%((i*13+5)%n),'relation':'see','count':1} for i in range(n)]
g={'directed':True,'graph':{'schema_version':1,'documents':[]},'nodes':nodes,'links':links}
json.dump(g,open('$L/large.json','w'))
g['nodes'].pop(); g['links']=[l for l in links if l['target']!='n%d'%(n-1) and l['source']!='n%d'%(n-1)]
json.dump(g,open('$L/large2.json','w'))"
interrupted() { # NAME SIGNAL STAGED-GLOB KG-ARGS...
    name=$1 sig=$2 glob=$3
    shift 3
    reset_out
    if py "
import fnmatch,os,signal,subprocess,sys,time
sig=getattr(signal,sys.argv[1]); out=sys.argv[2]; glob=sys.argv[3]
signal.signal(signal.SIGINT, signal.SIG_DFL)
p=subprocess.Popen(sys.argv[4:],stdout=subprocess.DEVNULL,stderr=subprocess.DEVNULL)
seen=None
for _ in range(1200):
    names=os.listdir(out)
    if any(fnmatch.fnmatch(f,glob) for f in names):
        seen=names; break
    if p.poll() is not None: break
    time.sleep(0.05)
assert seen, ('never staged', os.listdir(out), p.poll())
p.send_signal(sig)
rc=p.wait(timeout=60)
assert not [f for f in seen if f.count('.tmp.') > 1], ('staged twice', seen)
assert rc==-sig, ('exit status', rc)
left=sorted(os.listdir(out))
assert left==['x.json'] and open(os.path.join(out,'x.json')).read()=='old\n', ('left', left)" \
        "$sig" "$OUT" "$glob" "$KG" "$@"; then ok "$name"; else fail "$name" "$(why)"; fi
}
interrupted sigint_merge_leaves_no_staged_file SIGINT 'x.svg.tmp.*' \
    merge -q "$L/large.json" -o "$OUT/x" --format json,svg
interrupted sigterm_diff_leaves_no_staged_file SIGTERM 'y.svg.tmp.*' \
    diff --format svg -o "$OUT/y.svg" "$L/large.json" "$L/large2.json"
