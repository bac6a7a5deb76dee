"""Dimension arguments: negative dims count from the end, as in Python indexing.

Every function that takes ``dim`` goes through ``wrap_dim`` so that out-of-range dims
raise PyTorch's exact ``IndexError``.
"""


def wrap_dim(dim: int, ndim: int) -> int:
    """Map ``dim`` in ``[-ndim, ndim - 1]`` to ``[0, ndim - 1]``; 0-d tensors accept -1 and 0."""
    span = max(ndim, 1)
    if not -span <= dim < span:
        raise IndexError(f"Dimension out of range (expected to be in range of "
                         f"[{-span}, {span - 1}], but got {dim})")
    return dim % span if ndim else 0


def size_args(args, name="size"):
    """Accept ``f(2, 3)``, ``f((2, 3))``, ``f([2, 3])`` and ``f(Size)`` alike."""
    if len(args) == 1 and isinstance(args[0], (tuple, list)):
        args = args[0]
    sizes = tuple(args)
    for position, size in enumerate(sizes):
        if isinstance(size, bool) or not hasattr(size, "__index__"):
            raise TypeError(f"{name} must be tuple of ints, but found element of type "
                            f"{type(size).__name__} at pos {position}")
    return tuple(int(size) for size in sizes)
