"""``minitorch.autograd``: reverse-mode automatic differentiation (lesson 05).

Every differentiable op records a ``Node`` (its result's ``grad_fn``, see ``graph``);
``backward`` walks those nodes in topological order (``engine``) and applies each op's
derivative formula (``derivatives``, keyed by the node's name).
"""

from . import derivatives, engine, graph, grad_mode
from .differentiate import backward, grad
from .gradcheck import GradcheckError, gradcheck
from .grad_mode import enable_grad, is_grad_enabled, no_grad, set_grad_enabled
from .graph import AccumulateGrad, Node, record
from .tensor_methods import AutogradMethods

__all__ = ["backward", "grad", "gradcheck", "GradcheckError", "no_grad", "enable_grad",
           "set_grad_enabled", "is_grad_enabled", "Node", "AccumulateGrad", "record",
           "AutogradMethods"]
