"""Safe output files: every export, CSV and picture the app writes goes through ``write_file``.

The bytes go to a temporary file created exclusively (``O_EXCL | O_NOFOLLOW``, random name) in
the target's own folder, so a symlink planted at a predictable name is never followed and the
rename stays on one file system. The file is fsynced, renamed over the target, then the folder
is fsynced: once ``write_file`` returns, the new file survives a power cut, and until then the
old file (if any) is untouched. A target that is a symlink is replaced by the new file (its
destination is left alone); a target that is a folder, a device node, a FIFO or a socket is
refused before anything is written. ``replacing`` gives the same guarantees to a writer that
needs a file name (the database backup made before a migration); ``read_source`` and
``read_text`` read files to import without ever blocking on a FIFO or a device.
"""

from __future__ import annotations

import errno
import os
import secrets
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from app.errors import FormatError, PostmortemError

#: the largest text file (JSON) an import reads
MAX_IMPORT_BYTES = 64 * 1024 * 1024
#: how many random names are tried before giving up (a clash means someone is racing us)
_ATTEMPTS = 8

_NOT_FILES = {
    stat.S_IFDIR: "a folder",
    stat.S_IFCHR: "a device",
    stat.S_IFBLK: "a device",
    stat.S_IFIFO: "a named pipe (FIFO)",
    stat.S_IFSOCK: "a socket",
}


def _folder_of(path: Path) -> Path:
    return path.parent if str(path.parent) else Path(".")


def check_target(path: Path, example_suffix: str = "") -> None:
    """Refuse, in one sentence, an output path that cannot become a regular file.

    Only the path itself is examined (``lstat``): a symlink there is acceptable because
    ``write_file`` replaces the link rather than writing through it.
    """
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        mode = 0
    except OSError as error:
        raise PostmortemError(f"cannot write {path}: {_reason(error)}.") from None
    kind = _NOT_FILES.get(stat.S_IFMT(mode))
    if kind == "a folder":
        example = path / f"report{example_suffix}" if example_suffix else None
        hint = f", e.g. {example}" if example else ""
        raise FormatError(f"{path} is a folder; give a file name{hint}.")
    if kind is not None:
        raise FormatError(f"{path} is {kind}, not a file; give the name of a file to write.")
    folder = _folder_of(path)
    if not folder.is_dir():
        raise PostmortemError(f"cannot write {path}: the folder {folder} does not exist.")


def check_source(path: Path) -> int:
    """Refuse a file to import that is missing, a folder or not a regular file (reading a FIFO
    blocks until someone writes to it, a device such as /dev/zero never ends); returns its size.
    """
    try:
        status = os.stat(path)
    except FileNotFoundError:
        raise FormatError(f"{path}: no such file.") from None
    except OSError as error:
        raise PostmortemError(f"cannot read {path}: {_reason(error)}.") from None
    kind = _NOT_FILES.get(stat.S_IFMT(status.st_mode))
    if kind == "a folder":
        raise FormatError(f"{path} is a folder, not a file to import.")
    if kind is not None:
        raise FormatError(f"{path} is {kind}, not a file; give the name of a file to import.")
    return status.st_size


def read_source(path: Path, max_bytes: int, hint: str = "") -> bytes:
    """The bytes of a file to import, at most ``max_bytes`` (``hint`` says what to do else).

    The file is opened without blocking and checked again once open, so a FIFO swapped in
    after ``check_source`` cannot freeze the import, and a file growing meanwhile is cut off.
    """
    too_big = f"{path.name} is larger than {max_bytes // 2**20} MB" + (
        f"; {hint}." if hint else "."
    )
    if check_source(path) > max_bytes:
        raise FormatError(too_big)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        with os.fdopen(os.open(path, flags), "rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                raise FormatError(f"{path} is not a regular file any more; nothing was imported.")
            raw = handle.read(max_bytes + 1)
    except OSError as error:
        raise PostmortemError(f"cannot read {path}: {_reason(error)}.") from None
    if len(raw) > max_bytes:
        raise FormatError(too_big)
    return raw


def read_text(path: Path, max_bytes: int = MAX_IMPORT_BYTES) -> str:
    """A UTF-8 text file to import, with a clear message for each way it can be unusable."""
    raw = read_source(path, max_bytes)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise FormatError(f"{path.name} is not UTF-8 text.") from None


def write_file(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` durably and atomically (see the module's docstring).

    Raises ``FormatError`` for a target that is not a file, ``PostmortemError`` for any failure
    of the environment (full disk, read-only folder, …); in both cases the target is unchanged
    and no temporary file is left behind.
    """
    check_target(path)
    try:
        with replacing(path) as temporary:
            descriptor = os.open(temporary, os.O_WRONLY | os.O_NOFOLLOW)
            try:
                _keep_mode(path, descriptor)
                _write_all(descriptor, data)
            finally:
                os.close(descriptor)
    except OSError as error:
        raise PostmortemError(
            f"cannot write {path}: {_reason(error)}; nothing was written."
        ) from None


@contextmanager
def replacing(path: Path) -> Iterator[Path]:
    """For a writer that needs a file name (SQLite's backup): a new, exclusively created empty
    file beside ``path``; when the block ends well it is fsynced and renamed over ``path``,
    otherwise removed. Nothing is ever written through a symlink planted at ``path``."""
    folder = _folder_of(path)
    temporary, descriptor = _create_temporary(path, folder)
    os.close(descriptor)
    try:
        yield temporary
        synced = os.open(temporary, os.O_RDONLY | os.O_NOFOLLOW)
        try:
            os.fsync(synced)  # the bytes are on disk before the name points at them
        finally:
            os.close(synced)
        os.replace(temporary, path)
    except BaseException:
        _remove_quietly(temporary)
        raise
    _sync_folder(folder)


def _create_temporary(path: Path, folder: Path) -> tuple[Path, int]:
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0)
    for _ in range(_ATTEMPTS):
        temporary = folder / f".{path.name[:100]}.{secrets.token_hex(8)}.tmp"
        try:
            return temporary, os.open(temporary, flags, 0o666)
        except FileExistsError:
            continue
        except OSError as error:
            raise PostmortemError(f"cannot write {path}: {_reason(error)}.") from None
    raise PostmortemError(f"cannot write {path}: no free temporary name in {folder}.")


def _keep_mode(path: Path, descriptor: int) -> None:
    """A file written over keeps its permissions (a private 0600 export stays private)."""
    try:
        status = os.lstat(path)
    except FileNotFoundError:
        return
    if stat.S_ISREG(status.st_mode):
        os.fchmod(descriptor, stat.S_IMODE(status.st_mode))


def _write_all(descriptor: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(descriptor, view)
        view = view[written:]


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable; file systems that cannot sync a folder are tolerated."""
    try:
        descriptor = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError as error:
        if error.errno not in (errno.EINVAL, errno.ENOTSUP, errno.EBADF):
            raise PostmortemError(
                f"cannot make {folder} durable: {_reason(error)}; the file may not survive "
                "a power cut."
            ) from None
    finally:
        os.close(descriptor)


def _remove_quietly(path: Path) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


def _reason(error: OSError) -> str:
    """The environment problem in words a user can act on."""
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return "the disk is full"
    if error.errno in (errno.EACCES, errno.EPERM):
        return "permission denied (read-only folder?)"
    if error.errno == errno.EROFS:
        return "the file system is read-only"
    return (error.strerror or str(error)).rstrip(".")
