"""Lesson 01 exercises: infer_dtype, zeros, full, eye, arange, from_numpy, item."""

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

import minitorch
from minitorch.creation import infer_dtype
from same import assert_same, raises
from strategies import arrays

# -- infer_dtype -------------------------------------------------------------------------
scalars = st.one_of(st.booleans(), st.integers(-10, 10), st.floats(-10, 10))


@pytest.mark.exercise("01", "infer_dtype")
@pytest.mark.parametrize("data, expected", [
    ([[1, 2], [3, 4]], "int64"),
    ([1, 2.5], "float32"),
    ([True, False], "bool"),
    ([True, 2], "int64"),
    ([True, 2.0], "float32"),
    ([], "float32"),
    ([[], []], "float32"),
    (3, "int64"),
    (3.0, "float32"),
    (False, "bool"),
    ([np.float64(1.0)], "float64"),
    ([np.int32(1), 2], "int64"),
    ([np.int8(1), np.uint8(2)], "int16"),
])
def test_infer_dtype_examples(data, expected):
    assert infer_dtype(data) is getattr(minitorch, expected)


@pytest.mark.exercise("01", "infer_dtype")
def test_infer_dtype_follows_the_default_dtype():
    minitorch.set_default_dtype(minitorch.float64)
    try:
        assert infer_dtype([1, 2.5]) is minitorch.float64
        assert infer_dtype([1, 2]) is minitorch.int64
    finally:
        minitorch.set_default_dtype(minitorch.float32)


@pytest.mark.exercise("01", "infer_dtype")
@given(st.lists(st.lists(scalars, min_size=2, max_size=2), max_size=3))
def test_infer_dtype_matches_torch(torch, data):
    assert str(infer_dtype(data)) == str(torch.tensor(data).dtype)


# -- zeros -------------------------------------------------------------------------------
@pytest.mark.exercise("01", "zeros")
def test_zeros_example():
    x = minitorch.zeros(2, 3)
    assert x.shape == (2, 3) and x.dtype is minitorch.float32
    assert x.tolist() == [[0.0, 0.0, 0.0], [0.0, 0.0, 0.0]]
    assert x.stride() == (3, 1) and x.requires_grad is False


@pytest.mark.exercise("01", "zeros")
@pytest.mark.parametrize("args", [(2, 3), ((2, 3),), ([2, 3],), (minitorch.Size([2, 3]),)])
def test_zeros_accepts_every_size_form(args):
    assert minitorch.zeros(*args).shape == (2, 3)


@pytest.mark.exercise("01", "zeros")
def test_zeros_dtype_grad_and_device():
    assert minitorch.zeros(2, dtype=minitorch.int64).tolist() == [0, 0]
    assert minitorch.zeros((), dtype=minitorch.bool).tolist() is False
    assert minitorch.zeros(1, requires_grad=True).requires_grad is True
    with raises(RuntimeError, match="CPU"):
        minitorch.zeros(2, device="cuda")


@pytest.mark.exercise("01", "zeros")
@given(st.lists(st.integers(0, 4), max_size=4))
def test_zeros_matches_torch(torch, shape):
    assert_same(minitorch.zeros(shape), torch.zeros(shape), layout=True)


# -- full and eye --------------------------------------------------------------------------
@pytest.mark.exercise("01", "full")
def test_full_examples():
    assert minitorch.full((2, 2), 7).tolist() == [[7, 7], [7, 7]]
    assert minitorch.full((2, 2), 7).dtype is minitorch.int64
    assert minitorch.full((3,), 0.5).dtype is minitorch.float32
    assert minitorch.full((1,), True).dtype is minitorch.bool
    assert minitorch.full((2,), 1.7, dtype=minitorch.int32).tolist() == [1, 1]


@pytest.mark.exercise("01", "full")
@pytest.mark.parametrize("value", [3, -2.5, True, 1e20])
def test_full_matches_torch(torch, value):
    assert_same(minitorch.full((2, 3), value), torch.full((2, 3), value), layout=True)


@pytest.mark.exercise("01", "eye")
def test_eye_examples():
    assert minitorch.eye(2, 3).tolist() == [[1.0, 0.0, 0.0], [0.0, 1.0, 0.0]]
    assert minitorch.eye(3).shape == (3, 3)
    assert minitorch.eye(2, dtype=minitorch.int64).tolist() == [[1, 0], [0, 1]]


@pytest.mark.exercise("01", "eye")
@given(st.integers(0, 5), st.none() | st.integers(0, 5))
def test_eye_matches_torch(torch, n, m):
    theirs = torch.eye(n) if m is None else torch.eye(n, m)
    assert_same(minitorch.eye(n, m), theirs, layout=True)


# -- arange ----------------------------------------------------------------------------------
@pytest.mark.exercise("01", "arange")
def test_arange_examples():
    assert minitorch.arange(5).tolist() == [0, 1, 2, 3, 4]
    assert minitorch.arange(5).dtype is minitorch.int64
    assert minitorch.arange(1, 2.5, 0.5).tolist() == [1.0, 1.5, 2.0]
    assert minitorch.arange(1, 2.5, 0.5).dtype is minitorch.float32
    assert minitorch.arange(10, 0, -3).tolist() == [10, 7, 4, 1]
    assert minitorch.arange(12, dtype=minitorch.float64).dtype is minitorch.float64
    assert minitorch.arange(0).shape == (0,)


@pytest.mark.exercise("01", "arange")
@pytest.mark.parametrize("args, message", [
    ((0, 5, 0), "step must be nonzero"),
    ((5, 0, 1), "upper bound and lower bound inconsistent with step sign"),
])
def test_arange_errors_like_torch(torch, args, message):
    for library in (torch, minitorch):
        with raises(RuntimeError, match=message):
            library.arange(*args)


# Multiples of 1/8 only: PyTorch's vectorised kernel rounds other steps differently at
# SIMD-block boundaries (by one ulp, depending on the CPU), which no formula can match.
numbers = st.integers(-20, 20) | st.integers(-160, 160).map(lambda v: v / 8)


@pytest.mark.exercise("01", "arange")
@settings(max_examples=60)
@given(numbers, numbers, numbers.filter(lambda s: s != 0))
def test_arange_matches_torch(torch, start, end, step):
    if (end - start) * step < 0 or abs((end - start) / step) > 1000:
        return
    assert_same(minitorch.arange(start, end, step), torch.arange(start, end, step))


# -- from_numpy --------------------------------------------------------------------------
@pytest.mark.exercise("01", "from_numpy")
def test_from_numpy_shares_memory_both_ways():
    a = np.zeros(3)
    t = minitorch.from_numpy(a)
    assert t.dtype is minitorch.float64
    t[0] = 5
    assert a.tolist() == [5.0, 0.0, 0.0]
    a[2] = 7
    assert t.tolist() == [5.0, 0.0, 7.0]
    assert t.numpy() is not a and np.shares_memory(t.numpy(), a)


@pytest.mark.exercise("01", "from_numpy")
@pytest.mark.parametrize("make", [
    lambda: np.arange(12).reshape(3, 4),
    lambda: np.arange(12).reshape(3, 4).T,
    lambda: np.arange(24, dtype=np.int32).reshape(2, 3, 4)[:, ::2, 1:],
    lambda: np.zeros((0, 3), dtype=np.float32),
    lambda: np.array(3.5),
    lambda: np.broadcast_to(np.arange(3.0), (2, 3)),
])
def test_from_numpy_keeps_the_layout_like_torch(torch, make):
    array = make()
    mine, theirs = minitorch.from_numpy(array), torch.from_numpy(array.copy() if not
                                                                 array.flags.writeable else array)
    assert_same(mine, theirs)
    if array.flags.writeable:
        assert mine.stride() == theirs.stride()


@pytest.mark.exercise("01", "from_numpy")
def test_from_numpy_refuses_negative_strides_like_torch(torch):
    array = np.arange(5)[::-1]
    with raises(ValueError) as theirs:
        torch.from_numpy(array)
    with raises(ValueError) as mine:
        minitorch.from_numpy(array)
    assert str(mine.value) == str(theirs.value)


@pytest.mark.exercise("01", "from_numpy")
def test_from_numpy_refuses_types_torch_lacks():
    with raises(TypeError, match="can't convert np.ndarray of type numpy.complex64"):
        minitorch.from_numpy(np.zeros(2, dtype=np.complex64))


@pytest.mark.exercise("01", "from_numpy")
@given(arrays())
def test_from_numpy_matches_torch(torch, array):
    assert_same(minitorch.from_numpy(array), torch.from_numpy(array), layout=True)


# -- item --------------------------------------------------------------------------------
@pytest.mark.exercise("01", "item")
def test_item_examples():
    assert minitorch.tensor([[2.5]]).item() == 2.5
    assert type(minitorch.tensor([[2.5]]).item()) is float
    assert type(minitorch.tensor(3).item()) is int
    assert minitorch.tensor([True]).item() is True
    assert minitorch.tensor([[0, 1, 2], [3, 4, 5]])[1, 2].item() == 5


@pytest.mark.exercise("01", "item")
def test_item_of_many_elements_fails_like_torch(torch):
    with raises(RuntimeError) as theirs:
        torch.zeros(2, 3).item()
    with raises(RuntimeError) as mine:
        minitorch.zeros(2, 3).item()
    assert str(mine.value) == str(theirs.value) == \
        "a Tensor with 6 elements cannot be converted to Scalar"
