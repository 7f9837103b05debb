"""JupyterLab, as ``python3 tasks.py lab`` starts it: headless on a loopback
port with a token, notebooks/ as its root, kernels over IPC.  Through the
server's REST API the test lists the notebooks (the paired ``NN_name.py``
files open as notebooks through jupytext), runs the first code cells of
``00_corpus_overview`` in a kernel over the server's websocket, checks that
the article picker is sent as a widget view (what JupyterLab's widget manager
renders), and shuts the server down, leaving no process behind."""
from __future__ import annotations

import json
import secrets
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from pathlib import Path

import psutil
import pytest

from .conftest import ROOT

sys.path.insert(0, str(ROOT))
from tasks import lab_command  # noqa: E402  (the command line `tasks.py lab` runs)

sys.path.remove(str(ROOT))


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Lab:
    def __init__(self, port: int, token: str):
        self.base, self.token = f"http://127.0.0.1:{port}", token

    def call(self, path: str, method: str = "GET", body: dict | None = None) -> dict:
        data = json.dumps(body).encode() if body is not None else None
        req = urllib.request.Request(f"{self.base}{path}", data=data, method=method,
                                     headers={"Authorization": f"token {self.token}",
                                              "Content-Type": "application/json"})
        with urllib.request.urlopen(req, timeout=60) as r:
            text = r.read().decode()
            return json.loads(text) if text else {}


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    port, token = _free_port(), secrets.token_hex(16)
    log = tmp_path_factory.mktemp("lab") / "lab.log"
    cmd = lab_command(Path(sys.executable), ["--no-browser", "--ServerApp.ip=127.0.0.1",
                                              f"--ServerApp.port={port}", f"--IdentityProvider.token={token}",
                                              "--ServerApp.port_retries=0"])
    with log.open("w") as out:
        proc = subprocess.Popen(cmd, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT)
    server = Lab(port, token)
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                server.call("/api/status")
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"JupyterLab did not start:\n{log.read_text()[-3000:]}")
                time.sleep(0.5)
        server.proc, server.log = proc, log
        yield server
    finally:
        children = psutil.Process(proc.pid).children(recursive=True) if proc.poll() is None else []
        try:
            server.call("/api/shutdown", method="POST")
        except OSError:
            pass
        stopped_by_itself = True
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            stopped_by_itself = False
            proc.kill()
            proc.wait()
        gone, alive = psutil.wait_procs(children, timeout=15)
        for p in alive:
            p.kill()
    assert stopped_by_itself, "JupyterLab did not stop on /api/shutdown"
    assert not alive, f"processes left behind by JupyterLab: {[p.pid for p in alive]}"


def _execute(lab: Lab, kernel_id: str, code: str, timeout: float = 180) -> list[dict]:
    """Messages the kernel sends back for one execute_request, until idle."""
    import websocket

    ws = websocket.create_connection(
        f"ws://127.0.0.1:{lab.base.rsplit(':', 1)[1]}/api/kernels/{kernel_id}/channels",
        header=[f"Authorization: token {lab.token}"], timeout=timeout)
    try:
        msg_id = uuid.uuid4().hex
        ws.send(json.dumps({
            "header": {"msg_id": msg_id, "username": "test", "session": uuid.uuid4().hex, "msg_type": "execute_request",
                       "version": "5.3"},
            "parent_header": {}, "metadata": {}, "channel": "shell",
            "content": {"code": code, "silent": False, "store_history": False, "user_expressions": {},
                        "allow_stdin": False, "stop_on_error": True},
        }))
        replies = []
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            msg = json.loads(ws.recv())
            if msg.get("parent_header", {}).get("msg_id") != msg_id:
                continue
            replies.append(msg)
            if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                return replies
        raise AssertionError(f"no idle status within {timeout} s: {[m['msg_type'] for m in replies]}")
    finally:
        ws.close()


@pytest.mark.slow
def test_lab_lists_and_runs_the_notebooks(lab):
    listing = lab.call("/api/contents/")
    names = {item["name"] for item in listing["content"]}
    assert {"00_corpus_overview.py", "00_corpus_overview.ipynb", "90_validation.py"} <= names
    # the percent-format source opens as a notebook (jupytext's contents manager)
    model = lab.call("/api/contents/00_corpus_overview.py?type=notebook&content=1")
    assert model["type"] == "notebook"
    cells = model["content"]["cells"]
    code = [c["source"] for c in cells if c["cell_type"] == "code"]
    assert code[0].startswith('corpus = "../seeds"'), code[0]
    extensions = {e["name"] for e in lab.call("/lab/api/extensions")}
    assert "@jupyter-widgets/jupyterlab-manager" in extensions and "jupyterlab-jupytext" in extensions

    # opening the notebook in JupyterLab makes a session: its kernel runs in notebooks/
    session = lab.call("/api/sessions", method="POST", body={
        "path": "00_corpus_overview.py", "name": "00_corpus_overview.py", "type": "notebook",
        "kernel": {"name": "python3"}})
    kernel = session["kernel"]
    try:
        replies = _execute(lab, kernel["id"], code[0] + "\n" + code[1] + "\nprint(len(articles), 'article')")
        errors = [m["content"] for m in replies if m["msg_type"] == "error"]
        assert not errors, errors
        printed = "".join(m["content"]["text"] for m in replies if m["msg_type"] == "stream")
        assert "1 article" in printed
        replies = _execute(lab, kernel["id"], "from analysis.presentation.views import article_picker\narticle_picker(articles)")
        views = [m["content"]["data"] for m in replies if m["msg_type"] in ("execute_result", "display_data")]
        assert any("application/vnd.jupyter.widget-view+json" in d for d in views), views
        opened = [m for m in replies if m["msg_type"] == "comm_open"]
        assert opened, "the picker opened no widget comms"
    finally:
        lab.call(f"/api/sessions/{session['id']}", method="DELETE")


def test_lab_command_uses_ipc_kernels_and_notebooks_root():
    cmd = lab_command(Path("/venv/bin/python"), ["--no-browser"])
    assert cmd[:4] == ["/venv/bin/python", "-m", "jupyter", "lab"]
    assert f"--ServerApp.root_dir={ROOT / 'notebooks'}" in cmd
    assert "--KernelManager.transport=ipc" in cmd and cmd[-1] == "--no-browser"
