"""Actors: who appears in the coverage, how often, how prominently, with whom.

* :mod:`~analysis.actors.sides`: the sides of a story and the names that speak for each;
* :mod:`~analysis.actors.codebook`: the reviewable actor codebook (who counts as whom);
* :mod:`~analysis.actors.lexicon`: the reference lists discovery reads;
* :mod:`~analysis.actors.runs`: candidate names (runs of capitalised words) in a sentence;
* :mod:`~analysis.actors.classify`: the rules that label a candidate person, organisation or place;
* :mod:`~analysis.actors.discovery`: people, organisations and places the codebook lacks, per article;
* :mod:`~analysis.actors.aliases`: names of one actor merged (``UK``, ``Britain``);
* :mod:`~analysis.actors.mentions`: every mention of every actor (:func:`find_mentions`);
* :mod:`~analysis.actors.candidates`: candidate actors over a corpus, to review;
* :mod:`~analysis.actors.frequency`: frequency, prominence and co-occurrence tables;
* a draft codebook for a new corpus (the ``codebook`` command) reads actors and quotes, so it stands above both families: :mod:`analysis.codebook_draft`;
* :mod:`~analysis.actors.cli`: the ``actors`` command.

Who-is-who knowledge (titles, name parts, gender evidence, affiliations)
lives in :mod:`analysis.names`, shared with sourcing.
"""
from analysis.actors.candidates import discover_actors
from analysis.actors.codebook import load_codebook
from analysis.actors.discovery import discover_entities
from analysis.actors.frequency import (
    actor_frequency,
    actor_table,
    cooccurrence,
    counted_mentions,
    mentions_without_adjectives,
    prominence,
)
from analysis.actors.mentions import MATCH_TYPES, MENTION_COLUMNS, compile_codebook, expand_groups, find_mentions
from analysis.actors.sides import load_sides

__all__ = [
    "find_mentions",
    "expand_groups",
    "actor_frequency",
    "prominence",
    "cooccurrence",
    "actor_table",
    "counted_mentions",
    "mentions_without_adjectives",
    "compile_codebook",
    "discover_actors",
    "discover_entities",
    "load_codebook",
    "load_sides",
    "MENTION_COLUMNS",
    "MATCH_TYPES",
]
