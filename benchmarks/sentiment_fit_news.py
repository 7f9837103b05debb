"""Refit the ``news`` sentence-sentiment scorer and write its parameters.

    python benchmarks/sentiment_fit_news.py [--check]

Reads the 2,601 human-rated NYT editorial sentences of
``../shared/benchmarks/sentiment/nyt_editorial_dev.tsv`` in place (never
copied), segments each with the shared segmentation (for its word tokens),
and

1. estimates the scorer's accuracy honestly: nested cross-validation by
   editorial (10 outer folds; the hyper-parameters are chosen inside each
   outer training part by a 5-fold grouped inner CV), so no sentence of a
   held-out editorial is seen while fitting what predicts it;
2. chooses the hyper-parameters and the neutral band on all of the dev half
   by grouped 10-fold CV and refits on all of it;
3. writes ``analysis/data/sentiment_news_model.csv`` (``--check`` compares
   with the committed file instead of writing).

Deterministic: fixed fold seed, closed-form ridge, no random draws.
"""
from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

import numpy as np
import pandas as pd
from scipy.stats import pearsonr, spearmanr

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from analysis import sentiment as S  # noqa: E402
from analysis.resources import DATA_DIR  # noqa: E402
from analysis.text import segment  # noqa: E402

GOLD = ROOT.parent / "shared" / "benchmarks" / "sentiment" / "nyt_editorial_dev.tsv"


def load_gold(path: Path = GOLD) -> pd.DataFrame:
    """The gold table with ``editorial`` and the shared word tokens of each sentence."""
    df = pd.read_csv(path, sep="\t", quoting=csv.QUOTE_NONE, dtype={"id": str})
    df["editorial"] = df["id"].str.split("_").str[0].astype(int)
    tokens = []
    for k, t in enumerate(df["text"]):
        d = segment(t, f"nyt-{k}")
        qt = d.quote_text
        tokens.append([qt[s:e] for (s, e), w in zip(d.tokens.tolist(), d.token_is_word) if w])
    df["tokens"] = tokens
    return df


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="do not write; compare with the committed file")
    ap.add_argument("--gold", default=str(GOLD))
    args = ap.parse_args(argv)
    gold = load_gold(Path(args.gold))
    texts, y, g, toks = list(gold["text"]), gold["human_score"].to_numpy(), gold["editorial"].to_numpy(), list(gold["tokens"])
    F = S.news_features(texts)

    cv = S.cross_validated_news(texts, y, g, tokens=toks, features=F,
                                progress=lambda k, p: print(f"  outer fold {k + 1}/10: {p}", file=sys.stderr))
    r = pearsonr(cv["valence"], y)[0]
    rho = spearmanr(cv["valence"], y)[0]
    f1 = S.macro_f1(cv["label"], S.human_labels(y))
    print(f"nested grouped CV (10 folds by editorial): r = {r:.3f}, rho = {rho:.3f}, macro-F1 = {f1:.3f}")

    # hyper-parameters and neutral band for the final model: grouped 10-fold CV on all of the dev half
    best = S.select_news_params(texts, y, g, tokens=toks, features=F, n_folds=10)
    model = S.fit_news_model(texts, y, g, tokens=toks, min_groups=best["min_groups"], word_penalty=best["word_penalty"],
                             neutral_band=best["neutral_band"], features=F)
    header = f"""What: parameters of the "news" sentence-sentiment scorer, analysis.sentiment method="news".
valence = intercept + sum(feature weight * feature) + sum of the weights of the distinct terms in the sentence
(features: analysis.sentiment.news_features; terms: analysis.sentiment.word_terms of the shared segmentation's
word tokens, lower case, "~word" = the word within 3 words after a negator such as "not" or "no").
valence is on the human raters' -4..+4 scale; label is neutral when |valence| < neutral_band.
Made by: benchmarks/sentiment_fit_news.py (ridge regression; feature penalty 10 on standardised features,
word penalty {best['word_penalty']:g} on 0/1 term indicators; vocabulary = terms written in lower case in >= {best['min_groups']} editorials;
word penalty and neutral band chosen by 10-fold CV grouped by editorial, r = {best['r']:.3f}), deterministic, rerun to reproduce.
Fitted on: shared/benchmarks/sentiment/nyt_editorial_dev.tsv, 2,601 NYT editorial sentences from 249 editorials,
mean of 20 human ratings each (Hutto & Gilbert 2014, github.com/cjhutto/vaderSentiment, MIT); nothing else.
Honest accuracy (nested CV by editorial on that file): r = {r:.3f}, Spearman = {rho:.3f}, 3-class macro-F1 = {f1:.3f}.
Licence: these numbers are our own fit (MIT, as the package); the features use the VADER lexicon (MIT) and AFINN-165 (afinn package).
Words with |weight| < 1e-6 are omitted."""
    out = DATA_DIR / S.NEWS_MODEL_FILE
    if args.check:
        tmp = Path("/tmp") / "sentiment_news_model.check.csv"
        model.to_csv(tmp, header)
        same = tmp.read_text() == out.read_text()
        print("committed model file is " + ("reproduced exactly" if same else "DIFFERENT from a refit"))
        return 0 if same else 1
    model.to_csv(out, header)
    print(f"wrote {out.relative_to(ROOT)}: {len(model.word_weights)} term weights, neutral band {model.neutral_band:g}, "
          f"min_groups={best['min_groups']}, word_penalty={best['word_penalty']:g}")
    print(f"summary: news scorer nested-CV r = {r:.3f} (vaderSentiment 0.517 on the same file)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
