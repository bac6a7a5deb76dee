"""The two engines behind every elementwise operation: ``binary`` and ``unary``.

Each one (1) decides the result dtype by PyTorch's promotion rules, (2) checks that the
shapes broadcast, (3) runs one NumPy kernel on arrays cast to the computation dtype and
(4) hands the result to ``make_result``, to ``out=`` or back into ``self`` (in place).
"""

import numpy as np

from .. import dtypes
from .broadcast import broadcast_shape
from .out import check_inplace_shape, check_no_internal_overlap, write_inplace, write_out
from .promotion import is_number, result_type
from .result import is_tensor, make_result, new_tensor


def check_tensor(op_name, value, argument="input", position=1):
    if not is_tensor(value):
        raise TypeError(f"{op_name}(): argument '{argument}' (position {position}) must be "
                        f"Tensor, not {type(value).__name__}")


def check_operand(op_name, value, argument="other", position=2):
    """Function forms take a tensor or a Python number as their second operand."""
    if not (is_tensor(value) or is_number(value)):
        raise TypeError(f"{op_name}(): argument '{argument}' (position {position}) must be "
                        f"Tensor, not {type(value).__name__}")


def is_operand(value) -> bool:
    """Whether an operator (``a + value``) should handle ``value`` (else NotImplemented)."""
    return is_tensor(value) or is_number(value)


def operand_array(operand, dtype):
    """The NumPy array of a tensor or Python number, in the computation dtype."""
    if is_tensor(operand):
        array = operand._array()
        return array if array.dtype == dtype.numpy else array.astype(dtype.numpy)
    # Through a NumPy integer first, so out-of-range ints wrap around like PyTorch's.
    return np.asarray(operand).astype(dtype.numpy)


def check_broadcast(*operands):
    """Raise PyTorch's error when the tensors' shapes do not broadcast."""
    shapes = [operand._shape for operand in operands if is_tensor(operand)]
    first = shapes[0] if shapes else ()
    if any(shape != first for shape in shapes):
        shape = ()
        for other in shapes:
            shape = broadcast_shape(shape, other)


def finish(array, dtype, inputs, grad_name, out=None, inplace=None, cast_error=None):
    """Deliver a kernel's result: a new tensor, into ``out=``, or into ``inplace``."""
    array = np.asarray(array)
    if array.dtype != dtype.numpy:
        array = array.astype(dtype.numpy)
    if inplace is not None:
        return write_inplace(inplace, array, dtype, cast_error)
    if out is not None:
        return write_out(out, array, dtype)
    if grad_name is None:
        return new_tensor(array)
    return make_result(array, inputs, grad_name)


def binary(kernel, input, other, *, grad_name=None, result="promote", out=None, inplace=None,
           check=None):
    """Run ``kernel(a, b)`` on two operands (tensors or numbers) with promotion.

    ``result`` says which dtype comes out: ``"promote"`` (the promoted dtype), ``"float"``
    (integers become the default float, as for ``/``) or ``"bool"`` (comparisons).
    ``check(a, b, dtype)`` may raise an op-specific error before the kernel runs.
    """
    if inplace is not None:
        check_no_internal_overlap(inplace)
    common = result_type(input, other)
    compute = common
    if result == "float" and not common.is_floating_point:
        compute = dtypes.get_default_dtype()
    check_broadcast(input, other)
    a, b = operand_array(input, compute), operand_array(other, compute)
    if inplace is not None:
        check_inplace_shape(inplace, np.broadcast_shapes(a.shape, b.shape))
    if check is not None:
        check(a, b, compute)
    with np.errstate(all="ignore"):
        array = kernel(a, b)
    dtype = dtypes.bool if result == "bool" else compute
    return finish(array, dtype, (input, other), grad_name, out, inplace)


def unary(kernel, input, *, grad_name=None, result="same", out=None, inplace=None):
    """Run ``kernel(a)`` on one tensor; ``result="float"`` turns integers into float32.

    float16 is computed in float32 and rounded back, as PyTorch does on the CPU.
    """
    if inplace is not None:
        check_no_internal_overlap(inplace)
    dtype = input.dtype
    if result == "float" and not dtype.is_floating_point:
        dtype = dtypes.get_default_dtype()
    compute = dtypes.float32 if dtype is dtypes.float16 else dtype
    with np.errstate(all="ignore"):
        array = kernel(operand_array(input, compute))
    return finish(array, dtype, (input,), grad_name, out, inplace)
