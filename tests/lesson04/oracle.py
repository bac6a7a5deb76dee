"""Run the same call in minitorch and in PyTorch and compare what came out.

``outcome(fn)`` turns a call into its result or into ``Raised(class name, first line)``,
so a test can say "both libraries do the same thing" for valid *and* invalid inputs.
Tensors are built from NumPy arrays with ``Tensor._from_array`` (no lesson-01 exercise
involved), so these tests only depend on lesson-04 code.
"""

import re
import warnings
from dataclasses import dataclass

import numpy as np

import minitorch

UNFINISHED_EXERCISE = re.compile(r"^Lesson \d\d · exercise ")
FLOAT_TOLERANCE = {"float16": (1e-2, 1e-2), "float32": (1e-5, 1e-5), "float64": (1e-10, 1e-10)}


def mini(array):
    return minitorch.Tensor._from_array(np.asarray(array))


def real(torch, array):
    return torch.from_numpy(np.array(array, copy=True, order="C"))


def pair(torch, array):
    """The same values as a minitorch tensor and as a PyTorch tensor."""
    return mini(array), real(torch, array)


@dataclass(frozen=True)
class Raised:
    kind: str
    message: str


def outcome(call):
    """``call()``'s result, or the error it raised; warnings are tested separately."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return call()
    except Exception as error:  # the error *is* the outcome being compared...
        if UNFINISHED_EXERCISE.search(str(error)):
            raise  # ...unless it is a student's stub: the plugin reports it as pending
        return Raised(type(error).__name__, str(error).split("\n")[0])


def values(tensor):
    if type(tensor).__module__.startswith("torch"):
        return tensor.numpy()
    return np.asarray(tensor._array())


def assert_tensor_close(mine, theirs, rtol=None, atol=None):
    """Same shape and dtype; values equal (floats within a dtype-sized tolerance)."""
    assert tuple(mine.shape) == tuple(theirs.shape), f"shape {mine.shape} != {theirs.shape}"
    assert str(mine.dtype) == str(theirs.dtype), f"dtype {mine.dtype} != {theirs.dtype}"
    got, expected = values(mine), values(theirs)
    name = str(theirs.dtype).replace("torch.", "")
    if name in FLOAT_TOLERANCE:
        default_rtol, default_atol = FLOAT_TOLERANCE[name]
        np.testing.assert_allclose(got.astype(np.float64), expected.astype(np.float64),
                                   rtol=default_rtol if rtol is None else rtol,
                                   atol=default_atol if atol is None else atol, equal_nan=True)
    else:
        np.testing.assert_array_equal(got, expected)


def assert_same_outcome(mine, theirs, **tolerance):
    """Both raised the same error, or both returned equal tensors (or tuples of them)."""
    if isinstance(theirs, Raised) or isinstance(mine, Raised):
        assert mine == theirs
    elif isinstance(theirs, tuple):
        assert isinstance(mine, tuple) and len(mine) == len(theirs)
        for one, other in zip(mine, theirs):
            assert_same_outcome(one, other, **tolerance)
    elif hasattr(theirs, "dtype"):
        assert_tensor_close(mine, theirs, **tolerance)
    else:
        assert mine == theirs


def dtype_of(library, name):
    return getattr(library, name)
