#!/bin/sh
# diff_bench.sh - what the sentence cache buys `kg diff`.
#
#   sh bench/diff_bench.sh [KG] [RUNS]      (defaults: build/kg, 3)
#
# OLD is the sample article.  For every sentence kg parses (one naming two
# entities: a change anywhere else costs no parse at all, so leaving those
# out is the unfavourable choice), NEW is OLD with that one sentence changed
# the way a wire story is revised: ", officials said" before its final
# punctuation.  For each NEW, the fastest of RUNS wall-clock runs (the
# minimum is the least disturbed by other load on the machine) of:
#   build both   `kg build OLD` and `kg build NEW`, no cache: what comparing
#                the two versions costs without kg diff
#   diff warm    `kg diff --cache DIR OLD NEW` where DIR already holds OLD's
#                sentences (as after processing the previous version): only
#                the changed sentence is parsed.  DIR is restored to that
#                state before every run, outside the timing.
# and once `kg diff OLD NEW` without a cache.  One line per changed sentence
# (its length in words, the two times, their ratio), then the median and the
# worst ratio.  The target is diff warm < build both / 5.
set -eu
KG=${1:-build/kg}
RUNS=${2:-3}
SAMPLE=${SAMPLE:-samples/blinken-2024-01-05.txt}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT

cp "$SAMPLE" "$T/old.txt"

now() { date +%s.%N; }
# best CMD...: the fastest of RUNS runs of CMD, in seconds; PREP, if set, runs
# before each one, untimed.
best() {
    min=""
    i=0
    while [ "$i" -lt "$RUNS" ]; do
        [ -n "${PREP:-}" ] && eval "$PREP"
        s=$(now)
        "$@" >/dev/null 2>&1 || [ $? -eq 1 ] # diff's status 1 means "changes"
        e=$(now)
        t=$(echo "$e - $s" | bc)
        if [ -z "$min" ] || [ "$(echo "$t < $min" | bc)" -eq 1 ]; then min=$t; fi
        i=$((i + 1))
    done
    echo "$min"
}

"$KG" diff --cache "$T/warm" "$T/old.txt" "$T/old.txt" >/dev/null 2>&1
entries=$(ls "$T/warm" | wc -l)
if [ "$entries" -eq 0 ]; then
    echo "diff_bench: --cache stored nothing (is the cache wired into extraction?)" >&2
    exit 2
fi

# Where to edit: the end of each sentence that names two or more entities,
# found from kg's own mentions (sentence index, byte offsets).
"$KG" entities "$T/old.txt" >"$T/mentions.jsonl"
python3 - "$T/old.txt" "$T/mentions.jsonl" "$T" <<'EOF'
import json, re, sys
text = open(sys.argv[1], 'rb').read()
by_sentence = {}
for line in open(sys.argv[2]):
    m = json.loads(line)
    by_sentence.setdefault(m['sentence'], []).append(m)
END = re.compile(rb'[.!?](?=[\s"]|\xe2\x80\x9d|$)')
k = 0
for s, ms in sorted(by_sentence.items()):
    if len({m['entity'] for m in ms}) < 2:
        continue
    last = max(m['end'] for m in ms)
    first = min(m['start'] for m in ms)
    # the sentence's final punctuation: the first . ! or ? after its last
    # mention that ends a word and is followed by space or the end
    mt = END.search(text, last)
    if not mt:
        continue
    at = mt.start()
    new = text[:at] + b', officials said' + text[at:]
    ends = [e.end() for e in END.finditer(text, 0, first)]
    start = ends[-1] if ends else 0
    words = len(text[start:at].split())
    k += 1
    open(f'{sys.argv[3]}/new-{k}.txt', 'wb').write(new)
    open(f'{sys.argv[3]}/words-{k}', 'w').write(str(words + 2))
EOF

build_total=0
echo "sentence  words   build both   diff warm   ratio"
count=$(ls "$T"/new-*.txt | wc -l)
k=0
while [ "$k" -lt "$count" ]; do
    k=$((k + 1))
    f=$T/new-$k.txt
    both() {
        "$KG" build "$T/old.txt" -o "$T/b-old" -q && "$KG" build "$f" -o "$T/b-new" -q
    }
    b=$(PREP= best both)
    w=$(PREP='rm -rf "$T/c" && cp -r "$T/warm" "$T/c"' best "$KG" diff --cache "$T/c" "$T/old.txt" "$f")
    r=$(echo "scale=3; $w / $b" | bc)
    printf '%8s  %5s   %8.3f s  %8.3f s   %5.3f\n' "$k" "$(cat "$T/words-$k")" "$b" "$w" "$r"
    echo "$r" >>"$T/ratios"
done
cold=$(PREP= best "$KG" diff "$T/old.txt" "$T/new-1.txt")
n=$(wc -l <"$T/ratios")
median=$(sort -n "$T/ratios" | sed -n "$(((n + 1) / 2))p")
worst=$(sort -n "$T/ratios" | tail -n 1)
under=$(awk '$1 < 0.2' "$T/ratios" | wc -l)
printf 'diff cold (no cache, sentence 1)   %6.3f s\n' "$cold"
printf 'cache entries for OLD              %6d\n' "$entries"
printf 'diff warm / build both: median %.3f, worst %.3f; under 0.200 for %d of %d changed sentences\n' \
    "$median" "$worst" "$under" "$n"
printf 'target (median < 0.200): '
if [ "$(echo "$median < 0.2" | bc)" -eq 1 ]; then echo ok; else echo MISSED; fi
echo "machine: $(nproc) cores, $(uname -srm); kg: $("$KG" --version 2>&1 | head -n 1)"
