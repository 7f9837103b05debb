"""``python -m analysis.pipeline CORPUS --out DIR``: see :mod:`analysis.pipeline.cli`."""
import sys

from analysis.pipeline.cli import main

sys.exit(main())
