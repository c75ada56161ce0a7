"""Fuzz cases of plan .docx files: the XML of the main part, and odd but well-formed plans."""

import random
import re
from io import BytesIO

from helpers import hostile_files as hf

from fuzz.zip_mutations import member, replace_member

DOCUMENT = "word/document.xml"
HOSTILE_TEXTS = (
    "UBND\\1",
    "\\Lạng",
    "\\g<0>",
    "(?P<x>",
    "%1%2%9",
    "a" * 5000,
    "\u202e\u200b\ufeff",
    "Quy\u0301 I",  # decomposed
    "))))))))))))",
    "- - - - -",
    "1.1.1.1.1.1.1.1.1.1.1.1.1.1",
    "Phần XIVIVIVIVIVIV",
    "1= " + " 1" * 2000 + "x",
    "chủ trì" + " " * 3000 + ";",
)
HOSTILE_VALUES = ("-1", "x", "", "1e999", "99999999999999999999", "0", "2147483648", "restart")


def docx_bytes(**kwargs: object) -> bytes:
    buffer = BytesIO()
    hf.plan_docx(buffer, **kwargs)  # type: ignore[arg-type]
    return buffer.getvalue()


def _document(base: bytes) -> str:
    return member(base, DOCUMENT).decode("utf-8", "replace")


def broken_xml(rng: random.Random, base: bytes) -> bytes:
    text = _document(base)
    position = rng.randrange(len(text))
    edit = rng.choice(("cut", "lt", "drop-gt", "bad-char", "bad-ref"))
    if edit == "cut":
        text = text[:position]
    elif edit == "lt":
        text = f"{text[:position]}<{text[position:]}"
    elif edit == "drop-gt":
        gt = text.find(">", position)
        text = text[:gt] + text[gt + 1 :] if gt != -1 else text
    elif edit == "bad-char":
        text = f"{text[:position]}\x01\x0b{text[position:]}"
    else:
        t = text.find("<w:t", position)
        end = text.find(">", t)
        text = text[: end + 1] + "&#0;&#xD800;&nope;" + text[end + 1 :] if t != -1 else text
    return replace_member(base, DOCUMENT, text.encode("utf-8", "surrogatepass"))


def deep_nesting(rng: random.Random, base: bytes) -> bytes:
    depth = rng.choice((50, 200, 255, 400, 3000, 30000))
    kind = rng.choice(("sdt", "tbl", "hyperlink"))
    if kind == "sdt":
        inner = (
            "<w:sdt><w:sdtContent>" * depth + hf.paragraph("x") + "</w:sdtContent></w:sdt>" * depth
        )
    elif kind == "tbl":
        depth //= 3
        inner = "<w:tbl><w:tr><w:tc>" * depth + "<w:p/>" + "</w:tc></w:tr></w:tbl>" * depth
    else:
        inner = (
            "<w:p>"
            + "<w:hyperlink>" * depth
            + "<w:r><w:t>x</w:t></w:r>"
            + "</w:hyperlink>" * depth
            + "</w:p>"
        )
    rows = [*hf.plan_rows(3), ["4", hf.Raw(f"<w:tc>{inner}<w:p/></w:tc>"), "", "", ""]]
    return docx_bytes(rows=rows)


def huge_span(rng: random.Random, base: bytes) -> bytes:
    rows = hf.plan_rows(rng.randint(2, 30))
    for _ in range(rng.randint(1, 4)):
        row = rng.choice(rows)
        span = rng.choice(("1000000000", "2147483648", "10" * 20, "-1", "65", "1000", "x"))
        props = rng.choice(
            (
                f'<w:gridSpan w:val="{span}"/>',
                "<w:vMerge/>",
                f'<w:vMerge w:val="{rng.choice(HOSTILE_VALUES)}"/><w:gridSpan w:val="{span}"/>',
                "<w:hMerge/>",
            )
        )
        row[rng.randrange(len(row))] = hf.Raw(hf.cell("ô gộp", props))
    if rng.random() < 0.3:
        before = (
            f'<w:trPr><w:gridBefore w:val="{rng.choice(("1000000000", "-3", "64"))}"/></w:trPr>'
        )
        rows.append([hf.Raw(f"{before}{hf.cell('1')}")])
    return docx_bytes(rows=rows)


def huge_cell(rng: random.Random, base: bytes) -> bytes:
    kind = rng.choice(("limit", "lines", "closers", "near-limit", "megabyte"))
    text = {
        "limit": lambda: "x" * 100_001,
        "lines": lambda: "\n".join(f"dòng {n}" for n in range(10_000)),
        "closers": lambda: "\n".join(")" for _ in range(20_000)),
        "near-limit": lambda: ("Nội dung dài " * 7_000)[:90_000],
        "megabyte": lambda: "\n".join("chữ" for _ in range(300_000)),
    }[kind]()
    rows = [*hf.plan_rows(2), ["3", text, "Báo cáo", "Văn phòng", "Quý I"]]
    if kind == "lines":  # one paragraph with line breaks rather than many paragraphs
        rows[-1][1] = hf.Raw(
            "<w:tc><w:p><w:r>"
            + "<w:br/>".join(f"<w:t>dòng {n}</w:t>" for n in range(10_000))
            + "</w:r></w:p></w:tc>"
        )
    return docx_bytes(rows=rows)


def many_rows(rng: random.Random, base: bytes) -> bytes:
    kind = rng.choice(("continuation", "over-limit", "vmerge-chain", "numbered"))
    rows: list[list[str | hf.Raw]] = hf.plan_rows(1)
    if kind == "continuation":
        rows += [["", f"tiếp {n}", "", "", ""] for n in range(8_000)]
    elif kind == "over-limit":
        rows += [["", "x", "", "", ""] for _ in range(10_001)]
    elif kind == "vmerge-chain":
        rows[0][1] = hf.Raw(hf.cell("Nội dung gộp dọc " * 50, '<w:vMerge w:val="restart"/>'))
        merged = hf.Raw(hf.cell("", "<w:vMerge/>"))
        rows += [["", merged, f"kết quả {n}", "", ""] for n in range(8_000)]
    else:
        rows = [[f"{n % 999 + 1}", f"Nhiệm vụ {n}", "", "", ""] for n in range(6_000)]
    return docx_bytes(rows=rows)


def attribute_noise(rng: random.Random, base: bytes) -> bytes:
    text = _document(base)
    spots = [m.start(1) for m in re.finditer(r'w:val="([^"]*)"', text)]
    for start in sorted(rng.sample(spots, min(len(spots), rng.randint(1, 12))), reverse=True):
        end = text.index('"', start)
        text = text[:start] + rng.choice(HOSTILE_VALUES) + text[end:]
    return replace_member(base, DOCUMENT, text.encode())


def text_noise(rng: random.Random, base: bytes) -> bytes:
    text = _document(base)
    spots = [m.end() for m in re.finditer(r"<w:t(?: [^>]*)?>", text)]
    for start in sorted(rng.sample(spots, min(len(spots), rng.randint(1, 20))), reverse=True):
        noise = rng.choice(HOSTILE_TEXTS).replace("&", "&amp;").replace("<", "&lt;")
        text = text[:start] + noise + text[start:]
    return replace_member(base, DOCUMENT, text.encode())


def numbering(rng: random.Random, base: bytes) -> bytes:
    fmt = rng.choice(("upperRoman", "lowerRoman", "upperLetter", "decimal", "bullet", "weird"))
    start = rng.choice((1, 0, -5, 4000, 10**7, 10**18))
    ilvl = rng.choice(("0", "x", "9", "-1", "99999999999999999999"))
    body = "".join(hf.paragraph(f"Mục {n}", hf.NUMBERED) for n in range(rng.randint(1, 40)))
    return docx_bytes(
        body=body + hf.plan_body(hf.plan_rows(3)), numbering=hf.numbering_xml(fmt, start, ilvl)
    )


def wrong_root(rng: random.Random, base: bytes) -> bytes:
    document = rng.choice(
        (
            "<junk/>",
            f'<w:document xmlns:w="{hf.W_NS}"/>',
            f'<w:document xmlns:w="{hf.W_NS}"><w:body/></w:document>',
            f'<w:document xmlns:w="{hf.W_NS}"><w:tbl/></w:document>',
            '<?xml version="1.0" encoding="UTF-16"?><w:document/>',
            "\x00\x01binary",
            f'<document xmlns="urn:x"><body>{hf.plan_body(hf.plan_rows(2))}</body></document>',
        )
    )
    return docx_bytes(document=document)


def semantic(rng: random.Random, base: bytes) -> bytes:
    rows = hf.plan_rows(rng.randint(1, 40))
    kind = rng.choice(
        (
            "header-only",
            "sections-only",
            "shuffled",
            "header-every-row",
            "letters",
            "two-tables",
            "no-preamble",
            "empty-cells",
        )
    )
    preamble = list(hf.PREAMBLE)
    if kind == "header-only":
        rows = []
    elif kind == "sections-only":
        rows = [[code, f"Mục {code}", "", "", ""] for code in ("I", "II", "III", "A", "B")]
    elif kind == "shuffled":
        rng.shuffle(rows)
    elif kind == "header-every-row":
        rows = [r for row in rows for r in (list[str | hf.Raw](hf.HEADER), row)]
    elif kind == "letters":
        rows = [[rng.choice("abcđxyz"), f"việc {n}", "", "", ""] for n in range(20)]
    elif kind == "two-tables":
        body = hf.plan_body(rows) + hf.table([list[str | hf.Raw](hf.HEADER), *rows])
        return docx_bytes(body=body)
    elif kind == "no-preamble":
        preamble = []
    else:
        rows = [["", "", "", "", ""] for _ in range(50)]
    return docx_bytes(rows=rows, preamble=preamble)


def style_chain(rng: random.Random, base: bytes) -> bytes:
    length = rng.choice((300, 5_000, 20_000))
    body = "".join(
        hf.paragraph(f"Mục {n}", f'<w:pStyle w:val="s{rng.randrange(length)}"/>')
        for n in range(rng.randint(1, 300))
    )
    return docx_bytes(
        body=body + hf.plan_body(hf.plan_rows(3)),
        numbering=hf.numbering_xml(rng.choice(("decimal", "upperRoman", "bullet"))),
        styles=hf.style_chain_xml(length, list_style=rng.random() < 0.7),
    )


XML_CASES = {
    "style-chain": (style_chain, 3),
    "broken-xml": (broken_xml, 12),
    "deep-nesting": (deep_nesting, 8),
    "huge-span": (huge_span, 10),
    "huge-cell": (huge_cell, 6),
    "many-rows": (many_rows, 5),
    "attribute-noise": (attribute_noise, 12),
    "text-noise": (text_noise, 12),
    "numbering": (numbering, 10),
    "wrong-root": (wrong_root, 7),
    "semantic": (semantic, 12),
}
