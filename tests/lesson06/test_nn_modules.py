"""Lesson 06: ``nn.Module`` bookkeeping, ``Parameter``, ``Linear``, ``Sequential``, losses —
names, reprs, state dicts and errors as in PyTorch."""

from collections import OrderedDict

import numpy as np
import pytest

import minitorch
from minitorch import nn


def build(library):
    n = library.nn
    return n.Sequential(n.Linear(2, 3), n.ReLU(), n.Sequential(n.Linear(3, 1, bias=False),
                                                               n.Sigmoid()))


def net_class(library):
    class Net(library.nn.Module):
        def __init__(self):
            super().__init__()
            self.fc = library.nn.Linear(4, 2)
            self.act = library.nn.ReLU()
            self.scale = library.nn.Parameter(library.ones(1))

        def forward(self, x):
            return self.act(self.fc(x)) * self.scale

    return Net


def test_reprs_match_torch(torch):
    assert repr(build(minitorch)) == repr(build(torch))
    assert repr(net_class(minitorch)()) == repr(net_class(torch)())
    for make in (lambda n: n.MSELoss(), lambda n: n.CrossEntropyLoss(), lambda n: n.Tanh(),
                 lambda n: n.ReLU(inplace=True), lambda n: n.Module(),
                 lambda n: n.Linear(5, 7, bias=False)):
        assert repr(make(nn)) == repr(make(torch.nn))


def test_parameter_repr_and_views(torch):
    ours = nn.Parameter(minitorch.tensor([1.0, 2.0]))
    theirs = torch.nn.Parameter(torch.tensor([1.0, 2.0]))
    assert repr(ours) == repr(theirs) and str(ours) == str(theirs)
    assert ours.requires_grad and isinstance(ours, minitorch.Tensor)
    assert type(ours[0]) is minitorch.Tensor and type(ours.clone()) is minitorch.Tensor
    assert not nn.Parameter(minitorch.ones(1), requires_grad=False).requires_grad


def test_parameter_shares_memory_with_its_data():
    data = minitorch.zeros(3)
    param = nn.Parameter(data)
    data[0] = 5.0
    assert param[0].item() == 5.0


def test_named_parameters_and_state_dict_keys_match_torch(torch):
    for make in (build, lambda lib: net_class(lib)()):
        ours, theirs = make(minitorch), make(torch)
        assert [n for n, _ in ours.named_parameters()] == [n for n, _ in theirs.named_parameters()]
        assert list(ours.state_dict()) == list(theirs.state_dict())
        assert [tuple(p.shape) for p in ours.parameters()] == [
            tuple(p.shape) for p in theirs.parameters()]
        assert [n for n, _ in ours.named_children()] == [n for n, _ in theirs.named_children()]
        assert [n for n, _ in ours.named_modules()] == [n for n, _ in theirs.named_modules()]


def test_shared_parameters_are_listed_once():
    layer = nn.Linear(2, 2)
    model = nn.Sequential(layer, layer)
    assert [n for n, _ in model.named_parameters()] == ["0.weight", "0.bias"]


def test_attribute_lookup_and_reassignment():
    model = net_class(minitorch)()
    assert isinstance(model.fc, nn.Linear) and model.fc.weight.shape == (2, 4)
    model.fc = nn.Linear(4, 3)
    assert model.fc.out_features == 3 and len(list(model.parameters())) == 3
    model.fc = None
    assert model.fc is None and len(list(model.parameters())) == 1
    with pytest.raises(AttributeError, match="'Net' object has no attribute 'missing'"):
        model.missing
    with pytest.raises(TypeError, match=r"cannot assign 'minitorch.Tensor' as parameter 'scale' "
                                        r"\(torch.nn.Parameter or None expected\)"):
        model.scale = minitorch.ones(1)


def test_train_and_eval_reach_every_submodule():
    model = build(minitorch)
    assert model.eval() is model
    assert [m.training for m in model.modules()] == [False] * 6
    model.train()
    assert all(m.training for m in model.modules())
    with pytest.raises(ValueError, match="training mode is expected to be boolean"):
        model.train("yes")


def test_zero_grad_clears_every_parameter():
    model = build(minitorch)
    for p in model.parameters():
        p.grad = minitorch.ones(p.shape)
    model.zero_grad(set_to_none=False)
    assert all(p.grad._array().sum() == 0 for p in model.parameters())
    model.zero_grad()
    assert all(p.grad is None for p in model.parameters())


def test_state_dict_round_trip_and_values_are_detached():
    source, target = build(minitorch), build(minitorch)
    state = source.state_dict()
    assert all(not t.requires_grad and type(t) is minitorch.Tensor for t in state.values())
    result = target.load_state_dict(state)
    assert repr(result) == "<All keys matched successfully>"
    for (name, a), b in zip(source.state_dict().items(), target.state_dict().values()):
        np.testing.assert_array_equal(a._array(), b._array(), err_msg=name)


def test_load_state_dict_errors_match_torch(torch):
    def mangle(state, library):
        state = OrderedDict(state)
        state.pop("0.bias")
        state["extra"] = library.ones(1)
        state["2.0.weight"] = library.ones(5)
        return state

    ours, theirs = build(minitorch), build(torch)
    our_state = mangle(ours.state_dict(), minitorch)
    their_state = mangle(theirs.state_dict(), torch)
    with pytest.raises(RuntimeError) as their_error:
        theirs.load_state_dict(their_state)
    with pytest.raises(RuntimeError) as our_error:
        ours.load_state_dict(our_state)
    assert str(our_error.value) == str(their_error.value)
    result = ours.load_state_dict({"0.weight": minitorch.ones(3, 2)}, strict=False)
    assert result.missing_keys == ["0.bias", "2.0.weight"] and result.unexpected_keys == []
    np.testing.assert_array_equal(ours[0].weight._array(), np.ones((3, 2)))


def test_module_without_forward_says_so():
    with pytest.raises(NotImplementedError, match=r'Module \[Module\] is missing the required '
                                                  r'"forward" function'):
        nn.Module()(1)


def test_sequential_indexing_and_length():
    model = build(minitorch)
    assert len(model) == 3 and isinstance(model[0], nn.Linear) and isinstance(model[-1],
                                                                               nn.Sequential)
    assert isinstance(model[1:], nn.Sequential) and len(model[1:]) == 2
    assert [type(m).__name__ for m in model] == ["Linear", "ReLU", "Sequential"]


def load_torch_weights(ours, theirs):
    ours.load_state_dict({k: minitorch.tensor(v.detach().numpy())
                          for k, v in theirs.state_dict().items()})


def test_forward_values_match_torch_with_the_same_weights(torch):
    ours, theirs = build(minitorch), build(torch)
    load_torch_weights(ours, theirs)
    x = np.random.default_rng(0).standard_normal((5, 2)).astype(np.float32)
    expected = theirs(torch.tensor(x)).detach().numpy()
    np.testing.assert_allclose(ours(minitorch.tensor(x))._array(), expected, rtol=1e-5,
                               atol=1e-6)


def test_losses_match_torch(torch):
    rng = np.random.default_rng(1)
    x, y = rng.standard_normal((4, 3)).astype(np.float32), rng.standard_normal((4, 3))
    labels = np.array([0, 2, 1, 2])
    for make, target in ((lambda n: n.MSELoss(), y.astype(np.float32)),
                         (lambda n: n.MSELoss(reduction="sum"), y.astype(np.float32)),
                         (lambda n: n.CrossEntropyLoss(), labels),
                         (lambda n: n.CrossEntropyLoss(reduction="none"), labels)):
        ours = make(nn)(minitorch.tensor(x), minitorch.tensor(target))
        theirs = make(torch.nn)(torch.tensor(x), torch.tensor(target))
        np.testing.assert_allclose(ours._array(), theirs.detach().numpy(), rtol=1e-5)
