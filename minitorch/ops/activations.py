"""``softmax`` and ``log_softmax`` along a dimension, computed without overflow."""

import warnings

import numpy as np

from .._exercise import exercise
from ..autograd import recording
from ..dims import wrap_dim
from .elementwise import check_tensor
from .promotion import scalar_type_name
from .result import make_result


def softmax_dim(input, dim, name):
    """The dimension to normalize over; PyTorch guesses one (with a warning) when omitted."""
    if dim is None:
        warnings.warn(f"Implicit dimension choice for {name} has been deprecated. Change the "
                      "call to include dim=X as an argument.", UserWarning, stacklevel=3)
        dim = 0 if input.dim() in (0, 1, 3) else 1
    return wrap_dim(dim, input.dim())


def softmax_input(input, dim, dtype, kernel):
    """The array to normalize (cast to ``dtype`` first); integer tensors are refused."""
    check_tensor(kernel.split("_")[0], input)
    array = input._array()
    if dtype is not None:
        array = array.astype(dtype.numpy)
    elif not input.dtype.is_floating_point and array.size:  # nothing to compute: no error
        last = input.dim() == 0 or dim == input.dim() - 1
        name = f"{kernel}_lastdim_kernel_impl" if last else f"{kernel}_kernel_impl"
        raise NotImplementedError(f'"{name}" not implemented for '
                                  f"'{scalar_type_name(input.dtype)}'")
    return array


@recording.with_saved(recording.softmax_options)
@exercise("04", "softmax", 2)
def softmax(input, dim=None, dtype=None):
    """``exp(x) / exp(x).sum(dim)`` along ``dim``, without overflowing for large ``x``.

    ``exp(1000.)`` is ``inf``, so the naive formula gives ``nan``.  Softmax does not change
    when the same number is subtracted from every element along ``dim``, so first subtract
    the maximum along ``dim`` (``keepdims=True`` lets it broadcast back); then the largest
    exponent is ``exp(0) == 1``.

    Use the given helpers: ``dim = softmax_dim(input, dim, "softmax")`` (PyTorch picks a dim
    when it is None) and ``array = softmax_input(input, dim, dtype, "softmax")`` (the NumPy
    values, refusing integer tensors like PyTorch).  A 0-d tensor's softmax is 1; an empty
    tensor has nothing to normalize (return a copy of its array).
    Return ``make_result(result, (input,), "SoftmaxBackward0")``.

    >>> F.softmax(torch.tensor([1000., 1000.]), dim=0)
    tensor([0.5000, 0.5000])
    """
    raise NotImplementedError('Lesson 04 · exercise softmax: implement softmax (minitorch/ops/activations.py), then run check("04", "softmax") to test it.')


@recording.with_saved(recording.softmax_options)
def log_softmax(input, dim=None, dtype=None):
    """``log(softmax(x))``, computed as ``x - max - log(sum(exp(x - max)))`` for stability."""
    dim = softmax_dim(input, dim, "log_softmax")
    array = softmax_input(input, dim, dtype, "log_softmax")
    if array.size == 0:
        return make_result(array.copy(), (input,), "LogSoftmaxBackward0")
    axis = dim if array.ndim else None
    with np.errstate(all="ignore"):
        shifted = array - np.max(array, axis=axis, keepdims=True)
        result = shifted - np.log(np.sum(np.exp(shifted), axis=axis, keepdims=True))
    return make_result(result, (input,), "LogSoftmaxBackward0")
