"""Lesson 02: strides of contiguous tensors."""

import pytest
from hypothesis import given, strategies as st

import minitorch
from minitorch.strides import contiguous_strides


@pytest.mark.exercise("02", "contiguous_strides")
@pytest.mark.parametrize("shape, strides", [
    ((2, 3, 4), (12, 4, 1)),
    ((5,), (1,)),
    ((), ()),
    ((3, 1, 2), (2, 2, 1)),
    ((2, 0, 3), (3, 3, 1)),
])
def test_contiguous_strides_examples(shape, strides):
    assert contiguous_strides(shape) == strides


@pytest.mark.exercise("02", "contiguous_strides")
@given(st.lists(st.integers(0, 5), max_size=5))
def test_contiguous_strides_match_torch(torch, shape):
    assert contiguous_strides(tuple(shape)) == torch.empty(shape).stride()


def test_size_prints_like_torch(torch):
    assert repr(minitorch.Size([2, 3])) == repr(torch.Size([2, 3]))
    assert repr(minitorch.Size([])) == repr(torch.Size([]))
