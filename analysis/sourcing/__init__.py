"""Sourcing balance: every quote in an article, who said it, and whose voices
the coverage carries.

:func:`extract_quotes` finds three kinds of quote, one row each:

``direct``
    Words between quotation marks that stand as the speaker's own sentence(s):
    ``“Confidence is gone with China,” he said.``
``partial``
    A fragment between quotation marks inside the reporter's own sentence:
    ``Hua ... said that Meng was “arbitrarily detained” by Canada``.  A short
    quoted term after a naming phrase (``known as “hostage diplomacy”``,
    ``so-called``; list in ``analysis/data/scare_cues.txt``) is a scare quote,
    not anybody's words, and gives no row.
``indirect``
    Reported speech without quotation marks: the *content* after a cue verb
    (``Psaki said [the US Department of Justice is an independent agency]``,
    ``told a briefing that [...]``, ``confirmed on Monday that [...]``), before
    a final attribution (``[...], officials said.``) or around ``according to
    X``.  The cue verbs are the reviewed list ``analysis/data/speech_verbs.txt``.
    A partial quote inside an indirect quote also gets its own ``partial`` row
    (``parent_quote_id`` points to the indirect row).

How quotation marks are paired (per paragraph, on :attr:`Document.quote_text`,
with the curly direction read from the original text): a mark opens when no
quote is open and closes the open one otherwise, with the irregular forms of
real copy handled explicitly: a closing ``”`` with no opener opens the quote at
the paragraph start; an opening ``“`` used as a closer (followed by the end of
the paragraph or punctuation, or glued to the preceding word) closes; a space
before the closing mark is allowed; a quote left open at the end of a paragraph
ends there, and when the next paragraph opens with a mark it continues there
(wire style), the continuation carrying the speaker over.  NYT-style doubled
apostrophes (``''``) count as double marks.

How a speaker is found: outside the quotation marks, each cue verb's subject
is read backwards from the cue (``Chinese Foreign Ministry spokeswoman Hua
Chunying slammed``; appositions ``Irwin Cotler, a former ... minister, said``
and ``A ... newspaper, the Global Times, reported``) or forwards after it
(``,” said Garneau``; ``according to X``; ``..., saying ...`` takes the
subject of the sentence).  A direct quote takes the attribution next to it
(after the closing mark, else before the opening mark), else any other one in
its paragraph (``explicit``); a paragraph of quotation without an attribution
of its own takes the speaker of the previous paragraph, or failing that of the
quotation paragraph right after it (``carried-over``).  A partial quote with
no cue in its sentence takes the sentence's subject when that is a name or a
pronoun ("She tried to rally supporters by wondering aloud “why ...”"); a
short one (at most 4 words) with no speaker in its sentence is a scare quote
or a title and gives no row.
Pronouns (``he said``) are resolved to the most recent earlier named speaker
whose gender fits (``pronoun``).  Names are completed to the fullest form the
article gives (``Cotler`` -> ``Irwin Cotler``) and linked to the actor
codebook through :func:`analysis.actors.codebook.resolve_actor` for ``actor_id``,
``side``, ``kind`` and ``gender``; unknown speakers keep their name.

``confidence`` is an ordinal score in 0..1 set by rule from how the quote and
its speaker were found: 0.9 an attribution next to the quotation marks, 0.8
in the same sentence, 0.7 elsewhere in the paragraph (0.1 less for a pronoun
and for irregular marks), 0.7 an indirect quote (0.6 with a pronoun), 0.5 a
carried-over speaker, 0.4-0.45 a partial quote without a cue, 0.2 no speaker.
It is not a calibrated probability; the README reports the measured speaker
accuracy per attribution type (explicit and pronoun about 95%, carried-over
under 50% on PolNeAR), which is the better guide.

Known failure modes: no part-of-speech tagger is used, so subjects that are
long common noun phrases may be cut short; nested attributions inside an
indirect quote are not extracted; single quotation marks are read as quotes
only in articles that use no double marks at all (British style).

Validation (``python benchmarks/sourcing_validation.py``): PolNeAR
development half; numbers in the README.

The modules, in the order of the steps:

* :mod:`~analysis.sourcing.words` the word lists the rules read (loaders and
  closed classes of function words);
* :mod:`~analysis.sourcing.marks` quotation marks: pairing, irregular marks,
  quotes over paragraphs, direct/partial/scare;
* :mod:`~analysis.sourcing.context` the per-article token state;
  :mod:`~analysis.sourcing.runs` its name runs;
* :mod:`~analysis.sourcing.phrases` and :mod:`~analysis.sourcing.frames`
  attribution frames: cue verbs and speaker phrases;
* :mod:`~analysis.sourcing.resolve` speaker resolution: names, pronouns,
  carried-over speakers; :mod:`~analysis.sourcing.linking` the codebook link;
* :mod:`~analysis.sourcing.indirect` indirect speech;
* :mod:`~analysis.sourcing.attribute` which frame speaks each quote, the
  rows of one article; :mod:`~analysis.sourcing.table` :func:`extract_quotes`;
* :mod:`~analysis.sourcing.balance` the share-of-voice statistics;
* :mod:`~analysis.sourcing.cli` ``python -m analysis quotes``.
"""
from analysis.names import speech_verbs
from analysis.sourcing.balance import quote_positions, source_diversity, sourcing_balance, voice_directness
from analysis.sourcing.cli import add_cli_arguments, cli_table
from analysis.sourcing.table import ATTRIBUTIONS, KINDS, QUOTE_COLUMNS, extract_quotes

__all__ = [
    "QUOTE_COLUMNS",
    "KINDS",
    "ATTRIBUTIONS",
    "extract_quotes",
    "sourcing_balance",
    "voice_directness",
    "source_diversity",
    "quote_positions",
    "speech_verbs",
    "add_cli_arguments",
    "cli_table",
]
