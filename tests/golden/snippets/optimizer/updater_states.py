import mxnet as mx
from mxnet import nd
import pickle

opt = mx.optimizer.Adam(learning_rate=0.1)
upd = mx.optimizer.get_updater(opt)
w0 = nd.array([1.0, 2.0, 3.0])
w1 = nd.array([[0.5, -0.5]])
for step in range(3):
    upd(0, nd.array([0.1, -0.2, 0.3]) * (step + 1), w0)
    upd('bias', nd.array([[1.0, 2.0]]), w1)
print(sorted(upd.states, key=str))
print(upd.states_synced)
blob = upd.get_states()
print(type(blob).__name__)
states = pickle.loads(blob)
print(sorted(states, key=str), states[0])

upd2 = mx.optimizer.get_updater(mx.optimizer.Adam(learning_rate=0.1))
upd2.set_states(blob)
print(upd2.states_synced)
w0b = w0.copy()
upd(0, nd.array([0.5, 0.5, 0.5]), w0)
upd2(0, nd.array([0.5, 0.5, 0.5]), w0b)
print(w0)
print(w0b)  # the new updater's optimizer restarts its counters
print(upd2.states_synced)

# with the optimizer
blob = upd.get_states(dump_optimizer=True)
upd3 = mx.optimizer.get_updater(mx.optimizer.SGD())
upd3.set_states(blob)
print(type(upd3.optimizer).__name__, upd3.optimizer.lr, upd3.optimizer.num_update)
print(upd3.optimizer._index_update_count)
print(upd3.optimizer.param_dict)
w0c = w0.copy()
upd(0, nd.array([0.5, 0.5, 0.5]), w0)
upd3(0, nd.array([0.5, 0.5, 0.5]), w0c)
print(w0)
print(w0c)

print(upd.sync_state_context((nd.ones((1,)), [None, nd.zeros((1,))]), mx.cpu(0)))
print(upd.aggregate_updates, mx.optimizer.get_updater(mx.optimizer.SGD()).aggregate_updates)
