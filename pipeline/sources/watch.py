"""`kwru watch`: process what is in inbox/, then every file that arrives, until stopped.

watchdog's inotify observer by default; `--poll SECONDS` uses polling, for network shares
(SMB/NFS send no events). Events only say "look at this path": whether a file is complete is
decided by `Settle`, and a full rescan every few seconds catches anything an event missed.
An event storm for one file processes it once (a set of pending paths; a filed file is gone).
SIGTERM or Ctrl-C finishes the file being processed, then stops.
"""

from __future__ import annotations

import queue
import signal
import threading
import time
from collections.abc import Callable
from pathlib import Path

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer
from watchdog.observers.polling import PollingObserver

from ..intake import Intake, Result, recover
from ..workspace import Workspace
from .inbox import Settle, is_candidate, waiting_files


class _Collect(FileSystemEventHandler):
    def __init__(self, q: queue.SimpleQueue[Path]):
        self.q = q

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.is_directory:
            return
        for attr in ("dest_path", "src_path"):
            p = getattr(event, attr, None)
            if p:
                self.q.put(Path(p if isinstance(p, str) else p.decode()))


def watch(ws: Workspace, intake: Intake, *, poll: float | None = None,
          on_result: Callable[[Result], None] = lambda r: None,
          on_note: Callable[[str], None] = lambda s: None,
          stop: threading.Event | None = None, settle: Settle | None = None,
          rescan_every: float = 5.0) -> int:
    """Run until `stop` is set (or SIGTERM/SIGINT). Returns the number of files handled."""
    stop = stop or threading.Event()
    settle = settle or Settle()
    handled = 0

    def on_signal(signum: int, frame: object) -> None:
        if not stop.is_set():
            on_note("stopping after the current file ...")
        stop.set()
        intake.stop_requested = True

    old = {}
    if threading.current_thread() is threading.main_thread():
        for sig in (signal.SIGTERM, signal.SIGINT):
            old[sig] = signal.signal(sig, on_signal)
    for note in recover(ws):
        on_note(note)
    events: queue.SimpleQueue[Path] = queue.SimpleQueue()
    observer = PollingObserver(timeout=poll) if poll else Observer()
    observer.schedule(_Collect(events), str(ws.inbox), recursive=True)
    observer.start()
    pending: set[Path] = set(waiting_files(ws.inbox))
    last_scan = time.monotonic()
    try:
        while not stop.is_set():
            while True:
                try:
                    pending.add(events.get_nowait())
                except queue.Empty:
                    break
            if time.monotonic() - last_scan >= (poll or rescan_every):
                pending |= set(waiting_files(ws.inbox))
                last_scan = time.monotonic()
            for path in sorted(pending, key=str):
                if stop.is_set():
                    break
                if not path.exists() or not is_candidate(path, ws.inbox):
                    pending.discard(path)
                    settle.forget(path)
                    continue
                if settle.ready(path):
                    pending.discard(path)
                    settle.forget(path)
                    result = intake.process(path)
                    if result is not None:
                        handled += 1
                        on_result(result)
            stop.wait(0.1)
    finally:
        observer.stop()
        observer.join(timeout=5)
        for sig, handler in old.items():
            signal.signal(sig, handler)
    return handled
