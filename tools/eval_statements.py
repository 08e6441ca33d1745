#!/usr/bin/env python3
"""Score statement extraction per story and per language, and on PolNeAR dev, fast (no
import, no alignment): runs the `extract_jsonl` example once over every corpus article.

Usage:
  tools/eval_statements.py [--corpus ../shared/corpus] [--bin PATH/examples/extract_jsonl]
                           [--show SET] [--save DIR]

SETs: dev, story1..story4 (each split ar/en), polnear. `--save DIR` keeps the predictions
(one jsonl per set) so two runs can be diffed.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile


def nums(line):
    return [float(x) for x in re.findall(r"=\s*([0-9.]+)", line)]


def main(argv):
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default=os.path.join(root, "..", "shared", "corpus"))
    ap.add_argument("--bin", default=os.path.join(
        os.environ.get("CARGO_TARGET_DIR", os.path.join(root, "target")),
        "release", "examples", "extract_jsonl"))
    ap.add_argument("--show", default=None)
    ap.add_argument("--save", default=None)
    a = ap.parse_args(argv[1:])
    corpus = os.path.abspath(a.corpus)
    scorer = os.path.join(os.path.dirname(corpus), "eval", "score_statements.py")
    sets = []  # (name, folder, files)
    for folder in ("dev", "news", "news-more", "dev-polnear"):
        d = os.path.join(corpus, folder)
        gold = json.load(open(os.path.join(d, "gold.json"), encoding="utf-8"))
        by = {}
        for art in gold["articles"]:
            f = os.path.basename(art["file"])
            if folder == "dev-polnear":
                key = "polnear"
            elif folder == "dev":
                key = "dev"
            elif folder == "news":
                key = "story1 " + art.get("lang", "")
            else:
                m = re.match(r"(story\d+)_", f)
                key = m.group(1) + " " + art.get("lang", "")
                by.setdefault("news-more " + art.get("lang", ""), []).append(art)
            by.setdefault(key, []).append(art)
        for key, arts in sorted(by.items()):
            sets.append((key, d, gold, arts))
    tmp = a.save or tempfile.mkdtemp(prefix="eval-statements-")
    os.makedirs(tmp, exist_ok=True)
    print(f"| set | files | statements F1 | attributed F1 |")
    print("|---|---|---|---|")
    for key, d, gold, arts in sets:
        paths = [os.path.join(d, art["file"]) for art in arts]
        out = subprocess.run([a.bin, *paths], capture_output=True, text=True, check=True).stdout
        tag = key.replace(" ", "_")
        pred = os.path.join(tmp, tag + ".jsonl")
        open(pred, "w", encoding="utf-8").write(out)
        sub = dict(gold)
        gpath = os.path.join(tmp, "gold-" + tag + ".json")
        # Article paths in a gold file are relative to its folder: keep them absolute.
        sub["articles"] = [dict(x, file=os.path.join(d, x["file"])) for x in arts]
        json.dump(sub, open(gpath, "w", encoding="utf-8"), ensure_ascii=False)
        cmd = [sys.executable, scorer, gpath, pred] + (["--show"] if a.show == key else [])
        res = subprocess.run(cmd, capture_output=True, text=True).stdout
        if a.show == key:
            print(res)
        line = [l for l in res.splitlines() if "attributed F1" in l]
        m = re.search(r"statements F1=([0-9.]+).*attributed F1=([0-9.]+)", line[-1]) if line else None
        s, att = (float(m.group(1)), float(m.group(2))) if m else (float("nan"),) * 2
        print(f"| {key} | {len(arts)} | {s:.3f} | {att:.3f} |")


if __name__ == "__main__":
    main(sys.argv)
