// Every visible string of ui/ (and of core/ and the tray wiring, whose messages the tray shows) has a Chinese translation: lupdate runs over the sources into a
// copy of translations/channeltray_zh_CN.ts, and any message left unfinished fails the test.
// The translations are built into the binary and --lang picks them.
#include "common/translations.h"

#include <QDir>
#include <QProcess>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <QtTest>

class TestTranslations : public QObject
{
    Q_OBJECT
    QString m_source = qEnvironmentVariable("CHANNELTRAY_SOURCE_DIR");

    static QStringList unfinished(const QString &tsPath)
    {
        QFile f(tsPath);
        if (!f.open(QIODevice::ReadOnly))
            return {QStringLiteral("cannot read ") + tsPath};
        QXmlStreamReader xml(&f);
        QStringList out;
        QString context, source;
        while (!xml.atEnd()) {
            xml.readNext();
            if (!xml.isStartElement())
                continue;
            if (xml.name() == QLatin1String("name"))
                context = xml.readElementText();
            else if (xml.name() == QLatin1String("source"))
                source = xml.readElementText();
            else if (xml.name() == QLatin1String("translation")) {
                const QString type = xml.attributes().value(QLatin1String("type")).toString();
                const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements);
                if (type == QLatin1String("unfinished") || (type.isEmpty() && text.trimmed().isEmpty()))
                    out << context + QStringLiteral(": ") + source;
            }
        }
        return out;
    }

private Q_SLOTS:
    void zhCn_hasATranslationForEveryStringInTheSources()
    {
        QVERIFY(!m_source.isEmpty());
        QTemporaryDir dir;
        const QString ts = dir.filePath(QStringLiteral("channeltray_zh_CN.ts"));
        QVERIFY(QFile::copy(m_source + QStringLiteral("/translations/channeltray_zh_CN.ts"), ts));
        QFile::setPermissions(ts, QFile::ReadOwner | QFile::WriteOwner);
        QProcess lupdate;
        lupdate.setProcessChannelMode(QProcess::MergedChannels);
        lupdate.start(QStringLiteral(CHANNELTRAY_LUPDATE),
                      {QStringLiteral("-no-obsolete"), QStringLiteral("-locations"), QStringLiteral("none"),
                       m_source + QStringLiteral("/ui"), m_source + QStringLiteral("/core"),
                       m_source + QStringLiteral("/app/traywiring.cpp"), QStringLiteral("-ts"), ts});
        QVERIFY(lupdate.waitForFinished(60000));
        QVERIFY2(lupdate.exitCode() == 0, lupdate.readAll().constData());
        const QStringList missing = unfinished(ts);
        QVERIFY2(missing.isEmpty(),
                 qPrintable(QStringLiteral("untranslated in zh_CN:\n") + missing.join(QLatin1Char('\n'))));
    }

    void committedFile_hasNoUnfinishedEntry()
    {
        const QStringList missing = unfinished(m_source + QStringLiteral("/translations/channeltray_zh_CN.ts"));
        QVERIFY2(missing.isEmpty(), qPrintable(missing.join(QLatin1Char('\n'))));
    }

    void lang_loadsTheBuiltInChineseTranslation()
    {
        QCOMPARE(ct::ui::langFromArgs({QStringLiteral("--lang"), QStringLiteral("zh_CN")}),
                 QStringLiteral("zh_CN"));
        QCOMPARE(ct::ui::langFromArgs({QStringLiteral("--lang=en")}), QStringLiteral("en"));
        QVERIFY(QFile::exists(QStringLiteral(":/i18n/channeltray_zh_CN.qm")));
        QCOMPARE(ct::ui::installTranslations(*QCoreApplication::instance(), QStringLiteral("zh_CN")),
                 QStringLiteral("zh_CN"));
        QCOMPARE(QCoreApplication::translate("ct::ui::TrayMenu", "&Quit"), QStringLiteral("退出(&Q)"));
        QCOMPARE(QCoreApplication::translate("StateLabels", "connected"), QStringLiteral("已连接"));
    }
};

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
