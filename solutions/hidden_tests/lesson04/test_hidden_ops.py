"""Hidden tests of lesson 04 (instructor only; run by ``minitorch-course grade 04``):
one_hot, softmax, broadcast_shape, gather, matmul and sum on cases the public tests do
not show, with PyTorch's values, dtypes and exact errors written out by hand."""

import math
import warnings

import numpy as np
import pytest

import minitorch
import minitorch.nn.functional as F
from minitorch.ops.broadcast import broadcast_shape
from minitorch_course.grading.hidden_fixtures import raises


def check(result, shape, dtype, values, exact=True):
    assert type(result).__name__ == "Tensor"
    assert tuple(result.shape) == shape, f"shape {tuple(result.shape)} != {shape}"
    assert str(result.dtype) == f"torch.{dtype}", f"dtype {result.dtype} != {dtype}"
    if exact:
        assert result.tolist() == values
    else:
        np.testing.assert_allclose(np.asarray(result.tolist(), dtype=float), values,
                                   rtol=1e-5, atol=1e-6)


def arange(*shape, dtype="float32"):
    return minitorch.tensor(np.arange(int(np.prod(shape)), dtype=dtype).reshape(shape))


# -- one_hot ------------------------------------------------------------------------------
@pytest.mark.exercise("04", "one_hot")
def test_one_hot_hidden_shapes():
    check(F.one_hot(minitorch.tensor([[0, 3], [1, 1]]), 5), (2, 2, 5), "int64",
          [[[1, 0, 0, 0, 0], [0, 0, 0, 1, 0]], [[0, 1, 0, 0, 0], [0, 1, 0, 0, 0]]])
    check(F.one_hot(minitorch.tensor(2), 4), (4,), "int64", [0, 0, 1, 0])
    check(F.one_hot(minitorch.tensor(2)), (3,), "int64", [0, 0, 1])
    empty = minitorch.tensor([], dtype=minitorch.int64)
    check(F.one_hot(empty, 3), (0, 3), "int64", [])
    check(F.one_hot(empty.view(0, 2), 3), (0, 2, 3), "int64", [])


@pytest.mark.exercise("04", "one_hot")
def test_one_hot_hidden_non_contiguous_input():
    indices = minitorch.tensor(np.arange(6).reshape(2, 3)).t()  # [[0, 3], [1, 4], [2, 5]]
    result = F.one_hot(indices)
    eye = np.eye(6, dtype=np.int64)
    check(result, (3, 2, 6), "int64", eye[[[0, 3], [1, 4], [2, 5]]].tolist())


@pytest.mark.exercise("04", "one_hot")
@pytest.mark.parametrize("values, dtype, num_classes, message", [
    ([1], "int32", -1, "one_hot is only applicable to index tensor of type LongTensor."),
    ([True], "bool", -1, "one_hot is only applicable to index tensor of type LongTensor."),
    ([0, 3], "int64", 3, "Class values must be smaller than num_classes."),
    ([0, -2], "int64", 3, "Class values must be non-negative."),
    ([], "int64", 0, "Can not infer total number of classes from empty tensor."),
])
def test_one_hot_hidden_errors(values, dtype, num_classes, message):
    indices = minitorch.tensor(values, dtype=getattr(minitorch, dtype))
    with raises(RuntimeError, message):
        F.one_hot(indices, num_classes)


# -- softmax ------------------------------------------------------------------------------
@pytest.mark.exercise("04", "softmax")
def test_softmax_hidden_values():
    check(F.softmax(minitorch.tensor([0.0, math.log(3.0)]), dim=0), (2,), "float32",
          [0.25, 0.75], exact=False)
    check(F.softmax(minitorch.tensor([[0.0, 1.0], [0.0, 3.0]]), dim=-2), (2, 2), "float32",
          [[0.5, 0.119203], [0.5, 0.880797]], exact=False)
    x = minitorch.tensor([[1.0, 2.0], [3.0, 5.0]])
    check(minitorch.softmax(x.t(), dim=1), (2, 2), "float32",
          [[0.119203, 0.880797], [0.047426, 0.952574]], exact=False)


@pytest.mark.exercise("04", "softmax")
def test_softmax_hidden_stable_and_infinite():
    x = minitorch.tensor([1000.0, 1000.0 + math.log(4.0)], dtype=minitorch.float64)
    check(F.softmax(x, dim=0), (2,), "float64", [0.2, 0.8], exact=False)
    check(F.softmax(minitorch.tensor([-1e4, -1e4]), dim=0), (2,), "float32", [0.5, 0.5],
          exact=False)
    check(F.softmax(minitorch.tensor([-math.inf, 0.0]), dim=0), (2,), "float32", [0.0, 1.0])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        all_inf = F.softmax(minitorch.tensor([-math.inf, -math.inf]), dim=0)
    assert all(math.isnan(v) for v in all_inf.tolist())


@pytest.mark.exercise("04", "softmax")
def test_softmax_hidden_dtype_scalars_and_empty():
    check(F.softmax(minitorch.tensor([1, 1, 2, 0]), dim=0, dtype=minitorch.float64), (4,),
          "float64", [0.196612, 0.196612, 0.534447, 0.072329], exact=False)
    check(F.softmax(minitorch.tensor(3.0), dim=-1), (), "float32", 1.0)
    check(F.softmax(minitorch.zeros(0, 3), dim=1), (0, 3), "float32", [])


@pytest.mark.exercise("04", "softmax")
def test_softmax_hidden_errors():
    with raises(NotImplementedError, "\"softmax_kernel_impl\" not implemented for 'Long'"):
        F.softmax(minitorch.tensor([[1, 2]]), dim=0)
    with raises(IndexError, "Dimension out of range (expected to be in range of [-2, 1], "
                            "but got 2)"):
        F.softmax(minitorch.tensor([[1.0, 2.0]]), dim=2)


# -- broadcast_shape ----------------------------------------------------------------------
@pytest.mark.exercise("04", "broadcast_shape")
@pytest.mark.parametrize("a, b, expected", [
    ((5, 1, 4), (3, 1), (5, 3, 4)),
    ((1,), (0,), (0,)),
    ((0, 1), (1, 3), (0, 3)),
    ((2, 1, 1), (1,), (2, 1, 1)),
    ((), (2, 0), (2, 0)),
    ((3, 0), (1,), (3, 0)),
    ((1, 4, 1), (2, 1, 1, 3), (2, 1, 4, 3)),
    ((2, 1), (3, 1, 3), (3, 2, 3)),
    ((7, 1), (2, 3, 1, 4), (2, 3, 7, 4)),
])
def test_broadcast_shape_hidden(a, b, expected):
    found = broadcast_shape(a, b)
    assert tuple(found) == expected
    assert all(type(size) is int for size in found)
    assert tuple(broadcast_shape(b, a)) == expected


@pytest.mark.exercise("04", "broadcast_shape")
@pytest.mark.parametrize("a, b, message", [
    ((2, 3, 4), (5, 4), "The size of tensor a (3) must match the size of tensor b (5) at "
                        "non-singleton dimension 1"),
    ((0,), (2,), "The size of tensor a (0) must match the size of tensor b (2) at "
                 "non-singleton dimension 0"),
    ((4, 1, 2), (3, 3), "The size of tensor a (2) must match the size of tensor b (3) at "
                        "non-singleton dimension 2"),
    ((3,), (2, 3, 4), "The size of tensor a (3) must match the size of tensor b (4) at "
                      "non-singleton dimension 2"),
    ((1, 0), (2,), "The size of tensor a (0) must match the size of tensor b (2) at "
                   "non-singleton dimension 1"),
    # several mismatches: the last dimension's is reported
    ((2, 3), (4, 5), "The size of tensor a (3) must match the size of tensor b (5) at "
                     "non-singleton dimension 1"),
    ((5, 2, 3), (4, 1, 6), "The size of tensor a (3) must match the size of tensor b (6) at "
                           "non-singleton dimension 2"),
])
def test_broadcast_shape_hidden_errors(a, b, message):
    with raises(RuntimeError, message):
        broadcast_shape(a, b)


# -- gather -------------------------------------------------------------------------------
@pytest.mark.exercise("04", "gather")
def test_gather_hidden_dim0_with_a_smaller_index():
    x = minitorch.tensor(np.arange(12).reshape(3, 4))
    check(minitorch.gather(x, 0, minitorch.tensor([[2, 0], [1, 1]])), (2, 2), "int64",
          [[8, 1], [4, 5]])
    y = minitorch.tensor(np.arange(6).reshape(3, 2))
    check(y.gather(-2, minitorch.tensor([[2, 1], [0, 0]])), (2, 2), "int64", [[4, 3], [0, 1]])


@pytest.mark.exercise("04", "gather")
def test_gather_hidden_3d_negative_dim():
    x = minitorch.tensor(np.arange(24).reshape(2, 3, 4))
    index = minitorch.tensor([[[3, 0]], [[1, 1]]])
    check(minitorch.gather(x, -1, index), (2, 1, 2), "int64", [[[3, 0]], [[13, 13]]])


@pytest.mark.exercise("04", "gather")
def test_gather_hidden_dtypes_vectors_scalars_views():
    x = minitorch.tensor([[1.5, 2.5], [3.5, 4.5]], dtype=minitorch.float64)
    index = minitorch.tensor([[1, 1, 0], [0, 0, 0]], dtype=minitorch.int32)
    check(minitorch.gather(x, 1, index), (2, 3), "float64", [[2.5, 2.5, 1.5], [3.5, 3.5, 3.5]])
    check(minitorch.gather(minitorch.tensor([10, 20, 30]), 0, minitorch.tensor([2, 2, 0, 1])),
          (4,), "int64", [30, 30, 10, 20])
    check(minitorch.gather(minitorch.tensor(5.0), 0, minitorch.tensor(0)), (), "float32", 5.0)
    empty = minitorch.tensor(np.zeros((2, 0), dtype=np.int64))
    check(minitorch.gather(minitorch.tensor([[1, 2], [3, 4]]), 1, empty), (2, 0), "int64",
          [[], []])
    t = minitorch.tensor(np.arange(6).reshape(2, 3)).t()  # [[0, 3], [1, 4], [2, 5]]
    check(minitorch.gather(t, 1, minitorch.tensor([[1], [0], [1]])), (3, 1), "int64",
          [[3], [1], [5]])


@pytest.mark.exercise("04", "gather")
@pytest.mark.parametrize("dim, index, dtype, error, message", [
    (0, [[0, 3]], "int64", RuntimeError, "index 3 is out of bounds for dimension 0 with size 3"),
    (1, [[0], [0], [0], [0]], "int64", RuntimeError,
     "Size does not match at dimension 0 expected index [4, 1] to be no larger than self "
     "[3, 2] apart from dimension 1"),
    (1, [[0]], "int16", RuntimeError, "gather(): Expected dtype int32/int64 for index"),
    (2, [[0]], "int64", IndexError,
     "Dimension out of range (expected to be in range of [-2, 1], but got 2)"),
])
def test_gather_hidden_errors(dim, index, dtype, error, message):
    x = minitorch.tensor(np.arange(6).reshape(3, 2))
    with raises(error, message):
        minitorch.gather(x, dim, minitorch.tensor(index, dtype=getattr(minitorch, dtype)))


@pytest.mark.exercise("04", "gather")
def test_gather_hidden_negative_index():
    with raises(RuntimeError, "index -1 is out of bounds for dimension 0 with size 3"):
        minitorch.gather(minitorch.tensor([1, 2, 3]), 0, minitorch.tensor([0, -1]))


# -- matmul -------------------------------------------------------------------------------
@pytest.mark.exercise("04", "matmul")
def test_matmul_hidden_vector_times_batch():
    result = minitorch.matmul(minitorch.tensor([1.0, 0.0, -1.0]), arange(2, 3, 4))
    check(result, (2, 4), "float32", [[-8.0] * 4] * 2)
    check(arange(4) @ arange(2, 4, 1), (2, 1), "float32", [[14.0], [38.0]])


@pytest.mark.exercise("04", "matmul")
@pytest.mark.parametrize("a_shape, b_shape, expected_shape", [
    ((2, 2, 3), (3, 2), (2, 2, 2)),         # folded into one mm
    ((2, 1, 2, 3), (3, 3, 2), (2, 3, 2, 2)),  # batch dims broadcast
    ((2, 3), (4, 3, 2), (4, 2, 2)),          # 2-D @ 3-D
    ((2, 3, 4), (1, 4, 2), (2, 3, 2)),
])
def test_matmul_hidden_batches(a_shape, b_shape, expected_shape):
    a, b = arange(*a_shape), arange(*b_shape)
    expected = np.matmul(np.arange(np.prod(a_shape)).reshape(a_shape),
                         np.arange(np.prod(b_shape)).reshape(b_shape))
    check(a @ b, expected_shape, "float32", expected.tolist())


@pytest.mark.exercise("04", "matmul")
def test_matmul_hidden_dtypes_views_and_empty():
    check(arange(2, 3, dtype="int64") @ arange(3, dtype="int64"), (2,), "int64", [5, 14])
    x = arange(3, 2, dtype="float64")
    check(x.t() @ x, (2, 2), "float64", [[20.0, 26.0], [26.0, 35.0]])
    check(arange(2, 3).matmul(arange(3, 0)), (2, 0), "float32", [[], []])
    check(minitorch.matmul(arange(0, 3), arange(3)), (0,), "float32", [])
    batch = arange(2, 3, 2).transpose(1, 2)  # (2, 2, 3), not contiguous
    expected = np.matmul(np.arange(12).reshape(2, 3, 2).transpose(0, 2, 1), np.arange(3))
    check(batch @ arange(3), (2, 2), "float32", expected.tolist())


@pytest.mark.exercise("04", "matmul")
@pytest.mark.parametrize("make, message", [
    (lambda: arange(2, 3, 4) @ arange(5), "size mismatch, got input (6), mat (6x4), vec (5)"),
    (lambda: arange(2, 3, 4) @ arange(3, 4, 2),
     "The size of tensor a (2) must match the size of tensor b (3) at non-singleton dimension 0"),
    (lambda: arange(3) @ minitorch.tensor(2.0),
     "both arguments to matmul need to be at least 1D, but they are 1D and 0D"),
    (lambda: arange(2, 3) @ arange(3, 2, dtype="float64"),
     "expected m1 and m2 to have the same dtype, but got: float != double"),
    (lambda: arange(2, 1, 3) @ arange(2, 5),
     "mat1 and mat2 shapes cannot be multiplied (2x3 and 2x5)"),
])
def test_matmul_hidden_errors(make, message):
    with raises(RuntimeError, message):
        make()


# -- sum ----------------------------------------------------------------------------------
@pytest.mark.exercise("04", "sum")
def test_sum_hidden_tuple_and_empty_dims():
    x = minitorch.tensor(np.arange(24).reshape(2, 3, 4))
    check(x.sum((0, -1)), (3,), "int64", [60, 92, 124])
    check(x.sum((0, -1), keepdim=True), (1, 3, 1), "int64", [[[60], [92], [124]]])
    check(x.sum(()), (), "int64", 276)
    check(x.sum((), keepdim=True), (1, 1, 1), "int64", [[[276]]])
    check(minitorch.sum(x, dim=[2, 1]), (2,), "int64", [66, 210])
    check(x.transpose(0, 2).sum(1), (4, 2), "int64",
          [[12, 48], [15, 51], [18, 54], [21, 57]])


@pytest.mark.exercise("04", "sum")
def test_sum_hidden_dtypes():
    check(minitorch.tensor([[True, False], [True, True]]).sum(0), (2,), "int64", [2, 1])
    check(minitorch.tensor([200, 100], dtype=minitorch.uint8).sum(), (), "int64", 300)
    small = minitorch.tensor([1, 2], dtype=minitorch.int32)
    check(small.sum(0, keepdim=True), (1,), "int64", [3])
    check(small.sum(dtype=minitorch.float64), (), "float64", 3.0)
    check(minitorch.tensor([1.5, 2.25], dtype=minitorch.float64).sum(), (), "float64", 3.75)


@pytest.mark.exercise("04", "sum")
def test_sum_hidden_empty_and_scalars():
    check(minitorch.zeros(0, 3).sum(0), (3,), "float32", [0.0, 0.0, 0.0])
    check(minitorch.zeros(0, 3).sum(), (), "float32", 0.0)
    check(minitorch.tensor(5).sum(0), (), "int64", 5)
    check(minitorch.tensor(5).sum(-1, keepdim=True), (), "int64", 5)


@pytest.mark.exercise("04", "sum")
@pytest.mark.parametrize("make, error, message", [
    (lambda: minitorch.zeros(2, 3).sum(-3), IndexError,
     "Dimension out of range (expected to be in range of [-2, 1], but got -3)"),
    (lambda: minitorch.zeros(2, 3).sum((1, -1)), RuntimeError,
     "dim 1 appears multiple times in the list of dims"),
    (lambda: minitorch.zeros(2, 3).sum((0, 5)), IndexError,
     "Dimension out of range (expected to be in range of [-2, 1], but got 5)"),
    (lambda: minitorch.tensor(1.0).sum(1), IndexError,
     "Dimension out of range (expected to be in range of [-1, 0], but got 1)"),
])
def test_sum_hidden_errors(make, error, message):
    with raises(error, message):
        make()
