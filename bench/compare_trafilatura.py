#!/usr/bin/env python3
"""Compare dossier with trafilatura 2.0.0 on the 181-page extraction benchmark: accuracy and CPU time.

usage: bench/compare_trafilatura.py [--bin PATH] [--repeat N] [--out DIR]

Both tools read the same 181 pages, decompressed once before any clock starts:
- trafilatura: all pages are loaded into memory as str, then the CPU time (time.process_time) of
  `trafilatura.extract(html, include_comments=False)` over all pages is measured. Those are the options
  of the benchmark's own runner (extractors/run_trafilatura.py upstream): output_format is the default
  "txt", comments are left out. With them, trafilatura 2.0.0 scores the reference F1 0.958 of the data README.
- dossier: `dossier analyze --extract-only --format jsonl DIR` on a temp dir of the decompressed .html
  files; its CPU time is the child's user+sys time (resource.getrusage(RUSAGE_CHILDREN) delta). dossier runs
  pages in parallel, so CPU time, not wall time, is the figure to compare. It covers the whole process:
  start-up, reading and sniffing the files, decoding, extraction (the article stage: text, title, byline,
  date, paragraphs) and JSON output; `--extract-only` skips the language layer and attributions, which
  trafilatura does not do.
Each measurement is repeated N times (--repeat, default 3), runs alternating between the tools; the median
is reported. Wall-clock medians are printed too, for information only.

The script runs itself under bench/.venv (a virtualenv, gitignored), creating it and installing
trafilatura==2.0.0 with pip on first use. Output: a table of tool, F1, P, R, accuracy, CPU s, wall s,
then the ratio trafilatura CPU / dossier CPU. --out keeps the two prediction files in DIR.
"""
import argparse
import gzip
import json
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.path.join(HERE, "..", "..", "shared")
DATA = os.path.join(SHARED, "data", "article-extraction-benchmark")
SCORER = os.path.join(SHARED, "eval", "score_extraction.py")
VENV = os.path.join(HERE, ".venv")
VENV_PYTHON = os.path.join(VENV, "bin", "python")
TRAFILATURA = "2.0.0"
# lxml >= 5.2 moved lxml.html.clean, which jusText (a trafilatura dependency) imports, to its own package.
REQUIREMENTS = [f"trafilatura=={TRAFILATURA}", "lxml_html_clean"]


def ensure_venv():
    """Re-run this script under bench/.venv, creating it and installing trafilatura if needed."""
    if os.path.realpath(sys.prefix) == os.path.realpath(VENV):
        return
    if not os.path.exists(VENV_PYTHON):
        print(f"creating {VENV}", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "venv", VENV], check=True)
    check = f"import trafilatura; assert trafilatura.__version__ == '{TRAFILATURA}'"
    if subprocess.run([VENV_PYTHON, "-c", check], capture_output=True).returncode != 0:
        print(f"installing {' '.join(REQUIREMENTS)} into {VENV}", file=sys.stderr)
        subprocess.run([VENV_PYTHON, "-m", "pip", "install", "--quiet", *REQUIREMENTS], check=True)
    os.execv(VENV_PYTHON, [VENV_PYTHON, os.path.abspath(__file__), *sys.argv[1:]])


def load_pages(html_dir):
    """{id: decompressed html as str}, read from html/<id>.html.gz."""
    pages = {}
    for name in sorted(os.listdir(html_dir)):
        if name.endswith(".html.gz"):
            with gzip.open(os.path.join(html_dir, name), "rt", encoding="utf-8") as f:
                pages[name.removesuffix(".html.gz")] = f.read()
    return pages


def run_trafilatura(pages):
    """(predictions, cpu seconds, wall seconds) for one pass of trafilatura over all pages."""
    import trafilatura
    cpu0, wall0 = time.process_time(), time.perf_counter()
    texts = {key: trafilatura.extract(html, include_comments=False) for key, html in pages.items()}
    cpu, wall = time.process_time() - cpu0, time.perf_counter() - wall0
    return {key: {"articleBody": text or ""} for key, text in texts.items()}, cpu, wall


def run_dossier(binary, page_dir):
    """(predictions, cpu seconds, wall seconds) for one `dossier analyze` run over page_dir."""
    before, wall0 = resource.getrusage(resource.RUSAGE_CHILDREN), time.perf_counter()
    # --extract-only: the article stage alone, the job trafilatura does.
    proc = subprocess.run([binary, "analyze", "--extract-only", "--format", "jsonl", page_dir],
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=True)
    after, wall = resource.getrusage(resource.RUSAGE_CHILDREN), time.perf_counter() - wall0
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    pred = {}
    for line in proc.stdout.decode("utf-8").splitlines():
        doc = json.loads(line)
        pred[os.path.basename(doc["id"]).removesuffix(".html")] = {"articleBody": doc.get("text") or ""}
    return pred, cpu, wall


def score(pred, truth, path):
    """(F1, P, R, accuracy) from score_extraction.py, after writing pred to path."""
    for key in truth:
        pred.setdefault(key, {"articleBody": ""})
    with open(path, "w", encoding="utf-8") as f:
        json.dump(pred, f, ensure_ascii=False)
    out = subprocess.run([sys.executable, SCORER, os.path.join(DATA, "ground-truth.json"), path],
                         capture_output=True, text=True, check=True).stdout
    m = re.search(r"F1 ([\d.]+)\tP ([\d.]+)\tR ([\d.]+)\taccuracy ([\d.]+)", out)
    if not m:
        raise SystemExit(f"unexpected scorer output: {out!r}")
    return tuple(float(x) for x in m.groups())


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bin", default=os.path.join(HERE, "..", "target", "release", "dossier"),
                    help="dossier binary (default: target/release/dossier)")
    ap.add_argument("--repeat", type=int, default=3, help="runs per tool; the median is reported (default 3)")
    ap.add_argument("--out", help="directory to keep the prediction files in (default: a temp dir)")
    args = ap.parse_args(argv)
    if args.repeat < 1:
        ap.error("--repeat must be at least 1")
    binary = os.path.abspath(args.bin)
    if not os.access(binary, os.X_OK):
        raise SystemExit(f"no dossier binary at {binary}: run `cargo build --release` or pass --bin")
    ensure_venv()
    import lxml
    import trafilatura

    with open(os.path.join(DATA, "ground-truth.json"), encoding="utf-8") as f:
        truth = json.load(f)
    pages = load_pages(os.path.join(DATA, "html"))
    with tempfile.TemporaryDirectory() as tmp:
        page_dir = os.path.join(tmp, "html")
        os.mkdir(page_dir)
        for key, html in pages.items():
            with open(os.path.join(page_dir, key + ".html"), "w", encoding="utf-8") as f:
                f.write(html)

        times = {"trafilatura": [], "dossier": []}
        for i in range(args.repeat):
            traf_pred, cpu, wall = run_trafilatura(pages)
            times["trafilatura"].append((cpu, wall))
            dossier_pred, cpu, wall = run_dossier(binary, page_dir)
            times["dossier"].append((cpu, wall))
            print(f"run {i + 1}/{args.repeat}: trafilatura {times['trafilatura'][-1][0]:.2f} s CPU, "
                  f"dossier {cpu:.2f} s CPU", file=sys.stderr)

        out_dir = args.out or tmp
        os.makedirs(out_dir, exist_ok=True)
        scores = {"trafilatura": score(traf_pred, truth, os.path.join(out_dir, "trafilatura.json")),
                  "dossier": score(dossier_pred, truth, os.path.join(out_dir, "dossier.json"))}

    cpu = {tool: statistics.median(c for c, _ in runs) for tool, runs in times.items()}
    # On a shared, noisy machine the fastest run is the best estimate of a tool's own cost.
    cpu_min = {tool: min(c for c, _ in runs) for tool, runs in times.items()}
    wall = {tool: statistics.median(w for _, w in runs) for tool, runs in times.items()}
    labels = {"trafilatura": f"trafilatura {trafilatura.__version__} (lxml {lxml.__version__})",
              "dossier": "dossier analyze"}
    width = max(len(label) for label in labels.values())
    print(f"{len(pages)} pages, median of {args.repeat} run(s); CPU = user+sys seconds for the whole set")
    print(f"{'tool':<{width}}  {'F1':>5}  {'P':>5}  {'R':>5}  {'acc':>5}  {'CPU s':>6}  {'wall s':>6}")
    for tool in ("trafilatura", "dossier"):
        f1, p, r, acc = scores[tool]
        print(f"{labels[tool]:<{width}}  {f1:.3f}  {p:.3f}  {r:.3f}  {acc:.3f}  {cpu[tool]:6.2f}  {wall[tool]:6.2f}")
    print(f"CPU ratio trafilatura / dossier: {cpu['trafilatura'] / cpu['dossier']:.1f}x (medians), "
          f"{cpu_min['trafilatura'] / cpu_min['dossier']:.1f}x (fastest runs: {cpu_min['trafilatura']:.2f} s / {cpu_min['dossier']:.2f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
