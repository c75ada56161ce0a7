"""``kscdesk indicator …`` commands: list an indicator's figures for a period, set its counts."""

import argparse
from typing import Any

from kscdesk.cli.common import (
    UserError,
    add_verbs,
    data_option,
    json_option,
    open_workspace,
    print_json,
    text_arg,
)


def register(nouns: Any) -> None:
    verbs = add_verbs(nouns, "indicator", "chỉ tiêu: xem số liệu theo kỳ, nhập số liệu")

    lst = verbs.add_parser("list", help="các chỉ tiêu với chỉ tiêu giao, số liệu, tỷ lệ trong kỳ")
    lst.add_argument("--period", metavar="KỲ", type=text_arg, required=True, help="vd. 2025-Q1")
    data_option(lst)
    json_option(lst)
    lst.set_defaults(handler=cmd_list)

    put = verbs.add_parser("set", help="nhập tử số và mẫu số của một chỉ tiêu trong kỳ")
    put.add_argument("indicator", metavar="CHỈ_TIÊU", type=text_arg, help="số thứ tự hoặc mã")
    put.add_argument("--period", metavar="KỲ", type=text_arg, required=True)
    put.add_argument("--num", metavar="TỬ_SỐ", type=int, required=True)
    put.add_argument("--den", metavar="MẪU_SỐ", type=int, required=True)
    data_option(put)
    put.set_defaults(handler=cmd_set)


def cmd_list(args: argparse.Namespace, gui: Any) -> int:
    from kscdesk.domain.indicators import format_figure, met_label
    from kscdesk.services.indicators import list_figures, parse_period

    period = parse_period(args.period)
    with open_workspace(args) as ws:
        figures = list_figures(ws, period.key)
    if args.json:
        print_json(
            {
                "period": period.key,
                "indicators": [
                    {
                        "id": f.indicator.uid,
                        "number": f.indicator.number,
                        "name": f.indicator.name,
                        "unit": f.indicator.unit,
                        "target": f.target_text,
                        "numerator": f.numerator,
                        "denominator": f.denominator,
                        "rate": None if f.rate is None else round(float(f.rate), 2),
                        "met": f.met,
                    }
                    for f in figures
                ],
            }
        )
        return 0
    if not figures:
        print("Kế hoạch chưa có chỉ tiêu nào.")
    for f in figures:
        has_counts = f.numerator is not None and f.denominator is not None
        figure = format_figure(f.numerator or 0, f.denominator or 0) if has_counts else "chưa có"
        print(
            f"{f.indicator.number}. {f.indicator.name} [{f.indicator.uid[:8]}]\n"
            f"   chỉ tiêu {f.target_text}; kết quả {figure}; {met_label(f.met)}"
        )
    return 0


def cmd_set(args: argparse.Namespace, gui: Any) -> int:
    from kscdesk.domain.indicators import format_figure
    from kscdesk.services.indicators import parse_period, set_counts

    period = parse_period(args.period)
    if args.num < 0 or args.den < 0:
        raise UserError("Tử số và mẫu số không được âm.")
    with open_workspace(args) as ws:
        item = set_counts(ws, args.indicator, period.key, args.num, args.den)
    print(f"Đã lưu chỉ tiêu {item.number} kỳ {period.label}: {format_figure(args.num, args.den)}")
    return 0
