"""DeriveDialog: make the commune's own plan from a parent plan or from last year's own plan."""

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from kscdesk.domain.model import PlanKind
from kscdesk.services.errors import ServiceError
from kscdesk.services.offices import get_profile
from kscdesk.services.plan_update import apply_carried, offer_carry_forward
from kscdesk.services.tailor_plan import derive_plan, offered_rules
from kscdesk.services.workspace import Workspace
from kscdesk.store import plans
from kscdesk.ui import keyboard, prompts, window_state


class DeriveDialog(QDialog):
    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("derive_dialog")
        self.setWindowTitle("Lập kế hoạch của đơn vị")
        self.resize(620, 230)
        self._ws = ws
        self.plan_uid: str | None = None
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.source_combo = QComboBox(self)
        self.source_combo.setObjectName("source_combo")
        summaries = plans.list_plans(ws.db)
        for summary in summaries:
            prefix = "Cấp trên" if summary.kind is PlanKind.PARENT else "Của đơn vị"
            self.source_combo.addItem(f"{summary.year} – {prefix}: {summary.title}", summary.uid)
        # The usual source is the newest parent plan, whatever order the plans are listed in.
        parents = [s for s in summaries if s.kind is PlanKind.PARENT]
        if parents:
            newest = max(parents, key=lambda s: (s.year, s.version))
            self.source_combo.setCurrentIndex(self.source_combo.findData(newest.uid))
        form.addRow("Lập từ kế hoạch:", self.source_combo)
        self.office_edit = QLineEdit(self)
        self.office_edit.setObjectName("office_edit")
        office = get_profile(ws).office
        if office is not None:
            self.office_edit.setText(office.name)
            self.office_edit.setEnabled(False)
        self.office_edit.setPlaceholderText("Ví dụ: Phường Phổ Ninh")
        form.addRow("Xã, phường:", self.office_edit)
        self.rules_check = QCheckBox("Áp dụng quy tắc thay từ (đã lưu, hoặc gợi ý theo cấp)", self)
        self.rules_check.setObjectName("rules_check")
        self.rules_check.setChecked(True)
        form.addRow("", self.rules_check)
        layout.addLayout(form)
        note = QLabel("Mỗi nhiệm vụ giữ liên kết với dòng của kế hoạch gốc.", self)
        note.setWordWrap(True)
        layout.addWidget(note)
        buttons = QDialogButtonBox(self)
        ok = buttons.addButton("Lập kế hoạch", QDialogButtonBox.ButtonRole.AcceptRole)
        ok.setObjectName("derive_ok")
        buttons.addButton("Hủy", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.derive)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        keyboard.tab_never_traps(self)
        window_state.fit_to_screen(self)

    def derive(self) -> None:
        source = self.source_combo.currentData()
        if not isinstance(source, str):
            return
        name = self.office_edit.text() if self.office_edit.isEnabled() else None
        try:
            rules = offered_rules(self._ws, source, name) if self.rules_check.isChecked() else []
            self.plan_uid = derive_plan(self._ws, source, office_name=name, rules=rules)
        except ServiceError as error:
            prompts.show_warning(self, "Không lập được kế hoạch", str(error))
            return
        self._offer_last_years_edits()
        self.accept()

    def _offer_last_years_edits(self) -> None:
        assert self.plan_uid is not None
        new = plans.load_plan(self._ws.db, self.plan_uid)
        last = [
            s
            for s in plans.list_plans(self._ws.db)
            if s.kind is PlanKind.OWN and s.year == new.year - 1
        ]
        if not last:
            return
        offer = offer_carry_forward(self._ws, self.plan_uid, last[0].uid)
        if not offer.carried and not offer.not_carried:
            return
        lost = "\n".join(f"- Nhiệm vụ {u.label} ({u.field}): {u.reason}" for u in offer.not_carried)
        text = (
            f"Có {len(offer.carried)} sửa đổi của kế hoạch năm {last[0].year} áp dụng được cho "
            "các dòng tương ứng năm nay. Áp dụng?"
        )
        if lost:
            text += f"\n\nKhông mang sang được:\n{lost}"
        if offer.carried and prompts.ask_yes_no(self, "Sửa đổi năm trước", text):
            apply_carried(self._ws, self.plan_uid, offer.carried)
        elif not offer.carried:
            prompts.show_info(self, "Sửa đổi năm trước", text)
