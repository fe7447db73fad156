"""The notebooks in notebooks/ run in a real Jupyter kernel, and their committed outputs are
current: each one is re-executed (nbclient) and every code cell's text output must match what
is committed, after the normalisation in tools/run_notebooks.py (addresses, paths, timings;
numbers within a small tolerance; images by presence only). Cells tagged ``nondeterministic``
must run without error but their text is not compared.

A failure here usually means the notebook needs refreshing:
``python tools/run_notebooks.py <name>`` re-executes it in place.
"""
from __future__ import annotations

import copy
import importlib.util
import os

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_notebook, new_output

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
NOTEBOOKS = ["autograd_and_initializer", "crash_course", "porting_a_legacy_script",
             "speed_and_accelerators"]


def _load_tool():
    spec = importlib.util.spec_from_file_location(
        "run_notebooks", os.path.join(REPO, "tools", "run_notebooks.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


tool = _load_tool()


@pytest.fixture(scope="module")
def executed():
    """Every notebook executed once, two kernels at a time (shared by the tests below)."""
    return tool.execute_all(tool.notebook_paths(NOTEBOOKS), jobs=2)


def test_the_notebooks_are_all_there():
    found = sorted(n[:-6] for n in os.listdir(tool.NOTEBOOK_DIR) if n.endswith(".ipynb"))
    assert found == NOTEBOOKS
    for asset in ("legacy_train.py", "legacy_train.mxnet.txt"):
        assert os.path.isfile(os.path.join(tool.NOTEBOOK_DIR, asset)), asset


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_committed_outputs_are_current(name, executed):
    path = os.path.join(tool.NOTEBOOK_DIR, name + ".ipynb")
    fresh = executed[path]
    if isinstance(fresh, Exception):
        pytest.fail("%s failed to execute:\n%s" % (name, fresh), pytrace=False)
    problems = tool.stale_cells(nbformat.read(path, as_version=4), fresh)
    if problems:
        pytest.fail("%s.ipynb has stale outputs (refresh with `python tools/run_notebooks.py %s`):"
                    "\n%s" % (name, name, "\n".join(problems)), pytrace=False)


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_committed_notebook_is_executed_with_images(name):
    nb = nbformat.read(os.path.join(tool.NOTEBOOK_DIR, name + ".ipynb"), as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert code and all(c.execution_count is not None for c in code)
    assert not any(o.output_type == "error" for c in code for o in c.outputs)
    kinds = [k for c in code for k in tool.cell_outputs(c)["kinds"]]
    assert any("image/png" in k for k in kinds), "every notebook has at least one plot"


# ------------------------------------------------------------------ the comparison itself

def _notebook(*cells):
    return new_notebook(cells=list(cells))


def _cell(source, text, tags=(), image=False, count=1):
    cell = new_code_cell(source, execution_count=count)
    cell.outputs = [new_output("stream", name="stdout", text=text)]
    if image:
        cell.outputs.append(new_output("display_data", data={
            "image/png": "iVBORw0KGgo=", "text/plain": "<Figure size 400x300 with 1 Axes>"}))
    if tags:
        cell.metadata["tags"] = list(tags)
    return cell


def test_normalise_removes_run_to_run_noise():
    a = ("<mxnet.initializer.Uniform object at 0x7f3a2c1d9e50> took 12.5 ms\n"
         "/tmp/ipykernel_4242/123456.py:3: UserWarning: hm\n"
         "/work/main/mxcompat/initializer.py:88: in f")
    b = ("<mxnet.initializer.Uniform object at 0x55d0aa01b2c0> took 3 s\n"
         "/tmp/ipykernel_977/98765.py:7: UserWarning: hm\n"
         "/home/ci/src/mxcompat/initializer.py:91: in f")
    assert tool.normalise(a) == tool.normalise(b)
    assert tool.texts_match("[1.        2.5      ]", "[1. 2.5]")
    assert tool.texts_match("loss 0.123456", "loss 0.123457")
    assert not tool.texts_match("loss 0.1235", "loss 0.1240")
    assert not tool.texts_match("recording=True", "recording=False")


def test_stale_cells_compares_text_and_honours_the_tag():
    committed = _notebook(_cell("print(1)", "1.0\n"),
                          _cell("t()", "12 steps/s\n", tags=["nondeterministic"]))
    same = copy.deepcopy(committed)
    same.cells[1].outputs[0].text = "9000 steps/s\n"       # tagged: text ignored
    assert tool.stale_cells(committed, same) == []
    changed = copy.deepcopy(committed)
    changed.cells[0].outputs[0].text = "2.0\n"
    assert len(tool.stale_cells(committed, changed)) == 1


def test_stale_cells_checks_images_errors_and_unexecuted_cells():
    committed = _notebook(_cell("plot()", "", image=True))
    no_image = _notebook(_cell("plot()", ""))
    assert tool.stale_cells(committed, no_image)             # an image disappeared
    other_image = copy.deepcopy(committed)
    other_image.cells[0].outputs[1].data["image/png"] = "AAAA"
    assert tool.stale_cells(committed, other_image) == []    # pixels are not compared
    failed = copy.deepcopy(committed)
    failed.cells[0].outputs.append(new_output("error", ename="ValueError", evalue="x",
                                              traceback=[]))
    assert tool.stale_cells(committed, failed)
    never_run = _notebook(_cell("plot()", "", image=True, count=None))
    never_run.cells[0].outputs = []
    assert tool.stale_cells(never_run, committed)


def test_stdout_split_across_messages_is_merged():
    committed = _notebook(_cell("f()", "a\nb\n"))
    split = copy.deepcopy(committed)
    split.cells[0].outputs = [new_output("stream", name="stdout", text="a\n"),
                              new_output("stream", name="stdout", text="b\n")]
    assert tool.stale_cells(committed, split) == []
