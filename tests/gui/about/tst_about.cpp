// The About box shows the one version CMakeLists.txt sets (the same --version prints, the
// AppStream release and the package carry), taken from QCoreApplication::applicationVersion().
#include "about/aboutbox.h"
#include "version.h"

#include <QApplication>
#include <QMessageBox>
#include <QTimer>
#include <QtTest>

class TestAbout : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void aboutBox_showsTheProjectVersion()
    {
        QCOMPARE(ct::versionString(), QStringLiteral(CHANNELTRAY_PROJECT_VERSION));
        QCoreApplication::setApplicationVersion(ct::versionString());
        QString shown;
        QTimer poll; // until the box is up, then read and close it
        connect(&poll, &QTimer::timeout, this, [&shown] {
            if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
                shown = box->text();
                box->accept();
            }
        });
        poll.start(10);
        ct::ui::showAboutBox(nullptr);
        poll.stop();
        QVERIFY(shown.contains(QStringLiteral("ChannelTray " CHANNELTRAY_PROJECT_VERSION)));
        QCOMPARE(shown, ct::ui::aboutText(QStringLiteral(CHANNELTRAY_PROJECT_VERSION)));
    }
};

QTEST_MAIN(TestAbout)
#include "tst_about.moc"
