"""Lesson 03: squeeze, unsqueeze, cat, stack, chunk and split (and the shape plumbing
around them) give PyTorch's shapes, strides, values and errors; the cutting and
dimension-changing ones are views, the joining ones copies."""

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

import minitorch
from same import assert_same, same_error
from strategies import dims, shapes, view_recipes


def arange(library, *shape):
    data = np.arange(int(np.prod(shape)), dtype=np.float32).reshape(shape)
    return library.tensor(data)




def assert_same_pieces(mine, theirs):
    assert isinstance(mine, tuple) and len(mine) == len(theirs)
    for a, b in zip(mine, theirs):
        assert_same(a, b, layout=True)


# -- squeeze -----------------------------------------------------------------------------
@pytest.mark.exercise("03", "squeeze")
def test_squeeze_examples():
    x = minitorch.zeros(2, 1, 3, 1)
    assert x.squeeze().shape == (2, 3)
    assert x.squeeze(-1).shape == (2, 1, 3)
    assert x.squeeze(0).shape == (2, 1, 3, 1)
    assert x.squeeze((1, 3)).shape == (2, 3)
    assert minitorch.squeeze(x, 1).shape == (2, 3, 1)
    assert minitorch.tensor(5.0).squeeze().shape == ()


@pytest.mark.exercise("03", "squeeze")
@settings(max_examples=40)
@given(view_recipes(base=shapes(min_dims=1, max_dims=4, min_side=1, max_side=2)), st.data())
def test_squeeze_matches_torch(torch, recipe, data):
    mine, theirs = recipe.replay(minitorch), recipe.replay(torch)
    assert_same(mine.squeeze(), theirs.squeeze(), layout=True)
    dim = data.draw(dims(theirs.dim()))
    assert_same(mine.squeeze(dim), theirs.squeeze(dim), layout=True)


@pytest.mark.exercise("03", "squeeze")
def test_squeeze_is_a_view_and_checks_dims(torch):
    x = minitorch.zeros(1, 3)
    x.squeeze()[1] = 4
    assert x[0, 1].item() == 4
    same_error(torch, lambda lib: lib.zeros(2, 1).squeeze(2))
    same_error(torch, lambda lib: lib.tensor(3).squeeze(1))
    same_error(torch, lambda lib: lib.zeros(1, 1, 2).squeeze((1, -2)))
    same_error(torch, lambda lib: lib.tensor(3.).squeeze((0, -1)))


# -- unsqueeze ---------------------------------------------------------------------------
@pytest.mark.exercise("03", "unsqueeze")
def test_unsqueeze_examples():
    x = minitorch.zeros(2, 3)
    assert x.unsqueeze(0).shape == (1, 2, 3)
    assert x.unsqueeze(-1).shape == (2, 3, 1)
    assert x.unsqueeze(1).stride() == (3, 3, 1)
    assert x.unsqueeze(dim=2).stride() == (3, 1, 1)
    assert minitorch.unsqueeze(minitorch.zeros(3), 1).shape == (3, 1)


@pytest.mark.exercise("03", "unsqueeze")
@settings(max_examples=40)
@given(view_recipes(), st.data())
def test_unsqueeze_matches_torch(torch, recipe, data):
    mine, theirs = recipe.replay(minitorch), recipe.replay(torch)
    dim = data.draw(st.integers(-theirs.dim() - 1, theirs.dim()))
    assert_same(mine.unsqueeze(dim), theirs.unsqueeze(dim), layout=True)


@pytest.mark.exercise("03", "unsqueeze")
def test_unsqueeze_errors_match_torch(torch):
    same_error(torch, lambda lib: lib.zeros(2, 3).unsqueeze(4))
    same_error(torch, lambda lib: lib.tensor(3).unsqueeze(2))


# -- cat ---------------------------------------------------------------------------------
@pytest.mark.exercise("03", "cat")
def test_cat_examples():
    joined = minitorch.cat([minitorch.zeros(1, 2), minitorch.ones(2, 2)])
    assert joined.shape == (3, 2) and joined.tolist() == [[0, 0], [1, 1], [1, 1]]
    x = minitorch.arange(6).view(2, 3)
    assert minitorch.cat((x, x), dim=1).tolist() == [[0, 1, 2, 0, 1, 2], [3, 4, 5, 3, 4, 5]]
    assert minitorch.cat([x, x], -2).shape == (4, 3)


@pytest.mark.exercise("03", "cat")
@settings(max_examples=40, deadline=None)
@given(shapes(min_dims=1, max_dims=3, max_side=3), st.data())
def test_cat_matches_torch(torch, shape, data):
    dim = data.draw(dims(len(shape)))
    sizes = data.draw(st.lists(st.integers(0, 3), min_size=1, max_size=3))
    parts = []
    for size in sizes:
        part = list(shape)
        part[dim] = size
        parts.append(np.random.default_rng(size).normal(size=part).astype(np.float32))
    mine = minitorch.cat([minitorch.tensor(p) for p in parts], dim)
    theirs = torch.cat([torch.tensor(p) for p in parts], dim)
    assert_same(mine, theirs, layout=True)


@pytest.mark.exercise("03", "cat")
def test_cat_copies_and_promotes(torch):
    x = minitorch.zeros(2)
    joined = minitorch.cat([x, x])
    joined[0] = 1
    assert x[0].item() == 0
    for make in (lambda lib: lib.cat([lib.tensor([1, 2]), lib.tensor([1.5])]),
                 lambda lib: lib.cat([lib.tensor([True]), lib.tensor([2], dtype=lib.int32)]),
                 lambda lib: lib.cat([lib.zeros(0), lib.ones(2, 2)]),
                 lambda lib: lib.concat([lib.ones(1, 2), lib.ones(1, 2)], dim=1),
                 lambda lib: lib.concatenate([lib.ones(1, 2), lib.ones(1, 2)])):
        assert_same(make(minitorch), make(torch), layout=True)


@pytest.mark.exercise("03", "cat")
@pytest.mark.parametrize("call", [
    lambda lib: lib.cat([lib.zeros(3, 4), lib.zeros(2, 4)], dim=1),
    lambda lib: lib.cat([lib.zeros(2, 3), lib.zeros(2, 2)], dim=0),
    lambda lib: lib.cat([]),
    lambda lib: lib.cat([lib.zeros(2, 3), lib.zeros(3)]),
    lambda lib: lib.cat([lib.zeros(2, 3), lib.zeros(2, 3)], dim=2),
    lambda lib: lib.cat([lib.tensor(1.0), lib.tensor(2.0)]),
])
def test_cat_errors_match_torch(torch, call):
    same_error(torch, call)


# -- stack -------------------------------------------------------------------------------
@pytest.mark.exercise("03", "stack")
def test_stack_examples():
    x, y, z = (minitorch.tensor(v) for v in ([1.0, 4.0], [2.0, 5.0], [3.0, 6.0]))
    assert minitorch.stack([x, y, z]).tolist() == [[1, 4], [2, 5], [3, 6]]
    assert minitorch.stack([x, y, z], dim=1).tolist() == [[1, 2, 3], [4, 5, 6]]
    assert minitorch.stack([minitorch.zeros(2, 3), minitorch.ones(2, 3)], dim=-1).shape == (2, 3, 2)


@pytest.mark.exercise("03", "stack")
@settings(max_examples=30, deadline=None)
@given(shapes(max_dims=3, max_side=3), st.integers(1, 3), st.data())
def test_stack_matches_torch(torch, shape, count, data):
    dim = data.draw(st.integers(-len(shape) - 1, len(shape)))
    parts = [np.full(shape, i, dtype=np.int64) for i in range(count)]
    assert_same(minitorch.stack([minitorch.tensor(p) for p in parts], dim),
                torch.stack([torch.tensor(p) for p in parts], dim), layout=True)


@pytest.mark.exercise("03", "stack")
@pytest.mark.parametrize("call", [
    lambda lib: lib.stack([lib.zeros(2, 3), lib.zeros(3, 3)]),
    lambda lib: lib.stack([]),
    lambda lib: lib.stack([lib.zeros(2), lib.zeros(2)], dim=3),
])
def test_stack_errors_match_torch(torch, call):
    same_error(torch, call)


# -- split and chunk -----------------------------------------------------------------------
@pytest.mark.exercise("03", "split")
def test_split_examples():
    assert [p.shape[0] for p in minitorch.arange(5).split(2)] == [2, 2, 1]
    first, rest = minitorch.arange(5).split([1, 4])
    assert first.tolist() == [0] and rest.tolist() == [1, 2, 3, 4]
    x = minitorch.arange(18).view(3, 6)
    pieces = minitorch.split(x, 3, dim=1)
    assert [p.tolist() for p in pieces] == [[[0, 1, 2], [6, 7, 8], [12, 13, 14]],
                                            [[3, 4, 5], [9, 10, 11], [15, 16, 17]]]
    pieces[1][0, 0] = 100
    assert x[0, 3].item() == 100


@pytest.mark.exercise("03", "split")
@settings(max_examples=40, deadline=None)
@given(view_recipes(), st.data())
def test_split_matches_torch(torch, recipe, data):
    mine, theirs = recipe.replay(minitorch), recipe.replay(torch)
    if theirs.dim() == 0:
        return
    dim = data.draw(dims(theirs.dim()))
    size = theirs.shape[dim]
    step = data.draw(st.integers(1 if size else 0, size + 1))
    assert_same_pieces(mine.split(step, dim), theirs.split(step, dim))
    sections = data.draw(st.lists(st.integers(0, size), max_size=3))
    sections.append(size - sum(sections))
    if sections[-1] >= 0:
        assert_same_pieces(mine.split(sections, dim), theirs.split(sections, dim))


@pytest.mark.exercise("03", "split")
@pytest.mark.parametrize("call", [
    lambda lib: lib.zeros(3).split([1, 1]),
    lambda lib: lib.zeros(2).split(0),
    lambda lib: lib.zeros(2, 3).split(1, dim=2),
])
def test_split_errors_match_torch(torch, call):
    same_error(torch, call)


@pytest.mark.exercise("03", "chunk")
def test_chunk_examples():
    assert [p.shape[0] for p in minitorch.arange(6).chunk(4)] == [2, 2, 2]
    assert [p.shape[0] for p in minitorch.arange(5).chunk(2)] == [3, 2]
    t = minitorch.arange(18).view(3, 6)
    t1, t2, t3 = minitorch.chunk(t, 3, dim=1)
    assert t2.tolist() == [[2, 3], [8, 9], [14, 15]] and t2.stride() == (6, 1)


@pytest.mark.exercise("03", "chunk")
@settings(max_examples=40, deadline=None)
@given(view_recipes(), st.integers(1, 5), st.data())
def test_chunk_matches_torch(torch, recipe, chunks, data):
    mine, theirs = recipe.replay(minitorch), recipe.replay(torch)
    if theirs.dim() == 0:
        return
    dim = data.draw(dims(theirs.dim()))
    assert_same_pieces(mine.chunk(chunks, dim), theirs.chunk(chunks, dim))


@pytest.mark.exercise("03", "chunk")
def test_chunk_errors_match_torch(torch):
    same_error(torch, lambda lib: lib.zeros(4).chunk(0))


# -- plumbing: expand, flatten, unbind, narrow, select, function forms ------------------------
@pytest.mark.parametrize("make", [
    lambda lib: arange(lib, 3, 1).expand(3, 4),
    lambda lib: arange(lib, 3, 1).expand(2, -1, 4),
    lambda lib: arange(lib, 3).expand_as(lib.zeros(2, 3)),
    lambda lib: arange(lib, 2, 3, 4).flatten(),
    lambda lib: arange(lib, 2, 3, 4).flatten(1),
    lambda lib: arange(lib, 2, 3, 4).flatten(0, 1),
    lambda lib: arange(lib, 2, 3, 4).transpose(0, 2).flatten(1, 2),
    lambda lib: lib.tensor(3.0).flatten(),
    lambda lib: lib.flatten(arange(lib, 2, 2)),
    lambda lib: arange(lib, 4, 5).narrow(1, 1, 3),
    lambda lib: arange(lib, 4, 5).select(0, -1),
    lambda lib: lib.reshape(arange(lib, 6), (2, 3)),
    lambda lib: arange(lib, 2, 3).view_as(lib.zeros(3, 2)),
    lambda lib: arange(lib, 2, 3).reshape_as(lib.zeros(6)),
    lambda lib: arange(lib, 6).unflatten(0, (2, -1)),
    lambda lib: arange(lib, 2, 3).t().ravel(),
])
def test_shape_plumbing_matches_torch(torch, make):
    assert_same(make(minitorch), make(torch), layout=True)


def test_unbind_and_numel_match_torch(torch):
    assert_same_pieces(arange(minitorch, 2, 3).unbind(1), arange(torch, 2, 3).unbind(1))
    assert_same_pieces(minitorch.unbind(arange(minitorch, 2, 3)), torch.unbind(arange(torch, 2, 3)))
    assert minitorch.numel(minitorch.zeros(2, 3)) == torch.numel(torch.zeros(2, 3)) == 6


@pytest.mark.parametrize("call", [
    lambda lib: arange(lib, 2, 3).expand(3, 3),
    lambda lib: arange(lib, 2, 3).expand(2, 3, 4),
    lambda lib: arange(lib, 2, 3).flatten(1, 0),
    lambda lib: arange(lib, 2, 3).flatten(0, 3),
])
def test_shape_plumbing_errors_match_torch(torch, call):
    same_error(torch, call)
