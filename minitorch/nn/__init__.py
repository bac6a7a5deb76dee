"""Neural-network building blocks (``minitorch.nn``)."""

from . import functional, init
from .activation import ReLU, Sigmoid, Tanh
from .container import Sequential
from .linear import Linear
from .loss import CrossEntropyLoss, MSELoss
from .module import Module
from .parameter import Parameter
