"""Products of vectors and matrices: ``dot mv mm bmm matmul outer``.

``dot``, ``mv``, ``mm`` and ``bmm`` each accept exactly one layout (1-D, matrix-vector,
2-D, 3-D batches) and say so when given another; ``matmul`` (``@``) looks at the
dimensions and picks one of them, broadcasting batch dimensions.
"""

import numpy as np

from .. import dtypes
from .._exercise import exercise
from .arithmetic import mul
from .broadcast import broadcast_shape
from .elementwise import check_tensor
from .promotion import scalar_type_name
from .result import make_result

_C_TYPE_NAMES = {dtypes.float16: "c10::Half", dtypes.float32: "float",
                 dtypes.float64: "double", dtypes.int8: "signed char",
                 dtypes.int16: "short int", dtypes.int32: "int", dtypes.int64: "long int",
                 dtypes.uint8: "unsigned char", dtypes.bool: "bool"}


def _size_text(shape):
    return "x".join(str(size) for size in shape)


def _check_matrix_dtypes(a, b):
    if a.dtype is not b.dtype:
        raise RuntimeError("expected m1 and m2 to have the same dtype, but got: "
                           f"{_C_TYPE_NAMES[a.dtype]} != {_C_TYPE_NAMES[b.dtype]}")
    if a.dtype is dtypes.bool:
        raise NotImplementedError('"addmm_impl_cpu_" not implemented for \'Bool\'')


def _product(array, dtype, inputs, grad_name):
    return make_result(np.asarray(array).astype(dtype.numpy, copy=False), inputs, grad_name)


def dot(input, tensor):
    """Inner product of two 1-D tensors of the same dtype and length."""
    check_tensor("dot", input)
    check_tensor("dot", tensor, "tensor", 2)
    if input.dim() != 1 or tensor.dim() != 1:
        raise RuntimeError(f"1D tensors expected, but got {input.dim()}D and {tensor.dim()}D "
                           "tensors")
    if input.dtype is not tensor.dtype:
        raise RuntimeError("dot : expected both vectors to have same dtype, but found "
                           f"{scalar_type_name(input.dtype)} and "
                           f"{scalar_type_name(tensor.dtype)}")
    if input.numel() != tensor.numel():
        raise RuntimeError(
            f"inconsistent tensor size, expected tensor [{input.numel()}] and src "
            f"[{tensor.numel()}] to have the same number of elements, but got "
            f"{input.numel()} and {tensor.numel()} elements respectively")
    return _product(np.dot(input._array(), tensor._array()), input.dtype, (input, tensor),
                    "DotBackward0")


inner = dot


def mv(input, vec):
    """Matrix (n, m) times vector (m,) gives a vector (n,)."""
    check_tensor("mv", input)
    check_tensor("mv", vec, "vec", 2)
    if input.dim() != 2 or vec.dim() != 1:
        raise RuntimeError("vector + matrix @ vector expected, got 1, "
                           f"{input.dim()}, {vec.dim()}")
    if input.shape[1] != vec.shape[0]:
        raise RuntimeError(f"size mismatch, got input ({input.shape[0]}), mat "
                           f"({_size_text(input.shape)}), vec ({vec.shape[0]})")
    _check_matrix_dtypes(input, vec)
    return _product(input._array() @ vec._array(), input.dtype, (input, vec), "MvBackward0")


def mm(input, mat2):
    """Matrix product of two 2-D tensors; no broadcasting (use ``matmul`` for that)."""
    check_tensor("mm", input)
    check_tensor("mm", mat2, "mat2", 2)
    if input.dim() != 2:
        raise RuntimeError("self must be a matrix")
    if mat2.dim() != 2:
        raise RuntimeError("mat2 must be a matrix")
    if input.shape[1] != mat2.shape[0]:
        raise RuntimeError(f"mat1 and mat2 shapes cannot be multiplied "
                           f"({_size_text(input.shape)} and {_size_text(mat2.shape)})")
    _check_matrix_dtypes(input, mat2)
    return _product(input._array() @ mat2._array(), input.dtype, (input, mat2), "MmBackward0")


def check_batches(batch1_shape, batch2_shape):
    """PyTorch's ``bmm`` shape check, on (b, n, m) and (b, m, p) shapes."""
    expected = [batch1_shape[0], batch1_shape[2]]
    if list(batch2_shape[:2]) != expected:
        raise RuntimeError("Expected size for first two dimensions of batch2 tensor to be: "
                           f"{expected} but got: {list(batch2_shape[:2])}.")


def bmm(input, mat2):
    """A batch of matrix products: (b, n, m) @ (b, m, p) -> (b, n, p)."""
    check_tensor("bmm", input)
    check_tensor("bmm", mat2, "mat2", 2)
    if input.dim() != 3:
        raise RuntimeError("batch1 must be a 3D tensor")
    if mat2.dim() != 3:
        raise RuntimeError("batch2 must be a 3D tensor")
    check_batches(input.shape, mat2.shape)
    _check_matrix_dtypes(input, mat2)
    return _product(np.matmul(input._array(), mat2._array()), input.dtype, (input, mat2),
                    "BmmBackward0")


def batched_matmul(a, b):
    """``a @ b`` for arrays of shapes (..., n, m) and (..., m, p) whose batch dims broadcast.

    Raises PyTorch's errors: batch dims that do not broadcast, then mismatched ``m``.
    """
    batch = broadcast_shape(a.shape[:-2], b.shape[:-2])
    count = int(np.prod(batch, dtype=np.int64))
    check_batches((count,) + a.shape[-2:], (count,) + b.shape[-2:])
    return np.matmul(a, b)


def should_fold(input, other) -> bool:
    """Whether PyTorch computes ``input @ other`` as *one* ``mm``/``mv`` on the folded batch.

    It does when one operand has 3+ dims and the other 1 or 2 (but not for 2-D @ N-D), and
    the big operand (``other`` transposed, when it is the big one) can be viewed as rows
    without copying.  Results are the same either way; the error messages differ.
    """
    a, b = input.dim(), other.dim()
    big, small = (input, b) if a >= b else (other, a)
    if big.dim() < 3 or small not in (1, 2) or a == 2:
        return False
    shape, strides = list(big.shape), list(big.stride())
    if big is other:  # PyTorch folds other.mT: swap the last two dims
        shape[-2:], strides[-2:] = shape[:-3:-1], strides[:-3:-1]
    if big.numel() == 0:
        return True
    return all(strides[d] == strides[d + 1] * shape[d + 1] for d in range(len(shape) - 2))


@exercise("04", "matmul", 3)
def matmul(input, other):
    """Matrix product with PyTorch's dimension rules (``torch.matmul``, the ``@`` operator).

    Let ``a, b = input.dim(), other.dim()``:

    * either is 0-D: ``RuntimeError("both arguments to matmul need to be at least 1D, but
      they are 0D and 2D")`` (with the actual dims);
    * 1-D @ 1-D: ``dot(input, other)``, a 0-d tensor;
    * 2-D @ 1-D: ``mv(input, other)``;   2-D @ 2-D: ``mm(input, other)``;
    * 1-D @ 2-D: treat the vector as a (1, n) matrix, use ``mm``, drop that dimension again;
    * when ``should_fold(input, other)``: fold the batch into rows.  The big operand is
      ``input`` (3+ dims) or, for 1-D @ N-D, ``other`` with its last two dims swapped
      (``np.swapaxes``).  Reshape its array to (-1, n), multiply with ``mv`` (small operand
      1-D) or ``mm`` (2-D) on tensors made with ``Tensor._from_array``, and reshape to the
      big operand's shape without its last dim (plus the matrix's last dim for ``mm``);
    * otherwise: make both at least 2-D (a 1-D left operand becomes (1, n), a 1-D right
      operand (n, 1)), call ``_check_matrix_dtypes(input, other)`` then
      ``batched_matmul(a_array, b_array)`` (it broadcasts the batch dimensions and raises
      PyTorch's errors), and remove the dimensions you added.

    Return ``make_result(array, (input, other), "MmBackward0")`` for the array cases.

    >>> torch.matmul(torch.ones(5, 2, 3), torch.ones(3)).shape
    torch.Size([5, 2])
    """
    raise NotImplementedError('Lesson 04 · exercise matmul: implement matmul (minitorch/ops/products.py), then run check("04", "matmul") to test it.')


def outer(input, vec2):
    """Outer product of two 1-D tensors: ``out[i, j] = input[i] * vec2[j]``."""
    check_tensor("outer", input)
    check_tensor("outer", vec2, "vec2", 2)
    for name, tensor in (("self", input), ("vec2", vec2)):
        if tensor.dim() != 1:
            raise RuntimeError(f"outer: Expected 1-D argument {name}, but got {tensor.dim()}-D")
    return mul(input.reshape(-1, 1), vec2)  # PyTorch's outer is this mul, graph included


ger = outer
