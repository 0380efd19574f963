"""One start-up, timed: prints 'painted' when the first page has been painted, then the peak RSS at exit.

python bench/startup_child.py baseline   # a bare QApplication with a two-page QWizard
python bench/startup_child.py app        # the self-check's window on its welcome page
"""

from __future__ import annotations

import os
import resource
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main(kind: str) -> int:
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QWidget

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
        watched = window
    else:
        from ui.app import build_window, create_app

        app = create_app()
        window, _hub = build_window("ja")
        watched = window.welcome
    spy = FirstPaint(app)
    watched.installEventFilter(spy)
    window.show()
    app.exec()
    print(f"maxrss_kb {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}", flush=True)
    return 0


def session() -> int:
    import tempfile
    from pathlib import Path

    from PySide6.QtWidgets import QApplication
    from ui.pages.base import PageId

    from screener.answers import Answers
    from ui.app import build_window, create_app
    from ui.summary import write_pdf

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from run import WORST_CASE

    app = create_app()
    window, _hub = build_window("ja")
    window.show()
    QApplication.processEvents()
    window.warm_up()
    window.draft.load(Answers.model_validate(WORST_CASE))
    while window.current_id() != PageId.RESULT:
        window.go_next()
        QApplication.processEvents()
    with tempfile.TemporaryDirectory() as folder:
        write_pdf(Path(folder) / "summary.pdf", window.result, window.draft.to_answers(), "A4")  # type: ignore[arg-type]
    window.hub.set_language("en")
    QApplication.processEvents()
    del app
    print(f"maxrss_kb {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
