"""Every notebook in notebooks/ runs from a clean kernel, with no cell error.

Each notebook is executed with nbclient in a fresh ``python3`` kernel started with this venv's own
interpreter (the kernel spec that ipykernel installs inside the venv, never a user-wide one), with
``notebooks/`` as the working directory and this checkout first on ``PYTHONPATH``. A cell that
raises fails the test, naming the notebook and the cell. The committed notebooks must carry no
outputs (``make strip-notebooks`` clears them).
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
CORPUS = ROOT.parent / "shared" / "corpus" / "baomoi-2017.jsonl.gz"
CELL_TIMEOUT = 600  # seconds, per cell
NEEDS_CORPUS = {"04-corpus.ipynb"}

nbformat = pytest.importorskip("nbformat", reason="the notebook tests need nbformat: pip install -e '.[dev]'")
nbclient = pytest.importorskip("nbclient", reason="the notebook tests need nbclient: pip install -e '.[dev]'")

ALL = sorted(p.name for p in NOTEBOOKS.glob("*.ipynb"))


def _kernel_manager():
    """A kernel manager for this venv's own ``python3`` kernel (ipykernel's spec, run with sys.executable)."""
    from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel
    from jupyter_client.manager import AsyncKernelManager

    venv_kernels = Path(sys.prefix) / "share" / "jupyter" / "kernels"
    ksm = KernelSpecManager(kernel_dirs=[str(venv_kernels)])
    try:
        spec = ksm.get_kernel_spec("python3")
    except NoSuchKernel:
        pytest.fail(f"no python3 kernel in {venv_kernels}: pip install ipykernel (in this venv)")
    # the spec says "python"; jupyter_client runs that as sys.executable, i.e. this venv
    assert spec.argv[0] in ("python", "python3", sys.executable), spec.argv
    km = AsyncKernelManager(kernel_name="python3")
    km.kernel_spec_manager = ksm
    return km


def run_notebook(name: str) -> tuple[object, float]:
    """Execute ``notebooks/NAME`` from a clean kernel; returns the executed notebook and the seconds it took."""
    nb = nbformat.read(NOTEBOOKS / name, as_version=4)
    client = nbclient.NotebookClient(nb, km=_kernel_manager(), kernel_name="python3", timeout=CELL_TIMEOUT,
                                     allow_errors=False, resources={"metadata": {"path": str(NOTEBOOKS)}})
    start = time.monotonic()
    try:
        client.execute()
    except nbclient.exceptions.CellExecutionError as e:
        pytest.fail(f"{name}: a cell failed:\n{e}")
    return nb, time.monotonic() - start


@pytest.fixture(autouse=True)
def _this_checkout(monkeypatch):
    """The kernel imports graphkit from this checkout, whatever is installed in the venv."""
    import os

    monkeypatch.setenv("PYTHONPATH", os.pathsep.join([str(ROOT), *filter(None, [os.environ.get("PYTHONPATH")])]))
    monkeypatch.setenv("MPLBACKEND", "module://matplotlib_inline.backend_inline")  # as in Jupyter


def test_notebooks_exist():
    assert ALL, f"no notebooks in {NOTEBOOKS}"


@pytest.mark.parametrize("name", ALL)
def test_outputs_stripped(name):
    nb = nbformat.read(NOTEBOOKS / name, as_version=4)
    dirty = [i for i, c in enumerate(nb.cells) if c.cell_type == "code" and (c.outputs or c.execution_count)]
    assert not dirty, f"{name}: cells {dirty} carry outputs; run 'make strip-notebooks' before committing"


def _check_ran(name: str, nb) -> None:
    """No cell error, and every cell that draws a plot (``plots.…``) shows an image."""
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    assert not errors
    plot_cells = [c for c in nb.cells if c.cell_type == "code" and "plots." in c.source]
    blank = [c.source for c in plot_cells
             if not any("image/png" in o.get("data", {}) for o in c.outputs if o.output_type in ("display_data", "execute_result"))]
    assert not blank, f"{name}: plot cells without an image: {blank}"


def test_every_notebook_draws_plots():
    """Each notebook shows what a researcher would rather look at than read: at least one plot."""
    for name in ALL:
        nb = nbformat.read(NOTEBOOKS / name, as_version=4)
        assert any(c.cell_type == "code" and "plots." in c.source for c in nb.cells), name


@pytest.mark.parametrize("name", [n for n in ALL if n not in NEEDS_CORPUS])
def test_notebook_runs(name):
    nb, seconds = run_notebook(name)
    print(f"{name}: {seconds:.1f} s")
    _check_ran(name, nb)


@pytest.mark.corpus
@pytest.mark.parametrize("name", sorted(NEEDS_CORPUS & set(ALL)))
def test_corpus_notebook_runs(name):
    if not CORPUS.exists():
        pytest.skip(f"{CORPUS} is absent (the notebook then falls back to the seeds)")
    nb, seconds = run_notebook(name)
    print(f"{name}: {seconds:.1f} s")
    _check_ran(name, nb)
