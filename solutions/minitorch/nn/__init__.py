"""Neural-network building blocks (``minitorch.nn``)."""

from . import functional
