"""Would a learned line decision beat the cleaner's rules? Cross-validate one by site on the dev set.

Per line: the features the rules compute (words, stopword share, punctuation, kind, phrase-family
reason, comment signature), the rules' own decision, position against the body and the densest run,
vocabulary shared with the body, and the same for two neighbours on each side. Labels: rd-* lines
whose 4-gram shingles are mostly in the gold text; tf-* lines holding a must-keep snippet (1) or a
must-drop / comment snippet (0). Five folds grouped by site; a held-out page's body is the lines the
model keeps. Prints the rules and the model side by side on both parts of the dev set.

Run: python scripts/line_model_cv.py [--dev ../shared/cleaning-dev] [--model logistic|boosting]
(needs numpy; --model boosting needs scikit-learn; neither is a run-time dependency).
Measured 2026-12-05 (CLEANER_VERSION 36): rules rd 0.927/0.904/0.915, tf F1 0.900, comments 0.05;
logistic rd 0.900/0.898/0.899, tf 0.889, comments 0.15; boosting rd 0.922/0.893/0.907, tf 0.887,
comments 0.07. Neither beats the rules, so none ships.
Re-measured at CLEANER_VERSION 50 as a rescue/veto over the rules instead of a replacement (boosting,
same folds; a dropped line is kept when p >= 0.8/0.9/0.95, a kept line dropped when p <= 0.05/0.1/0.2):
no threshold pair beats leaving the rules alone (rd F1 0.928-0.940 against 0.940, tf F1 0.897-0.899
against 0.899 in the same reconstruction of the body), so still none ships.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import re
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_cleaning import DEV_PAGES  # noqa: E402  (the dev set, found as the bench finds it)

from tui.cleaning import clean  # noqa: E402
from tui.cleaning.classify import Classified, classify  # noqa: E402
from tui.cleaning.features import BAD, GOOD, NEAR, SHORT, LineFeatures, line_features  # noqa: E402
from tui.cleaning.lines import split_lines  # noqa: E402
from tui.cleaning.phrase_data import FAMILIES  # noqa: E402
from tui.cleaning.stopwords import content_words  # noqa: E402

REASONS = sorted({f.reason for f in FAMILIES} | {"reader comments"})
KINDS = (GOOD, NEAR, SHORT, BAD)
_PUNCT = re.compile(r"[.,;:!?]")


def featurize(feats: list[LineFeatures], found: Classified) -> np.ndarray:
    """One row of numbers per line."""
    dec, n = found.decisions, len(feats)
    vocab: set[str] = set()
    for g in feats[found.start : found.end + 1]:
        if g.kind in (GOOD, NEAR):
            vocab |= content_words(g.lower or g.line.text.lower())
    rows = []
    for i, f in enumerate(feats):
        text = f.line.text
        words = content_words(f.lower or text.lower())
        row = [
            1.0,
            math.log1p(f.words),
            f.stop_ratio,
            float(bool(_PUNCT.search(text))),
            float(f.ends_sentence),
            float(text[-1] in ".!?"),
            min(len(text) / max(f.words, 1), 20) / 20,
            float(f.comment),
            len(words & vocab) / len(words) if words else 0.0,
            float(dec[i] == "content"),
            float(found.start <= i <= found.end),
            math.log1p(max(0, found.start - i)),
            math.log1p(max(0, i - found.end)),
            float(found.run_start <= i <= found.end),
        ]
        row += [float(f.kind == k) for k in KINDS] + [float(f.reason == r) for r in REASONS]
        for j in (i - 1, i + 1, i - 2, i + 2):
            if 0 <= j < n:
                g = feats[j]
                row += [float(g.kind == k) for k in KINDS]
                row += [float(dec[j] == "content"), math.log1p(g.words)]
            else:
                row += [0.0] * 6
        rows.append(row)
    return np.array(rows).reshape(len(rows), -1 if rows else 0)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--dev", type=Path, default=DEV_PAGES.parent)
    ap.add_argument("--model", choices=["logistic", "boosting"], default="logistic")
    args = ap.parse_args()
    sys.path.insert(0, str(args.dev))
    import score  # the dev set's own scorer: same metrics as its table

    pages = load(args.dev / "pages", score)
    sites = sorted({p["site"] for p in pages})
    random.Random(0).shuffle(sites)
    fold = {s: k % 5 for k, s in enumerate(sites)}
    model_body: dict[str, str] = {}
    for k in range(5):
        train = [p for p in pages if fold[p["site"]] != k and len(p["X"])]
        predict = fit(train, args.model)
        for p in pages:
            if fold[p["site"]] == k:
                keep = predict(p["X"]) >= 0.5 if len(p["X"]) else []
                model_body[p["name"]] = "\n\n".join(
                    f.line.text
                    for f, kept in zip(p["feats"], keep, strict=False)
                    if kept and f.line.text != p["title"]
                )
    print("rules ", evaluate(pages, lambda p: p["rules"], score))
    print(f"{args.model}", evaluate(pages, lambda p: model_body[p["name"]], score))


def load(folder: Path, score) -> list[dict]:
    """Every page with its features, labels and the rules' body."""
    norm = score.norm_ws
    pages = []
    for rec in json.loads((folder / "manifest.json").read_text(encoding="utf-8"))["pages"]:
        name = rec["name"]
        raw = (folder / f"{name}.txt").read_text(encoding="utf-8")
        feats = line_features(split_lines(raw))
        found = classify(feats)
        snip = json.loads((folder / f"{name}.snippets.json").read_text(encoding="utf-8"))
        y = np.full(len(feats), -1.0)
        gold = None
        if name.startswith("rd-"):
            gold = (folder / f"{name}.gold.txt").read_text(encoding="utf-8")
            grams = score.shingles(score.tokenize(gold), 4)
            for i, f in enumerate(feats):
                own = score.shingles(score.tokenize(f.line.text), 4)
                if own:
                    y[i] = float(sum((own & grams).values()) / sum(own.values()) >= 0.5)
        else:
            keep = [norm(w) for w in snip["with"] if norm(w)]
            drop = [norm(w) for w in snip["without"] + snip.get("comments", []) if norm(w)]
            for i, f in enumerate(feats):
                text = norm(f.line.text)
                if any(w in text for w in keep):
                    y[i] = 1.0
                elif any(w in text for w in drop):
                    y[i] = 0.0
        cleaned = clean(raw)
        stem = re.sub(r"-[0-9a-f]{6}$", "", name)
        site = re.sub(r"-\d+$", "", stem) if name.startswith("rd-") else stem.split(".")[0]
        pages.append(
            {
                "name": name,
                "site": site,
                "X": featurize(feats, found),
                "y": y,
                "feats": feats,
                "rules": cleaned.body,
                "title": cleaned.title,
                "snip": snip,
                "gold": gold,
            }
        )
    return pages


def fit(train: list[dict], kind: str):
    """A function from feature rows to the probability that a line is article text."""
    x = np.vstack([p["X"] for p in train])
    y = np.concatenate([p["y"] for p in train])
    x, y = x[y >= 0], y[y >= 0]
    if kind == "boosting":
        from sklearn.ensemble import HistGradientBoostingClassifier

        model = HistGradientBoostingClassifier(max_iter=200, random_state=0).fit(x, y)
        return lambda rows: model.predict_proba(rows)[:, 1]
    mu, sd = x.mean(0), x.std(0) + 1e-9
    mu[0], sd[0] = 0.0, 1.0
    z, w = (x - mu) / sd, np.zeros(x.shape[1])
    for _ in range(1500):  # plain gradient descent on the L2-regularised log loss
        p = 1 / (1 + np.exp(-z @ w))
        w -= z.T @ (p - y) / len(y) + 1e-4 * w
    return lambda rows: 1 / (1 + np.exp(-((rows - mu) / sd) @ w))


def evaluate(pages: list[dict], body, score) -> str:
    """The dev set's two headline numbers for one way of choosing the body."""
    triples, tp, fp, fn, ck, ct = [], 0, 0, 0, 0, 0
    for p in pages:
        text = body(p)
        if p["gold"] is not None:
            triples.append(score.tp_fp_fn(score.tokenize(p["gold"]), score.tokenize(text), 4))
        elif p["snip"]["with"] or p["snip"]["without"]:
            a, b, c, _, d, e = score.snippet_counts(p["snip"], text)
            tp, fp, fn, ck, ct = tp + a, fp + b, fn + c, ck + d, ct + e
    prec, rec, f1 = score.prf(triples)
    return (
        f"rd shingle P/R/F1 {prec:.3f}/{rec:.3f}/{f1:.3f}  "
        f"tf snippet F1 {2 * tp / (2 * tp + fp + fn):.3f}  comments kept {ck / ct:.3f}"
    )


if __name__ == "__main__":
    main()
