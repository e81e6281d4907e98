#!/bin/sh
# eval_parser.sh KG GOLD.conllu... - how well kg parse's model tags and parses.
#
#   make eval-parser      (the UD English-EWT and GUM dev files, ../shared/ud)
#
# For each gold file, two runs of the model named by KG_MODEL (default: the
# one kg parse finds):
#   gold tokens  `kg parse --input conllu GOLD`: the gold words, annotated
#                afresh; scored by ud_eval.py (UD_EVAL, default
#                ../shared/ud/ud_eval.py): UPOS, XPOS, LEMMA, UAS, LAS
#   raw text     the `# text =` lines joined into the paragraphs that
#                `# newpar` and `# newdoc` mark (one a line, a blank line
#                between; EVAL_UNIT=sentence makes each sentence a paragraph
#                instead), `kg parse` on that text, scored by
#                bench/ud_align_eval.py with the CoNLL 2018 conventions:
#                Tokens, Sentences and Words F1, then UPOS, UAS, LAS F1 over
#                aligned words
# Prints one record a line, like bench/bench.sh:
#   model    the model's name and file
#   eval     file, input=gold-tokens|raw-text, the scores, words
set -eu

KG=${1:?usage: eval_parser.sh KG GOLD.conllu...}
shift
[ $# -gt 0 ] || { echo "eval_parser: no gold files given" >&2; exit 2; }
case $KG in /*) ;; *) KG=$PWD/$KG ;; esac
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
UD_EVAL=${UD_EVAL:-$root/../shared/ud/ud_eval.py}
unit=${EVAL_UNIT:-paragraph}
model_opt=""
[ -n "${KG_MODEL:-}" ] && model_opt="--model $KG_MODEL"
[ -f "$UD_EVAL" ] || { echo "eval_parser: no scorer at $UD_EVAL" >&2; exit 2; }

T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT

# The raw text of a CoNLL-U file: its sentences' `# text =` values, joined
# by spaces within a paragraph (or EVAL_UNIT=sentence: one sentence a
# paragraph), paragraphs separated by blank lines.
raw_text() { # GOLD OUT
    python3 "$here/ud_raw_text.py" "$1" "$2" "$unit"
}

stat_of() { # FILE KEY: the value of KEY=VALUE in kg parse's --stats line
    sed -n "s/.* $2=\([^ ]*\).*/\1/p" "$1"
}

# "UPOS 95.1 XPOS 94.8 ... words 25147" -> "UPOS=95.1 XPOS=94.8 ..."
pairs() {
    echo "$1" | awk '{ for (i = 1; i < NF; i += 2) printf "%s%s=%s", (i > 1 ? " " : ""), $i, $(i + 1) }'
}

first=true
for gold in "$@"; do
    name=$(basename "$gold")
    # shellcheck disable=SC2086
    if ! "$KG" parse $model_opt --input conllu --stats -o "$T/pred.conllu" "$gold" 2>"$T/stats"; then
        cat "$T/stats" >&2
        exit 2
    fi
    if $first; then
        model=$(sed -n 's/.*model="\([^"]*\)".*/\1/p' "$T/stats")
        echo "model name=\"$model\" file=${KG_MODEL:-default}"
        first=false
    fi
    scores=$(python3 "$UD_EVAL" "$gold" "$T/pred.conllu") ||
        { echo "eval_parser: $name: $scores" >&2; exit 2; }
    echo "eval file=$name input=gold-tokens $(pairs "$scores") tokens_per_s=$(stat_of "$T/stats" tokens_per_s)"

    raw_text "$gold" "$T/raw.txt"
    # shellcheck disable=SC2086
    if ! "$KG" parse $model_opt -o "$T/raw.conllu" "$T/raw.txt" 2>"$T/raw.err"; then
        cat "$T/raw.err" >&2
        exit 2
    fi
    scores=$(python3 "$here/ud_align_eval.py" "$gold" "$T/raw.conllu") ||
        { echo "eval_parser: $name: $scores" >&2; exit 2; }
    echo "eval file=$name input=raw-text unit=$unit $(pairs "$scores")"
done
