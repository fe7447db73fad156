import mxnet as mx
from mxnet import nd
label = nd.array([1.0, 2.0, 3.0, 4.0])
pred = nd.array([[1.5], [1.0], [3.5], [6.0]])
for name in ('mae', 'mse', 'rmse'):
    m = mx.metric.create(name)
    print(m.name, m.get())
    m.update([label], [pred])
    print(m.get())
    m.update([nd.array([[0.0, 1.0], [2.0, 2.0]])], [nd.array([[1.0, 1.0], [2.0, 5.0]])])
    print(m.get(), m.num_inst, m.get_global())
    m.update([nd.array([1.0, 3.0])], [nd.array([2.0, 3.0])])
    print(m.get(), m.get_name_value())
    m.reset_local()
    print(m.get(), m.get_global())
# label vector against a 2-column prediction broadcasts
m = mx.metric.MSE()
m.update([nd.array([1.0, 2.0])], [nd.array([[1.0, 3.0], [0.0, 2.0]])])
print(m.get())
m = mx.metric.RMSE()
m.update([nd.array([0.0, 0.0]), nd.array([1.0])], [nd.array([3.0, 4.0]), nd.array([2.0])])
print(m.get(), m.num_inst)
m = mx.metric.MAE(name='my_mae', output_names=['out'], label_names=['lab'])
print(m.get_config())
