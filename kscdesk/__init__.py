"""kscdesk: plans for controlling administrative procedures (KSTT) at commune level."""

# The one place the version is written: pyproject.toml reads it from here (setuptools dynamic
# version). A literal, not importlib.metadata, which would add ~20 ms to every start.
__version__ = "0.1.0"

APP_NAME = "kscdesk"
APP_TITLE = "kscdesk – Kiểm soát thủ tục hành chính"
