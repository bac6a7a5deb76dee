"""``t[key]`` and ``t[key] = value``: same values as PyTorch, views where PyTorch makes
views (same strides and offset, shared memory), copies for masks and index lists, and
PyTorch's errors."""

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

import minitorch
from same import assert_same, raises
from strategies import basic_index_keys, shapes


def pair(torch, shape=(3, 4)):
    data = np.arange(int(np.prod(shape)), dtype=np.float32).reshape(shape)
    return minitorch.tensor(data), torch.tensor(data)


@pytest.mark.parametrize("key", [
    0, -1, (1, 2), (slice(1, None),), (slice(None, 2), slice(1, None)), (slice(None), 0),
    (Ellipsis, 1), (None,), (None, Ellipsis, None), (1, None, slice(None, None, 2)),
    (slice(None, None, 2), slice(1, 3)), (slice(5, None),), (slice(2, 1),), (Ellipsis,),
    (0, Ellipsis, 0), (slice(-2, None), -1), (Ellipsis, 0, Ellipsis), (Ellipsis, Ellipsis),
])
def test_basic_indexing_makes_the_same_view(torch, key):
    mine, theirs = pair(torch)
    assert_same(mine[key], theirs[key], layout=True)
    if mine[key].numel():
        assert np.shares_memory(mine[key].numpy(), mine.numpy())


@settings(max_examples=60)
@given(st.data())
def test_random_basic_keys_match_torch(torch, data):
    shape = data.draw(shapes(max_dims=4, max_side=4))
    key = data.draw(basic_index_keys(shape))
    mine, theirs = pair(torch, shape)
    assert_same(mine[key], theirs[key], layout=True)


@pytest.mark.filterwarnings("ignore:Using a non-tuple sequence:UserWarning")
@pytest.mark.parametrize("key", [
    [0, 2], [[0, 1], [2, 2]], [-1], (slice(None), [3, 0]), ([0, 1], [1, 2]),
    (Ellipsis, [0]), ([2, 0], slice(1, 3)), [],
])
def test_integer_list_indexing_copies(torch, key):
    mine, theirs = pair(torch)
    picked = mine[key]
    assert_same(picked, theirs[key])
    assert not np.shares_memory(picked.numpy(), mine.numpy())


def test_tensor_and_mask_indexing(torch):
    mine, theirs = pair(torch)
    big = mine.numpy() > 5  # a mask without lesson 04's comparison operators
    assert_same(mine[minitorch.tensor(big)], theirs[torch.tensor(big)])
    mask = [True, False, True]
    assert_same(mine[minitorch.tensor(mask)], theirs[torch.tensor(mask)])
    assert_same(mine[minitorch.tensor([2, 0])], theirs[torch.tensor([2, 0])])
    assert_same(mine[:, minitorch.tensor([[1], [3]])], theirs[:, torch.tensor([[1], [3]])])
    assert_same(mine[minitorch.tensor(1)], theirs[torch.tensor(1)], layout=True)
    array_mask = np.array([[True, False, False, True]] * 3)
    assert_same(mine[minitorch.tensor(array_mask)], theirs[torch.tensor(array_mask)])


@pytest.mark.parametrize("key, error", [
    (5, IndexError), ((slice(None), 5), IndexError), ((-4,), IndexError),
    ((1, 2, 3), IndexError), ((slice(None, None, -1),), ValueError), ([0, 5], IndexError),
])
def test_indexing_errors_match_torch(torch, key, error):
    mine, theirs = pair(torch)
    with raises(error) as expected:
        theirs[key]
    with raises(error) as got:
        mine[key]
    assert str(got.value) == str(expected.value)


@pytest.mark.parametrize("key, value", [
    ((1, 2), 9), ((slice(0, 2), slice(None)), 12), ((slice(None), 0), [7, 8, 9]),
    ((Ellipsis, slice(None, None, 2)), -1.5), (([0, 2],), 5), ((1,), [1, 2, 3, 4]),
    ((slice(None), [1, 3]), [[1.0], [2.0], [3.0]]), (([0, 2],), [1.0, 2.0, 3.0, 4.0]),
])
def test_setitem_writes_like_torch(torch, key, value):
    mine, theirs = pair(torch)
    mine[key] = minitorch.tensor(value) if isinstance(value, list) else value
    theirs[key] = torch.tensor(value) if isinstance(value, list) else value
    assert_same(mine, theirs)


def test_setitem_with_tensors_masks_and_views(torch):
    mine, theirs = pair(torch)
    mine[0] = minitorch.tensor([1, 2, 3, 4])  # int64 into float32: converted
    theirs[0] = torch.tensor([1, 2, 3, 4])
    mine[minitorch.tensor([True, False, True])] = 0
    theirs[torch.tensor([True, False, True])] = 0
    assert_same(mine, theirs)

    base = minitorch.tensor([[0.0] * 3] * 2)
    view = base.T[1:]
    view[:] = 5
    assert base.tolist() == [[0.0, 5.0, 5.0], [0.0, 5.0, 5.0]]
    column = base[:, 0]
    column[1] = 7
    assert base[1, 0].item() == 7


@pytest.mark.parametrize("key, value, error", [
    (0, lambda lib: [1.0, 2.0, 3.0], TypeError),
    (0, lambda lib: lib.tensor([1.0, 2.0]), RuntimeError),
    ([0], lambda lib: lib.tensor([1.0, 2.0]), RuntimeError),
    ([0, 1], lambda lib: lib.tensor([1, 2, 3]), RuntimeError),
])
def test_setitem_errors_match_torch(torch, key, value, error):
    for library in (torch, minitorch):
        source = value(library)
        with raises(error) as raised:
            library.tensor([[0.0] * 3] * 2)[key] = source
        if library is torch:
            expected = str(raised.value)
    assert str(raised.value) == expected
