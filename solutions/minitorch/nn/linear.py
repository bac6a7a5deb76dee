"""``nn.Linear``: ``y = x @ W.T + b``, the fully connected layer."""

import math

from ..creation import empty
from . import init
from .module import Module
from .parameter import Parameter


class Linear(Module):
    """Maps the last dimension from ``in_features`` to ``out_features``.

    ``weight`` has shape ``(out_features, in_features)`` (one row per output, as in
    PyTorch) and ``bias`` shape ``(out_features,)``; both start uniform on
    ``[-1/sqrt(in_features), 1/sqrt(in_features)]``.
    """

    def __init__(self, in_features, out_features, bias=True, device=None, dtype=None):
        super().__init__()
        self.in_features = in_features
        self.out_features = out_features
        self.weight = Parameter(empty((out_features, in_features), dtype=dtype, device=device))
        if bias:
            self.bias = Parameter(empty(out_features, dtype=dtype, device=device))
        else:
            self.register_parameter("bias", None)
        self.reset_parameters()

    def reset_parameters(self):
        """PyTorch's initialisation: kaiming_uniform_(a=sqrt(5)) for the weight, and the
        same bound 1/sqrt(fan_in) for the bias."""
        init.kaiming_uniform_(self.weight, a=math.sqrt(5))
        if self.bias is not None:
            fan_in = self.in_features
            bound = 1 / math.sqrt(fan_in) if fan_in > 0 else 0
            init.uniform_(self.bias, -bound, bound)

    def forward(self, input):
        output = input @ self.weight.t()
        if self.bias is not None:
            output = output + self.bias
        return output

    def extra_repr(self):
        return (f"in_features={self.in_features}, out_features={self.out_features}, "
                f"bias={self.bias is not None}")
