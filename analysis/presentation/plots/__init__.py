"""Plot helpers for the notebooks, one module per family.

Each function takes tidy tables from the library and returns
``(figure, plotted_data)``, so that a notebook cell is one call plus
:func:`analysis.presentation.figures.save_figure`, and the CSV written beside each figure is
exactly what was drawn."""
