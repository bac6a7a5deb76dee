"""Hidden tests of lesson 02 (instructor only; run by ``minitorch-course grade 02``)."""

import pytest

from minitorch.strides import contiguous_strides


@pytest.mark.exercise("02", "contiguous_strides")
@pytest.mark.parametrize("shape, strides", [
    ((7,), (1,)),
    ((4, 5), (5, 1)),
    ((2, 3, 4, 5), (60, 20, 5, 1)),
    ((1, 1, 1), (1, 1, 1)),
    ((3, 0), (1, 1)),
    ((0, 2, 3), (6, 3, 1)),
])
def test_contiguous_strides_hidden(shape, strides):
    assert contiguous_strides(shape) == strides


@pytest.mark.exercise("02", "contiguous_strides")
def test_contiguous_strides_returns_a_tuple_of_ints():
    strides = contiguous_strides([2, 3])
    assert isinstance(strides, tuple) and all(type(s) is int for s in strides)
