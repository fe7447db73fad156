import json
from mxnet import nd, autograd
a = nd.array([1., 2.])
b = nd.array([3., 4.])
a.attach_grad()
b.attach_grad()
with autograd.record():
    c = nd.sin(a) * b
s = autograd.get_symbol(c)
print(len(s.list_arguments()), all(n.startswith('var') for n in s.list_arguments()))
print(len(s.list_outputs()))
print([n['op'] for n in json.loads(s.tojson())['nodes']])
