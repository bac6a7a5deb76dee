"""Run a lecture-note snippet under real PyTorch and under minitorch; compare the text.

A snippet runs like a notebook cell in which *every* top-level expression is displayed
(IPython's ``ast_node_interactivity="all"``): its output is what ``print`` wrote plus
the ``repr`` of each expression statement's value (``None`` shows nothing).  An
exception ends the run and is recorded as ``ExceptionClass: message``.  ``import torch``
inside the snippet gets the library under test, so ``import minitorch as torch`` is
what the minitorch run means.

Two sources of noise are removed in *both* runs, so that equal text means equal
behaviour:

* randomness: ``rand``, ``randn``, ``randint``, ``randperm``, ``normal`` and the
  ``*_like`` forms draw from one NumPy generator, seeded the same for both runs, and
  convert to the requested dtype; ``manual_seed`` reseeds it (and returns None).
  In-place samplers (``x.uniform_()``, ``x.normal_()``) are not patched: avoid them;
* uninitialised memory: ``empty``, ``Tensor(2, 3)`` and ``FloatTensor(2, 3)``... are
  zero-filled (minitorch always zero-fills them).

Class names are the one accepted difference: ``<class 'minitorch.Tensor'>`` is read as
``<class 'torch.Tensor'>`` because the snippet imported minitorch *as* torch.
"""

import ast
import builtins
import contextlib
import io
import re
from dataclasses import dataclass, field

import numpy as np

from minitorch_course.pytest_plugin import STUB_MESSAGE

SEED = 20240601
UNINITIALISED = ("empty", "Tensor", "FloatTensor", "DoubleTensor", "HalfTensor", "LongTensor",
                 "IntTensor", "ShortTensor", "CharTensor", "ByteTensor", "BoolTensor")


@dataclass(frozen=True)
class Snippet:
    """One code example of a lecture note, cleaned of its printed output.

    ``raises``: the exception class name PyTorch raises at the end (checked, then the
    message is compared like any output).  ``requires``: attributes minitorch must
    have before the comparison means anything, e.g. ``("Tensor.fill_",)``; while one is
    missing the test is skipped, naming it (the feature belongs to a later lesson).
    ``note``: a remark for readers, e.g. where the lecture note's printed output is wrong.
    """

    id: str
    source: str
    raises: str = ""
    requires: tuple = field(default=())
    note: str = ""


# -- the shared random stream -----------------------------------------------------------
def _sizes(args, kwargs):
    if "size" in kwargs:
        args = (kwargs.pop("size"),)
    if len(args) == 1 and isinstance(args[0], (tuple, list)) or (
            len(args) == 1 and type(args[0]).__name__ == "Size"):
        args = tuple(args[0])
    return tuple(int(a) for a in args)


class SharedRandom:
    """Random functions for ``library`` that draw from a NumPy generator instead."""

    def __init__(self, library, seed=SEED):
        self.library = library
        self.rng = np.random.default_rng(seed)

    def _make(self, array, dtype, requires_grad=False, **ignored):
        made = self.library.tensor(array, dtype=dtype)
        if requires_grad:
            made.requires_grad_(True) if hasattr(made, "requires_grad_") else setattr(
                made, "requires_grad", True)
        return made

    def _float(self, dtype):
        return dtype or self.library.get_default_dtype()

    def rand(self, *args, dtype=None, **kwargs):
        array = self.rng.random(_sizes(args, kwargs))
        return self._make(array, self._float(dtype), **kwargs)

    def randn(self, *args, dtype=None, **kwargs):
        array = self.rng.standard_normal(_sizes(args, kwargs))
        return self._make(array, self._float(dtype), **kwargs)

    def randint(self, low=0, high=None, size=None, *, dtype=None, **kwargs):
        if size is None:
            low, high, size = 0, low, high
        array = self.rng.integers(low, high, _sizes((size,), {}))
        return self._make(array, dtype or self.library.int64, **kwargs)

    def randperm(self, n, *, dtype=None, **kwargs):
        return self._make(self.rng.permutation(n), dtype or self.library.int64, **kwargs)

    def normal(self, mean=0.0, std=1.0, size=None, *, dtype=None, **kwargs):
        tensors = [value for value in (mean, std) if hasattr(value, "shape")]
        if size is None and tensors:  # normal(mean_tensor, std): one draw per element
            array = self.rng.normal(np.asarray(mean, dtype=np.float64),
                                    np.asarray(std, dtype=np.float64))
            return self._make(array, dtype or tensors[0].dtype, **kwargs)
        array = self.rng.normal(mean, std, _sizes((size,), {}))
        return self._make(array, self._float(dtype), **kwargs)

    def rand_like(self, input, dtype=None, **kwargs):
        return self.rand(tuple(input.shape), dtype=dtype or input.dtype, **kwargs)

    def randn_like(self, input, dtype=None, **kwargs):
        return self.randn(tuple(input.shape), dtype=dtype or input.dtype, **kwargs)

    def randint_like(self, input, low=0, high=None, dtype=None, **kwargs):
        if high is None:
            low, high = 0, low
        return self.randint(low, high, tuple(input.shape), dtype=dtype or input.dtype, **kwargs)

    def manual_seed(self, seed):
        self.rng = np.random.default_rng(int(seed))

    def functions(self):
        names = ("rand", "randn", "randint", "randperm", "normal", "rand_like", "randn_like",
                 "randint_like", "manual_seed")
        return {name: getattr(self, name) for name in names}


def _makes_uninitialised(name, args):
    """True when ``name(*args)`` allocates by size (``empty(2, 3)``, ``Tensor(2, 3)``)."""
    if args and all(isinstance(a, int) for a in args):
        return True
    return name == "empty" and len(args) == 1 and isinstance(args[0], (tuple, list))


def _zeroed(constructor, name):
    """``constructor`` with the memory it leaves uninitialised set to zero."""

    def zeroed(*args, **kwargs):
        made = constructor(*args, **kwargs)
        if _makes_uninitialised(name, args) and hasattr(made, "zero_"):
            made.zero_()
        return made

    zeroed.__name__ = name
    return zeroed


class LibraryProxy:
    """``library`` with some attributes replaced; what ``import torch`` gives a snippet."""

    def __init__(self, library, overrides):
        self._library = library
        self._overrides = overrides

    def __getattr__(self, name):
        if name in self._overrides:
            return self._overrides[name]
        return getattr(self._library, name)


def snippet_library(library, seed=SEED):
    overrides = SharedRandom(library, seed).functions()
    for name in UNINITIALISED:
        if hasattr(library, name):
            overrides[name] = _zeroed(getattr(library, name), name)
    return LibraryProxy(library, overrides)


# -- running a snippet ------------------------------------------------------------------
def _importer(proxy):
    real_import = builtins.__import__

    def snippet_import(name, globals=None, locals=None, fromlist=(), level=0):
        if level == 0 and (name == "torch" or name.startswith("torch.")):
            found = proxy
            if fromlist:
                for part in name.split(".")[1:]:
                    found = getattr(found, part)
            return found
        return real_import(name, globals, locals, fromlist, level)

    return snippet_import


def run_snippet(source: str, library, seed: int = SEED) -> str:
    """The text a notebook shows for ``source`` run with ``torch`` bound to ``library``."""
    proxy = snippet_library(library, seed)
    names = dict(vars(builtins))
    names["__import__"] = _importer(proxy)
    namespace = {"__name__": "__main__", "__builtins__": names, "torch": proxy, "np": np}
    tree = ast.parse(source)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        try:
            for statement in tree.body:
                if isinstance(statement, ast.Expr):
                    code = compile(ast.Expression(statement.value), "<snippet>", "eval")
                    value = eval(code, namespace)
                    if value is not None:
                        print(repr(value))
                else:
                    module = ast.Module(body=[statement], type_ignores=[])
                    exec(compile(module, "<snippet>", "exec"), namespace)
        except Exception as error:  # the snippet's own error is part of its output...
            if isinstance(error, NotImplementedError) and STUB_MESSAGE.search(str(error)):
                raise  # ...but an unfinished exercise is reported as pending
            print(f"{type(error).__name__}: {error}")
    return out.getvalue()


def as_torch_text(text: str) -> str:
    """minitorch's output as read under ``import minitorch as torch``."""
    return re.sub(r"<class 'minitorch\.", "<class 'torch.", text)


def missing_features(library, requires) -> list:
    """The ``requires`` entries (``"name"`` or ``"Tensor.name"``) ``library`` lacks."""
    missing = []
    for path in requires:
        found = library
        for part in path.split("."):
            found = getattr(found, part, None)
            if found is None:
                missing.append(path)
                break
    return missing


def compare(snippet: Snippet, torch, minitorch):
    """Run ``snippet`` in both libraries; return (torch text, minitorch text)."""
    expected = run_snippet(snippet.source, torch)
    if snippet.raises:
        last = expected.rstrip("\n").rsplit("\n", 1)[-1]
        assert last.startswith(snippet.raises + ":"), (
            f"snippet {snippet.id} should raise {snippet.raises} under PyTorch; it printed:\n"
            f"{expected}")
    elif re.search(r"^\w+(Error|Exception): ", expected, flags=re.M):
        raise AssertionError(f"snippet {snippet.id} fails under real PyTorch:\n{expected}")
    return expected, as_torch_text(run_snippet(snippet.source, minitorch))
