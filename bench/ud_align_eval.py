#!/usr/bin/env python3
"""Score a parser's CoNLL-U of raw text against gold CoNLL-U whose tokens may differ.

ud_eval.py (../shared/ud) needs the gold tokens; this scores a run that tokenized and
split the text itself, with the CoNLL 2018 shared task's conventions: both files must
hold the same characters once whitespace is removed; tokens (multiword-token surface
forms, else words) and sentences match when their character spans are equal; words
align on equal spans, and inside a multiword token by the longest common subsequence of
lowercased forms; UPOS, UAS and LAS count aligned words (LAS: the universal part of
DEPREL, punctuation included; UAS/LAS: the head is the aligned word of the gold head).
Each score is an F1 in percent (precision over the system's units, recall over gold's).
Empty nodes are skipped.
usage: ud_align_eval.py GOLD.conllu SYSTEM.conllu [--json]"""
import json
import sys


class Word:
    __slots__ = ("start", "end", "mwt", "form", "upos", "deprel", "head")


def read(path):
    """Characters without whitespace, token spans, sentence spans and words of path."""
    chars, tokens, sentences, words = [], [], [], []
    pos = 0                  # characters so far
    sent_start = None        # where the current sentence starts, or None between sentences
    first_word = 0           # index of its first word in words
    mwt_end, mwt_span = 0, None

    def add_token(form):
        nonlocal pos
        text = "".join(form.split())
        chars.append(text)
        tokens.append((pos, pos + len(text)))
        pos += len(text)
        return tokens[-1]

    for n, line in enumerate(open(path, encoding="utf-8"), 1):
        line = line.rstrip("\n")
        if not line:
            if sent_start is not None:
                sentences.append((sent_start, pos))
            sent_start, first_word, mwt_end = None, len(words), 0
            continue
        if line.startswith("#"):
            continue
        c = line.split("\t")
        if len(c) != 10:
            sys.exit(f"{path}:{n}: expected 10 tab-separated columns")
        if "." in c[0]:
            continue
        if sent_start is None:
            sent_start = pos
        if "-" in c[0]:
            mwt_end = int(c[0].split("-")[1])
            mwt_span = add_token(c[1])
            continue
        w = Word()
        w.mwt = int(c[0]) <= mwt_end
        w.start, w.end = mwt_span if w.mwt else add_token(c[1])
        w.form, w.upos, w.deprel = c[1].lower(), c[3], c[7].split(":")[0]
        head = int(c[6]) if c[6].isdigit() else 0
        w.head = first_word + head - 1 if head else None
        words.append(w)
    if sent_start is not None:
        sentences.append((sent_start, pos))
    return "".join(chars), tokens, sentences, words


def matching_spans(a, b):
    return len(set(a) & set(b))


def beyond_end(words, i, end):
    if i >= len(words):
        return True
    return words[i].start >= end if words[i].mwt else words[i].end > end


def extend_end(word, end):
    return word.end if word.mwt and word.end > end else end


def multiword_region(gold, system, gi, si):
    """The words [gs, gi) and [ss, si) that overlap the multiword token at gi or si."""
    if gold[gi].mwt:
        end = gold[gi].end
        if not system[si].mwt and system[si].start < gold[gi].start:
            si += 1
    else:
        end = system[si].end
        if not gold[gi].mwt and gold[gi].start < system[si].start:
            gi += 1
    gs, ss = gi, si
    while not beyond_end(gold, gi, end) or not beyond_end(system, si, end):
        if gi < len(gold) and (si >= len(system) or gold[gi].start <= system[si].start):
            end = extend_end(gold[gi], end)
            gi += 1
        else:
            end = extend_end(system[si], end)
            si += 1
    return gs, ss, gi, si


def align_lcs(gold, system, gs, ss, gi, si, pairs):
    ng, ns = gi - gs, si - ss
    lcs = [[0] * (ns + 1) for _ in range(ng + 1)]
    for g in reversed(range(ng)):
        for s in reversed(range(ns)):
            if gold[gs + g].form == system[ss + s].form:
                lcs[g][s] = 1 + lcs[g + 1][s + 1]
            lcs[g][s] = max(lcs[g][s], lcs[g + 1][s], lcs[g][s + 1])
    g = s = 0
    while g < ng and s < ns:
        if gold[gs + g].form == system[ss + s].form:
            pairs[gs + g] = ss + s
            g += 1
            s += 1
        elif lcs[g][s] == lcs[g + 1][s]:
            g += 1
        else:
            s += 1


def align(gold, system):
    """gold word index -> aligned system word index."""
    pairs, gi, si = {}, 0, 0
    while gi < len(gold) and si < len(system):
        if gold[gi].mwt or system[si].mwt:
            gs, ss, gi, si = multiword_region(gold, system, gi, si)
            align_lcs(gold, system, gs, ss, gi, si, pairs)
        elif (gold[gi].start, gold[gi].end) == (system[si].start, system[si].end):
            pairs[gi] = si
            gi += 1
            si += 1
        elif gold[gi].start <= system[si].start:
            gi += 1
        else:
            si += 1
    return pairs


def f1(correct, gold, system):
    return round(200.0 * correct / (gold + system), 2) if gold + system else 100.0


def main():
    args = [a for a in sys.argv[1:] if a != "--json"]
    if len(args) != 2:
        sys.exit(__doc__.splitlines()[-1])
    gchars, gtok, gsent, gw = read(args[0])
    schars, stok, ssent, sw = read(args[1])
    if gchars != schars:
        i = next((k for k, (a, b) in enumerate(zip(gchars, schars)) if a != b),
                 min(len(gchars), len(schars)))
        print(f"the texts differ at character {i} (whitespace removed): "
              f"gold '{gchars[i:i + 20]}', system '{schars[i:i + 20]}'")
        sys.exit(1)
    pairs = align(gw, sw)
    upos = uas = las = 0
    for g, s in pairs.items():
        upos += gw[g].upos == sw[s].upos
        gh, sh = gw[g].head, sw[s].head
        if (gh is None and sh is None) or (gh is not None and pairs.get(gh) == sh):
            uas += 1
            las += gw[g].deprel == sw[s].deprel
    r = {"Tokens": f1(matching_spans(gtok, stok), len(gtok), len(stok)),
         "Sentences": f1(matching_spans(gsent, ssent), len(gsent), len(ssent)),
         "Words": f1(len(pairs), len(gw), len(sw)),
         "UPOS": f1(upos, len(gw), len(sw)),
         "UAS": f1(uas, len(gw), len(sw)),
         "LAS": f1(las, len(gw), len(sw)),
         "words": len(gw)}
    print(json.dumps(r) if "--json" in sys.argv else " ".join(f"{k} {v}" for k, v in r.items()))


if __name__ == "__main__":
    main()
