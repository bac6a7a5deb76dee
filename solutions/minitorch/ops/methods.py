"""The operator and method half of ``Tensor`` (``a + b``, ``a.sum()``, ``a @ b`` ...).

``Tensor`` inherits from ``OperationMethods`` so that ``tensor.py`` stays about storage
and views while the math lives here; each method is one hop to its kernel.  Operators
return ``NotImplemented`` for operands they do not know, so Python can try the other side.
"""

from . import (activations, arithmetic, broadcast, combinations, comparison, gathering, inplace,
               pointwise, products, reductions, selection)
from .elementwise import is_operand
from .result import is_tensor


class OperationMethods:
    __hash__ = object.__hash__  # defining __eq__ would otherwise make tensors unhashable

    # -- operators --------------------------------------------------------------------------
    def __add__(self, other):
        return arithmetic.add(self, other) if is_operand(other) else NotImplemented

    def __radd__(self, other):
        return arithmetic.add(self, other) if is_operand(other) else NotImplemented

    def __iadd__(self, other):
        return inplace.add_(self, other) if is_operand(other) else NotImplemented

    def __sub__(self, other):
        return arithmetic.sub(self, other) if is_operand(other) else NotImplemented

    def __rsub__(self, other):
        return arithmetic.sub(other, self) if is_operand(other) else NotImplemented

    def __isub__(self, other):
        return inplace.sub_(self, other) if is_operand(other) else NotImplemented

    def __mul__(self, other):
        return arithmetic.mul(self, other) if is_operand(other) else NotImplemented

    def __rmul__(self, other):
        return arithmetic.mul(self, other) if is_operand(other) else NotImplemented

    def __imul__(self, other):
        return inplace.mul_(self, other) if is_operand(other) else NotImplemented

    def __truediv__(self, other):
        return arithmetic.div(self, other) if is_operand(other) else NotImplemented

    def __rtruediv__(self, other):
        return arithmetic.div(other, self) if is_operand(other) else NotImplemented

    def __itruediv__(self, other):
        return inplace.div_(self, other) if is_operand(other) else NotImplemented

    def __floordiv__(self, other):
        return arithmetic.floor_divide(self, other) if is_operand(other) else NotImplemented

    def __rfloordiv__(self, other):
        return arithmetic.floor_divide(other, self) if is_operand(other) else NotImplemented

    def __ifloordiv__(self, other):
        if not is_operand(other):
            return NotImplemented
        return inplace.div_(self, other, rounding_mode="floor")

    def __mod__(self, other):
        return arithmetic.remainder(self, other) if is_operand(other) else NotImplemented

    def __rmod__(self, other):
        return arithmetic.remainder(other, self) if is_operand(other) else NotImplemented

    def __pow__(self, exponent):
        return arithmetic.pow(self, exponent) if is_operand(exponent) else NotImplemented

    def __rpow__(self, base):
        return arithmetic.pow(base, self) if is_operand(base) else NotImplemented

    def __ipow__(self, exponent):
        return inplace.pow_(self, exponent) if is_operand(exponent) else NotImplemented

    def __matmul__(self, other):
        return products.matmul(self, other) if is_tensor(other) else NotImplemented

    def __rmatmul__(self, other):
        return products.matmul(other, self) if is_tensor(other) else NotImplemented

    def __neg__(self):
        return arithmetic.neg(self)

    def __abs__(self):
        return arithmetic.abs(self)

    def __eq__(self, other):
        return comparison.eq(self, other) if is_operand(other) else NotImplemented

    def __ne__(self, other):
        return comparison.ne(self, other) if is_operand(other) else NotImplemented

    def __lt__(self, other):
        return comparison.lt(self, other) if is_operand(other) else NotImplemented

    def __le__(self, other):
        return comparison.le(self, other) if is_operand(other) else NotImplemented

    def __gt__(self, other):
        return comparison.gt(self, other) if is_operand(other) else NotImplemented

    def __ge__(self, other):
        return comparison.ge(self, other) if is_operand(other) else NotImplemented

    # -- elementwise methods (self is the first argument of the torch.* function) ----------
    add, sub, subtract = arithmetic.add, arithmetic.sub, arithmetic.sub
    mul, multiply = arithmetic.mul, arithmetic.mul
    div, divide, true_divide = arithmetic.div, arithmetic.div, arithmetic.div
    floor_divide, remainder, pow = arithmetic.floor_divide, arithmetic.remainder, arithmetic.pow
    neg, negative, abs, absolute = arithmetic.neg, arithmetic.neg, arithmetic.abs, arithmetic.abs
    maximum, minimum = arithmetic.maximum, arithmetic.minimum
    clamp, clip = arithmetic.clamp, arithmetic.clamp
    eq, ne, lt, le, gt, ge = (comparison.eq, comparison.ne, comparison.lt, comparison.le,
                              comparison.gt, comparison.ge)
    exp, log, sqrt = pointwise.exp, pointwise.log, pointwise.sqrt
    sin, cos, tanh, sigmoid = pointwise.sin, pointwise.cos, pointwise.tanh, pointwise.sigmoid
    relu, sign = pointwise.relu, pointwise.sign
    floor, ceil, round, trunc = pointwise.floor, pointwise.ceil, pointwise.round, pointwise.trunc

    def where(self, condition, other):
        """``torch.where(condition, self, other)``."""
        return selection.where(condition, self, other)

    # -- in place: write into self and return it ---------------------------------------------
    add_, sub_, mul_ = inplace.add_, inplace.sub_, inplace.mul_
    div_, pow_ = inplace.div_, inplace.pow_
    clamp_ = clip_ = inplace.clamp_
    fill_, zero_, copy_ = inplace.fill_, inplace.zero_, inplace.copy_

    def exp_(self):
        return pointwise.exp(self, _inplace=self)

    def relu_(self):
        return pointwise.relu(self, _inplace=self)

    def neg_(self):
        return arithmetic.neg(self, _inplace=self)

    def abs_(self):
        return arithmetic.abs(self, _inplace=self)

    # -- reductions ---------------------------------------------------------------------------
    sum, mean, prod = reductions.sum, reductions.mean, reductions.prod
    max, min, argmax, argmin = reductions.max, reductions.min, reductions.argmax, reductions.argmin
    std, var, norm = reductions.std, reductions.var, reductions.norm
    all, any = reductions.all, reductions.any

    # -- products, selection, broadcasting ---------------------------------------------------
    dot, inner, mv, mm, bmm = products.dot, products.inner, products.mv, products.mm, products.bmm
    matmul, outer, ger = products.matmul, products.outer, products.outer
    gather = gathering.gather
    unique = combinations.unique
    softmax, log_softmax = activations.softmax, activations.log_softmax
    broadcast_to = broadcast.broadcast_to
