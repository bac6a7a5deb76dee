"""Hidden tests of lesson 01 (instructor only): tensor creation compared with PyTorch on
cases the public tests do not show."""

import numpy as np
import pytest

import minitorch
from minitorch.creation import infer_dtype


def same(ours, theirs):
    assert tuple(ours.shape) == tuple(theirs.shape)
    assert str(ours.dtype) == str(theirs.dtype)
    assert ours.tolist() == theirs.tolist()


@pytest.mark.exercise("01", "infer_dtype")
@pytest.mark.parametrize("data", [[[True, False]], [1, True], [[1.0], [2]], 3, 2.5, []])
def test_infer_dtype_hidden(torch, data):
    assert str(infer_dtype(data)) == str(torch.tensor(data).dtype)


@pytest.mark.exercise("01", "from_numpy")
@pytest.mark.parametrize("dtype", ["float64", "int32", "uint8", "bool"])
def test_from_numpy_hidden_shares_memory(torch, dtype):
    array = np.arange(6).reshape(2, 3).astype(dtype)
    ours = minitorch.from_numpy(array)
    same(ours, torch.from_numpy(array.copy()))
    array[0, 0] = 1
    assert ours.tolist()[0][0] == array[0, 0]


@pytest.mark.exercise("01", "zeros")
def test_zeros_hidden(torch):
    same(minitorch.zeros(3, 0, 2), torch.zeros(3, 0, 2))
    same(minitorch.zeros((1,), dtype=minitorch.int32), torch.zeros((1,), dtype=torch.int32))


@pytest.mark.exercise("01", "full")
@pytest.mark.parametrize("size, value", [((2, 1), 2.5), ((3,), True), ((), -4)])
def test_full_hidden(torch, size, value):
    same(minitorch.full(size, value), torch.full(size, value))


@pytest.mark.exercise("01", "eye")
@pytest.mark.parametrize("args", [(1,), (3, 5), (4, 2), (0,)])
def test_eye_hidden(torch, args):
    same(minitorch.eye(*args), torch.eye(*args))


@pytest.mark.exercise("01", "arange")
@pytest.mark.parametrize("args", [(7,), (2, 9, 3), (1.0, 2.0, 0.25), (5, 0, -2), (0, 1, 0.3)])
def test_arange_hidden(torch, args):
    ours, theirs = minitorch.arange(*args), torch.arange(*args)
    assert tuple(ours.shape) == tuple(theirs.shape) and str(ours.dtype) == str(theirs.dtype)
    assert np.allclose(ours.tolist(), theirs.tolist())


@pytest.mark.exercise("01", "item")
@pytest.mark.parametrize("data", [[[3]], 2.5, [True]])
def test_item_hidden(torch, data):
    assert minitorch.tensor(data).item() == torch.tensor(data).item()
    with pytest.raises((RuntimeError, ValueError)):
        minitorch.tensor([1, 2]).item()
