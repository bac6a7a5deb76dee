"""Derivatives of matrix products: ``@``, ``mm``, ``mv``, ``dot``, ``bmm`` (``outer`` is a
broadcast ``*``, as in PyTorch)."""

import numpy as np

from ..._exercise import exercise
from .table import derivative, unbroadcast


@exercise("05", "matmul_backward", points=2)
def matrix_product_backward(grad, a, b):
    """The gradients of ``a`` and ``b`` for ``c = a @ b`` (all at least 2-D).

    For matrices, ``c[i, k] = sum_j a[i, j] * b[j, k]``; the chain rule gives::

        grad_a = grad @ b.T        # (n, p) @ (p, m) -> (n, m), a's shape
        grad_b = a.T @ grad        # (m, n) @ (n, p) -> (m, p), b's shape

    With batches (3-D and more) "transpose" means swapping the *last two* axes
    (``np.swapaxes(x, -1, -2)``), and the batch dimensions may have broadcast: sum each
    gradient back to its input's shape with ``unbroadcast``.

    >>> matrix_product_backward(np.ones((2, 2)), np.eye(2), np.array([[1., 2.], [3., 4.]]))
    (array([[3., 7.], [3., 7.]]), array([[1., 1.], [1., 1.]]))
    """
    raise NotImplementedError('Lesson 05 · exercise matmul_backward: implement matrix_product_backward (minitorch/autograd/derivatives/products.py), then run check("05", "matmul_backward") to test it.')


@derivative("MmBackward0", "MvBackward0", "DotBackward0", "BmmBackward0")
def matmul_backward(grad, inputs, output, saved):
    # c = a @ b:  da = grad @ b^T,  db = a^T @ grad  (1-D operands as 1-row / 1-column matrices)
    a, b = inputs
    matrix_a = a.reshape(1, -1) if a.ndim == 1 else a
    matrix_b = b.reshape(-1, 1) if b.ndim == 1 else b
    batch = np.broadcast_shapes(matrix_a.shape[:-2], matrix_b.shape[:-2])
    matrix_grad = np.reshape(grad, batch + (matrix_a.shape[-2], matrix_b.shape[-1]))
    grad_a, grad_b = matrix_product_backward(matrix_grad, matrix_a, matrix_b)
    return grad_a.reshape(a.shape), grad_b.reshape(b.shape)

