"""Comparisons ``== != < <= > >=``: compared in the promoted dtype, answered in bool."""

import numpy as np

from .elementwise import binary, check_operand, check_tensor


def _comparison(name, kernel, doc):
    def compare(input, other, *, out=None):
        check_tensor(name, input)
        check_operand(name, other)
        return binary(kernel, input, other, result="bool", out=out)

    compare.__name__ = compare.__qualname__ = name
    compare.__doc__ = doc
    return compare


eq = _comparison("eq", np.equal, "``input == other`` elementwise, as a bool tensor.")
ne = _comparison("ne", np.not_equal, "``input != other`` elementwise, as a bool tensor.")
lt = _comparison("lt", np.less, "``input < other`` elementwise, as a bool tensor.")
le = _comparison("le", np.less_equal, "``input <= other`` elementwise, as a bool tensor.")
gt = _comparison("gt", np.greater, "``input > other`` elementwise, as a bool tensor.")
ge = _comparison("ge", np.greater_equal, "``input >= other`` elementwise, as a bool tensor.")
not_equal, less, less_equal, greater, greater_equal = ne, lt, le, gt, ge
