"""kscdesk: plans for controlling administrative procedures (KSTT) at commune level."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("kscdesk")
except PackageNotFoundError:  # running from a source tree that was not installed
    __version__ = "0.0.0"

APP_NAME = "kscdesk"
APP_TITLE = "kscdesk – Kiểm soát thủ tục hành chính"
