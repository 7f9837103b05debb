"""VADER sentence scores: vaderSentiment 3.3.2's rules, re-implemented for speed.

:class:`Vader` returns exactly what
``vaderSentiment.vaderSentiment.SentimentIntensityAnalyzer.polarity_scores``
returns (the same floats, bit for bit), five to six times faster per
sentence of news copy.  The reference spends most of its time lower-casing
the whole sentence again for every rule it checks on every lexicon word, and
building the emoji-free text one character at a time.  Here each distinct
token is looked up once (its punctuation-stripped form, lower case, lexicon
valence, booster scalar, negation flag) and memoised; sentences without an
emoji character skip the emoji loop; only lexicon words run the rules.
Every rule, quirks included, is applied in the reference's order with the
reference's arithmetic, so the rounding is identical:

* emojis are replaced by their descriptions, character by character, with a
  space before (not after) each description; then the text is stripped;
* tokens are the white-space split; ASCII punctuation is stripped from both
  ends unless that leaves two characters or fewer (emoticons);
* "caps differential": some but not all tokens are upper case;
* booster words, and "kind" before "of", score 0 themselves; a lexicon word
  is negated after "no" (1, 2 words back, or 3 back with "or"/"nor" between),
  "no" before a lexicon word loses its own valence, an upper-case lexicon
  word gains 0.733 (loses it when negative) under the caps differential;
* the three preceding non-lexicon words add booster scalars (x 1, 0.95, 0.9
  by distance) and may negate (x -0.74; any NEGATE word or a word containing
  "n't"), with the "never so/this" (x 1.25) and "without doubt" exceptions,
  checked after each booster step; at distance 3 the special-case idioms
  ("the shit", "kiss of death", ...) overwrite the valence and the booster
  bigrams "kind of", "sort of", "just enough" add theirs; then "least"
  negates unless after "at" or "very".  The sentiment-laden idioms of the
  reference are "future work" there and are never applied;
* "but": vaderSentiment's loop halves the valences before the first "but"
  and multiplies those after it by 1.5, finding each value's position with
  ``list.index`` while it rewrites the list, so repeated values land on the
  first equal item; the loop is kept verbatim;
* punctuation emphasis (up to four "!" x 0.292; two or three "?" x 0.18,
  more 0.96), the normalisation ``x / sqrt(x**2 + 15)`` and the shares of
  positive, neutral and negative mass, rounded as the reference rounds.

The word lists (negations, boosters, special cases) and the constants are
read from the installed ``vaderSentiment`` module, the lexicon and the emoji
descriptions from the files that package ships (``vader_lexicon.txt``,
``emoji_utf8_lexicon.txt`` next to it, where vaderSentiment itself looks),
parsed as vaderSentiment parses them.  Nothing is downloaded.
``tests/test_sentiment.py`` checks the equality against vaderSentiment.
"""
from __future__ import annotations

import math
import string
from itertools import compress
from operator import attrgetter
from typing import NamedTuple

from analysis.core.resources import MissingResourceError, vader_lexicon_path

__all__ = ["Vader", "emoji_lexicon_path"]

EMOJI_FILE = "emoji_utf8_lexicon.txt"
_PUNCT = string.punctuation
_SO_THIS = ("so", "this")
_OR_NOR = ("or", "nor")



class _Token(NamedTuple):
    """A white-space token's memoised description (see :meth:`Vader._describe`)."""

    item: str               #: the word as scored (punctuation stripped unless that leaves <= 2 characters)
    low: str                #: its lower case
    upper: bool             #: written in upper case
    valence: float | None   #: lexicon valence, None if absent
    booster: float | None   #: booster scalar, None if not a booster
    negates: bool           #: a negation word (or contains "n't")
    scored: bool            #: gets a valence of its own (a lexicon word that is not a booster)


_low = attrgetter("low")
_is_scored = attrgetter("scored")
# the reference's results for texts without any lexicon word (score_valence on all zeros)
_EMPTY = {"neg": 0.0, "neu": 0.0, "pos": 0.0, "compound": 0.0}
_NEUTRAL = {"neg": 0.0, "neu": 1.0, "pos": 0.0, "compound": 0.0}
_ZERO_SUMS = {"_sum": 0.0, "_pos_sum": 0, "_neg_sum": 0, "_n_pos": 0, "_n_neg": 0, "_max": 0.0, "_min": 0.0}


def emoji_lexicon_path():
    """Path of ``emoji_utf8_lexicon.txt``, in the ``vaderSentiment`` package
    folder next to ``vader_lexicon.txt`` (where vaderSentiment opens it)."""
    path = vader_lexicon_path().parent / EMOJI_FILE
    if not path.exists():  # pragma: no cover
        raise MissingResourceError(
            f"VADER's emoji descriptions (vaderSentiment/{EMOJI_FILE}) are missing from the installed "
            "'vaderSentiment' package; reinstall it with `pip install --force-reinstall vaderSentiment==3.3.2`."
        )
    return path


def _read(path) -> str:
    # vaderSentiment reads with codecs.open: no newline translation, so a
    # "\r" stays on the line until the line is stripped
    with open(path, "rb") as fh:
        return fh.read().decode("utf-8")


class _TokenCache(dict):
    """Token -> its description, computed on first sight."""

    def __init__(self, describe):
        super().__init__()
        self._describe = describe

    def __missing__(self, token):
        if len(self) > 500_000:  # bound the memory on endless streams
            self.clear()
        out = self[token] = self._describe(token)
        return out


class Vader:
    """vaderSentiment 3.3.2's ``polarity_scores``, output-identical and faster.

    ``lexicon_file`` / ``emoji_file`` default to the files shipped by the
    ``vaderSentiment`` package."""

    def __init__(self, lexicon_file=None, emoji_file=None):
        from vaderSentiment import vaderSentiment as ref  # the rules' constants; imported on first use only

        self.n_scalar = ref.N_SCALAR
        self.c_incr = ref.C_INCR
        self.boosters = dict(ref.BOOSTER_DICT)
        self.special_cases = dict(ref.SPECIAL_CASES)
        self.negate = frozenset(ref.NEGATE)
        self.lexicon = self._lex_dict(_read(lexicon_file or vader_lexicon_path()))
        self.emojis = self._emoji_dict(_read(emoji_file or emoji_lexicon_path()))
        # only single characters can match: the reference looks up one character at a time
        self._emoji_chars = frozenset(k for k in self.emojis if len(k) == 1)
        self._ascii_has_no_emoji = not any(c.isascii() for c in self._emoji_chars)
        # a special-case idiom or booster n-gram starts with one of these word
        # pairs (first word -> second words); keys of one word never match
        self._idiom_pairs: dict[str, set[str]] = {}
        for key in list(self.special_cases) + list(self.boosters):
            words = key.split(" ")
            if len(words) > 1:
                self._idiom_pairs.setdefault(words[0], set()).add(words[1])
        self._tokens = _TokenCache(self._describe)

    @staticmethod
    def _lex_dict(text: str) -> dict[str, float]:
        lex = {}
        for line in text.rstrip("\n").split("\n"):
            if not line:
                continue
            word, measure = line.strip().split("\t")[0:2]
            lex[word] = float(measure)
        return lex

    @staticmethod
    def _emoji_dict(text: str) -> dict[str, str]:
        out = {}
        for line in text.rstrip("\n").split("\n"):
            emoji, description = line.strip().split("\t")[0:2]
            out[emoji] = description
        return out

    def _describe(self, token: str) -> _Token:
        """What the rules need to know of one white-space token: the word as
        scored (punctuation stripped unless that leaves <= 2 characters), its
        lower case, whether it is upper case, its lexicon valence (None if
        absent), its booster scalar (None if not a booster), whether it
        negates, and whether it gets a valence of its own (a lexicon word
        that is not a booster)."""
        stripped = token.strip(_PUNCT)
        item = token if len(stripped) <= 2 else stripped
        low = item.lower()
        val = self.lexicon.get(low)
        boost = self.boosters.get(low)
        low2 = low.lower()  # vaderSentiment's negated() lower-cases once more
        neg = low2 in self.negate or "n't" in low2
        return _Token(item, low, item.isupper(), val, boost, neg, val is not None and boost is None)

    def _emoji_free(self, text: str) -> str:
        if not isinstance(text, str):
            raise TypeError(f"text must be a str, not {type(text).__name__}")
        if (text.isascii() and self._ascii_has_no_emoji) or self._emoji_chars.isdisjoint(text):
            return text.strip()
        # vaderSentiment's loop: a space before a description unless one is there, none after
        emojis = self.emojis
        text_no_emoji = ""
        prev_space = True
        for chr in text:
            if chr in emojis:
                description = emojis[chr]
                if not prev_space:
                    text_no_emoji += " "
                text_no_emoji += description
                prev_space = False
            else:
                text_no_emoji += chr
                prev_space = chr == " "
        return text_no_emoji.strip()

    def sentiments(self, text: str) -> tuple[list, str]:
        """The per-token valences after every rule (the list vaderSentiment
        hands to ``score_valence``, equal item by item; a sentence without a
        lexicon word keeps int zeros where its "but" rule makes a few 0.0)
        and the emoji-free, stripped text."""
        sentiments, text, _ = self._run(text)
        return sentiments, text

    def _run(self, text: str) -> tuple[list, str, list]:
        """:meth:`sentiments` and the positions of the lexicon words: every
        non-zero valence sits at one of them, the rest are 0.

        Kept whole (about 100 lines): one pass over the tokens, following
        vaderSentiment's ``sentiment_valence`` rule by rule, in the hot loop."""
        text = self._emoji_free(text)
        infos = list(map(self._tokens.__getitem__, text.split()))
        n = len(infos)
        sentiments = [0] * n
        scored = list(compress(range(n), map(_is_scored, infos)))
        if not scored:
            # all valences 0: the "but" rule would only turn some 0 into 0.0
            return sentiments, text, scored
        lows = list(map(_low, infos))
        lex = self.lexicon
        N_SCALAR, C_INCR = self.n_scalar, self.c_incr
        cap_diff = None
        idioms = not self._idiom_pairs.keys().isdisjoint(lows)
        for i in scored:
            t = infos[i]
            low = t.low
            if low == "kind" and i < n - 1 and lows[i + 1] == "of":
                continue
            valence = t.valence
            if low == "no" and i != n - 1 and lows[i + 1] in lex:
                valence = 0.0
            if (i > 0 and lows[i - 1] == "no") or (i > 1 and lows[i - 2] == "no") \
                    or (i > 2 and lows[i - 3] == "no" and lows[i - 1] in _OR_NOR):
                valence = t.valence * N_SCALAR
            if t.upper:
                if cap_diff is None:
                    cap_diff = self._cap_differential(infos)
                if cap_diff:
                    if valence > 0:
                        valence += C_INCR
                    else:
                        valence -= C_INCR
            # the three words before: booster scalars and negation, only for
            # words not in the lexicon
            if i > 0:
                p = infos[i - 1]
                if p.valence is None:
                    s = 0.0
                    if p.booster is not None:
                        if cap_diff is None and p.upper:
                            cap_diff = self._cap_differential(infos)
                        s = self._scalar(p, valence, cap_diff)
                    valence = valence + s
                    if p.negates:
                        valence = valence * N_SCALAR
                if i > 1:
                    p = infos[i - 2]
                    if p.valence is None:
                        s = 0.0
                        if p.booster is not None:
                            if cap_diff is None and p.upper:
                                cap_diff = self._cap_differential(infos)
                            s = self._scalar(p, valence, cap_diff)
                            if s != 0:
                                s = s * 0.95
                        valence = valence + s
                        if lows[i - 2] == "never" and lows[i - 1] in _SO_THIS:
                            valence = valence * 1.25
                        elif lows[i - 2] == "without" and lows[i - 1] == "doubt":
                            pass
                        elif p.negates:
                            valence = valence * N_SCALAR
                    if i > 2:
                        p = infos[i - 3]
                        if p.valence is None:
                            s = 0.0
                            if p.booster is not None:
                                if cap_diff is None and p.upper:
                                    cap_diff = self._cap_differential(infos)
                                s = self._scalar(p, valence, cap_diff)
                                if s != 0:
                                    s = s * 0.9
                            valence = valence + s
                            if (lows[i - 3] == "never" and lows[i - 2] in _SO_THIS) or lows[i - 1] in _SO_THIS:
                                valence = valence * 1.25
                            elif lows[i - 3] == "without" and (lows[i - 2] == "doubt" or lows[i - 1] == "doubt"):
                                pass
                            elif p.negates:
                                valence = valence * N_SCALAR
                            if idioms and self._idiom_near(lows, i):
                                valence = self._special_idioms_check(valence, lows, i)
                # "least" negates, except in "at least" and "very least"
                if lows[i - 1] == "least" and "least" not in lex:
                    if i > 1:
                        if lows[i - 2] != "at" and lows[i - 2] != "very":
                            valence = valence * N_SCALAR
                    else:
                        valence = valence * N_SCALAR
            sentiments[i] = valence
        if "but" in lows:
            self._but_check(lows, sentiments)
        return sentiments, text, scored

    @staticmethod
    def _cap_differential(infos) -> bool:
        n = len(infos)
        allcap_words = sum(1 for t in infos if t.upper)
        return 0 < n - allcap_words < n

    def _scalar(self, t, valence, is_cap_diff) -> float:
        """vaderSentiment's ``scalar_inc_dec`` for a booster token ``t``."""
        scalar = t.booster
        if valence < 0:
            scalar *= -1
        if t.upper and is_cap_diff:
            if valence > 0:
                scalar += self.c_incr
            else:
                scalar -= self.c_incr
        return scalar

    def _idiom_near(self, lows, i) -> bool:
        """Whether an idiom or booster n-gram may start at i-3 .. i (the
        only places :meth:`_special_idioms_check` looks at)."""
        pairs = self._idiom_pairs
        last = len(lows) - 1
        for j in range(i - 3, i + 1):
            if j < last:
                second = pairs.get(lows[j])
                if second is not None and lows[j + 1] in second:
                    return True
        return False

    def _special_idioms_check(self, valence, lows, i):
        special, boosters = self.special_cases, self.boosters
        onezero = "{0} {1}".format(lows[i - 1], lows[i])
        twoonezero = "{0} {1} {2}".format(lows[i - 2], lows[i - 1], lows[i])
        twoone = "{0} {1}".format(lows[i - 2], lows[i - 1])
        threetwoone = "{0} {1} {2}".format(lows[i - 3], lows[i - 2], lows[i - 1])
        threetwo = "{0} {1}".format(lows[i - 3], lows[i - 2])
        for seq in (onezero, twoonezero, twoone, threetwoone, threetwo):
            if seq in special:
                valence = special[seq]
                break
        if len(lows) - 1 > i:
            zeroone = "{0} {1}".format(lows[i], lows[i + 1])
            if zeroone in special:
                valence = special[zeroone]
        if len(lows) - 1 > i + 1:
            zeroonetwo = "{0} {1} {2}".format(lows[i], lows[i + 1], lows[i + 2])
            if zeroonetwo in special:
                valence = special[zeroonetwo]
        for n_gram in (threetwoone, threetwo, twoone):
            if n_gram in boosters:
                valence = valence + boosters[n_gram]
        return valence

    @staticmethod
    def _but_check(lows, sentiments):
        # vaderSentiment's loop: it visits the items in order but rewrites the
        # item index() finds, the first one equal to the visited value
        # (its pop() and insert() at one position are an assignment)
        bi = lows.index("but")
        for k in range(len(sentiments)):
            sentiment = sentiments[k]
            si = sentiments.index(sentiment)
            if si < bi:
                sentiments[si] = sentiment * 0.5
            elif si > bi:
                sentiments[si] = sentiment * 1.5
        return sentiments

    @staticmethod
    def _score_valence(sentiments, text, scored) -> dict:
        """vaderSentiment's ``score_valence``: compound, pos, neu, neg.
        ``scored``: the positions that may hold a non-zero valence."""
        if not sentiments:
            return {"neg": 0.0, "neu": 0.0, "pos": 0.0, "compound": 0.0}
        sum_s = float(sum(sentiments))
        ep_count = text.count("!")
        if ep_count > 4:
            ep_count = 4
        ep_amplifier = ep_count * 0.292
        qm_count = text.count("?")
        qm_amplifier = 0
        if qm_count > 1:
            if qm_count <= 3:
                qm_amplifier = qm_count * 0.18
            else:
                qm_amplifier = 0.96
        punct_emph_amplifier = ep_amplifier + qm_amplifier
        if sum_s > 0:
            sum_s += punct_emph_amplifier
        elif sum_s < 0:
            sum_s -= punct_emph_amplifier

        compound = sum_s / math.sqrt((sum_s * sum_s) + 15)
        if compound < -1.0:
            compound = -1.0
        elif compound > 1.0:
            compound = 1.0
        # positive and negative masses count each word as 1 besides its
        # valence; the zeros elsewhere only add to the neutral count
        pos_sum = 0.0
        neg_sum = 0.0
        n_nonzero = 0
        for i in scored:
            sentiment_score = sentiments[i]
            if sentiment_score > 0:
                pos_sum += (float(sentiment_score) + 1)
                n_nonzero += 1
            if sentiment_score < 0:
                neg_sum += (float(sentiment_score) - 1)
                n_nonzero += 1
        neu_count = len(sentiments) - n_nonzero

        if pos_sum > math.fabs(neg_sum):
            pos_sum += punct_emph_amplifier
        elif pos_sum < math.fabs(neg_sum):
            neg_sum -= punct_emph_amplifier

        total = pos_sum + math.fabs(neg_sum) + neu_count
        pos = math.fabs(pos_sum / total)
        neg = math.fabs(neg_sum / total)
        neu = math.fabs(neu_count / total)
        return {"neg": round(neg, 3), "neu": round(neu, 3), "pos": round(pos, 3), "compound": round(compound, 4)}

    def polarity_scores(self, text: str) -> dict:
        """``neg``, ``neu``, ``pos``, ``compound``: vaderSentiment's dict."""
        sentiments, text, scored = self._run(text)
        if not scored:  # no lexicon word: what score_valence gives for all zeros
            return _NEUTRAL.copy() if sentiments else _EMPTY.copy()
        return self._score_valence(sentiments, text, scored)

    def polarity_scores_with_sums(self, text: str) -> dict:
        """:meth:`polarity_scores` plus the sums of the word valences before
        normalisation: ``_sum``, ``_pos_sum``, ``_neg_sum`` (the int 0 when
        there is none, as in the reference's ``sum([])``), ``_n_pos``,
        ``_n_neg``, ``_max``, ``_min`` (over the valences, 0.0 for a text
        without words) and ``_n_items`` (the number of tokens)."""
        sentiments, text, scored = self._run(text)
        if not scored:
            if sentiments:
                return {**_NEUTRAL, **_ZERO_SUMS, "_n_items": len(sentiments)}
            return {**_EMPTY, **_ZERO_SUMS, "_n_items": 0}
        out = self._score_valence(sentiments, text, scored)
        s = list(map(float, sentiments))
        vals = [s[i] for i in scored]  # in order; every other value is 0.0
        pos = [x for x in vals if x > 0]
        neg = [x for x in vals if x < 0]
        out.update(_sum=sum(s), _pos_sum=sum(pos), _neg_sum=sum(neg), _n_pos=len(pos), _n_neg=len(neg),
                   _max=max(s), _min=min(s), _n_items=len(sentiments))
        return out
