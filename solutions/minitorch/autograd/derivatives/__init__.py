"""Derivative formulas of every differentiable op, one module per family of ops.

``FORMULAS["MulBackward0"]`` is the backward of ``*``: look an op's ``grad_fn`` name up
here (or grep for it) to read its derivative, written next to a one-line comment of the
math.  Importing the family modules fills the table.
"""

from . import arithmetic, losses, pointwise, products, reductions, shapes  # noqa: F401
from .table import FORMULAS, derivative, expand_reduced, unbroadcast

__all__ = ["FORMULAS", "derivative", "expand_reduced", "unbroadcast"]
