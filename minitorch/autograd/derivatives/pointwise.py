"""Derivatives of one-tensor functions: ``exp log sqrt sin cos tanh sigmoid relu`` and
the rounding functions (flat almost everywhere, so their gradient is zero)."""

import numpy as np

from .table import derivative


@derivative("ExpBackward0")
def exp_backward(grad, inputs, output, saved):
    # d(e^a)/da = e^a, the output itself
    return (grad * output,)


@derivative("LogBackward0")
def log_backward(grad, inputs, output, saved):
    # d(ln a)/da = 1/a
    with np.errstate(all="ignore"):
        return (grad / inputs[0],)


@derivative("SqrtBackward0")
def sqrt_backward(grad, inputs, output, saved):
    # d(sqrt a)/da = 1 / (2 sqrt a)
    with np.errstate(all="ignore"):
        return (grad / (2 * output),)


@derivative("SinBackward0")
def sin_backward(grad, inputs, output, saved):
    # d(sin a)/da = cos a
    return (grad * np.cos(inputs[0]),)


@derivative("CosBackward0")
def cos_backward(grad, inputs, output, saved):
    # d(cos a)/da = -sin a
    return (-grad * np.sin(inputs[0]),)


@derivative("TanhBackward0")
def tanh_backward(grad, inputs, output, saved):
    # d(tanh a)/da = 1 - tanh(a)^2
    return (grad * (1 - output * output),)


@derivative("SigmoidBackward0")
def sigmoid_backward(grad, inputs, output, saved):
    # d(sigmoid a)/da = sigmoid(a) * (1 - sigmoid(a))
    return (grad * output * (1 - output),)


@derivative("ReluBackward0")
def relu_backward(grad, inputs, output, saved):
    # d(max(a, 0))/da = 1 where the output is positive, else 0
    return (grad * (output > 0),)


@derivative("FloorBackward0", "CeilBackward0", "RoundBackward0", "RoundBackward1",
            "TruncBackward0", "SignBackward0", saves_values=False)
def step_backward(grad, inputs, output, saved):
    # piecewise constant: the derivative is 0 (where it exists)
    return (np.zeros_like(grad),)
