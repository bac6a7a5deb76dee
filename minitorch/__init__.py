"""minitorch: the core of PyTorch rebuilt on NumPy, one exercise at a time.

``import minitorch as torch`` runs the lecture notes' code and prints what PyTorch prints.
"""

from . import dtypes
from .dtypes import (bool, double, dtype, float, float16, float32, float64, get_default_dtype,
                     half, int, int8, int16, int32, int64, long, set_default_dtype, short, uint8)
from .size import Size
from .strides import contiguous_strides
from .tensor import Tensor
from .ops import *  # noqa: F401,F403 (the torch.add, torch.matmul ... namespace)
from . import nn

__version__ = "0.1.0"
