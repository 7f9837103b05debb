"""Loaded by every Python process started with this folder on PYTHONPATH
(tests/test_offline.py): refuses any network connection that is not to the
loopback interface, so the whole pipeline, Jupyter kernels included, is shown
to work without outside network access.  Loopback stays open because papermill
talks to its kernels over 127.0.0.1."""
import ipaddress
import os
import socket

_real_connect = socket.socket.connect
_real_connect_ex = socket.socket.connect_ex
_real_getaddrinfo = socket.getaddrinfo


def _is_local(address) -> bool:
    if isinstance(address, (str, bytes)):  # AF_UNIX path
        return True
    host = address[0]
    if host in ("localhost", "", None):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class OutsideNetworkBlocked(OSError):
    pass


def _guard(address):
    if not _is_local(address):
        log = os.environ.get("ANALYSIS_NETBLOCK_LOG")
        if log:
            with open(log, "a") as fh:
                fh.write(f"{os.getpid()} blocked {address!r}\n")
        raise OutsideNetworkBlocked(f"outside network access blocked in this test: {address!r}")


def connect(self, address):
    _guard(address)
    return _real_connect(self, address)


def connect_ex(self, address):
    _guard(address)
    return _real_connect_ex(self, address)


def getaddrinfo(host, *args, **kwargs):
    if host not in (None, "localhost") and not _is_local((host,)):
        _guard((host, 0))
    return _real_getaddrinfo(host, *args, **kwargs)


socket.socket.connect = connect
socket.socket.connect_ex = connect_ex
socket.getaddrinfo = getaddrinfo
os.environ["ANALYSIS_NETBLOCK_ACTIVE"] = "1"
