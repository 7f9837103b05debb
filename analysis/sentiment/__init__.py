"""Sentence-level tone, its aggregates, tone toward actors and tone by voice.

Every score is computed on the sentences of the shared segmentation
(:attr:`analysis.core.text.Document.sentences`); nothing here splits text again.
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
    ``compound <= -0.05``, else neutral.  Scored by :mod:`analysis.sentiment.vader`, a
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
    (:func:`news_features`), two stem back-off features (:func:`stem_features`:
    the VADER / AFINN valence of words a lexicon lacks as written but has by
    stem, such as ``tyrannies`` or ``saving``), the NRC Emotion Lexicon
    polarity sum (:func:`nrc_features`), the Hu & Liu opinion-lexicon sum
    (:func:`opinion_features`), a *transfer lexicon* and a
    learned list of 1,767 news stems (:func:`word_terms` reduced by
    :func:`stem_term`: lower-case words without plural -s, -ed, -ing, a word
    just after a negator such as "not" or "no" counted as a separate term; no
    proper nouns).  The transfer lexicon (7,961 terms,
    :func:`fit_transfer_lexicon`) is learned on 18,513 human-rated tweets and
    movie / product review sentences from the same study
    (``shared/benchmarks/sentiment/other_domains``, never news): what each
    term adds to a rating beyond VADER and AFINN.  Its per-sentence sum is one
    more feature, whose weight (0.27) is learned on news, so the news model
    decides how far to trust the other domains.  The rest is fitted to the
    2,601 human-rated NYT editorial sentences of ``shared/benchmarks/sentiment``
    (dev half) by ``benchmarks/sentiment_fit_news.py``; the parameters are the
    plain file ``analysis/data/sentiment_news_model.csv``.  It predicts the
    mean human rating on the raters' -4..+4 scale (column ``valence``);
    ``compound`` is ``valence / 4`` clipped to [-1, 1].  ``pos``, ``neu``,
    ``neg`` are VADER's.  Neutral when ``|valence| < 0.15``, the band stored
    in the model file (chosen on out-of-fold predictions to maximise 3-class
    macro-F1).  In nested cross-validation by editorial (sentences of one
    editorial in one fold; every hyper-parameter chosen inside) it correlates
    r = 0.587 with the human mean against 0.517 for vaderSentiment (Spearman
    0.569 against 0.490, macro-F1 0.559 against 0.530);
    ``docs/sentiment.md`` gives every figure.  It was fitted on
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
(:mod:`analysis.core.bootstrap`: binomial quantiles for the shares, every distinct
resample for a mean of up to 7 sentences, the saddlepoint approximation
beyond), so there is no Monte Carlo error and no seed.  For the corpus (and
:func:`tone_arc`) whole articles are resampled, a cluster bootstrap, by Monte
Carlo from a fixed seed, so every rerun gives the same interval.

Modules
-------
``vader``             the VADER port (vaderSentiment 3.3.2's rules, same floats).
``lexicons``          the base scorers (VADER, NLTK's VADER, AFINN), loaded once.
``features``          words, terms and sentence features the ``news`` scorer reads.
``news_model``        the fitted ``news`` model (plain CSV) and its labels.
``scorers``           :func:`score_texts`, :func:`sentence_sentiment`.
``aggregates``        paragraph, article and corpus tone with intervals; :func:`tone_arc`.
``targeted``          tone toward actors (:func:`targeted_sentiment`).
``voices``            tone of quoted speech against narration (:func:`sentiment_by_voice`).
``fit``               fitting the ``news`` model (ridge, transfer lexicon, neutral band).
``cross_validation``  nested grouped cross-validation of the ``news`` model.
``cli``               ``python -m analysis sentiment``.
"""
from analysis.sentiment.aggregates import (
    AGGREGATE_VALUE_COLUMNS,
    DEFAULT_N_BOOT,
    DEFAULT_SEED,
    aggregate_sentiment,
    bootstrap_mean_ci,
    tone_arc,
)
from analysis.sentiment.cli import LEVELS, add_cli_arguments, cli_table
from analysis.sentiment.cross_validation import (
    NEWS_GRID,
    SELECTION_TOLERANCE,
    TRANSFER_PENALTIES,
    cross_validated_news,
    grouped_folds,
    select_news_params,
)
from analysis.sentiment.features import (
    NEGATION_SCOPE,
    NEGATORS,
    NEWS_FEATURES,
    TRANSFER_FEATURE,
    news_features,
    sentence_words,
    term_sums,
    word_terms,
)
from analysis.sentiment.fit import best_band, fit_news_model, fit_transfer_lexicon, macro_f1
from analysis.sentiment.news_model import NEWS_MODEL_FILE, NewsModel, human_labels, load_news_model
from analysis.sentiment.scorers import METHODS, SENTENCE_COLUMNS, THRESHOLDS, score_texts, sentence_sentiment
from analysis.sentiment.nrc import NRC_FEATURE, nrc_features
from analysis.sentiment.opinion_words import OPINION_FEATURE, opinion_features
from analysis.sentiment.stems import STEM_FEATURES, stem_features, stem_term
from analysis.sentiment.targeted import MENTION_COLUMNS, TARGET_COLUMNS, targeted_sentiment
from analysis.sentiment.voices import QUOTE_COLUMNS, VOICE_GROUPINGS, sentence_voices, sentiment_by_voice

__all__ = [
    "METHODS",
    "LEVELS",
    "THRESHOLDS",
    "DEFAULT_SEED",
    "DEFAULT_N_BOOT",
    "SENTENCE_COLUMNS",
    "AGGREGATE_VALUE_COLUMNS",
    "MENTION_COLUMNS",
    "TARGET_COLUMNS",
    "QUOTE_COLUMNS",
    "VOICE_GROUPINGS",
    "NEGATORS",
    "NEGATION_SCOPE",
    "NEWS_FEATURES",
    "TRANSFER_FEATURE",
    "STEM_FEATURES",
    "NRC_FEATURE",
    "OPINION_FEATURE",
    "NEWS_MODEL_FILE",
    "NEWS_GRID",
    "TRANSFER_PENALTIES",
    "SELECTION_TOLERANCE",
    "sentence_sentiment",
    "score_texts",
    "aggregate_sentiment",
    "bootstrap_mean_ci",
    "tone_arc",
    "targeted_sentiment",
    "sentence_voices",
    "sentiment_by_voice",
    "sentence_words",
    "word_terms",
    "term_sums",
    "news_features",
    "stem_features",
    "nrc_features",
    "opinion_features",
    "stem_term",
    "NewsModel",
    "load_news_model",
    "human_labels",
    "fit_news_model",
    "fit_transfer_lexicon",
    "macro_f1",
    "best_band",
    "grouped_folds",
    "select_news_params",
    "cross_validated_news",
    "add_cli_arguments",
    "cli_table",
]
