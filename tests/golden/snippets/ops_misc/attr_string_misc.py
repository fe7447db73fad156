from mxnet import nd
x = nd.arange(6).reshape((2, 3))
print(nd.transpose(x, axes="(1,0)").shape)
print(nd.one_hot(nd.array([0, 2]), depth="3", dtype="int32"))
print(nd.clip(x, a_min="1", a_max="4"))
print(nd.softmax(x, axis="0").shape)
print(nd.topk(x, k="2", ret_typ="value", is_ascend="false"))
print(nd.tile(x, reps="(2,)").shape)
