"""Clean stops, with real processes and signals: a process-engine run whose
driver is killed outright (SIGKILL, as the out-of-memory killer does) leaves
no worker behind, and Ctrl-C (SIGINT to the terminal's process group) ends a
run with one line, status 130, no traceback, no worker and no half-written
file, after which the same command resumes.

Every wait is bounded and every process started here is killed in
``finally`` if it is still there."""
from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .test_pipeline import write_corpus

psutil = pytest.importorskip("psutil")

pytestmark = pytest.mark.skipif(not hasattr(os, "killpg"), reason="POSIX signals and process groups")

ROOT = Path(__file__).resolve().parent.parent
ENV = {**os.environ, "PYTHONHASHSEED": "0"}


def _wait_for(condition, timeout: float, what, proc=None):
    """Wait for ``condition()``; ``what`` (a string, or a function giving one
    when the wait fails) says what was waited for."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        got = condition()
        if got:
            return got
        if proc is not None and proc.poll() is not None:
            out, err = proc.communicate()
            pytest.fail(f"the run ended (status {proc.returncode}) before {_text(what)}:\n{err[-3000:]}")
        time.sleep(0.05)
    pytest.fail(f"no {_text(what)} within {timeout:.0f} s")


def _text(what) -> str:
    return what() if callable(what) else what


def _manifests(out: Path) -> list[Path]:
    return sorted((out / "_batches").glob("batch-*.json"))


def _descendants(pid: int) -> list:
    try:
        return psutil.Process(pid).children(recursive=True)
    except psutil.NoSuchProcess:
        return []


def _alive(procs) -> list:
    """The processes of ``procs`` still running.  A zombie has exited (only its
    exit status waits to be collected, by PID 1 once its parent is gone, which
    may be late), so it counts as gone; psutil raises ZombieProcess, a kind
    of NoSuchProcess, when asked about one."""
    live = []
    for p in procs:
        try:
            if p.is_running() and p.status() != psutil.STATUS_ZOMBIE:
                live.append(p)
        except psutil.NoSuchProcess:
            pass
    return live


def _describe(procs) -> list:
    """(pid, command line) of each process, for a failure message; a process
    that has exited meanwhile (gone or a zombie) is shown as such."""
    described = []
    for p in procs:
        try:
            described.append((p.pid, p.cmdline()))
        except psutil.NoSuchProcess:
            described.append((p.pid, "exited"))
    return described


def _kill_all(procs) -> None:
    for p in procs:
        try:
            p.kill()
        except psutil.NoSuchProcess:
            pass


_DRIVER = """
import sys
from analysis import pipeline
if __name__ == "__main__":
    if sys.argv[3] == "forkserver":
        pipeline.workers.fork_is_safe = lambda: False
    pipeline.run(sys.argv[1], engine="process", n_workers=2, batch_size=5, out_dir=sys.argv[2],
                 cache=False, progress=False)
"""


@pytest.mark.parametrize("start", ["fork", "forkserver"])
def test_workers_exit_by_themselves_when_the_driver_is_killed(tmp_path, start):
    if start == "fork" and not sys.platform.startswith("linux"):
        pytest.skip("workers are forked from the driver on Linux only")
    corpus, out, script = tmp_path / "c.jsonl", tmp_path / "out", tmp_path / "driver.py"
    write_corpus(corpus, 300)
    script.write_text(_DRIVER, encoding="utf-8")
    driver = subprocess.Popen([sys.executable, str(script), str(corpus), str(out), start], cwd=ROOT, env=ENV,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    family = []
    try:
        _wait_for(lambda: _manifests(out), 180, "batch written", driver)  # the workers are scoring
        family = _descendants(driver.pid)
        workers = [p for p in family if p.ppid() != driver.pid or start == "fork"]
        assert len(workers) >= 2, _describe(family)
        driver.send_signal(signal.SIGKILL)
        driver.wait(timeout=10)
        assert len(_manifests(out)) < 60, "the run finished before the driver was killed"
        t0 = time.monotonic()
        _wait_for(lambda: not _alive(family), 10,
                  lambda: f"exit of every process the driver started ({_describe(_alive(family))})")
        assert time.monotonic() - t0 < 10
    finally:
        if driver.poll() is None:
            driver.kill()
            driver.wait(timeout=10)
        _kill_all(family)
        driver.stdout.close()
        driver.stderr.close()


def _sigint_as_in_a_terminal() -> None:
    """A command started in a terminal's foreground takes Ctrl-C; one started
    by a non-interactive shell with ``&`` (a CI script run in the background)
    inherits SIGINT ignored, and Python then installs no KeyboardInterrupt
    handler.  The command under test gets the terminal's disposition."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


_INTERRUPTED = re.compile(r"^analysis\.pipeline: interrupted: (\d+) of 300 articles written to (.+); "
                          r"the same command resumes from there$")


def test_ctrl_c_stops_the_run_cleanly_and_the_same_command_resumes(tmp_path):
    corpus, out = tmp_path / "c.jsonl", tmp_path / "out"
    write_corpus(corpus, 300)
    command = [sys.executable, "-m", "analysis.pipeline", str(corpus), "--out", str(out), "--engine", "process",
               "--workers", "2", "--batch-size", "5", "--no-cache"]
    run = subprocess.Popen(command, cwd=ROOT, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                           start_new_session=True,  # its own process group, as a terminal's job
                           preexec_fn=_sigint_as_in_a_terminal)
    family = []
    try:
        _wait_for(lambda: _manifests(out), 180, "batch written", run)
        family = _descendants(run.pid)
        assert len(family) >= 2
        os.killpg(run.pid, signal.SIGINT)  # what Ctrl-C in a terminal does: the whole group
        _, err = run.communicate(timeout=60)
        assert run.returncode == 130, err[-3000:]
        assert "Traceback" not in err, err[-3000:]
        last = err.strip().splitlines()[-1]
        match = _INTERRUPTED.match(last)
        assert match, last
        written = sum(len(json.loads(m.read_text())["articles"]) for m in _manifests(out))
        assert int(match.group(1)) == written and 5 <= written < 300
        assert Path(match.group(2)) == out
        _wait_for(lambda: not _alive(family), 10, "exit of every worker")
        left = sorted(f.name for f in out.rglob("*.tmp"))  # names carry the writer's process id
        assert not left, (left, "driver", run.pid, "workers", sorted(p.pid for p in family))
    finally:
        if run.poll() is None:
            os.killpg(run.pid, signal.SIGKILL)
            run.communicate(timeout=10)
        _kill_all(family)
    kept = len(_manifests(out))
    again = subprocess.run(command, cwd=ROOT, env=ENV, capture_output=True, text=True, timeout=600)
    assert again.returncode == 0, again.stderr[-3000:]
    summary = json.loads((out / "summary.json").read_text())
    assert summary["batches_reused"] == kept and summary["scored"] == 300 - written
    assert summary["reused"] == written


def _wait_for_cpu(pid: int, *, seconds: float, limit: float = 120) -> None:
    """Wait until process ``pid`` has used ``seconds`` of CPU time: a sign
    that does not depend on how loaded the machine is, as wall time does."""
    proc, deadline = psutil.Process(pid), time.monotonic() + limit
    while time.monotonic() < deadline:
        times = proc.cpu_times()
        if times.user + times.system >= seconds:
            return
        time.sleep(0.05)
    raise AssertionError(f"process {pid} used less than {seconds} s of CPU in {limit} s")


def test_ctrl_c_on_a_family_command_writes_no_output_file(tmp_path):
    corpus, table = tmp_path / "c.jsonl", tmp_path / "mentions.jsonl"
    write_corpus(corpus, 1500)
    command = [sys.executable, "-m", "analysis", "actors", str(corpus), "--output", str(table)]
    run = subprocess.Popen(command, cwd=ROOT, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                           start_new_session=True, preexec_fn=_sigint_as_in_a_terminal)
    try:
        _wait_for_cpu(run.pid, seconds=3.0)  # past the imports (about 1.5 s of CPU): reading or scoring
        assert run.poll() is None, "the command finished before it could be interrupted"
        os.killpg(run.pid, signal.SIGINT)
        _, err = run.communicate(timeout=60)
    finally:
        if run.poll() is None:
            os.killpg(run.pid, signal.SIGKILL)
            run.communicate(timeout=10)
    assert run.returncode == 130, err[-3000:]
    assert "Traceback" not in err
    assert err.strip().splitlines() == [
        "analysis: interrupted; no output file written (an --output file appears only when complete)"]
    assert list(tmp_path.iterdir()) == [corpus]
