"""Bootstrap intervals computed without random draws (analysis.core.bootstrap)."""
import math

import numpy as np
import pytest

from analysis.core.bootstrap import EXACT_MAX_N, mean_intervals, share_intervals


def one(values, ci=0.95):
    lo, hi = mean_intervals(np.asarray(values, float), np.array([0]), ci)
    return float(lo[0]), float(hi[0])


def test_exact_small_samples_by_hand():
    # two values: resample means 0, .5, 1 with probabilities 1/4, 1/2, 1/4
    assert one([0.0, 1.0]) == (0.0, 1.0)
    # [0, 0.3, 0.9]: the extreme means (all draws alike) each have 1/27 > 2.5 %
    assert one([0.0, 0.3, 0.9]) == pytest.approx((0.0, 0.9))
    # [0, 3, 6]: the resampled mean is b + 2c for counts (a, b, c); its
    # distribution is 1, 3, 6, 7, 6, 3, 1 (/27) on 0..6, so the 25 % and 75 %
    # quantiles are 2 (cumulative 10/27) and 4 (23/27)
    assert one([0.0, 3.0, 6.0], ci=0.5) == pytest.approx((2.0, 4.0))


def test_shares_are_binomial_quantiles():
    # 1 of 4: Binomial(4, 1/4) has P(0) = .316 and P(<=2) = .949 < .975 <= P(<=3)
    lo, hi = share_intervals(np.array([1, 0, 3]), np.array([4, 5, 1]))
    assert lo[0] == 0.0 and hi[0] == 0.75
    assert lo[1] == 0.0 and hi[1] == 0.0  # no unit has it: every resample has none
    assert math.isnan(lo[2]) and math.isnan(hi[2])  # one unit: no interval


def test_small_values_and_degenerate_groups():
    lo, hi = mean_intervals(np.array([0.3, 0.5, 0.5, 0.5, 7.0, 1.0, 2.0]), np.array([0, 1, 4, 4]))
    assert math.isnan(lo[0]) and math.isnan(hi[0])  # one value
    assert lo[1] == hi[1] == 0.5  # all alike
    assert math.isnan(lo[2])  # empty group
    assert lo[3] < 10 / 3 < hi[3]
    with pytest.raises(ValueError, match="ci"):
        mean_intervals(np.zeros(3), np.array([0]), ci=1.5)


def test_saddlepoint_agrees_with_many_random_resamples():
    rng = np.random.default_rng(7)
    for n in (EXACT_MAX_N + 1, 12, 25, 60):
        x = np.round(np.tanh(rng.normal(0.1, 0.5, n)), 4)  # like VADER compounds
        lo, hi = one(x)
        draws = np.concatenate([x[rng.integers(0, n, (50_000, n))].mean(1) for _ in range(4)])
        mlo, mhi = np.quantile(draws, [0.025, 0.975])
        width = mhi - mlo
        assert abs(lo - mlo) < 0.03 * width and abs(hi - mhi) < 0.03 * width, (n, lo, mlo, hi, mhi)


def test_exact_agrees_with_random_resamples():
    rng = np.random.default_rng(3)
    x = np.array([-0.6, 0.1, 0.25, 0.4, 0.9, -0.2])
    lo, hi = one(x)
    draws = x[rng.integers(0, len(x), (400_000, len(x)))].mean(1)
    mlo, mhi = np.quantile(draws, [0.025, 0.975])
    assert lo == pytest.approx(mlo, abs=0.02) and hi == pytest.approx(mhi, abs=0.02)


def test_groups_are_independent_of_each_other():
    # to the last bit: a paragraph's interval must not depend on which other
    # paragraphs share its batch (many groups of one size once went through
    # one BLAS matrix product, whose kernels depend on the number of rows)
    rng = np.random.default_rng(11)
    sizes = [1, 2, 3, 5, 7, 8, 15, 40] + [7] * 60 + [4] * 60 + [12] * 30
    groups = [np.round(rng.uniform(-1, 1, s), 4) for s in sizes]
    flat = np.concatenate(groups)
    offsets = np.concatenate([[0], np.cumsum(sizes)[:-1]])
    lo, hi = mean_intervals(flat, offsets)
    for i, g in enumerate(groups):
        alone = one(g)
        if math.isnan(alone[0]):
            assert math.isnan(lo[i])
        else:
            assert (lo[i], hi[i]) == alone
        if len(g) > 1:
            assert lo[i] <= g.mean() <= hi[i]


def test_binomial_quantiles_match_scipy_stats():
    from scipy.stats import binom

    from analysis.core.bootstrap import _binom_ppf

    n = np.repeat(np.arange(2, 260), 7).astype(float)
    k = np.concatenate([[0, 1, m // 3, m // 2, m - 1, m, (7 * m) // 8] for m in range(2, 260)]).astype(float)
    for q in (0.005, 0.025, 0.05, 0.25, 0.5, 0.75, 0.95, 0.975, 0.995):
        assert np.array_equal(_binom_ppf(q, n, k / n), binom.ppf(q, n, k / n)), q


def test_normal_cdf_matches_scipy_special():
    from scipy.special import ndtr as scipy_ndtr

    from analysis.core.bootstrap import ndtr

    x = np.concatenate([np.linspace(-37, 37, 20_001), [0.0, -0.0, np.inf, -np.inf]])
    np.testing.assert_allclose(ndtr(x), scipy_ndtr(x), rtol=1e-13, atol=0)
    assert np.isnan(ndtr(np.array([np.nan]))).all()
    assert ndtr(np.array([1.959963984540054]))[0] == pytest.approx(0.975, abs=1e-15)


# --- the Monte Carlo primitives shared by sentiment, sourcing and evaluation


def test_seeded_generator_depends_on_seed_and_key_only():
    import zlib

    from analysis.core.bootstrap import seeded_generator

    a = seeded_generator(7, key=("corpus", "compound")).integers(0, 1000, 5)
    b = np.random.default_rng([7, zlib.crc32(repr(("corpus", "compound")).encode())]).integers(0, 1000, 5)
    assert a.tolist() == b.tolist()
    assert seeded_generator(7).integers(0, 1000, 5).tolist() == np.random.default_rng(7).integers(0, 1000, 5).tolist()
    assert seeded_generator(7, key="x").integers(0, 1000, 5).tolist() != a.tolist()


def test_draw_clusters_shapes_and_range():
    from analysis.core.bootstrap import draw_clusters, seeded_generator

    one = draw_clusters(seeded_generator(1), 4)
    many = draw_clusters(seeded_generator(1), 4, 3)
    assert one.shape == (4,) and many.shape == (3, 4)
    assert set(many.ravel().tolist()) <= {0, 1, 2, 3}


def test_cluster_resamples_take_whole_clusters():
    from analysis.core.bootstrap import cluster_resamples, seeded_generator

    groups = ["a", "a", "a", "b", "c", "c"]  # rows 0-2, 3, 4-5
    blocks = {"a": [0, 1, 2], "b": [3], "c": [4, 5]}
    for idx in cluster_resamples(groups, 20, seeded_generator(3)):
        rows = idx.tolist()
        # three clusters drawn, each with all its rows in order
        taken = []
        while rows:
            g = next(k for k, v in blocks.items() if rows[:len(v)] == v)
            taken.append(g)
            rows = rows[len(blocks[g]):]
        assert len(taken) == 3


def test_cluster_weights_draw_as_many_as_each_stratum_has():
    from analysis.core.bootstrap import cluster_weights, seeded_generator

    strata = [np.array([0, 2, 4]), np.array([1, 3])]
    rng = seeded_generator(5)
    for _ in range(10):
        w = cluster_weights(rng, strata, 5)
        assert w[[0, 2, 4]].sum() == 3 and w[[1, 3]].sum() == 2


def test_percentile_interval():
    from analysis.core.bootstrap import percentile_interval

    reps = np.arange(101.0)  # quantile q is 100 q
    assert percentile_interval(reps, 0.9).tolist() == pytest.approx([5.0, 95.0])
    assert percentile_interval(reps, alpha=0.25).tolist() == [25.0, 75.0]
    two = np.stack([reps, 2 * reps])
    assert percentile_interval(two, 0.5, axis=1).tolist() == [[25.0, 50.0], [75.0, 150.0]]
    with pytest.raises(ValueError):
        percentile_interval(reps, 1.5)
