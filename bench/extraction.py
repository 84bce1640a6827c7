#!/usr/bin/env python3
"""Score dossier's article-body extraction on the 181-page benchmark.

usage: bench/extraction.py [path/to/dossier] [--out PRED.json] [--per-page]

Runs `dossier analyze --format jsonl` on ../shared/data/article-extraction-benchmark/html,
writes the prediction file ({id: {"articleBody": text}}) and prints the scorer's line
(F1, P, R, accuracy). --per-page lists the worst pages by F1 for error analysis.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.path.join(HERE, "..", "..", "shared")
DATA = os.path.join(SHARED, "data", "article-extraction-benchmark")


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("binary", nargs="?", default=os.path.join(HERE, "..", "target", "release", "dossier"))
    ap.add_argument("--out", default=os.path.join(tempfile.mkdtemp(), "dossier.json"))
    ap.add_argument("--per-page", action="store_true")
    args = ap.parse_args(argv)
    binary, out = args.binary, args.out
    html_dir = os.path.join(DATA, "html")
    proc = subprocess.run([binary, "analyze", "--format", "jsonl", html_dir], capture_output=True, text=True)
    pred = {}
    for line in proc.stdout.splitlines():
        d = json.loads(line)
        key = os.path.basename(d["id"]).removesuffix(".html.gz")
        pred[key] = {"articleBody": d.get("text", "")}
    truth = json.load(open(os.path.join(DATA, "ground-truth.json"), encoding="utf-8"))
    for k in truth:
        pred.setdefault(k, {"articleBody": ""})
    json.dump(pred, open(out, "w"), ensure_ascii=False)
    score = subprocess.run([sys.executable, os.path.join(SHARED, "eval", "score_extraction.py"),
                            os.path.join(DATA, "ground-truth.json"), out], capture_output=True, text=True)
    print(score.stdout.strip().replace(out, "dossier"))
    if args.per_page:
        word = re.compile(r"\w+")
        def sh(t):
            w = word.findall(t or "")
            return Counter(tuple(w[i:i + 4]) for i in range(max(1, len(w) - 3)))
        rows = []
        for k, g in truth.items():
            t, p = sh(g["articleBody"]), sh(pred[k]["articleBody"])
            tp = sum((t & p).values())
            prec = tp / max(1, sum(p.values())); rec = tp / max(1, sum(t.values()))
            f = 2 * prec * rec / (prec + rec) if prec + rec else 0
            rows.append((f, prec, rec, k))
        for f, p, r, k in sorted(rows)[:30]:
            print(f"{f:.3f}\tP {p:.3f}\tR {r:.3f}\t{k}")


if __name__ == "__main__":
    main(sys.argv[1:])
