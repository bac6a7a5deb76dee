"""``tensor[key]`` and ``tensor[key] = value``, with PyTorch's rules.

*Basic* keys (ints, slices with positive steps, ``None``, ``...``) make a view: each
part of the key only changes the shape, strides and offset (an int drops a dimension
and moves the offset, a slice scales a stride, ``None`` adds a size-1 dimension).
*Advanced* keys (bool masks, integer lists or tensors) gather elements, so they copy;
NumPy implements those with the same semantics as PyTorch.
"""

import numbers

import numpy as np

from . import dtypes
from .ops.out import check_no_internal_overlap
from .ops.promotion import scalar_type_name


def _is_basic(part):
    return part is None or part is Ellipsis or isinstance(part, slice) or (
        isinstance(part, numbers.Integral) and not isinstance(part, (bool, np.bool_)))


def _as_key_tuple(key):
    """PyTorch reads a list holding lists, slices, ``None``, ``...`` or tensors as a
    tuple of indices (``x[[0, 1], [2, 2]]``-style legacy rule); any other key is one index."""
    from .tensor import Tensor

    if isinstance(key, tuple):
        return key
    if isinstance(key, list) and len(key) < 32 and any(
            isinstance(part, (list, tuple, slice, Tensor)) or part is None or part is Ellipsis
            for part in key):
        return tuple(key)
    return (key,)


def _to_numpy_part(part):
    from .tensor import Tensor

    if isinstance(part, Tensor):
        if part.dim() == 0 and not part.dtype.is_floating_point and part.dtype is not dtypes.bool:
            return int(part.item())
        if part.dtype.is_floating_point:
            raise IndexError("tensors used as indices must be long, int, byte or bool tensors")
        return part._array()
    if isinstance(part, list):
        return np.array(part) if part else np.array([], dtype=np.int64)
    return part


def _expand_ellipsis(key, ndim):
    """Replace the first ``...`` by full slices (PyTorch lets any later ``...`` stand for
    no dimension at all); IndexError for too many indices."""
    def is_mask(part):
        return isinstance(part, np.ndarray) and part.dtype == np.bool_

    def is_ellipsis(part):
        return not isinstance(part, np.ndarray) and part is Ellipsis

    used = sum(part.ndim if is_mask(part) else 1 for part in key
               if part is not None and not is_ellipsis(part))
    if used > ndim:
        raise IndexError(f"too many indices for tensor of dimension {ndim}")
    at = next((i for i, part in enumerate(key) if is_ellipsis(part)), len(key))
    rest = tuple(part for part in key[at + 1:] if not is_ellipsis(part))
    return key[:at] + (slice(None),) * (ndim - used) + rest


def basic_view(tensor, key):
    """The view selected by a key of ints, slices and ``None`` only."""
    shape, strides = [], []
    offset = tensor._offset
    dim = 0
    for part in key:
        if part is None:
            # PyTorch unsqueezes here: stride = size * stride of the next dimension.
            shape.append(1)
            strides.append(tensor._shape[dim] * tensor._strides[dim] if dim < tensor.dim() else 1)
            continue
        size, stride = tensor._shape[dim], tensor._strides[dim]
        if isinstance(part, slice):
            if part.step is not None and part.step <= 0:
                if part.step == 0:
                    raise ValueError("slice step cannot be zero")
                raise ValueError("step must be greater than zero")
            start, stop, step = part.indices(size)
            count = max(0, -(-(stop - start) // step))
            offset += start * stride
            shape.append(count)
            strides.append(stride * step)
        else:
            index = int(part)
            if not -size <= index < size:
                raise IndexError(f"index {index} is out of bounds for dimension {dim} "
                                 f"with size {size}")
            offset += (index % size) * stride
        dim += 1
    return tensor._view(shape, strides, offset)


def get_item(tensor, key):
    from .tensor import Tensor

    key = tuple(_to_numpy_part(part) for part in _as_key_tuple(key))
    key = _expand_ellipsis(key, tensor.dim())
    if all(_is_basic(part) for part in key):
        return basic_view(tensor, key)
    try:
        picked = tensor._array()[key]
    except IndexError as error:
        raise IndexError(str(error).replace("axis", "dimension")) from None
    return Tensor._from_array(picked)


def set_item(tensor, key, value):
    """Write ``value`` (a number or a tensor, broadcast) into the selected elements."""
    from .tensor import Tensor

    if isinstance(value, (list, tuple)):
        raise TypeError(f"can't assign a {type(value).__name__} to a {tensor.type()}")
    key = _expand_ellipsis(tuple(_to_numpy_part(part) for part in _as_key_tuple(key)),
                           tensor.dim())
    if all(_is_basic(part) for part in key):
        target = basic_view(tensor, key)
        check_no_internal_overlap(target)
        source = value.expand(target.shape)._array() if isinstance(value, Tensor) else value
        target._array()[...] = source
        return
    if isinstance(value, Tensor) and value.dim() and value.dtype is not tensor.dtype:
        raise RuntimeError(
            "Index put requires the source and destination dtypes match, got "
            f"{scalar_type_name(tensor.dtype)} for the destination and "
            f"{scalar_type_name(value.dtype)} for the source.")
    source = value._array() if isinstance(value, Tensor) else value
    try:
        tensor._array()[key] = source
    except ValueError:
        result = tensor._array()[key].shape
        raise RuntimeError(f"shape mismatch: value tensor of shape {list(np.shape(source))} "
                           f"cannot be broadcast to indexing result of shape {list(result)}"
                           ) from None
