"""Type promotion: the dtype of an operation's result, decided exactly as PyTorch does.

Operands come in three priorities: tensors with dimensions, 0-d tensors, and Python
numbers ("wrapped numbers").  A lower-priority operand only matters when its *category*
(bool < integer < floating) is higher: ``int_tensor + 2.5`` is float32, but
``int32_tensor + 7`` stays int32 and ``float32_tensor + float64_scalar_tensor`` stays float32.
"""

import builtins
from functools import lru_cache

from .. import dtypes
from ..dtypes import promote_types
from .result import is_tensor

# PyTorch's ScalarType names, used in its error messages ("result type Float ...").
SCALAR_TYPE_NAMES = {
    dtypes.float16: "Half", dtypes.float32: "Float", dtypes.float64: "Double",
    dtypes.int8: "Char", dtypes.int16: "Short", dtypes.int32: "Int", dtypes.int64: "Long",
    dtypes.uint8: "Byte", dtypes.bool: "Bool",
}

NUMBER_TYPES = (builtins.bool, builtins.int, builtins.float)


def scalar_type_name(dtype) -> str:
    return SCALAR_TYPE_NAMES[dtype]


def category(dtype) -> int:
    """0 for bool, 1 for integers, 2 for floating point."""
    if dtype is dtypes.bool:
        return 0
    return 2 if dtype.is_floating_point else 1


def is_number(value) -> builtins.bool:
    return isinstance(value, NUMBER_TYPES)


def number_dtype(value):
    """The dtype a Python number takes part in promotion with."""
    if isinstance(value, builtins.bool):
        return dtypes.bool
    if isinstance(value, builtins.int):
        return dtypes.int64
    if isinstance(value, builtins.float):
        return dtypes.get_default_dtype()
    raise TypeError(f"expected a Tensor or a Python number, got {type(value).__name__}")


def _combine_categories(higher, lower):
    """PyTorch's rule for letting a lower-priority group change the result."""
    if higher is None:
        return lower
    if lower is None or higher.is_floating_point:
        return higher
    if higher is dtypes.bool or lower.is_floating_point:
        return promote_types(higher, lower)
    return higher


@lru_cache(maxsize=4096)
def _result_type(kinds):
    groups = {"dim": None, "zero": None, "number": None}
    for kind, dtype in kinds:
        current = groups[kind]
        groups[kind] = dtype if current is None else promote_types(current, dtype)
    result = _combine_categories(groups["dim"], groups["zero"])
    return _combine_categories(result, groups["number"])


def operand_kind(operand):
    """``("dim" | "zero" | "number", dtype)`` for a tensor or a Python number."""
    if is_number(operand):
        return ("number", number_dtype(operand))
    if is_tensor(operand):
        return ("dim" if operand._shape else "zero", operand.dtype)
    raise TypeError(f"expected a Tensor or a Python number, got {type(operand).__name__}")


def result_type(*operands):
    """The dtype of ``op(*operands)`` for an arithmetic op (``torch.result_type``).

    ``promote_types`` (dtypes.py) combines two dtypes; this adds the operand priorities.
    """
    if len(operands) == 2 and is_tensor(operands[0]) and is_tensor(operands[1]) and \
            operands[0]._storage.dtype == operands[1]._storage.dtype:
        return operands[0].dtype  # the common case, answered without the priority rules
    return _result_type(tuple(operand_kind(operand) for operand in operands))


def can_cast(from_, to) -> builtins.bool:
    """Whether an in-place op or ``out=`` may store a ``from_`` result into ``to``."""
    if from_.is_floating_point and not to.is_floating_point:
        return False
    if from_ is not dtypes.bool and to is dtypes.bool:
        return False
    return True


def check_can_cast(result, output):
    if not can_cast(result, output):
        raise RuntimeError(f"result type {scalar_type_name(result)} can't be cast to the "
                           f"desired output type {scalar_type_name(output)}")


def float_result(dtype):
    """The dtype of a floating-point op (``exp``, ``/``) on ``dtype``: ints become float32."""
    return dtype if dtype.is_floating_point else dtypes.get_default_dtype()
