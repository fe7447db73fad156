import mxnet as mx
old = '''{
  "nodes": [
    {"op": "null", "param": {}, "name": "data", "inputs": [], "backward_source_id": -1},
    {"op": "null", "param": {}, "name": "fc1_weight", "inputs": [], "backward_source_id": -1},
    {"op": "null", "param": {}, "name": "fc1_bias", "inputs": [], "backward_source_id": -1},
    {"op": "FullyConnected", "param": {"no_bias": "False", "num_hidden": "8"}, "name": "fc1",
     "inputs": [[0, 0], [1, 0], [2, 0]], "backward_source_id": -1},
    {"op": "Activation", "param": {"act_type": "relu"}, "name": "relu1", "inputs": [[3, 0]],
     "backward_source_id": -1, "attr": {"__ctx_group__": "stage1"}},
    {"op": "null", "param": {}, "name": "softmax_label", "inputs": [], "backward_source_id": -1},
    {"op": "SoftmaxOutput", "param": {"grad_scale": "1", "multi_output": "False"}, "name": "softmax",
     "inputs": [[4, 0], [5, 0]], "backward_source_id": -1}
  ],
  "arg_nodes": [0, 1, 2, 5],
  "heads": [[6, 0]]
}'''
s = mx.sym.load_json(old)
print(s.list_arguments(), s.list_outputs())
print(s.infer_shape(data=(2, 5)))
print(s.tojson())
new = '''{"nodes": [{"op": "null", "name": "x", "inputs": []}, {"op": "exp", "name": "e", "attrs": {"__lr_mult__": "2"}, "inputs": [[0, 0, 0]]}], "arg_nodes": [0], "node_row_ptr": [0, 1, 2], "heads": [[1, 0, 0]], "attrs": {"mxnet_version": ["int", 10500]}}'''
t = mx.sym.load_json(new)
print(t.list_arguments(), t.attr('lr_mult'), t.tojson())
