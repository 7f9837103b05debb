"""Refit the ``news`` sentence-sentiment scorer and write its parameters.

    python benchmarks/sentiment_fit_news.py [--check] [--domains-table]

Reads, in place (never copied), the 2,601 human-rated NYT editorial sentences
of ``../shared/benchmarks/sentiment/nyt_editorial_dev.tsv`` and the 18,513
human-rated tweets and movie / product review sentences of
``../shared/benchmarks/sentiment/other_domains/`` (same study, same -4..+4
scale), segments each with the shared segmentation (for its word tokens), and

1. fits the candidate *transfer lexicons* on the other domains only (one per
   word penalty in ``TRANSFER_PENALTIES``; no news sentence is used);
2. estimates the news scorer's accuracy honestly: nested cross-validation by
   editorial (10 outer folds; the word penalty, the transfer lexicon's
   penalty and the neutral band are chosen inside each outer training part by
   a 5-fold grouped inner CV, which takes the most strongly regularised
   candidate within ``SELECTION_TOLERANCE`` of the best r), so no sentence of a held-out editorial is seen
   while fitting what predicts it;  ``--domains-table`` repeats this with no
   transfer lexicon, with a lexicon from each domain alone, and with each
   domain left out of the three;
3. chooses the hyper-parameters and the neutral band on all of the dev half
   by grouped 10-fold CV and refits on all of it;
4. writes ``analysis/data/sentiment_news_model.csv`` (``--check`` compares
   with the committed file instead of writing).

Deterministic: fixed fold seed, closed-form ridge, no random draws.
"""
from __future__ import annotations

import argparse
import csv
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd
from scipy.stats import pearsonr, spearmanr

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from analysis import sentiment as S  # noqa: E402
from analysis.core.resources import DATA_DIR  # noqa: E402
from analysis.core.text import segment  # noqa: E402

SENTIMENT = ROOT.parent / "shared" / "benchmarks" / "sentiment"
GOLD = SENTIMENT / "nyt_editorial_dev.tsv"
OTHER_DOMAINS = {"tweets": "tweets.tsv", "movie reviews": "movie_reviews.tsv", "product reviews": "product_reviews.tsv"}


def load_gold(path: Path = GOLD) -> pd.DataFrame:
    """A rated-sentence table (``id<TAB>human_score<TAB>text``) with ``group``
    (the id before its first ``_``: the editorial, the product review; the
    whole id when there is none) and the shared word tokens of each text.
    ``editorial`` is ``group`` as an integer for the NYT file."""
    df = pd.read_csv(path, sep="\t", quoting=csv.QUOTE_NONE, dtype={"id": str, "text": str}, keep_default_na=False)
    if list(df.columns) != ["id", "human_score", "text"]:
        raise ValueError(f"{path}: expected the header id<TAB>human_score<TAB>text, got {list(df.columns)}")
    df["human_score"] = pd.to_numeric(df["human_score"], errors="coerce")
    bad = df.index[df["human_score"].isna()]
    if len(bad):
        raise ValueError(f"{path}, line {bad[0] + 2}: human_score is not a number")
    df["group"] = df["id"].str.split("_").str[0]
    if path.name.startswith("nyt_"):
        df["editorial"] = df["group"].astype(int)
    tokens = []
    for k, t in enumerate(df["text"]):
        d = segment(t, f"s-{k}")
        qt = d.quote_text
        tokens.append([qt[s:e] for (s, e), w in zip(d.tokens.tolist(), d.token_is_word) if w])
    df["tokens"] = tokens
    return df


def load_other_domains(folder: Path = SENTIMENT / "other_domains") -> dict[str, tuple]:
    """``{domain: (texts, scores, groups, tokens, features)}`` for the other rated domains."""
    out = {}
    for name, file in OTHER_DOMAINS.items():
        df = load_gold(folder / file)
        out[name] = (list(df["text"]), df["human_score"].to_numpy(float), list(df["group"]), list(df["tokens"]),
                     S.news_features(list(df["text"])))
    return out


def transfer_lexicons(domains: dict[str, tuple], names) -> dict[float, dict[str, float]]:
    """The candidate transfer lexicons from the named domains, keyed by word penalty."""
    sets = [domains[n][:4] for n in names]
    feats = [domains[n][4] for n in names]
    return {wp: S.fit_transfer_lexicon(sets, word_penalty=wp, features=feats) for wp in S.TRANSFER_PENALTIES}


def nested_cv(gold, F, transfers, label: str) -> dict:
    texts, y, g, toks = list(gold["text"]), gold["human_score"].to_numpy(), gold["editorial"].to_numpy(), list(gold["tokens"])
    t0 = time.perf_counter()
    cv = S.cross_validated_news(texts, y, g, tokens=toks, features=F, transfers=transfers,
                                progress=lambda k, p: print(f"  [{label}] outer fold {k + 1}/10: {p}", file=sys.stderr))
    res = {"r": pearsonr(cv["valence"], y)[0], "rho": spearmanr(cv["valence"], y)[0],
           "f1": S.macro_f1(cv["label"], S.human_labels(y)), "valence": cv["valence"]}
    print(f"nested grouped CV (10 folds by editorial), {label}: r = {res['r']:.3f}, rho = {res['rho']:.3f}, "
          f"macro-F1 = {res['f1']:.3f} ({time.perf_counter() - t0:.0f} s)")
    return res


def paired_gain(better, worse, y, groups, *, n_boot: int = 1000, seed: int = S.DEFAULT_SEED):
    """Gain in Pearson r of ``better`` over ``worse`` with its 95% interval
    from a paired cluster bootstrap over editorials (same draws for both)."""
    codes, uniq = pd.factorize(pd.Series(groups))
    members = [np.flatnonzero(codes == k) for k in range(len(uniq))]
    rng = np.random.default_rng(seed)
    gains = []
    for _ in range(n_boot):
        idx = np.concatenate([members[k] for k in rng.integers(0, len(uniq), len(uniq))])
        gains.append(np.corrcoef(better[idx], y[idx])[0, 1] - np.corrcoef(worse[idx], y[idx])[0, 1])
    lo, hi = np.quantile(gains, [0.025, 0.975])
    return np.corrcoef(better, y)[0, 1] - np.corrcoef(worse, y)[0, 1], lo, hi


def domains_table(gold, F, domains: dict, full: dict) -> None:
    """Nested CV without transfer lexicon, with each domain's alone and with
    each left out of the three; each row's gain in r over news only and the
    full model's over each row, with paired editorial-bootstrap intervals."""
    names = list(OTHER_DOMAINS)
    y, g = gold["human_score"].to_numpy(), gold["editorial"].to_numpy()
    rows = [("news only", nested_cv(gold, F, None, "news only"))]
    for name in names:
        rows.append((f"news + {name}", nested_cv(gold, F, transfer_lexicons(domains, [name]), f"news + {name}")))
    for name in names:
        rest = [n for n in names if n != name]
        rows.append((f"news + all but {name}", nested_cv(gold, F, transfer_lexicons(domains, rest), f"all but {name}")))
    rows.append(("news + all three", full))
    print("| training material | nested-CV r | Spearman | macro-F1 | gain in r over news only [95% CI] |\n"
          "| --- | --- | --- | --- | --- |")
    for name, res in rows:
        gain, lo, hi = paired_gain(res["valence"], rows[0][1]["valence"], y, g)
        ci = "" if name == "news only" else f"{gain:+.3f} [{lo:+.3f}, {hi:+.3f}]"
        print(f"| {name} | {res['r']:.3f} | {res['rho']:.3f} | {res['f1']:.3f} | {ci} |")
    for name, res in rows[4:-1]:
        gain, lo, hi = paired_gain(full["valence"], res["valence"], y, g)
        print(f"Gain in r of adding {name.split('all but ')[1]} to the other two: {gain:+.3f} [{lo:+.3f}, {hi:+.3f}]")


HEADER = """What: parameters of the "news" sentence-sentiment scorer, analysis.sentiment method="news".
valence = intercept + sum(feature weight * feature) + sum of the weights of the distinct "word" stems in the sentence
(features: analysis.sentiment.news_features; transfer_lexicon = the sum of the "transfer" weights of the sentence's
distinct terms; vader_stem_sum / afinn_stem_sum = analysis.sentiment.stem_features, the VADER / AFINN valence of
words the lexicon lacks as written but has by stem; nrc_sum = analysis.sentiment.nrc_features, the sum of the NRC
Emotion Lexicon polarities (+1 / -1) of the sentence's words; opinion_sum = analysis.sentiment.opinion_features, the same
with the Hu & Liu (2004) opinion lexicon; terms: analysis.sentiment.word_terms of the shared segmentation's
word tokens, lower case, "~word" = the word within 3 words after a negator such as "not" or "no"; "word" rows are
stems of terms, analysis.sentiment.stem_term: plural -s, -ed, -ing removed (setting stem_terms = 1); "transfer" rows
are terms as written).
valence is on the human raters' -4..+4 scale; label is neutral when |valence| < neutral_band.
Made by: benchmarks/sentiment_fit_news.py, deterministic, rerun to reproduce. Two ridge regressions:
(1) "transfer" rows: a term lexicon fitted on other domains only (tweets 4,200, movie review 10,605 and product
review 3,708 sentences of shared/benchmarks/sentiment/other_domains, same study and scale; one intercept per domain,
the same features and stem features with penalty 10, term indicators with word penalty {tp:g}; terms written in
lower case in >= 3 tweets / snippets / reviews): what each term adds beyond VADER and AFINN, as those raters saw it;
(2) "feature" and "word" rows: fitted on news only (feature penalty 10 on standardised features including
transfer_lexicon, the stem features, nrc_sum and opinion_sum, word penalty {wp:g} on 0/1 term indicators (stems); vocabulary = stems of
terms written in lower case in >= {mg} editorials). Word penalty, transfer lexicon and neutral band chosen by
10-fold CV grouped by editorial: the most strongly regularised candidate whose r is within {tol:g} of the best
({best_r:.3f}; one-standard-error rule), r = {r_sel:.3f}.
News: shared/benchmarks/sentiment/nyt_editorial_dev.tsv, 2,601 NYT editorial sentences from 249 editorials,
mean of 20 human ratings each (Hutto & Gilbert 2014, github.com/cjhutto/vaderSentiment, MIT).
Honest accuracy (nested CV by editorial on the news file): r = {r:.3f}, Spearman = {rho:.3f}, 3-class macro-F1 = {f1:.3f}.
Licence: these numbers are our own fit (MIT, as the package); the features use the VADER lexicon (MIT), AFINN-165 (afinn package)
the NRC Emotion Lexicon (Mohammad & Turney 2013, nrclex package; research use, cite the paper) and the opinion
lexicon of Hu & Liu (2004, tidytextpy package's copy of tidytext's "bing" list; research use with attribution, cite the paper).
Terms with |weight| < 1e-6 are omitted."""


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="do not write; compare with the committed file")
    ap.add_argument("--domains-table", action="store_true",
                    help="also the nested CV without transfer lexicon and with each domain's alone (about 4x longer)")
    args = ap.parse_args(argv)
    gold = load_gold(GOLD)
    texts, y, g, toks = list(gold["text"]), gold["human_score"].to_numpy(), gold["editorial"].to_numpy(), list(gold["tokens"])
    F = S.news_features(texts)
    domains = load_other_domains()
    transfers = transfer_lexicons(domains, list(OTHER_DOMAINS))

    full = nested_cv(gold, F, transfers, "news + all three")
    if args.domains_table:
        domains_table(gold, F, domains, full)

    best = S.select_news_params(texts, y, g, tokens=toks, features=F, n_folds=10, transfers=transfers)
    lexicon = transfers[best["transfer_penalty"]]
    model = S.fit_news_model(texts, y, g, tokens=toks, min_groups=best["min_groups"], word_penalty=best["word_penalty"],
                             neutral_band=best["neutral_band"], features=F, transfer=lexicon)
    fitted = model.predict_from_features(F, toks)
    print(f"in-sample r of the final model = {pearsonr(fitted, y)[0]:.3f} (not a validation; compare with the nested CV)")
    header = HEADER.format(tp=best["transfer_penalty"], wp=best["word_penalty"], mg=best["min_groups"], r_sel=best["r"],
                           tol=S.SELECTION_TOLERANCE, best_r=best["best_r"],
                           r=full["r"], rho=full["rho"], f1=full["f1"])
    out = DATA_DIR / S.NEWS_MODEL_FILE
    if args.check:
        tmp = Path("/tmp") / "sentiment_news_model.check.csv"
        model.to_csv(tmp, header)
        same = tmp.read_text() == out.read_text()
        print("committed model file is " + ("reproduced exactly" if same else "DIFFERENT from a refit"))
        return 0 if same else 1
    model.to_csv(out, header)
    print(f"wrote {out.relative_to(ROOT)}: {len(model.word_weights)} news term weights, {len(model.transfer_weights)} "
          f"transfer term weights, neutral band {model.neutral_band:g}, min_groups={best['min_groups']}, "
          f"word_penalty={best['word_penalty']:g}, transfer_penalty={best['transfer_penalty']:g}")
    print(f"summary: news scorer nested-CV r = {full['r']:.3f} (vaderSentiment 0.517 on the same file)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
