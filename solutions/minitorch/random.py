"""Random tensors from one seeded NumPy generator.

``manual_seed`` makes every notebook reproducible; the numbers differ from PyTorch's
(its generator is not NumPy's), the distributions and dtypes are the same.
"""

import numpy as np

from . import dtypes
from .creation import _finish
from .device import check_device
from .dims import size_args
from .ops.promotion import scalar_type_name
from .tensor import Tensor


class Generator:
    """Holds the NumPy generator every random function draws from."""

    def __init__(self, seed=None):
        self.manual_seed(seed)

    def manual_seed(self, seed):
        self._seed = seed
        self.numpy = np.random.default_rng(seed)
        return self

    def initial_seed(self):
        return self._seed

    def __repr__(self):
        return f"<minitorch.Generator object at {hex(id(self))}>"


default_generator = Generator(2147483647)


def manual_seed(seed):
    """Reset the default generator: the same seed gives the same numbers."""
    return default_generator.manual_seed(int(seed))


def seed():
    return default_generator.manual_seed(None)


def initial_seed():
    return default_generator.initial_seed()


def _rng(generator):
    return (generator or default_generator).numpy


def _float_dtype(dtype):
    dtype = dtype or dtypes.get_default_dtype()
    if not dtype.is_floating_point:
        raise NotImplementedError(
            f'"check_uniform_bounds" not implemented for \'{scalar_type_name(dtype)}\'')
    return dtype


def rand(*args, size=None, generator=None, dtype=None, device=None, requires_grad=False):
    """Uniform on [0, 1)."""
    check_device(device)
    dtype = _float_dtype(dtype)
    values = _rng(generator).random(size_args(args if size is None else (size,)))
    return _finish(Tensor._from_array(values.astype(dtype.numpy)), requires_grad)


def randn(*args, size=None, generator=None, dtype=None, device=None, requires_grad=False):
    """Standard normal (mean 0, standard deviation 1)."""
    check_device(device)
    dtype = dtype or dtypes.get_default_dtype()
    values = _rng(generator).standard_normal(size_args(args if size is None else (size,)))
    return _finish(Tensor._from_array(values.astype(dtype.numpy)), requires_grad)


def randint(low=0, high=None, size=None, *, generator=None, dtype=None, device=None,
            requires_grad=False):
    """Integers in [low, high); ``randint(high, size)`` starts at 0."""
    check_device(device)
    if size is None:
        low, high, size = 0, low, high
    if low >= high:
        raise RuntimeError(f"random_ expects 'from' to be less than 'to', but got from={low} "
                           f">= to={high}")
    values = _rng(generator).integers(low, high, size_args((size,)))
    return _finish(Tensor._from_array(values.astype((dtype or dtypes.int64).numpy)), requires_grad)


def randperm(n, *, generator=None, dtype=None, device=None, requires_grad=False):
    """A random ordering of 0 .. n-1."""
    check_device(device)
    values = _rng(generator).permutation(n)
    return _finish(Tensor._from_array(values.astype((dtype or dtypes.int64).numpy)), requires_grad)


def normal(mean=0.0, std=1.0, size=None, *, generator=None, dtype=None, device=None,
           requires_grad=False):
    """Normal with float ``mean`` and ``std`` and a ``size`` (tensor arguments: lesson 04)."""
    check_device(device)
    dtype = dtype or dtypes.get_default_dtype()
    values = _rng(generator).normal(mean, std, size_args((size,)))
    return _finish(Tensor._from_array(values.astype(dtype.numpy)), requires_grad)


def rand_like(input, dtype=None, device=None, requires_grad=False):
    return rand(input.shape, dtype=dtype or input.dtype, device=device,
                requires_grad=requires_grad)


def randn_like(input, dtype=None, device=None, requires_grad=False):
    return randn(input.shape, dtype=dtype or input.dtype, device=device,
                 requires_grad=requires_grad)


def randint_like(input, low=0, high=None, dtype=None, device=None, requires_grad=False):
    if high is None:
        low, high = 0, low
    return randint(low, high, input.shape, dtype=dtype or input.dtype, device=device,
                   requires_grad=requires_grad)
