#!/usr/bin/env python3
"""Pair precision and recall of dossier's near-duplicate and story grouping.

    python3 bench/grouping/score.py [--bin target/release/dossier] [--set sample|polnear|both]

`sample`: ingests samples/corpus into a fresh SQLite store and compares with
samples/corpus-labels.tsv (key: the article's URL, else its file name).
`polnear`: writes the 924 distinct PolNeAR train+dev articles (one line per
article key, with its publisher and date) to a temporary JSONL, ingests it,
and compares with bench/grouping/polnear-stories.tsv. Nothing is written into
the repository.
"""
import argparse, itertools, json, os, subprocess, sys, tempfile, time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
SHARED = os.path.join(os.path.dirname(ROOT), "shared")


def pairs(groups):
    out = set()
    for members in groups.values():
        for a, b in itertools.combinations(sorted(members), 2):
            out.add((a, b))
    return out


def by(labels, col):
    g = {}
    for key, row in labels.items():
        g.setdefault(row[col], []).append(key)
    return g


def prf(pred, gold):
    tp = len(pred & gold)
    p = tp / len(pred) if pred else 1.0
    r = tp / len(gold) if gold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f, tp, len(pred), len(gold)


def ingest(binary, db, inputs):
    t = time.time()
    subprocess.run([binary, "ingest", "--quiet", "--db", db] + inputs, check=True, stderr=subprocess.DEVNULL)
    secs = time.time() - t
    out = subprocess.run([binary, "articles", "--json", "--limit", "1000000", "--db", db], check=True, capture_output=True, text=True).stdout
    return json.loads(out), secs


def score(name, labels, articles, keyf):
    got = {}
    for a in articles:
        k = keyf(a)
        if k in labels:
            got[k] = a
    missing = set(labels) - set(got)
    if missing:
        print(f"{name}: {len(missing)} labelled articles not in the store, e.g. {sorted(missing)[:3]}", file=sys.stderr)
    keys = {k: v for k, v in labels.items() if k in got}
    # An article's copy group is the article it copies (or itself).
    pred_dup = pairs(by({k: [got[k]["copy_of"] or got[k]["id"]] for k in keys}, 0))
    pred_story = pairs(by({k: [got[k]["story"]] for k in keys}, 0))
    gold_dup = pairs(by(keys, 1))
    gold_story = pairs(by(keys, 0))
    for what, pred, gold in (("duplicates", pred_dup, gold_dup), ("stories", pred_story, gold_story)):
        p, r, f, tp, np_, ng = prf(pred, gold)
        print(f"{name:8} {what:10}  pairs: P {100*p:5.1f}  R {100*r:5.1f}  F1 {100*f:5.1f}   ({tp} right of {np_} predicted, {ng} labelled; {len(keys)} articles)")
    return pred_story - gold_story, gold_story - pred_story


def sample(binary, tmp, verbose):
    labels = {}
    with open(os.path.join(ROOT, "samples", "corpus-labels.tsv")) as f:
        next(f)
        for line in f:
            key, story, dup, *_ = line.rstrip("\n").split("\t")
            labels[key] = (story, dup)
    arts, _ = ingest(binary, os.path.join(tmp, "sample.db"), [os.path.join(ROOT, "samples", "corpus")])
    fp, fn = score("sample", labels, arts, lambda a: a.get("url") or os.path.basename(a["origin"]))
    if verbose:
        print("  wrongly grouped:", sorted(fp)[:20], "\n  missed:", sorted(fn)[:20])


def polnear(binary, tmp, verbose):
    labels = {}
    with open(os.path.join(HERE, "polnear-stories.tsv")) as f:
        next(f)
        for line in f:
            key, story, dup = line.rstrip("\n").split("\t")
            labels[key] = (story, dup)
    path = os.path.join(tmp, "polnear.jsonl")
    seen = set()
    with open(path, "w") as out:
        for split in ("train", "dev"):
            for line in open(os.path.join(SHARED, "data", "polnear", f"{split}.jsonl")):
                r = json.loads(line)
                if r["article"] in seen:
                    continue
                seen.add(r["article"])
                out.write(json.dumps({"id": r["article"], "text": r["text"], "published": r["date"], "outlet": r["publisher"]}) + "\n")
    arts, secs = ingest(binary, os.path.join(tmp, "polnear.db"), [path])
    print(f"polnear  ingested {len(arts)} articles in {secs:.1f} s")
    fp, fn = score("polnear", labels, arts, lambda a: a["doc_id"])
    if verbose:
        print("  wrongly grouped:", sorted(fp)[:20], "\n  missed:", sorted(fn)[:20])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.path.join(ROOT, "target", "release", "dossier"))
    ap.add_argument("--set", default="both", choices=["sample", "polnear", "both"])
    ap.add_argument("-v", "--verbose", action="store_true")
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        if a.set in ("sample", "both"):
            sample(a.bin, tmp, a.verbose)
        if a.set in ("polnear", "both"):
            polnear(a.bin, tmp, a.verbose)


if __name__ == "__main__":
    main()
