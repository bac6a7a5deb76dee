"""The backward pass: order the graph's nodes, then push gradients through them.

``topological_order`` lists every node reachable from the roots so that a node comes
only after *all* the nodes that feed gradient into it; ``run_backward`` then walks that
list once, like micrograd's ``backward``: each node receives the sum of the gradients
sent to it, applies its derivative formula, and sends one gradient along each edge of
its ``next_functions``.
"""

import numpy as np

from .._exercise import exercise
from .graph import AccumulateGrad, accumulate


@exercise("05", "topological_sort", points=2)
def topological_order(roots):
    """Every node reachable from ``roots``, each before all the nodes it sends gradient to.

    A node's successors are ``[child for child, _ in node.next_functions if child is not
    None]``.  A node may be reached along several paths (``y = x * x`` has two edges to
    ``x``'s accumulator): it must appear once, after every node that points at it, because
    its incoming gradient is complete only then.  One way (Kahn's algorithm):

    1. walk the graph from the roots and count, for every node, how many edges point at
       it (count repeated edges too);
    2. start with the roots that nothing points at; repeatedly take a ready node, append it
       to the result and decrease the count of each of its children; a child whose count
       reaches zero is ready.

    Roots are distinct nodes.  Use a loop with your own stack or queue, not recursion
    (a graph of a long loop is deeper than Python's recursion limit).

    >>> a = minitorch.tensor(2.0, requires_grad=True)
    >>> z = a * 3 + a                   # Add -> Mul -> a's accumulator, and Add -> a's
    >>> [node.name() for node in topological_order([z.grad_fn])]
    ['AddBackward0', 'MulBackward0', 'torch::autograd::AccumulateGrad']
    """
    ### BEGIN SOLUTION
    pointing = {}
    seen = set(roots)
    stack = list(roots)
    while stack:
        node = stack.pop()
        for child, _ in node.next_functions:
            if child is None:
                continue
            pointing[child] = pointing.get(child, 0) + 1
            if child not in seen:
                seen.add(child)
                stack.append(child)
    ready = [root for root in roots if pointing.get(root, 0) == 0]
    order = []
    while ready:
        node = ready.pop()
        order.append(node)
        for child, _ in node.next_functions:
            if child is None:
                continue
            pointing[child] -= 1
            if pointing[child] == 0:
                ready.append(child)
    return order
    ### END SOLUTION


@exercise("05", "backward", points=3)
def run_backward(roots, grads, retain_graph=False, capture=None):
    """Backpropagate: send ``grads[i]`` (a NumPy array) into node ``roots[i]`` and on.

    Keep a dict ``pending`` from node to the gradient received so far (start with the
    roots' grads; a root given twice adds up).  Then, for each ``node`` of
    ``topological_order(roots)``:

    1. take (pop) its gradient from ``pending``; skip the node if it received none;
    2. ``grad = deliver(node, grad, capture)`` (given: runs tensor hooks, fills the
       ``.grad`` of ``retain_grad()`` tensors, and returns None when the node must not run:
       a leaf's accumulator under ``autograd.grad``); skip the node then;
    3. ``input_grads = node.apply(grad)``: one gradient per edge of ``node.next_functions``;
    4. for each ``(child, _)`` edge with its gradient, both not None, add the gradient to
       ``pending[child]`` (set it the first time; do not add in place: arrays may be shared);
    5. unless ``retain_graph``, call ``node.release()`` to free its saved values.

    A leaf's ``AccumulateGrad`` node adds into ``leaf.grad`` in its ``apply``.
    """
    ### BEGIN SOLUTION
    pending = {}
    for root, grad in zip(roots, grads):
        pending[root] = grad if root not in pending else pending[root] + grad
    for node in topological_order(list(pending)):
        grad = pending.pop(node, None)
        if grad is None:
            continue
        grad = deliver(node, grad, capture)
        if grad is None:
            continue
        input_grads = node.apply(grad)
        for (child, _), child_grad in zip(node.next_functions, input_grads):
            if child is None or child_grad is None:
                continue
            pending[child] = child_grad if child not in pending else pending[child] + child_grad
        if not retain_graph:
            node.release()
    ### END SOLUTION


def deliver(node, grad, capture):
    """What happens to ``node``'s complete incoming gradient before its formula runs.

    Tensor hooks may replace it; a ``retain_grad()`` tensor stores it; ``autograd.grad``
    (``capture``: node -> list to fill) records it, and leaves' ``.grad`` stay untouched
    (returns None for an ``AccumulateGrad`` node).
    """
    for hook in node._pre_hooks:
        grad = _run_hook(hook, grad)
    retained = node._retained() if node._retained is not None else None
    if retained is not None:
        accumulate(retained, grad)
    if capture is not None:
        if node in capture:
            capture[node].append(grad)
        if isinstance(node, AccumulateGrad):
            return None
    return grad


def _run_hook(hook, grad):
    from ..tensor import Tensor

    changed = hook(Tensor._from_array(grad))
    return grad if changed is None else np.asarray(changed._array())
