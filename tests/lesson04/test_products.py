"""Lesson 04: dot, mv, mm, bmm, outer and the exercise matmul (with its dimension rules)."""

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

import minitorch
from oracle import Raised, assert_same_outcome, mini, outcome, pair


def arange(*shape, dtype=np.float32):
    return mini(np.arange(int(np.prod(shape)), dtype=dtype).reshape(shape))


@pytest.mark.exercise("04", "matmul")
@pytest.mark.parametrize("a_shape, b_shape, expected_shape", [
    ((3,), (3,), ()),
    ((2, 3), (3,), (2,)),
    ((3,), (3, 2), (2,)),
    ((2, 3), (3, 4), (2, 4)),
    ((5, 2, 3), (3,), (5, 2)),
    ((5, 2, 3), (3, 4), (5, 2, 4)),
    ((3,), (5, 3, 4), (5, 4)),
    ((5, 2, 3), (5, 3, 4), (5, 2, 4)),
    ((5, 1, 2, 3), (4, 3, 2), (5, 4, 2, 2)),
])
def test_matmul_shapes_and_values(a_shape, b_shape, expected_shape):
    a, b = arange(*a_shape), arange(*b_shape)
    result = minitorch.matmul(a, b)
    assert tuple(result.shape) == expected_shape
    np.testing.assert_allclose(result._array(), np.matmul(a._array(), b._array()))
    assert (a @ b).shape == result.shape


@pytest.mark.exercise("04", "matmul")
def test_matmul_note_examples():
    t1 = mini(np.arange(10, dtype=np.float32).reshape(2, 5))
    t2 = mini(np.arange(10, dtype=np.float32).reshape(5, 2))
    np.testing.assert_array_equal(t1.matmul(t2)._array(), [[60, 70], [160, 195]])
    x = mini(np.arange(12, dtype=np.float32).reshape(3, 4))
    y = mini(np.array([[2, 1, 4, 3], [1, 2, 3, 4], [4, 3, 2, 1]], np.float32))
    np.testing.assert_array_equal(minitorch.matmul(x, y._view((4, 3), (1, 4)))._array(),
                                  [[18, 20, 10], [58, 60, 50], [98, 100, 90]])


@pytest.mark.exercise("04", "matmul")
@pytest.mark.parametrize("a_shape, b_shape, message", [
    ((), (2, 3), "both arguments to matmul need to be at least 1D, but they are 0D and 2D"),
    ((2, 3), (4,), "size mismatch, got input (2), mat (2x3), vec (4)"),
    ((4,), (2, 3), "mat1 and mat2 shapes cannot be multiplied (1x4 and 2x3)"),
    ((2, 3), (4, 5), "mat1 and mat2 shapes cannot be multiplied (2x3 and 4x5)"),
    ((3,), (4,), "inconsistent tensor size, expected tensor [3] and src [4] to have the same "
                 "number of elements, but got 3 and 4 elements respectively"),
    ((6, 2, 3), (6, 4, 5), "Expected size for first two dimensions of batch2 tensor to be: "
                           "[6, 3] but got: [6, 4]."),
    ((6, 2, 3), (5, 3, 5), "The size of tensor a (6) must match the size of tensor b (5) at "
                           "non-singleton dimension 0"),
    ((2, 2, 3), (4,), "size mismatch, got input (4), mat (4x3), vec (4)"),
])
def test_matmul_errors(a_shape, b_shape, message):
    result = outcome(lambda: minitorch.matmul(arange(*a_shape), arange(*b_shape)))
    assert result == Raised("RuntimeError", message)


@pytest.mark.exercise("04", "matmul")
@settings(max_examples=200, deadline=None)
@given(a_dims=st.integers(0, 4), b_dims=st.integers(0, 4), data=st.data(),
       dtype=st.sampled_from(["float32", "float64", "int64"]), transposed=st.booleans())
def test_matmul_matches_torch(torch, a_dims, b_dims, data, dtype, transposed):
    """Also on transposed (non-contiguous) operands, where PyTorch stops folding."""
    sizes = st.integers(1, 3)
    a_shape = tuple(data.draw(st.lists(sizes, min_size=a_dims, max_size=a_dims)))
    b_shape = list(data.draw(st.lists(sizes, min_size=b_dims, max_size=b_dims)))
    if a_shape and len(b_shape) >= 2 and data.draw(st.integers(0, 4)):
        b_shape[-2] = a_shape[-1]  # usually compatible
    elif a_shape and len(b_shape) == 1 and data.draw(st.integers(0, 4)):
        b_shape[0] = a_shape[-1]
    a = np.arange(int(np.prod(a_shape)), dtype=dtype).reshape(a_shape) - 2
    b = np.arange(int(np.prod(b_shape)), dtype=dtype).reshape(b_shape) % 5
    if transposed:
        a = np.swapaxes(a, -1, -2) if a.ndim >= 2 else a
        b = np.swapaxes(b, -1, -2) if b.ndim >= 2 else b
    (x, tx), (y, ty) = pair(torch, a), pair(torch, b)
    if transposed:
        x, tx = (x.mT, tx.mT) if a.ndim >= 2 else (x, tx)
        y, ty = (y.mT, ty.mT) if b.ndim >= 2 else (y, ty)
    assert_same_outcome(outcome(lambda: x @ y), outcome(lambda: tx @ ty))


@pytest.mark.parametrize("call", [
    "v.dot(v)", "m.dot(m)", "v.dot(w)", "v.dot(vd)", "torch.dot(v, v)",
    "m.mm(n)", "v.mm(m)", "m.mv(v)", "m.mv(w)", "torch.mv(m, m)", "m.mm(m)", "m.mm(nd)",
    "mi.mm(ni)", "mb.mm(mb)", "torch.bmm(m, m)", "torch.bmm(c, d)", "torch.bmm(c, c)",
    "torch.outer(v, w)", "torch.outer(m, v)", "torch.outer(v, vi)", "torch.matmul(m, nd)",
    "torch.matmul(c, nd)", "m @ 2",
])
def test_product_calls_match_torch(torch, call):
    values = {"v": np.array([1.0, 2.0, 3.0], np.float32), "w": np.arange(4, dtype=np.float32),
              "vd": np.ones(3), "vi": np.array([1, 2]), "m": np.ones((2, 3), np.float32),
              "n": np.ones((3, 4), np.float32), "nd": np.ones((3, 3)),
              "mi": np.ones((2, 3), np.int64), "ni": np.ones((3, 2), np.int64),
              "mb": np.ones((2, 2), bool), "c": np.ones((2, 3, 4), np.float32),
              "d": np.ones((2, 4, 5), np.float32)}
    mine = outcome(lambda: eval(call, {"torch": minitorch},
                                {k: mini(v) for k, v in values.items()}))
    theirs = outcome(lambda: eval(call, {"torch": torch},
                                  {k: torch.from_numpy(v.copy()) for k, v in values.items()}))
    assert_same_outcome(mine, theirs)


def test_dot_of_2d_tensors_is_refused_like_the_note():
    t1 = mini(np.ones((2, 5), np.float32))
    with pytest.raises(RuntimeError, match="1D tensors expected, but got 2D and 2D tensors"):
        t1.dot(t1)
