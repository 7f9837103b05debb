"""Presentation, above every family and never imported by one: the house
style and publication files of a figure (:mod:`.figures`), one plot module per
family (:mod:`.plots`), the notebooks' prelude and tables (:mod:`.notebook`),
the interactive views of one article (:mod:`.views`) and the report that runs
the notebooks into HTML (:mod:`.report`, with :mod:`.report_paths`,
:mod:`.notebook_runs` and :mod:`.report_html`)."""
