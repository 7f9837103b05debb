"""Imported by the process engine's fork server (``set_forkserver_preload``,
:data:`analysis.pipeline.workers.PRELOAD_MODULE`): loads every family's
resources once (Punkt, the CMU dictionary, the VADER lexicon, the compiled
codebook ...) so that each worker forked from it starts warm instead of
spending seconds loading them again.  What it loaded is then frozen out of
the garbage collector's view (:func:`~analysis.pipeline.warm.freeze_resources`)."""
from analysis.pipeline.warm import freeze_resources, warm_up

warm_up()
freeze_resources()
