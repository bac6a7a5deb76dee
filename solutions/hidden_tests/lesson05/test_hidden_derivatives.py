"""Hidden tests of lesson 05 (instructor only; run by ``minitorch-course grade 05``): the
derivative formulas ``mul_backward``, ``matrix_product_backward`` and ``unbroadcast`` on
NumPy arrays, with hand-computed gradients on cases the public tests do not show."""

import numpy as np
import pytest

from minitorch.autograd.derivatives.arithmetic import mul_backward
from minitorch.autograd.derivatives.products import matrix_product_backward
from minitorch.autograd.derivatives.table import unbroadcast


def same(found, expected):
    expected = np.asarray(expected, dtype=float)
    assert np.shape(found) == expected.shape, f"shape {np.shape(found)} != {expected.shape}"
    np.testing.assert_allclose(found, expected, rtol=1e-12, atol=1e-12)


# -- mul_backward -------------------------------------------------------------------------
@pytest.mark.exercise("05", "mul_backward")
def test_mul_backward_hidden_same_shapes_uneven_grad():
    a = np.array([[1.0, 2.0], [3.0, 4.0]])
    b = np.array([[5.0, 6.0], [7.0, 8.0]])
    grad = np.array([[1.0, 0.0], [2.0, -1.0]])
    grad_a, grad_b = mul_backward(grad, (a, b), a * b, {})
    same(grad_a, [[5.0, 0.0], [14.0, -8.0]])
    same(grad_b, [[1.0, 0.0], [6.0, -4.0]])


@pytest.mark.exercise("05", "mul_backward")
def test_mul_backward_hidden_both_sides_broadcast():
    a = np.array([[1.0], [2.0], [3.0]])  # (3, 1)
    b = np.array([[10.0, -1.0]])  # (1, 2)
    grad = np.arange(6.0).reshape(3, 2)  # [[0, 1], [2, 3], [4, 5]]
    grad_a, grad_b = mul_backward(grad, (a, b), a * b, {})
    same(grad_a, [[-1.0], [17.0], [35.0]])  # sum_j grad[i, j] * b[0, j]
    same(grad_b, [[16.0, 22.0]])  # sum_i grad[i, j] * a[i, 0]


@pytest.mark.exercise("05", "mul_backward")
def test_mul_backward_hidden_number_first_and_zero_dim():
    _, grad_b = mul_backward(np.array([1.0, -2.0, 0.5]), (2.5, np.array([4.0, 5.0, 6.0])),
                             None, {})
    same(grad_b, [2.5, -5.0, 1.25])
    grad_a, grad_b = mul_backward(np.array([1.0, 2.0]), (np.array(3.0), np.array([4.0, 5.0])),
                                  None, {})
    same(grad_a, 14.0)  # a was 0-d: its gradient is 0-d too
    same(grad_b, [3.0, 6.0])


# -- matrix_product_backward -------------------------------------------------------------
@pytest.mark.exercise("05", "matmul_backward")
def test_matmul_backward_hidden_rectangular():
    a = np.array([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])  # (2, 3)
    b = np.array([[1.0], [0.0], [-1.0]])  # (3, 1)
    grad = np.array([[1.0], [2.0]])  # (2, 1)
    grad_a, grad_b = matrix_product_backward(grad, a, b)
    same(grad_a, [[1.0, 0.0, -1.0], [2.0, 0.0, -2.0]])
    same(grad_b, [[9.0], [12.0], [15.0]])


@pytest.mark.exercise("05", "matmul_backward")
def test_matmul_backward_hidden_batch_against_a_matrix():
    a = np.arange(12.0).reshape(2, 2, 3)
    b = np.array([[1.0, -1.0], [0.0, 2.0], [3.0, 1.0]])  # (3, 2), shared by the batch
    grad = np.array([[[1.0, 0.0], [0.0, 1.0]], [[2.0, 1.0], [-1.0, 0.0]]])
    grad_a, grad_b = matrix_product_backward(grad, a, b)
    same(grad_a, [grad[k] @ b.T for k in range(2)])
    same(grad_b, a[0].T @ grad[0] + a[1].T @ grad[1])
    assert grad_b.shape == (3, 2)


@pytest.mark.exercise("05", "matmul_backward")
def test_matmul_backward_hidden_broadcast_batch_dims():
    a = np.arange(4.0).reshape(1, 2, 2)  # batch 1 broadcast against 3
    b = np.arange(12.0).reshape(3, 2, 2) - 5.0
    grad = np.ones((3, 2, 2))
    grad_a, grad_b = matrix_product_backward(grad, a, b)
    same(grad_a, (grad[0] @ b[0].T + grad[1] @ b[1].T + grad[2] @ b[2].T)[None])
    same(grad_b, [a[0].T @ grad[k] for k in range(3)])


@pytest.mark.exercise("05", "matmul_backward")
def test_matmul_backward_hidden_four_dims():
    a = np.arange(24.0).reshape(2, 1, 3, 4) / 10
    b = np.arange(40.0).reshape(5, 4, 2) / 10
    grad = np.arange(60.0).reshape(2, 5, 3, 2) / 7
    grad_a, grad_b = matrix_product_backward(grad, a, b)
    expected_a = np.zeros((2, 1, 3, 4))
    expected_b = np.zeros((5, 4, 2))
    for i in range(2):
        for j in range(5):
            expected_a[i, 0] += grad[i, j] @ b[j].T
            expected_b[j] += a[i, 0].T @ grad[i, j]
    same(grad_a, expected_a)
    same(grad_b, expected_b)


# -- unbroadcast --------------------------------------------------------------------------
@pytest.mark.exercise("05", "unbroadcast")
@pytest.mark.parametrize("grad_shape, shape, expected", [
    ((2, 3), (1, 1), [[15.0]]),
    ((3,), (1,), [3.0]),
    ((2, 3, 4), (3, 1), [[60.0], [92.0], [124.0]]),
    ((2, 3, 4), (1, 3, 1), [[[60.0], [92.0], [124.0]]]),
    ((2, 3, 4), (4,), [60.0, 66.0, 72.0, 78.0]),
])
def test_unbroadcast_hidden_arange(grad_shape, shape, expected):
    result = unbroadcast(np.arange(float(np.prod(grad_shape))).reshape(grad_shape), shape)
    same(result, expected)


@pytest.mark.exercise("05", "unbroadcast")
def test_unbroadcast_hidden_returns_a_fitting_grad_itself():
    grad = np.arange(6.0).reshape(3, 2)
    assert unbroadcast(grad, (3, 2)) is grad
    scalar = np.array(4.0)
    assert unbroadcast(scalar, ()) is scalar


@pytest.mark.exercise("05", "unbroadcast")
def test_unbroadcast_hidden_empty_and_leading_ones():
    same(unbroadcast(np.ones((2, 0)), (1, 0)), np.zeros((1, 0)))
    same(unbroadcast(np.ones((2, 0)), (0,)), np.zeros((0,)))
    same(unbroadcast(np.ones((4, 1, 2)), (1, 1, 2)), [[[4.0, 4.0]]])
    grad = np.array([[1.0, 2.0], [3.0, 4.0]])
    same(unbroadcast(grad, ()), 10.0)
