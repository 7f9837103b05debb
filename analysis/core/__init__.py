"""The core every family stands on: reading a corpus (:mod:`.corpus`, with
:mod:`.corpus_formats`, :mod:`.wire_layout` and :mod:`.corpus_records`), the one
segmentation of each article (:mod:`.text`, built from :mod:`.punkt`,
:mod:`.sentences`, :mod:`.tokens`, :mod:`.quote_marks` and :mod:`.document`), language resources loaded
explicitly from package dependencies (:mod:`.resources`), the store of derived
tables and cached results (:mod:`.derived`, :mod:`.cache`) and computed
bootstrap intervals (:mod:`.bootstrap`).  Nothing here imports a family."""
