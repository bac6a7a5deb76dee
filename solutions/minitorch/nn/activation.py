"""Activation layers: the elementwise non-linearities between linear layers."""

from ..autograd.grad_mode import is_grad_enabled
from .module import Module


class ReLU(Module):
    """``max(x, 0)`` elementwise."""

    def __init__(self, inplace=False):
        super().__init__()
        self.inplace = inplace

    def forward(self, input):
        # minitorch records no in-place ops, so inside a graph the in-place form is a copy
        if self.inplace and not (is_grad_enabled() and input.requires_grad):
            return input.relu_()
        return input.relu()

    def extra_repr(self):
        return "inplace=True" if self.inplace else ""


class Sigmoid(Module):
    """``1 / (1 + exp(-x))`` elementwise: squashes to (0, 1)."""

    def forward(self, input):
        return input.sigmoid()


class Tanh(Module):
    """``tanh(x)`` elementwise: squashes to (-1, 1)."""

    def forward(self, input):
        return input.tanh()
