"""Where every operation's output tensor is made.

Differentiable operations return ``make_result(array, inputs, name)``: the one place where
the autograd engine (lesson 05) will attach ``grad_fn`` (named like PyTorch's, e.g.
``"AddBackward0"``) and ``requires_grad``.  Results that carry no gradient (comparisons,
indices) use ``new_tensor``.
"""

import builtins
from importlib import import_module

import numpy as np

from ..autograd.graph import record

# The module, not ``from ..tensor import Tensor``: tensor.py imports ops while it loads,
# and ``minitorch.tensor`` as an attribute is the creation function.
tensor_module = import_module("..tensor", __package__)


def is_tensor(value) -> bool:
    return isinstance(value, tensor_module.Tensor)


def new_tensor(array):
    """A tensor holding ``array``'s values (no gradient).

    A fresh C-contiguous array that owns its memory becomes the storage as is; anything
    else (a view that may share memory with an input) is copied first.
    """
    array = np.asarray(array)
    if array.base is None and array.flags.c_contiguous:
        return tensor_module.Tensor._make(array.reshape(-1), array.shape,
                                          row_major_strides(array.shape), 0)
    return tensor_module.Tensor._from_array(array)


def row_major_strides(shape):
    """Strides (in elements) of a fresh row-major tensor; size-0 dims count as 1."""
    strides, step = [], 1
    for size in reversed(shape):
        strides.append(step)
        step *= builtins.max(size, 1)
    return tuple(reversed(strides))


def make_result(array, inputs=(), name=None, saved=None):
    """The output of a differentiable op ``name`` computed from ``inputs``: recorded in the
    autograd graph (``grad_fn``) when an input requires grad (lesson 05)."""
    return record(new_tensor(array), inputs, name, saved)
