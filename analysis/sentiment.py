"""Sentence-level tone, its aggregates, tone toward actors and tone by voice.

Every score is computed on the sentences of the shared segmentation
(:attr:`analysis.text.Document.sentences`); nothing here splits text again.
Each sentence is scored on its *quote-normalised* text
(:attr:`Document.quote_text`, curly quotation marks and apostrophes mapped to
their straight forms, same offsets): VADER strips only ASCII punctuation from
the ends of words, so without this ``“Confidence`` or ``don’t`` would be missed
by the lexicon and by the negation rules.

Methods (``method=``)
---------------------
``"vader"`` (default)
    VADER (Hutto & Gilbert 2014) as implemented by the ``vaderSentiment`` 3.3.2
    package.  ``compound`` is VADER's normalised sum of word valences,
    ``x / sqrt(x**2 + 15)`` in [-1, 1] (higher = more positive); ``pos``,
    ``neu``, ``neg`` are the shares of the sentence's valence mass that are
    positive, neutral, negative (they sum to 1).  Labels use VADER's
    recommended thresholds: positive if ``compound >= 0.05``, negative if
    ``compound <= -0.05``, else neutral.  Scored by :mod:`analysis.vader`, a
    re-implementation of the package's rules (quirks included) that returns
    the same numbers bit for bit, five to six times faster; the package stays
    the source of the lexicon and the reference the tests compare with.
``"vader-nltk"``
    The same lexicon (the file shipped by ``vaderSentiment``, loaded without
    NLTK's downloader) through NLTK 3.10's port,
    :class:`nltk.sentiment.vader.SentimentIntensityAnalyzer`.  Same outputs and
    thresholds.  The two disagree on 4.8 % of the NYT editorial sentences
    (125 of 2,601) and on 6.0 % of the news sentences of the seed and the
    Huawei corpus (2.7 % get a different label); see
    ``benchmarks/sentiment_validation.py``.  The causes, read off those
    sentences: vaderSentiment 3.3.2 strips punctuation from both ends of a
    word before the lexicon look-up (NLTK's port misses ``'Brilliant'`` and
    ``''lively``), and the two apply negation differently, above all for
    "no" ("there was no no negotiation": NLTK -0.72, vaderSentiment +0.44)
    and for "don't"/"not" ahead of a sentiment word.
    vaderSentiment scores better on the validation set (r 0.517 against
    0.505), hence the default.
``"afinn"``
    The AFINN-165 word list (Nielsen 2011, ``afinn`` package).  The sum of
    word scores ``s`` (integers -5..5) is reported as ``compound =
    s / sqrt(s**2 + 15)`` (VADER's normalisation, so the column has the same
    range); ``pos``/``neg`` are the shares of the sentence's words that AFINN
    scores positive/negative, ``neu`` the rest.  Positive if ``s > 0``,
    negative if ``s < 0``.
``"news"``
    A ridge-regression combination of VADER's and AFINN's sentence features
    (:func:`news_features`), a *transfer lexicon* and a learned list of 1,805
    news terms (:func:`word_terms`: lower-case words, a word just after a
    negator such as "not" or "no" counted as a separate term; no proper
    nouns).  The transfer lexicon (7,961 terms, :func:`fit_transfer_lexicon`)
    is learned on 18,513 human-rated tweets and movie / product review
    sentences from the same study (``shared/benchmarks/sentiment/other_domains``,
    never news): what each term adds to a rating beyond VADER and AFINN.  Its
    per-sentence sum is one more feature, whose weight (0.28) is learned on
    news, so the news model decides how far to trust the other domains.  The
    rest is fitted to the 2,601 human-rated NYT editorial sentences of
    ``shared/benchmarks/sentiment`` (dev half) by
    ``benchmarks/sentiment_fit_news.py``; the parameters are the plain file
    ``analysis/data/sentiment_news_model.csv``.  It predicts the mean human
    rating on the raters' -4..+4 scale (column ``valence``); ``compound`` is
    ``valence / 4`` clipped to [-1, 1].  ``pos``, ``neu``, ``neg`` are VADER's.
    Neutral when ``|valence| < 0.125``, the band stored in the model file
    (chosen on out-of-fold predictions to maximise 3-class macro-F1).
    In nested cross-validation by editorial (sentences of one editorial in
    one fold; every hyper-parameter chosen inside) it correlates r = 0.582
    with the human mean against 0.517 for vaderSentiment (0.574 without the
    transfer lexicon; Spearman 0.562 against 0.490, macro-F1 0.551 against
    0.530); ``docs/SENTIMENT.md`` gives every figure.  It was fitted on
    opinion writing from the 1980s-2000s: use it for comparisons *within* a
    corpus, not as an absolute reading.

Aggregates
----------
Never VADER's compound of a whole article: the compound saturates towards
±1 as texts grow, so long articles all look extreme.  :func:`aggregate_sentiment`
reports the mean sentence compound and the shares of positive, negative and
neutral sentences per paragraph, article or corpus, with percentile bootstrap
intervals.  Inside one paragraph or article the sentences are resampled, and
the bootstrap distribution is *computed* rather than sampled
(:mod:`analysis.bootstrap`: binomial quantiles for the shares, every distinct
resample for a mean of up to 7 sentences, the saddlepoint approximation
beyond), so there is no Monte Carlo error and no seed.  For the corpus (and
:func:`tone_arc`) whole articles are resampled, a cluster bootstrap, by Monte
Carlo from a fixed seed, so every rerun gives the same interval.
"""
from __future__ import annotations

import functools
import math
import re
import threading
import zlib
from typing import Iterable, Sequence

import numpy as np
import pandas as pd

from analysis.bootstrap import mean_intervals, share_intervals
from analysis.resources import MissingResourceError, data_path, vader_lexicon_path
from analysis.text import Document, segment_articles

__all__ = [
    "METHODS",
    "LEVELS",
    "THRESHOLDS",
    "DEFAULT_SEED",
    "sentence_sentiment",
    "score_texts",
    "aggregate_sentiment",
    "bootstrap_mean_ci",
    "tone_arc",
    "targeted_sentiment",
    "sentence_voices",
    "sentiment_by_voice",
    "news_features",
    "fit_news_model",
    "fit_transfer_lexicon",
    "load_news_model",
    "add_cli_arguments",
    "cli_table",
]

METHODS = ("vader", "vader-nltk", "afinn", "news")
LEVELS = ("sentence", "paragraph", "article", "corpus")
DEFAULT_SEED = 20261128
DEFAULT_N_BOOT = 2000
#: compound thresholds for the labels: positive if compound >= hi, negative if <= lo
THRESHOLDS = {"vader": (0.05, -0.05), "vader-nltk": (0.05, -0.05), "afinn": (1e-12, -1e-12)}
SENTENCE_COLUMNS = [
    "article_id", "paragraph", "sentence", "start", "end",
    "compound", "pos", "neu", "neg", "label", "method",
]


def _check_method(method: str) -> str:
    if method not in METHODS:
        raise ValueError(f"method must be one of {', '.join(METHODS)}; got {method!r}")
    return method


# ---------------------------------------------------------------------------
# the scorers


class _VaderWithSums:
    """VADER through :class:`analysis.vader.Vader` (vaderSentiment 3.3.2's
    rules, the same floats bit for bit, several times faster), also returning
    the word valences' sums that the ``news`` features need (taken before
    rounding, as vaderSentiment's ``score_valence`` sees them)."""

    def __init__(self):
        from analysis.vader import Vader

        self.analyser = Vader(lexicon_file=vader_lexicon_path())

    def __call__(self, text: str) -> dict:
        """Scores with the valence sums (for the ``news`` features)."""
        return self.analyser.polarity_scores_with_sums(text)

    def scores(self, text: str) -> dict:
        """vaderSentiment's own four scores, nothing added."""
        return self.analyser.polarity_scores(text)


@functools.cache
def _vader() -> _VaderWithSums:
    return _VaderWithSums()


_NLTK_LOCK = threading.Lock()


@functools.cache
def _vader_nltk():
    """NLTK's port with the lexicon file shipped by ``vaderSentiment``.

    NLTK 3.10 refuses ``file:`` URLs in ``nltk.data.load``, so the folder that
    holds the ``vaderSentiment`` package is put on ``nltk.data.path`` for the
    duration of the one load (and removed again): nothing is downloaded and
    no ``nltk_data`` folder is needed."""
    import nltk.data
    from nltk.sentiment.vader import SentimentIntensityAnalyzer

    lexicon = vader_lexicon_path()
    root = str(lexicon.parent.parent)
    with _NLTK_LOCK:
        nltk.data.path.insert(0, root)
        try:
            return SentimentIntensityAnalyzer(lexicon_file=f"{lexicon.parent.name}/{lexicon.name}")
        finally:
            nltk.data.path.remove(root)


@functools.cache
def _afinn():
    try:
        from afinn import Afinn
    except ImportError as exc:  # pragma: no cover
        raise MissingResourceError("AFINN is missing: `pip install afinn==0.1`") from exc
    return Afinn(language="en")


def _normalise(x: float, alpha: float = 15.0) -> float:
    """VADER's normalisation ``x / sqrt(x**2 + alpha)`` into (-1, 1)."""
    return x / math.sqrt(x * x + alpha)


def _label(compound: np.ndarray, hi: float, lo: float) -> np.ndarray:
    return np.where(compound >= hi, "positive", np.where(compound <= lo, "negative", "neutral"))


_WORD_RE = re.compile(r"^[a-z][a-z'\-]*$")
#: VADER's own negation words (vaderSentiment.NEGATE) plus "no"
NEGATORS = frozenset([
    "aint", "arent", "cannot", "cant", "couldnt", "darent", "didnt", "doesnt", "ain't", "aren't", "can't",
    "couldn't", "daren't", "didn't", "doesn't", "dont", "hadnt", "hasnt", "havent", "isnt", "mightnt", "mustnt",
    "neither", "don't", "hadn't", "hasn't", "haven't", "isn't", "mightn't", "mustn't", "neednt", "needn't",
    "never", "none", "nope", "nor", "not", "nothing", "nowhere", "oughtnt", "shant", "shouldnt", "uhuh",
    "wasnt", "werent", "oughtn't", "shan't", "shouldn't", "uh-uh", "wasn't", "weren't", "without", "wont",
    "wouldnt", "won't", "wouldn't", "rarely", "seldom", "despite", "no",
])
NEGATION_SCOPE = 3


def _sentence_words(doc: Document, i: int) -> list[str]:
    """Word tokens of sentence ``i`` as written (shared tokens, quotes normalised)."""
    qt = doc.quote_text
    idx = doc.sentence_tokens(i)
    return [qt[s:e] for s, e in doc.tokens[idx[doc.token_is_word[idx]]].tolist()]


def word_terms(words: Iterable[str]) -> list[tuple[str, bool]]:
    """The learned-lexicon terms of a sentence: each word token lower-cased
    (curly apostrophes straightened), prefixed with ``~`` when it follows a
    negator (:data:`NEGATORS`) within :data:`NEGATION_SCOPE` words, so "not
    good" gives ``not``, ``~good``.  Each term comes with whether the token was
    written in lower case (only those may join the vocabulary)."""
    out, scope = [], 0
    for w in words:
        low = w.lower().replace("’", "'")
        if low in NEGATORS:
            out.append((low, w.islower()))
            scope = NEGATION_SCOPE
            continue
        out.append((("~" + low) if scope > 0 else low, w.islower()))
        scope -= 1
    return out


NEWS_FEATURES = (
    "vader_compound", "vader_pos", "vader_neg", "vader_sum", "vader_pos_sum", "vader_neg_sum",
    "vader_n_pos", "vader_n_neg", "vader_max", "vader_min", "log_n_items",
    "afinn_sum", "afinn_pos_sum", "afinn_neg_sum",
    "vader_sum_tanh", "afinn_sum_tanh", "vader_compound_cubed", "vader_compound_sqrt",
)


def news_features(texts: Sequence[str]) -> pd.DataFrame:
    """The sentence features the ``news`` method combines, one row per text.

    ``vader_*`` come from vaderSentiment 3.3.2 (its compound, pos and neg and,
    before normalisation, the sum of word valences, the sums and counts of
    positive and negative valences, the largest and smallest valence);
    ``log_n_items`` is the log of VADER's word count (at least 1);
    ``afinn_*`` are the sum and the positive / negative sums of AFINN-165 word
    scores (AFINN's own phrase matcher); then four bends that let a linear
    model saturate or sharpen: ``tanh(vader_sum / 2)``, ``tanh(afinn_sum / 3)``,
    ``compound**3`` and ``sign(compound) * sqrt(|compound|)``."""
    v, af = _vader(), _afinn()
    rows = []
    for t in texts:
        sc = v(t)
        a = [float(x) for x in af.scores_with_pattern(t)]
        c = sc["compound"]
        a_sum = sum(a)
        rows.append((
            c, sc["pos"], sc["neg"], sc["_sum"], sc["_pos_sum"], sc["_neg_sum"],
            sc["_n_pos"], sc["_n_neg"], sc["_max"], sc["_min"], math.log(max(sc["_n_items"], 1)),
            a_sum, sum(x for x in a if x > 0), sum(x for x in a if x < 0),
            math.tanh(sc["_sum"] / 2), math.tanh(a_sum / 3), c ** 3, math.copysign(math.sqrt(abs(c)), c),
        ))
    return pd.DataFrame(rows, columns=list(NEWS_FEATURES), dtype=float)


#: the ``news`` feature fed by the transfer lexicon (:func:`fit_transfer_lexicon`)
TRANSFER_FEATURE = "transfer_lexicon"


def _distinct_terms(words: Iterable[str]) -> list[str]:
    """The distinct terms (:func:`word_terms`) of one text in order of first
    appearance: a set's order changes with PYTHONHASHSEED, and so would the
    last bit of a sum over it."""
    return list(dict.fromkeys(t for t, _ in word_terms(words)))


def term_sums(lexicon: dict[str, float], words: Sequence[Iterable[str]]) -> np.ndarray:
    """For each text (its word tokens), the sum of the ``lexicon`` weights of
    its distinct terms (:func:`word_terms`); terms not in the lexicon add 0."""
    return _lexicon_sums(lexicon, [_distinct_terms(ws) for ws in words])


def _lexicon_sums(lexicon: dict[str, float], distinct: Sequence[list[str]]) -> np.ndarray:
    return np.array([sum(lexicon.get(t, 0.0) for t in terms) for terms in distinct], dtype=float)


class NewsModel:
    """Parameters of the ``news`` scorer: ``valence = intercept + features @ w
    + sum of the weights of the distinct terms (:func:`word_terms`) in the
    sentence``; with a transfer lexicon (learned on other rated domains by
    :func:`fit_transfer_lexicon`), one more feature, ``transfer_lexicon``: the
    sum of the transfer weights of the sentence's distinct terms."""

    def __init__(self, intercept: float, feature_weights: dict[str, float],
                 word_weights: dict[str, float], neutral_band: float, meta: dict | None = None,
                 transfer_weights: dict[str, float] | None = None):
        missing = set(NEWS_FEATURES) - set(feature_weights)
        if transfer_weights and TRANSFER_FEATURE not in feature_weights:
            missing.add(TRANSFER_FEATURE)
        if missing:
            raise ValueError(f"news model lacks feature weights for {sorted(missing)}")
        self.intercept = float(intercept)
        self.feature_weights = {k: float(feature_weights[k]) for k in NEWS_FEATURES}
        self.word_weights = {k: float(v) for k, v in word_weights.items()}
        self.transfer_weights = {k: float(v) for k, v in (transfer_weights or {}).items()}
        self.transfer_coefficient = float(feature_weights[TRANSFER_FEATURE]) if self.transfer_weights else 0.0
        self.neutral_band = float(neutral_band)
        self.meta = dict(meta or {})

    def predict_from_features(self, F: pd.DataFrame, words: Sequence[Iterable[str]]) -> np.ndarray:
        distinct = [_distinct_terms(ws) for ws in words]  # once for both lexicons
        w = np.array([self.feature_weights[k] for k in NEWS_FEATURES])
        out = self.intercept + F[list(NEWS_FEATURES)].to_numpy(dtype=float) @ w + _lexicon_sums(self.word_weights, distinct)
        if self.transfer_weights:
            out = out + self.transfer_coefficient * _lexicon_sums(self.transfer_weights, distinct)
        return out

    def word_part(self, words: Sequence[Iterable[str]]) -> np.ndarray:
        """The learned terms' share of each prediction: the sum of the weights
        of the distinct terms (:func:`word_terms`) of each text."""
        return term_sums(self.word_weights, words)

    def predict(self, texts: Sequence[str], words: Sequence[Iterable[str]]) -> np.ndarray:
        """Predicted mean human valence (-4..4 scale) for each text, given its
        word tokens (shared segmentation)."""
        if len(texts) == 0:
            return np.zeros(0)
        return self.predict_from_features(news_features(texts), words)

    def to_csv(self, path, header: str) -> None:
        lines = [("# " + ln).rstrip() for ln in header.strip().splitlines()]
        lines.append("kind,term,weight")
        lines.append(f"intercept,,{self.intercept:.8g}")
        lines.append(f"neutral_band,,{self.neutral_band:.8g}")
        for k in NEWS_FEATURES:
            lines.append(f"feature,{k},{self.feature_weights[k]:.8g}")
        if self.transfer_weights:
            lines.append(f"feature,{TRANSFER_FEATURE},{self.transfer_coefficient:.8g}")
        for k in sorted(self.word_weights):
            lines.append(f"word,{k},{self.word_weights[k]:.8g}")
        for k in sorted(self.transfer_weights):
            lines.append(f"transfer,{k},{self.transfer_weights[k]:.8g}")
        with open(path, "w", encoding="utf-8", newline="\n") as fh:
            fh.write("\n".join(lines) + "\n")

    @classmethod
    def from_csv(cls, path) -> "NewsModel":
        df = pd.read_csv(path, comment="#", dtype={"kind": str, "term": str}, keep_default_na=False)
        unknown = set(df["kind"]) - {"intercept", "neutral_band", "feature", "word", "transfer"}
        if unknown:
            raise ValueError(f"{path}: unknown row kind(s) {sorted(unknown)}")
        get = lambda kind: df.loc[df["kind"] == kind]  # noqa: E731
        intercept = float(get("intercept")["weight"].iloc[0])
        band = float(get("neutral_band")["weight"].iloc[0])
        feats = dict(zip(get("feature")["term"], get("feature")["weight"].astype(float)))
        words = dict(zip(get("word")["term"], get("word")["weight"].astype(float)))
        transfer = dict(zip(get("transfer")["term"], get("transfer")["weight"].astype(float)))
        return cls(intercept, feats, words, band, transfer_weights=transfer)


NEWS_MODEL_FILE = "sentiment_news_model.csv"


@functools.cache
def load_news_model() -> NewsModel:
    """The fitted ``news`` model from ``analysis/data/sentiment_news_model.csv``."""
    return NewsModel.from_csv(data_path(NEWS_MODEL_FILE))


def _lexicon_vocabulary_ok(term: str) -> bool:
    return bool(_WORD_RE.match(term.lstrip("~"))) and len(term.lstrip("~")) >= 2


def _vocabulary(terms: Sequence[list[tuple[str, bool]]], groups: Sequence, min_groups: int) -> list[str]:
    """Terms written in lower case in at least ``min_groups`` distinct groups
    (which keeps names of people and countries out), sorted."""
    seen: dict[str, set] = {}
    for tt, grp in zip(terms, groups):
        for term, lower in tt:
            if lower:
                seen.setdefault(term, set()).add(grp)
    return sorted(w for w, s in seen.items() if len(s) >= min_groups and _lexicon_vocabulary_ok(w))


def _term_matrix(terms: Sequence[list[tuple[str, bool]]], vocab: Sequence[str]):
    """Sparse 0/1 matrix: row i has a 1 for each vocabulary term of text i."""
    from scipy import sparse

    ix = {w: j for j, w in enumerate(vocab)}
    rows, cols = [], []
    for i, tt in enumerate(terms):
        js = sorted({ix[t] for t, _ in tt if t in ix})
        rows += [i] * len(js)
        cols += js
    return sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(terms), len(vocab)))


def _ridge(F: np.ndarray, M, y: np.ndarray, domains: np.ndarray, *, feature_penalty: float,
           word_penalty: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Ridge regression of ``y`` on standardised features ``F`` (penalty
    ``feature_penalty``) and 0/1 term indicators ``M`` (sparse, penalty
    ``word_penalty``), with one unpenalised intercept per domain code
    (0..k-1).  Returns (intercept per domain, feature weights on the raw
    scale, term weights).

    The normal equations are sparse (a term co-occurs with few others) and
    are solved by conjugate gradients with a diagonal preconditioner to a
    relative residual of 1e-13 (weights agree with a dense solve to about
    1e-11; a dense solve of the ~8,000 terms of the transfer lexicon would
    take minutes).  Deterministic: same input, same bits."""
    from scipy import sparse
    from scipy.sparse.linalg import cg

    k = int(domains.max()) + 1
    mu, sd = F.mean(0), F.std(0)
    sd[sd == 0] = 1.0
    D = sparse.csr_matrix((np.ones(len(y)), (np.arange(len(y)), domains)), shape=(len(y), k))
    Z = sparse.hstack([D, sparse.csr_matrix((F - mu) / sd), M], format="csr")
    penalty = np.r_[np.zeros(k), np.full(F.shape[1], feature_penalty), np.full(M.shape[1], word_penalty)]
    gram = (Z.T @ Z + sparse.diags(penalty)).tocsr()
    diagonal = gram.diagonal()
    if np.any(diagonal <= 0):
        raise ValueError("a domain without sentences, or a term that never occurs, in the ridge design")
    w, info = cg(gram, Z.T @ y, rtol=1e-13, atol=0.0, maxiter=20 * gram.shape[0], M=sparse.diags(1.0 / diagonal))
    if info != 0:
        raise RuntimeError(f"ridge regression did not converge ({info} iterations)")
    wf = w[k:k + F.shape[1]] / sd
    return w[:k] - float(mu @ wf), wf, w[k + F.shape[1]:]


def fit_transfer_lexicon(domains: Sequence[tuple[Sequence[str], Sequence[float], Sequence, Sequence[Sequence[str]]]], *,
                         min_groups: int = 3, feature_penalty: float = 10.0, word_penalty: float = 30.0,
                         features: Sequence[pd.DataFrame] | None = None) -> dict[str, float]:
    """A term lexicon learned on human-rated sentences of *other* domains
    (tweets, movie and product reviews), for the ``news`` scorer's
    ``transfer_lexicon`` feature.

    ``domains``: one ``(texts, scores, groups, tokens)`` per domain, scores on
    the same -4..4 scale.  One ridge regression over all of them: each domain
    its own unpenalised intercept, the :func:`news_features` (standardised,
    ``feature_penalty``) and 0/1 indicators of the terms (:func:`word_terms`)
    written in lower case in at least ``min_groups`` groups (``word_penalty``).
    Returns the term weights: what each term adds to a rating *beyond* what
    VADER and AFINN already say, as those domains' raters saw it.  The news
    model then learns, on news, how much of that to trust (one coefficient)."""
    Fs, terms, ys, groups, codes = [], [], [], [], []
    for d, (texts, scores, grp, tokens) in enumerate(domains):
        F = features[d] if features is not None else news_features(list(texts))
        Fs.append(F[list(NEWS_FEATURES)].to_numpy(dtype=float))
        terms += [word_terms(t) for t in tokens]
        ys.append(np.asarray(scores, dtype=float))
        groups += [f"{d}:{x}" for x in grp]
        codes.append(np.full(len(ys[-1]), d))
    vocab = _vocabulary(terms, groups, min_groups)
    _, _, ww = _ridge(np.vstack(Fs), _term_matrix(terms, vocab), np.concatenate(ys), np.concatenate(codes),
                      feature_penalty=feature_penalty, word_penalty=word_penalty)
    return {v: float(x) for v, x in zip(vocab, ww) if abs(x) > 1e-6}


def fit_news_model(texts: Sequence[str], scores: Sequence[float], groups: Sequence, *,
                   tokens: Sequence[Sequence[str]], min_groups: int = 3,
                   feature_penalty: float = 10.0, word_penalty: float = 100.0,
                   neutral_band: float | None = None, features: pd.DataFrame | None = None,
                   transfer: dict[str, float] | None = None) -> NewsModel:
    """Fit the ``news`` scorer by ridge regression.

    ``texts``: sentences; ``scores``: mean human valence (-4..4); ``groups``:
    the unit that must never be split (editorial); ``tokens``: each text's word
    tokens *as written*.  A term (:func:`word_terms`) joins the learned
    vocabulary only if it was written in lower case (which keeps names of
    people and countries out, so the scorer cannot learn that "China" is
    negative) in at least ``min_groups`` different groups.  Features are
    standardised and penalised with ``feature_penalty``; term indicators (0/1,
    not scaled) with the larger ``word_penalty``, which shrinks rare
    terms to zero; the intercept is not penalised.  ``transfer``: a lexicon
    from :func:`fit_transfer_lexicon`; its per-sentence sum becomes one more
    feature (``transfer_lexicon``) whose weight is learned here, on news.
    ``neutral_band``: the ``|valence|`` below which a sentence
    is neutral; None picks the cut that maximises 3-class macro-F1 on the
    fitted values (the cross-validation passes a band chosen on out-of-fold
    predictions instead, which is less optimistic)."""
    y = np.asarray(scores, dtype=float)
    g = np.asarray(groups)
    if not (len(texts) == len(y) == len(g) == len(tokens)):
        raise ValueError("texts, scores, groups and tokens must have the same length")
    F = (features if features is not None else news_features(texts))[list(NEWS_FEATURES)].to_numpy(dtype=float)
    names = list(NEWS_FEATURES)
    if transfer:
        F = np.column_stack([F, term_sums(transfer, tokens)])
        names.append(TRANSFER_FEATURE)
    terms = [word_terms(t) for t in tokens]
    vocab = _vocabulary(terms, g, min_groups)
    M = _term_matrix(terms, vocab)
    b0, wf, ww = _ridge(F, M, y, np.zeros(len(y), dtype=int), feature_penalty=feature_penalty,
                        word_penalty=word_penalty)
    intercept = float(b0[0])
    band = neutral_band if neutral_band is not None else best_band(intercept + F @ wf + M @ ww, y)
    return NewsModel(intercept, dict(zip(names, wf)),
                     {v: float(x) for v, x in zip(vocab, ww) if abs(x) > 1e-6}, band,
                     meta={"n": len(y), "vocabulary": len(vocab)}, transfer_weights=transfer)


def macro_f1(pred_labels: Sequence, true_labels: Sequence) -> float:
    """Unweighted mean of the per-class F1 over negative, neutral, positive."""
    p, t = np.asarray(pred_labels), np.asarray(true_labels)
    out = []
    for c in ("negative", "neutral", "positive"):
        tp = np.sum((p == c) & (t == c))
        denom = np.sum(p == c) + np.sum(t == c)
        out.append(2 * tp / denom if denom else 0.0)
    return float(np.mean(out))


def human_labels(scores: Sequence[float], band: float = 0.2) -> np.ndarray:
    """3-class labels of mean ratings on the -4..4 scale: neutral if |score| < band."""
    s = np.asarray(scores, dtype=float)
    return np.where(s >= band, "positive", np.where(s <= -band, "negative", "neutral"))


def best_band(pred: np.ndarray, y: np.ndarray) -> float:
    """The neutral band (0 to 0.6 in steps of 0.025) whose 3-class labels of
    ``pred`` best match the human labels of ``y`` (macro-F1)."""
    truth = human_labels(y)
    grid = np.round(np.arange(0.025, 0.61, 0.025), 3)
    f = [macro_f1(human_labels(pred, b), truth) for b in grid]
    return float(grid[int(np.argmax(f))])


# ---------------------------------------------------------------------------
# sentence scores


def score_texts(texts: Sequence[str], *, method: str = "vader",
                words: Sequence[Iterable[str]] | None = None) -> pd.DataFrame:
    """Score already segmented units (sentences) given as strings.

    Returns ``compound``, ``pos``, ``neu``, ``neg``, ``label`` (and
    ``valence`` for ``news``).  ``words`` (the word tokens of each text, from
    the shared segmentation) is needed by ``news`` and used by ``afinn`` for
    its shares; :func:`sentence_sentiment` passes them.
    Texts are scored as given: pass quote-normalised text (as
    :func:`sentence_sentiment` does) for news copy with curly quotes."""
    _check_method(method)
    texts = list(texts)
    if method in ("vader", "vader-nltk"):
        scorer = _vader().scores if method == "vader" else _vader_nltk().polarity_scores
        rows = [scorer(t) for t in texts]
        df = pd.DataFrame({k: [r[k] for r in rows] for k in ("compound", "pos", "neu", "neg")}, dtype=float)
    elif method == "afinn":
        af = _afinn()
        rows = []
        for k, t in enumerate(texts):
            a = np.asarray(af.scores_with_pattern(t), dtype=float)
            n = max(len(list(words[k])) if words is not None else len(af.split(t)), len(a), 1)
            n_pos, n_neg = int((a > 0).sum()), int((a < 0).sum())
            rows.append((_normalise(float(a.sum())), n_pos / n, (n - n_pos - n_neg) / n, n_neg / n))
        df = pd.DataFrame(rows, columns=["compound", "pos", "neu", "neg"], dtype=float)
    else:
        model = load_news_model()
        if words is None:
            raise ValueError("method='news' needs the word tokens of each text (words=...)")
        valence = model.predict(texts, words)
        v = _vader()
        rows = [v.scores(t) for t in texts]
        df = pd.DataFrame({k: [r[k] for r in rows] for k in ("pos", "neu", "neg")}, dtype=float)
        df.insert(0, "compound", np.clip(valence / 4.0, -1.0, 1.0) if len(texts) else np.zeros(0))
        df["valence"] = valence
        band = model.neutral_band
        df["label"] = human_labels(valence, band) if len(texts) else np.array([], dtype=object)
        return df
    hi, lo = THRESHOLDS[method]
    df["label"] = _label(df["compound"].to_numpy(), hi, lo) if len(df) else np.array([], dtype=object)
    return df


def sentence_sentiment(docs, *, method: str = "vader") -> pd.DataFrame:
    """One row per sentence of the shared segmentation with its tone.

    Columns: ``article_id``, ``paragraph``, ``sentence`` (1-based, numbered
    through the article), ``start``, ``end`` (offsets into the body),
    ``compound`` (-1 most negative .. +1 most positive), ``pos``, ``neu``,
    ``neg`` (shares, sum 1), ``label`` (positive / neutral / negative by the
    method's thresholds, see the module docstring), ``method``; and
    ``valence`` (predicted mean human rating, -4..4) for ``news``.

    ``docs``: an articles table, a list of Documents or one body string."""
    _check_method(method)
    documents = segment_articles(docs)
    texts, words = [], []
    aids, paras, sents, starts, ends = [], [], [], [], []
    for d in documents:
        qt = d.quote_text
        spans = d.sentences.tolist()
        aids += [d.article_id] * len(spans)
        paras += (d.sentence_paragraph + 1).tolist()
        sents += range(1, len(spans) + 1)
        for i, (s, e) in enumerate(spans):
            texts.append(qt[s:e])
            starts.append(s)
            ends.append(e)
            if method in ("news", "afinn"):
                words.append(_sentence_words(d, i))
    cols = SENTENCE_COLUMNS + (["valence"] if method == "news" else [])
    if not texts:
        return pd.DataFrame(columns=cols)
    scores = score_texts(texts, method=method, words=words if method in ("news", "afinn") else None)
    data = {"article_id": aids, "paragraph": paras, "sentence": sents, "start": starts, "end": ends,
            **{c: scores[c].to_numpy() for c in scores.columns}, "method": method}
    return pd.DataFrame({c: data[c] for c in cols})  # one frame, not a column at a time


# ---------------------------------------------------------------------------
# bootstrap and aggregates


def _rng(seed: int, key) -> np.random.Generator:
    """A generator that depends only on the seed and the group's key, so an
    interval does not change when other groups are added or reordered."""
    return np.random.default_rng([int(seed), zlib.crc32(repr(key).encode("utf-8"))])


def bootstrap_mean_ci(values: Sequence[float], *, clusters: Sequence | None = None,
                      n_boot: int = DEFAULT_N_BOOT, ci: float = 0.95, seed: int = DEFAULT_SEED,
                      key=None) -> tuple[float, float]:
    """Percentile bootstrap interval of the mean of ``values``.

    Without ``clusters`` the values are resampled with replacement, and the
    bootstrap distribution of the mean is computed rather than sampled
    (:func:`analysis.bootstrap.mean_intervals`, or
    :func:`~analysis.bootstrap.share_intervals` when every value is 0 or 1):
    no Monte Carlo error, and ``seed``/``key`` play no part.  With
    ``clusters`` (e.g. article ids) whole clusters are resampled and the mean
    is taken over all values of the drawn clusters (a cluster bootstrap, right
    when sentences of one article are not independent), by Monte Carlo with
    ``n_boot`` draws whose stream depends only on ``seed`` and ``key``.
    ``(nan, nan)`` when fewer than two values (or clusters) are available, or
    when ``n_boot=0`` (no interval wanted)."""
    x = np.asarray(values, dtype=float)
    if not 0 < ci < 1:
        raise ValueError(f"ci must be between 0 and 1, got {ci}")
    if n_boot < 0:
        raise ValueError(f"n_boot must be 0 (no interval) or a positive number of draws, got {n_boot}")
    if n_boot == 0:
        return (math.nan, math.nan)
    alpha = (1 - ci) / 2
    if clusters is None:
        if len(x) < 2:
            return (math.nan, math.nan)
        if np.isin(x, (0.0, 1.0)).all():
            lo, hi = share_intervals(np.array([x.sum()]), np.array([len(x)]), ci)
        else:
            lo, hi = mean_intervals(x, np.array([0]), ci)
        return (float(lo[0]), float(hi[0]))
    rng = _rng(seed, key)
    codes, uniq = pd.factorize(pd.Series(list(clusters)))
    k = len(uniq)
    if k < 2:
        return (math.nan, math.nan)
    sums = np.bincount(codes, weights=x, minlength=k)
    counts = np.bincount(codes, minlength=k).astype(float)
    draw = rng.integers(0, k, size=(n_boot, k))
    means = sums[draw].sum(axis=1) / counts[draw].sum(axis=1)
    lo, hi = np.quantile(means, [alpha, 1 - alpha])
    return (float(lo), float(hi))


_ORDER_COLUMNS = ("article_id", "paragraph", "sentence", "start", "end")


def _summarise(group: pd.DataFrame, key, *, clusters: str | None, n_boot: int, ci: float, seed: int) -> dict:
    # a fixed order, so the draws do not depend on the order rows came in
    order = [c for c in _ORDER_COLUMNS if c in group.columns]
    if order:
        group = group.sort_values(order, kind="stable")
    cl = group[clusters].to_numpy() if clusters else None
    return _summarise_arrays(group["compound"].to_numpy(dtype=float), group["label"].to_numpy(), cl, key,
                             n_boot=n_boot, ci=ci, seed=seed)


def _summarise_arrays(comp: np.ndarray, labels: np.ndarray, cl, key, *, n_boot: int, ci: float,
                      seed: int) -> dict:
    lo, hi = bootstrap_mean_ci(comp, clusters=cl, n_boot=n_boot, ci=ci, seed=seed, key=(key, "compound"))
    out = {
        "n_sentences": int(len(comp)),
        "mean_compound": float(comp.mean()) if len(comp) else math.nan,
        "mean_compound_low": lo,
        "mean_compound_high": hi,
    }
    for lab in ("positive", "negative", "neutral"):
        ind = (labels == lab).astype(float)
        out[f"share_{lab}"] = float(ind.mean()) if len(ind) else math.nan
    for lab in ("negative", "positive"):
        ind = (labels == lab).astype(float)
        lo, hi = bootstrap_mean_ci(ind, clusters=cl, n_boot=n_boot, ci=ci, seed=seed, key=(key, lab))
        out[f"share_{lab}_low"], out[f"share_{lab}_high"] = lo, hi
    return out


AGGREGATE_VALUE_COLUMNS = [
    "n_sentences", "mean_compound", "mean_compound_low", "mean_compound_high",
    "share_positive", "share_negative", "share_neutral",
    "share_negative_low", "share_negative_high", "share_positive_low", "share_positive_high",
]


def _check_sentences(sentences: pd.DataFrame) -> None:
    need = {"article_id", "paragraph", "sentence", "compound", "label"}
    if not isinstance(sentences, pd.DataFrame) or need - set(sentences.columns):
        missing = sorted(need - set(getattr(sentences, "columns", [])))
        raise ValueError(f"expected the table from sentence_sentiment(); missing column(s) {missing}")


def _aggregate_groups(sentences: pd.DataFrame, keys: list[str], *, n_boot: int, ci: float) -> pd.DataFrame:
    """Paragraph or article aggregates for all groups at once (vectorised);
    groups in order of first appearance, the intervals from
    :mod:`analysis.bootstrap` (computed, so no seed is involved)."""
    if n_boot < 0:
        raise ValueError(f"n_boot must be 0 (no interval) or a positive number of draws, got {n_boot}")
    if not 0 < ci < 1:
        raise ValueError(f"ci must be between 0 and 1, got {ci}")
    if not len(sentences):
        return pd.DataFrame(columns=keys + AGGREGATE_VALUE_COLUMNS)
    group = sentences.groupby(keys, sort=False).ngroup().to_numpy()
    # rows by group, then in text order (the key columns are constant within a group)
    by = [c for c in _ORDER_COLUMNS if c in sentences.columns and c not in keys]
    if all(sentences[c].dtype.kind in "iub" for c in by):
        rows = np.lexsort([sentences[c].to_numpy() for c in reversed(by)] + [group])  # stable, as sort_values
        in_order = bool((rows[1:] > rows[:-1]).all())
        ordered = sentences if in_order else sentences.take(rows)
        g = group if in_order else group[rows]
    else:
        order = [c for c in _ORDER_COLUMNS if c in sentences.columns]
        ordered = sentences.assign(_group=group).sort_values(["_group"] + order, kind="stable")
        g = ordered["_group"].to_numpy()
    sizes = np.bincount(g)
    offsets = np.concatenate([[0], np.cumsum(sizes)[:-1]])
    comp = ordered["compound"].to_numpy(dtype=float)
    labels = ordered["label"].to_numpy()
    n = sizes.astype(float)
    # the columns are collected first and made into one frame (inserting them
    # one by one into a DataFrame costs more than computing them, per batch)
    cols = {k: ordered[k].iloc[offsets].reset_index(drop=True) for k in keys}
    cols["n_sentences"] = sizes.astype(np.int64)
    # numpy's mean per group (pairwise summation), as for a single group
    cols["mean_compound"] = np.array([comp[a:a + k].mean() for a, k in zip(offsets.tolist(), sizes.tolist())],
                                     dtype=float)
    counts = {lab: np.bincount(g, weights=(labels == lab), minlength=len(sizes)) for lab in
              ("positive", "negative", "neutral")}
    nan = np.full(len(sizes), np.nan)
    cols["mean_compound_low"], cols["mean_compound_high"] = mean_intervals(comp, offsets, ci) if n_boot else (nan, nan)
    for lab in ("positive", "negative", "neutral"):
        cols[f"share_{lab}"] = counts[lab] / n
    for lab in ("negative", "positive"):
        cols[f"share_{lab}_low"], cols[f"share_{lab}_high"] = share_intervals(counts[lab], sizes, ci) if n_boot \
            else (nan, nan)
    return pd.DataFrame({c: cols[c] for c in keys + AGGREGATE_VALUE_COLUMNS})


def aggregate_sentiment(sentences: pd.DataFrame, *, level: str = "article", n_boot: int = DEFAULT_N_BOOT,
                        ci: float = 0.95, seed: int = DEFAULT_SEED) -> pd.DataFrame:
    """Tone per paragraph, article or corpus from :func:`sentence_sentiment`.

    One row per ``(article_id, paragraph)``, per ``article_id`` or one row for
    the corpus, with ``n_sentences``; ``mean_compound`` (mean of the sentence
    compounds: -1..1, higher = more positive; this stays comparable between
    short and long texts, unlike the compound of a whole text, which
    saturates); ``share_positive`` / ``share_negative`` / ``share_neutral``
    (shares of sentences with each label, thresholds in the module docstring);
    and ``*_low`` / ``*_high`` percentile bootstrap limits at level ``ci``.
    Per paragraph or article the sentences are resampled and the bootstrap
    distribution is computed exactly or by saddlepoint
    (:mod:`analysis.bootstrap`; ``n_boot`` only switches intervals off when
    0); for the corpus whole articles are resampled (``n_boot`` Monte Carlo
    draws from ``seed``).  Intervals are NaN for a single sentence (or
    article).  ``method`` is carried over."""
    _check_sentences(sentences)
    if level not in ("paragraph", "article", "corpus"):
        raise ValueError(f"level must be one of paragraph, article, corpus; got {level!r}")
    keys = {"paragraph": ["article_id", "paragraph"], "article": ["article_id"], "corpus": []}[level]
    method = sentences["method"].iloc[0] if "method" in sentences.columns and len(sentences) else None
    rows = []
    if level == "corpus":
        if len(sentences):
            s = _summarise(sentences, "corpus", clusters="article_id", n_boot=n_boot, ci=ci, seed=seed)
            s["n_articles"] = int(sentences["article_id"].nunique())
            rows.append(s)
        out = pd.DataFrame(rows, columns=["n_articles"] + AGGREGATE_VALUE_COLUMNS)
    else:
        out = _aggregate_groups(sentences, keys, n_boot=n_boot, ci=ci)
    if method is not None:
        out["method"] = method
    return out


def tone_arc(sentences: pd.DataFrame, *, bins: int = 10, n_boot: int = DEFAULT_N_BOOT, ci: float = 0.95,
             seed: int = DEFAULT_SEED) -> pd.DataFrame:
    """Mean sentence compound by position in the article, for many articles.

    Each sentence gets a relative position ``(sentence - 0.5) / n_sentences``
    in (0, 1) and falls in one of ``bins`` equal bins (1 = the opening tenth
    when ``bins=10``).  One row per bin: ``position_bin``, ``position_mid``,
    ``n_sentences``, ``n_articles``, ``mean_compound`` with a cluster-bootstrap
    interval over articles (``mean_compound_low``/``_high``)."""
    _check_sentences(sentences)
    if bins < 1:
        raise ValueError(f"bins must be at least 1, got {bins}")
    s = sentences[["article_id", "sentence", "compound", "label"]].copy()
    n = s.groupby("article_id")["sentence"].transform("max")
    rel = (s["sentence"] - 0.5) / n
    s["position_bin"] = np.minimum((rel * bins).astype(int) + 1, bins)
    rows = []
    for b, grp in s.groupby("position_bin"):
        comp = grp["compound"].to_numpy(dtype=float)
        lo, hi = bootstrap_mean_ci(comp, clusters=grp["article_id"].to_numpy(), n_boot=n_boot, ci=ci, seed=seed,
                                   key=("arc", int(b)))
        rows.append({"position_bin": int(b), "position_mid": (b - 0.5) / bins, "n_sentences": len(grp),
                     "n_articles": int(grp["article_id"].nunique()), "mean_compound": float(comp.mean()),
                     "mean_compound_low": lo, "mean_compound_high": hi})
    return pd.DataFrame(rows, columns=["position_bin", "position_mid", "n_sentences", "n_articles",
                                       "mean_compound", "mean_compound_low", "mean_compound_high"])


# ---------------------------------------------------------------------------
# targeted sentiment


MENTION_COLUMNS = {"article_id", "actor_id", "start", "end"}
TARGET_COLUMNS = [
    "article_id", "actor_id", "name", "kind", "side", "n_mentions", "n_units",
    "mean_compound", "mean_compound_low", "mean_compound_high",
    "share_positive", "share_negative", "share_neutral",
]


def _window_units(doc: Document, starts: np.ndarray, ends: np.ndarray, window) -> list[tuple[int, int]]:
    """The ``[start, end)`` spans whose tone is attributed to a mention."""
    if window == "sentence":
        idx = doc.sentences_of(starts)
        return [tuple(doc.sentences[i].tolist()) for i in idx]
    if window == "paragraph":
        idx = doc.paragraphs_of(starts)
        return [tuple(doc.paragraphs[i].tolist()) for i in idx]
    k = int(window)
    spans = []
    word_idx = np.flatnonzero(doc.token_is_word)
    wstarts = doc.tokens[word_idx, 0]
    for s, e in zip(starts.tolist(), ends.tolist()):
        sent = doc.sentence_at(s)
        ss, se = doc.sentences[sent]
        first = int(np.searchsorted(wstarts, s, side="left"))
        last = int(np.searchsorted(wstarts, e, side="left")) - 1
        lo_w, hi_w = max(first - k, 0), min(max(last, first) + k, len(word_idx) - 1)
        lo = max(int(doc.tokens[word_idx[lo_w], 0]), int(ss)) if len(word_idx) else s
        hi = min(int(doc.tokens[word_idx[hi_w], 1]), int(se)) if len(word_idx) else e
        spans.append((min(lo, s), max(hi, e)))
    return spans


def targeted_sentiment(docs, mentions: pd.DataFrame, *, window: str | int = "sentence", method: str = "vader",
                       level: str = "article", exclusive: bool = False, n_boot: int = DEFAULT_N_BOOT,
                       ci: float = 0.95, seed: int = DEFAULT_SEED, units: bool = False) -> pd.DataFrame:
    """Tone of the text around each actor's mentions.

    ``mentions`` is the table of :func:`analysis.actors.find_mentions` (needs
    ``article_id``, ``actor_id``, ``start``, ``end``; ``name``, ``kind``,
    ``side`` are carried over when present).  ``window`` says which text a
    mention's tone comes from: ``"sentence"`` (default: the shared-segmentation
    sentence that contains the mention), ``"paragraph"``, or an integer ``k``
    (the mention plus ``k`` words either side, cut at the sentence's ends,
    scored as a text of its own).  A unit mentioning an actor several times
    counts once for that actor.  ``exclusive=True`` keeps only units that
    mention no other actor, so a sentence naming both China and Canada is not
    credited to both (the default keeps them: say which you used).

    ``level="article"``: one row per ``(article_id, actor_id)``;
    ``level="corpus"``: one row per actor over all articles, interval from a
    cluster bootstrap over articles.  Columns: ``n_mentions``, ``n_units``
    (distinct sentences / paragraphs / windows scored), ``mean_compound`` (-1..1,
    higher = warmer), its ``_low``/``_high`` bootstrap limits, the label shares;
    ``n_articles`` at corpus level.  ``units=True`` returns the scored units
    instead (one row per actor and unit)."""
    _check_method(method)
    if level not in ("article", "corpus"):
        raise ValueError(f"level must be 'article' or 'corpus'; got {level!r}")
    if not (window in ("sentence", "paragraph") or (isinstance(window, (int, np.integer)) and window >= 0)):
        raise ValueError(f"window must be 'sentence', 'paragraph' or a number of words >= 0; got {window!r}")
    missing = MENTION_COLUMNS - set(mentions.columns)
    if missing:
        raise ValueError(f"mentions table lacks column(s) {sorted(missing)} (see docs/CONTRACTS.md)")
    documents = {d.article_id: d for d in segment_articles(docs)}
    m = mentions.dropna(subset=["actor_id"])
    m = m[m["article_id"].astype(str).isin(documents.keys())]
    unit_rows = []
    for aid, grp in m.groupby(m["article_id"].astype(str), sort=False):
        d = documents[aid]
        spans = _window_units(d, grp["start"].to_numpy(dtype=np.int64), grp["end"].to_numpy(dtype=np.int64), window)
        for actor, span in zip(grp["actor_id"].tolist(), spans):
            unit_rows.append((aid, actor, int(span[0]), int(span[1])))
    u = pd.DataFrame(unit_rows, columns=["article_id", "actor_id", "start", "end"])
    n_mentions = u.groupby(["article_id", "actor_id"]).size().rename("n_mentions")
    u = u.drop_duplicates(["article_id", "actor_id", "start", "end"])
    if exclusive and len(u):
        per_unit = u.groupby(["article_id", "start", "end"])["actor_id"].transform("nunique")
        u = u[per_unit == 1]
    # score every distinct unit once
    distinct = u[["article_id", "start", "end"]].drop_duplicates().reset_index(drop=True)
    texts = [documents[a].quote_text[s:e] for a, s, e in distinct.itertuples(index=False)]
    words = None
    if method == "news":
        words = []
        for a, s, e in distinct.itertuples(index=False):
            d = documents[a]
            ok = (d.tokens[:, 0] >= s) & (d.tokens[:, 1] <= e) & d.token_is_word
            words.append([d.quote_text[x:y] for x, y in d.tokens[ok].tolist()])
    sc = score_texts(texts, method=method, words=words)
    distinct = pd.concat([distinct, sc[["compound", "label"]]], axis=1)
    u = u.merge(distinct, on=["article_id", "start", "end"], how="left")
    info_cols = [c for c in ("name", "kind", "side") if c in mentions.columns]
    info = m.drop_duplicates("actor_id").set_index("actor_id")[info_cols] if info_cols else None
    if units:
        u = u.assign(window=str(window), method=method)
        if info is not None:
            u = u.join(info, on="actor_id")
        return u.reset_index(drop=True)
    keys = ["article_id", "actor_id"] if level == "article" else ["actor_id"]
    rows = []
    for key, grp in u.groupby(keys, sort=False):
        key = key if isinstance(key, tuple) else (key,)
        s = _summarise(grp, key, clusters="article_id" if level == "corpus" else None,
                       n_boot=n_boot, ci=ci, seed=seed)
        row = dict(zip(keys, key))
        if level == "article":
            row["n_mentions"] = int(n_mentions.loc[key])
        else:
            row["n_mentions"] = int(n_mentions.xs(key[0], level="actor_id").sum())
            row["n_articles"] = int(grp["article_id"].nunique())
        row["n_units"] = s.pop("n_sentences")
        rows.append({**row, **s})
    cols = [c for c in TARGET_COLUMNS if c in keys or c not in ("article_id", "actor_id")]
    cols = keys + [c for c in cols if c not in keys]
    if level == "corpus":
        cols.insert(cols.index("n_units"), "n_articles")
    out = pd.DataFrame(rows)
    for c in ("name", "kind", "side"):
        out[c] = out["actor_id"].map(info[c]) if (info is not None and c in info.columns and len(out)) else None
    out = out.reindex(columns=cols + ["share_negative_low", "share_negative_high", "share_positive_low",
                                      "share_positive_high"])
    out["window"] = str(window)
    out["method"] = method
    if len(out):  # articles in id order, then the most mentioned actors first
        first = ["article_id"] if level == "article" else []
        out = out.sort_values(first + ["n_mentions", "actor_id"], ascending=[True] * len(first) + [False, True],
                              kind="stable").reset_index(drop=True)
    return out


# ---------------------------------------------------------------------------
# quoted speech versus the narrative voice


QUOTE_COLUMNS = {"article_id", "start", "end", "kind"}
VOICE_GROUPINGS = ("voice", "side", "speaker", "kind")


def sentence_voices(sentences_or_docs, quotes: pd.DataFrame, *, kinds: Sequence[str] = ("direct", "partial"),
                    min_share: float = 0.5) -> pd.DataFrame:
    """Whose voice each sentence is in.

    A sentence is ``quoted`` when at least ``min_share`` of its characters lie
    inside quotes of the given ``kinds`` (default direct and partial: the
    speaker's own words; an indirect quote is the reporter's paraphrase and
    stays narrative unless ``kinds`` includes ``"indirect"``), else
    ``narrative``.  A quoted sentence takes the speaker of the quote covering
    most of it.  Columns: the sentence keys, ``start``, ``end``, ``voice``,
    ``share_quoted``, ``quote_id``, ``quote_kind``, ``speaker_name``,
    ``speaker_actor_id``, ``side`` (``unknown`` when the quote has no side).

    ``sentences_or_docs``: the table from :func:`sentence_sentiment` (its
    scores are kept) or anything :func:`analysis.text.segment_articles` takes."""
    if not 0 < min_share <= 1:
        raise ValueError(f"min_share must be in (0, 1], got {min_share}")
    allowed = {"direct", "partial", "indirect"}
    bad = set(kinds) - allowed
    if bad:
        raise ValueError(f"kinds must be among {sorted(allowed)}; got {sorted(bad)}")
    missing = QUOTE_COLUMNS - set(quotes.columns)
    if missing:
        raise ValueError(f"quotes table lacks column(s) {sorted(missing)} (see docs/CONTRACTS.md)")
    if isinstance(sentences_or_docs, pd.DataFrame) and {"sentence", "start", "end"} <= set(sentences_or_docs.columns):
        sent = sentences_or_docs.copy()
    else:
        from analysis.text import sentence_table

        sent = sentence_table(sentences_or_docs).drop(columns=["text", "n_words"])
    q = quotes[quotes["kind"].isin(list(kinds))].copy()
    q["article_id"] = q["article_id"].astype(str)
    n = len(sent)
    best_share = np.zeros(n)
    total = np.zeros(n)
    best_q = np.full(n, -1, dtype=np.int64)
    q = q.reset_index(drop=True)
    sent_aid = sent["article_id"].astype(str).to_numpy()
    s_start = sent["start"].to_numpy(dtype=np.int64)
    s_end = sent["end"].to_numpy(dtype=np.int64)
    by_article = {a: np.flatnonzero(sent_aid == a) for a in np.unique(sent_aid)}
    for qi, (aid, qs, qe) in enumerate(zip(q["article_id"], q["start"].astype(np.int64), q["end"].astype(np.int64))):
        idx = by_article.get(aid)
        if idx is None:
            continue
        ov = np.minimum(s_end[idx], qe) - np.maximum(s_start[idx], qs)
        hit = ov > 0
        if not hit.any():
            continue
        ii = idx[hit]
        share = ov[hit] / np.maximum(s_end[ii] - s_start[ii], 1)
        total[ii] += share
        better = share > best_share[ii]
        best_share[ii[better]] = share[better]
        best_q[ii[better]] = qi
    share_quoted = np.minimum(total, 1.0)
    quoted = share_quoted >= min_share
    sent["voice"] = np.where(quoted, "quoted", "narrative")
    sent["share_quoted"] = share_quoted
    take = np.where(quoted, best_q, -1)

    def col(name, default=None):
        vals = q[name].to_numpy(dtype=object) if name in q.columns else np.full(len(q), default, dtype=object)
        return np.array([vals[k] if k >= 0 else None for k in take], dtype=object)

    sent["quote_id"] = col("quote_id")
    sent["quote_kind"] = col("kind")
    sent["speaker_name"] = col("speaker_name")
    sent["speaker_actor_id"] = col("speaker_actor_id")
    side = col("side")
    side = np.array([("unknown" if (s is None or (isinstance(s, float) and s != s)) else s) for s in side], dtype=object)
    sent["side"] = np.where(quoted, side, "narration")
    return sent.reset_index(drop=True)


def sentiment_by_voice(sentences_or_docs, quotes: pd.DataFrame, *, by: str = "side", method: str = "vader",
                       kinds: Sequence[str] = ("direct", "partial"), min_share: float = 0.5,
                       resample: str = "articles", n_boot: int = DEFAULT_N_BOOT, ci: float = 0.95,
                       seed: int = DEFAULT_SEED) -> pd.DataFrame:
    """Tone of quoted speech, grouped by speaker side (or speaker, or quote
    kind), against the narrative voice (the reporter's own sentences).

    Sentences are assigned a voice by :func:`sentence_voices`.  One row per
    group: ``voice`` (``quoted`` / ``narrative``), the grouping column
    (``side``: Canada, China, United States, other, unknown; ``speaker``:
    ``speaker_name``; ``kind``: the quote kind; ``voice``: quoted versus
    narrative only), ``n_sentences``, ``n_articles``, ``mean_compound`` with a
    bootstrap interval, and the label shares.  ``resample="articles"``
    (default) resamples whole articles (sentences of one article are not
    independent; no interval from a single article); ``"sentences"``
    resamples sentences, for a single article.  The narrative row is always
    ``voice="narrative"`` with the grouping column ``narration``.

    ``sentences_or_docs``: the table from :func:`sentence_sentiment` (any
    method) or documents, which are then scored with ``method``."""
    if by not in VOICE_GROUPINGS:
        raise ValueError(f"by must be one of {', '.join(VOICE_GROUPINGS)}; got {by!r}")
    if resample not in ("articles", "sentences"):
        raise ValueError(f"resample must be 'articles' or 'sentences'; got {resample!r}")
    if isinstance(sentences_or_docs, pd.DataFrame) and "compound" in sentences_or_docs.columns:
        scored = sentences_or_docs
    else:
        scored = sentence_sentiment(sentences_or_docs, method=method)
    v = sentence_voices(scored, quotes, kinds=kinds, min_share=min_share)
    group_col = {"side": "side", "speaker": "speaker_name", "kind": "quote_kind", "voice": None}[by]
    if group_col is not None:
        v[group_col] = np.where(v["voice"] == "narrative", "narration", v[group_col].fillna("unknown").astype(object))
        keys = ["voice", group_col]
    else:
        keys = ["voice"]
    rows = []
    for key, grp in v.groupby(keys, sort=True):
        key = key if isinstance(key, tuple) else (key,)
        s = _summarise(grp, ("voice",) + key, clusters="article_id" if resample == "articles" else None,
                       n_boot=n_boot, ci=ci, seed=seed)
        rows.append({**dict(zip(keys, key)), "n_articles": int(grp["article_id"].nunique()), **s})
    out = pd.DataFrame(rows, columns=keys + ["n_articles"] + AGGREGATE_VALUE_COLUMNS)
    out["method"] = scored["method"].iloc[0] if "method" in scored.columns and len(scored) else method
    return out


# ---------------------------------------------------------------------------
# command line


def add_cli_arguments(parser) -> None:
    """Options of ``python -m analysis sentiment PATH``."""
    parser.add_argument("--level", choices=["sentence", "paragraph", "article", "corpus"], default="sentence",
                        help="one row per sentence (default), paragraph, article, or one for the corpus")
    parser.add_argument("--method", choices=list(METHODS), default="vader",
                        help="scorer: vader (vaderSentiment 3.3.2, default), vader-nltk, afinn, "
                             "news (validated combination fitted on NYT editorials)")
    parser.add_argument("--n-boot", type=int, default=DEFAULT_N_BOOT, dest="n_boot",
                        help=f"bootstrap draws for the intervals of aggregates (default {DEFAULT_N_BOOT})")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="bootstrap seed (default fixed)")
    parser.add_argument("--text", action="store_true", help="add each sentence's text (sentence level)")


def cli_table(articles: pd.DataFrame, *, level: str = "sentence", method: str = "vader",
              n_boot: int = DEFAULT_N_BOOT, seed: int = DEFAULT_SEED, text: bool = False, **_ignored) -> pd.DataFrame:
    """The table ``python -m analysis sentiment`` prints."""
    if level not in LEVELS:
        raise ValueError(f"level must be one of {', '.join(LEVELS)}; got {level!r}")
    sentences = sentence_sentiment(articles, method=method)
    if level == "sentence":
        if text:
            bodies = dict(zip(articles["article_id"].astype(str), articles["text"]))
            sentences = sentences.assign(text=[bodies[a][s:e] for a, s, e in
                                               zip(sentences["article_id"], sentences["start"], sentences["end"])])
        return sentences
    return aggregate_sentiment(sentences, level=level, n_boot=n_boot, seed=seed)


# ---------------------------------------------------------------------------
# cross-validation of the news model (used by benchmarks/sentiment_*.py)


def grouped_folds(groups: Sequence, *, n_folds: int = 10, seed: int = DEFAULT_SEED) -> np.ndarray:
    """Fold number (0..n_folds-1) of each item, whole groups per fold: the
    distinct groups are sorted, shuffled with ``seed`` and dealt round-robin."""
    g = pd.Series(list(groups)).astype(str)
    uniq = np.array(sorted(g.unique()))
    if len(uniq) < n_folds:
        raise ValueError(f"need at least {n_folds} groups for {n_folds} folds, got {len(uniq)}")
    perm = np.random.default_rng(seed).permutation(uniq)
    fold_of = {u: i % n_folds for i, u in enumerate(perm)}
    return g.map(fold_of).to_numpy()


#: hyper-parameters searched (min_groups was always 3 in a first, wider search over (3, 5))
NEWS_GRID = {"min_groups": (3,), "word_penalty": (30.0, 100.0, 300.0)}
#: word penalties of the candidate transfer lexicons (:func:`fit_transfer_lexicon`)
TRANSFER_PENALTIES = (30.0, 100.0)


def select_news_params(texts, scores, groups, *, tokens, features: pd.DataFrame, n_folds: int = 5,
                       grid: dict | None = None, seed: int = DEFAULT_SEED,
                       transfers: dict | None = None) -> dict:
    """Choose ``min_groups``, ``word_penalty`` and (when candidate transfer
    lexicons are given, keyed by their own word penalty) ``transfer_penalty``
    by grouped cross-validation (Pearson r of out-of-fold predictions), and
    the neutral band on those out-of-fold predictions.  Returns
    ``min_groups``, ``word_penalty``, ``transfer_penalty`` (None without
    transfer lexicons), ``neutral_band``, ``r``."""
    grid = grid or NEWS_GRID
    y, g = np.asarray(scores, dtype=float), np.asarray(groups)
    folds = grouped_folds(g, n_folds=n_folds, seed=seed + 1)
    best = None
    for tp in (sorted(transfers) if transfers else [None]):
        lexicon = transfers[tp] if tp is not None else None
        for mg in grid["min_groups"]:
            for wp in grid["word_penalty"]:
                p = np.zeros(len(y))
                for j in range(n_folds):
                    a, b = np.flatnonzero(folds != j), np.flatnonzero(folds == j)
                    m = fit_news_model([texts[i] for i in a], y[a], g[a], tokens=[tokens[i] for i in a],
                                       min_groups=mg, word_penalty=wp, neutral_band=0.2, features=features.iloc[a],
                                       transfer=lexicon)
                    p[b] = m.predict_from_features(features.iloc[b], [tokens[i] for i in b])
                r = float(np.corrcoef(p, y)[0, 1])
                if best is None or r > best["r"]:
                    best = {"min_groups": mg, "word_penalty": wp, "transfer_penalty": tp,
                            "neutral_band": best_band(p, y), "r": r}
    return best


def cross_validated_news(texts: Sequence[str], scores: Sequence[float], groups: Sequence, *,
                         tokens: Sequence[Sequence[str]], n_folds: int = 10, inner_folds: int = 5,
                         grid: dict | None = None, seed: int = DEFAULT_SEED,
                         features: pd.DataFrame | None = None, transfers: dict | None = None,
                         progress=None) -> dict:
    """Honest out-of-fold predictions of the ``news`` scorer.

    Outer loop: ``n_folds`` folds by group (editorial).  Inside each outer
    training part, :func:`select_news_params` chooses the hyper-parameters
    (and which of the candidate ``transfers`` lexicons to use, if any) and the
    neutral band by an inner grouped cross-validation; the model is refitted
    on the whole training part and predicts the held-out fold.  Nothing of a
    held-out editorial is seen while fitting what predicts it (the transfer
    lexicons are fitted on other domains only, never on news).  Returns
    ``valence`` (out-of-fold predictions), ``label`` (each fold's own band),
    ``fold`` and the chosen ``params`` per fold."""
    y = np.asarray(scores, dtype=float)
    g = np.asarray(groups)
    texts = list(texts)
    F = features if features is not None else news_features(texts)
    folds = grouped_folds(g, n_folds=n_folds, seed=seed)
    pred = np.zeros(len(y))
    labels = np.empty(len(y), dtype=object)
    chosen = []
    for k in range(n_folds):
        tr, te = np.flatnonzero(folds != k), np.flatnonzero(folds == k)
        best = select_news_params([texts[i] for i in tr], y[tr], g[tr], tokens=[tokens[i] for i in tr],
                                  features=F.iloc[tr], n_folds=inner_folds, grid=grid, seed=seed,
                                  transfers=transfers)
        chosen.append(best)
        lexicon = transfers[best["transfer_penalty"]] if best["transfer_penalty"] is not None else None
        model = fit_news_model([texts[i] for i in tr], y[tr], g[tr], tokens=[tokens[i] for i in tr],
                               min_groups=best["min_groups"], word_penalty=best["word_penalty"],
                               neutral_band=best["neutral_band"], features=F.iloc[tr], transfer=lexicon)
        pred[te] = model.predict_from_features(F.iloc[te], [tokens[i] for i in te])
        labels[te] = human_labels(pred[te], model.neutral_band)
        if progress:
            progress(k, best)
    return {"valence": pred, "label": labels, "fold": folds, "params": chosen}
