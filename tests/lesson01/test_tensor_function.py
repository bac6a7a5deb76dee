"""``minitorch.tensor`` and the other constructors (plumbing around the exercises):
shapes, dtypes, errors and memory behave as in PyTorch."""

import numpy as np
import pytest
from hypothesis import given

import minitorch
from same import assert_same, same_error
from strategies import arrays, shapes


@pytest.mark.parametrize("data", [
    [[3, 5], [10, 5]], [3, 2.3], 3, 2.5, True, [], [[]], [[1.5], [2]],
    [[True, False]], [[[1, 2]], [[3, 4]]], (1, 2), [(1, 2), (3, 4)],
])
def test_tensor_matches_torch(torch, data):
    assert_same(minitorch.tensor(data), torch.tensor(data), layout=True)


@pytest.mark.parametrize("dtype", ["float16", "float32", "float64", "int8", "int16", "int32",
                                   "int64", "uint8", "bool"])
def test_tensor_dtype_argument(torch, dtype):
    data = [[0, 1.7], [2, -0.5]] if dtype != "uint8" else [[0, 1.7], [2, 3]]
    assert_same(minitorch.tensor(data, dtype=getattr(minitorch, dtype)),
                torch.tensor(data, dtype=getattr(torch, dtype)))


@pytest.mark.parametrize("data, error", [
    ([[1, 2], [3]], ValueError),
    ([[1, 2], 3], TypeError),
    ([1, [2]], TypeError),
    ("a", TypeError),
])
def test_ragged_and_bad_data_fail_like_torch(torch, data, error):
    same_error(torch, lambda lib: lib.tensor(data), error)


def test_requires_grad_only_for_floats(torch):
    assert minitorch.tensor([1.0], requires_grad=True).requires_grad is True
    assert minitorch.tensor([1.0]).requires_grad is False
    same_error(torch, lambda lib: lib.tensor([1, 2], requires_grad=True), RuntimeError)


@given(arrays())
def test_tensor_of_numpy_array_copies(torch, array):
    mine = minitorch.tensor(array)
    assert_same(mine, torch.tensor(array), layout=True)
    if array.size:
        assert not np.shares_memory(mine.numpy(), array)


@pytest.mark.filterwarnings("ignore:Creating a tensor from a list of numpy.ndarrays")  # torch's
@pytest.mark.parametrize("make", [
    lambda lib: lib.tensor([lib.tensor(1.0), lib.tensor(2)]),
    lambda lib: lib.tensor([lib.tensor([1.0]), lib.tensor([2.0])]),
    lambda lib: lib.tensor([lib.tensor(1, dtype=lib.int32), 2]),
    lambda lib: lib.tensor([np.array([1, 2]), np.array([3, 4])]),
])
def test_tensor_of_tensors_and_arrays_matches_torch(torch, make):
    assert_same(make(minitorch), make(torch))


def test_tensor_of_many_element_tensors_fails_like_torch(torch):
    same_error(torch, lambda lib: lib.tensor([lib.tensor([1.0, 2.0]), lib.tensor([2.0, 3.0])]))


def test_tensor_copies_a_tensor():
    source = minitorch.tensor([1, 2])
    copy = minitorch.tensor(source)  # PyTorch warns and copies
    copy[0] = 9
    assert source.tolist() == [1, 2]


def test_as_tensor_shares_when_it_can():
    array = np.zeros(3)
    shared = minitorch.as_tensor(array)
    shared[0] = 1
    assert array[0] == 1
    t = minitorch.zeros(2)
    assert minitorch.as_tensor(t) is t
    assert minitorch.as_tensor([1, 2]).dtype is minitorch.int64


@pytest.mark.parametrize("name", ["ones", "zeros", "empty"])
@given(shape=shapes())
def test_filled_constructors_match_torch(torch, name, shape):
    mine, theirs = getattr(minitorch, name)(shape), getattr(torch, name)(shape)
    assert mine.shape == theirs.shape and mine.stride() == theirs.stride()
    assert str(mine.dtype) == str(theirs.dtype)
    if name != "empty":
        assert_same(mine, theirs)


@pytest.mark.parametrize("name, args", [
    ("zeros_like", ()), ("ones_like", ()), ("full_like", (7,)), ("empty_like", ()),
])
@pytest.mark.parametrize("dtype", [None, "float64", "int32"])
def test_like_constructors_keep_shape_and_dtype(torch, name, args, dtype):
    base_mine, base_theirs = minitorch.tensor([[1, 2, 3]]), torch.tensor([[1, 2, 3]])
    kwargs_mine = {"dtype": getattr(minitorch, dtype)} if dtype else {}
    kwargs_theirs = {"dtype": getattr(torch, dtype)} if dtype else {}
    mine = getattr(minitorch, name)(base_mine, *args, **kwargs_mine)
    theirs = getattr(torch, name)(base_theirs, *args, **kwargs_theirs)
    assert mine.shape == theirs.shape and str(mine.dtype) == str(theirs.dtype)
    if name != "empty_like":
        assert_same(mine, theirs)


def test_new_constructors_inherit_the_dtype(torch):
    for lib in (minitorch, torch):
        x = lib.tensor([3, 2.3])
        pairs = [(x.new_ones(2, 4, dtype=lib.double), "float64", [2, 4]),
                 (x.new_zeros((2,)), "float32", [2]),
                 (x.new_full((1, 2), 5), "float32", [1, 2]),
                 (x.new_tensor([1, 2]), "float32", [2]),
                 (lib.tensor([1]).new_tensor([1.5]), "int64", [1])]
        for made, dtype, shape in pairs:
            assert str(made.dtype) == f"torch.{dtype}" and list(made.shape) == shape


@pytest.mark.parametrize("name", ["FloatTensor", "DoubleTensor", "LongTensor", "IntTensor",
                                  "ByteTensor", "BoolTensor", "Tensor"])
def test_legacy_constructors(torch, name):
    data = np.arange(10).reshape(2, 5)
    assert_same(getattr(minitorch, name)(data), getattr(torch, name)(data))
    assert_same(getattr(minitorch, name)([[1, 2], [3, 4]]), getattr(torch, name)([[1, 2], [3, 4]]))
    sized_mine, sized_theirs = getattr(minitorch, name)(2, 3), getattr(torch, name)(2, 3)
    assert sized_mine.shape == sized_theirs.shape and str(sized_mine.dtype) == str(sized_theirs.dtype)
    assert getattr(minitorch, name)().shape == getattr(torch, name)().shape


@pytest.mark.parametrize("args", [(0, 1, 5), (-3.5, 2, 7), (0, 10, 1), (1, 1, 0), (2, -8.25, 13), (-7.9, 30.2, 9),
                                  (0, 1, 100)])
@pytest.mark.parametrize("dtype", [None, "float64", "int64"])
def test_linspace_matches_torch(torch, args, dtype):
    kwargs_mine = {"dtype": getattr(minitorch, dtype)} if dtype else {}
    kwargs_theirs = {"dtype": getattr(torch, dtype)} if dtype else {}
    assert_same(minitorch.linspace(*args, **kwargs_mine), torch.linspace(*args, **kwargs_theirs))


# -- random ------------------------------------------------------------------------------
def test_manual_seed_repeats_the_numbers():
    minitorch.manual_seed(7)
    first = minitorch.rand(3).tolist(), minitorch.randn(2).tolist(), minitorch.randperm(4).tolist()
    minitorch.manual_seed(7)
    again = minitorch.rand(3).tolist(), minitorch.randn(2).tolist(), minitorch.randperm(4).tolist()
    assert first == again
    assert minitorch.rand(3).tolist() != first[0]


@pytest.mark.parametrize("make, dtype, shape", [
    (lambda lib: lib.rand(2, 3), "float32", [2, 3]),
    (lambda lib: lib.rand(size=(2, 1, 2)), "float32", [2, 1, 2]),
    (lambda lib: lib.randn((4,), dtype=lib.float64), "float64", [4]),
    (lambda lib: lib.randint(5, (10, 5)), "int64", [10, 5]),
    (lambda lib: lib.randint(3, 9, (2,)), "int64", [2]),
    (lambda lib: lib.randperm(6), "int64", [6]),
    (lambda lib: lib.rand_like(lib.tensor([[1, 2]]), dtype=lib.float), "float32", [1, 2]),
    (lambda lib: lib.randn_like(lib.zeros(3, dtype=lib.float64)), "float64", [3]),
    (lambda lib: lib.normal(2.0, 3.0, size=(5,)), "float32", [5]),
])
def test_random_shapes_and_dtypes_match_torch(torch, make, dtype, shape):
    for lib in (minitorch, torch):
        made = make(lib)
        assert str(made.dtype) == f"torch.{dtype}" and list(made.shape) == shape


def test_random_value_ranges():
    minitorch.manual_seed(0)
    uniform = minitorch.rand(1000).numpy()
    assert uniform.min() >= 0 and uniform.max() < 1 and 0.4 < uniform.mean() < 0.6
    normal = minitorch.randn(4000).numpy()
    assert abs(normal.mean()) < 0.1 and 0.9 < normal.std() < 1.1
    integers = minitorch.randint(3, 9, (1000,)).numpy()
    assert set(integers.tolist()) == set(range(3, 9))
    assert sorted(minitorch.randperm(10).tolist()) == list(range(10))


def test_random_integers_cannot_be_uniform_floats(torch):
    same_error(torch, lambda lib: lib.rand(2, dtype=lib.int64), RuntimeError)
