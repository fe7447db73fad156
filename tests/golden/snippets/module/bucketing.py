import mxnet as mx


def sym_gen(key):
    data = mx.sym.Variable('data')
    net = mx.sym.FullyConnected(data, num_hidden=2, name='fc')
    return mx.sym.MakeLoss(net * (1.0 / key), name='loss'), ('data',), None


mod = mx.mod.BucketingModule(sym_gen, default_bucket_key=4)
print(mod.data_names, mod.output_names, mod.binded)
mod.bind(data_shapes=[mx.io.DataDesc('data', (4, 3))])
mod.init_params(mx.init.One())
mod.init_optimizer(optimizer_params={'learning_rate': 1.0})
print(mod.symbol.list_arguments(), mod.data_shapes)
for key in (4, 2, 4):
    batch = mx.io.DataBatch([mx.nd.ones((key, 3))], bucket_key=key,
                            provide_data=[mx.io.DataDesc('data', (key, 3))])
    mod.forward(batch, is_train=True)
    mod.backward()
    mod.update()
    print(key, mod.get_outputs()[0].shape, mod.output_shapes)
    print({k: v.asnumpy().round(4).tolist() for k, v in mod.get_params()[0].items()})
print(sorted(mod._buckets))
