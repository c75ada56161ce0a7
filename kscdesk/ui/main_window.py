"""MainWindow: assembles the navigation, the panels, the menus and the status bar; nothing more."""

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, QTimer, QUrl
from PySide6.QtGui import QCloseEvent, QDesktopServices, QDragEnterEvent, QDropEvent, QIcon
from PySide6.QtWidgets import QLabel, QListWidgetItem, QMainWindow, QWidget

from kscdesk import APP_TITLE, paths
from kscdesk.ui import daily_actions, keyboard, window_state
from kscdesk.ui.actions import (
    FileMenuSlots,
    HelpMenuSlots,
    WorkMenuSlots,
    build_file_menu,
    build_help_menu,
    build_work_menu,
)
from kscdesk.ui.generated.ui_main_window import Ui_MainWindow
from kscdesk.ui.pages import PAGES

if TYPE_CHECKING:  # imported when the workspace is attached, after the window is on screen
    from kscdesk.services.workspace import Workspace
    from kscdesk.ui.about_dialog import AboutDialog
    from kscdesk.ui.help_dialog import HelpDialog
    from kscdesk.ui.plan_panel import PlanPanel
    from kscdesk.ui.shortcuts_dialog import ShortcutsDialog

APP_ICON = ("icons", "kscdesk.png")
PACKAGE_SUFFIX = ".kscx"  # an exchange package (kscdesk.formats.package)

_NAV_STYLE = """
QListWidget#nav_list { background: palette(window); border-right: 1px solid palette(mid);
    padding-top: 8px; outline: 0; }
QListWidget#nav_list::item { padding: 9px 14px; border-radius: 4px; margin: 1px 6px; }
QListWidget#nav_list::item:selected { background: palette(highlight);
    color: palette(highlighted-text); }
"""


class MainWindow(QMainWindow):
    """The window the officer works in. It gets its Workspace explicitly; it is not a global.

    The window can be shown before the workspace is open (``attach_workspace`` comes later), so
    the officer sees it at once while the database and the plan views load.
    """

    def __init__(
        self, folder: Path, workspace: "Workspace | None" = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.folder = folder
        self.workspace: Workspace | None = None
        self.pages: dict[str, QWidget] = {}
        self._built: set[str] = set()
        self._restored_page = window_state.saved_page()
        self._help: HelpDialog | None = None
        self.ui = Ui_MainWindow()
        self.ui.setupUi(self)
        self.setWindowTitle(APP_TITLE)
        self._add_pages()
        self.actions_by_name = {
            **build_file_menu(
                self,
                self.ui.menu_bar,
                FileMenuSlots(
                    import_plan=lambda: self.import_plan(),  # not triggered(checked)
                    find=self.focus_search,
                    open_data_folder=self.open_data_folder,
                    quit_app=self.close,
                    backups=self.show_backups,
                ),
            ),
            **build_work_menu(
                self,
                self.ui.menu_bar,
                WorkMenuSlots(
                    new_evidence=lambda: daily_actions.new_evidence(self),
                    next_task=lambda: daily_actions.step_task(self, 1),
                    previous_task=lambda: daily_actions.step_task(self, -1),
                    build_report=lambda: daily_actions.build_report(self),
                ),
            ),
            **build_help_menu(
                self,
                self.ui.menu_bar,
                HelpMenuSlots(
                    show_guide=self.show_guide,
                    show_shortcuts=self.show_shortcuts,
                    show_about=self.show_about,
                ),
            ),
        }
        self._set_up_status_bar()
        self.setAcceptDrops(True)  # a plan file dropped on the window opens the import dialog
        if workspace is not None:
            self.attach_workspace(workspace)

    def attach_workspace(self, workspace: "Workspace") -> None:
        """Open the pages over the workspace: the page in view now, each other one when first
        shown (building every page at once kept the officer waiting for pages not looked at).

        Pages built over an earlier workspace (before a restore) read a closed database, so they
        go back to their placeholders first.
        """
        self.workspace = workspace
        for index, page in enumerate(PAGES):
            if page.name in self._built:
                self._replace(index, page.placeholder(), page.name)
        self._built.clear()
        self._finish_after_first_paint()
        wanted = self._restored_page if self._restored_page in self.pages else ""
        self._ensure_built(wanted or self.current_page().objectName())
        if wanted:
            self.show_page(wanted)

    def _replace(self, index: int, widget: QWidget, name: str) -> None:
        stack = self.ui.panel_stack
        current = stack.currentIndex()
        old = stack.widget(index)
        widget.setObjectName(name)
        stack.insertWidget(index, widget)
        if old is not None:
            stack.removeWidget(old)
            old.deleteLater()
        self.pages[name] = widget
        stack.setCurrentIndex(current)

    def _ensure_built(self, name: str) -> QWidget | None:
        """The page called ``name`` built over the open workspace (built now if need be)."""
        if name in self._built:
            return self.pages[name]
        names = [page.name for page in PAGES]
        if self.workspace is None or name not in names:
            return None
        index = names.index(name)
        build = PAGES[index].build
        if build is None:
            return None
        widget = build(self.workspace, self)
        self._replace(index, widget, name)
        self._built.add(name)
        window_state.restore_children(self, within=widget)
        keyboard.tab_never_traps(widget)
        return widget

    def _finish_after_first_paint(self) -> None:
        """What the first frame does not show, done once the data folder is open.

        Nothing before the first paint touches the ``Qt`` namespace: its first use builds ~90
        Python enums (about 15 ms, a tenth of a bundled start; benchmarks/bundle.py).
        """
        from PySide6.QtCore import Qt

        # The labels fit the navigation's width, so no scroll bar shows before this either.
        self.ui.nav_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.data_folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # Qt scales the 256-pixel drawing for each size.
        self.setWindowIcon(QIcon(str(paths.resource_path(*APP_ICON))))

    @property
    def plan_panel(self) -> "PlanPanel | None":
        """The plan page, once the workspace is open (None while it shows "loading")."""
        return self.built_page("plan_panel")  # type: ignore[return-value]

    def build_all_pages(self) -> None:
        """Build every page now (the shortcut list reads the actions every page adds)."""
        for page in PAGES:
            self._ensure_built(page.name)

    def built_page(self, name: str) -> QWidget | None:
        """The page called ``name`` over the open workspace (built on first use); None before
        the workspace is open."""
        return self._ensure_built(name)

    def _add_pages(self) -> None:
        nav = self.ui.nav_list
        nav.setStyleSheet(_NAV_STYLE)
        font = nav.font()
        font.setPointSizeF(font.pointSizeF() * 1.08)
        nav.setFont(font)
        for page in PAGES:
            widget = page.placeholder()
            widget.setObjectName(page.name)
            self.pages[page.name] = widget
            self.ui.panel_stack.addWidget(widget)
            item = QListWidgetItem(page.label, nav)
            item.setSizeHint(QSize(0, nav.fontMetrics().height() + 22))
        # Build a page the first time it is chosen, before the stack shows it.
        nav.currentRowChanged.connect(lambda row: self._ensure_built(PAGES[row].name))
        nav.currentRowChanged.connect(self.ui.panel_stack.setCurrentIndex)
        nav.setCurrentRow(0)

    def _set_up_status_bar(self) -> None:
        self.data_folder_label = QLabel(f"Thư mục dữ liệu: {self.folder}", self)
        self.data_folder_label.setObjectName("data_folder_label")
        self.ui.status_bar.addPermanentWidget(self.data_folder_label)

    # --- placement and remembered layout -------------------------------------------------------

    def show_on_screen(self) -> None:
        """Show the window inside its screen: where it was last time, or fitted (maximised on a
        small screen)."""
        if window_state.place_window(self):
            self.showMaximized()
        else:
            self.show()

    def closeEvent(self, event: QCloseEvent) -> None:
        window_state.save_window(self, self.current_page().objectName())
        super().closeEvent(event)

    # --- navigation -----------------------------------------------------------------------------

    def show_page(self, name: str) -> None:
        names = [page.name for page in PAGES]
        self.ui.nav_list.setCurrentRow(names.index(name))

    def current_page(self) -> QWidget:
        page = self.ui.panel_stack.currentWidget()
        assert page is not None  # the stack always holds every page
        return page

    # --- actions --------------------------------------------------------------------------------

    def import_plan(self, path: Path | None = None) -> str | None:
        """The import dialog (on ``path`` when given); shows the stored plan; its uid or None."""
        from kscdesk.ui.import_dialog import open_import_dialog

        plan_uid = open_import_dialog(self, self.folder, path)
        if plan_uid and self.plan_panel is not None:
            self.reload()
            self.show_page("plan_panel")
            self.plan_panel.select_plan(plan_uid)
            self.show_message("Đã lưu kế hoạch cấp trên.")
        return plan_uid

    def receive_file(self, name: str) -> None:
        """Another kscdesk start handed over its file ("" for none): come forward, open it."""
        if self.isMinimized():
            self.showNormal()
        self.raise_()
        self.activateWindow()
        if name:
            # After this signal returns: the import dialog is modal.
            QTimer.singleShot(0, self, lambda: self.open_file(Path(name)))

    def open_file(self, path: Path) -> None:
        """A file given on the command line, handed over or dropped: an exchange package (.kscx)
        goes to the Trao đổi page's import, any other file to the plan import."""
        if self.workspace is None:  # still opening the data folder: try again shortly
            QTimer.singleShot(200, self, lambda: self.open_file(path))
            return
        exchange = self.built_page("exchange_panel")
        side = getattr(exchange, "side", None)
        if path.suffix.lower() == PACKAGE_SUFFIX and side is not None:
            self.show_page("exchange_panel")
            side.import_paths(path)
            return
        self.import_plan(path)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        from kscdesk.ui.import_dialog import dropped_file

        if dropped_file(event.mimeData()) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        from kscdesk.ui.import_dialog import dropped_file

        path = dropped_file(event.mimeData())
        if path is not None:
            event.acceptProposedAction()
            # After the drop returns: a modal dialog inside it would hold Explorer's drag too.
            QTimer.singleShot(0, self, lambda: self.open_file(path))

    def focus_search(self) -> None:
        self.show_page("plan_panel")
        if self.plan_panel is not None:
            self.plan_panel.focus_search()

    def show_about(self) -> "AboutDialog":
        from PySide6.QtCore import Qt

        from kscdesk.ui.about_dialog import AboutDialog

        dialog = AboutDialog(self.folder, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()  # window-modal without a nested event loop
        return dialog

    def show_guide(self) -> "HelpDialog":
        """The user guide at the section of the page in use (one guide window, reused)."""
        from kscdesk.ui.help_dialog import HelpDialog

        if self._help is None:
            self._help = HelpDialog(self)
        self._help.show_topic(self.current_page().objectName())
        return self._help

    def show_shortcuts(self) -> "ShortcutsDialog":
        from PySide6.QtCore import Qt

        from kscdesk.ui.shortcuts_dialog import ShortcutsDialog

        dialog = ShortcutsDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def show_backups(self) -> bool:
        """Sao lưu và phục hồi…: back up now, or restore a backup (the data is reopened)."""
        from kscdesk.ui.data_safety import restore_from_menu

        restored = restore_from_menu(self)
        if restored:
            self.reload()
            self.show_message("Đã khôi phục dữ liệu từ bản sao lưu.")
        return restored

    def open_data_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.folder)))

    def reload(self) -> None:
        """Re-read the stored plans (after a background job changed them)."""
        if "plan_panel" in self._built and self.plan_panel is not None:
            self.plan_panel.reload_plans()

    def show_message(self, text: str, timeout_ms: int = 8000) -> None:
        self.ui.status_bar.showMessage(text, timeout_ms)
