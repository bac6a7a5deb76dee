"""Lesson 04: softmax and one_hot (exercises), log_softmax, losses, cartesian_prod, unique."""

import warnings

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

import minitorch
import minitorch.nn.functional as F
from oracle import Raised, assert_same_outcome, mini, outcome, pair
from strategies import arrays, shapes


@pytest.mark.exercise("04", "softmax")
def test_softmax_note_example():
    result = F.softmax(mini(np.array([0.5, 0.7, 0.1], np.float32)), dim=0)
    np.testing.assert_allclose(result._array(), [0.3458, 0.4224, 0.2318], atol=1e-4)
    assert result.dtype is minitorch.float32


@pytest.mark.exercise("04", "softmax")
def test_softmax_is_stable_for_large_values():
    result = F.softmax(mini(np.array([[1000.0, 1000.0], [-1000.0, 0.0]], np.float32)), dim=1)
    np.testing.assert_allclose(result._array(), [[0.5, 0.5], [0.0, 1.0]])


@pytest.mark.exercise("04", "softmax")
@pytest.mark.parametrize("dim", [0, 1, -1])
def test_softmax_rows_sum_to_one(dim):
    x = mini(np.arange(6, dtype=np.float64).reshape(2, 3))
    result = F.softmax(x, dim)
    assert result.dtype is minitorch.float64
    np.testing.assert_allclose(result._array().sum(axis=dim), 1.0)


@pytest.mark.exercise("04", "softmax")
@settings(max_examples=100, deadline=None)
@given(data=st.data(), dtype=st.sampled_from(["float32", "float64", "int64"]))
def test_softmax_matches_torch(torch, data, dtype):
    a = data.draw(arrays(shapes(max_dims=3, max_side=3), dtype))
    dim = data.draw(st.integers(-max(a.ndim, 1), max(a.ndim, 1) - 1))
    x, tx = pair(torch, a)
    assert_same_outcome(outcome(lambda: F.softmax(x, dim)),
                        outcome(lambda: torch.nn.functional.softmax(tx, dim)))
    assert_same_outcome(outcome(lambda: F.log_softmax(x, dim)),
                        outcome(lambda: torch.nn.functional.log_softmax(tx, dim)), atol=1e-4)
    assert_same_outcome(outcome(lambda: x.softmax(dim)), outcome(lambda: tx.softmax(dim)))


@pytest.mark.exercise("04", "softmax")
def test_softmax_without_dim_warns_like_torch(torch):
    a = np.arange(6, dtype=np.float32).reshape(2, 3)
    x, tx = pair(torch, a)
    with warnings.catch_warnings(record=True) as mine_warned:
        warnings.simplefilter("always")
        mine = F.softmax(x)
    with warnings.catch_warnings(record=True) as their_warned:
        warnings.simplefilter("always")
        theirs = torch.nn.functional.softmax(tx)
    assert [str(w.message) for w in mine_warned] == [str(w.message) for w in their_warned]
    assert_same_outcome(mine, theirs)


@pytest.mark.exercise("04", "one_hot")
def test_one_hot_examples():
    result = F.one_hot(mini(np.array([2, 0, 1])))
    assert result.dtype is minitorch.int64
    np.testing.assert_array_equal(result._array(), [[0, 0, 1], [1, 0, 0], [0, 1, 0]])
    wide = F.one_hot(mini(np.array([[1], [0]])), num_classes=4)
    assert tuple(wide.shape) == (2, 1, 4)
    np.testing.assert_array_equal(wide._array(), [[[0, 1, 0, 0]], [[1, 0, 0, 0]]])


@pytest.mark.exercise("04", "one_hot")
@pytest.mark.parametrize("values, num_classes, message", [
    (np.array([1.0]), -1, "one_hot is only applicable to index tensor of type LongTensor."),
    (np.array([-1]), -1, "Class values must be non-negative."),
    (np.array([3]), 2, "Class values must be smaller than num_classes."),
    (np.array([], np.int64), -1, "Can not infer total number of classes from empty tensor."),
])
def test_one_hot_errors(values, num_classes, message):
    assert outcome(lambda: F.one_hot(mini(values), num_classes)) == Raised("RuntimeError", message)


@pytest.mark.exercise("04", "one_hot")
@settings(max_examples=60, deadline=None)
@given(data=st.data(), num_classes=st.integers(-1, 5))
def test_one_hot_matches_torch(torch, data, num_classes):
    a = data.draw(arrays(shapes(max_dims=2, max_side=4), "int64", st.integers(-1, 5)))
    x, tx = pair(torch, a)
    assert_same_outcome(outcome(lambda: F.one_hot(x, num_classes)),
                        outcome(lambda: torch.nn.functional.one_hot(tx, num_classes)))


@pytest.mark.parametrize("call", [
    "F.relu(x)", "F.relu(x, inplace=True)", "F.sigmoid(x)", "F.mse_loss(x, y)", "F.mse_loss(x, y, reduction='sum')",
    "F.mse_loss(x, y, reduction='none')", "F.mse_loss(i, i)", "F.mse_loss(x, y, reduction='x')",
    "F.cross_entropy(x, t)", "F.cross_entropy(x, t, reduction='sum')",
    "F.cross_entropy(x, t, reduction='none')", "F.cross_entropy(x, t, weight=w)",
    "F.cross_entropy(x, t, ignore_index=1)", "F.cross_entropy(x, bad)", "F.cross_entropy(x, y)",
    "F.cross_entropy(x, t.int())", "F.cross_entropy(x, t[:1])", "F.cross_entropy(x[0], t[0])",
    "F.cross_entropy(x, p)", "F.cross_entropy(x, p, weight=w, reduction='sum')",
    "F.log_softmax(x, 1)", "torch.softmax(x, 0)", "torch.log_softmax(x, dim=1)",
    "F.softmax(i, 0)", "F.softmax(i, 1)", "F.softmax(i, 1, dtype=torch.float64)",
    "torch.cartesian_prod(a, b)", "torch.cartesian_prod(a)", "torch.cartesian_prod(a, x)",
    "torch.cartesian_prod(a, a.float())", "torch.cartesian_prod(a, b, a)",
    "torch.unique(u)", "torch.unique(u, return_inverse=True, return_counts=True)",
    "u.unique(return_counts=True)", "torch.unique(m, dim=0)",
])
def test_functional_calls_match_torch(torch, call):
    values = {"x": np.array([[0.5, -1.0, 2.0], [0.1, 0.2, -0.3]], np.float32),
              "y": np.array([[1.0, 0.0, 0.0], [0.0, 1.0, 0.5]], np.float32),
              "i": np.array([[1, 2], [3, 4]]), "t": np.array([2, 1]), "bad": np.array([0, 3]),
              "w": np.array([0.2, 0.3, 0.5], np.float32),
              "p": np.array([[0.2, 0.3, 0.5], [1.0, 0.0, 0.0]], np.float32),
              "a": np.array([1, 2, 3]), "b": np.array([4, 5]),
              "u": np.array([[3, 1], [1, 2]]), "m": np.array([[1, 2], [0, 1], [1, 2]])}

    def run(library, functional, make):
        names = {k: make(v) for k, v in values.items()}
        return outcome(lambda: eval(call, {"torch": library, "F": functional}, names))

    mine = run(minitorch, F, mini)
    theirs = run(torch, torch.nn.functional, lambda v: torch.from_numpy(v.copy()))
    assert_same_outcome(mine, theirs)


@pytest.mark.parametrize("shape", [(1, 3), (3, 2), (4, 4), (2, 3, 2)])
def test_svd_reconstructs_and_matches_singular_values(torch, shape):
    a = np.random.default_rng(0).standard_normal(shape).astype(np.float32)
    x, tx = pair(torch, a)
    for full in (True, False):
        U, S, Vh = minitorch.linalg.svd(x, full_matrices=full)
        tU, tS, tVh = torch.linalg.svd(tx, full_matrices=full)
        assert (U.shape, S.shape, Vh.shape) == (tU.shape, tS.shape, tVh.shape)
        np.testing.assert_allclose(S._array(), tS.numpy(), rtol=1e-5, atol=1e-5)
        k = S.shape[-1]
        rebuilt = (U._array()[..., :k] * S._array()[..., None, :]) @ Vh._array()[..., :k, :]
        np.testing.assert_allclose(rebuilt, a, atol=1e-5)
    U, S, V = minitorch.svd(x)
    assert V.shape == torch.svd(tx).V.shape
    np.testing.assert_allclose((U._array() * S._array()[..., None, :]) @ np.swapaxes(
        V._array(), -1, -2), a, atol=1e-5)


def test_svd_note_example_prints_like_torch(torch):
    """Note 02: the SVD of a 1x3 matrix, printed as torch.return_types.svd."""
    z = np.array([[2.4062, 1.2434, 0.3095]], np.float32)
    x, tx = pair(torch, z)
    assert repr(minitorch.svd(x)) == repr(torch.svd(tx))
    assert repr(minitorch.linalg.svd(x)).startswith("torch.return_types.linalg_svd(\nU=")


def test_svd_of_integers_is_refused_like_torch(torch):
    x, tx = pair(torch, np.array([[1, 2]]))
    assert outcome(lambda: minitorch.svd(x)) == outcome(lambda: torch.svd(tx))
