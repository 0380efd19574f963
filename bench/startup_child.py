"""One start-up or one whole session in a fresh process, for bench/run.py.

    python bench/startup_child.py baseline   # a bare QApplication with a two-page QWizard: prints 'painted'
    python bench/startup_child.py app        # the self-check on its welcome screen: prints 'painted'
    python bench/startup_child.py session    # answers tapped in, result, PDF, language switch

Each prints its peak resident memory as 'maxrss_kb N' at the end.
"""

from __future__ import annotations

import os
import resource
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def quiet_qt() -> None:
    """Drop the offscreen platform's notes that it ignores window-manager hints; keep every other message."""
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    ignored = ("does not support propagateSizeHints", "does not support raise")

    def handler(kind: QtMsgType, _context: object, message: str) -> None:
        if not any(text in message for text in ignored):
            print(f"{kind.name}: {message}", file=sys.stderr)

    qInstallMessageHandler(handler)


def main(kind: str) -> int:
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QWidget

    quiet_qt()

    class FirstPaint(QObject):
        def __init__(self, app: QApplication) -> None:
            super().__init__()
            self.app = app
            self.done = False

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
            if event.type() == QEvent.Type.Paint and not self.done:
                self.done = True
                print("painted", flush=True)
                QTimer.singleShot(0, self.app.quit)
            return False

    if kind == "session":
        return session()
    if kind == "baseline":
        from PySide6.QtWidgets import QLabel, QVBoxLayout, QWizard, QWizardPage

        app = QApplication(sys.argv[:1])
        window: QWidget = QWizard()
        for text in ("First page", "Second page"):
            page = QWizardPage()
            QVBoxLayout(page).addWidget(QLabel(text))
            window.addPage(page)  # type: ignore[attr-defined]
        watched: QWidget = window
    else:
        from ui.app import build_window, create_app

        app = create_app()
        screener_window, _hub = build_window("ja", region="jp")
        window = screener_window
        watched = screener_window.screen_widget("welcome")
    spy = FirstPaint(app)
    watched.installEventFilter(spy)
    window.show()
    app.exec()
    print(f"maxrss_kb {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}", flush=True)
    return 0


def session() -> int:
    """A person's whole visit, tapped: every answer of the worst case, the result, a PDF, the other language."""
    import json
    import tempfile

    from screener.answer_sheet import AnswerSheet
    from screener.answers import Answers
    from ui.app import build_window, create_app
    from ui.summary import default_paper, write_pdf
    from ui.tour import Tapper, answer_screen, settle

    app = create_app()
    window, hub = build_window("ja", region="jp")
    window.resize(1280, 800)
    window.show()
    settle()
    window.warm_up()
    wanted = AnswerSheet()
    wanted.load(Answers.model_validate(json.loads((ROOT / "examples" / "worst-case.json").read_text("utf-8"))))
    tapper = Tapper()
    tapper.tap(window.footer.next_button)
    while window.current_id() != "review":
        answer_screen(window, wanted, tapper)
    tapper.tap(window.footer.next_button)
    assert window.result is not None and window.answers is not None
    with tempfile.TemporaryDirectory() as folder:
        write_pdf(Path(folder) / "summary.pdf", window.result, window.answers, default_paper("ja"))
    hub.set_language("en")
    settle()
    del app
    print(f"maxrss_kb {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
