#!/usr/bin/env python3
"""Throughput of `dossier ingest` against `dossier analyze` alone, on the PolNeAR articles.

    python3 bench/ingest.py [--bin target/release/dossier] [--rounds 3] [--pg URL] [--threads 1,2] [--scale]

Writes the 924 distinct PolNeAR train+dev articles (one line per article key, with its publisher and
date) to a temporary JSONL (never into the repository), then, alternating, several rounds of:

- `dossier analyze --format jsonl` on it, output to /dev/null (the analysis alone);
- `dossier ingest` into a fresh SQLite file;
- `dossier ingest` into a fresh PostgreSQL database (with `--pg URL` of a user that may create databases).

Prints medians of wall and CPU seconds, articles per second, peak memory (max RSS) and the store's
cost: ingest time over analyse time, minus one. `--threads` runs each with RAYON_NUM_THREADS set.
`--scale` also ingests 100, 924 and 9,240 articles (the corpus repeated ten times, each copy's text
made distinct by a trailing line) into SQLite, to show how time and memory grow.
`--rounds 0` skips those. `--feed N` ingests N articles (the corpus repeated) into SQLite, then, as a feed would, five runs of
ten new articles each (corrected editions of stored ones: copies of their stories), and prints the
median time of such a run and of its linking step (`DOSSIER_TRACE_STORE`'s CPU seconds), which should
depend on the new articles and what they touch, not on N.
"""
import argparse, json, os, resource, statistics, subprocess, sys, tempfile, time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SHARED = os.path.join(os.path.dirname(ROOT), "shared")


def articles():
    seen = set()
    for split in ("train", "dev"):
        for line in open(os.path.join(SHARED, "data", "polnear", f"{split}.jsonl")):
            r = json.loads(line)
            if r["article"] in seen:
                continue
            seen.add(r["article"])
            yield {"id": r["article"], "text": r["text"], "published": r["date"], "outlet": r["publisher"]}


def write(path, rows):
    with open(path, "w") as f:
        for r in rows:
            f.write(json.dumps(r) + "\n")


def timed(cmd, env):
    """Wall seconds, CPU seconds and max RSS (MiB) of one child process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.time()
    # Run under a fresh intermediate shell so ru_maxrss is this child's own peak.
    p = subprocess.run(["/usr/bin/env", "bash", "-c", 'exec "$@"', "_"] + cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wall = time.time() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if p.returncode not in (0,):
        sys.exit(f"{' '.join(cmd)} failed: {p.stderr.decode()[-2000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, after.ru_maxrss / 1024


def pg_db(admin, name):
    import_ok = subprocess.run(["psql", admin, "-qc", f"DROP DATABASE IF EXISTS {name}"], capture_output=True)
    subprocess.run(["psql", admin, "-qc", f"CREATE DATABASE {name}"], check=True, capture_output=True)
    return admin.rsplit("/", 1)[0] + "/" + name


def peak_rss(cmd, env):
    """Peak RSS in MiB of a command, via /usr/bin/time when present."""
    if os.path.exists("/usr/bin/time"):
        p = subprocess.run(["/usr/bin/time", "-f", "%M"] + cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        return int(p.stderr.strip().splitlines()[-1]) / 1024
    return float("nan")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.path.join(ROOT, "target", "release", "dossier"))
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--pg", help="admin URL of a PostgreSQL server (a user that may create databases)")
    ap.add_argument("--threads", default="2")
    ap.add_argument("--scale", action="store_true")
    ap.add_argument("--feed", type=int, metavar="N", help="a store of N articles, then runs of 10 new ones")
    a = ap.parse_args()
    rows = list(articles())
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "polnear.jsonl")
        write(src, rows)
        print(f"{len(rows)} articles, {sum(len(r['text']) for r in rows):,} characters; median of {a.rounds} rounds")
        print(f"{'threads':>7}  {'job':<18} {'wall s':>7} {'CPU s':>7} {'art/s':>7} {'max MiB':>8}  store cost")
        for threads in a.threads.split(",") if a.rounds else []:
            env = dict(os.environ, RAYON_NUM_THREADS=threads)
            runs = {"analyze": [], "ingest sqlite": [], "ingest postgres": []}
            for i in range(a.rounds):
                runs["analyze"].append(timed([a.bin, "analyze", "--format", "jsonl", src], env))
                db = os.path.join(tmp, f"s{threads}-{i}.db")
                runs["ingest sqlite"].append(timed([a.bin, "ingest", "--quiet", "--db", db, src], env))
                if a.pg:
                    url = pg_db(a.pg, f"dossier_bench_{threads}_{i}")
                    runs["ingest postgres"].append(timed([a.bin, "ingest", "--quiet", "--db", url, src], env))
            base = statistics.median(r[0] for r in runs["analyze"])
            for job, rs in runs.items():
                if not rs:
                    continue
                wall = statistics.median(r[0] for r in rs)
                cpu = statistics.median(r[1] for r in rs)
                mem = peak_rss([a.bin, "analyze", "--format", "jsonl", src] if job == "analyze" else [a.bin, "ingest", "--quiet", "--db", os.path.join(tmp, f"mem-{threads}-{job[-3:]}.db") if "sqlite" in job else pg_db(a.pg, f"dossier_bench_mem_{threads}"), src], env)
                cost = "" if job == "analyze" else f"{100 * (wall / base - 1):+.0f}% of analysis time"
                print(f"{threads:>7}  {job:<18} {wall:7.2f} {cpu:7.2f} {len(rows) / wall:7.1f} {mem:8.0f}  {cost}")
        if a.scale:
            print("\nscaling (SQLite, one round each):")
            print(f"{'articles':>8} {'wall s':>7} {'art/s':>7} {'max MiB':>8}")
            for n in (100, len(rows), 10 * len(rows)):
                big = os.path.join(tmp, f"scale-{n}.jsonl")
                write(big, repeated(rows, n))
                env = dict(os.environ)
                db = os.path.join(tmp, f"scale-{n}.db")
                t = time.time()
                mem = peak_rss([a.bin, "ingest", "--quiet", "--db", db, big], env)
                wall = time.time() - t
                print(f"{n:>8} {wall:7.1f} {n / wall:7.1f} {mem:8.0f}")
                os.remove(big)
        if a.feed:
            feed(a, rows, tmp)


def repeated(rows, n):
    """`n` articles: the corpus repeated, each copy's text made distinct by a trailing line."""
    out = []
    for k in range(-(-n // len(rows))):
        for r in rows:
            out.append(dict(r, id=f"{r['id']}#{k}", text=r["text"] + (f"\n\nCopy {k}." if k else "")))
    return out[:n]


def feed(a, rows, tmp):
    big = os.path.join(tmp, "feed-store.jsonl")
    write(big, repeated(rows, a.feed))
    db = os.path.join(tmp, "feed.db")
    subprocess.run([a.bin, "ingest", "--quiet", "--db", db, big], check=True, capture_output=True)
    os.remove(big)
    runs = []
    for k in range(5):
        new = os.path.join(tmp, f"feed-{k}.jsonl")
        picked = rows[k * 10 * 17 % len(rows)::90][:10]
        write(new, [dict(r, id=f"{r['id']}@update{k}", text=f"Corrected edition {k}. " + r["text"]) for r in picked])
        env = dict(os.environ, DOSSIER_TRACE_STORE="1")
        t = time.time()
        p = subprocess.run([a.bin, "ingest", "--quiet", "--db", db, new], env=env, capture_output=True, text=True, check=True)
        wall = time.time() - t
        link = [l for l in p.stderr.splitlines() if l.startswith("store: link citations")]
        cpu = float(link[-1].split("[cpu ")[1].split(" s]")[0]) if link else float("nan")
        runs.append((wall, cpu))
    print(f"\nfeed: a store of {a.feed} articles, five runs of 10 new ones (SQLite; medians)")
    print(f"  run wall {statistics.median(r[0] for r in runs):.3f} s, of which linking {statistics.median(r[1] for r in runs):.3f} s CPU")


if __name__ == "__main__":
    main()
