"""Lesson 02: the pure index functions (contiguous_strides, element_offset,
view_strides), checked by hand and against the strides PyTorch computes."""

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

import minitorch
from minitorch.strides import contiguous_strides, element_offset, view_strides
from strategies import LESSON02_STEPS, reshape_targets, view_recipes


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


# -- element_offset ----------------------------------------------------------------------
@pytest.mark.exercise("02", "element_offset")
@pytest.mark.parametrize("index, strides, offset, expected", [
    ((1, 2), (3, 1), 0, 5),
    ((1, 2), (1, 2), 4, 9),
    ((), (), 7, 7),
    ((0, 0, 0), (12, 4, 1), 0, 0),
    ((1, 2, 3), (12, 4, 1), 0, 23),
    ((2, 5), (0, 1), 3, 8),
])
def test_element_offset_examples(index, strides, offset, expected):
    assert element_offset(index, strides, offset) == expected


@pytest.mark.exercise("02", "element_offset")
@settings(max_examples=40)
@given(view_recipes(kinds=LESSON02_STEPS), st.data())
def test_element_offset_finds_torch_elements(torch, recipe, data):
    view = recipe.replay(torch)
    if view.numel() == 0:
        return
    index = tuple(data.draw(st.integers(0, size - 1)) for size in view.shape)
    flat = view.untyped_storage()
    position = element_offset(index, view.stride(), view.storage_offset())
    storage = torch.tensor([], dtype=view.dtype).set_(flat)
    assert storage[position].item() == view[index].item()


# -- view_strides ------------------------------------------------------------------------
@pytest.mark.exercise("02", "view_strides")
@pytest.mark.parametrize("shape, strides, new_shape, expected", [
    ((2, 3), (3, 1), (3, 2), (2, 1)),
    ((2, 3), (3, 1), (6,), (1,)),
    ((2, 3), (3, 1), (1, 6, 1), (6, 1, 1)),
    ((3, 2), (1, 3), (6,), None),
    ((3, 2), (1, 3), (3, 1, 2), (1, 6, 3)),
    ((3, 2), (1, 3), (3, 2, 1), (1, 3, 3)),
    ((2, 3, 4), (12, 1, 3), (6, 4), None),
    ((2, 3, 4), (12, 1, 3), (2, 3, 2, 2), (12, 1, 6, 3)),
    ((4, 2), (2, 1), (2, 2, 2), (4, 2, 1)),
    ((2, 2), (4, 1), (4,), None),
    ((2, 2), (4, 1), (2, 1, 2), (4, 2, 1)),
    ((3, 4), (0, 1), (12,), None),
    ((3, 4), (0, 1), (3, 2, 2), (0, 2, 1)),
    ((), (), (1, 1), (1, 1)),
    ((1,), (1,), (), ()),
    ((0, 3), (3, 1), (3, 0), (1, 1)),
    ((0, 3), (1, 1), (0, 3), (1, 1)),
])
def test_view_strides_examples(shape, strides, new_shape, expected):
    assert view_strides(shape, strides, new_shape) == expected


@pytest.mark.exercise("02", "view_strides")
@settings(max_examples=80, deadline=None)
@given(view_recipes(max_steps=3, kinds=LESSON02_STEPS), st.data())
def test_view_strides_agree_with_torch_view(torch, recipe, data):
    view = recipe.replay(torch)
    target = data.draw(reshape_targets(tuple(view.shape)))
    target = tuple(view.numel() // max(1, -int(np.prod(target))) if s == -1 else s
                   for s in target)
    try:
        expected = view.view(target).stride()
    except RuntimeError:
        expected = None
    assert view_strides(tuple(view.shape), view.stride(), target) == expected
