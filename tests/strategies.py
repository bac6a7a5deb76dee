"""Hypothesis strategies shared by the tests: shapes, data, dims, index keys, and
*view recipes* — sequences of view operations replayed on minitorch and on PyTorch so
their strides, offsets and values can be compared.

Everything here produces plain Python / NumPy values; each test builds the tensors
it needs with ``minitorch.tensor(...)`` and ``torch.tensor(...)``.
"""

from dataclasses import dataclass

import numpy as np
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

DTYPE_NAMES = ("float32", "float64", "float16", "int64", "int32", "int16", "int8", "uint8",
               "bool")


def shapes(min_dims=0, max_dims=4, min_side=0, max_side=4):
    """Tensor shapes as tuples, e.g. ``(2, 0, 3)``."""
    return st.lists(st.integers(min_side, max_side), min_size=min_dims,
                    max_size=max_dims).map(tuple)


def arrays(shape=None, dtype="float32", elements=None):
    """NumPy arrays of ``dtype`` (a name); small finite values, so prints stay short."""
    if elements is None:
        if dtype == "bool":
            elements = st.booleans()
        elif dtype.startswith(("int", "uint")):
            elements = st.integers(0 if dtype == "uint8" else -100, 100)
        else:
            elements = st.floats(-1000, 1000, width=16 if dtype == "float16" else 32)
    return hnp.arrays(np.dtype(dtype), shape if shape is not None else shapes(max_side=3),
                      elements=elements)


@st.composite
def dims(draw, ndim, allow_negative=True):
    """A valid dim for a tensor of ``ndim`` dimensions (0-d tensors accept -1 and 0)."""
    span = max(ndim, 1)
    return draw(st.integers(-span if allow_negative else 0, span - 1))


def permutations(ndim):
    return st.permutations(range(ndim)).map(tuple)


@st.composite
def reshape_targets(draw, shape):
    """A shape with the same number of elements as ``shape`` (maybe with one -1)."""
    numel = int(np.prod(shape)) if shape else 1
    if numel == 0:
        return draw(st.sampled_from([(0,), (0, 2), (2, 0, 1), tuple(shape)]))
    factors, rest = [], numel
    while rest > 1:
        divisors = [d for d in range(2, rest + 1) if rest % d == 0]
        d = draw(st.sampled_from(divisors))
        factors.append(d)
        rest //= d
    factors = draw(st.permutations(factors))
    ones = draw(st.integers(0, 2))
    target = list(factors)
    for _ in range(ones):
        target.insert(draw(st.integers(0, len(target))), 1)
    if target and draw(st.booleans()):
        target[draw(st.integers(0, len(target) - 1))] = -1
    return tuple(target)


@st.composite
def basic_index_keys(draw, shape):
    """A key of ints, positive-step slices, ``None`` and ``...`` valid for ``shape``."""
    parts = []
    indexed = draw(st.integers(0, len(shape)))
    for size in shape[:indexed]:
        kind = draw(st.sampled_from(["int", "slice", "none"] if size else ["slice", "none"]))
        if kind == "none":
            parts += [None, slice(None)]
        elif kind == "int":
            parts.append(draw(st.integers(-size, size - 1)))
        else:
            start = draw(st.none() | st.integers(-size - 1, size + 1))
            stop = draw(st.none() | st.integers(-size - 1, size + 1))
            step = draw(st.none() | st.integers(1, 3))
            parts.append(slice(start, stop, step))
    if draw(st.booleans()):
        # "..." stands for the dims not indexed: at the end, or first when all are indexed
        parts.insert(0 if indexed == len(shape) and draw(st.booleans()) else len(parts),
                     Ellipsis)
    return tuple(parts)


# -- view recipes ------------------------------------------------------------------------
@dataclass(frozen=True)
class ViewStep:
    name: str  # a Tensor method that returns a view
    args: tuple

    def apply(self, tensor):
        if self.name == "getitem":
            return tensor[self.args[0]]
        return getattr(tensor, self.name)(*self.args)

    def __repr__(self):
        return f".{self.name}{self.args}" if self.name != "getitem" else f"[{self.args[0]!r}]"


@dataclass(frozen=True)
class ViewRecipe:
    """A base shape and view steps; ``replay(lib)`` builds ``arange`` and applies them."""

    shape: tuple
    steps: tuple

    def replay(self, library):
        return self.build(library)[1]

    def build(self, library):
        """(base tensor, the view of it) in ``library``."""
        numel = int(np.prod(self.shape)) if self.shape else 1
        base = library.tensor(np.arange(numel, dtype=np.float32).reshape(self.shape))
        tensor = base
        for step in self.steps:
            tensor = step.apply(tensor)
        return base, tensor

    def __repr__(self):
        return f"arange{self.shape}" + "".join(map(repr, self.steps))


# Lesson-02 tests replay only these, so that they never wait for a lesson-03 exercise.
LESSON02_STEPS = ("getitem", "transpose", "permute", "expand")
ALL_STEPS = LESSON02_STEPS + ("squeeze", "unsqueeze")


@st.composite
def view_steps(draw, shape, kinds=ALL_STEPS):
    """One view operation of ``kinds`` valid for a tensor of ``shape``; returns
    (step, new shape)."""
    ndim = len(shape)
    choices = [k for k in kinds if ndim >= 1 or k in ("getitem", "unsqueeze")]
    kind = draw(st.sampled_from(choices))
    if kind == "transpose":
        a, b = draw(dims(ndim)), draw(dims(ndim))
        new = list(shape)
        new[a % ndim], new[b % ndim] = new[b % ndim], new[a % ndim]
        return ViewStep("transpose", (a, b)), tuple(new)
    if kind == "permute":
        order = draw(permutations(ndim))
        return ViewStep("permute", order), tuple(shape[d] for d in order)
    if kind == "unsqueeze":
        d = draw(st.integers(-ndim - 1, ndim))
        new = list(shape)
        new.insert(d % (ndim + 1), 1)
        return ViewStep("unsqueeze", (d,)), tuple(new)
    if kind == "squeeze":
        d = draw(dims(ndim))
        new = list(shape)
        if new[d % ndim] == 1:
            del new[d % ndim]
        return ViewStep("squeeze", (d,)), tuple(new)
    if kind == "expand":
        new = tuple(draw(st.integers(1, 3)) if s == 1 else s for s in shape)
        return ViewStep("expand", new), new
    key = draw(basic_index_keys(shape))
    result = np.empty(shape)[key].shape
    return ViewStep("getitem", (key,)), result


@st.composite
def view_recipes(draw, max_steps=3, base=None, kinds=ALL_STEPS):
    """A random tensor view: a contiguous ``arange`` followed by up to ``max_steps`` steps
    of ``kinds`` (``LESSON02_STEPS`` for lesson-02 tests)."""
    shape = draw(base if base is not None else shapes(min_dims=1, max_dims=3, min_side=1))
    steps, current = [], shape
    for _ in range(draw(st.integers(0, max_steps))):
        step, current = draw(view_steps(current, kinds))
        steps.append(step)
    return ViewRecipe(shape, tuple(steps))
