"""Readability: the standard English indices and the counts they rest on.

:func:`readability` scores articles, paragraphs or sentences (one row per
unit, keys ``article_id`` / ``paragraph`` / ``sentence``), and with a quote
table scores the quoted and the narrative words of each unit apart (column
``voice``); :func:`readability_levels` returns several of these tables from
one counting pass (the pipeline asks for all four at once).  Everything comes
from the shared segmentation (:mod:`analysis.core.text`): one pass over the word
tokens of all the documents together gives per-token syllables, letters and
word-list lookups (each distinct token string is analysed once per process);
the counts of every sentence (and voice) are sums of those, paragraph and
article counts are sums of sentence counts, and every index is a formula of
the counts (:func:`indices_from_counts`), computed on whole columns.

Counts (columns)
----------------
``sentences``
    Sentences of the shared segmentation (voice rows: fractional, see below).
``words``
    Word tokens (``Document.token_is_word``: tokens with a letter or digit;
    ``U.S.``, ``Biden's``, ``Saint-Jacques``, ``11-year``, ``2018`` are one word each).
``syllables``
    :func:`analysis.readability.syllables.syllables` of each word: CMU dictionary, then a
    learned estimator.  A numeral (a word token with digits and no letter:
    ``17``, ``2018``, ``1,000``, ``76%``) counts as one syllable by default;
    see "Numbers" below.
``polysyllabic_words``
    Words of three or more syllables (SMOG, Linsear Write).
``complex_words``
    Gunning's (1952) "hard words" for the Fog index: three or more syllables,
    except capitalised words that do not start their sentence (proper
    nouns), hyphenated compounds, and words that reach three syllables only
    through an ``-ed``, ``-es`` or ``-ing`` ending (``created``: create is 2).
``difficult_words``
    Words not on the Dale–Chall list of 3,000 familiar words
    (``analysis/data/dale_chall_words.txt``), every occurrence counted.
    Familiar too, as Dale & Chall's rules allow: regular inflections of a
    listed word (``-s -es -ies -ed -d -ied -ing -er -est -r -st``, possessive
    ``'s``), numbers, hyphenated compounds whose parts are all familiar.
    Proper names are not recognised, so they count as difficult unless listed.
``spache_unfamiliar_words``
    *Unique* words (lower case, per unit) not on the revised Spache (1974)
    list (``analysis/data/spache_words.txt``), same inflection rules; Spache
    counts each unfamiliar word once.
``characters``, ``letters``
    Letters and digits / letters only, in word tokens (no punctuation,
    apostrophes or hyphens).
``longest_sentence_words``
    Words in the unit's longest sentence (used by the ``max_sentence_words`` rule).

Indices
-------
See each formula function for the formula, source and direction.  All grade
levels are US school grades (higher = harder); Flesch Reading Ease is 0-100ish
(higher = easier).

When an index is NaN
--------------------
* ``words == 0`` or ``sentences == 0``: the ratios are undefined.
* ``words < min_words`` (default 3): a one- or two-word unit (``Yes.``,
  ``He said.``) is not a text sample; formulas calibrated on 100-word
  passages give meaningless values there (Flesch-Kincaid -3.4 for ``Yes.``).
  textstat's own sentence counter ignores such pieces for the same reason.
* ``longest_sentence_words > max_sentence_words`` (default 150): a
  "sentence" that long means the text has no usable sentence punctuation
  (a transcript, a list, a scrape without full stops) and every
  sentence-length term would be garbage (textstat gives Flesch -4995 for a
  long text without full stops).  ``None`` switches the rule off.
* SMOG only: fewer than ``smog_min_sentences`` sentences (default 30).
  McLaughlin (1969) defined SMOG on a 30-sentence sample; the square root of
  a polysyllable count from a few sentences is not the published measure.

Numbers
-------
Flesch (1948) told human raters to count the syllables of figures as read
aloud (``2018`` = twen-ty eight-een, 4).  We count a numeral as one
syllable by default (``numbers="one"``; ``numbers="read_aloud"`` applies
Flesch's instruction, through :func:`analysis.readability.syllables.number_syllables`).
Reason: a numeral is read at a glance, and simplified texts write more
figures, so spoken syllables make easier texts look harder.  On
OneStopEnglish DEV the Spearman correlation of syllables per word with the
human level is 0.27 read aloud and 0.34 with one syllable a numeral (textstat,
which hyphenates numerals with pyphen, 0.37); see the README.  Mixed tokens
(``COVID-19``, ``G7``) are words and keep their spoken count.

Voice (quoted vs narrative)
---------------------------
With ``quotes`` (a table with ``article_id``, ``start``, ``end``, ``kind``,
e.g. from :func:`analysis.sourcing.extract_quotes`), a word token is
*quoted* when its start offset lies inside a quote span of a kind in
``quote_kinds`` (default direct and partial quotes: an indirect quote is the
journalist's paraphrase, so its words stay narrative); every other word is
*narrative*.  Each row is then one unit and one voice, and only (unit, voice)
pairs with at least one word are returned.  A sentence counts towards a
voice in proportion to its words in that voice (so ``sentences`` is
fractional and ``words / sentences`` is the mean length of the sentences
the voice's words occur in, weighted by words): a three-word partial quote
in a 25-word sentence does not make "quoted" sentences three words long.

Modules
-------
``counting``  one pass over the word tokens of a batch: the counts of every level.
``tokens``    per-token facts (syllables, letters, word-list flags), the fast path and its cache.
``syllables`` syllables of a token: CMU dictionary, then a learned estimator.
``wordlists`` the Dale–Chall and Spache lists, and what counts as familiar.
``formulas``  one function per index (formula and source in its docstring).
``tables``    :func:`readability`, :func:`readability_levels`, :func:`pool`, :func:`readability_scores`.
``cli``       ``python -m analysis readability``.
"""
from analysis.readability.cli import add_cli_arguments, cli_table
from analysis.readability.counting import LEVELS, VOICES
from analysis.readability.formulas import (
    COUNT_COLUMNS,
    GRADE_INDICES,
    INDEX_COLUMNS,
    INDEX_LABELS,
    automated_readability_index,
    coleman_liau_index,
    dale_chall,
    flesch_kincaid_grade,
    flesch_reading_ease,
    gunning_fog,
    indices_from_counts,
    linsear_write,
    smog_index,
    spache,
)
from analysis.readability.tables import pool, readability, readability_levels, readability_scores
from analysis.readability.wordlists import is_familiar

__all__ = [
    "readability",
    "readability_levels",
    "readability_scores",
    "indices_from_counts",
    "flesch_reading_ease",
    "flesch_kincaid_grade",
    "gunning_fog",
    "smog_index",
    "coleman_liau_index",
    "automated_readability_index",
    "dale_chall",
    "linsear_write",
    "spache",
    "is_familiar",
    "pool",
    "COUNT_COLUMNS",
    "INDEX_COLUMNS",
    "INDEX_LABELS",
    "GRADE_INDICES",
    "LEVELS",
    "VOICES",
    "add_cli_arguments",
    "cli_table",
]
