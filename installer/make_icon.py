"""Draw kscdesk's icon (resources/icons/kscdesk.ico and .png) with Qt; run once, commit the files.

QT_QPA_PLATFORM=offscreen python installer/make_icon.py
"""

import sys
from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPainter, QPen

ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"


def draw(size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    margin = size * 0.06
    box = QRectF(margin, margin, size - 2 * margin, size - 2 * margin)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("#1f5fa8"))
    painter.drawRoundedRect(box, size * 0.18, size * 0.18)
    # a ticked checklist: three lines, the first ticked
    pen = QPen(QColor("white"), max(1.0, size * 0.06))
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    painter.setPen(pen)
    for row in range(3):
        y = size * (0.27 + row * 0.15)
        painter.drawLine(int(size * 0.45), int(y), int(size * 0.78), int(y))
    painter.setPen(QPen(QColor("#ffd23f"), max(1.0, size * 0.07)))
    painter.drawLine(int(size * 0.2), int(size * 0.28), int(size * 0.27), int(size * 0.35))
    painter.drawLine(int(size * 0.27), int(size * 0.35), int(size * 0.38), int(size * 0.19))
    font = QFont("DejaVu Sans", max(6, int(size * 0.11)))
    font.setBold(True)
    painter.setFont(font)
    painter.setPen(QColor("white"))
    painter.drawText(
        QRectF(0, size * 0.66, size, size * 0.24), Qt.AlignmentFlag.AlignCenter, "KSTT"
    )
    painter.end()
    return image


def main() -> int:
    QGuiApplication(sys.argv[:1])
    ICONS.mkdir(parents=True, exist_ok=True)
    ok = draw(256).save(str(ICONS / "kscdesk.ico")) and draw(256).save(str(ICONS / "kscdesk.png"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
