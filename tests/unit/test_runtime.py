"""The worker's ties to the process that started it: the parent-pid watchdog (the fallback to Linux's
parent-death signal) fires once the parent is gone, and not before."""

from __future__ import annotations

import threading

from docintake.runtime import watch_parent


def test_the_watchdog_fires_once_the_parent_changes():
    parents = iter([100, 100, 1])  # re-parented to init: the parent died
    fired = threading.Event()
    stop = threading.Event()
    watch_parent(100, fired.set, 0.01, stop, getppid=lambda: next(parents))
    assert fired.is_set()


def test_the_watchdog_stays_quiet_while_the_parent_lives():
    fired = threading.Event()
    stop = threading.Event()
    thread = threading.Thread(target=watch_parent, args=(100, fired.set, 0.01, stop), kwargs={"getppid": lambda: 100})
    thread.start()
    assert not fired.wait(0.2)
    stop.set()
    thread.join(timeout=5)
    assert not thread.is_alive() and not fired.is_set()
