"""Decorators that connect ops to the graph where ``make_result`` alone cannot.

* ``@recorded_as(name, saved)`` wraps the core's views and copies (``view``, ``t``,
  ``x[1:]``, ``clone``, ``cat``...), which build their results directly rather than
  through ``make_result``: it runs the function with recording off (a ``reshape`` that
  calls ``view`` is one op, not two) and records ``name`` on the result.
* ``@with_saved(saved)`` wraps ops that do record through ``make_result`` but whose
  derivative needs their options (``dim``, ``keepdim``, ``alpha``, an index...): it
  adds ``saved(...)`` to the new node.

Both sit on the line above the op's ``def``, so the op's body (often an exercise) stays
about the forward computation.  Every ``saved`` and ``name`` function is called as
``f(result, *args, **kwargs)`` with the op's own arguments.
"""

import functools

import numpy as np

from .grad_mode import is_grad_enabled, no_grad
from .graph import record


def recorded_as(name, saved=None, inputs=None):
    """Decorator: record the result of ``function(input, ...)`` as op ``name``.

    ``name`` may be a function (``squeeze()`` and ``squeeze(dim)`` are different ops in
    PyTorch); ``inputs(*args, **kwargs)`` gives the input tensors (default: the first
    argument).  A result that *is* an input (``contiguous()`` of a contiguous tensor) is
    returned untouched.
    """

    def decorate(function):
        @functools.wraps(function)
        def run_and_record(*args, **kwargs):
            sources = inputs(*args, **kwargs) if inputs else (args[0],)
            if not (is_grad_enabled() and any(getattr(source, "requires_grad", False)
                                              for source in sources)):
                return function(*args, **kwargs)
            with no_grad():
                result = function(*args, **kwargs)
            if any(result is source for source in sources):
                return result
            op = name(result, *args, **kwargs) if callable(name) else name
            options = saved(result, *args, **kwargs) if saved else None
            if isinstance(result, tuple):  # split/chunk: each piece records its own slice
                return tuple(record(piece, sources, op, {"key": key})
                             for piece, key in zip(result, options["keys"]))
            return record(result, sources, op, options)

        return run_and_record

    return decorate


def with_saved(saved):
    """Decorator: add ``saved(result, *args, **kwargs)`` to the node the op recorded."""

    def decorate(function):
        @functools.wraps(function)
        def run_and_save(*args, **kwargs):
            result = function(*args, **kwargs)
            arguments = list(args) + list(kwargs.values())
            if any(result is argument for argument in arguments):  # in place or out=
                return result
            node = getattr(getattr(result, "values", result), "grad_fn", None)
            if node is not None and hasattr(node, "_saved"):
                node._saved.update(saved(result, *args, **kwargs))
            return result

        return run_and_save

    return decorate


# -- views: names and saved keys ---------------------------------------------------------
def reshape_name(result, tensor, *shape):
    """A reshape that had to copy is an ``UnsafeViewBackward0`` in PyTorch."""
    return "ViewBackward0" if result._storage is tensor._storage else "UnsafeViewBackward0"


def squeeze_name(result, input, dim=None):
    return "SqueezeBackward0" if dim is None else "SqueezeBackward1"


def transpose_dims(result, tensor, dim0, dim1):
    return {"dim0": dim0, "dim1": dim1}


def permute_dims(result, tensor, *dims):
    if len(dims) == 1 and isinstance(dims[0], (tuple, list)):
        dims = tuple(dims[0])
    return {"dims": tuple(dims)}


def numpy_key(key):
    """An indexing key as NumPy reads it (tensors become arrays): the backward adds the
    gradient back at ``key`` with ``np.add.at``."""
    from ..indexing import _as_key_tuple, _to_numpy_part

    return tuple(_to_numpy_part(part) for part in _as_key_tuple(key))


def indexing_name(result, tensor, key):
    """PyTorch names the node after the last indexing step: ``x[1]`` selects, ``x[1:]``
    slices, a list, tensor or mask indexes."""
    parts = numpy_key(key)
    if any(isinstance(part, (np.ndarray, list)) for part in parts):
        return "IndexBackward0"
    for part in reversed(parts):
        if part is Ellipsis or part is None or part == slice(None):
            continue
        return "SliceBackward0" if isinstance(part, slice) else "SelectBackward0"
    return "SliceBackward0"


def indexing_key(result, tensor, key):
    return {"key": numpy_key(key)}


def select_key(result, tensor, dim, index):
    return {"key": (slice(None),) * (dim % tensor.dim()) + (index,)}


def narrow_key(result, tensor, dim, start, length):
    start = start % tensor.shape[dim] if start < 0 else start
    return {"key": (slice(None),) * (dim % tensor.dim()) + (slice(start, start + length),)}


def split_keys(result, tensor, split_size_or_sections, dim=0):
    """The slice of ``tensor`` that each piece of ``split`` is."""
    dim = dim % tensor.dim()
    keys, start = [], 0
    for piece in result:
        length = piece.shape[dim]
        keys.append((slice(None),) * dim + (slice(start, start + length),))
        start += length
    return {"keys": keys}


def listed_tensors(tensors, dim=0):
    """``cat`` and ``stack`` take their inputs as a list."""
    return tuple(tensors)


def list_dim(result, tensors, dim=0):
    return {"dim": dim}


# -- options of the math ops ---------------------------------------------------------------
def alpha(result, input, other, *, alpha=1, **ignored):
    return {"alpha": alpha}


def rounding_mode(result, input, other, *, rounding_mode=None, **ignored):
    return {"rounding_mode": rounding_mode}


def clamp_bounds(result, input, min=None, max=None, **ignored):
    """Which bounds were given (the node's inputs hold the given ones, in order)."""
    return {"min": min is not None, "max": max is not None}


def where_condition(result, condition, input=None, other=None, **ignored):
    return {"condition": condition._array().astype(bool)}


def dim_keepdim(result, input, dim=None, keepdim=False, **ignored):
    return {"dim": dim, "keepdim": keepdim}


def extreme_dim(result, input, dim=None, keepdim=False):
    """``max(dim)`` also saves where the maxima were (the gradient goes there)."""
    if not hasattr(result, "indices"):
        return {}
    return {"dim": dim, "keepdim": keepdim, "indices": result.indices._array()}


def variance_options(result, input, dim=None, unbiased=None, keepdim=False, *, correction=None):
    if isinstance(dim, bool):
        dim, unbiased = None, dim
    if correction is None:
        correction = 1 if unbiased is None else int(unbiased)
    return {"dim": dim, "keepdim": keepdim, "correction": correction}


def norm_options(result, input, p="fro", dim=None, keepdim=False, dtype=None):
    return {"p": p, "dim": dim, "keepdim": keepdim}


def softmax_options(result, input, dim=None, dtype=None):
    """The dim softmax normalized over (PyTorch's guess when it was None)."""
    if dim is None:
        dim = 0 if input.dim() in (0, 1, 3) else 1
    return {"dim": dim}


def gather_options(result, input, dim, index):
    return {"dim": dim, "index": index._array().astype(np.int64)}


def loss_reduction(result, input, target, reduction="mean", **ignored):
    return {"reduction": reduction}


def cross_entropy_options(result, input, target, weight=None, ignore_index=-100,
                          reduction="mean"):
    return {"weight": None if weight is None else weight._array(),
            "ignore_index": ignore_index, "reduction": reduction}
