"""``gather``: pick one element per index along a dimension (lecture note 05).

For a 2-D ``input`` and ``dim=1``: ``out[i][j] = input[i][index[i][j]]``; the output has
the shape of ``index``.
"""

import numpy as np

from .. import dtypes
from .._exercise import exercise
from ..autograd import recording
from ..dims import wrap_dim
from .elementwise import check_tensor
from .result import make_result


def check_gather_index(input, dim, index):
    """PyTorch's checks on ``index``: integer dtype, same rank, no larger than ``input``."""
    if index.dtype not in (dtypes.int64, dtypes.int32):
        raise RuntimeError("gather(): Expected dtype int32/int64 for index")
    if index.dim() != input.dim() and not (index.dim() <= 1 and input.dim() <= 1):
        raise RuntimeError("Index tensor must have the same number of dimensions as input "
                           "tensor")
    if index.numel() == 0:
        return  # an empty index gathers nothing, so no size can be wrong
    for d in range(index.dim()):
        if d != dim and index.shape[d] > input.shape[d]:
            raise RuntimeError(
                f"Size does not match at dimension {d} expected index {list(index.shape)} to "
                f"be no larger than self {list(input.shape)} apart from dimension {dim}")


@recording.with_saved(recording.gather_options)
@exercise("04", "gather", 2)
def gather(input, dim, index):
    """Gather values of ``input`` along ``dim`` at the positions in ``index``.

    The output has ``index``'s shape.  For 3-D tensors::

        out[i][j][k] = input[index[i][j][k]][j][k]  # dim == 0
        out[i][j][k] = input[i][index[i][j][k]][k]  # dim == 1
        out[i][j][k] = input[i][j][index[i][j][k]]  # dim == 2

    ``index`` may be smaller than ``input`` in the other dimensions (only its corner of
    ``input`` is used).  Steps: normalize ``dim`` with ``wrap_dim(dim, input.dim())``;
    call the given ``check_gather_index(input, dim, index)``; check that every index lies in
    ``[0, input.shape[dim])`` else raise
    ``RuntimeError("index 5 is out of bounds for dimension 1 with size 3")`` (the first bad
    one); then ``np.take_along_axis`` does the picking on the right corner of the array.
    An empty ``index`` gives an empty result of its shape.
    Return ``make_result(array, (input,), "GatherBackward0")``.

    >>> t = torch.tensor([[1, 2], [3, 4]])
    >>> torch.gather(t, 1, torch.tensor([[0, 0], [1, 0]]))
    tensor([[1, 1],
            [4, 3]])
    """
    ### BEGIN SOLUTION
    check_tensor("gather", input)
    check_tensor("gather", index, "index", 3)
    dim = wrap_dim(dim, input.dim())
    check_gather_index(input, dim, index)
    positions = index._array().astype(np.int64)
    size = input.shape[dim] if input.dim() else 1
    bad = (positions < 0) | (positions >= size)
    if bad.any():
        value = positions[bad][0]
        raise RuntimeError(f"index {value} is out of bounds for dimension {dim} with size {size}")
    source = input._array()
    if positions.size == 0:
        return make_result(np.empty(positions.shape, source.dtype), (input,), "GatherBackward0")
    if source.ndim == 0:
        return make_result(source.reshape(positions.shape), (input,), "GatherBackward0")
    corner = tuple(slice(None) if d == dim else slice(0, positions.shape[d])
                   for d in range(source.ndim))
    array = np.take_along_axis(source[corner], positions, axis=dim)
    return make_result(array, (input,), "GatherBackward0")
    ### END SOLUTION
