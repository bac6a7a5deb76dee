"""Reductions: ``sum mean prod max min argmax argmin std var all any norm``.

A reduction collapses the dimensions in ``dim`` (all of them when ``dim`` is None);
``keepdim=True`` keeps each collapsed dimension with size 1 so that the result still
broadcasts against the input (``x - x.mean(1, keepdim=True)``).
"""

import builtins
import warnings

import numpy as np

from .. import dtypes
from .._exercise import exercise
from ..autograd import recording
from ..dims import wrap_dim
from . import return_types
from .arithmetic import maximum, minimum
from .elementwise import check_tensor
from .promotion import scalar_type_name
from .result import is_tensor, make_result, new_tensor


def reduction_axes(dim, ndim, ranges_first=True) -> tuple:
    """The NumPy ``axis`` tuple for ``dim`` (an int, a tuple/list of ints, or None = all).

    Most reductions check every dim's range before looking for repeats; ``std``/``var``
    check each dim in turn (``ranges_first=False``), so their first error may differ.
    """
    if dim is None or (isinstance(dim, (tuple, list)) and len(dim) == 0):
        return tuple(range(ndim))
    dims = _as_list(dim)
    if ranges_first:
        dims = [wrap_dim(one, ndim) for one in dims]
    axes = []
    for one in dims:
        axis = wrap_dim(one, ndim)
        if axis in axes:
            raise RuntimeError(f"dim {axis} appears multiple times in the list of dims")
        axes.append(axis)
    return tuple(axes) if ndim else ()


def _as_list(dim):
    return [dim] if isinstance(dim, builtins.int) else list(dim)


def accumulate_dtype(dtype):
    """Sums and products of integers and bools are int64, as in PyTorch."""
    return dtype if dtype.is_floating_point else dtypes.int64


@recording.with_saved(recording.dim_keepdim)
@exercise("04", "sum", 2)
def sum(input, dim=None, keepdim=False, *, dtype=None):
    """Sum the elements of ``input`` over ``dim`` (``torch.sum`` / ``Tensor.sum``).

    * ``dim`` is None (sum everything), an int or a tuple of ints; turn it into NumPy's
      ``axis`` tuple with the given ``reduction_axes(dim, input.dim())``, which also raises
      PyTorch's errors for bad dims.
    * ``keepdim=True`` keeps every summed dimension with size 1:
      a (2, 3) tensor summed over dim 1 gives shape (2,), or (2, 1) with keepdim.
    * The result dtype is ``dtype`` when given, else ``accumulate_dtype(input.dtype)``:
      floats keep their dtype, integers and bools add up in int64.
    * Return ``make_result(array, (input,), "SumBackward1")`` (``"SumBackward0"`` when
      summing everything with ``dim=None``), so that autograd can hook in later.

    >>> x = torch.tensor([[1, 2, 3], [4, 5, 6]], dtype=torch.int32)
    >>> x.sum(dim=1, keepdim=True)
    tensor([[ 6],
            [15]])
    """
    raise NotImplementedError('Lesson 04 · exercise sum: implement sum (minitorch/ops/reductions.py), then run check("04", "sum") to test it.')


@recording.with_saved(recording.dim_keepdim)
def mean(input, dim=None, keepdim=False, *, dtype=None):
    """Average over ``dim``; integer tensors need ``dtype=`` (PyTorch refuses to guess)."""
    check_tensor("mean", input)
    result_dtype = dtype if dtype is not None else input.dtype
    if not result_dtype.is_floating_point:
        raise RuntimeError("mean(): could not infer output dtype. Input dtype must be either a "
                           "floating point or complex dtype. Got: "
                           f"{scalar_type_name(result_dtype)}")
    axes = reduction_axes(dim, input.dim())
    with np.errstate(all="ignore"), warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # the mean of nothing is nan
        array = np.mean(input._array(), axis=axes, keepdims=keepdim, dtype=result_dtype.numpy)
    return make_result(array, (input,), "MeanBackward0" if dim is None else "MeanBackward1")


@recording.with_saved(recording.dim_keepdim)
def prod(input, dim=None, keepdim=False, *, dtype=None):
    """Product over one ``dim`` (or all elements); integers multiply in int64."""
    check_tensor("prod", input)
    axes = () if input.dim() == 0 else (
        None if dim is None else wrap_dim(dim, input.dim()))
    result_dtype = dtype if dtype is not None else accumulate_dtype(input.dtype)
    array = np.prod(input._array(), axis=axes, keepdims=keepdim and dim is not None,
                    dtype=result_dtype.numpy)
    return make_result(array, (input,), "ProdBackward0" if dim is None else "ProdBackward1")


def _extreme(name, values_kernel, index_kernel, elementwise, named_tuple):
    def reduce(input, dim=None, keepdim=False):
        check_tensor(name, input)
        if is_tensor(dim):
            return elementwise(input, dim)
        array = input._array()
        grad_name = f"{name.capitalize()}Backward"
        if dim is None:
            if array.size == 0:
                raise RuntimeError(f"{name}(): Expected reduction dim to be specified for "
                                   "input.numel() == 0. Specify the reduction dim with the "
                                   "'dim' argument.")
            return make_result(values_kernel(array), (input,), grad_name + "1")
        axis = wrap_dim(dim, input.dim())
        if input.dim() == 0:
            array, keepdim = array.reshape(1), False
        if array.shape[axis] == 0:
            raise IndexError(f"{name}(): Expected reduction dim {axis} to have non-zero size.")
        values = make_result(values_kernel(array, axis=axis, keepdims=keepdim), (input,),
                             grad_name + "0")
        indices = new_tensor(index_kernel(array, axis=axis, keepdims=keepdim).astype(np.int64))
        return named_tuple(values, indices)

    reduce.__name__ = reduce.__qualname__ = name
    reduce.__doc__ = (f"The {name}imum of all elements, or ``(values, indices)`` along ``dim``;"
                      f" with a tensor as second argument, the elementwise {name}imum.")
    return reduce


max = recording.with_saved(recording.extreme_dim)(
    _extreme("max", np.max, np.argmax, maximum, return_types.max))
min = recording.with_saved(recording.extreme_dim)(
    _extreme("min", np.min, np.argmin, minimum, return_types.min))


def _arg_extreme(name, kernel):
    def reduce(input, dim=None, keepdim=False):
        check_tensor(name, input)
        if input.dtype is dtypes.bool:
            raise RuntimeError(f"{name}(): does not support bool input")
        array = input._array()
        if dim is None:
            if array.size == 0:
                raise IndexError(f"{name}(): Expected reduction dim to be specified for "
                                 "input.numel() == 0.")
            index = kernel(array.reshape(-1))
            shape = (1,) * input.dim() if keepdim else ()
            return new_tensor(np.asarray(index, dtype=np.int64).reshape(shape))
        axis = wrap_dim(dim, input.dim())
        if input.dim() == 0:
            return new_tensor(np.zeros((), dtype=np.int64))
        if array.shape[axis] == 0:
            raise IndexError(f"{name}(): Expected reduction dim {axis} to have non-zero size.")
        return new_tensor(kernel(array, axis=axis, keepdims=keepdim).astype(np.int64))

    reduce.__name__ = reduce.__qualname__ = name
    reduce.__doc__ = f"The index of the {name[3:]}imum (flattened when ``dim`` is None)."
    return reduce


argmax = _arg_extreme("argmax", np.argmax)
argmin = _arg_extreme("argmin", np.argmin)


def _correction(unbiased, correction):
    if correction is not None:
        return correction
    return 1 if unbiased is None else builtins.int(unbiased)


@recording.with_saved(recording.variance_options)
def var(input, dim=None, unbiased=None, keepdim=False, *, correction=None):
    """Variance over ``dim``, dividing by ``N - correction`` (1 by default: unbiased).

    Accepts PyTorch's call forms: ``var()``, ``var(False)`` (unbiased), ``var(dim)``,
    ``var(dim, unbiased, keepdim)`` and ``var(dim, correction=0)``.
    """
    check_tensor("var", input)
    return _variance("var", input, dim, unbiased, keepdim, correction, root=False)


@recording.with_saved(recording.variance_options)
def std(input, dim=None, unbiased=None, keepdim=False, *, correction=None):
    """Standard deviation: the square root of ``var`` (same arguments)."""
    check_tensor("std", input)
    return _variance("std", input, dim, unbiased, keepdim, correction, root=True)


def _variance(name, input, dim, unbiased, keepdim, correction, root):
    if isinstance(dim, builtins.bool):
        dim, unbiased = None, dim
    if not input.dtype.is_floating_point:
        raise RuntimeError("std and var only support floating point and complex dtypes")
    axes = reduction_axes(dim, input.dim(), ranges_first=False)
    ddof = _correction(unbiased, correction)
    array = input._array()
    count = np.prod([array.shape[axis] for axis in axes], dtype=np.int64) if array.ndim else 1
    if count - ddof <= 0:
        warnings.warn(f"{name}(): degrees of freedom is <= 0. Correction should be strictly "
                      "less than the reduction factor (input numel divided by output numel).",
                      UserWarning, stacklevel=3)
    with np.errstate(all="ignore"), warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        result = np.var(array, axis=axes, ddof=ddof, keepdims=keepdim)
        if root:
            result = np.sqrt(result)
    grad_name = ("StdBackward0" if root else "VarBackward0")
    return make_result(result.astype(input.dtype.numpy), (input,), grad_name)


def _logical_reduction(name, kernel):
    def reduce(input, dim=None, keepdim=False):
        check_tensor(name, input)
        # Unlike sum, an empty dim list reduces nothing here (PyTorch's all/any).
        axes = () if dim is not None and len(_as_list(dim)) == 0 else reduction_axes(
            dim, input.dim())
        array = kernel(input._array(), axis=axes, keepdims=keepdim)
        # uint8 in, uint8 out (an old PyTorch convention); everything else gives bool.
        dtype = np.uint8 if input.dtype is dtypes.uint8 else np.bool_
        return new_tensor(np.asarray(array).astype(dtype))

    reduce.__name__ = reduce.__qualname__ = name
    reduce.__doc__ = f"Whether {'all' if name == 'all' else 'any'} elements are non-zero."
    return reduce


all = _logical_reduction("all", np.all)
any = _logical_reduction("any", np.any)


@recording.with_saved(recording.norm_options)
def norm(input, p="fro", dim=None, keepdim=False, dtype=None):
    """The vector p-norm over ``dim`` (all elements by default): ``sum(|x|**p) ** (1/p)``."""
    check_tensor("norm", input)
    if not input.dtype.is_floating_point:
        raise RuntimeError("linalg.vector_norm: Expected a floating point or complex tensor "
                           f"as input. Got {scalar_type_name(input.dtype)}")
    if p == "nuc":
        if input.dim() < 2:
            raise RuntimeError("linalg.matrix_norm: The input tensor A must have at least 2 "
                               "dimensions.")
        axes = (-2, -1) if dim is None else tuple(dim)
        array = np.linalg.norm(input._array(), ord="nuc", axis=axes, keepdims=keepdim)
        return make_result(array.astype(input.dtype.numpy), (input,), "LinalgMatrixNormBackward0")
    order = 2 if p in ("fro", None) else p
    axes = reduction_axes(dim, input.dim())
    magnitude = np.abs(input._array().astype(dtype.numpy if dtype else input.dtype.numpy))
    if order in (np.inf, -np.inf):
        _check_extreme_norm_has_elements(magnitude, order, dim, axes)
    with np.errstate(all="ignore"):
        if order == np.inf:
            array = np.max(magnitude, axis=axes, keepdims=keepdim)
        elif order == -np.inf:
            array = np.min(magnitude, axis=axes, keepdims=keepdim)
        elif order == 0:
            array = np.sum(magnitude != 0, axis=axes, keepdims=keepdim)
        elif order == 2:
            array = np.sqrt(np.sum(magnitude * magnitude, axis=axes, keepdims=keepdim))
        else:
            array = np.sum(magnitude ** order, axis=axes, keepdims=keepdim) ** (1.0 / order)
    result_dtype = dtype if dtype is not None else input.dtype
    return make_result(np.asarray(array).astype(result_dtype.numpy), (input,),
                       "LinalgVectorNormBackward0")


def _check_extreme_norm_has_elements(magnitude, order, dim, axes):
    """max and min have no identity, so the inf norms of nothing are errors."""
    name = "inf" if order > 0 else "-inf"
    if dim is None and magnitude.size == 0:
        raise RuntimeError(f"linalg.vector_norm cannot compute the {name} norm on an empty "
                           "tensor because the operation does not have an identity")
    for axis in axes:
        if magnitude.shape[axis] == 0:
            raise RuntimeError(f"linalg.vector_norm cannot compute the {name} norm on the "
                               f"dimension {axis}because this dimension is empty and the "
                               "operation does not have an identity")
