"""The words the quote rules read: loaders of the reviewed lists in
``analysis/data/`` (scare cues, page labels) and the closed classes of
function words the rules test (pronouns, determiners, auxiliaries, stop words,
time words).

Who-is-who knowledge (speech verbs, gendered titles, name particles, speaker
and organisation words) is not kept here: it is read from :mod:`analysis.names`.
"""
from __future__ import annotations

import functools
import re

from analysis.names import name_particles, speaker_words, speech_verbs
from analysis.names.runs import MONTH_NAMES
from analysis.core.resources import read_sections, read_word_list

@functools.cache
def cue_words() -> frozenset[str]:
    """The words that can start an attribution frame: cue forms and ``according``."""
    return frozenset(speech_verbs()) | {"according"}


@functools.cache
def word_unions() -> dict[str, frozenset[str]]:
    """Unions of the speaker word lists tested often (built once, not per test)."""
    titles, nouns = speaker_words()
    return {
        "titles_abbr": titles | {"u.s", "st", "jr"},
        "titles_nouns": titles | nouns,
        "titles_nouns_stop": titles | nouns | STOP,
        "not_name": DETERMINERS | titles | nouns,
    }


@functools.cache
def source_documents() -> frozenset[str]:
    """Nouns of documents and records that can be the source of reported
    content (``records show``, ``emails showed``), ``source_documents.txt``."""
    return frozenset(read_word_list("source_documents.txt"))


# the tags of a cue of intention, decision or refusal: a stance whose content is its infinitive
INTENT_TAGS = frozenset({"stance", "to", "intent"})


@functools.cache
def intent_verbs() -> dict[str, tuple[str, frozenset[str]]]:
    """Cue form -> (lemma, tags) of the verbs of intention, decision and
    refusal that take a to-infinitive (``declined``, ``refused``),
    ``intent_verbs.txt``; every class of the file gets :data:`INTENT_TAGS`."""
    out = {}
    for lines in read_sections("intent_verbs.txt").values():
        for line in lines:
            forms = line.split()
            for form in forms:
                out[form.lower()] = (forms[0].lower(), INTENT_TAGS)
    return out


@functools.cache
def headline_nouns() -> frozenset[str]:
    """Cue forms that a title-case headline uses as nouns (``Poll Reports``,
    ``United States``), ``headline_nouns.txt``."""
    return frozenset(read_word_list("headline_nouns.txt"))


@functools.cache
def nominal_cues() -> dict[str, frozenset[str]]:
    """Nominal cue noun form -> the words that may open its content
    (``claims`` -> ``that``, ``about``), from ``nominal_cues.txt``."""
    out = {}
    for line in read_word_list("nominal_cues.txt"):
        forms, _, openers = line.partition("|")
        for form in forms.split():
            out[form.lower()] = frozenset(openers.split())
    return out


@functools.cache
def scare_cues() -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(p.lower().split()) for p in read_word_list("scare_cues.txt"))


@functools.cache
def scare_cues_by_last() -> dict[str, list[tuple[str, ...]]]:
    """The scare cues by their last word (a cue must end the words before the mark)."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for cue in scare_cues():
        out.setdefault(cue[-1], []).append(cue)
    return out


PRONOUNS = {"he": "male", "she": "female", "they": None, "it": None, "we": None, "i": None}
DETERMINERS = {
    "the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "this", "that", "these",
    "those", "two", "three", "four", "several", "many", "some", "other", "another", "one", "both",
    "most", "few", "all",
}
# words skipped between a subject and its cue verb
AUX_ADV = {
    "also", "has", "had", "have", "will", "would", "could", "may", "might", "should", "later", "then",
    "again", "previously", "once", "further", "recently", "earlier", "reportedly", "repeatedly",
    "flatly", "publicly", "privately", "simply", "first", "last", "is", "was", "were", "are",
    "already", "often", "still", "never", "even", "just", "now", "in", "turn", "separately",
    "on", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday", "today",
    "tonight", "morning", "afternoon", "evening", "night",
}
# words that never belong to a speaker noun phrase
STOP = {
    "and", "or", "but", "that", "which", "who", "whom", "when", "where", "while", "as", "because",
    "if", "than", "to", "in", "on", "at", "by", "with", "from", "into", "about", "after", "before",
    "is", "was", "were", "are", "be", "been", "being", "has", "have", "had", "not", "no", "so",
    "what", "how", "why", "there", "here", "it", "he", "she", "they", "we", "i", "you", "him",
    "them", "said", "says", "say", "also", "do", "did", "does", "would", "will", "can", "could",
    "since", "though", "although", "however", "whether", "yet", "then", "again", "until",
}
NAME_JOINERS = name_particles()
NEGATORS = {"not", "n't", "never", "declined", "refused", "decline", "refuse"}
VERBISH = {"is", "was", "were", "are", "had", "has", "have", "would", "will", "could", "should", "did", "does",
            "do", "can", "may", "might", "must", "'s", "’s"}
# words after a stance cue that open a clause or an infinitive, not an object
# past-tense verbs without -ed (a speaker after a quotation: "," Smith wrote): the
# reviewed list irregular_verb_forms.txt, and two forms it leaves out because
# they are nouns too ("read", "put"), which after a name are verbs
IRREGULAR_PAST = frozenset(read_word_list("irregular_verb_forms.txt")) | {"read", "put"}
# conjunctions and adverbs that may open a sentence before its subject ("But the minister ...")
SENTENCE_OPENERS = frozenset({"but", "and", "yet", "still", "meanwhile", "instead", "so", "then", "now", "later"})
CLAUSE_OPENERS = frozenset({"to", "that", "whether", "if", "how", "why", "what", "when", "where", "who", ":"})
NUMBER_WORDS = frozenset({"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"})
# nouns that make a compound noun with a stance cue before them ("think tank", "show trial")
COMPOUND_HEADS = frozenset({"tank", "tanks", "piece", "pieces", "trial", "trials", "host", "hosts", "business"})
# forms of "be": before a past participle they make it passive ("was endorsed")
BE_FORMS = frozenset({"is", "was", "were", "are", "be", "been", "being", "'s", "’s"})
# a participle cue after these takes the sentence's subject ("a statement saying")
PARTICIPLE_AFTER = {"and", "before", "after", "while", "when", "by", "in", "statement", "message", "tweet",
                     "letter", "post", "email", "e-mail", "note", "release", "video", "ad", "interview", "speech",
                     "report", "remarks", "comments", "memo", "op-ed", "column", "posting", "filing"}
# after "that": a relative clause, not reported content
RELATIVE_NEXT = {"was", "is", "were", "are", "has", "had", "have", "will", "would", "could", "can", "includes",
                  "included", "said", "says", "appeared", "ran"}
# a cue followed by one of these has an adverbial after it, not content
ADVERBIAL_START = {"in", "at", "during", "on", "as", "after", "before", "while", "when", "for", "from", "with",
                    "to", "about", "of", "through", "via", "over", "under", "following", "answering",
                    "responding", "speaking", "referring", "adding", "earlier", "later", "afterward",
                    "afterwards", "then", "again", "recently", "by", "outside",
                    "inside", "alongside", "onstage", "here", "there", "privately", "publicly"}
STOP_OR_ADVERBIAL = frozenset(STOP | ADVERBIAL_START)
# words that end the object phrase of a stance cue (``endorsed [Cruz] last week``)
OBJECT_STOP = frozenset({
    "last", "this", "next", "earlier", "later", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
    "sunday", "yesterday", "today", "tonight", "because", "while", "when", "after", "before", "as", "since",
    "although", "though", "despite", "even", "but", "which", "who", "whose", "until", "if", "amid", "unless",
    "whereas", "so", "yet"})
# prepositions: a phrase right after one is their object, not a subject
PREPOSITIONS = frozenset({"to", "of", "in", "on", "at", "by", "with", "from", "into", "about", "for", "over", "under",
                         "through", "among", "than", "like", "against", "without", "within"})
# a possessive pronoun and the subject pronoun of its owner ("his claims" -> he)
POSSESSIVE_SUBJECT = {"his": "he", "her": "she", "their": "they", "its": "it"}
# prepositions that open a time or occasion adverbial ("in early June", "at a rally")
TIME_PREPOSITIONS = frozenset({"in", "on", "at", "during", "over", "through"})
MONTHS = frozenset(m.lower() for m in MONTH_NAMES)  # "in early June", "on Sept. 3"
# nouns of the occasions where things are said ("at a rally", "in an interview")
OCCASIONS = frozenset({"rally", "debate", "event", "meeting", "hearing", "fundraiser", "town", "summit",
                       "convention", "forum", "appearance", "op-ed", "letter", "address", "session", "campaign",
                       "visit", "tour", "stop", "primary", "caucus", "caucuses", "primaries", "election", "race"})
JOINERS_OF = frozenset(NAME_JOINERS | {"of", "for"})
JOINERS_OF_POSS = frozenset(NAME_JOINERS | {"of", "for", "'s", "’s"})
WORD_RE = re.compile(r"\w+")
ALNUM_RE = re.compile(r"[^\W_]")  # a character for which str.isalnum() is true
HYPHEN_WORD_RE = re.compile(r"[\w-]+")
SENT_END_RE = re.compile(r"[.!?]")
SENT_END = {".", "!", "?"}
TIME_WORDS = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday",
    "today", "tonight", "earlier", "later", "recently", "last", "this", "week", "month", "year",
    "morning", "afternoon", "evening", "night", "day", "on", "in", "at", "during", "after",
    "before", "a", "an", "the", "statement", "interview", "written", "email", "e-mail",
    "emailed", "telephone", "phone", "news", "conference", "briefing", "press", "speech",
    "tweet", "post", "late", "early", "previously", "also", "again", "repeatedly", "publicly",
    "privately", "ago", "days", "weeks", "months", "years", "recent", "separate", "joint",
    "via", "through", "by", "over", "his", "her", "its", "their", "told", "reporters",
}



@functools.cache
def page_furniture() -> dict[str, frozenset[str]]:
    """Page furniture of scraped pages, ``analysis/data/page_furniture.txt``, by
    section: photo-credit words (``credit``), caption or link labels opening a
    line (``label``) and labels that look like ``Name:`` (``colon label``:
    ``PUBLISHED:``), none of them a speaker."""
    return {section: frozenset(w.lower() for w in words) for section, words in read_sections("page_furniture.txt").items()}


@functools.cache
def page_labels() -> frozenset[str]:
    """Page furniture that looks like ``Name:`` (``PUBLISHED:``), not a speaker."""
    return page_furniture()["colon label"]
