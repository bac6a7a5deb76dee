"""The autograd half of ``Tensor``: ``backward``, ``requires_grad_``, ``detach``, ``data``...

``Tensor`` inherits from ``AutogradMethods``; the state itself is three plain
attributes set by the operations: ``requires_grad``, ``grad_fn`` (None for a leaf) and
``grad`` (filled by backward, for leaves).
"""

from . import differentiate, graph


def clear_grads(tensors, set_to_none=True):
    """Forget the last backward's gradients (``Module.zero_grad``, ``Optimizer.zero_grad``):
    drop them (PyTorch's default) or fill them with zeros."""
    for tensor in tensors:
        if tensor.grad is None:
            continue
        if set_to_none:
            tensor.grad = None
        else:
            tensor.grad.zero_()


class RemovableHandle:
    """What ``register_hook`` returns: ``handle.remove()`` unregisters the hook."""

    def __init__(self, hooks, hook):
        self._hooks, self._hook = hooks, hook

    def remove(self):
        if self._hook in self._hooks:
            self._hooks.remove(self._hook)


class AutogradMethods:
    def backward(self, gradient=None, retain_graph=None, create_graph=False, inputs=None):
        """Add d(self)/d(leaf) into the ``.grad`` of every leaf that requires grad.

        A non-scalar ``self`` needs ``gradient`` (same shape): the result is then the
        gradient of ``(self * gradient).sum()``.
        """
        differentiate.backward(self, gradient, retain_graph, create_graph, inputs)

    @property
    def is_leaf(self):
        """True for tensors made by the user (and for everything that needs no grad)."""
        return self.grad_fn is None

    def requires_grad_(self, requires_grad=True):
        """Start (or stop) recording operations on this leaf tensor, in place."""
        if not self.is_leaf and not requires_grad:
            raise RuntimeError(
                "you can only change requires_grad flags of leaf variables. If you want to use "
                "a computed variable in a subgraph that doesn't require differentiation use "
                "var_no_grad = var.detach().")
        if requires_grad and not self.dtype.is_floating_point:
            raise RuntimeError("only Tensors of floating point dtype can require gradients")
        self.requires_grad = bool(requires_grad)
        return self

    def detach(self):
        """The same values (shared memory), cut from the graph: no ``grad_fn``, no grad."""
        return type(self)._make(self._storage, self._shape, self._strides, self._offset)

    def detach_(self):
        self.grad_fn = None
        self.requires_grad = False
        return self

    @property
    def data(self):
        """``detach()`` under its old name; assigning to it swaps the values underneath."""
        return self.detach()

    @data.setter
    def data(self, value):
        self._adopt(value._storage, value._shape, value._strides, value._offset)

    def retain_grad(self):
        """Also store the gradient of this non-leaf tensor in ``.grad`` during backward."""
        if not self.requires_grad:
            raise RuntimeError("can't retain_grad on Tensor that has requires_grad=False")
        if not self.is_leaf:
            graph.retain(self)

    @property
    def retains_grad(self):
        retained = None if self.is_leaf else self.grad_fn._retained
        return retained is not None and retained() is self

    def register_hook(self, hook):
        """Call ``hook(grad)`` when this tensor's gradient is computed; a returned tensor
        replaces the gradient."""
        if not self.requires_grad:
            raise RuntimeError("cannot register a hook on a tensor that doesn't require gradient")
        node = graph.gradient_edge(self)
        node._pre_hooks.append(hook)
        return RemovableHandle(node._pre_hooks, hook)

