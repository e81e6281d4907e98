#!/usr/bin/env python3
"""The raw text of a CoNLL-U file, from its `# text = ` lines, for scoring a
parser on text it must split and tokenize itself.

usage: ud_raw_text.py GOLD.conllu OUT.txt [paragraph|sentence]

paragraph (the default): the sentences of a `# newpar` / `# newdoc` block
joined by spaces, one block a paragraph; sentence: one sentence a paragraph.
Paragraphs are separated by blank lines."""
import sys


def main():
    gold, out = sys.argv[1], sys.argv[2]
    unit = sys.argv[3] if len(sys.argv) > 3 else "paragraph"
    paras, cur = [], []
    for line in open(gold, encoding="utf-8"):
        starts = line.startswith(("# newpar", "# newdoc"))
        if starts or (unit == "sentence" and line.startswith("# text = ")):
            if cur:
                paras.append(" ".join(cur))
            cur = []
        if line.startswith("# text = "):
            cur.append(line[len("# text = "):].rstrip("\n"))
    if cur:
        paras.append(" ".join(cur))
    with open(out, "w", encoding="utf-8") as f:
        f.write("\n\n".join(paras) + "\n")


if __name__ == "__main__":
    main()
