"""Reading input files: one clear InputError naming the file for a missing file, a directory,
an unreadable file, binary data or text that is not UTF-8 (or UTF-16/32 with a byte-order mark)."""

from __future__ import annotations

from pathlib import Path

from summariser.errors import InputError


def missing(path: str | Path) -> str:
    """Why a path that is neither a file nor a directory is not there."""
    import errno
    import os

    try:
        os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "a loop of symbolic links (a link that leads back to itself)"
        if os.path.islink(path):
            return "a symbolic link to a file that does not exist"
        if exc.errno == errno.EACCES:
            return "cannot be reached (permission denied)"
    return "no such file or directory"


def existing_file(path: str | Path, kind: str) -> Path:
    """The path, if it is a file; InputError naming it otherwise ("not an article file")."""
    p = Path(path)
    if not p.exists():
        raise InputError(missing(path), str(path))
    if p.is_dir():
        raise InputError(f"this is a directory, not {kind}", str(path))
    return p


def read_bytes(p: Path, name: str) -> bytes:
    try:
        return p.read_bytes()
    except OSError as exc:
        raise InputError(f"the file cannot be read ({exc.strerror})", name) from None


def reject_binary(raw: bytes, name: str) -> None:
    if b"\0" in raw:
        raise InputError(f"this is binary data, not text (NUL byte at offset {raw.index(0)})",
                         name)


def decode_utf8(raw: bytes, name: str) -> str:
    """UTF-8 text, a byte-order mark dropped; InputError naming the first bad byte otherwise."""
    try:
        # Not the utf-8-sig codec: its error offsets would not count the byte-order mark.
        return raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        raise InputError(f"this is not UTF-8 text (byte 0x{raw[exc.start]:02x} at offset "
                         f"{exc.start} is invalid); save it as UTF-8", name) from None


_BOMS = (("\xff\xfe\x00\x00", "utf-32"), ("\x00\x00\xfe\xff", "utf-32"),
         ("\xff\xfe", "utf-16"), ("\xfe\xff", "utf-16"))


def decode_text(raw: bytes, name: str) -> str:
    """The text of a file: UTF-16 or UTF-32 when it starts with their byte-order mark (their
    NUL bytes are not binary), UTF-8 otherwise; InputError for binary data or bad bytes."""
    for bom, codec in _BOMS:
        if raw.startswith(bom.encode("latin-1")):
            try:
                text = raw.decode(codec)
            except UnicodeDecodeError as exc:
                raise InputError(f"this is not valid {codec.upper()} text (bad bytes at offset "
                                 f"{exc.start}) although it starts like it", name) from None
            if "\0" in text:
                raise InputError("this is binary data, not text (a NUL character)", name)
            return text.removeprefix("\ufeff")
    reject_binary(raw, name)
    return decode_utf8(raw, name)
