"""``minitorch.optim``: algorithms that update parameters from their ``.grad``."""

from .adam import Adam
from .optimizer import Optimizer
from .sgd import SGD

__all__ = ["Optimizer", "SGD", "Adam"]
