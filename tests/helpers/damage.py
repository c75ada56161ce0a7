"""Damage a database file the way a failing disk or a cut power line would."""

from pathlib import Path


def damage(path: Path, page: int = 4096) -> None:
    """Overwrite every other page after the first: the header still reads, the data does not."""
    data = bytearray(path.read_bytes())
    assert len(data) > 4 * page, "the database must have a few pages to damage"
    for offset in range(page, len(data) - page, 2 * page):
        data[offset : offset + page] = b"\xde\xad\xbe\xef" * (page // 4)
    path.write_bytes(bytes(data))
