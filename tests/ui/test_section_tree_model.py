from pytestqt.modeltest import ModelTester

from PySide6.QtWidgets import QApplication

from kscdesk.services.workspace import Workspace
from kscdesk.store import plans
from kscdesk.ui.section_tree_model import CODE_ROLE, WHOLE_PLAN, SectionTreeModel


def test_sections_follow_the_plan_after_a_whole_plan_row(
    demo_workspace: Workspace, vietnamese_app: QApplication, qtmodeltester: ModelTester
) -> None:
    plan_uid = plans.list_plans(demo_workspace.db)[0].uid
    model = SectionTreeModel(demo_workspace.db)
    model.set_plan(plan_uid)
    qtmodeltester.check(model)
    assert model.index(0, 0).data() == WHOLE_PLAN
    assert model.code_at(model.index(0, 0)) is None
    top_codes = [model.index(r, 0).data(CODE_ROLE) for r in range(1, model.rowCount())]
    sections = plans.list_sections(demo_workspace.db, plan_uid)
    assert top_codes == [s.code for s in sections if s.parent_code is None]
    assert model.index(1, 0).data() == f"{sections[0].code}. {sections[0].title}"


def test_no_plan_means_no_rows(demo_workspace: Workspace, vietnamese_app: QApplication) -> None:
    model = SectionTreeModel(demo_workspace.db)
    model.set_plan(None)
    assert model.rowCount() == 0
