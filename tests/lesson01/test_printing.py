"""``repr``/``str`` of tensors, sizes, dtypes and devices are PyTorch's, character for
character (the algorithm of ``torch/_tensor_str.py``)."""

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

import minitorch
from strategies import arrays, shapes


def both(torch, array, **kwargs):
    """(minitorch repr, torch repr) of the same NumPy data."""
    mine = minitorch.tensor(array, **{k: getattr(minitorch, v) for k, v in kwargs.items()})
    theirs = torch.tensor(array, **{k: getattr(torch, v) for k, v in kwargs.items()})
    return repr(mine), repr(theirs)


@pytest.mark.parametrize("data", [
    [[3, 5], [10, 5]], [1.0, 2.0], [0.5, 1.25], [1.5, 2.25e-5], [1e9, 1.0], [1e-5],
    [123456.789, 0.001], [-1.0, 0.0, 1.0], [True, False], 3, 2.5, -0.0, True,
    [[[1, 2], [3, 4]], [[5, 6], [7, 8]]], [[1e10, -2.5e-3]], [0.1, 0.2, 0.3],
    [float("nan"), 1.0], [float("inf"), -float("inf"), 2.0], [float("nan")], [1e8, 1.5],
    [100000.0, 1.0], [-5, 1234567], list(range(40)), [x / 7 for x in range(30)],
])
def test_repr_examples_match_torch(torch, data):
    mine, theirs = both(torch, np.array(data) if not isinstance(data, list) else data)
    assert mine == theirs


@pytest.mark.parametrize("dtype", ["float16", "float64", "int8", "int16", "int32", "uint8"])
def test_non_default_dtypes_are_named(torch, dtype):
    mine, theirs = both(torch, [[1, 2], [3, 4]], dtype=dtype)
    assert mine == theirs and f"dtype=torch.{dtype}" in mine


@pytest.mark.parametrize("shape", [(0,), (0, 3), (2, 0), (1, 0, 2)])
@pytest.mark.parametrize("dtype", ["float32", "int64", "float64", "bool"])
def test_empty_tensors(torch, shape, dtype):
    mine = repr(minitorch.zeros(shape, dtype=getattr(minitorch, dtype)))
    assert mine == repr(torch.zeros(shape, dtype=getattr(torch, dtype)))


@pytest.mark.parametrize("shape", [(2000,), (40, 40), (3, 400), (11, 12, 13), (1001,)])
def test_big_tensors_are_summarized(torch, shape):
    values = np.arange(int(np.prod(shape)), dtype=np.float32).reshape(shape) / 3
    mine, theirs = both(torch, values)
    assert mine == theirs and "..." in mine


def test_grad_suffixes(torch):
    mine = minitorch.tensor([1.0, 2.0], requires_grad=True)
    assert repr(mine) == repr(torch.tensor([1.0, 2.0], requires_grad=True))

    class AddBackward0:
        pass

    mine.grad_fn = AddBackward0()
    assert repr(mine) == "tensor([1., 2.], grad_fn=<AddBackward0>)"

    class Node:  # one class for every operation, named like PyTorch's Node.name()
        def name(self):
            return "MulBackward0"

    mine.grad_fn = Node()
    assert repr(mine) == "tensor([1., 2.], grad_fn=<MulBackward0>)"


def test_long_suffixes_wrap_like_torch(torch):
    data = [float(x) for x in range(12)]  # the arange(12, dtype=float64) of note 04
    mine, theirs = both(torch, data, dtype="float64")
    assert mine == theirs and "\n       dtype=torch.float64)" in mine


def test_set_printoptions_precision(torch):
    try:
        minitorch.set_printoptions(precision=2)
        torch.set_printoptions(precision=2)
        assert both(torch, [1.12345, 2.5])[0] == both(torch, [1.12345, 2.5])[1] == \
            "tensor([1.12, 2.50])"
    finally:
        minitorch.set_printoptions(profile="default")
        torch.set_printoptions(profile="default")


def test_str_is_repr_and_format_of_scalars():
    t = minitorch.tensor([[1.5]])
    assert str(t) == repr(t)
    assert f"{minitorch.tensor(2.5):.2f}" == "2.50"
    assert f"{t}" == repr(t)


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(["float32", "float64", "int64", "int32", "bool", "float16"]).flatmap(
    lambda dtype: arrays(shapes(max_dims=3, max_side=5), dtype)))
def test_repr_matches_torch(torch, array):
    mine, theirs = both(torch, array)
    assert mine == theirs


@settings(max_examples=30, deadline=None)
@given(arrays(shapes(min_dims=1, max_dims=2, max_side=6), "float64",
              elements=st.floats(allow_nan=True, allow_infinity=True, width=32)))
def test_repr_of_extreme_floats_matches_torch(torch, array):
    mine, theirs = both(torch, array.astype(np.float32))
    assert mine == theirs


def test_size_dtype_and_device_print_like_torch(torch):
    assert repr(minitorch.zeros(2, 3).shape) == repr(torch.zeros(2, 3).shape)
    assert str(minitorch.zeros(()).size()) == str(torch.zeros(()).size())
    for name in ["float32", "float", "double", "half", "long", "int", "bool", "uint8", "int8",
                 "short"]:
        assert repr(getattr(minitorch, name)) == repr(getattr(torch, name))
    device = minitorch.zeros(1).device
    assert repr(device) == repr(torch.zeros(1).device) == "device(type='cpu')"
    assert str(device) == "cpu"
