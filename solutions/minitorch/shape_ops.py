"""Lesson 03: changing how many dimensions a tensor has, and joining or cutting tensors.

``squeeze``/``unsqueeze``/``chunk``/``split`` only re-describe memory (views);
``cat``/``stack`` must copy, because the inputs live in different storages.
"""

import numpy as np

from . import dtypes
from ._exercise import exercise
from .autograd import recording
from .dims import wrap_dim
from .tensor import Tensor


@recording.recorded_as(recording.squeeze_name)
@exercise("03", "squeeze")
def squeeze(input, dim=None):
    """Remove dimensions of size 1: all of them (``dim=None``), or only ``dim`` (an int
    or a tuple of ints; a listed dimension whose size is not 1 is kept, no error).

    A view: keep the sizes and strides of the remaining dimensions.  Wrap negative
    dims with ``wrap_dim(dim, input.dim())`` (given).  A dimension listed twice is an
    error, as in PyTorch: ``RuntimeError("dim 0 appears multiple times in the list of
    dims")`` (the wrapped dim).

    >>> minitorch.zeros(2, 1, 3, 1).squeeze().shape
    torch.Size([2, 3])
    >>> minitorch.zeros(2, 1, 3, 1).squeeze(-1).shape
    torch.Size([2, 1, 3])
    """
    ### BEGIN SOLUTION
    if dim is None:
        chosen = {d for d, size in enumerate(input._shape) if size == 1}
    else:
        listed = dim if isinstance(dim, (tuple, list)) else (dim,)
        dims = [wrap_dim(d, input.dim()) for d in listed]
        for position, d in enumerate(dims):
            if d in dims[:position]:
                raise RuntimeError(f"dim {d} appears multiple times in the list of dims")
        chosen = {d for d in dims if input.dim() and input._shape[d] == 1}
    kept = [d for d in range(input.dim()) if d not in chosen]
    return input._view([input._shape[d] for d in kept], [input._strides[d] for d in kept])
    ### END SOLUTION


@recording.recorded_as("UnsqueezeBackward0")
@exercise("03", "unsqueeze")
def unsqueeze(input, dim):
    """Insert a dimension of size 1 at position ``dim`` (a view).

    ``dim`` may be anything from ``-(input.dim() + 1)`` to ``input.dim()``:
    ``wrap_dim(dim, input.dim() + 1)``.  The new dimension's stride is what PyTorch
    uses: ``size * stride`` of the dimension now after it, or 1 when it is the last.

    >>> x = minitorch.zeros(2, 3)
    >>> x.unsqueeze(0).shape, x.unsqueeze(-1).shape, x.unsqueeze(1).stride()
    (torch.Size([1, 2, 3]), torch.Size([2, 3, 1]), (3, 3, 1))
    """
    ### BEGIN SOLUTION
    dim = wrap_dim(dim, input.dim() + 1)
    shape, strides = list(input._shape), list(input._strides)
    stride = shape[dim] * strides[dim] if dim < input.dim() else 1
    shape.insert(dim, 1)
    strides.insert(dim, stride)
    return input._view(shape, strides)
    ### END SOLUTION


def _result_dtype(tensors):
    found = tensors[0].dtype
    for tensor in tensors[1:]:
        found = dtypes.promote_types(found, tensor.dtype)
    return found


@recording.recorded_as("CatBackward0", recording.list_dim, recording.listed_tensors)
@exercise("03", "cat", points=2)
def cat(tensors, dim=0):
    """Join tensors along an existing dimension ``dim`` (a copy).

    All tensors must have the same number of dimensions and the same sizes except in
    ``dim``; the result's dtype holds them all (``dtypes.promote_types``).  Copy the
    inputs' ``_array()``s with ``np.concatenate`` and wrap with ``Tensor._from_array``.
    PyTorch's errors: ``ValueError("torch.cat(): expected a non-empty list of
    Tensors")`` and, for a size mismatch of tensor ``i``::

        RuntimeError: Sizes of tensors must match except in dimension 0. Expected
        size 3 but got size 2 for tensor number 1 in the list.

    (one line).  PyTorch also lets 1-d empty tensors (``shape (0,)``) join anything:
    skip them.

    >>> minitorch.cat([minitorch.zeros(1, 2), minitorch.ones(2, 2)]).shape
    torch.Size([3, 2])
    """
    ### BEGIN SOLUTION
    tensors = list(tensors)
    if not tensors:
        raise ValueError("torch.cat(): expected a non-empty list of Tensors")
    dtype = _result_dtype(tensors)
    joined = [t for t in tensors if not (t.dim() == 1 and t.numel() == 0)]
    if not joined:
        return Tensor._from_array(np.zeros((0,), dtype=dtype.numpy))
    first = joined[0]
    if first.dim() == 0:
        raise RuntimeError("zero-dimensional tensor (at position 0) cannot be concatenated")
    dim = wrap_dim(dim, first.dim())
    for number, t in enumerate(tensors):
        if t.dim() == 1 and t.numel() == 0:
            continue
        if t.dim() != first.dim():
            raise RuntimeError(
                f"Tensors must have same number of dimensions: got {first.dim()} and {t.dim()}")
        for d in range(first.dim()):
            if d != dim and t._shape[d] != first._shape[d]:
                raise RuntimeError(
                    f"Sizes of tensors must match except in dimension {dim}. Expected size "
                    f"{first._shape[d]} but got size {t._shape[d]} for tensor number {number} "
                    "in the list.")
    arrays = [t._array().astype(dtype.numpy) for t in joined]
    return Tensor._from_array(np.concatenate(arrays, axis=dim))
    ### END SOLUTION


concat = concatenate = cat


@recording.recorded_as("StackBackward0", recording.list_dim, recording.listed_tensors)
@exercise("03", "stack")
def stack(tensors, dim=0):
    """Join same-shaped tensors along a *new* dimension ``dim``: unsqueeze each one at
    ``dim`` (your exercise), then ``cat`` them (your exercise) along ``dim``.

    ``dim`` may be ``-(ndim + 1)`` to ``ndim``.  PyTorch's errors:
    ``RuntimeError("stack expects a non-empty TensorList")`` and::

        RuntimeError: stack expects each tensor to be equal size, but got [2, 3] at
        entry 0 and [3, 3] at entry 1

    (one line).

    >>> minitorch.stack([minitorch.zeros(2, 3), minitorch.ones(2, 3)], dim=1).shape
    torch.Size([2, 2, 3])
    """
    ### BEGIN SOLUTION
    tensors = list(tensors)
    if not tensors:
        raise RuntimeError("stack expects a non-empty TensorList")
    for entry, t in enumerate(tensors):
        if t.shape != tensors[0].shape:
            raise RuntimeError(
                f"stack expects each tensor to be equal size, but got {list(tensors[0].shape)} "
                f"at entry 0 and {list(t.shape)} at entry {entry}")
    dim = wrap_dim(dim, tensors[0].dim() + 1)
    return cat([unsqueeze(t, dim) for t in tensors], dim)
    ### END SOLUTION


@recording.recorded_as("SplitBackward0", recording.split_keys)
@exercise("03", "split", points=2)
def split(tensor, split_size_or_sections, dim=0):
    """Cut ``tensor`` along ``dim`` into a tuple of views.

    An int ``split_size`` gives pieces of that size (the last one may be smaller); a
    list gives the size of each piece and must add up to the dimension's size.  Each
    piece is ``tensor.narrow(dim, start, length)`` (given: a view starting at ``start``).

    PyTorch's errors: for a list that does not add up::

        RuntimeError: split_with_sizes expects split_sizes to sum exactly to 3 (input
        tensor's size at dimension 0), but got split_sizes=[1, 1]

    and ``RuntimeError("split_size can only be 0 if dimension size is 0, but got
    dimension size of 2")`` (both one line).

    >>> [p.shape[0] for p in minitorch.arange(5).split(2)]
    [2, 2, 1]
    >>> minitorch.arange(5).split([1, 4])
    (tensor([0]), tensor([1, 2, 3, 4]))
    """
    ### BEGIN SOLUTION
    given_dim, dim = dim, wrap_dim(dim, tensor.dim())
    size = tensor._shape[dim]
    if isinstance(split_size_or_sections, (list, tuple)):
        sections = [int(s) for s in split_size_or_sections]
        if any(s < 0 for s in sections):
            raise RuntimeError("split_with_sizes expects split_sizes have only non-negative "
                               f"entries, but got split_sizes={sections}")
        if sum(sections) != size:
            raise RuntimeError(
                f"split_with_sizes expects split_sizes to sum exactly to {size} (input "
                f"tensor's size at dimension {given_dim}), but got split_sizes={sections}")
    else:
        step = int(split_size_or_sections)
        if step == 0 and size != 0:
            raise RuntimeError("split_size can only be 0 if dimension size is 0, but got "
                               f"dimension size of {size}")
        if step < 0:
            raise RuntimeError(f"split expects split_size be non-negative, but got "
                               f"split_size={step}")
        count = max(1, -(-size // step)) if step else 1
        sections = [min(step, size - i * step) for i in range(count)]
    pieces, start = [], 0
    for length in sections:
        pieces.append(tensor.narrow(dim, start, length))
        start += length
    return tuple(pieces)
    ### END SOLUTION


@recording.recorded_as("SplitBackward0", recording.split_keys)
@exercise("03", "chunk")
def chunk(input, chunks, dim=0):
    """Cut ``input`` into ``chunks`` nearly equal views along ``dim``.

    As PyTorch: every piece has ``ceil(size / chunks)`` elements along ``dim`` except
    maybe the last, so there can be *fewer* than ``chunks`` pieces — it is
    ``split(input, ceil(size / chunks), dim)`` (your exercise).
    ``RuntimeError("chunk expects `chunks` to be greater than 0, got: 0")`` for
    ``chunks < 1``.  An empty dimension gives ``chunks`` empty pieces.

    >>> [p.shape[0] for p in minitorch.arange(6).chunk(4)]
    [2, 2, 2]
    """
    ### BEGIN SOLUTION
    if chunks <= 0:
        raise RuntimeError(f"chunk expects `chunks` to be greater than 0, got: {chunks}")
    size = input._shape[wrap_dim(dim, input.dim())]
    if size == 0:  # PyTorch: ``chunks`` empty pieces
        return split(input, [0] * chunks, dim)
    return split(input, -(-size // chunks), dim)
    ### END SOLUTION


def unbind(input, dim=0):
    """The slices along ``dim``, each without that dimension (views)."""
    dim = wrap_dim(dim, input.dim())
    return tuple(input.select(dim, i) for i in range(input._shape[dim]))


def numel(input):
    return input.numel()


def reshape(input, shape):
    return input.reshape(shape)


def transpose(input, dim0, dim1):
    return input.transpose(dim0, dim1)


swapaxes = swapdims = transpose


def t(input):
    return input.t()


def permute(input, dims):
    return input.permute(dims)


def flatten(input, start_dim=0, end_dim=-1):
    return input.flatten(start_dim, end_dim)


def narrow(input, dim, start, length):
    return input.narrow(dim, start, length)


def select(input, dim, index):
    return input.select(dim, index)
