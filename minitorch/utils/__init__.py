"""``minitorch.utils``: data loading (``utils.data``) and the course's training loop."""

from . import data
from .training import train_epoch
