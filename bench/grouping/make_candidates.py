#!/usr/bin/env python3
"""List candidate same-story pairs among the PolNeAR articles, for human review.

Stdlib only. Reads the PolNeAR train/dev JSONL files (one line per article and annotator; one line per
distinct "article" key is kept) and prints pairs of distinct articles that
  * come from DIFFERENT publishers,
  * are dated within --days days of each other (default 2), and
  * share salient vocabulary in their lead (headline = first line, plus the first paragraph): capitalised
    names that are not sentence-initial, and words that are rare across the corpus (document frequency
    <= --max-df). A pair is listed when the IDF-weighted overlap reaches --min-score and at least
    --min-shared salient terms are shared.

The output contains article text (headlines, leads): write it to /tmp, never into the repository, e.g.
    python3 bench/grouping/make_candidates.py /work/shared/data/polnear/{train,dev}.jsonl > /tmp/cands.txt
With --tsv the output is one line per pair (key_a, key_b, score, shared terms) without text.
"""
import argparse
import itertools
import json
import math
import re
import sys
from collections import Counter
from datetime import date

STOP = set("""a an the and or but if of to in on at by for with from as is are was were be been being it its this that
these those he she they we you i his her their our your my him them us me who whom which what when where why how
not no yes so than then there here also just more most very can could would should will shall may might must do
does did done have has had having said says say according about after before over under into out up down off
new mr mrs ms one two three first last year years time people state states president campaign""".split())

LEAD_CHARS = 500

WORD = re.compile(r"[A-Za-z][A-Za-z'’\-\.]*[A-Za-z]|[A-Za-z]")


def load(paths):
    arts = {}
    for p in paths:
        with open(p, encoding="utf-8") as f:
            for line in f:
                d = json.loads(line)
                arts.setdefault(d["article"], d)
    return arts


def lead(text):
    """Headline (first line) and lead: the following paragraphs up to about LEAD_CHARS characters
    (at least one paragraph; some outlets put a one-line dek before the first paragraph)."""
    paras = [p.strip() for p in text.split("\n") if p.strip()]
    head = paras[0] if paras else ""
    first = ""
    for p in paras[1:]:
        if first and len(first) + len(p) > LEAD_CHARS:
            break
        first = (first + " " + p).strip()
    return head, first


def norm(w):
    w = w.replace("’", "'").lower()
    if w.endswith("'s"):
        w = w[:-2]
    return w.strip(".-'")


def terms(text):
    """Salient candidate terms of a passage: non-stopwords, with capitalised non-initial tokens marked."""
    out = set()
    for sent in re.split(r"(?<=[.!?])\s+|\n+", text):
        toks = WORD.findall(sent)
        for i, t in enumerate(toks):
            n = norm(t)
            if len(n) < 3 or n in STOP:
                continue
            out.add(n)
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("jsonl", nargs="+")
    ap.add_argument("--days", type=int, default=2)
    ap.add_argument("--max-df", type=int, default=40, help="a term is salient if in at most this many leads")
    ap.add_argument("--min-score", type=float, default=6.0)
    ap.add_argument("--min-shared", type=int, default=2)
    ap.add_argument("--chars", type=int, default=300)
    ap.add_argument("--tsv", action="store_true", help="keys, score and shared terms only (no text)")
    ap.add_argument("--all-pairs", action="store_true",
                    help="list every cross-publisher pair in the date window (for recall sampling), TSV")
    ap.add_argument("--chron", action="store_true",
                    help="instead of pairs, list every article by date (headline and start of lead), for a full review")
    a = ap.parse_args()

    arts = load(a.jsonl)
    keys = sorted(arts)
    if a.chron:
        prev = None
        for k in sorted(keys, key=lambda k: (arts[k]["date"], k)):
            if arts[k]["date"] != prev:
                prev = arts[k]["date"]
                print(f"== {prev}")
            h, p = lead(arts[k]["text"])
            print(f"{k} | {h[:100]} | {p[:a.chars]}")
        return
    leads = {k: lead(arts[k]["text"]) for k in keys}
    # headline terms count double; the whole lead is the first paragraph plus headline
    tset = {k: terms(leads[k][0] + "\n" + leads[k][1]) for k in keys}
    hset = {k: terms(leads[k][0]) for k in keys}
    df = Counter(t for k in keys for t in tset[k])
    N = len(keys)
    idf = {t: math.log(N / c) for t, c in df.items()}
    sal = {k: {t for t in tset[k] if df[t] <= a.max_df} for k in keys}
    day = {k: date.fromisoformat(arts[k]["date"]) for k in keys}

    rows = []
    for x, y in itertools.combinations(keys, 2):
        if arts[x]["publisher"] == arts[y]["publisher"]:
            continue
        gap = abs((day[x] - day[y]).days)
        if gap > a.days:
            continue
        shared = sal[x] & sal[y]
        score = sum(idf[t] * (2 if (t in hset[x] or t in hset[y]) else 1) for t in shared)
        if a.all_pairs:
            rows.append((score, x, y, gap, shared))
            continue
        if len(shared) >= a.min_shared and score >= a.min_score:
            rows.append((score, x, y, gap, shared))
    rows.sort(key=lambda r: (-r[0], r[1], r[2]))

    out = sys.stdout
    if a.tsv or a.all_pairs:
        for score, x, y, gap, shared in rows:
            out.write(f"{x}\t{y}\t{gap}\t{score:.1f}\t{' '.join(sorted(shared))}\n")
        return
    for i, (score, x, y, gap, shared) in enumerate(rows, 1):
        out.write(f"=== #{i} score={score:.1f} gap={gap}d shared: {' '.join(sorted(shared, key=lambda t: -idf[t]))}\n")
        for k in (x, y):
            h, p = leads[k]
            out.write(f"  [{k}] {arts[k]['date']} {arts[k]['publisher']}\n    H: {h[:200]}\n    P: {p[:a.chars]}\n")
    sys.stderr.write(f"{N} articles, {len(rows)} candidate pairs\n")


if __name__ == "__main__":
    main()
