"""Agreement of every sentence scorer with human ratings of news sentences.

    python benchmarks/sentiment_validation.py [--no-cv] [--no-news-corpus]

Gold: ``../shared/benchmarks/sentiment/nyt_editorial_dev.tsv``, 2,601 New
York Times editorial sentences, each the mean of 20 human ratings on -4..+4
(Hutto & Gilbert 2014), read in place.  Each row is scored as one unit (the
quote-normalised text of its shared-segmentation Document).

For every scorer: Pearson r and Spearman rho with the human mean (each with
a 95% interval from a cluster bootstrap over editorials, 1,000 draws, fixed
seed) and 3-class macro-F1.  Human classes: neutral when |score| < 0.2 (the
paper's +-0.05 on the [-1, 1] scale).  Scorer classes:

* vaderSentiment 3.3.2 and NLTK VADER: compound >= 0.05 positive, <= -0.05 negative;
* AFINN: score sum > 0 positive, < 0 negative;
* TextBlob (PatternAnalyzer, its bundled en-sentiment.xml, no download):
  polarity > 0 positive, < 0 negative;
* ours ``news``: |valence| < the band fitted on the training data is neutral.

The ``news`` scorer was fitted on this same file, so its in-sample figure is
printed only as a label; the honest figure is the nested cross-validation by
editorial (no sentence of a held-out editorial is seen while fitting what
predicts it; the transfer lexicons come from the other rated domains in
``../shared/benchmarks/sentiment/other_domains``, never from news), about
3-4 minutes on one core.

Finally the script measures how often NLTK's port and vaderSentiment 3.3.2
disagree on news sentences (the seed and the Huawei corpus), and why.
"""
from __future__ import annotations

import argparse
import csv
import re
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd
from scipy.stats import pearsonr, rankdata, spearmanr

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from analysis import load_corpus  # noqa: E402
from analysis import sentiment as S  # noqa: E402
from analysis.text import segment  # noqa: E402

SHARED = ROOT.parent / "shared"
GOLD = SHARED / "benchmarks" / "sentiment" / "nyt_editorial_dev.tsv"
NEWS_CORPUS = SHARED / "corpora" / "huawei_uk_5g_2019_2022" / "huawei_uk_5g.jsonl"


def load_gold() -> pd.DataFrame:
    df = pd.read_csv(GOLD, sep="\t", quoting=csv.QUOTE_NONE, dtype={"id": str})
    df["editorial"] = df["id"].str.split("_").str[0].astype(int)
    docs = [segment(t, f"nyt-{k}") for k, t in enumerate(df["text"])]
    df["unit"] = [d.quote_text for d in docs]
    df["tokens"] = [[d.quote_text[s:e] for (s, e), w in zip(d.tokens.tolist(), d.token_is_word) if w] for d in docs]
    return df


def cluster_ci(x, y, groups, *, n_boot=1000, seed=S.DEFAULT_SEED):
    """95% percentile intervals of Pearson r and Spearman rho, resampling editorials."""
    x, y = np.asarray(x, float), np.asarray(y, float)
    codes, uniq = pd.factorize(pd.Series(groups))
    members = [np.flatnonzero(codes == k) for k in range(len(uniq))]
    rng = np.random.default_rng(seed)
    rs, rhos = [], []
    rx, ry = rankdata(x), rankdata(y)
    for _ in range(n_boot):
        idx = np.concatenate([members[k] for k in rng.integers(0, len(uniq), len(uniq))])
        rs.append(np.corrcoef(x[idx], y[idx])[0, 1])
        rhos.append(np.corrcoef(rankdata(rx[idx]), rankdata(ry[idx]))[0, 1])
    return np.quantile(rs, [0.025, 0.975]), np.quantile(rhos, [0.025, 0.975])


def sign_labels(x, hi=1e-12, lo=-1e-12):
    x = np.asarray(x, float)
    return np.where(x >= hi, "positive", np.where(x <= lo, "negative", "neutral"))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--no-cv", action="store_true", help="skip the nested cross-validation of the news scorer")
    ap.add_argument("--no-news-corpus", action="store_true", help="skip the NLTK-vs-vaderSentiment news comparison")
    args = ap.parse_args(argv)
    if not GOLD.exists():
        print(f"gold file {GOLD} is absent: nothing to validate", file=sys.stderr)
        return 2
    gold = load_gold()
    y = gold["human_score"].to_numpy()
    truth = S.human_labels(y)
    units = list(gold["unit"])
    scorers: dict[str, tuple[np.ndarray, np.ndarray, str]] = {}

    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    ref = SentimentIntensityAnalyzer()
    c = np.array([ref.polarity_scores(t)["compound"] for t in gold["text"]])
    scorers["vaderSentiment 3.3.2 (reference, raw text)"] = (c, sign_labels(c, 0.05, -0.05), "compound +-0.05")
    for method, name in (("vader", "ours: vader (vaderSentiment, default)"), ("vader-nltk", "ours: vader-nltk (NLTK port)"),
                         ("afinn", "ours: afinn (AFINN-165)")):
        sc = S.score_texts(units, method=method, words=list(gold["tokens"]))
        scorers[name] = (sc["compound"].to_numpy(), sc["label"].to_numpy(),
                         "compound +-0.05" if method != "afinn" else "sum > 0 / < 0")
    from afinn import Afinn

    af = Afinn(language="en")
    a = np.array([af.score(t) for t in gold["text"]])
    scorers["AFINN (reference, raw sum)"] = (a, sign_labels(a), "sum > 0 / < 0")
    try:
        from textblob import TextBlob

        p = np.array([TextBlob(t).sentiment.polarity for t in gold["text"]])
        scorers["TextBlob PatternAnalyzer (reference)"] = (p, sign_labels(p), "polarity > 0 / < 0")
    except Exception as exc:  # noqa: BLE001 - report, do not hide
        print(f"TextBlob not scored: {type(exc).__name__}: {exc}", file=sys.stderr)
    sc = S.score_texts(units, method="news", words=list(gold["tokens"]))
    scorers["ours: news, IN-SAMPLE (fitted on this file: not a validation)"] = (
        sc["valence"].to_numpy(), sc["label"].to_numpy(), f"|valence| < {S.load_news_model().neutral_band:g}")
    if not args.no_cv:
        t0 = time.perf_counter()
        sys.path.insert(0, str(ROOT / "benchmarks"))
        from sentiment_fit_news import OTHER_DOMAINS, load_other_domains, transfer_lexicons

        transfers = transfer_lexicons(load_other_domains(), list(OTHER_DOMAINS))  # other domains only, never news
        cv = S.cross_validated_news(list(gold["text"]), y, gold["editorial"].to_numpy(), tokens=list(gold["tokens"]),
                                    transfers=transfers)
        scorers["ours: news, nested CV by editorial (honest)"] = (cv["valence"], cv["label"].astype(str),
                                                                  "|valence| < band fitted per fold")
        print(f"(nested CV took {time.perf_counter() - t0:.0f} s)", file=sys.stderr)

    print(f"Gold: {GOLD.name}: {len(gold)} sentences, {gold['editorial'].nunique()} editorials; "
          f"human classes: {np.mean(truth == 'negative'):.1%} negative, {np.mean(truth == 'neutral'):.1%} neutral, "
          f"{np.mean(truth == 'positive'):.1%} positive (neutral = |mean rating| < 0.2)")
    print(f"{'scorer':66s} {'r':>6s} {'95% CI':>13s} {'rho':>6s} {'95% CI':>13s} {'F1':>6s}  scorer's classes")
    results = {}
    for name, (score, labels, rule) in scorers.items():
        r, rho = pearsonr(score, y)[0], spearmanr(score, y)[0]
        (rlo, rhi), (plo, phi) = cluster_ci(score, y, gold["editorial"].to_numpy())
        f1 = S.macro_f1(labels, truth)
        results[name] = (r, rho, f1)
        print(f"{name:66s} {r:6.3f} [{rlo:.3f},{rhi:.3f}] {rho:6.3f} [{plo:.3f},{phi:.3f}] {f1:6.3f}  {rule}")
    print("Reference: individual human raters r = 0.745, F1 = 0.65 (Hutto & Gilbert 2014, whole NYT set).")

    if not args.no_news_corpus:
        frames = [load_corpus(ROOT / "seeds")[["article_id", "text"]]]
        if NEWS_CORPUS.exists():
            frames.append(load_corpus(NEWS_CORPUS)[["article_id", "text"]])
        for f in frames:
            f.attrs.clear()
        arts = pd.concat(frames, ignore_index=True)
        a = S.sentence_sentiment(arts, method="vader")
        b = S.sentence_sentiment(arts, method="vader-nltk")
        differ = (a["compound"] - b["compound"]).abs() > 1e-9
        bodies = dict(zip(arts["article_id"], arts["text"]))
        texts = [bodies[i][s:e] for i, s, e in zip(a["article_id"], a["start"], a["end"])]
        has_no = np.array([bool(re.search(r"\bno\b", t, re.I)) for t in texts])
        label_differ = a["label"] != b["label"]
        print(f"News sentences ({len(arts)} articles, {len(a)} sentences): NLTK's port and vaderSentiment 3.3.2 "
              f"give a different compound on {differ.mean():.1%} ({differ.sum()}), a different label on "
              f"{label_differ.mean():.1%}; {has_no[differ].mean():.0%} of the differing sentences contain 'no' "
              f"(against {has_no.mean():.0%} of all sentences).")
    cv_name = "ours: news, nested CV by editorial (honest)"
    if cv_name in scorers:
        # paired cluster bootstrap of the gain in r over the default (same editorials in each draw)
        a, b = scorers[cv_name][0], scorers["ours: vader (vaderSentiment, default)"][0]
        codes, uniq = pd.factorize(gold["editorial"])
        members = [np.flatnonzero(codes == k) for k in range(len(uniq))]
        rng = np.random.default_rng(S.DEFAULT_SEED)
        gains = []
        for _ in range(1000):
            idx = np.concatenate([members[k] for k in rng.integers(0, len(uniq), len(uniq))])
            gains.append(np.corrcoef(a[idx], y[idx])[0, 1] - np.corrcoef(b[idx], y[idx])[0, 1])
        lo, hi = np.quantile(gains, [0.025, 0.975])
        print(f"Gain in r of news (nested CV) over vader: {results[cv_name][0] - results['ours: vader (vaderSentiment, default)'][0]:+.3f}, "
              f"95% paired editorial-bootstrap interval [{lo:+.3f}, {hi:+.3f}]")
    best = results.get(cv_name)
    vader = results["ours: vader (vaderSentiment, default)"]
    if best:
        print(f"summary: news scorer r = {best[0]:.3f} (nested CV) vs vaderSentiment {vader[0]:.3f}; "
              f"macro-F1 {best[2]:.3f} vs {vader[2]:.3f}")
    else:
        print(f"summary: default vader r = {vader[0]:.3f}, macro-F1 {vader[2]:.3f} (news CV skipped)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
