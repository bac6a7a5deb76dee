"""Lesson 04: the exercise gather (lecture note 05), on 2-D and 3-D tensors."""

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

import minitorch
from oracle import Raised, assert_same_outcome, mini, outcome, pair


@pytest.mark.exercise("04", "gather")
def test_gather_2d_examples():
    t = mini(np.array([[1, 2], [3, 4]]))
    index = mini(np.array([[0, 0], [1, 0]]))
    np.testing.assert_array_equal(minitorch.gather(t, 1, index)._array(), [[1, 1], [4, 3]])
    np.testing.assert_array_equal(minitorch.gather(t, 0, index)._array(), [[1, 2], [3, 2]])
    np.testing.assert_array_equal(t.gather(1, mini(np.array([[1], [0]])))._array(), [[2], [3]])


@pytest.mark.exercise("04", "gather")
def test_gather_3d_picks_diagonals():
    """The note's assignment: pick A[i][j][j] with gather on a (2, 3, 3) tensor."""
    A = mini(np.arange(18).reshape(2, 3, 3))
    index = mini(np.array([[[0], [1], [2]], [[0], [1], [2]]]))
    result = minitorch.gather(A, 2, index)
    assert tuple(result.shape) == (2, 3, 1)
    np.testing.assert_array_equal(result._array().reshape(2, 3), [[0, 4, 8], [9, 13, 17]])


@pytest.mark.exercise("04", "gather")
@pytest.mark.parametrize("dim, index, error, message", [
    (1, np.array([[0.0]]), RuntimeError, "gather(): Expected dtype int32/int64 for index"),
    (1, np.array([0]), RuntimeError,
     "Index tensor must have the same number of dimensions as input tensor"),
    (1, np.array([[5]]), RuntimeError, "index 5 is out of bounds for dimension 1 with size 3"),
    (1, np.array([[0], [0], [0]]), RuntimeError,
     "Size does not match at dimension 0 expected index [3, 1] to be no larger than self "
     "[2, 3] apart from dimension 1"),
    (2, np.array([[0]]), IndexError,
     "Dimension out of range (expected to be in range of [-2, 1], but got 2)"),
])
def test_gather_errors(dim, index, error, message):
    result = outcome(lambda: minitorch.gather(mini(np.zeros((2, 3), np.float32)), dim, mini(index)))
    assert result == Raised(error.__name__, message)


@pytest.mark.exercise("04", "gather")
@settings(max_examples=100, deadline=None)
@given(data=st.data(), ndim=st.integers(1, 3))
def test_gather_matches_torch(torch, data, ndim):
    shape = tuple(data.draw(st.lists(st.integers(1, 3), min_size=ndim, max_size=ndim)))
    dim = data.draw(st.integers(-ndim, ndim - 1))
    index_shape = tuple(data.draw(st.integers(0, 4)) for _ in shape)
    source = np.arange(int(np.prod(shape)), dtype=np.float32).reshape(shape)
    index = data.draw(st.integers(-1, 3).map(lambda top: np.minimum(
        np.arange(int(np.prod(index_shape))).reshape(index_shape) % 4, top)))
    (x, tx), (i, ti) = pair(torch, source), pair(torch, index.astype(np.int64))
    assert_same_outcome(outcome(lambda: minitorch.gather(x, dim, i)),
                        outcome(lambda: torch.gather(tx, dim, ti)))
