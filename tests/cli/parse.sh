#!/bin/sh
# CLI tests of kg parse and kg train: the CoNLL-U they write is read by the
# UD scorer and holds well-formed trees, tokens and offsets that match the
# text, annotation of a given CoNLL-U keeps its lines, errors are one line
# with exit status 2 and no output file, and runs (training too) are
# deterministic.  Uses models/en-ud.kgm and ../shared/ud (the scorer and the
# first sentences of EWT train); either missing is a failure, not a skip.
# Prints "ok NAME" or "FAIL NAME: why" per check.
set -u
O=${O:-build}
ROOT=$PWD
KG="$ROOT/$O/kg"
SAMPLE="$ROOT/samples/blinken-2024-01-05.txt"
UD="$ROOT/../shared/ud"
UD_EVAL="$UD/ud_eval.py"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT

ok() { echo "ok $1"; }
fail() { echo "FAIL $1: $2"; }
check() { # NAME COMMAND...: passes when the command succeeds
    name=$1
    shift
    if "$@" >"$T/out" 2>"$T/err"; then ok "$name"; else fail "$name" "$(cat "$T/out" "$T/err" | head -c 400)"; fi
}

# trees FILE: every sentence has ids 1..n, ten columns, heads in 0..n, one
# root, no cycle, and UPOS and DEPREL filled in
trees() {
    python3 - "$1" <<'EOF'
import sys
UPOS = set("ADJ ADP ADV AUX CCONJ DET INTJ NOUN NUM PART PRON PROPN PUNCT SCONJ SYM VERB X".split())
sents, cur = [], []
for n, line in enumerate(open(sys.argv[1], encoding="utf-8"), 1):
    line = line.rstrip("\n")
    if not line:
        if cur: sents.append(cur)
        cur = []
    elif not line.startswith("#"):
        c = line.split("\t")
        assert len(c) == 10, f"line {n}: {len(c)} columns"
        if "-" not in c[0] and "." not in c[0]:
            cur.append(c)
assert not cur, "no blank line after the last sentence"
assert sents, "no sentence"
for k, s in enumerate(sents, 1):
    assert [int(w[0]) for w in s] == list(range(1, len(s) + 1)), f"sentence {k}: ids"
    heads = [int(w[6]) for w in s]
    assert all(0 <= h <= len(s) for h in heads), f"sentence {k}: head out of range {heads}"
    assert heads.count(0) == 1, f"sentence {k}: {heads.count(0)} roots"
    for i in range(1, len(s) + 1):
        seen, j = set(), i
        while j:
            assert j not in seen, f"sentence {k}: cycle through word {j}"
            seen.add(j)
            j = heads[j - 1]
    for w in s:
        assert w[3] in UPOS and w[4] != "_" and w[2] != "_" and w[7] != "_", f"sentence {k}: {w}"
        assert (w[7] == "root") == (w[6] == "0"), f"sentence {k}: root relation {w}"
EOF
}

# -- prerequisites: without them the checks below cannot run, which is a failure
[ -f "$UD_EVAL" ] && ok ud_eval_present || fail ud_eval_present "no scorer at $UD_EVAL"
[ -f "$ROOT/models/en-ud.kgm" ] && ok model_present || fail model_present "no models/en-ud.kgm (make model)"

# -- the sample, end to end
if "$KG" parse "$SAMPLE" >"$T/s.conllu" 2>"$T/s.err"; then ok parse_sample; else fail parse_sample "$(head -c 300 "$T/s.err")"; fi
check parse_sample_quiet test ! -s "$T/s.err"
check scorer_reads_output sh -c "python3 '$UD_EVAL' '$T/s.conllu' '$T/s.conllu' | grep -q '^UPOS 100.0 XPOS 100.0 LEMMA 100.0 UAS 100.0 LAS 100.0 words [1-9]'"
check one_root_heads_in_range trees "$T/s.conllu"
# the words, in order, are the text's characters (the date header left out),
# each sentence's "# text =" is its words with a space wherever SpaceAfter=No
# is not set, and sent_ids count from 1 after the document id
check text_lines_and_space_after python3 - "$SAMPLE" "$T/s.conllu" <<'EOF'
import re, sys
body = open(sys.argv[1], encoding="utf-8").read()
body = re.sub(r"^\s*date \d{4}-\d\d-\d\d", "", body)
words, text, ids, k = [], None, [], 0
for line in open(sys.argv[2], encoding="utf-8"):
    line = line.rstrip("\n")
    if line.startswith("# text = "):
        text, built = line[9:], ""
    elif line.startswith("# sent_id = "):
        ids.append(line[12:])
    elif not line:
        assert text is not None, "a sentence without # text"
        assert built.rstrip(" ") == " ".join(text.split()), (built, text)
        text = None
    elif not line.startswith("#"):
        c = line.split("\t")
        words.append(c[1])
        built += c[1] + ("" if "SpaceAfter=No" in c[9].split("|") else " ")
assert "".join(words) == "".join(body.split()), "the words are not the text"
assert ids == [f"blinken-2024-01-05-{i}" for i in range(1, len(ids) + 1)], ids[:3]
EOF
check possessive_split python3 - "$T/s.conllu" <<'EOF'
import sys
w = [l.rstrip("\n").split("\t") for l in open(sys.argv[1], encoding="utf-8") if l[0].isdigit()]
pairs = [(a, b) for a, b in zip(w, w[1:]) if a[1] == "Israel" and b[1] == "\u2019s"]
assert len(pairs) == 3, len(pairs)                  # the sample's three "Israel’s"
assert all("SpaceAfter=No" in a[9] for a, b in pairs), pairs
EOF
printf "Israel's army didn't stop.\n" >"$T/ascii.txt"
"$KG" parse "$T/ascii.txt" >"$T/ascii.conllu" 2>"$T/ascii.err"
check ascii_contractions python3 - "$T/ascii.conllu" <<'EOF'
import sys
w = [l.rstrip("\n").split("\t") for l in open(sys.argv[1]) if l[0].isdigit()]
forms = [c[1] for c in w]
assert forms == ["Israel", "'s", "army", "did", "n't", "stop", "."], forms
no = [c[1] for c in w if "SpaceAfter=No" in c[9]]
assert no == ["Israel", "did", "stop"], no
EOF
"$KG" parse "$SAMPLE" >"$T/again.conllu" 2>/dev/null
check output_is_deterministic cmp "$T/s.conllu" "$T/again.conllu"
"$KG" parse "$SAMPLE" -o "$T/o.conllu" >"$T/o.out" 2>&1
check output_file_is_stdout_output cmp "$T/s.conllu" "$T/o.conllu"
check output_file_prints_nothing test ! -s "$T/o.out"
check output_dash_is_stdout sh -c "'$KG' parse -o - '$SAMPLE' | cmp -s - '$T/s.conllu'"
check stdin_input sh -c "'$KG' parse - <'$SAMPLE' | grep -q '^# sent_id = stdin-1$'"
"$KG" parse --stats "$SAMPLE" >/dev/null 2>"$T/stats"
check stats_one_line sh -c "test \$(wc -l <'$T/stats') -eq 1 &&
    grep -Eq '^stats model=\".+\" load_s=[0-9.]+ sentences=[1-9][0-9]* tokens=[1-9][0-9]* tokenize_s=[0-9.]+ tag_s=[0-9.]+ parse_s=[0-9.]+ tokens_per_s=[0-9]+$' '$T/stats'"

# -- a CoNLL-U file: its lines kept, the annotation filled in
printf '%s\n' '# newdoc id = t' '# sent_id = t-1' "# text = I don't know." \
    '1	I	_	_	_	_	_	_	_	_' "2-3	don't	_	_	_	_	_	_	_	_" \
    '2	do	_	_	_	_	_	_	_	_' "3	n't	_	_	_	_	_	_	_	_" \
    '4	know	_	_	_	_	_	_	_	SpaceAfter=No' '5	.	_	_	_	_	_	_	_	_' '' \
    '# sent_id = t-2' '# text = Stop it.' '1	Stop	_	_	_	_	_	_	_	_' \
    '2	it	_	_	_	_	_	_	_	SpaceAfter=No' '3	.	_	_	_	_	_	_	_	_' '' >"$T/in.conllu"
if "$KG" parse --input conllu "$T/in.conllu" >"$T/ann.conllu" 2>"$T/ann.err"; then ok conllu_input; else fail conllu_input "$(cat "$T/ann.err")"; fi
check conllu_input_trees trees "$T/ann.conllu"
check conllu_input_keeps_lines python3 - "$T/in.conllu" "$T/ann.conllu" <<'EOF'
import sys
a = open(sys.argv[1], encoding="utf-8").read().split("\n")
b = open(sys.argv[2], encoding="utf-8").read().split("\n")
assert len(a) == len(b), (len(a), len(b))
for x, y in zip(a, b):
    if not x or x.startswith("#") or "-" in x.split("\t")[0]:
        assert x == y, (x, y)       # blank, comment and range lines as they were
    else:
        x, y = x.split("\t"), y.split("\t")
        assert x[0] == y[0] and x[1] == y[1] and x[9] == y[9], (x, y)  # ID, FORM, MISC
        assert y[5] == "_" and y[8] == "_", y
EOF
check conllu_stdin sh -c "'$KG' parse --input conllu - <'$T/in.conllu' | cmp -s - '$T/ann.conllu'"

# -- errors: one line, exit 2, no output file
err1() { # NAME PATTERN COMMAND...: exit 2, one line on stderr matching PATTERN, no $T/x/out
    name=$1 pat=$2
    shift 2
    rm -rf "$T/x" && mkdir "$T/x"
    "$@" >"$T/e.out" 2>"$T/e.err"
    rc=$?
    lines=$(wc -l <"$T/e.err")
    if [ "$rc" -ne 2 ]; then fail "$name" "exit status $rc"
    elif [ "$lines" -ne 1 ]; then fail "$name" "expected one line, got $lines: $(head -c 300 "$T/e.err")"
    elif ! grep -Eq "$pat" "$T/e.err"; then fail "$name" "message: $(cat "$T/e.err")"
    elif [ -n "$(ls -A "$T/x")" ]; then fail "$name" "left $(ls -A "$T/x")"
    else ok "$name"; fi
}
head -n 9 "$T/in.conllu" >"$T/bad.conllu"
printf '6\tbroken\t_\n\n' >>"$T/bad.conllu"
err1 malformed_conllu "^kg: $T/bad.conllu:10: " "$KG" parse --input conllu -o "$T/x/out" "$T/bad.conllu"
err1 unknown_option "^kg: parse: .*--bogus" "$KG" parse --bogus "$SAMPLE"
err1 option_needs_value "^kg: parse: .*--model" "$KG" parse "$SAMPLE" --model
err1 missing_model "^kg: /nonexistent" "$KG" parse --model /nonexistent -o "$T/x/out" "$SAMPLE"
err1 not_a_model "^kg: $SAMPLE" "$KG" parse --model "$SAMPLE" -o "$T/x/out" "$SAMPLE"
err1 unknown_format "^kg: parse: unknown format 'json'" "$KG" parse --format json "$SAMPLE"
err1 unknown_input_kind "^kg: parse: unknown input kind" "$KG" parse --input xml "$SAMPLE"
err1 missing_input "^kg: $T/nope.txt: cannot open" "$KG" parse -o "$T/x/out" "$T/nope.txt"
err1 two_inputs "^kg: parse: give exactly one FILE" "$KG" parse "$SAMPLE" "$SAMPLE"
err1 unwritable_output "^kg: $T/x/no/out: cannot write" "$KG" parse -o "$T/x/no/out" "$SAMPLE"
cp "$T/s.conllu" "$T/keep.conllu"
"$KG" parse --input conllu -o "$T/keep.conllu" "$T/bad.conllu" 2>/dev/null
check failed_run_keeps_old_output cmp "$T/s.conllu" "$T/keep.conllu"

# -- training, on the first 200 sentences of EWT train
awk 'n < 200 { print } /^$/ { n++ }' "$UD/en_ewt-ud-train.conllu" >"$T/tiny.conllu" 2>/dev/null
check tiny_treebank sh -c "test \$(grep -c '^\$' '$T/tiny.conllu') -eq 200"
train() { # OUT: a small, quick model
    "$KG" train -q --tagger-epochs 2 --parser-epochs 1 --folds 2 --seed 7 --name "tiny test" \
        -o "$1" "$T/tiny.conllu"
}
if train "$T/m1.kgm" >"$T/t.out" 2>"$T/t.err"; then ok train_tiny; else fail train_tiny "$(head -c 300 "$T/t.err")"; fi
check train_quiet test ! -s "$T/t.out" -a ! -s "$T/t.err"
train "$T/m2.kgm" >/dev/null 2>&1
check training_is_deterministic cmp "$T/m1.kgm" "$T/m2.kgm"
"$KG" parse --model "$T/m1.kgm" --stats "$SAMPLE" >"$T/tiny.out" 2>"$T/tiny.err"
check trained_model_is_used grep -q '^stats model="tiny test"' "$T/tiny.err"
check trained_model_parses trees "$T/tiny.out"
"$KG" train --tagger-epochs 1 --parser-epochs 1 --folds 1 -o "$T/m3.kgm" "$T/tiny.conllu" >"$T/log.out" 2>"$T/log.err"
check train_logs_progress sh -c "test -s '$T/log.err' && grep -q '^wrote $T/m3.kgm' '$T/log.out'"
err1 train_malformed "^kg: $T/bad.conllu:10: " "$KG" train -q -o "$T/x/m.kgm" "$T/bad.conllu"
err1 train_unknown_option "^kg: train: .*--bogus" "$KG" train --bogus "$T/tiny.conllu"
err1 train_bad_epochs "^kg: train: --parser-epochs" "$KG" train --parser-epochs 0 "$T/tiny.conllu"
err1 train_no_files "^kg: train: give the CoNLL-U" "$KG" train -o "$T/x/m.kgm"
err1 train_missing_wordnet "^kg: $T/nowordnet/data.noun: .*wordnet-base" \
    "$KG" train -q --wordnet "$T/nowordnet" -o "$T/x/m.kgm" "$T/tiny.conllu"
# A model trained without WordNet parses as well-formed trees, and differs
# from one trained with it (the tagger and parser saw its classes).
"$KG" train -q --tagger-epochs 2 --parser-epochs 1 --folds 2 --seed 7 --name "tiny test" \
    --wordnet none -o "$T/m4.kgm" "$T/tiny.conllu" >/dev/null 2>&1
"$KG" parse --model "$T/m4.kgm" "$SAMPLE" >"$T/nown.out" 2>/dev/null
check train_without_wordnet trees "$T/nown.out"
check wordnet_changes_the_model sh -c "! cmp -s '$T/m1.kgm' '$T/m4.kgm'"
