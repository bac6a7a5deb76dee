"""In-place methods (``add_``, ``fill_``, ``copy_`` ...): write into ``self`` and return it.

The result must fit ``self``: same shape as the broadcast result, a dtype it can be cast
to (no float result into an int tensor), and no two elements sharing memory.  Writing
through a view writes the base tensor's storage.
"""

import numpy as np

from .arithmetic import add, clamp, div, mul, pow, sub
from .elementwise import check_broadcast, check_operand, check_tensor
from .out import check_no_internal_overlap, write_inplace
from .result import is_tensor


def add_(self, other, *, alpha=1):
    return add(self, other, alpha=alpha, _inplace=self)


def sub_(self, other, *, alpha=1):
    return sub(self, other, alpha=alpha, _inplace=self)


def mul_(self, other):
    return mul(self, other, _inplace=self)


def div_(self, other, *, rounding_mode=None):
    return div(self, other, rounding_mode=rounding_mode, _inplace=self)


def pow_(self, exponent):
    return pow(self, exponent, _inplace=self)


def clamp_(self, min=None, max=None):
    return clamp(self, min, max, _inplace=self)


def fill_(self, value):
    """Set every element to ``value`` (a number or a 0-d tensor), cast to ``self``'s dtype."""
    if is_tensor(value):
        if value.dim() != 0:
            raise RuntimeError("fill_ only supports 0-dimension value tensor but got tensor "
                               f"with {value.dim()} dimensions.")
        value = value._array()[()]
    else:
        check_operand("fill_", value, "value", 1)
    check_no_internal_overlap(self)
    self._array()[...] = value
    return self


def zero_(self):
    """Set every element to 0."""
    return fill_(self, 0)


def copy_(self, src):
    """Copy ``src``'s values into ``self`` (broadcasting ``src``; any dtype is converted)."""
    check_tensor("copy_", src, "src", 1)
    check_no_internal_overlap(self)
    check_broadcast(self, src)
    values = np.broadcast_to(src._array(), np.broadcast_shapes(self._shape, src._shape))
    return write_inplace(self, values.astype(self.dtype.numpy), self.dtype)
