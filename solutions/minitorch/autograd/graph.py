"""The recorded graph: one ``Node`` (a tensor's ``grad_fn``) per differentiable operation.

A node remembers what its op's derivative needs (the inputs' values, the output's
values and ``saved`` options such as ``dim``) and, in ``next_functions``, where each
input's gradient goes next: the ``grad_fn`` of the tensor that produced the input, an
``AccumulateGrad`` for a leaf that requires grad (it adds into ``leaf.grad``), or None.
Each node's class is named after the op, like PyTorch's (``MulBackward0``), and finds its
derivative formula in ``derivatives.FORMULAS`` under that name.
"""

import weakref

import numpy as np

from .derivatives import FORMULAS
from .grad_mode import is_grad_enabled

FREED_GRAPH = (
    "Trying to backward through the graph a second time (or directly access saved tensors "
    "after they have already been freed). Saved intermediate values of the graph are freed "
    "when you call .backward() or autograd.grad(). Specify retain_graph=True if you need to "
    "backward through the graph a second time or if you need to access saved tensors after "
    "calling backward.")


# Ops whose Python-number operand PyTorch wraps into a tensor (``a * 3``): it shows in
# ``next_functions`` as ``(None, 0)``.  For the others (``a ** 3``) it is an option.
NUMBER_INPUTS = {"AddBackward0", "SubBackward0", "MulBackward0", "DivBackward0",
                 "WhereBackward0"}


def _is_tensor(value):
    return hasattr(value, "_storage")


def _shape_text(shape):
    return "[" + ", ".join(str(size) for size in shape) + "]"


class Node:
    """The backward step of one operation (``y.grad_fn``)."""

    def __init__(self, inputs, output, saved=None):
        # Where each input's gradient goes.  A Python number is an input without gradient
        # for the ops that turn it into a tensor, and only an option for the others.
        self._edge_of_input = [_is_tensor(value) or type(self).__name__ in NUMBER_INPUTS
                               for value in inputs]
        self._next_of_input = [gradient_edge(value) for value in inputs]
        self.next_functions = tuple((node, 0) for node, edge in
                                    zip(self._next_of_input, self._edge_of_input) if edge)
        # NumPy views of the input tensors (numbers stay numbers): what the formulas read.
        self._inputs = tuple(value._array() if _is_tensor(value) else value for value in inputs)
        self._input_meta = tuple((value._shape, value.dtype.numpy) if _is_tensor(value) else None
                                 for value in inputs)
        self._output = output._array()
        self._saved = dict(saved or {})
        self._freed = False
        self._pre_hooks = []
        self._retained = None  # weak reference to the output tensor, after retain_grad()

    def name(self):
        return type(self).__name__

    def __repr__(self):
        return f"<{type(self).__name__} object at {hex(id(self))}>"

    def apply(self, grad):
        """The gradients of this op's inputs, given ``grad``, the gradient of its output."""
        formula = FORMULAS.get(self.name())
        if formula is None:
            raise RuntimeError(f"the derivative for '{self.name()}' is not implemented.")
        if self._freed and formula.saves_values:
            raise RuntimeError(FREED_GRAPH)
        grads = formula(grad, self._inputs, self._output, self._saved)
        if not isinstance(grads, tuple):
            grads = (grads,)
        return tuple(self._checked(index, grads[index]) if self._next_of_input[index] else None
                     for index, edge in enumerate(self._edge_of_input) if edge)

    def _checked(self, index, grad):
        """``grad`` in the input's dtype, after PyTorch's check of its shape."""
        if grad is None:
            return None
        shape, dtype = self._input_meta[index]
        grad = np.asarray(grad)
        if grad.shape != tuple(shape):
            raise RuntimeError(f"Function {self.name()} returned an invalid gradient at index "
                               f"{index} - got {_shape_text(grad.shape)} but expected shape "
                               f"compatible with {_shape_text(shape)}")
        return grad if grad.dtype == dtype else grad.astype(dtype)

    def release(self):
        """Forget the saved values once backward has used them (unless ``retain_graph``)."""
        formula = FORMULAS.get(self.name())
        if formula is not None and formula.saves_values:
            self._inputs = self._output = None
            self._freed = True


class AccumulateGrad:
    """The end of a path: adds the incoming gradient into the leaf tensor's ``.grad``."""

    next_functions = ()

    def __init__(self, variable):
        self.variable = variable
        self._pre_hooks = []
        self._retained = None

    def name(self):
        return "torch::autograd::AccumulateGrad"

    def __repr__(self):
        return f"<AccumulateGrad object at {hex(id(self))}>"

    def apply(self, grad):
        accumulate(self.variable, grad)
        return ()

    def release(self):
        pass


def accumulate(tensor, grad):
    """``tensor.grad += grad`` (the first time: a new tensor holding a copy of ``grad``)."""
    if tensor.grad is None:
        tensor.grad = type(tensor)._from_array(np.asarray(grad, dtype=tensor.dtype.numpy))
    else:
        tensor.grad._array()[...] += grad


def gradient_edge(value):
    """Where the gradient of an op input goes: its ``grad_fn``, its accumulator, or None."""
    if not _is_tensor(value) or not value.requires_grad:
        return None
    if value.grad_fn is not None:
        return value.grad_fn
    accumulator = value.__dict__.get("_accumulator")
    if accumulator is None:
        accumulator = value._accumulator = AccumulateGrad(value)
    return accumulator


_NODE_CLASSES = {}


def node_class(name):
    """The ``Node`` subclass called ``name`` (one per op, so ``type(y.grad_fn)`` names it)."""
    found = _NODE_CLASSES.get(name)
    if found is None:
        found = _NODE_CLASSES[name] = type(name, (Node,), {"__module__": __name__})
    return found


def record(result, inputs, name, saved=None):
    """Attach ``grad_fn`` to ``result``, the new output of op ``name`` on ``inputs``.

    Only when recording is on, the result is floating point (integers have no
    gradients) and at least one input tensor requires grad.  ``saved``: what the
    derivative needs beyond the values, e.g. ``{"dim": 1, "keepdim": False}``.
    """
    if not is_grad_enabled() or not result.dtype.is_floating_point:
        return result
    if not any(_is_tensor(value) and value.requires_grad for value in inputs):
        return result
    result.grad_fn = node_class(name)(inputs, result, saved)
    result.requires_grad = True
    return result


def check_inplace(tensor, through_view=False):
    """Refuse to overwrite, while recording, a tensor the graph may need.

    A leaf that requires grad: PyTorch's error (update parameters under ``no_grad()``).
    A computed tensor: PyTorch would re-record its history; minitorch does not, so it
    refuses instead of computing wrong gradients.  ``through_view``: ``x[key] = value``.
    """
    if not (is_grad_enabled() and tensor.requires_grad):
        return
    if tensor.grad_fn is None:
        raise RuntimeError(f"a {'view of a ' if through_view else ''}leaf Variable that "
                           "requires grad is being used in an in-place operation.")
    raise NotImplementedError("minitorch does not record in-place operations on tensors that "
                              "require grad: write y = y + 1 instead of y += 1")


def retain(tensor):
    """Make backward store the gradient of the non-leaf ``tensor`` in ``tensor.grad``."""
    tensor.grad_fn._retained = weakref.ref(tensor)
