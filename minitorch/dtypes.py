"""Data types: PyTorch's names on top of NumPy's dtypes.

Each ``dtype`` prints like PyTorch's (``torch.float32``) and knows the NumPy dtype that
its storage uses.  The default floating dtype is float32, as in PyTorch.
"""

import numpy as np


class dtype:
    """One element type, e.g. ``minitorch.float32``; compare with ``is`` or ``==``."""

    def __init__(self, name, numpy_dtype, is_floating_point, is_signed):
        self.name = name
        self.numpy = np.dtype(numpy_dtype)
        self.is_floating_point = is_floating_point
        self.is_signed = is_signed
        self.itemsize = self.numpy.itemsize

    def __repr__(self):
        return f"torch.{self.name}"

    def __reduce__(self):  # pickling keeps the singleton
        return (from_name, (self.name,))


float16 = half = dtype("float16", np.float16, True, True)
float32 = float = dtype("float32", np.float32, True, True)
float64 = double = dtype("float64", np.float64, True, True)
int8 = dtype("int8", np.int8, False, True)
int16 = short = dtype("int16", np.int16, False, True)
int32 = int = dtype("int32", np.int32, False, True)
int64 = long = dtype("int64", np.int64, False, True)
uint8 = dtype("uint8", np.uint8, False, False)
bool = dtype("bool", np.bool_, False, False)

ALL = (float16, float32, float64, int8, int16, int32, int64, uint8, bool)
_BY_NUMPY = {d.numpy: d for d in ALL}
_BY_NAME = {d.name: d for d in ALL}

_default_dtype = float32


def from_name(name):
    return _BY_NAME[name]


def from_numpy(numpy_dtype):
    """The minitorch dtype for a NumPy dtype; TypeError for types PyTorch lacks."""
    try:
        return _BY_NUMPY[np.dtype(numpy_dtype)]
    except KeyError:
        raise TypeError(
            f"can't convert np.ndarray of type numpy.{np.dtype(numpy_dtype).name}. The only "
            "supported types are: float64, float32, float16, complex64, complex128, int64, "
            "int32, int16, int8, uint64, uint32, uint16, uint8, and bool.") from None


def promote_types(a, b):
    """The dtype PyTorch gives a result mixing ``a`` and ``b`` (bool < ints < floats).

    Floats beat integers; two floats or two same-signed integers keep the wider one;
    uint8 with a signed integer needs a wider signed type (int16 at least).
    """
    if a is b:
        return a
    if a is bool or b is bool:
        return b if a is bool else a
    if a.is_floating_point or b.is_floating_point:
        if a.is_floating_point and b.is_floating_point:
            return a if a.itemsize >= b.itemsize else b
        return a if a.is_floating_point else b
    if a.is_signed == b.is_signed:
        return a if a.itemsize >= b.itemsize else b
    signed = a if a.is_signed else b
    return signed if signed.itemsize > 1 else int16


def get_default_dtype():
    return _default_dtype


def set_default_dtype(d):
    global _default_dtype
    if not d.is_floating_point:
        raise TypeError("only floating-point types are supported as the default type")
    _default_dtype = d
