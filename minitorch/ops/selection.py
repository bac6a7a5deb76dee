"""``where``: pick elements from ``input`` where ``condition`` holds, else from ``other``."""

import warnings

import numpy as np

from .. import dtypes
from ..autograd import recording
from .elementwise import check_broadcast, check_tensor, finish, operand_array
from .promotion import result_type, scalar_type_name
from .result import new_tensor


def nonzero_indices(condition):
    """``where(condition)``: a tuple of int64 index tensors, one per dimension."""
    return tuple(new_tensor(index.astype(np.int64)) for index in np.nonzero(condition._array()))


@recording.with_saved(recording.where_condition)
def where(condition, input=None, other=None, *, out=None):
    """``condition ? input : other`` elementwise, broadcasting all three."""
    check_tensor("where", condition, "condition", 1)
    if input is None and other is None:
        return nonzero_indices(condition)
    if condition.dtype is dtypes.uint8:
        warnings.warn("where received a uint8 condition tensor. This behavior is deprecated "
                      "and will be removed in a future version of PyTorch. Use a boolean "
                      "condition instead.", UserWarning, stacklevel=2)
    elif condition.dtype is not dtypes.bool:
        raise RuntimeError("where expected condition to be a boolean tensor, but got a tensor "
                           f"with dtype {scalar_type_name(condition.dtype)}")
    dtype = result_type(input, other)
    check_broadcast(condition, input, other)
    array = np.where(condition._array().astype(bool), operand_array(input, dtype),
                     operand_array(other, dtype))
    return finish(array, dtype, (input, other), "WhereBackward0", out)
