#!/usr/bin/env python3
"""Build the cue lexicon (cues.tsv) from PolNeAR's training split.

usage: python3 crates/attribution/data/build_cues.py ../shared/data/polnear/train.jsonl > crates/attribution/data/cues.tsv

For every word form, counts how often it is the last word of an annotated cue and how often it occurs in the
training texts at all; keeps forms seen as a cue at least MIN_CUE times whose cue rate (cue count / occurrences) is
at least MIN_RATE. Output: one line per form, `form<TAB>rate<TAB>cue_count`, highest rate first. Only word forms
and counts are written: no text of the corpus.
"""
import json
import re
import sys
from collections import Counter

MIN_CUE, MIN_RATE = 4, 0.25
WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")


def main(path):
    cue, seen = Counter(), Counter()
    for line in open(path, encoding="utf-8"):
        doc = json.loads(line)
        text = doc["text"]
        for w in WORD.findall(text):
            seen[w.lower()] += 1
        for a in doc["attributions"]:
            if not a.get("cue"):
                continue
            words = WORD.findall(text[a["cue"][0]:a["cue"][1]])
            # The cue's verb: its last word, or the first before a particle ("called for" -> called).
            heads = [w.lower() for w in words if w.lower() not in {"for", "on", "to", "out", "up", "about", "in", "that", "of", "with", "against", "as"}]
            if heads:
                cue[heads[-1]] += 1
    rows = [(w, cue[w] / seen[w], cue[w]) for w in cue if cue[w] >= MIN_CUE and seen[w] and cue[w] / seen[w] >= MIN_RATE]
    for w, rate, n in sorted(rows, key=lambda r: (-r[1], -r[2])):
        print(f"{w}\t{rate:.3f}\t{n}")


if __name__ == "__main__":
    main(sys.argv[1])
