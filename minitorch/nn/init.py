"""``nn.init``: fill parameters in place with the starting values training begins from.

PyTorch's ``Linear`` uses ``kaiming_uniform_(weight, a=sqrt(5))``, i.e. uniform on
``[-1/sqrt(fan_in), 1/sqrt(fan_in)]``: the bound shrinks with the number of inputs so the
outputs keep about the same scale however wide the layer is.
"""

import math

from ..autograd.grad_mode import no_grad
from ..random import rand, randn


def calculate_gain(nonlinearity, param=None):
    """The factor that keeps activations' variance through ``nonlinearity``."""
    if nonlinearity in ("linear", "conv1d", "conv2d", "conv3d", "sigmoid"):
        return 1
    if nonlinearity == "tanh":
        return 5.0 / 3
    if nonlinearity == "relu":
        return math.sqrt(2.0)
    if nonlinearity == "leaky_relu":
        slope = 0.01 if param is None else param
        return math.sqrt(2.0 / (1 + slope ** 2))
    if nonlinearity == "selu":
        return 3.0 / 4
    raise ValueError(f"Unsupported nonlinearity {nonlinearity}")


def _calculate_fan_in_and_fan_out(tensor):
    """Inputs and outputs per unit: ``(size(1), size(0))`` times the receptive field."""
    if tensor.dim() < 2:
        raise ValueError("Fan in and fan out can not be computed for tensor with fewer than 2 "
                         "dimensions")
    receptive = 1
    for size in tensor.shape[2:]:
        receptive *= size
    return tensor.shape[1] * receptive, tensor.shape[0] * receptive


def uniform_(tensor, a=0.0, b=1.0, generator=None):
    """Fill ``tensor`` with values drawn uniformly from ``[a, b)``."""
    with no_grad():
        values = rand(tensor.shape, generator=generator, dtype=tensor.dtype)
        return tensor.copy_(values * (b - a) + a)


def normal_(tensor, mean=0.0, std=1.0, generator=None):
    with no_grad():
        values = randn(tensor.shape, generator=generator, dtype=tensor.dtype)
        return tensor.copy_(values * std + mean)


def constant_(tensor, val):
    with no_grad():
        return tensor.fill_(val)


def zeros_(tensor):
    return constant_(tensor, 0.0)


def ones_(tensor):
    return constant_(tensor, 1.0)


def kaiming_uniform_(tensor, a=0, mode="fan_in", nonlinearity="leaky_relu", generator=None):
    """Uniform on ``[-bound, bound]``, ``bound = gain * sqrt(3 / fan)`` (He et al., 2015)."""
    if mode not in ("fan_in", "fan_out"):
        raise ValueError(f"Mode {mode} not supported, please use one of fan_in, fan_out")
    fan_in, fan_out = _calculate_fan_in_and_fan_out(tensor)
    fan = fan_in if mode == "fan_in" else fan_out
    if fan == 0:
        return tensor
    bound = math.sqrt(3.0) * calculate_gain(nonlinearity, a) / math.sqrt(fan)
    return uniform_(tensor, -bound, bound, generator)


def xavier_uniform_(tensor, gain=1.0, generator=None):
    """Uniform on ``[-bound, bound]``, ``bound = gain * sqrt(6 / (fan_in + fan_out))``."""
    fan_in, fan_out = _calculate_fan_in_and_fan_out(tensor)
    bound = gain * math.sqrt(6.0 / float(fan_in + fan_out))
    return uniform_(tensor, -bound, bound, generator)
