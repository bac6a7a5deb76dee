"""Operations on tensors (lesson 04): elementwise math with type promotion and
broadcasting, reductions, in-place updates and matrix products.  Everything here is a
NumPy kernel on ``Tensor._array()``; ``methods.py`` binds them to ``Tensor``.

Map (one job per module):
    promotion     result dtypes (torch.result_type, promote_types, can_cast)
    broadcast     broadcast_shape, broadcast_to, broadcast_shapes, broadcast_tensors
    elementwise   the binary/unary engines every elementwise op runs through
    arithmetic    + - * / // % ** neg abs maximum minimum clamp
    comparison    == != < <= > >=
    pointwise     exp log sqrt sin cos tanh sigmoid relu floor ceil round trunc sign
    selection     where
    reductions    sum mean prod max min argmax argmin std var all any norm
    products      dot mv mm bmm matmul outer
    gathering     gather
    combinations  cartesian_prod unique
    activations   softmax log_softmax
    decompositions svd (and linalg.svd)
    out, inplace  out= and the in-place methods (add_ fill_ copy_ ...)
    result        where every output tensor is made (autograd hooks in there)
"""

from . import return_types
from .arithmetic import (abs, absolute, add, clamp, clip, div, divide, floor_divide, maximum,
                         minimum, mul, multiply, neg, negative, pow, remainder, sub, subtract,
                         true_divide)
from .broadcast import broadcast_shapes, broadcast_tensors, broadcast_to
from .combinations import cartesian_prod, unique
from .comparison import (eq, ge, greater, greater_equal, gt, le, less, less_equal, lt, ne,
                         not_equal)
from .gathering import gather
from .pointwise import (ceil, cos, exp, floor, log, relu, round, sigmoid, sign, sin, sqrt, tanh,
                        trunc)
from .products import bmm, dot, ger, inner, matmul, mm, mv, outer
from .promotion import can_cast, result_type
from .reductions import all, any, argmax, argmin, max, mean, min, norm, prod, std, sum, var
from .activations import log_softmax, softmax
from .decompositions import svd
from .selection import where

__all__ = [
    "return_types",
    "abs", "absolute", "add", "clamp", "clip", "div", "divide", "floor_divide", "maximum",
    "minimum", "mul", "multiply", "neg", "negative", "pow", "remainder", "sub", "subtract",
    "true_divide",
    "broadcast_shapes", "broadcast_tensors", "broadcast_to",
    "cartesian_prod", "unique",
    "eq", "ge", "greater", "greater_equal", "gt", "le", "less", "less_equal", "lt", "ne",
    "not_equal",
    "gather",
    "ceil", "cos", "exp", "floor", "log", "relu", "round", "sigmoid", "sign", "sin", "sqrt",
    "tanh", "trunc",
    "bmm", "dot", "ger", "inner", "matmul", "mm", "mv", "outer",
    "can_cast", "result_type",
    "all", "any", "argmax", "argmin", "max", "mean", "min", "norm", "prod", "std", "sum", "var",
    "log_softmax", "softmax",
    "svd",
    "where",
]
