"""``cartesian_prod`` (every combination of elements) and ``unique`` (each value once)."""

import numpy as np

from ..dims import wrap_dim
from .elementwise import check_tensor
from .result import make_result, new_tensor


def cartesian_prod(*tensors):
    """All tuples ``(a[i], b[j], ...)`` in order, as rows (``itertools.product`` on tensors)."""
    for tensor in tensors:
        check_tensor("cartesian_prod", tensor)
        if tensor.dim() != 1:
            raise RuntimeError(f"Expect a 1D vector, but got shape {list(tensor.shape)}")
    if len(tensors) == 1:
        return tensors[0]
    if len({tensor.dtype for tensor in tensors}) > 1:
        raise RuntimeError("meshgrid expects all tensors to have the same dtype")
    grids = np.meshgrid(*(tensor._array() for tensor in tensors), indexing="ij")
    array = np.stack([grid.reshape(-1) for grid in grids], axis=1)
    return make_result(array, tensors, "StackBackward0")


def unique(input, sorted=True, return_inverse=False, return_counts=False, dim=None):
    """The distinct values of ``input`` (sorted), optionally with inverse indices and counts."""
    check_tensor("unique", input)
    array = input._array()
    if dim is not None:
        dim = wrap_dim(dim, input.dim())
    values, inverse, counts = np.unique(array, return_inverse=True, return_counts=True,
                                        axis=dim)
    results = [new_tensor(values)]
    if return_inverse:
        shape = array.shape if dim is None else (array.shape[dim],)
        results.append(new_tensor(inverse.reshape(shape).astype(np.int64)))
    if return_counts:
        results.append(new_tensor(counts.astype(np.int64)))
    return results[0] if len(results) == 1 else tuple(results)
