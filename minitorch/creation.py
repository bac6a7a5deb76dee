"""Making tensors: from Python data, from NumPy, and filled with constants or ranges.

``tensor(data)`` reads nested lists the way PyTorch does: the shape from the nesting
(ragged lists are an error), the dtype from the Python types of the numbers
(``infer_dtype``).  ``from_numpy`` shares memory with the array instead of copying.
"""

import builtins
import math
from fractions import Fraction

import numpy as np

from . import dtypes
from ._exercise import exercise
from .device import check_device
from .dims import size_args
from .tensor import Tensor, preserved_layout


# -- reading nested Python data ---------------------------------------------------------
def _is_sequence(data):
    """Lists, tuples and NumPy arrays nest; a tensor inside a list is one number."""
    return isinstance(data, (list, tuple)) or (isinstance(data, np.ndarray) and data.ndim > 0)


def nested_shape(data):
    """The shape of nested lists, with PyTorch's errors for ragged or mixed nesting."""
    shape = []
    probe = data
    while _is_sequence(probe):
        shape.append(len(probe))
        if not len(probe):
            break
        probe = probe[0]

    def check(item, dim):
        if dim == len(shape):
            if _is_sequence(item):
                raise TypeError(f"'{type(item).__name__}' object cannot be interpreted as an integer")
            return
        if not _is_sequence(item):
            raise TypeError("not a sequence")
        if len(item) != shape[dim]:
            raise ValueError(f"expected sequence of length {shape[dim]} at dim {dim} "
                             f"(got {len(item)})")
        for sub in item:
            check(sub, dim + 1)

    check(data, 0)
    return tuple(shape)


def leaves(data):
    """The numbers of nested data, in row-major order."""
    if isinstance(data, Tensor):
        if data.numel() != 1:
            raise ValueError("only one element tensors can be converted to Python scalars")
        return list(data._array().reshape(-1))
    if isinstance(data, np.ndarray):
        return list(data.reshape(-1))
    if isinstance(data, (list, tuple)):
        return [leaf for item in data for leaf in leaves(item)]
    return [data]


def scalar_dtype(value):
    """The dtype PyTorch gives one number: Python bool/int/float, or a NumPy scalar's own."""
    if isinstance(value, (builtins.bool, np.bool_)):
        return dtypes.bool
    if isinstance(value, np.generic):
        return dtypes.from_numpy(value.dtype)
    if isinstance(value, builtins.int):
        return dtypes.int64
    if isinstance(value, builtins.float):
        return dtypes.get_default_dtype()
    raise TypeError(f"new(): invalid data type '{type(value).__name__}'")


@exercise("01", "infer_dtype", points=2)
def infer_dtype(data):
    """Return the dtype ``minitorch.tensor(data)`` gets when no ``dtype=`` is given.

    ``data`` is a number or nested lists of numbers.  Each number has a dtype
    (``scalar_dtype``, given: bool -> ``bool``, int -> ``int64``, float -> the default
    float dtype ``get_default_dtype()``); the tensor gets the dtype that can hold all of
    them: combine them with ``dtypes.promote_types`` (given; bool < int64 < float32).
    Empty data (``[]``) is of the default float dtype.  ``leaves(data)`` (given) lists
    the numbers.

    >>> infer_dtype([[1, 2], [3, 4]])
    torch.int64
    >>> infer_dtype([1, 2.5]), infer_dtype([True, False]), infer_dtype([])
    (torch.float32, torch.bool, torch.float32)
    """
    raise NotImplementedError('Lesson 01 · exercise infer_dtype: implement infer_dtype (minitorch/creation.py), then run check("01", "infer_dtype") to test it.')


def _finish(made, requires_grad):
    if requires_grad:
        if not (made.dtype.is_floating_point):
            raise RuntimeError("Only Tensors of floating point and complex dtype can require "
                               "gradients")
        made.requires_grad = True
    return made


def tensor(data, dtype=None, device=None, requires_grad=False):
    """A new tensor holding a copy of ``data`` (numbers, nested lists, arrays, tensors)."""
    check_device(device)
    if isinstance(data, np.ndarray):
        return _finish(_copy_numpy(data, dtype or dtypes.from_numpy(data.dtype)), requires_grad)
    if isinstance(data, Tensor):
        return _finish(data._copy_as((dtype or data.dtype).numpy), requires_grad)
    shape = nested_shape(data)
    values = leaves(data)
    for value in values:
        scalar_dtype(value)  # TypeError for anything but numbers, as PyTorch
    dtype = dtype or infer_dtype(data)
    array = np.array(values, dtype=dtype.numpy).reshape(shape)
    return _finish(Tensor._from_array(array), requires_grad)


def _copy_numpy(array, dtype):
    """A copy of a NumPy array that keeps its memory order, as ``torch.tensor`` does."""
    steps = array.strides
    layout = None
    if all(step >= 0 and step % array.itemsize == 0 for step in steps):
        layout = preserved_layout(array.shape, [step // array.itemsize for step in steps])
    return Tensor._from_array(array.astype(dtype.numpy, copy=False), layout)


def as_tensor(data, dtype=None, device=None):
    """``data`` itself when it already is a tensor (or shares a NumPy array's memory)."""
    check_device(device)
    if isinstance(data, Tensor):
        return data if dtype in (None, data.dtype) else data.to(dtype)
    if isinstance(data, np.ndarray) and (dtype is None or dtype.numpy == data.dtype):
        return from_numpy(data)
    return tensor(data, dtype=dtype)


@exercise("01", "from_numpy", points=2)
def from_numpy(ndarray):
    """Return a tensor that *shares memory* with ``ndarray``: no copy.

    The tensor's storage must be a 1-D NumPy array over the same memory, long enough to
    reach the array's last element.  NumPy counts strides in bytes, minitorch in
    elements (divide by ``ndarray.itemsize``).  Make the storage with
    ``np.lib.stride_tricks.as_strided(ndarray, shape=(length,), strides=(itemsize,))``
    where ``length`` is 1 + the element offset of the last element (0 when the array
    is empty), then ``Tensor._make(storage, shape, strides, 0)``.  The dtype comes with
    the storage (``dtypes.from_numpy`` raises TypeError for types PyTorch lacks).

    PyTorch refuses negative strides (``a[::-1]``) with ValueError::

        At least one stride in the given numpy array is negative, and tensors with
        negative strides are not currently supported. (You can probably work around
        this by making a copy of your array  with array.copy().)

    (one line; note the two spaces before "with" and the trailing space).

    >>> a = np.zeros(3)
    >>> t = minitorch.from_numpy(a); t[0] = 5
    >>> a
    array([5., 0., 0.])
    """
    raise NotImplementedError('Lesson 01 · exercise from_numpy: implement from_numpy (minitorch/creation.py), then run check("01", "from_numpy") to test it.')


# -- filled tensors ----------------------------------------------------------------------
def _filled(size, value, dtype, device, requires_grad):
    check_device(device)
    shape = size_args(size)
    return _finish(Tensor._from_array(np.full(shape, value, dtype=dtype.numpy)), requires_grad)


@exercise("01", "zeros")
def zeros(*size, dtype=None, device=None, requires_grad=False):
    """Return a tensor of ``size`` filled with 0, of ``dtype`` (default: the default float).

    ``size`` may be ``zeros(2, 3)`` or ``zeros((2, 3))``: ``size_args(size)`` (given)
    turns either into a tuple.  Make the NumPy array with ``np.zeros(shape,
    dtype=dtype.numpy)`` and wrap it with ``Tensor._from_array``.  Pass ``device`` to
    ``check_device`` first and finish with ``_finish`` (both given: they refuse CUDA and
    record ``requires_grad``).

    >>> minitorch.zeros(2, 3)
    tensor([[0., 0., 0.],
            [0., 0., 0.]])
    >>> minitorch.zeros(2, dtype=minitorch.int64)
    tensor([0, 0])
    """
    raise NotImplementedError('Lesson 01 · exercise zeros: implement zeros (minitorch/creation.py), then run check("01", "zeros") to test it.')


def ones(*size, dtype=None, device=None, requires_grad=False):
    return _filled(size, 1, dtype or dtypes.get_default_dtype(), device, requires_grad)


def empty(*size, dtype=None, device=None, requires_grad=False):
    """Like PyTorch's ``empty`` but the memory is zeroed (reproducible notebooks)."""
    return _filled(size, 0, dtype or dtypes.get_default_dtype(), device, requires_grad)


@exercise("01", "full")
def full(size, fill_value, dtype=None, device=None, requires_grad=False):
    """Return a tensor of shape ``size`` (a tuple) with every element ``fill_value``.

    Without ``dtype``, the dtype comes from the value as in ``tensor(fill_value)``:
    ``scalar_dtype(fill_value)`` (given) says bool, int64 or the default float.
    ``np.full`` makes the array; ``_finish`` and ``check_device`` as in ``zeros``.

    >>> minitorch.full((2, 2), 7)
    tensor([[7, 7],
            [7, 7]])
    >>> minitorch.full((3,), 0.5)
    tensor([0.5000, 0.5000, 0.5000])
    """
    raise NotImplementedError('Lesson 01 · exercise full: implement full (minitorch/creation.py), then run check("01", "full") to test it.')


@exercise("01", "eye")
def eye(n, m=None, dtype=None, device=None, requires_grad=False):
    """Return the ``n`` x ``m`` identity matrix (``m`` defaults to ``n``): ones on the
    diagonal, zeros elsewhere, of ``dtype`` (default: the default float dtype).

    >>> minitorch.eye(2, 3)
    tensor([[1., 0., 0.],
            [0., 1., 0.]])
    """
    raise NotImplementedError('Lesson 01 · exercise eye: implement eye (minitorch/creation.py), then run check("01", "eye") to test it.')


@exercise("01", "arange", points=2)
def arange(start, end=None, step=1, dtype=None, device=None, requires_grad=False):
    """Return ``start, start + step, ...`` up to but excluding ``end`` as a 1-D tensor.

    ``arange(5)`` means ``arange(0, 5)``.  With only integer arguments the dtype is
    int64, otherwise the default float dtype.  There are ``ceil((end - start) / step)``
    values; compute them as ``start + i * step`` in float64 (``np.arange(n) * step +
    start``) and then convert to the dtype, as PyTorch does.  PyTorch's errors:
    ``RuntimeError("step must be nonzero")`` and, when the step points away from
    ``end``, ``RuntimeError("upper bound and lower bound inconsistent with step sign")``.

    >>> minitorch.arange(5)
    tensor([0, 1, 2, 3, 4])
    >>> minitorch.arange(1, 2.5, 0.5)
    tensor([1.0000, 1.5000, 2.0000])
    """
    raise NotImplementedError('Lesson 01 · exercise arange: implement arange (minitorch/creation.py), then run check("01", "arange") to test it.')


def linspace(start, end, steps, dtype=None, device=None, requires_grad=False):
    """``steps`` evenly spaced values from ``start`` to ``end`` (both included).

    As PyTorch's kernel: the step is computed in the dtype (float64 for integer
    dtypes), the first half counts up from ``start`` and the second half down from
    ``end``, each value as one fused multiply-add (emulated here in float64, exact
    for float32).
    """
    check_device(device)
    dtype = dtype or dtypes.get_default_dtype()
    if steps < 0:
        raise RuntimeError("number of steps must be non-negative")
    work = np.dtype(np.float32 if dtype in (dtypes.float32, dtypes.float16) else np.float64)
    if not dtype.is_floating_point:  # PyTorch converts the ends to the dtype first
        start, end = dtype.numpy.type(start), dtype.numpy.type(end)
    start, end = work.type(start), work.type(end)
    values = np.full(steps, start, dtype=np.float64)
    if steps > 1:
        step = (end - start) / work.type(steps - 1)
        up = np.arange(steps) < steps // 2
        if work == np.float32:  # float64 holds float32 products exactly: one rounding
            index = np.arange(steps, dtype=np.float64)
            values = np.where(up, np.float64(start) + np.float64(step) * index,
                              np.float64(end) - np.float64(step) * (steps - 1 - index))
        else:  # fused multiply-add in float64: exact fractions, rounded once
            exact_start, exact_end, exact_step = (Fraction(float(v)) for v in (start, end, step))
            values = np.array([
                float(exact_start + exact_step * i if up[i] else
                      exact_end - exact_step * (steps - 1 - i)) for i in range(steps)])
    return _finish(Tensor._from_array(values.astype(dtype.numpy)), requires_grad)


# -- "like" another tensor ----------------------------------------------------------------
def zeros_like(input, dtype=None, device=None, requires_grad=False):
    return zeros(input.shape, dtype=dtype or input.dtype, device=device, requires_grad=requires_grad)


def ones_like(input, dtype=None, device=None, requires_grad=False):
    return ones(input.shape, dtype=dtype or input.dtype, device=device, requires_grad=requires_grad)


def empty_like(input, dtype=None, device=None, requires_grad=False):
    return empty(input.shape, dtype=dtype or input.dtype, device=device, requires_grad=requires_grad)


def full_like(input, fill_value, dtype=None, device=None, requires_grad=False):
    return full(input.shape, fill_value, dtype=dtype or input.dtype, device=device,
                requires_grad=requires_grad)


# -- legacy constructors: Tensor(2, 3), FloatTensor([[1, 2]]) ---------------------------
def legacy_new(dtype, args, device=None):
    """What ``torch.FloatTensor(...)`` does: sizes make an (uninitialised) tensor, data is
    copied and converted to ``dtype``."""
    check_device(device)
    if not args:
        return empty(0, dtype=dtype)
    if len(args) == 1 and not isinstance(args[0], builtins.int):
        data = args[0]
        return tensor(data, dtype=dtype)
    return empty(*args, dtype=dtype)


def _legacy_constructor(dtype, name):
    def constructor(*args, device=None):
        return legacy_new(dtype, args, device)

    constructor.__name__ = constructor.__qualname__ = name
    constructor.__doc__ = f"``torch.{name}(2, 3)`` or ``torch.{name}(data)``: a {dtype} tensor."
    return constructor


FloatTensor = _legacy_constructor(dtypes.float32, "FloatTensor")
DoubleTensor = _legacy_constructor(dtypes.float64, "DoubleTensor")
HalfTensor = _legacy_constructor(dtypes.float16, "HalfTensor")
LongTensor = _legacy_constructor(dtypes.int64, "LongTensor")
IntTensor = _legacy_constructor(dtypes.int32, "IntTensor")
ShortTensor = _legacy_constructor(dtypes.int16, "ShortTensor")
CharTensor = _legacy_constructor(dtypes.int8, "CharTensor")
ByteTensor = _legacy_constructor(dtypes.uint8, "ByteTensor")
BoolTensor = _legacy_constructor(dtypes.bool, "BoolTensor")
