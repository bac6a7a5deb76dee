"""Lesson 02: view, reshape, transpose and is_contiguous on tensors — same shapes,
strides and offsets as PyTorch, shared memory for views, copies only where PyTorch
copies, and PyTorch's error messages."""

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

import minitorch
from same import assert_same, raises
from strategies import LESSON02_STEPS, permutations, reshape_targets, shapes, view_recipes


def arange(library, *shape):
    return library.arange(int(np.prod(shape))).view(*shape) if shape else library.tensor(0)


def shares_memory(a, b):
    return a.numel() > 0 and np.shares_memory(a.numpy(), b.numpy())


# -- view ----------------------------------------------------------------------------------
@pytest.mark.exercise("02", "view")
def test_view_example():
    x = minitorch.arange(6)
    y = x.view(2, -1)
    assert y.shape == (2, 3) and y.stride() == (3, 1)
    y[0, 0] = 100
    assert x[0].item() == 100


@pytest.mark.exercise("02", "view")
@pytest.mark.parametrize("shape", [(3, 2), ((3, 2),), ([3, 2],), (-1,), (6, 1), (1, -1, 2)])
def test_view_shape_forms_match_torch(torch, shape):
    assert_same(arange(minitorch, 2, 3).view(*shape), arange(torch, 2, 3).view(*shape),
                layout=True)


@pytest.mark.exercise("02", "view")
@pytest.mark.parametrize("make, shape", [
    (lambda lib: arange(lib, 2, 3).t(), (6,)),
    (lambda lib: arange(lib, 2, 3), (4,)),
    (lambda lib: arange(lib, 2, 3), (-1, -1)),
    (lambda lib: arange(lib, 2, 3), (-1, 4)),
    (lambda lib: lib.zeros(0, 2), (0, -1)),
    (lambda lib: arange(lib, 4, 6)[:, 1:4], (12,)),
])
def test_view_errors_match_torch(torch, make, shape):
    with raises(RuntimeError) as theirs:
        make(torch).view(*shape)
    with raises(RuntimeError) as mine:
        make(minitorch).view(*shape)
    assert str(mine.value) == str(theirs.value)


@pytest.mark.exercise("02", "view")
def test_view_of_a_transpose_names_reshape():
    with raises(RuntimeError, match=r"Use \.reshape\(\.\.\.\) instead\."):
        minitorch.zeros(3, 2).t().view(6)


@pytest.mark.exercise("02", "view")
@settings(max_examples=60, deadline=None)
@given(view_recipes(kinds=LESSON02_STEPS), st.data())
def test_view_of_any_view_matches_torch(torch, recipe, data):
    mine, theirs = recipe.replay(minitorch), recipe.replay(torch)
    target = data.draw(reshape_targets(tuple(theirs.shape)))
    try:
        expected = theirs.view(target)
    except RuntimeError as error:
        with raises(RuntimeError) as raised:
            mine.view(target)
        assert str(raised.value) == str(error)
        return
    got = mine.view(target)
    assert_same(got, expected, layout=True)
    assert got.numel() == 0 or shares_memory(got, mine)


# -- reshape -------------------------------------------------------------------------------
@pytest.mark.exercise("02", "reshape")
def test_reshape_views_when_it_can_and_copies_when_it_must():
    z = minitorch.zeros(3, 2)
    y = z.reshape(6)
    x = z.t().reshape(6)
    z[:] = 1
    assert y.tolist() == [1.0] * 6
    assert x.tolist() == [0.0] * 6
    t = minitorch.arange(6).view(2, 3).t()
    assert t.reshape(6).tolist() == [0, 3, 1, 4, 2, 5]
    assert t.reshape(6).data_ptr() != t.data_ptr()
    assert t.reshape(3, 1, 2).data_ptr() == t.data_ptr()


@pytest.mark.exercise("02", "reshape")
@pytest.mark.parametrize("shape", [(3, 2, 2), ((-1, 4),), ((3, -1),), ((3, 2, -1),), (12,)])
def test_reshape_like_the_notes(torch, shape):
    assert_same(minitorch.arange(12, dtype=minitorch.float64).reshape(*shape),
                torch.arange(12, dtype=torch.float64).reshape(*shape), layout=True)


@pytest.mark.exercise("02", "reshape")
@settings(max_examples=60, deadline=None)
@given(view_recipes(kinds=LESSON02_STEPS), st.data())
def test_reshape_of_any_view_matches_torch(torch, recipe, data):
    mine, theirs = recipe.replay(minitorch), recipe.replay(torch)
    target = data.draw(reshape_targets(tuple(theirs.shape)))
    got, expected = mine.reshape(target), theirs.reshape(target)
    assert_same(got, expected, layout=True)
    if got.numel():
        assert shares_memory(got, mine) == (expected.data_ptr() != 0 and
                                            expected.untyped_storage().data_ptr()
                                            == theirs.untyped_storage().data_ptr())


@pytest.mark.exercise("02", "reshape")
def test_reshape_errors_match_torch(torch):
    with raises(RuntimeError) as theirs:
        arange(torch, 2, 3).reshape(5)
    with raises(RuntimeError) as mine:
        arange(minitorch, 2, 3).reshape(5)
    assert str(mine.value) == str(theirs.value) == "shape '[5]' is invalid for input of size 6"


# -- transpose -----------------------------------------------------------------------------
@pytest.mark.exercise("02", "transpose")
def test_transpose_example():
    y = minitorch.zeros(2, 3, 4).transpose(0, -1)
    assert y.shape == (4, 3, 2) and y.stride() == (1, 4, 12)
    x = minitorch.arange(6).view(2, 3)
    x.transpose(0, 1)[2, 1] = 50
    assert x[1, 2].item() == 50


@pytest.mark.exercise("02", "transpose")
@settings(max_examples=40)
@given(shapes(min_dims=1, max_dims=4), st.data())
def test_transpose_matches_torch(torch, shape, data):
    ndim = len(shape)
    a, b = (data.draw(st.integers(-ndim, ndim - 1)) for _ in range(2))
    assert_same(arange(minitorch, *shape).transpose(a, b), arange(torch, *shape).transpose(a, b),
                layout=True)


@pytest.mark.exercise("02", "transpose")
@pytest.mark.parametrize("dims", [(0, 2), (-3, 0), (5, 1)])
def test_transpose_dim_errors_match_torch(torch, dims):
    with raises(IndexError) as theirs:
        arange(torch, 2, 3).transpose(*dims)
    with raises(IndexError) as mine:
        arange(minitorch, 2, 3).transpose(*dims)
    assert str(mine.value) == str(theirs.value)


@pytest.mark.exercise("02", "transpose")
def test_t_and_its_friends_match_torch(torch):
    for make in (lambda lib: arange(lib, 2, 3).t(), lambda lib: arange(lib, 3).t(),
                 lambda lib: lib.tensor(5).t(), lambda lib: arange(lib, 2, 3, 4).mT,
                 lambda lib: arange(lib, 2, 3).T, lambda lib: lib.transpose(arange(lib, 2, 3), 0, 1),
                 lambda lib: lib.t(arange(lib, 2, 3)), lambda lib: arange(lib, 2, 3).swapaxes(0, 1)):
        assert_same(make(minitorch), make(torch), layout=True)
    with raises(RuntimeError) as theirs:
        arange(torch, 2, 3, 4).t()
    with raises(RuntimeError) as mine:
        arange(minitorch, 2, 3, 4).t()
    assert str(mine.value) == str(theirs.value)


# -- is_contiguous and contiguous ----------------------------------------------------------------
@pytest.mark.exercise("02", "is_contiguous")
def test_is_contiguous_examples():
    x = minitorch.zeros(2, 3)
    assert x.is_contiguous() and not x.t().is_contiguous()
    assert minitorch.zeros(3, 1).as_strided((3, 1), (1, 7)).is_contiguous()
    assert minitorch.zeros(0, 3).t().is_contiguous()
    assert not minitorch.zeros(4, 6)[:, ::2].is_contiguous()
    assert minitorch.zeros(4, 6)[1:3].is_contiguous()
    assert not minitorch.zeros(3, 1).expand(3, 2).is_contiguous()


@pytest.mark.exercise("02", "is_contiguous")
@settings(max_examples=80, deadline=None)
@given(view_recipes(max_steps=4, kinds=LESSON02_STEPS))
def test_is_contiguous_matches_torch(torch, recipe):
    assert recipe.replay(minitorch).is_contiguous() == recipe.replay(torch).is_contiguous()


@pytest.mark.exercise("02", "is_contiguous")
@settings(max_examples=40, deadline=None)
@given(view_recipes(max_steps=4, kinds=LESSON02_STEPS))
def test_contiguous_copies_only_when_needed(torch, recipe):
    mine, theirs = recipe.replay(minitorch), recipe.replay(torch)
    made = mine.contiguous()
    assert_same(made, theirs.contiguous(), layout=True)
    assert (made is mine) == mine.is_contiguous()


# -- every view operation together (plumbing on top of the exercises) ---------------------
@settings(max_examples=80, deadline=None)
@given(view_recipes(max_steps=4, kinds=LESSON02_STEPS))
def test_view_recipes_match_torch_layouts(torch, recipe):
    mine, theirs = recipe.replay(minitorch), recipe.replay(torch)
    assert_same(mine, theirs, layout=True)


@settings(max_examples=40, deadline=None)
@given(view_recipes(max_steps=4, kinds=LESSON02_STEPS))
def test_writing_through_a_view_writes_the_base_like_torch(torch, recipe):
    (base, view), (their_base, their_view) = recipe.build(minitorch), recipe.build(torch)
    try:
        their_view[...] = -1
    except RuntimeError as error:  # an expanded view: elements share memory
        with raises(RuntimeError) as raised:
            view[...] = -1
        assert str(raised.value) == str(error)
        return
    view[...] = -1
    assert_same(base, their_base)


@settings(max_examples=30)
@given(shapes(min_dims=1, max_dims=4, min_side=1).flatmap(
    lambda shape: st.tuples(st.just(shape), permutations(len(shape)))))
def test_permute_matches_torch(torch, shape_and_order):
    shape, order = shape_and_order
    assert_same(arange(minitorch, *shape).permute(*order), arange(torch, *shape).permute(order),
                layout=True)
    assert_same(minitorch.permute(arange(minitorch, *shape), order),
                torch.permute(arange(torch, *shape), order), layout=True)


@pytest.mark.parametrize("order", [(0, 0), (0,), (0, 1, 2), (0, 2)])
def test_permute_errors_match_torch(torch, order):
    with raises((RuntimeError, IndexError)) as expected:
        arange(torch, 2, 3).permute(*order)
    with raises(expected.type) as raised:
        arange(minitorch, 2, 3).permute(*order)
    assert str(raised.value) == str(expected.value)
