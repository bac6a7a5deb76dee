"""Lesson 04: broadcasting (exercise broadcast_shape) and broadcast_to/broadcast_shapes."""

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st
from hypothesis.extra import numpy as hnp

import minitorch
from minitorch.ops.broadcast import broadcast_shape
from oracle import Raised, mini, outcome

small_shapes = st.lists(st.integers(0, 4), max_size=4).map(tuple)


@pytest.mark.exercise("04", "broadcast_shape")
@pytest.mark.parametrize("a, b, expected", [
    ((3, 1), (1, 2), (3, 2)),
    ((2, 3), (3,), (2, 3)),
    ((), (4,), (4,)),
    ((), (), ()),
    ((1, 1, 2), (2,), (1, 1, 2)),
    ((5, 1, 4), (3, 1), (5, 3, 4)),
    ((2, 0), (1,), (2, 0)),
])
def test_broadcast_shape_examples(a, b, expected):
    assert tuple(broadcast_shape(a, b)) == expected
    assert tuple(broadcast_shape(b, a)) == expected


@pytest.mark.exercise("04", "broadcast_shape")
@pytest.mark.parametrize("a, b, message", [
    ((2, 3), (4,), "The size of tensor a (3) must match the size of tensor b (4) at "
                   "non-singleton dimension 1"),
    ((2, 3), (3, 3), "The size of tensor a (2) must match the size of tensor b (3) at "
                     "non-singleton dimension 0"),
    # checked from the last dimension backwards: dimension 2 is reported, not 0
    ((2, 1, 3), (5, 1, 4), "The size of tensor a (3) must match the size of tensor b (4) "
                           "at non-singleton dimension 2"),
    ((2,), (0,), "The size of tensor a (2) must match the size of tensor b (0) at "
                 "non-singleton dimension 0"),
])
def test_broadcast_shape_errors(a, b, message):
    assert outcome(lambda: broadcast_shape(a, b)) == Raised("RuntimeError", message)


@pytest.mark.exercise("04", "broadcast_shape")
@settings(max_examples=150, deadline=None)
@given(st.one_of(hnp.mutually_broadcastable_shapes(num_shapes=2, max_dims=4, max_side=4)
                 .map(lambda shapes: shapes.input_shapes),
                 st.tuples(small_shapes, small_shapes)))
def test_broadcast_shape_matches_torch(torch, shapes):
    a, b = shapes
    mine = outcome(lambda: tuple(broadcast_shape(a, b)))
    theirs = outcome(lambda: tuple((torch.empty(a) + torch.empty(b)).shape))
    assert mine == theirs


@pytest.mark.exercise("04", "broadcast_shape")
def test_elementwise_ops_raise_the_broadcast_error():
    assert outcome(lambda: mini(np.zeros((2, 3))) + mini(np.zeros(4))) == Raised(
        "RuntimeError", "The size of tensor a (3) must match the size of tensor b (4) at "
                        "non-singleton dimension 1")


@pytest.mark.exercise("04", "broadcast_shape")
def test_note_03_broadcast_example():
    """Note 03 prints sizes [2, 2], [2] and [[4, 7], [7, 13]]: the real answer is below."""
    x = mini(np.array([[1, 2]], np.float32))
    y = mini(np.array([[3], [5]], np.float32))
    z = x + y
    assert tuple(x.shape) == (1, 2) and tuple(y.shape) == (2, 1)
    np.testing.assert_array_equal(z._array(), [[4, 5], [6, 7]])


@settings(max_examples=60, deadline=None)
@given(st.lists(small_shapes, min_size=1, max_size=3))
def test_broadcast_shapes_matches_torch(torch, shapes):
    mine = outcome(lambda: minitorch.broadcast_shapes(*shapes))
    theirs = outcome(lambda: torch.broadcast_shapes(*shapes))
    if isinstance(theirs, Raised):
        assert mine == theirs
    else:
        assert repr(mine) == repr(theirs)


def test_broadcast_to_is_a_view_with_zero_strides():
    base = mini(np.array([1, 2, 3]))
    view = minitorch.broadcast_to(base, (2, 3))
    assert view.stride() == (0, 1) and tuple(view.shape) == (2, 3)
    assert view._storage is base._storage
    np.testing.assert_array_equal(view._array(), [[1, 2, 3], [1, 2, 3]])


def test_broadcast_to_error_matches_torch(torch):
    mine = outcome(lambda: minitorch.broadcast_to(mini(np.zeros(3)), (4, 2)))
    theirs = outcome(lambda: torch.broadcast_to(torch.zeros(3, dtype=torch.float64), (4, 2)))
    assert mine == theirs
