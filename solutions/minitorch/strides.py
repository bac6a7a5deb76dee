"""Index math for strided storage: pure functions on shapes, strides and indices.

A tensor's elements live in one flat storage array.  ``strides[d]`` says how many storage
slots to move when index ``d`` grows by one, so element ``index`` sits at
``offset + sum(index[d] * strides[d])``.  Views are just new (shape, strides, offset)
triples over the same storage.
"""

from typing import Tuple

from ._exercise import exercise

Shape = Tuple[int, ...]
Strides = Tuple[int, ...]


@exercise("02", "contiguous_strides")
def contiguous_strides(shape: Shape) -> Strides:
    """Return the strides of a freshly allocated (row-major, C-contiguous) tensor.

    The last dimension is densest: its stride is 1, and each earlier stride is the
    product of all later sizes.  Sizes of 0 count as 1 here, as in PyTorch.

    >>> contiguous_strides((2, 3, 4))
    (12, 4, 1)
    >>> contiguous_strides(())
    ()
    """
    ### BEGIN SOLUTION
    strides = []
    step = 1
    for size in reversed(shape):
        strides.append(step)
        step *= max(size, 1)
    return tuple(reversed(strides))
    ### END SOLUTION


Index = Tuple[int, ...]


@exercise("02", "element_offset")
def element_offset(index: Index, strides: Strides, offset: int = 0) -> int:
    """Return where element ``index`` sits in the flat storage.

    Start at ``offset`` (the tensor's ``storage_offset()``) and move ``index[d]`` steps of
    ``strides[d]`` along every dimension ``d``.

    >>> element_offset((1, 2), (3, 1))        # row 1, column 2 of a 2x3 tensor
    5
    >>> element_offset((1, 2), (1, 2), 4)     # its transpose, starting at slot 4
    9
    """
    ### BEGIN SOLUTION
    position = offset
    for i, stride in zip(index, strides):
        position += i * stride
    return position
    ### END SOLUTION


@exercise("02", "view_strides", points=3)
def view_strides(shape: Shape, strides: Strides, new_shape: Shape):
    """Return the strides that read a tensor ``(shape, strides)`` as ``new_shape``, or
    None when no strides can (then ``view`` fails and ``reshape`` must copy).

    Both shapes hold the same number of elements.  Cut the old dimensions into
    *chunks*: runs of neighbouring dimensions that are contiguous with each other
    (``strides[d] == strides[d + 1] * shape[d + 1]``; size-1 dimensions never break a
    chunk).  A view exists when the new shape can be cut into groups of dimensions
    whose element counts equal the chunks' sizes, chunk by chunk; inside a chunk the
    new strides are contiguous, based on the chunk's last stride.  This is PyTorch's
    ``computeStride``: walk both shapes from the last dimension to the first.

    Special cases: a 0-d tensor (``shape == ()``) gives strides of all 1; a tensor
    with no elements gives contiguous strides (or the old strides if the shape does
    not change).  Size-1 new dimensions take the stride of the chunk position they
    land on.

    >>> view_strides((2, 3), (3, 1), (3, 2))       # contiguous: any shape works
    (2, 1)
    >>> view_strides((3, 2), (1, 3), (6,))         # a transpose cannot be flattened
    >>> view_strides((3, 2), (1, 3), (3, 1, 2))    # ... but can grow a size-1 dim
    (1, 6, 3)
    """
    ### BEGIN SOLUTION
    if len(shape) == 0:
        return (1,) * len(new_shape)
    numel = 1
    for size in shape:
        numel *= size
    if numel == 0:
        if tuple(shape) == tuple(new_shape):
            return tuple(strides)
        return contiguous_strides(new_shape)
    new_strides = [0] * len(new_shape)
    view_d = len(new_shape) - 1
    chunk_base_stride = strides[-1]
    tensor_numel = view_numel = 1
    for tensor_d in range(len(shape) - 1, -1, -1):
        tensor_numel *= shape[tensor_d]
        chunk_ends = tensor_d == 0 or (
            shape[tensor_d - 1] != 1
            and strides[tensor_d - 1] != tensor_numel * chunk_base_stride)
        if chunk_ends:
            while view_d >= 0 and (view_numel < tensor_numel or new_shape[view_d] == 1):
                new_strides[view_d] = view_numel * chunk_base_stride
                view_numel *= new_shape[view_d]
                view_d -= 1
            if view_numel != tensor_numel:
                return None
            if tensor_d > 0:
                chunk_base_stride = strides[tensor_d - 1]
                tensor_numel = view_numel = 1
    if view_d != -1:
        return None
    return tuple(new_strides)
    ### END SOLUTION


def infer_size(shape: Shape, numel: int) -> Shape:
    """Fill in the one -1 of ``shape`` so that it holds ``numel`` elements (PyTorch's
    errors for two -1s or impossible shapes)."""
    known, unknown = 1, None
    for d, size in enumerate(shape):
        if size == -1:
            if unknown is not None:
                raise RuntimeError("only one dimension can be inferred")
            unknown = d
        elif size < 0:
            raise RuntimeError(f"invalid shape dimension {size}")
        else:
            known *= size
    if unknown is None:
        if known == numel:
            return tuple(shape)
    elif known == 0:
        raise RuntimeError(
            f"cannot reshape tensor of 0 elements into shape {list(shape)} because the "
            "unspecified dimension size -1 can be any value and is ambiguous")
    elif numel % known == 0:
        return tuple(shape[:unknown]) + (numel // known,) + tuple(shape[unknown + 1:])
    raise RuntimeError(f"shape '{list(shape)}' is invalid for input of size {numel}")
