"""Lesson 04: reductions (exercise sum), compared with PyTorch over shapes, dims, dtypes."""

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

import minitorch
from oracle import Raised, assert_same_outcome, mini, outcome, pair
from strategies import DTYPE_NAMES, arrays, shapes


@st.composite
def dim_arguments(draw, ndim):
    """None, an int or a tuple of ints: mostly valid, sometimes out of range or repeated."""
    span = max(ndim, 1)
    one = st.integers(-span - 1, span)
    return draw(st.one_of(st.none(), one, st.lists(one, max_size=3).map(tuple)))


@pytest.mark.exercise("04", "sum")
@pytest.mark.parametrize("dim, keepdim, expected", [
    (None, False, 21),
    (0, False, [5, 7, 9]),
    (1, False, [6, 15]),
    (1, True, [[6], [15]]),
    (-1, True, [[6], [15]]),
    ((0, 1), False, 21),
    ((0, 1), True, [[21]]),
])
def test_sum_examples(dim, keepdim, expected):
    x = mini(np.array([[1, 2, 3], [4, 5, 6]], np.int32))
    result = minitorch.sum(x, dim, keepdim)
    assert result.dtype is minitorch.int64  # ints add up in int64
    np.testing.assert_array_equal(result._array(), np.array(expected))
    assert result.shape == np.array(expected).shape


@pytest.mark.exercise("04", "sum")
def test_sum_keeps_float_dtypes_and_takes_dtype():
    x = mini(np.array([[1.5, 2.5]], np.float64))
    assert x.sum().dtype is minitorch.float64 and x.sum()._array() == 4.0
    assert mini(np.array([True, True, False])).sum()._array() == 2
    assert x.sum(dtype=minitorch.float32).dtype is minitorch.float32


@pytest.mark.exercise("04", "sum")
@pytest.mark.parametrize("dim, error, message", [
    (2, "IndexError", "Dimension out of range (expected to be in range of [-2, 1], but got 2)"),
    ((0, 0), "RuntimeError", "dim 0 appears multiple times in the list of dims"),
])
def test_sum_errors(dim, error, message):
    assert outcome(lambda: mini(np.zeros((2, 3))).sum(dim)) == Raised(error, message)


@pytest.mark.exercise("04", "sum")
@settings(max_examples=150, deadline=None)
@given(dtype=st.sampled_from(DTYPE_NAMES), data=st.data(), keepdim=st.booleans())
def test_sum_matches_torch(torch, dtype, data, keepdim):
    a = data.draw(arrays(shapes(max_dims=3, max_side=3), dtype))
    dim = data.draw(dim_arguments(a.ndim))
    x, tx = pair(torch, a)
    mine = outcome(lambda: x.sum(dim, keepdim))
    theirs = outcome(lambda: tx.sum(dim, keepdim) if dim is not None else tx.sum())
    if keepdim and dim is None:
        return  # torch.sum(x, None, True) keeps all dims; Tensor.sum() takes no keepdim alone
    assert_same_outcome(mine, theirs, rtol=1e-2 if dtype == "float16" else 1e-5, atol=1e-2)


REDUCTIONS = ["mean", "prod", "std", "var", "all", "any", "norm", "max", "min", "argmax",
              "argmin"]
ONE_DIM_ONLY = {"prod", "max", "min", "argmax", "argmin"}


@settings(max_examples=300, deadline=None)
@given(name=st.sampled_from(REDUCTIONS), dtype=st.sampled_from(DTYPE_NAMES), data=st.data(),
       keepdim=st.booleans())
def test_reductions_match_torch(torch, name, dtype, data, keepdim):
    a = data.draw(arrays(shapes(max_dims=3, max_side=3), dtype,
                         st.floats(-3, 3, width=16 if dtype == "float16" else 32)
                         if dtype.startswith("float") else None))
    if name in ONE_DIM_ONLY:
        dim = data.draw(st.one_of(st.none(), st.integers(-max(a.ndim, 1), max(a.ndim, 1) - 1)))
    else:
        dim = data.draw(dim_arguments(a.ndim))
    if name == "norm" and isinstance(dim, tuple) and len(dim) > 2:
        return  # torch.norm sends 3+ dims to its matrix-norm path (not part of the lesson)
    x, tx = pair(torch, a)
    if dim is None:
        mine, theirs = outcome(getattr(x, name)), outcome(getattr(tx, name))
    else:
        mine = outcome(lambda: getattr(x, name)(dim=dim, keepdim=keepdim))
        theirs = outcome(lambda: getattr(tx, name)(dim=dim, keepdim=keepdim))
    loose = dtype == "float16" or name in ("prod", "std", "var")
    assert_same_outcome(mine, theirs, rtol=2e-2 if loose else 1e-5, atol=2e-2 if loose else 1e-5)


@pytest.mark.parametrize("call", [
    "i.mean()", "i.mean(dtype=torch.float64)", "b.mean()", "i.std()", "i.norm()", "e.max()",
    "e.max(dim=0)", "x.max(dim=(0, 1))", "b.argmax()", "b.sum()", "b.prod()", "u.all()",
    "u.any(0)", "x.std(0, True)", "x.std(True)", "x.var(unbiased=False)",
    "x.var(1, correction=0, keepdim=True)", "x.norm(p=1)", "x.norm(dim=1)", "x.norm(p='nuc')",
    "x.norm(p=float('inf'))", "x.norm(p=0)", "x.norm(p=3, dim=0)", "torch.max(x, 1, True)",
    "torch.max(x, torch.zeros(3))", "torch.min(x, 0)", "x.prod(dim=1)", "x.argmin(1, True)",
    "s.max(0)", "s.sum(0)", "s.argmax(0)", "x.sum(dim=())", "x.sum(dim=[])",
])
def test_reduction_calls_match_torch(torch, call):
    values = {"x": np.array([[0.5, -1.5, 2.0], [3.0, 0.25, -4.0]], np.float32),
              "i": np.array([1, 2, 3]), "b": np.array([True, False]),
              "u": np.array([1, 0, 2], np.uint8), "e": np.zeros((0,), np.float32),
              "s": np.array(3.5, np.float32)}
    mine = outcome(lambda: eval(call, {"torch": minitorch},
                                {k: mini(v) for k, v in values.items()}))
    theirs = outcome(lambda: eval(call, {"torch": torch},
                                  {k: torch.from_numpy(v.copy()) for k, v in values.items()}))
    if getattr(theirs, "kind", None) == "TypeError":
        assert getattr(mine, "kind", None) == "TypeError"  # argument-parser texts differ
    else:
        assert_same_outcome(mine, theirs)


def test_std_of_one_element_warns_like_torch(torch):
    with pytest.warns(UserWarning, match=r"std\(\): degrees of freedom is <= 0"):
        result = mini(np.array([1.0], np.float32)).std()
    assert np.isnan(result._array())


def test_max_with_dim_prints_like_torch(torch):
    a = np.array([[0.2687, 0.3613], [0.7295, 0.6420]], np.float32)
    x, tx = pair(torch, a)
    assert repr(x.max(dim=0)) == repr(tx.max(dim=0))
    assert repr(torch.max(tx, 1, True)) == repr(minitorch.max(x, 1, True))
    values, indices = x.max(dim=1)
    assert x.max(dim=1).values is not None and x.max(dim=1)[1] is not None
    np.testing.assert_array_equal(indices._array(), [1, 0])


def test_max_with_dim_returns_values_and_indices_without_torch():
    x = mini(np.array([[1, 5, 2], [7, 0, 7]]))
    result = x.max(dim=1)
    np.testing.assert_array_equal(result.values._array(), [5, 7])
    np.testing.assert_array_equal(result.indices._array(), [1, 0])  # the first maximum
    assert repr(result).startswith("torch.return_types.max(\nvalues=tensor(")
