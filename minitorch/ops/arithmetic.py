"""Arithmetic: ``+ - * / // % **``, negation, ``abs``, ``maximum``/``minimum`` and ``clamp``.

Every function takes ``out=`` like PyTorch's; the in-place methods (``add_`` ...) reuse the
same kernels through the private keyword ``_inplace=self`` (inplace.py).
"""

import builtins

import numpy as np

from .. import dtypes
from ..autograd import recording
from .elementwise import (binary, check_broadcast, check_operand, check_tensor, finish,
                          operand_array, unary)
from .out import check_no_internal_overlap
from .promotion import can_cast, is_number, operand_kind, result_type, scalar_type_name
from .result import is_tensor

ROUNDING_MODES = (None, "trunc", "floor")


def _not_for_bool(kernel_name):
    def check(a, b, dtype):
        if dtype is dtypes.bool:
            raise NotImplementedError(f'"{kernel_name}" not implemented for \'Bool\'')
    return check


def _integer_division_check(kernel_name):
    """Integer division by zero is an error in PyTorch (NumPy quietly returns 0)."""
    def check(a, b, dtype):
        _not_for_bool(kernel_name)(a, b, dtype)
        if not dtype.is_floating_point and np.broadcast(a, b).size and np.any(b == 0):
            raise RuntimeError("ZeroDivisionError")
    return check


def _alpha_kernel(plain, alpha, input, other):
    """The kernel of ``a + alpha * b`` (or ``-``), refusing alphas PyTorch refuses."""
    if alpha == 1 and not isinstance(alpha, builtins.bool):
        return plain
    dtype = result_type(input, other)
    if not dtype.is_floating_point and isinstance(alpha, builtins.float):
        raise RuntimeError("For integral input tensors, argument alpha must not be a floating "
                           "point number.")
    if dtype is not dtypes.bool and isinstance(alpha, builtins.bool):
        raise RuntimeError("Boolean alpha only supported for Boolean results.")
    return lambda a, b: plain(a, b * np.asarray(alpha).astype(a.dtype))


@recording.with_saved(recording.alpha)
def add(input, other, *, alpha=1, out=None, _inplace=None):
    """``input + alpha * other`` (``torch.add``)."""
    check_operand("add", input, "input", 1)
    check_operand("add", other)
    kernel = _alpha_kernel(np.add, alpha, input, other)
    return binary(kernel, input, other, grad_name="AddBackward0", out=out, inplace=_inplace)


def _check_bool_subtraction(input, other):
    bools = [operand_kind(operand)[1] is dtypes.bool for operand in (input, other)]
    if builtins.all(bools):
        raise RuntimeError("Subtraction, the `-` operator, with two bool tensors is not "
                           "supported. Use the `^` or `logical_xor()` operator instead.")
    if builtins.any(bools):
        raise RuntimeError("Subtraction, the `-` operator, with a bool tensor is not "
                           "supported. If you are trying to invert a mask, use the `~` or "
                           "`logical_not()` operator instead.")


@recording.with_saved(recording.alpha)
def sub(input, other, *, alpha=1, out=None, _inplace=None):
    """``input - alpha * other`` (``torch.sub``)."""
    check_operand("sub", input, "input", 1)
    check_operand("sub", other)
    _check_bool_subtraction(input, other)
    kernel = _alpha_kernel(np.subtract, alpha, input, other)
    grad_name = "RsubBackward1" if is_number(input) else "SubBackward0"  # 2 - x is rsub
    return binary(kernel, input, other, grad_name=grad_name, out=out, inplace=_inplace)


subtract = sub


def mul(input, other, *, out=None, _inplace=None):
    """``input * other`` (``torch.mul``); for bools it is logical and."""
    check_operand("mul", input, "input", 1)
    check_operand("mul", other)
    kernel = np.logical_and if result_type(input, other) is dtypes.bool else np.multiply
    return binary(kernel, input, other, grad_name="MulBackward0", out=out, inplace=_inplace)


multiply = mul


def _truncated_division(a, b):
    if a.dtype.kind == "f":
        return np.trunc(a / b)
    quotient = np.floor_divide(a, b)
    inexact = (np.remainder(a, b) != 0) & ((a < 0) != (b < 0))
    return quotient + inexact.astype(quotient.dtype)


@recording.with_saved(recording.rounding_mode)
def div(input, other, *, rounding_mode=None, out=None, _inplace=None):
    """``input / other`` (``torch.div``); integers give float32 unless rounding_mode is set."""
    check_operand("div", input, "input", 1)
    check_operand("div", other)
    if rounding_mode not in ROUNDING_MODES:
        raise RuntimeError("div expected rounding_mode to be one of None, 'trunc', or 'floor' "
                           f"but found '{rounding_mode}'")
    if rounding_mode is None:
        if is_number(input) and out is None:
            # PyTorch computes number / x as reciprocal(x) * number: the same graph here.
            return mul(reciprocal(other), input)
        return binary(np.true_divide, input, other, grad_name="DivBackward0", result="float",
                      out=out, inplace=_inplace)
    if rounding_mode == "floor":
        return binary(np.floor_divide, input, other, grad_name="DivBackward0", out=out,
                      inplace=_inplace, check=_integer_division_check("div_floor_cpu"))
    return binary(_truncated_division, input, other, grad_name="DivBackward0", out=out,
                  inplace=_inplace, check=_integer_division_check("div_trunc_cpu"))


def reciprocal(input, *, out=None):
    """``1 / input`` elementwise (integers give float32)."""
    check_tensor("reciprocal", input)
    return unary(np.reciprocal, input, grad_name="ReciprocalBackward0", result="float", out=out)


divide = true_divide = div


def floor_divide(input, other, *, out=None):
    """``input // other``: division rounded toward minus infinity."""
    return div(input, other, rounding_mode="floor", out=out)


def remainder(input, other, *, out=None):
    """``input % other``, with the sign of ``other`` (as in Python)."""
    check_operand("remainder", input, "input", 1)
    check_operand("remainder", other)
    grad_name = "RemainderBackward0" if is_number(other) else "RemainderBackward1"
    return binary(np.remainder, input, other, grad_name=grad_name, out=out,
                  check=_integer_division_check("remainder_cpu"))


def _integer_power(a, b):
    """Integer ``a ** b`` where negative exponents give 0 (or +-1 for bases +-1), like PyTorch."""
    if a.dtype.kind == "b":
        return np.logical_or(a, np.logical_not(b))
    negative = b < 0
    if not np.any(negative):
        return np.power(a, b)
    result = np.power(a, np.where(negative, 0, b))
    odd = np.remainder(b, 2) == 1
    small = np.where(a == 1, 1, np.where(a == -1, np.where(odd, -1, 1), 0))
    return np.where(negative, small.astype(result.dtype), result)


def pow(input, exponent, *, out=None, _inplace=None):
    """``input ** exponent`` (``torch.pow``)."""
    check_operand("pow", input, "input", 1)
    check_operand("pow", exponent, "exponent", 2)
    dtype = result_type(input, exponent)
    if not dtype.is_floating_point and is_number(exponent) and exponent < 0:
        raise RuntimeError("Integers to negative integer powers are not allowed.")
    kernel = np.power if dtype.is_floating_point else _integer_power
    check = _check_bool_power if not is_number(exponent) else None
    # PyTorch's three pow ops: tensor ** number, tensor ** tensor, number ** tensor.
    grad_name = ("PowBackward0" if is_number(exponent) else
                 "PowBackward2" if is_number(input) else "PowBackward1")
    return binary(kernel, input, exponent, grad_name=grad_name, out=out, inplace=_inplace,
                  check=check)


def _check_bool_power(base, exponent, dtype):
    """Only ``bool_tensor ** python_number`` has a bool kernel in PyTorch."""
    if dtype is dtypes.bool:
        raise NotImplementedError('"pow" not implemented for \'Bool\'')


def neg(input, *, out=None, _inplace=None):
    """``-input``."""
    check_tensor("neg", input)
    if input.dtype is dtypes.bool:
        raise RuntimeError("Negation, the `-` operator, on a bool tensor is not supported. If "
                           "you are trying to invert a mask, use the `~` or `logical_not()` "
                           "operator instead.")
    return unary(np.negative, input, grad_name="NegBackward0", out=out, inplace=_inplace)


negative = neg


def abs(input, *, out=None, _inplace=None):
    """``|input|``; not defined for bool, as in PyTorch."""
    check_tensor("abs", input)
    if input.dtype is dtypes.bool:
        raise NotImplementedError('"abs_cpu" not implemented for \'Bool\'')
    return unary(np.abs, input, grad_name="AbsBackward0", out=out, inplace=_inplace)


absolute = abs


def maximum(input, other, *, out=None):
    """Elementwise larger of two tensors (NaN wins, as in PyTorch)."""
    check_tensor("maximum", input)
    check_tensor("maximum", other, "other", 2)
    return binary(np.maximum, input, other, grad_name="MaximumBackward0", out=out)


def minimum(input, other, *, out=None):
    """Elementwise smaller of two tensors (NaN wins, as in PyTorch)."""
    check_tensor("minimum", input)
    check_tensor("minimum", other, "other", 2)
    return binary(np.minimum, input, other, grad_name="MinimumBackward0", out=out)


# PyTorch's clamp_ names the target dtype by its C++ type in this one message.
_CPP_TYPE_NAMES = {dtypes.int64: "long int", dtypes.int32: "int", dtypes.int16: "short int",
                   dtypes.int8: "signed char", dtypes.uint8: "unsigned char",
                   dtypes.bool: "bool"}


def _clamp_cast_error(result, target):
    if not can_cast(result, target):
        raise RuntimeError(f"result type {scalar_type_name(result)} can't be cast to the desired "
                           f"output type {_CPP_TYPE_NAMES.get(target, scalar_type_name(target))}")


def _check_bool_clamp(min, max):
    """PyTorch clamps bools only against a single tensor bound (a maximum or minimum)."""
    if is_tensor(min) and is_tensor(max):
        kernel = "clamp_cpu"
    elif is_tensor(min) or is_tensor(max):
        return
    else:
        kernel = {(True, True): "clamp_scalar_cpu", (True, False): "clamp_min_scalar_cpu",
                  (False, True): "clamp_max_scalar_cpu"}[(min is not None, max is not None)]
    raise NotImplementedError(f'"{kernel}" not implemented for \'Bool\'')


@recording.with_saved(recording.clamp_bounds)
def clamp(input, min=None, max=None, *, out=None, _inplace=None):
    """Limit ``input`` to ``[min, max]`` (either bound may be None; tensors broadcast)."""
    check_tensor("clamp", input)
    if min is None and max is None:
        raise RuntimeError("torch.clamp: At least one of 'min' or 'max' must not be None")
    if min is not None and max is not None and is_tensor(min) != is_tensor(max):
        raise TypeError("clamp() received an invalid combination of arguments - min and max "
                        "must both be Tensors or both be numbers")
    bounds = [bound for bound in (min, max) if bound is not None]
    if _inplace is not None:
        check_no_internal_overlap(_inplace)
    dtype = result_type(input, *bounds)
    if dtype is dtypes.bool:
        _check_bool_clamp(min, max)
    check_broadcast(input, *bounds)
    array = operand_array(input, dtype)
    with np.errstate(all="ignore"):
        if min is not None:
            array = np.maximum(array, operand_array(min, dtype))
        if max is not None:
            array = np.minimum(array, operand_array(max, dtype))
    # A NaN input stays NaN (np.maximum already propagates it).
    cast_error = _clamp_cast_error if _inplace is not None else None
    grad_name = "ClampBackward0" if is_tensor(min) or is_tensor(max) else "ClampBackward1"
    return finish(array, dtype, (input, *bounds), grad_name, out, _inplace, cast_error)


clip = clamp
