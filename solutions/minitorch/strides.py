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
