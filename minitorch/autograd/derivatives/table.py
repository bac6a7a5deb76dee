"""The table of derivative formulas, keyed by ``grad_fn`` name, and ``unbroadcast``.

Every formula has the same signature::

    formula(grad, inputs, output, saved) -> one gradient per input

``grad`` is the gradient of the op's output (a NumPy array of the output's shape),
``inputs`` the op's inputs as NumPy arrays (Python numbers stay numbers), ``output`` the
output's values and ``saved`` the op's options (``dim``, ``keepdim``, ``alpha`` ...).  It
returns a gradient for every input, of that input's shape (None, or anything, for the
inputs that are numbers: the engine drops them).  The chain rule is the whole idea: each
input's gradient is ``grad`` times the local derivative of the output by that input.
"""

import numpy as np

from ..._exercise import exercise

FORMULAS = {}


def derivative(*names, saves_values=True):
    """Register a formula under one or more ``grad_fn`` names.

    ``saves_values=False`` marks formulas that need only shapes and options, not values:
    their nodes can be backpropagated through again after the graph was freed (as in
    PyTorch, where ``(a + b).sum()`` can be backwarded twice).
    """

    def register(formula):
        formula.saves_values = saves_values
        for name in names:
            FORMULAS[name] = formula
        return formula

    return register


@exercise("05", "unbroadcast", points=2)
def unbroadcast(grad, shape):
    """Sum ``grad`` down to ``shape``: the backward of broadcasting.

    When ``a`` of shape (3,) is added to ``b`` of shape (2, 3), each element of ``a`` is
    used in both rows, so its gradient is the *sum* of the two rows of ``grad``.  In
    general, undo broadcasting in two steps:

    1. sum over the leading dimensions ``grad`` has and ``shape`` does not;
    2. sum (with ``keepdims=True``) over every dimension where ``shape`` has size 1 and
       ``grad`` does not.

    ``shape`` is a tuple (``()`` for a 0-d tensor or a Python number).  Return ``grad``
    itself when its shape already is ``shape``.

    >>> unbroadcast(np.ones((2, 3)), (3,))
    array([2., 2., 2.])
    >>> unbroadcast(np.ones((2, 3)), (2, 1))
    array([[3.],
           [3.]])
    """
    raise NotImplementedError('Lesson 05 · exercise unbroadcast: implement unbroadcast (minitorch/autograd/derivatives/table.py), then run check("05", "unbroadcast") to test it.')


def reduced_axes(dim, ndim):
    """The axes a reduction over ``dim`` (None, an int or a sequence) collapsed."""
    if dim is None or (isinstance(dim, (tuple, list)) and len(dim) == 0):
        return tuple(range(ndim))
    dims = (dim,) if isinstance(dim, int) else tuple(dim)
    return tuple(sorted(d % ndim for d in dims)) if ndim else ()


def expand_reduced(grad, shape, dim=None, keepdim=False):
    """Broadcast a reduction's ``grad`` back over the input ``shape`` it came from."""
    axes = reduced_axes(dim, len(shape))
    if not keepdim and axes:
        grad = np.expand_dims(grad, axes)
    return np.broadcast_to(grad, shape)
