"""``minitorch.nn.functional``: softmax, one_hot, losses... (lesson 04 onwards)."""
