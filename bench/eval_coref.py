#!/usr/bin/env python3
"""eval_coref.py - how well kg resolves third-person pronouns, scored on GUM.

GUM's MISC column carries coreference: `Entity=(ID-type-...` opens a mention
of entity ID on a token, `ID)` closes it, and `(ID-type-...)` is a one-token
mention.  For each document (from `# newdoc id =` on) this script rebuilds
the text from the `# text =` comments (sentences of a paragraph joined by a
space, paragraphs by a blank line), runs `kg entities --format jsonl` on it,
and aligns kg's mentions to GUM's by byte offsets.

A kg entity is mapped to the GUM entity its name mentions (resolved as
name/short/alias/acronym/demonym) mostly fall in: the smallest GUM mention
that contains each.  For every he/him/his/himself/she/her/hers/herself that
GUM marks as a mention, kg is right when its entity for the pronoun maps to
the pronoun's GUM entity.  "named" counts pronouns whose GUM entity has a
named mention (one holding a PROPN) before the pronoun; "missed" those of
them kg left unresolved.  Counts are given per genre (the doc id's second
field: news, interview, bio...) and overall.

usage: eval_coref.py [--kg build/kg] [--verbose] [CONLLU]
The CoNLL-U file is read where it lies; nothing of it is copied.
"""
import argparse
import collections
import json
import os
import subprocess
import sys
import tempfile

PRONOUNS = {"he", "him", "his", "himself", "she", "her", "hers", "herself"}
NAME_KINDS = {"name", "short", "alias", "acronym", "demonym"}


def parse_entity_field(value):
    """Yields ('open', id, type, closes_here) and ('close', id) in order."""
    i, n = 0, len(value)
    while i < n:
        if value[i] == "(":
            j = i + 1
            while j < n and value[j] not in "()":
                j += 1
            fields = value[i + 1:j].split("-")
            closed = j < n and value[j] == ")"
            yield ("open", fields[0], fields[1] if len(fields) > 1 else "", closed)
            i = j + 1 if closed else j
        else:
            j = value.find(")", i)
            if j < 0:
                break
            yield ("close", value[i:j], None, None)
            i = j + 1


def read_docs(path):
    """Documents as dicts: id, sentences (text, paragraph start, tokens)."""
    docs, doc, sent = [], None, None
    with open(path, encoding="utf-8") as fh:
        newpar = False
        for line in fh:
            line = line.rstrip("\n")
            if line.startswith("# newdoc id ="):
                doc = {"id": line.split("=", 1)[1].strip(), "sents": []}
                docs.append(doc)
            elif line.startswith("# newpar"):
                newpar = True
            elif line.startswith("# text ="):
                sent = {"text": line.split("=", 1)[1].strip(), "par": newpar, "toks": []}
                newpar = False
                doc["sents"].append(sent)
            elif line and not line.startswith("#"):
                cols = line.split("\t")
                if "." in cols[0]:
                    continue
                sent["toks"].append(cols)
    return docs


def build_text(doc):
    """The document's bytes and its GUM tokens with byte spans and MISC."""
    out, toks = bytearray(), []
    for si, s in enumerate(doc["sents"]):
        if out:
            out += b"\n\n" if s["par"] else b" "
        base = len(out)
        text = s["text"]
        out += text.encode("utf-8")
        pos = 0  # character position in text
        span_of_range = {}
        for cols in s["toks"]:
            tid, form = cols[0], cols[1]
            if "-" in tid:
                a, b = (int(x) for x in tid.split("-"))
                k = text.find(form, pos)
                if k < 0:
                    k = pos
                span = (k, k + len(form))
                pos = span[1]
                for x in range(a, b + 1):
                    span_of_range[x] = span
                continue
            if int(tid) in span_of_range:
                span = span_of_range[int(tid)]
            else:
                k = text.find(form, pos)
                if k < 0:
                    k = pos
                span = (k, k + len(form))
                pos = span[1]
            bs = base + len(text[: span[0]].encode("utf-8"))
            be = base + len(text[: span[1]].encode("utf-8"))
            toks.append({"start": bs, "end": be, "form": form, "upos": cols[3],
                         "misc": cols[9], "sent": si})
    return bytes(out), toks


def gum_mentions(toks):
    """Mentions as (entity, type, first token, last token)."""
    ments, stack = [], []
    for ti, t in enumerate(toks):
        ent = None
        for kv in t["misc"].split("|"):
            if kv.startswith("Entity="):
                ent = kv[len("Entity="):]
        if not ent:
            continue
        for kind, eid, etype, closed in parse_entity_field(ent):
            if kind == "open":
                if closed:
                    ments.append((eid, etype, ti, ti))
                else:
                    stack.append((eid, etype, ti))
            else:
                for k in range(len(stack) - 1, -1, -1):
                    if stack[k][0] == eid:
                        e, ty, st = stack.pop(k)
                        ments.append((e, ty, st, ti))
                        break
    return ments


def run_kg(kg, text):
    with tempfile.NamedTemporaryFile("wb", suffix=".txt", delete=False) as fh:
        fh.write(text)
        name = fh.name
    try:
        res = subprocess.run([kg, "entities", "--format", "jsonl", name],
                             capture_output=True, check=False)
    finally:
        os.unlink(name)
    if res.returncode != 0:
        sys.stderr.write(res.stderr.decode("utf-8", "replace"))
        raise SystemExit("kg entities failed")
    return [json.loads(l) for l in res.stdout.decode("utf-8").splitlines() if l.strip()]


def smallest_containing(ments, toks, start, end):
    best = None
    for eid, _ty, a, b in ments:
        if toks[a]["start"] <= start and end <= toks[b]["end"]:
            size = toks[b]["end"] - toks[a]["start"]
            if best is None or size < best[0]:
                best = (size, eid)
    return best[1] if best else None


def score_doc(kg, doc, verbose):
    text, toks = build_text(doc)
    ments = gum_mentions(toks)
    kgm = run_kg(kg, text)
    votes = collections.defaultdict(collections.Counter)
    for m in kgm:
        if m["resolved"] in NAME_KINDS:
            g = smallest_containing(ments, toks, m["start"], m["end"])
            if g is not None:
                votes[m["entity"]][g] += 1
    # ties go to the GUM entity that sorts first, so the map is deterministic
    kg2gum = {e: sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
              for e, c in votes.items()}
    by_start = {m["start"]: m for m in kgm}
    first_named = {}
    for eid, _ty, a, b in ments:
        if any(toks[i]["upos"] == "PROPN" for i in range(a, b + 1)):
            first_named[eid] = min(first_named.get(eid, a), a)
    c = collections.Counter()
    for eid, _ty, a, b in ments:
        if a != b or toks[a]["form"].lower() not in PRONOUNS:
            continue
        t = toks[a]
        c["pronouns"] += 1
        named = first_named.get(eid, len(toks)) < a
        c["named"] += named
        m = by_start.get(t["start"])
        if m is None or m["resolved"] != "pronoun":
            c["missed"] += named
            continue
        c["resolved"] += 1
        ok = kg2gum.get(m["entity"]) == eid
        c["correct"] += ok
        if verbose and not ok:
            sent = doc["sents"][t["sent"]]["text"]
            print(f"  {doc['id']}: {t['form']!r} -> {m['name']} (gold {eid}): {sent[:110]}")
    return c


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("conllu", nargs="?", default="/work/shared/ud/en_gum-cc-by-dev.conllu")
    ap.add_argument("--kg", default="build/kg")
    ap.add_argument("--verbose", "-v", action="store_true", help="print each wrong pronoun")
    args = ap.parse_args()
    per = collections.defaultdict(collections.Counter)
    for doc in read_docs(args.conllu):
        genre = doc["id"].split("_")[1] if doc["id"].count("_") >= 2 else doc["id"]
        per[genre] += score_doc(args.kg, doc, args.verbose)
    total = collections.Counter()
    print(f"{'genre':<14}{'pronouns':>9}{'named':>7}{'resolved':>9}{'correct':>8}"
          f"{'accuracy':>9}{'missed':>7}")
    rows = sorted(per.items())
    for g, c in rows:
        total += c
    for g, c in rows + [("ALL", total)]:
        acc = c["correct"] / c["resolved"] if c["resolved"] else 0.0
        print(f"{g:<14}{c['pronouns']:>9}{c['named']:>7}{c['resolved']:>9}{c['correct']:>8}"
              f"{acc:>9.3f}{c['missed']:>7}")


if __name__ == "__main__":
    main()
