"""Derivatives of ``+ - * / ** %``, ``neg``, ``abs``, ``maximum``, ``minimum``, ``clamp``
and ``where``.  Broadcasting ops sum their gradients back to each input's shape."""

import numpy as np

from ..._exercise import exercise
from .table import derivative, unbroadcast


@derivative("AddBackward0", saves_values=False)
def add_backward(grad, inputs, output, saved):
    # d(a + alpha*b)/da = 1,  d(a + alpha*b)/db = alpha
    a, b = inputs
    alpha = saved.get("alpha", 1)
    return unbroadcast(grad, np.shape(a)), unbroadcast(grad if alpha == 1 else grad * alpha,
                                                       np.shape(b))


@derivative("SubBackward0", "RsubBackward1", saves_values=False)
def sub_backward(grad, inputs, output, saved):
    # d(a - alpha*b)/da = 1,  d(a - alpha*b)/db = -alpha  (Rsub: a is a number)
    a, b = inputs
    return unbroadcast(grad, np.shape(a)), unbroadcast(-saved.get("alpha", 1) * grad, np.shape(b))


@derivative("MulBackward0")
@exercise("05", "mul_backward")
def mul_backward(grad, inputs, output, saved):
    """The gradients of ``a`` and ``b`` for ``output = a * b``.

    ``d(a*b)/da = b`` and ``d(a*b)/db = a``, each times the incoming ``grad``.  ``a`` and
    ``b`` may have broadcast against each other (or one may be a Python number), so sum
    each gradient back to its input's shape with ``unbroadcast(g, np.shape(x))``.

    >>> a, b = np.array([2., 3.]), np.array([[1.], [10.]])
    >>> mul_backward(np.ones((2, 2)), (a, b), a * b, {})
    (array([11., 11.]), array([[5.], [5.]]))
    """
    raise NotImplementedError('Lesson 05 · exercise mul_backward: implement mul_backward (minitorch/autograd/derivatives/arithmetic.py), then run check("05", "mul_backward") to test it.')


@derivative("DivBackward0", "DivBackward1", "DivBackward2")
def div_backward(grad, inputs, output, saved):
    # d(a/b)/da = 1/b,  d(a/b)/db = -a/b^2;  rounded division is flat: zero gradient
    a, b = inputs
    if saved.get("rounding_mode") is not None:
        return np.zeros(np.shape(a)), np.zeros(np.shape(b))
    with np.errstate(all="ignore"):
        return unbroadcast(grad / b, np.shape(a)), unbroadcast(-grad * a / (b * b), np.shape(b))


@derivative("PowBackward0", "PowBackward1", "PowBackward2")
def pow_backward(grad, inputs, output, saved):
    # d(a^b)/da = b * a^(b-1)  (0 where b == 0),  d(a^b)/db = a^b * ln(a)  (0 where a == 0, b >= 0)
    a, b = inputs
    with np.errstate(all="ignore"):
        grad_a = np.where(np.equal(b, 0), 0, grad * b * np.power(a, np.subtract(b, 1)))
        grad_b = None
        if isinstance(b, np.ndarray):
            log_a = np.where((np.equal(a, 0)) & (np.greater_equal(b, 0)), 0, output * np.log(a))
            grad_b = unbroadcast(grad * log_a, b.shape)
    return unbroadcast(np.asarray(grad_a, dtype=grad.dtype), np.shape(a)), grad_b


@derivative("RemainderBackward0", "RemainderBackward1")
def remainder_backward(grad, inputs, output, saved):
    # a % b = a - floor(a/b) * b:  d/da = 1,  d/db = -floor(a/b)
    a, b = inputs
    with np.errstate(all="ignore"):
        return unbroadcast(grad, np.shape(a)), unbroadcast(-grad * np.floor(np.divide(a, b)),
                                                           np.shape(b))


@derivative("ReciprocalBackward0")
def reciprocal_backward(grad, inputs, output, saved):
    # d(1/a)/da = -1/a^2 = -output^2
    return (-grad * output * output,)


@derivative("NegBackward0", saves_values=False)
def neg_backward(grad, inputs, output, saved):
    # d(-a)/da = -1
    return (-grad,)


@derivative("AbsBackward0")
def abs_backward(grad, inputs, output, saved):
    # d|a|/da = sign(a)  (0 at 0)
    return (grad * np.sign(inputs[0]),)


@derivative("MaximumBackward0", "MinimumBackward0")
def extremum_backward(grad, inputs, output, saved):
    # the gradient goes to the input that was picked; a tie splits it in halves
    a, b = inputs
    picked_a = (a == output).astype(grad.dtype)
    picked_b = (b == output).astype(grad.dtype)
    share = picked_a + picked_b
    with np.errstate(all="ignore"):
        share = np.where(share == 0, 1, share)
    return unbroadcast(grad * picked_a / share, np.shape(a)), unbroadcast(grad * picked_b / share,
                                                                          np.shape(b))


@derivative("ClampBackward0", "ClampBackward1")
def clamp_backward(grad, inputs, output, saved):
    # inside [min, max] the gradient goes to the input; below min (above max), to that bound
    a, *bounds = inputs
    has_min = saved.get("min", True)
    has_max = saved.get("max", len(bounds) == 2)
    low = bounds.pop(0) if has_min and bounds else None
    high = bounds.pop(0) if has_max and bounds else None
    inside = np.ones(np.shape(a), dtype=bool)
    grads = []
    if low is not None:
        below = a < low
        inside &= ~below
        grads.append(unbroadcast(np.where(below, grad, 0), np.shape(low)))
    if high is not None:
        above = a > high
        inside &= ~above
        grads.append(unbroadcast(np.where(above, grad, 0), np.shape(high)))
    return (np.where(inside, grad, 0), *grads)


@derivative("WhereBackward0")
def where_backward(grad, inputs, output, saved):
    # where(c, a, b): the gradient goes to a where c holds, to b elsewhere
    a, b = inputs
    condition = saved["condition"]
    return (unbroadcast(np.where(condition, grad, 0), np.shape(a)),
            unbroadcast(np.where(condition, 0, grad), np.shape(b)))
