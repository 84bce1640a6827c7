#!/usr/bin/env python3
"""The store's cost in instructions: `dossier ingest` against `dossier analyze` on the same articles.

    python3 bench/store_cost.py [--bin target/release/dossier] [--articles 200] [--pg URL]

Wall and CPU seconds on a shared machine swing by tens of percent between runs; instruction counts
(valgrind's callgrind) do not. This writes the first N PolNeAR articles (train, then dev; never into
the repository) to a temporary JSONL and counts the instructions of, on one analysis thread:

- `dossier analyze --format jsonl` (output discarded): the analysis alone;
- `dossier ingest` into a fresh SQLite file: analysis, records, rows, full-text index, linking;
- with `--pg URL`, `dossier ingest` into a fresh PostgreSQL database (dossier's instructions only:
  the server's own work is not counted).

It prints each total, the store's share (ingest over analyze, minus one) and where the store's
instructions go (inclusive counts of its top functions). Under callgrind a run is about 50 times
slower: 200 articles take about two minutes each.
"""
import argparse, json, os, re, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SHARED = os.path.join(os.path.dirname(ROOT), "shared")

# Inclusive counts worth showing: what the store adds to the analysis.
PARTS = [
    ("records (fingerprints, story terms, JSON)", r"dossier_store::record::Record::new"),
    ("  MinHash signature", r"dossier_corpus::fingerprint::MinHash::of_shingles"),
    ("  story terms", r"dossier_corpus::fingerprint::story_terms$"),
    ("batch rows and commit", r"dossier_store::Store::insert"),
    ("  full-text index (FTS5)", r"fts5UpdateMethod"),
    ("linking (stories, entities, citations)", r"dossier_store::link::<impl dossier_store::Store>::link"),
]


def articles(n):
    out = []
    for split in ("train", "dev"):
        for line in open(os.path.join(SHARED, "data", "polnear", f"{split}.jsonl")):
            r = json.loads(line)
            out.append({"id": r["article"], "text": r["text"], "published": r["date"], "outlet": r["publisher"]})
            if len(out) == n:
                return out
    return out


def callgrind(cmd, out):
    env = dict(os.environ, RAYON_NUM_THREADS="1")
    p = subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}"] + cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    m = re.search(r"Collected : (\d+)", p.stderr)
    if not m:
        sys.exit(f"{' '.join(cmd)} failed under callgrind: {p.stderr[-2000:]}")
    return int(m.group(1))


def inclusive(out):
    text = subprocess.run(["callgrind_annotate", "--inclusive=yes", out], capture_output=True, text=True).stdout
    found = {}
    for line in text.splitlines():
        m = re.match(r"\s*([\d,]+) \([^)]*\)\s+\?\?\?:(.*) \[", line)
        if m:
            found.setdefault(m.group(2), int(m.group(1).replace(",", "")))
    return found


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.path.join(ROOT, "target", "release", "dossier"))
    ap.add_argument("--articles", type=int, default=200)
    ap.add_argument("--pg", help="postgres://USER:PASSWORD@HOST/DB of a user that may create databases")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "articles.jsonl")
        with open(src, "w") as f:
            for r in articles(args.articles):
                f.write(json.dumps(r) + "\n")
        runs = [("analyze", [args.bin, "analyze", "--format", "jsonl", src])]
        runs.append(("ingest sqlite", [args.bin, "ingest", "--quiet", "--db", os.path.join(tmp, "store.db"), src]))
        if args.pg:
            admin = args.pg
            subprocess.run(["psql", admin, "-qc", "DROP DATABASE IF EXISTS dossier_store_cost"], capture_output=True)
            subprocess.run(["psql", admin, "-qc", "CREATE DATABASE dossier_store_cost"], check=True, capture_output=True)
            runs.append(("ingest postgres", [args.bin, "ingest", "--quiet", "--db", admin.rsplit("/", 1)[0] + "/dossier_store_cost", src]))
        totals = {}
        for name, cmd in runs:
            out = os.path.join(tmp, name.replace(" ", "_") + ".cg")
            totals[name] = (callgrind(cmd, out), inclusive(out))
            print(f"{name:16} {totals[name][0] / 1e9:7.3f} G instructions", file=sys.stderr)
        base = totals["analyze"][0]
        print(f"{args.articles} PolNeAR articles, one analysis thread, instructions (callgrind)")
        print(f"{'analyze':16} {base / 1e9:7.3f} G")
        for name, (ir, funcs) in totals.items():
            if name == "analyze":
                continue
            print(f"{name:16} {ir / 1e9:7.3f} G   store's share {100 * (ir / base - 1):+.1f}% of the analysis")
            for label, pat in PARTS:
                hit = next((v for k, v in funcs.items() if re.search(pat, k)), None)
                if hit is not None:
                    print(f"    {label:42} {hit / 1e9:7.3f} G  ({100 * hit / base:4.1f}% of the analysis)")


if __name__ == "__main__":
    main()
