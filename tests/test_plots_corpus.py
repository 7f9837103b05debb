"""analysis.presentation.plots.corpus: the corpus views (over time, by outlet)."""
from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from analysis.presentation.plots import corpus as corpus_plots


def test_articles_over_time_fills_empty_months():
    arts = pd.DataFrame({"date": ["2020-01-05", "2020-03-01", "2020-03-20", None, "2020-02"]})
    fig, data = corpus_plots.articles_over_time(arts)
    plt.close(fig)
    assert data.to_dict("list") == {"period": ["2020-01", "2020-02", "2020-03"], "articles": [1, 1, 2]}


def test_articles_over_time_needs_dates():
    with pytest.raises(ValueError, match="usable date"):
        corpus_plots.articles_over_time(pd.DataFrame({"date": [None, None]}))


def test_outlet_profile_means_and_intervals():
    scored = pd.DataFrame({
        "outlet": ["A", "A", "B", "B", "B", "C"],
        "flesch_kincaid_grade": [10.0, 12.0, 8.0, 9.0, 10.0, 20.0],
        "mean_compound": [0.1, 0.3, -0.2, 0.0, 0.2, 0.9],
    })
    fig, data = corpus_plots.outlet_profile(scored)
    plt.close(fig)
    assert data["outlet"].tolist() == ["B", "A"]  # C has one article: left out; sorted by grade
    a = data.set_index("outlet").loc["A"]
    assert a["flesch_kincaid_grade"] == pytest.approx(11.0)
    assert a["mean_compound"] == pytest.approx(0.2)
    # sd of (10, 12) = sqrt(2); se = 1; 95% interval = 11 ± 1.96
    assert a["flesch_kincaid_grade_low"] == pytest.approx(11 - 1.96)
    assert a["articles"] == 2
