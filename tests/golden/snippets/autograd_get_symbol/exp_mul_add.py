from mxnet import nd, autograd
x = nd.array([1., 2.])
x.attach_grad()
with autograd.record():
    y = nd.exp(x) * 2 + x
s = autograd.get_symbol(y)
print(type(s).__name__)
print(len(s.list_arguments()), s.list_arguments()[0].startswith('var'))
print(len(s.list_outputs()), s.list_outputs()[0].startswith('node_'), s.list_outputs()[0].endswith('_output'))
ops = [n['op'] for n in __import__('json').loads(s.tojson())['nodes']]
print(ops)
