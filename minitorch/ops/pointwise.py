"""One-tensor math: ``exp log sqrt sin cos tanh sigmoid relu floor ceil round trunc sign``.

Transcendental functions of integer (or bool) tensors return float32, as in PyTorch;
rounding functions leave integers unchanged.
"""

import numpy as np

from .. import dtypes
from .elementwise import check_tensor, unary


def _float_function(name, kernel, grad_name):
    def function(input, *, out=None, _inplace=None):
        check_tensor(name, input)
        return unary(kernel, input, grad_name=grad_name, result="float", out=out,
                     inplace=_inplace)

    function.__name__ = function.__qualname__ = name
    function.__doc__ = f"``{name}`` of each element (integers give float32)."
    return function


def _sigmoid(array):
    return 1 / (1 + np.exp(-array))  # exp overflow gives 1/inf = 0, the right limit


exp = _float_function("exp", np.exp, "ExpBackward0")
log = _float_function("log", np.log, "LogBackward0")
sqrt = _float_function("sqrt", np.sqrt, "SqrtBackward0")
sin = _float_function("sin", np.sin, "SinBackward0")
cos = _float_function("cos", np.cos, "CosBackward0")
tanh = _float_function("tanh", np.tanh, "TanhBackward0")
sigmoid = _float_function("sigmoid", _sigmoid, "SigmoidBackward0")


def _check_not_bool(name, input):
    check_tensor(name, input)
    if input.dtype is dtypes.bool:
        raise NotImplementedError(f'"{name}_vml_cpu" not implemented for \'Bool\'')


def _rounding_function(name, kernel, grad_name):
    def function(input, *, out=None, _inplace=None):
        _check_not_bool(name, input)
        kernel_or_copy = kernel if input.dtype.is_floating_point else np.copy
        return unary(kernel_or_copy, input, grad_name=grad_name, out=out, inplace=_inplace)

    function.__name__ = function.__qualname__ = name
    function.__doc__ = f"``{name}`` of each element (integer tensors are returned unchanged)."
    return function


floor = _rounding_function("floor", np.floor, "FloorBackward0")
ceil = _rounding_function("ceil", np.ceil, "CeilBackward0")
trunc = _rounding_function("trunc", np.trunc, "TruncBackward0")


def round(input, *, decimals=0, out=None, _inplace=None):
    """Round half to even (``torch.round``), optionally to ``decimals`` places."""
    _check_not_bool("round", input)
    if not input.dtype.is_floating_point:
        return unary(np.copy, input, grad_name="RoundBackward0", out=out, inplace=_inplace)
    return unary(lambda array: np.round(array, decimals), input,
                 grad_name="RoundBackward1" if decimals else "RoundBackward0",
                 out=out, inplace=_inplace)


def sign(input, *, out=None, _inplace=None):
    """-1, 0 or 1 by the sign of each element; NaN gives 0, as in PyTorch."""
    check_tensor("sign", input)
    if input.dtype is dtypes.bool:
        return unary(np.copy, input, grad_name="SignBackward0", out=out, inplace=_inplace)
    return unary(lambda a: (a > 0).astype(a.dtype) - (a < 0).astype(a.dtype), input,
                 grad_name="SignBackward0", out=out, inplace=_inplace)


def relu(input, *, _inplace=None):
    """``max(input, 0)`` elementwise; integers stay integers."""
    check_tensor("relu", input)
    if input.dtype is dtypes.bool:
        raise RuntimeError("Boolean inputs not supported for relu")
    return unary(lambda a: np.maximum(a, np.zeros((), a.dtype)), input,
                 grad_name="ReluBackward0", inplace=_inplace)
