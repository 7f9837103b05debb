"""Who-is-who knowledge owned by analysis.names: the word lists it loads from
analysis/data/, the country table and the name runs shared by actors and
sourcing."""
from analysis.names import name_connectors, name_particles, person_cue_verbs, speech_verbs


def test_particles_and_connectors_come_from_one_tagged_file():
    # both uses
    assert {"von", "de", "bin", "al"} <= name_particles() & name_connectors()
    # particles only: they stay with a surname but never joined discovery's runs
    assert {"ibn", "mc", "st"} <= name_particles() - name_connectors()
    # connectors only
    assert {"&", "y", "dos", "das", "ter"} <= name_connectors() - name_particles()
    assert len(name_particles()) == 19 and len(name_connectors()) == 21


def test_person_cues_are_a_section_of_the_speech_verb_file():
    cues = person_cue_verbs()
    assert len(cues) == 26 and {"said", "told", "believes", "thinks"} <= cues
    # beliefs are person cues but not quote cues
    assert "believes" not in speech_verbs() and "thinks" not in speech_verbs()
    # the section is not read as quote cues, and the quote cues are all there
    assert speech_verbs()["said"] == ("say", frozenset())
    assert speech_verbs()["told"][1] == frozenset({"obj"})
    assert "wondering" in speech_verbs() and len(speech_verbs()) == 331
