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

The loading and scoring live in :mod:`analysis.evaluation.sentiment`; this is
its command line (with the reference scorers and the news model's
cross-validation, which needs ``benchmarks/sentiment_fit_news.py``).
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd
from scipy.stats import pearsonr, spearmanr

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from analysis import load_corpus  # noqa: E402
from analysis import sentiment as S  # noqa: E402
from analysis.evaluation.sentiment import (  # noqa: E402
    cluster_ci,
    load_gold,
    paired_gain_ci,
    sign_labels,
    vader_port_disagreement,
)

SHARED = ROOT.parent / "shared"
GOLD = SHARED / "benchmarks" / "sentiment" / "nyt_editorial_dev.tsv"
NEWS_CORPUS = SHARED / "corpora" / "huawei_uk_5g_2019_2022" / "huawei_uk_5g.jsonl"


def score_all(gold: pd.DataFrame, y: np.ndarray, *, cv: bool) -> dict[str, tuple[np.ndarray, np.ndarray, str]]:
    """Every scorer's scores, classes and class rule on the gold sentences
    (the references, ours, and with ``cv`` the news model's nested CV)."""
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
    if cv:
        t0 = time.perf_counter()
        sys.path.insert(0, str(ROOT / "benchmarks"))
        from sentiment_fit_news import OTHER_DOMAINS, load_other_domains, transfer_lexicons

        transfers = transfer_lexicons(load_other_domains(), list(OTHER_DOMAINS))  # other domains only, never news
        folds = S.cross_validated_news(list(gold["text"]), y, gold["editorial"].to_numpy(), tokens=list(gold["tokens"]),
                                       transfers=transfers)
        scorers["ours: news, nested CV by editorial (honest)"] = (folds["valence"], folds["label"].astype(str),
                                                                  "|valence| < band fitted per fold")
        print(f"(nested CV took {time.perf_counter() - t0:.0f} s)", file=sys.stderr)
    return scorers


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--no-cv", action="store_true", help="skip the nested cross-validation of the news scorer")
    ap.add_argument("--no-news-corpus", action="store_true", help="skip the NLTK-vs-vaderSentiment news comparison")
    args = ap.parse_args(argv)
    if not GOLD.exists():
        print(f"gold file {GOLD} is absent: nothing to validate", file=sys.stderr)
        return 2
    gold = load_gold(GOLD)
    y = gold["human_score"].to_numpy()
    truth = S.human_labels(y)
    scorers = score_all(gold, y, cv=not args.no_cv)

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
        d = vader_port_disagreement(arts)
        print(f"News sentences ({d['articles']} articles, {d['sentences']} sentences): NLTK's port and vaderSentiment 3.3.2 "
              f"give a different compound on {d['compound_differs']:.1%} ({d['compound_differs_n']}), a different label on "
              f"{d['label_differs']:.1%}; {d['no_in_differing']:.0%} of the differing sentences contain 'no' "
              f"(against {d['no_in_all']:.0%} of all sentences).")
    cv_name = "ours: news, nested CV by editorial (honest)"
    if cv_name in scorers:
        # paired cluster bootstrap of the gain in r over the default (same editorials in each draw)
        a, b = scorers[cv_name][0], scorers["ours: vader (vaderSentiment, default)"][0]
        lo, hi = paired_gain_ci(a, b, y, gold["editorial"])
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
