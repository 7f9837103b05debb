"""Who is who: the one owner of the package's knowledge about names, read
only from ``analysis/data/`` (and the first-name list of gender-guesser).
Used by actors, sourcing and speakers alike; imports nothing above
:mod:`analysis.core.resources`, :mod:`analysis.core.derived` and :mod:`analysis.core.text`,
so that any module may use it.

* :mod:`~analysis.names.words`: name keys, speaker words, organisation words,
  speech verbs, gendered titles, name particles and connectors;
* :mod:`~analysis.names.honorifics`: the title table, titles stripped from a name,
  the apposition after a name;
* :mod:`~analysis.names.parts`: given name and surname, surname-first names;
* :mod:`~analysis.names.countries`: country names, adjectives and nouns for
  their people, for sides, speakers and actor aliases (one file);
* :mod:`~analysis.names.runs`: runs of capitalised tokens that can form a name;
* :mod:`~analysis.names.given_names`: first names with their gender;
* :mod:`~analysis.names.gender`: gender of a person in a text, with its basis;
* :mod:`~analysis.names.affiliation`: the organisation or country a text gives
  next to a name.
"""
from analysis.names.affiliation import (
    affiliation_for_sides,
    affiliation_near,
    clean_word,
    kind_words,
    last_at_or_before,
    phrase_affiliation,
    role_words,
    speaker_affiliation,
    speaker_kind_words,
    title_table,
)
from analysis.names.countries import adjective_forms, country_forms, country_index, country_table, gazetteer_forms
from analysis.names.given_names import first_names
from analysis.names.gender import PersonMentions, first_name_gender, infer_gender, inside_any, sentence_index
from analysis.names.parts import name_parts, surname_first_names
from analysis.names.honorifics import apposition_re, peerage_titles, strip_title, titles
from analysis.names.words import (
    gendered_words,
    looks_like_organisation,
    name_connectors,
    name_particles,
    normalise_name,
    person_cue_verbs,
    speaker_words,
    speech_verbs,
)

__all__ = [
    "normalise_name", "speaker_words", "looks_like_organisation", "speech_verbs", "gendered_words",
    "name_particles", "name_connectors", "person_cue_verbs",
    "titles", "strip_title", "apposition_re", "peerage_titles",
    "name_parts", "surname_first_names",
    "country_forms", "country_index", "adjective_forms", "country_table", "gazetteer_forms",
    "first_names",
    "infer_gender", "first_name_gender", "PersonMentions", "sentence_index", "inside_any",
    "affiliation_near", "affiliation_for_sides", "speaker_affiliation", "phrase_affiliation", "speaker_kind_words", "kind_words",
    "title_table", "role_words", "clean_word", "last_at_or_before",
]
