"""``nn.Module``: the base class of layers and models.

Assigning a ``Parameter`` or another ``Module`` to an attribute registers it (in
``_parameters`` / ``_modules``), which is how ``parameters()``, ``state_dict()``,
``zero_grad()`` and ``train()`` find everything inside a model without being told.
"""

from collections import OrderedDict, namedtuple

from ..autograd.grad_mode import no_grad
from ..autograd.tensor_methods import clear_grads
from .parameter import Parameter


class _IncompatibleKeys(namedtuple("IncompatibleKeys", ["missing_keys", "unexpected_keys"])):
    def __repr__(self):
        if not self.missing_keys and not self.unexpected_keys:
            return "<All keys matched successfully>"
        return super().__repr__()

    __str__ = __repr__


def _addindent(text, spaces):
    """Indent every line but the first (how a child's repr nests in its parent's)."""
    lines = text.split("\n")
    if len(lines) == 1:
        return text
    return lines[0] + "\n" + "\n".join(" " * spaces + line for line in lines[1:])


class Module:
    """Base class: subclasses set parameters and submodules in ``__init__`` (after
    ``super().__init__()``) and compute in ``forward``; call the module, not ``forward``."""

    __module__ = "minitorch.nn"

    def __init__(self):
        object.__setattr__(self, "training", True)
        object.__setattr__(self, "_parameters", OrderedDict())
        object.__setattr__(self, "_buffers", OrderedDict())
        object.__setattr__(self, "_non_persistent_buffers", set())
        object.__setattr__(self, "_modules", OrderedDict())

    # -- registration ------------------------------------------------------------------
    def __setattr__(self, name, value):
        parameters = self.__dict__.get("_parameters")
        modules = self.__dict__.get("_modules")
        if isinstance(value, Parameter):
            if parameters is None:
                raise AttributeError("cannot assign parameters before Module.__init__() call")
            self._forget(name)
            parameters[name] = value
        elif isinstance(value, Module):
            if modules is None:
                raise AttributeError("cannot assign module before Module.__init__() call")
            self._forget(name)
            modules[name] = value
        elif parameters is not None and name in parameters:
            if value is not None:
                raise TypeError(f"cannot assign '{type(value).__module__}.{type(value).__name__}'"
                                f" as parameter '{name}' (torch.nn.Parameter or None expected)")
            parameters[name] = None
        elif modules is not None and name in modules:
            if value is not None:
                raise TypeError(f"cannot assign '{type(value).__module__}.{type(value).__name__}'"
                                f" as child module '{name}' (torch.nn.Module or None expected)")
            modules[name] = None
        elif self.__dict__.get("_buffers") is not None and name in self._buffers:
            self._buffers[name] = value
        else:
            object.__setattr__(self, name, value)

    def _forget(self, name):
        for store in ("_parameters", "_buffers", "_modules"):
            self.__dict__[store].pop(name, None)
        self.__dict__.pop(name, None)

    def __getattr__(self, name):
        # Only reached when ordinary lookup fails: registered things live in the stores.
        for store in ("_parameters", "_buffers", "_modules"):
            found = self.__dict__.get(store)
            if found is not None and name in found:
                return found[name]
        raise AttributeError(f"'{type(self).__name__}' object has no attribute '{name}'")

    def __delattr__(self, name):
        for store in ("_parameters", "_buffers", "_modules"):
            if name in self.__dict__.get(store, ()):
                del self.__dict__[store][name]
                return
        object.__delattr__(self, name)

    def register_parameter(self, name, param):
        if param is not None and not isinstance(param, Parameter):
            raise TypeError(f"cannot assign '{type(param).__name__}' object to parameter "
                            f"'{name}' (torch.nn.Parameter or None required)")
        self._forget(name)
        self._parameters[name] = param

    def register_buffer(self, name, tensor, persistent=True):
        """A tensor that belongs to the module's state but is not trained."""
        self._forget(name)
        self._buffers[name] = tensor
        if not persistent:
            self._non_persistent_buffers.add(name)

    def add_module(self, name, module):
        self._forget(name)
        self._modules[name] = module

    register_module = add_module

    # -- running -----------------------------------------------------------------------
    def forward(self, *args, **kwargs):
        raise NotImplementedError(f'Module [{type(self).__name__}] is missing the required '
                                  '"forward" function')

    def __call__(self, *args, **kwargs):
        return self.forward(*args, **kwargs)

    # -- walking the tree ----------------------------------------------------------------
    def named_modules(self, memo=None, prefix=""):
        """This module and every module inside it (each once), with dotted names."""
        memo = set() if memo is None else memo
        if self in memo:
            return
        memo.add(self)
        yield prefix, self
        for name, module in self._modules.items():
            if module is not None:
                yield from module.named_modules(memo, prefix + ("." if prefix else "") + name)

    def modules(self):
        return (module for _, module in self.named_modules())

    def named_children(self):
        seen = set()
        for name, module in self._modules.items():
            if module is not None and module not in seen:
                seen.add(module)
                yield name, module

    def children(self):
        return (module for _, module in self.named_children())

    def _named_members(self, store, prefix, recurse, remove_duplicate=True):
        seen = set()
        modules = self.named_modules(prefix=prefix) if recurse else [(prefix, self)]
        for module_prefix, module in modules:
            for name, value in getattr(module, store).items():
                if value is None or (remove_duplicate and value in seen):
                    continue
                seen.add(value)
                yield module_prefix + ("." if module_prefix else "") + name, value

    def named_parameters(self, prefix="", recurse=True, remove_duplicate=True):
        """``(name, parameter)`` pairs, e.g. ``("0.weight", ...)``; shared ones once."""
        return self._named_members("_parameters", prefix, recurse, remove_duplicate)

    def parameters(self, recurse=True):
        return (param for _, param in self.named_parameters(recurse=recurse))

    def named_buffers(self, prefix="", recurse=True, remove_duplicate=True):
        return self._named_members("_buffers", prefix, recurse, remove_duplicate)

    def buffers(self, recurse=True):
        return (buffer for _, buffer in self.named_buffers(recurse=recurse))

    def apply(self, fn):
        for module in self.children():
            module.apply(fn)
        fn(self)
        return self

    # -- modes and gradients -------------------------------------------------------------
    def train(self, mode=True):
        """Set training mode here and in every submodule (it changes layers such as dropout)."""
        if not isinstance(mode, bool):
            raise ValueError("training mode is expected to be boolean")
        self.training = mode
        for module in self.children():
            module.train(mode)
        return self

    def eval(self):
        return self.train(False)

    def requires_grad_(self, requires_grad=True):
        for param in self.parameters():
            param.requires_grad_(requires_grad)
        return self

    def zero_grad(self, set_to_none=True):
        """Forget the gradients of the last backward (by default by setting them to None)."""
        clear_grads(self.parameters(), set_to_none)

    # -- dtype ---------------------------------------------------------------------------
    def to(self, dtype):
        """Convert every parameter and buffer to ``dtype`` in place (same objects)."""
        with no_grad():
            for module in self.modules():
                for param in module._parameters.values():
                    if param is not None:
                        param.data = param.to(dtype)
                for name, buffer in module._buffers.items():
                    if buffer is not None:
                        module._buffers[name] = buffer.to(dtype)
        return self

    def double(self):
        from .. import dtypes

        return self.to(dtypes.float64)

    def float(self):
        from .. import dtypes

        return self.to(dtypes.float32)

    # -- saving and loading --------------------------------------------------------------
    def state_dict(self, destination=None, prefix="", keep_vars=False):
        """Every parameter and persistent buffer by dotted name (detached unless
        ``keep_vars``): what you save to restore the model later."""
        destination = OrderedDict() if destination is None else destination
        for module_prefix, module in self.named_modules(prefix=prefix.rstrip(".")):
            dot = module_prefix + ("." if module_prefix else "")
            for name, param in module._parameters.items():
                if param is not None:
                    destination[dot + name] = param if keep_vars else param.detach()
            for name, buffer in module._buffers.items():
                if buffer is not None and name not in module._non_persistent_buffers:
                    destination[dot + name] = buffer if keep_vars else buffer.detach()
        return destination

    def load_state_dict(self, state_dict, strict=True, assign=False):
        """Copy the values of ``state_dict`` into this module's parameters and buffers."""
        own = self.state_dict(keep_vars=True)
        errors, missing = [], []
        with no_grad():
            for name, target in own.items():
                if name not in state_dict:
                    missing.append(name)
                    continue
                source = state_dict[name]
                if tuple(source.shape) != tuple(target.shape):
                    errors.append(f"size mismatch for {name}: copying a param with shape "
                                  f"{source.shape} from checkpoint, the shape in current model "
                                  f"is {target.shape}.")
                    continue
                target.copy_(source)
        unexpected = [name for name in state_dict if name not in own]
        if strict:
            if unexpected:
                names = ", ".join(f'"{name}"' for name in unexpected)
                errors.insert(0, f"Unexpected key(s) in state_dict: {names}. ")
            if missing:
                names = ", ".join(f'"{name}"' for name in missing)
                errors.insert(0, f"Missing key(s) in state_dict: {names}. ")
        if errors:
            raise RuntimeError(f"Error(s) in loading state_dict for {type(self).__name__}:\n\t"
                               + "\n\t".join(errors))
        return _IncompatibleKeys(missing, unexpected)

    # -- printing ------------------------------------------------------------------------
    def extra_repr(self):
        """The text inside the parentheses, e.g. ``in_features=2, out_features=3``."""
        return ""

    def _get_name(self):
        return type(self).__name__

    def __repr__(self):
        extra = self.extra_repr()
        extra_lines = extra.split("\n") if extra else []
        child_lines = [f"({name}): " + _addindent(repr(module), 2)
                       for name, module in self._modules.items()]
        lines = extra_lines + child_lines
        text = self._get_name() + "("
        if lines:
            if len(extra_lines) == 1 and not child_lines:
                text += extra_lines[0]
            else:
                text += "\n  " + "\n  ".join(lines) + "\n"
        return text + ")"

