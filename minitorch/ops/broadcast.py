"""Broadcasting: how tensors of different shapes line up in one elementwise operation.

Shapes are aligned at their *right* ends; along each dimension the sizes must be equal or
one of them 1 (missing dimensions count as 1).  A size-1 dimension is repeated without
copying by giving it stride 0 (``Tensor.expand``), so a broadcast tensor is just a view.
"""

from typing import Tuple

from .._exercise import exercise
from ..size import Size

Shape = Tuple[int, ...]


@exercise("04", "broadcast_shape", 2)
def broadcast_shape(a: Shape, b: Shape) -> Shape:
    """Return the shape of ``x + y`` for tensors ``x`` of shape ``a`` and ``y`` of shape ``b``.

    Line the shapes up at their right ends and pad the shorter one with 1s on the left.
    Along each dimension the result is the larger size; the sizes must be equal or one of
    them must be 1.  Otherwise raise, exactly like PyTorch (checking from the *last*
    dimension to the first and counting dimensions in the result), e.g. for (2, 3) and (4,)::

        RuntimeError: The size of tensor a (3) must match the size of tensor b (4) at
        non-singleton dimension 1   (one line)

    >>> broadcast_shape((3, 1), (1, 2))
    (3, 2)
    >>> broadcast_shape((2, 3), (3,))
    (2, 3)
    >>> broadcast_shape((), (4,))
    (4,)
    """
    raise NotImplementedError('Lesson 04 · exercise broadcast_shape: implement broadcast_shape (minitorch/ops/broadcast.py), then run check("04", "broadcast_shape") to test it.')


def broadcast_to(input, shape):
    """``input`` viewed with shape ``shape`` (``torch.broadcast_to``; ``Tensor.expand``)."""
    return input.expand(tuple(shape))


def broadcast_shapes(*shapes) -> Size:
    """The shape all ``shapes`` broadcast to (``torch.broadcast_shapes``)."""
    shapes = [(shape,) if isinstance(shape, int) else tuple(shape) for shape in shapes]
    ndim = max((len(shape) for shape in shapes), default=0)
    result = [1] * ndim
    for index, shape in enumerate(shapes):
        for offset in range(1, len(shape) + 1):
            size = shape[-offset]
            if size == 1 or size == result[-offset]:
                continue
            if result[-offset] != 1:
                raise RuntimeError(
                    f"Attempting to broadcast a dimension of length {size} at -{offset}! "
                    f"Mismatching argument at index {index} had {shape}; but expected shape "
                    f"should be broadcastable to {result}")
            result[-offset] = size
    return Size(result)


def broadcast_tensors(*tensors):
    """Views of ``tensors`` all expanded to their common shape (``torch.broadcast_tensors``)."""
    shape = ()
    for tensor in tensors:
        shape = broadcast_shape(shape, tuple(tensor.shape))
    return tuple(broadcast_to(tensor, shape) for tensor in tensors)
