"""Dates as the officer types and reads them: dd/mm/yyyy."""

import re
from datetime import date

from kscdesk.domain.errors import InvalidDate

_DATE = re.compile(r"(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})")


def parse_date(text: str) -> date:
    """ "05/03/2025", "5/3/2025", "05-03-2025" → 5 March 2025; InvalidDate otherwise."""
    match = _DATE.fullmatch(text.strip())
    if match is None:
        raise InvalidDate(f"Ngày “{text.strip()}” không đọc được: ghi theo dạng ngày/tháng/năm.")
    day, month, year = (int(group) for group in match.groups())
    try:
        return date(year, month, day)
    except ValueError:
        raise InvalidDate(f"Ngày “{text.strip()}” không có trên lịch.") from None


def format_date(value: date | None) -> str:
    """dd/mm/yyyy, or "" for no date."""
    return f"{value:%d/%m/%Y}" if value is not None else ""
