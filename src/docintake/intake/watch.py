"""The drop folder (`docintake watch DIR`): take each finished file exactly once, record it, then archive it.

A file is taken when its size and mtime have been still for ``settle`` seconds (measured on this host's monotonic
clock: a network share's clock may differ). File events (watchdog) only wake the scan early; a periodic rescan
finds what events miss (they are lost on network shares), so correctness never rests on them.

Taking a file, and what a crash (SIGKILL) at each point leaves behind:

1. ``mkdir WORK/<claim>``                  -> an empty claim folder: removed on the next pass.
2. sidecar renamed into the claim folder  -> a claim folder without a document: the sidecar goes back to DIR.
3. document renamed into the claim folder -> **the claim** (atomic: one watcher, one rename, one winner).
4. recorded (blob, then the submission row with ``source_ref = watch:<claim>``, then publish)
                                          -> before the commit: nothing is recorded, the next pass records it;
                                             after the commit: the next pass finds the submission by its
                                             ``source_ref`` and does not record it again (publish is the
                                             reconciler's once the grace has passed).
5. claim folder renamed into the archive (or removed) -> until then it is still in WORK and step 4's lookup
                                             applies; a cross-device copy is redone from the start.

Every pass (the first one at start) finishes what WORK holds before looking at DIR, so recovery is the normal
path. One watcher per folder, enforced by a lock file: only then is everything in WORK a dead watcher's (or
our own) unfinished work.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import logging
import os
import shutil
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any, Protocol

from docintake.intake.records import Arrival, Recorded
from docintake.intake.sidecar import Sidecar, is_sidecar, read_sidecar, sidecar_names

log = logging.getLogger(__name__)

SOURCE = "fax"
IGNORED_PREFIXES = (".", "~")
IGNORED_SUFFIXES = (".tmp", ".part")


class WatchFolderBusy(Exception):
    """Another `docintake watch` holds this drop folder."""


class SubmissionLookup(Protocol):
    def by_source_ref(self, source: str, source_ref: str) -> Recorded | None: ...


@dataclass(frozen=True, slots=True)
class WatchPolicy:
    settle_s: float = 5.0
    rescan_s: float = 30.0
    after: str = "archive"  # archive | remove
    working_dir: Path | None = None
    archive_dir: Path | None = None

    @classmethod
    def from_settings(cls, settings: Any) -> WatchPolicy:
        return cls(settings.watch_settle_s, settings.watch_rescan_s, settings.watch_after,
                   settings.watch_working_dir, settings.watch_archive_dir)


@dataclass(frozen=True, slots=True)
class Taken:
    """A file recorded from the drop folder."""

    claim_id: str
    file_name: str
    recorded: Recorded


def is_ignored(name: str) -> bool:
    """Hidden and temporary files: the fax server (or a copy tool) is still busy with them."""
    lowered = name.lower()
    return name.startswith(IGNORED_PREFIXES) or lowered.endswith(IGNORED_SUFFIXES)


def source_ref(claim_id: str) -> str:
    return f"watch:{claim_id}"


class DropFolderWatcher:
    """Takes still files from ``folder``; ``submit`` records one (IntakeService.submit_path)."""

    def __init__(
        self, folder: Path, policy: WatchPolicy, submit: Callable[[Path, Arrival], Recorded],
        lookup: SubmissionLookup, *, clock: Callable[[], float] = time.monotonic,
        on_taken: Callable[[Taken], None] | None = None,
    ) -> None:
        self.folder = folder
        self.policy = policy
        self.submit = submit
        self.lookup = lookup
        self.clock = clock
        self.on_taken = on_taken
        state = folder / ".docintake"
        self.working = policy.working_dir or state / "working"
        self.archive = policy.archive_dir or state / "archive"
        self.lock_path = self.working / ".lock"
        self._seen: dict[str, tuple[int, int, float]] = {}  # name -> (size, mtime_ns, still since)
        self._wake = threading.Event()
        self._lock_file: IO[bytes] | None = None

    # -- the lock ------------------------------------------------------------------------------------------------

    def acquire(self) -> None:
        """Create the working and archive folders and take the folder's lock (WatchFolderBusy if held)."""
        for folder in (self.working, self.archive):
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        handle = open(self.lock_path, "ab")  # noqa: SIM115 - held open for the watcher's life
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as error:
            handle.close()
            if error.errno in (errno.EWOULDBLOCK, errno.EACCES):
                raise WatchFolderBusy("another `docintake watch` is taking files from this folder") from None
            raise
        self._lock_file = handle

    def release(self) -> None:
        if self._lock_file is not None:
            self._lock_file.close()
            self._lock_file = None

    # -- one pass ------------------------------------------------------------------------------------------------

    def scan(self) -> list[Taken]:
        """Finish what WORK holds, then take every file of DIR that has been still long enough."""
        taken = self.finish_pending()
        for name in self._stable_documents():
            claim_id = self._claim(name)
            if claim_id is not None:
                done = self._finish(self.working / claim_id)
                if done:
                    taken.append(done)
        return taken

    def finish_pending(self) -> list[Taken]:
        """Claims a previous pass or a killed watcher left in WORK: record (once) and archive each."""
        taken = []
        for claim in sorted(p for p in self.working.iterdir() if p.is_dir() and not p.name.startswith(".")):
            done = self._finish(claim)
            if done:
                taken.append(done)
        return taken

    def _stable_documents(self) -> list[str]:
        now = self.clock()
        present: dict[str, tuple[int, int]] = {}
        with os.scandir(self.folder) as entries:
            for entry in entries:
                if is_ignored(entry.name) or not entry.is_file(follow_symlinks=False):
                    continue
                try:
                    stat = entry.stat(follow_symlinks=False)
                except FileNotFoundError:
                    continue
                present[entry.name] = (stat.st_size, stat.st_mtime_ns)
        for name in list(self._seen):
            if name not in present:
                del self._seen[name]
        stable = set()
        for name, (size, mtime_ns) in present.items():
            seen = self._seen.get(name)
            if seen is None or seen[:2] != (size, mtime_ns):
                self._seen[name] = (size, mtime_ns, now)
            elif now - seen[2] >= self.policy.settle_s:
                stable.add(name)
        ready = []
        for name in sorted(stable):
            if is_sidecar(name):
                continue
            sidecars = [s for s in sidecar_names(name) if s in present]
            if all(s in stable for s in sidecars):  # a sidecar still being written holds its document back
                ready.append(name)
        return ready

    def next_wait(self) -> float:
        """Seconds until the next pass: a file on its way to being still is looked at again just in time."""
        now = self.clock()
        # Only files not yet still count: an orphaned sidecar, still for long, must not spin the loop.
        due = [since + self.policy.settle_s - now for _size, _mtime, since in self._seen.values()
               if since + self.policy.settle_s > now]
        if not due:
            return self.policy.rescan_s
        return max(0.05, min(self.policy.rescan_s, min(due) + 0.05))

    # -- claiming and finishing ----------------------------------------------------------------------------------

    def _claim(self, name: str) -> str | None:
        """Move the document (and its sidecars) into a claim folder; None if it is gone (taken, deleted)."""
        claim_id = uuid.uuid4().hex
        claim = self.working / claim_id
        claim.mkdir(mode=0o700)
        moved = []
        for sidecar in sidecar_names(name):
            if _rename(self.folder / sidecar, claim / sidecar):
                moved.append(sidecar)
        if not _rename(self.folder / name, claim / name):
            for sidecar in moved:  # the document went elsewhere: its sidecar stays where it was
                _rename(claim / sidecar, self.folder / sidecar)
            claim.rmdir()
            return None
        _fsync_dir(claim)
        _fsync_dir(self.working)
        self._seen.pop(name, None)
        with_private_mode(claim / name)
        return claim_id

    def _finish(self, claim: Path) -> Taken | None:
        documents = sorted(p for p in claim.iterdir() if p.is_file() and not is_sidecar(p.name))
        if not documents:
            self._return_sidecars(claim)
            return None
        document = documents[0]
        ref = source_ref(claim.name)
        try:
            recorded = self.lookup.by_source_ref(SOURCE, ref)
            if recorded is None:
                recorded = self.submit(document, self._arrival(claim, document, ref))
        except Exception as error:  # the database or object store is away: the claim stays in WORK, retried
            log.warning("claim %s: not recorded yet (%s); retried on the next pass", claim.name,
                        type(error).__name__)
            return None
        try:
            self._put_away(claim)
        except OSError as error:  # recorded: the next pass finds it by its source_ref and only puts it away
            log.warning("claim %s: recorded, not archived yet (%s)", claim.name, type(error).__name__)
            return None
        log.info("claim %s: document %s%s", claim.name, recorded.document_id,
                 " (duplicate)" if recorded.is_duplicate else "")
        taken = Taken(claim.name, document.name, recorded)
        if self.on_taken:
            self.on_taken(taken)
        return taken

    def _arrival(self, claim: Path, document: Path, ref: str) -> Arrival:
        sidecar = self._sidecar(claim, document.name)
        # Without a sidecar the file's mtime is the source's own time of arrival (the watcher may have been down).
        received = sidecar.received_at if sidecar and sidecar.received_at else datetime.fromtimestamp(
            document.stat().st_mtime, UTC)
        if sidecar and sidecar.errors:
            log.warning("claim %s: sidecar keys dropped: %s", claim.name, ", ".join(sidecar.errors))
        return Arrival(file_name=document.name, source=SOURCE, received_at=received, source_ref=ref,
                       sender=sidecar.sender() if sidecar else {})

    @staticmethod
    def _sidecar(claim: Path, document_name: str) -> Sidecar | None:
        for name in sidecar_names(document_name):
            if (claim / name).is_file():
                return read_sidecar(claim / name)
        return None

    def _put_away(self, claim: Path) -> None:
        if self.policy.after == "remove":
            shutil.rmtree(claim)
            return
        day = self.archive / datetime.now(UTC).strftime("%Y-%m-%d")
        day.mkdir(mode=0o700, parents=True, exist_ok=True)
        target = day / claim.name
        try:
            os.rename(claim, target)
        except OSError as error:
            if error.errno != errno.EXDEV:
                raise
            # Another file system: copy under a temporary name, rename it, then drop the claim. A crash before
            # the last step redoes the copy (the claim is still in WORK).
            partial = day / f".{claim.name}.partial"
            shutil.rmtree(partial, ignore_errors=True)
            shutil.copytree(claim, partial)
            if target.exists():
                shutil.rmtree(target)
            os.rename(partial, target)
            shutil.rmtree(claim)
        _fsync_dir(day)

    def _return_sidecars(self, claim: Path) -> None:
        """A claim killed before its document moved: its sidecars go back, where the next pass finds them."""
        for sidecar in claim.iterdir():
            if (self.folder / sidecar.name).exists():
                orphaned = self.archive / "orphaned-sidecars"
                orphaned.mkdir(mode=0o700, parents=True, exist_ok=True)
                os.rename(sidecar, orphaned / f"{claim.name}-{sidecar.name}")
            else:
                os.rename(sidecar, self.folder / sidecar.name)
        claim.rmdir()

    # -- running -------------------------------------------------------------------------------------------------

    def wake(self) -> None:
        """Look again now (a file event)."""
        self._wake.set()

    def run(self, stop: threading.Event) -> None:
        """Until ``stop``: passes on file events and at least every ``rescan_s``; a failed pass is retried."""
        observer = self._observe()
        try:
            while not stop.is_set():
                try:
                    self.scan()
                except OSError as error:  # the share went away for a moment
                    log.warning("drop folder pass failed (%s); trying again", type(error).__name__)
                self._wake.wait(self.next_wait())
                self._wake.clear()
        finally:
            if observer is not None:
                observer.stop()
                observer.join(timeout=5)

    def _observe(self) -> Any:
        """File events through watchdog (inotify on Linux); without them the rescan alone still finds all."""
        try:
            from watchdog.events import FileSystemEvent, FileSystemEventHandler
            from watchdog.observers import Observer
        except ImportError:  # pragma: no cover - watchdog is a dependency; polling still works without it
            return None

        watcher = self

        class Wake(FileSystemEventHandler):
            def on_any_event(self, event: FileSystemEvent) -> None:
                watcher.wake()

        observer = Observer()
        try:
            observer.schedule(Wake(), str(self.folder), recursive=False)
            observer.start()
        except OSError as error:  # e.g. inotify limits: fall back on the rescan
            log.warning("file events unavailable (%s); rescanning every %.0f s", type(error).__name__,
                        self.policy.rescan_s)
            return None
        return observer


def _rename(source: Path, target: Path) -> bool:
    """Rename if ``source`` exists; False when someone else moved or removed it first."""
    try:
        os.rename(source, target)
    except FileNotFoundError:
        return False
    return True


def with_private_mode(path: Path) -> None:
    """The fax server's umask is not ours: the taken file is PHI, readable by the service user only."""
    with contextlib.suppress(OSError):  # owned by the fax server's user: the folders around it are 0700 anyway
        os.chmod(path, 0o600)


def _fsync_dir(path: Path) -> None:
    """Make the renames survive a power cut too (SIGKILL alone does not need it)."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
