"""minitorch: the core of PyTorch rebuilt on NumPy, one exercise at a time.

``import minitorch as torch`` runs the lecture notes' code and prints what PyTorch prints.
"""

from . import dtypes
from .dtypes import (bool, double, dtype, float, float16, float32, float64, get_default_dtype,
                     half, int, int8, int16, int32, int64, long, promote_types,
                     set_default_dtype, short, uint8)
from .size import Size
from .strides import contiguous_strides
from .device import device
from . import cuda
from .tensor import Tensor
from .creation import (BoolTensor, ByteTensor, CharTensor, DoubleTensor, FloatTensor,
                       HalfTensor, IntTensor, LongTensor, ShortTensor, arange, as_tensor, empty,
                       empty_like, eye, from_numpy, full, full_like, linspace, ones, ones_like,
                       tensor, zeros, zeros_like)
from .random import (Generator, initial_seed, manual_seed, normal, rand, rand_like, randint,
                     randint_like, randn, randn_like, randperm, seed)
from .printing import set_printoptions
from .shape_ops import (cat, chunk, concat, concatenate, flatten, narrow, numel, permute,
                        reshape, select, split, squeeze, stack, swapaxes, swapdims, t,
                        transpose, unbind, unsqueeze)
from .ops import *  # noqa: F401,F403 (the torch.add, torch.matmul ... namespace)
from . import nn
from . import autograd, optim, utils  # lessons 05 and 06
from .autograd import enable_grad, is_grad_enabled, no_grad, set_grad_enabled

__version__ = "0.1.0"


def is_tensor(obj):
    return isinstance(obj, Tensor)


def is_floating_point(input):
    return input.is_floating_point()


from . import linalg  # noqa: E402 (torch.linalg; needs the ops above)
