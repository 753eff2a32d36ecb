// The version every front end reports (`--version`, the About page, the status endpoint) is the
// project's, from CMakeLists.txt, and nothing else.
#include "version.h"

#include <QRegularExpression>
#include <QtTest>

class TestVersion : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void versionString_isTheProjectVersion_majorMinorPatch()
    {
        QCOMPARE(ct::versionString(), QStringLiteral(CHANNELTRAY_PROJECT_VERSION));
        QVERIFY(QRegularExpression(QStringLiteral("^\\d+\\.\\d+\\.\\d+$")).match(ct::versionString()).hasMatch());
    }
};

QTEST_GUILESS_MAIN(TestVersion)
#include "tst_version.moc"
