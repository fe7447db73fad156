import mxnet as mx
import numpy as np
d = mx.sym.var('data')
fc = mx.sym.FullyConnected(d, num_hidden=2, name='fc')
exe = fc.simple_bind(mx.cpu(), data=(3, 4), grad_req={'data': 'null', 'fc_weight': 'write', 'fc_bias': 'add'})
print(exe.grad_dict['data'], exe.outputs[0].shape)
exe.arg_dict['data'][:] = np.arange(12).reshape(3, 4)
exe.arg_dict['fc_weight'][:] = 0.1
exe.arg_dict['fc_bias'][:] = 1
print(exe.forward(is_train=True))
def check(f):
    try:
        print(f())
    except Exception as e:
        print('!! CAUGHT %s: %s' % (type(e).__name__, str(e).split('\n')[-1]))
check(lambda: exe.backward())
exe.backward(mx.nd.ones((3, 2)) * 2)
print(exe.grad_dict)
exe.backward([mx.nd.ones((3, 2))])
print(exe.grad_dict['fc_weight'], exe.grad_dict['fc_bias'])
check(lambda: exe.forward(data=mx.nd.ones((2, 4))))
check(lambda: exe.forward(foo=mx.nd.ones((2, 4))))
check(lambda: exe.copy_params_from({'foo': mx.nd.ones(1)}))
exe.copy_params_from({'fc_bias': mx.nd.array([5, 6])})
print(exe.forward(data=mx.nd.ones((3, 4)))[0])
e2 = exe.reshape(allow_up_sizing=True, data=(5, 4))
print(e2.arg_dict['data'].shape, e2.arg_dict['fc_bias'])
check(lambda: exe.reshape(data=(5, 4)))
ex3 = fc.bind(mx.cpu(), {'data': mx.nd.ones((1, 4)), 'fc_weight': mx.nd.ones((2, 4)), 'fc_bias': mx.nd.zeros(2)})
print(ex3.grad_arrays, ex3.forward())
check(lambda: fc.bind(mx.cpu(), {'data': mx.nd.ones((1, 4))}))
args = [mx.nd.ones((1, 4)), mx.nd.ones((2, 4)), mx.nd.zeros(2)]
grads = [mx.nd.zeros((1, 4)), mx.nd.zeros((2, 4)), mx.nd.zeros(2)]
ex4 = fc.bind(mx.cpu(), args, args_grad=grads)
ex4.forward(is_train=True)
ex4.backward(mx.nd.array([[1, 2]]))
print(grads[0], grads[2])
args[0][:] = 2
print(ex4.forward()[0])
