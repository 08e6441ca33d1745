#!/usr/bin/env python3
"""Score the product story by story on the shared corpus: statements (extract), actors and
alignment (import -> compare --json), through the `parallax` binary.

Usage:
  tools/eval.py [--corpus ../shared/corpus] [--bin target/release/parallax]
                [--stories story1,story2,...] [--import-arg ARG ...] [--compare-arg ARG ...]
                [--loso] [--show] [--json]

Each story is imported into a fresh project of its own (as an analyst would import one
story), so figures are per story; the mean over stories is printed last. Story 1 is
`news/`; stories 2-4 are the `storyN_` files of `news-more/`. Gold files are cut down to
the story's files before scoring, so one story is never charged with another's pairs.
Needs python3 and the scorers in `CORPUS/../eval/`.

`--checks` runs, instead of the stories, the fixed-set regression checks that were unit tests
before the tests became self-contained (each with the floor it had there): statements and
attribution on `dev/`, `news/` and `dev-polnear/` (`parallax extract --json`), the lexical
alignment of the gold statements of `news/` (the `align_gold` example built next to the
binary), and `compare` on an import of `news/articles` without the sentence model, without
and with the FreeDict dictionaries.

`--loso` (leave one story out): before scoring story k, the pair model is fitted on the other
stories only (`fit_pairs --hold-out k`, the example built next to the binary, with the
sentence model the product uses) and `compare` runs with it (`--pair-model`), so no story's
alignment figure comes from a model that saw it. `--import-arg=--no-model` scores the lexical
path.
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile


def stories(corpus):
    """(name, folder, [article files]) for each story in the corpus."""
    out = []
    news = os.path.join(corpus, "news")
    if os.path.isdir(news):
        files = sorted(os.listdir(os.path.join(news, "articles")))
        out.append(("story1", news, files))
    more = os.path.join(corpus, "news-more")
    if os.path.isdir(more):
        files = sorted(os.listdir(os.path.join(more, "articles")))
        names = sorted({m.group(1) for f in files if (m := re.match(r"(story\d+)_", f))})
        for name in names:
            out.append((name, more, [f for f in files if f.startswith(name + "_")]))
    return out


def cut_gold(folder, files, tmp):
    """The story's statements gold and alignment gold, restricted to its files."""
    keep = {"articles/" + f for f in files}
    gold = json.load(open(os.path.join(folder, "gold.json"), encoding="utf-8"))
    gold["articles"] = [a for a in gold["articles"] if a["file"] in keep]
    gpath = os.path.join(tmp, "gold.json")
    json.dump(gold, open(gpath, "w", encoding="utf-8"), ensure_ascii=False)
    apath = None
    ap = os.path.join(folder, "alignment.json")
    if os.path.exists(ap):
        al = json.load(open(ap, encoding="utf-8"))
        for story in al["stories"]:
            story["groups"] = [
                g for g in story["groups"] if all(m["file"] in keep for m in g["members"])
            ]
        apath = os.path.join(tmp, "alignment.json")
        json.dump(al, open(apath, "w", encoding="utf-8"), ensure_ascii=False)
    langs = {a["file"][len("articles/"):]: a.get("lang", "") for a in gold["articles"]}
    return gpath, apath, langs


def run(cmd, **kw):
    r = subprocess.run(cmd, capture_output=True, text=True, **kw)
    if r.returncode not in (0,):
        sys.exit(f"failed ({r.returncode}): {' '.join(cmd)}\n{r.stderr}")
    return r.stdout


def last_line(out, prefix):
    for line in reversed(out.splitlines()):
        if prefix in line:
            return line
    return ""


def nums(line):
    return [float(x) for x in re.findall(r"=\s*([0-9.]+)", line)]


def statement_scores(binary, evals, corpus, sets, lang, tmp):
    """(statements F1, attributed F1) of `extract --json` on the articles of `sets` in
    `lang` (None: every language), against the union of their gold files."""
    actors, articles, paths = {}, [], []
    for name in sets:
        gold = json.load(open(os.path.join(corpus, name, "gold.json"), encoding="utf-8"))
        actors.update(gold.get("actors", {}))
        for a in gold["articles"]:
            if lang is None or a.get("lang") == lang:
                articles.append(a)
        folder = os.path.join(corpus, name, "articles")
        paths += [os.path.join(folder, f) for f in sorted(os.listdir(folder))]
    gpath = os.path.join(tmp, f"gold-{'-'.join(sets)}-{lang}.json")
    json.dump({"actors": actors, "articles": articles}, open(gpath, "w", encoding="utf-8"),
              ensure_ascii=False)
    pred = os.path.join(tmp, f"extract-{'-'.join(sets)}-{lang}.jsonl")
    open(pred, "w", encoding="utf-8").write(run([binary, "extract", "--json", *paths]))
    res = run([sys.executable, os.path.join(evals, "score_statements.py"), gpath, pred])
    line = last_line(res, "attributed F1")
    statements = float(re.search(r"statements F1=\s*([0-9.]+)", line).group(1))
    attributed = float(re.search(r"attributed F1=\s*([0-9.]+)", line).group(1))
    return statements, attributed


def alignment_scores(evals, folder, groups_jsonl, tmp):
    """(pairs F1, pairs precision, cross-language F1) of `groups_jsonl` on `folder`'s gold."""
    gpred = os.path.join(tmp, "groups.jsonl")
    open(gpred, "w", encoding="utf-8").write(groups_jsonl)
    res = run([sys.executable, os.path.join(evals, "score_alignment.py"),
               os.path.join(folder, "gold.json"), os.path.join(folder, "alignment.json"), gpred])
    line = last_line(res, "pairs F1")
    v = nums(line)
    return v[0], v[1], v[3]


# The dictionaries `make deps` installs (Debian's dict-freedict-eng-ara and -ara-eng).
FREEDICT = ["/usr/share/dictd/freedict-eng-ara", "/usr/share/dictd/freedict-ara-eng"]


def checks(corpus, evals, binary):
    """The fixed-set checks: [(name, value, floor)]. Their floors are the ones the unit tests
    held (crates/parallax-nlp/tests/{extract,align}.rs, crates/parallax-cli/tests/cli.rs)."""
    align_gold = os.path.join(os.path.dirname(binary), "examples", "align_gold")
    if not os.path.exists(align_gold):
        sys.exit(f"no align_gold at {align_gold}: "
                 "cargo build --release -p parallax-nlp --example align_gold")
    for d in FREEDICT:
        if not os.path.exists(d + ".index"):
            sys.exit(f"{d}.index is missing: install dict-freedict-eng-ara and "
                     "dict-freedict-ara-eng (make deps)")
    out = []
    tmp = tempfile.mkdtemp(prefix="parallax-eval-checks-")
    try:
        _, seed = statement_scores(binary, evals, corpus, ["dev"], None, tmp)
        out.append(("seed (dev) attributed F1", seed, 1.0))
        _, arabic = statement_scores(binary, evals, corpus, ["dev", "news"], "ar", tmp)
        out.append(("Arabic (dev+news) attributed F1", arabic, 0.99))
        _, english = statement_scores(binary, evals, corpus, ["news"], "en", tmp)
        out.append(("English news attributed F1", english, 0.96))
        found, attributed = statement_scores(binary, evals, corpus, ["dev-polnear"], None, tmp)
        out.append(("PolNeAR statements F1", found, 0.74))
        out.append(("PolNeAR attributed F1", attributed, 0.60))

        news = os.path.join(corpus, "news")
        groups = run([align_gold, os.path.join(news, "gold.json")])
        pairs, precision, cross = alignment_scores(evals, news, groups, tmp)
        out.append(("align_gold (lexical) pairs F1", pairs, 0.55))
        out.append(("align_gold (lexical) pairs precision", precision, 0.95))
        out.append(("align_gold (lexical) cross-language F1", cross, 0.62))

        project = os.path.join(tmp, "news.parallax")
        run([binary, "import", project, "--no-model", os.path.join(news, "articles")])
        for label, extra, floors in [
            ("compare, no dictionary", ["--no-dictionary"], (0.72, 0.62)),
            ("compare, FreeDict", ["--dictionary", FREEDICT[0], "--dictionary", FREEDICT[1]],
             (0.87, 0.9)),
        ]:
            groups = run([binary, "compare", project, "--json", "--no-model", *extra])
            pairs, _, cross = alignment_scores(evals, news, groups, tmp)
            out.append((f"{label}: pairs F1", pairs, floors[0]))
            out.append((f"{label}: cross-language F1", cross, floors[1]))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return out


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    ap.add_argument("--corpus", default=os.path.join(root, "..", "shared", "corpus"))
    ap.add_argument("--bin", default=None)
    ap.add_argument("--stories", default=None)
    ap.add_argument("--import-arg", action="append", default=[])
    ap.add_argument("--compare-arg", action="append", default=[])
    ap.add_argument("--loso", action="store_true",
                    help="fit the pair model without the scored story (fit_pairs --hold-out)")
    ap.add_argument("--model", default=None, help="sentence model file (for --loso)")
    ap.add_argument("--floor", action="append", default=[], metavar="COLUMN=VALUE",
                    help="fail (exit 1) when the mean of COLUMN is below VALUE, "
                         "e.g. --floor pairs_f1=0.5")
    ap.add_argument("--checks", action="store_true",
                    help="run the fixed-set regression checks (each with its floor) instead")
    ap.add_argument("--show", action="store_true")
    ap.add_argument("--json", action="store_true", help="print one JSON object of figures")
    a = ap.parse_args(argv[1:])
    corpus = os.path.abspath(a.corpus)
    evals = os.path.join(os.path.dirname(corpus), "eval")
    binary = a.bin or os.path.join(
        os.environ.get("CARGO_TARGET_DIR", os.path.join(root, "target")), "release", "parallax"
    )
    if not os.path.exists(binary):
        sys.exit(f"no parallax binary at {binary}: cargo build --release -p parallax-cli")
    if a.checks:
        results = checks(corpus, evals, binary)
        print("| check | value | floor |")
        print("|---|---|---|")
        for name, value, floor in results:
            print(f"| {name} | {value:.3f} | {floor:.2f} |")
        failed = [f"{n} {v:.3f} is below its floor {f:.2f}" for n, v, f in results
                  if v + 1e-9 < f]
        if failed:
            sys.exit("regression: " + "; ".join(failed))
        return
    wanted = set(a.stories.split(",")) if a.stories else None
    fit_bin = os.path.join(os.path.dirname(binary), "examples", "fit_pairs")
    model = a.model or os.environ.get("PARALLAX_MODEL") or os.path.join(
        os.environ.get("XDG_CACHE_HOME", os.path.expanduser("~/.cache")),
        "parallax", "models", "e5-small-q4.bin")
    if a.loso and not os.path.exists(fit_bin):
        sys.exit(f"no fit_pairs at {fit_bin}: "
                 "cargo build --release -p parallax-nlp --example fit_pairs")
    if a.loso and not os.path.exists(model):
        sys.exit(f"no sentence model at {model}: make model")
    rows = []
    for name, folder, files in stories(corpus):
        if wanted and name not in wanted:
            continue
        tmp = tempfile.mkdtemp(prefix=f"parallax-eval-{name}-")
        try:
            gold, align_gold, langs = cut_gold(folder, files, tmp)
            paths = [os.path.join(folder, "articles", f) for f in files]
            # statements, per language
            row = {"story": name, "files": len(files)}
            for lang in ("ar", "en"):
                mine = [p for p, f in zip(paths, files) if langs.get(f) == lang]
                if not mine:
                    continue
                out = run([binary, "extract", "--json", *mine])
                pred = os.path.join(tmp, f"extract-{lang}.jsonl")
                open(pred, "w", encoding="utf-8").write(out)
                sub = json.load(open(gold, encoding="utf-8"))
                sub["articles"] = [x for x in sub["articles"] if x.get("lang") == lang]
                g2 = os.path.join(tmp, f"gold-{lang}.json")
                json.dump(sub, open(g2, "w", encoding="utf-8"), ensure_ascii=False)
                res = run([sys.executable, os.path.join(evals, "score_statements.py"), g2, pred])
                s, att = nums(last_line(res, "attributed F1"))[:2]
                row[f"statements_{lang}"], row[f"attributed_{lang}"] = s, att
            project = os.path.join(tmp, "p.parallax")
            run([binary, "import", project, *a.import_arg, *paths])
            compare_args = list(a.compare_arg)
            if a.loso:
                pair_model = os.path.join(tmp, "pair_model.toml")
                cache = os.environ.get("FIT_PAIRS_CACHE") or os.path.join(
                    tempfile.gettempdir(), "parallax-fit-pairs-cache.json")
                run([fit_bin, model, corpus, pair_model, "--hold-out", name],
                    env={**os.environ, "FIT_PAIRS_CACHE": cache})
                compare_args += ["--model", model, "--pair-model", pair_model]
            groups = run([binary, "compare", project, "--json", *compare_args])
            gpred = os.path.join(tmp, "groups.jsonl")
            open(gpred, "w", encoding="utf-8").write(groups)
            res = run([sys.executable, os.path.join(evals, "score_actors.py"), gold, gpred]
                      + (["--show"] if a.show else []))
            if a.show:
                print(res)
            f, p, r, xr = nums(last_line(res, "actor pairs F1"))[:4]
            row.update(actors_f1=f, actors_p=p, actors_r=r, actors_xr=xr)
            if align_gold:
                res = run([sys.executable, os.path.join(evals, "score_alignment.py"), gold,
                           align_gold, gpred] + (["--show"] if a.show else []))
                if a.show:
                    print(res)
                v = nums(last_line(res, "pairs F1"))
                row.update(pairs_f1=v[0], pairs_p=v[1], pairs_r=v[2],
                           cross_f1=v[3], cross_p=v[4], cross_r=v[5])
            rows.append(row)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
    if a.json:
        print(json.dumps(rows))
        return
    cols = [("attributed_ar", "attr ar"), ("attributed_en", "attr en"),
            ("actors_f1", "actors F1"), ("actors_xr", "actors xR"),
            ("pairs_f1", "pairs F1"), ("pairs_p", "P"), ("pairs_r", "R"),
            ("cross_f1", "cross F1")]
    print("| story | " + " | ".join(c[1] for c in cols) + " |")
    print("|---" * (len(cols) + 1) + "|")
    for row in rows:
        print(f"| {row['story']} | " + " | ".join(
            f"{row[c]:.3f}" if c in row else "—" for c, _ in cols) + " |")
    mean = {c: sum(r[c] for r in rows if c in r) / max(1, sum(c in r for r in rows))
            for c, _ in cols}
    print("| **mean** | " + " | ".join(f"**{mean[c]:.3f}**" for c, _ in cols) + " |")
    failed = []
    for floor in a.floor:
        col, _, value = floor.partition("=")
        got = mean.get(col)
        if got is None:
            sys.exit(f"--floor {floor}: no column {col} (one of {', '.join(c for c, _ in cols)})")
        if got + 1e-9 < float(value):
            failed.append(f"{col} mean {got:.3f} is below its floor {float(value):.3f}")
    if failed:
        sys.exit("regression: " + "; ".join(failed))


if __name__ == "__main__":
    main(sys.argv)
