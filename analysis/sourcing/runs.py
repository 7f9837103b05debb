"""Name runs of quote attribution: the runs of capitalised tokens of an
article that can form a name (built by :func:`analysis.names.runs.name_runs`
with this family's :data:`RULES`), used to complete a surname to the fullest
name the article gives (``Cotler`` -> ``Irwin Cotler``), to strip titles off
a name and to find the last person named before a pronoun."""
from __future__ import annotations

import functools
import itertools
import operator
from bisect import bisect_left
from typing import NamedTuple

from analysis.names import looks_like_organisation
from analysis.names.runs import RunRules, joins, name_runs
from analysis.sourcing.words import DETERMINERS, STOP


class RunName(NamedTuple):
    """The name words of a run (titles and function words dropped)."""
    words: list[str]
    word_set: set[str]
    is_org: bool  # the words look like an organisation's name


@functools.lru_cache(maxsize=8)  # one set of titles per process, in practice
def rules(titles: frozenset[str]) -> RunRules:
    """How quote attribution's name runs join: capitalised words at most one
    character apart, and the full stop of a title (``Mr. Smith``); no
    connectors (``von``), initials or ``of``."""
    return RunRules(max_gap=1, initials=False, titles=titles, connectors=frozenset(), of_heads=frozenset())


class NameRuns:
    """The name runs of one article, found on first use and memoised.

    It reads the article's token lists (shared with
    :class:`~analysis.sourcing.context.ArticleContext`, not copied)."""

    def __init__(self, text: str, strs: list[str], lower: list[str], is_word: list[bool], capitalised: list[bool],
                 starts: list[int], ends: list[int], titles: frozenset[str]):
        self.text = text
        self.strs = strs
        self.lower = lower
        self.is_word = is_word
        self.capitalised = capitalised
        self.starts = starts
        self.ends = ends
        self.titles = titles
        self._rules = rules(titles)
        self._cap: bytes | None = None
        self._name_runs: list[tuple[int, int]] | None = None
        self._runs_by_last: dict[str, list[tuple[int, int]]] = {}
        self._run_words: dict[tuple[int, int], RunName] = {}
        self._fullest: dict[str, str] = {}
        self._cap_positions: dict[str, list[int]] | None = None
        self._cands_by_last: dict[str, list[RunName]] = {}
        self._run_person: dict[int, str | None] = {}
        self._run_starts: list[int] | None = None

    @property
    def cap(self) -> bytes:
        """One byte per token, 1 for a capitalised word (computed on first use)."""
        if self._cap is None:
            self._cap = bytes(map(operator.and_, self.capitalised, self.is_word))
        return self._cap

    def _link(self, j: int) -> bool:
        """Does token ``j + 1`` continue a name run holding token ``j``?  It
        does when it is a capitalised word, or a period after a title followed
        by a capital (``Mr. Smith``), at most one character after token j
        (:func:`analysis.names.runs.joins` with :func:`rules`)."""
        cap = self._cap if self._cap is not None else self.cap
        return joins(self.strs, self.starts, self.ends, cap, j + 1, len(self.strs), self._rules)

    @property
    def name_runs(self) -> list[tuple[int, int]]:
        """Runs of capitalised tokens (token ranges) outside sentence starts
        that can be names; used to complete surnames to full names.  A run
        starts at a capitalised word and goes on while :meth:`_link` holds.
        Computed on first use."""
        if self._name_runs is None:
            self._name_runs = name_runs(self.strs, self.starts, self.ends, self.cap, 0, len(self.strs), self._rules)
        return self._name_runs

    def _run_at(self, k: int) -> tuple[int, int]:
        """The name run holding token ``k``, a capitalised word: the tokens
        linked to it before and after (the same run :attr:`name_runs` has)."""
        a = k
        while a > 0 and self._link(a - 1) and (
                self.capitalised[a - 1] and self.is_word[a - 1]
                # a period is in a run when a capitalised word links to it
                or a > 1 and self.strs[a - 1] == "." and self.capitalised[a - 2] and self.is_word[a - 2] and self._link(a - 2)):
            a -= 1
        e = k
        n = len(self.strs)
        while e + 1 < n and self._link(e):
            e += 1
        return a, e + 1

    def runs_ending_with(self, word: str) -> list[tuple[int, int]]:
        """The name runs whose last word is ``word``, in text order, found
        from the occurrences of ``word`` (no need to build every run)."""
        if word not in self._runs_by_last:
            out = []
            for k in self._capitalised_positions().get(word, ()):  # a run's last word is a capitalised word
                a, b = self._run_at(k)
                last = b - 1
                while not self.is_word[last]:
                    last -= 1  # a run can end in a period (`Mr.`)
                if last == k:
                    out.append((a, b))
            self._runs_by_last[word] = out
        return self._runs_by_last[word]

    def _capitalised_positions(self) -> dict[str, list[int]]:
        """Token positions of every capitalised word, by word, in text order
        (one pass over the tokens, on first use)."""
        if self._cap_positions is None:
            where: dict[str, list[int]] = {}
            for k in itertools.compress(range(len(self.strs)), self.cap):
                where.setdefault(self.strs[k], []).append(k)
            self._cap_positions = where
        return self._cap_positions

    def _candidates_ending_with(self, word: str) -> list[RunName]:
        """The distinct :meth:`_candidate_name` values of the runs ending with
        ``word``, in the order of their first run: the same run words twice
        can never change :meth:`fullest`'s choice, and a long article repeats
        its names thousands of times."""
        if word not in self._cands_by_last:
            seen: dict[tuple, RunName] = {}
            for run in self.runs_ending_with(word):
                cand = self._candidate_name(run)
                seen.setdefault(tuple(cand.words), cand)
            self._cands_by_last[word] = list(seen.values())
        return self._cands_by_last[word]

    def person_name(self, a: int, b: int) -> tuple[str | None, int, int]:
        """The name inside the capitalised tokens [a, b): the tokens after the
        last title word (``Press Secretary Jen Psaki`` -> ``Jen Psaki``)."""
        toks = [k for k in range(a, b) if self.is_word[k]]
        while toks and self.lower[toks[0]] in DETERMINERS:
            toks = toks[1:]
        if not toks:
            return None, a, b
        last_title = -1
        for idx, k in enumerate(toks):
            if self.lower[k] in self.titles:
                last_title = idx
        rest = toks[last_title + 1 :]
        if rest and last_title >= 0:
            toks = rest
        s, e = self.starts[toks[0]], self.ends[toks[-1]]
        return self.text[s:e], toks[0], toks[-1] + 1

    def fullest(self, name: str, before: int) -> str:
        """The longest capitalised run in the article that ends with ``name``'s
        last word and contains all of its words (``Cotler`` -> ``Irwin Cotler``)."""
        if name in self._fullest:
            return self._fullest[name]
        words = name.split()
        if not words:
            return name
        best = name
        n_best = len(words)
        wset = set(words)
        org = looks_like_organisation(words)
        for run_words, run_set, run_org in self._candidates_ending_with(words[-1]):  # the only runs that can match
            if not run_words or len(run_words) <= n_best or len(run_words) > 4 or not wset <= run_set \
                    or run_org != org:
                continue
            best = " ".join(run_words)
            n_best = len(best.split())
        self._fullest[name] = best
        return best

    def _candidate_name(self, run: tuple[int, int]) -> RunName:
        """The words of a name run without leading titles and function words,
        as a list, a set, and whether they look like an organisation."""
        if run not in self._run_words:
            a, b = run
            run_words = [self.strs[k] for k in range(a, b) if self.is_word[k]]
            while run_words and _not_name_start(run_words[0], self.titles):
                run_words = run_words[1:]
            self._run_words[run] = RunName(run_words, set(run_words), looks_like_organisation(run_words))
        return self._run_words[run]

    def last_person_before(self, s: int) -> str | None:
        """The person name (two words or more, not an organisation) of the
        last name run that starts before offset ``s``, or None."""
        if self._run_starts is None:
            self._run_starts = [self.starts[a] for a, _ in self.name_runs]
        for r in range(bisect_left(self._run_starts, s) - 1, -1, -1):
            if r not in self._run_person:
                name, _, _ = self.person_name(*self.name_runs[r])
                ok = name and len(name.split()) >= 2 and not looks_like_organisation(name.split())
                self._run_person[r] = name if ok else None
            if self._run_person[r] is not None:
                return self._run_person[r]
        return None


def _not_name_start(word: str, titles: frozenset[str]) -> bool:
    """A word that cannot start a person's name: a title, an article, a
    function word capitalised at a sentence start, an abbreviation (``U.S.``)."""
    lw = word.lower()
    return lw in titles or lw in DETERMINERS or lw in STOP or "." in word or (word.isupper() and len(word) <= 3)


