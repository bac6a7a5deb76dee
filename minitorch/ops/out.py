"""Writing a result into an existing tensor: ``out=`` arguments and in-place methods.

Both keep the target's identity (same Python object, same storage), which is the point
of them: ``torch.add(x, y, out=z)`` and ``x += y`` allocate no new tensor.
"""

import warnings

import numpy as np

from ..autograd.graph import check_inplace
from .promotion import check_can_cast
from .result import row_major_strides


def _shape_text(shape) -> str:
    return "[" + ", ".join(str(size) for size in shape) + "]"


def resize_in_place(tensor, shape):
    """Give ``tensor`` a new contiguous ``shape``, keeping its storage when it is big enough."""
    numel = int(np.prod(shape, dtype=np.int64))
    if tensor._offset + numel > tensor._storage.size:
        tensor._storage = np.zeros(tensor._offset + numel, dtype=tensor._storage.dtype)
    tensor._shape = tuple(shape)
    tensor._strides = row_major_strides(tuple(shape))


def write_out(out, array, result_dtype):
    """Store ``array`` (of dtype ``result_dtype``) in ``out`` as PyTorch's ``out=`` does."""
    check_can_cast(result_dtype, out.dtype)
    if tuple(out._shape) != array.shape:
        if out.numel() != 0:
            warnings.warn(
                f"An output with one or more elements was resized since it had shape "
                f"{_shape_text(out._shape)}, which does not match the required output shape "
                f"{_shape_text(array.shape)}. This behavior is deprecated, and in a future "
                "PyTorch release outputs will not be resized unless they have zero elements. "
                "You can explicitly reuse an out tensor t by resizing it, inplace, to zero "
                "elements with t.resize_(0).", UserWarning, stacklevel=3)
        resize_in_place(out, array.shape)
    out._array()[...] = array
    return out


def check_no_internal_overlap(tensor):
    """Refuse writing to a view whose elements share memory (e.g. after ``expand``); a view
    with no elements has nothing to overlap."""
    shape, strides = tensor._shape, tensor._strides
    if 0 not in shape and any(stride == 0 and size > 1 for size, stride in zip(shape, strides)):
        raise RuntimeError(
            "unsupported operation: more than one element of the written-to tensor refers to "
            "a single memory location. Please clone() the tensor before performing the "
            "operation.")


def check_inplace_shape(target, shape):
    """An in-place result must have ``target``'s shape (``target`` cannot grow)."""
    if tuple(target._shape) != tuple(shape):
        raise RuntimeError(f"output with shape {_shape_text(target._shape)} doesn't match the "
                           f"broadcast shape {_shape_text(shape)}")


def write_inplace(target, array, result_dtype, cast_error=None):
    """Store ``array`` in ``target`` for an in-place method (``add_``, ``+=``, ...).

    The kernels call ``check_no_internal_overlap(target)`` before computing, as PyTorch
    reports that first; then come the shape and the dtype.
    """
    check_inplace(target)  # autograd: never silently overwrite what backward needs
    check_inplace_shape(target, array.shape)
    (cast_error or check_can_cast)(result_dtype, target.dtype)
    target._array()[...] = array
    return target
