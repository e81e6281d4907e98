#!/usr/bin/env python3
"""scale_gen.py KIND N OUT - the inputs of bench/scale_bench.sh, made at run time.

Every input is a pure function of KIND and N (no randomness, no clock), so two
runs on two machines read the same bytes.  Names are built from syllables, so
that they are capitalized words no word list knows (no common word, no place,
no organization) and every one is different.

  people N     a document of N short sentences naming 2N different people:
               "Given Surname met Given Surname." with a given name from a
               fixed list and a surname no other person has
  shared N     N JSON Lines records without ids (kg numbers them), each naming
               the same person once in a sentence of its own
  graph N      a node-link graph of N people (kg's JSON, schema_version 1):
               a ring plus a chord from every node to the node N/3 ahead and
               a hub every 1,000 nodes joined to its thousand, so the graph is
               connected, has long shortest paths and has hubs, as a merged
               news corpus does
"""
import json
import sys

GIVEN = ["John", "Mary", "David", "Sarah", "Michael", "Anna", "Peter", "Laura",
         "James", "Maria", "Thomas", "Elena", "Robert", "Julia", "Daniel", "Nina"]
SYLL = ["ka", "lo", "mi", "ne", "tu", "ra", "so", "vi", "de", "pa", "go", "zu",
        "ba", "fe", "hi", "jo", "ku", "ly", "mo", "nu"]


def surname(i):
    """A different word for every i: 'Ka' + base-20 digits as syllables + 'ski'."""
    out = []
    while True:
        out.append(SYLL[i % len(SYLL)])
        i //= len(SYLL)
        if i == 0:
            break
    word = "".join(out) + "vek"
    return word[0].upper() + word[1:]


def person(i):
    return "%s %s" % (GIVEN[i % len(GIVEN)], surname(i))


def people(n, out):
    for s in range(n):
        out.write("%s met %s.\n" % (person(2 * s), person(2 * s + 1)))


def shared(n, out):
    for _ in range(n):
        out.write(json.dumps({"text": "Joe Bidensky spoke on Monday."}) + "\n")


def graph(n, out):
    ids = ["p%07d" % i for i in range(n)]
    nodes = [{"id": i, "label": "Person " + i, "type": "person", "mentions": 1} for i in ids]
    links = []

    def link(a, b, relation):
        if a != b:
            links.append({"source": ids[a], "target": ids[b], "relation": relation, "count": 1})

    for i in range(n):
        link(i, (i + 1) % n, "met")
        link(i, (i + n // 3) % n, "called")
        if i % 1000 and n > 1000:
            link(i - i % 1000, i, "visited")
    out.write(json.dumps({"directed": True, "multigraph": False,
                          "graph": {"schema_version": 1, "documents": []},
                          "nodes": nodes, "links": links}))


def main():
    kind, n, path = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    with open(path, "w", encoding="utf-8") as out:
        {"people": people, "shared": shared, "graph": graph}[kind](n, out)


if __name__ == "__main__":
    main()
