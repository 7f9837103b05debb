"""Imported by the process engine's fork server (``set_forkserver_preload``):
loads every family's resources once (Punkt, the CMU dictionary, the VADER
lexicon, the compiled codebook ...) so that each worker forked from it starts
warm instead of spending seconds loading them again."""
from analysis.pipeline import warm_up

warm_up()
