"""A received report's tasks as the commune sent them, uids and texts included: they stay in the
package's data, kept with it; the consolidated rows hold only what every consolidation reads."""

import json

from kscdesk.domain.exchange import ReportTask
from kscdesk.formats.package.report_json import InvalidData, report_from_json
from kscdesk.services.workspace import Workspace
from kscdesk.store import exchange


def received_tasks(ws: Workspace, package_id: str) -> tuple[ReportTask, ...]:
    """The tasks of the report package, in the order sent (checked when it was imported); none
    when its data is not there."""
    text = exchange.package_data(ws.db, package_id)
    try:
        return report_from_json(json.loads(text), build_evidence=False).tasks
    except (ValueError, RecursionError, InvalidData):
        return ()
