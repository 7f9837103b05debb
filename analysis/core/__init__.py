"""The core every family stands on: reading a corpus (:mod:`.corpus`), the one
segmentation of each article (:mod:`.text`), language resources loaded
explicitly from package dependencies (:mod:`.resources`), the store of derived
tables and cached results (:mod:`.derived`, :mod:`.cache`) and computed
bootstrap intervals (:mod:`.bootstrap`).  Nothing here imports a family."""
