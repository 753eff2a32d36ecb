// The tray icon shows the accounts' health as a coloured dot and the unread count as a badge,
// drawn at any size on the logo; the badge is red only while a critical message is unread. The
// logo, painted without Qt's SVG module, is the installed SVG icon.
#include "common/logo.h"
#include "common/resources.h"
#include "tray/trayhealth.h"
#include "tray/trayiconengine.h"

#include <QIcon>
#include <QImage>
#include <QPainter>
#include <QSvgRenderer>
#include <QtTest>

#include <algorithm>

using namespace ct;
using namespace ct::ui;

class TestTrayIconEngine : public QObject
{
    Q_OBJECT

    static QColor dotColour(const QIcon &icon, int size)
    {
        const QImage img = icon.pixmap(size, size).toImage();
        const QRectF dot = TrayIconEngine::dotRect(QRectF(0, 0, size, size));
        return img.pixelColor(dot.center().toPoint());
    }

private Q_SLOTS:
    void trayHealth_isTheWorstAccountState_data()
    {
        QTest::addColumn<QList<int>>("states");
        QTest::addColumn<int>("health");
        const auto s = [](AccountState x) { return int(x); };
        QTest::newRow("all connected") << QList<int>{s(AccountState::Connected), s(AccountState::Connected)}
                                       << int(TrayHealth::AllConnected);
        QTest::newRow("connected + disabled")
            << QList<int>{s(AccountState::Connected), s(AccountState::Disabled)} << int(TrayHealth::AllConnected);
        QTest::newRow("one in backoff")
            << QList<int>{s(AccountState::Connected), s(AccountState::Backoff)} << int(TrayHealth::Reconnecting);
        QTest::newRow("refreshing") << QList<int>{s(AccountState::Refreshing)} << int(TrayHealth::Reconnecting);
        QTest::newRow("failed beats backoff")
            << QList<int>{s(AccountState::Backoff), s(AccountState::Failed)} << int(TrayHealth::Failing);
        QTest::newRow("needs login") << QList<int>{s(AccountState::Connected), s(AccountState::NeedsLogin)}
                                     << int(TrayHealth::Failing);
        QTest::newRow("all disabled") << QList<int>{s(AccountState::Disabled)} << int(TrayHealth::AllDisabled);
        QTest::newRow("no accounts") << QList<int>{} << int(TrayHealth::AllDisabled);
    }
    void trayHealth_isTheWorstAccountState()
    {
        QFETCH(QList<int>, states);
        QFETCH(int, health);
        QHash<AccountState, int> counts;
        for (int st : states)
            ++counts[AccountState(st)];
        QCOMPARE(int(trayHealthFrom(counts)), health);
    }

    void icon_dotHasTheHealthColour_atEverySize()
    {
        for (TrayHealth h :
             {TrayHealth::AllConnected, TrayHealth::Reconnecting, TrayHealth::Failing, TrayHealth::AllDisabled}) {
            const QIcon icon(new TrayIconEngine(h));
            for (int size : {16, 22, 32, 64}) {
                const QColor c = dotColour(icon, size);
                QCOMPARE(c.rgb(), trayHealthColor(h).rgb());
            }
        }
    }

    void icon_drawsTheLogo()
    {
        const QImage img = QIcon(new TrayIconEngine(TrayHealth::AllConnected)).pixmap(64, 64).toImage();
        QCOMPARE(img.pixelColor(8, 30).rgb(), QColor(0x2f, 0x6f, 0xb0).rgb()); // the speech bubble
        QCOMPARE(img.pixelColor(0, 0).alpha(), 0);
        const QImage overlay = QIcon(new TrayIconEngine(TrayHealth::AllConnected, 0, TrayIconEngine::Base::None))
                                   .pixmap(64, 64)
                                   .toImage();
        QCOMPARE(overlay.pixelColor(8, 30).alpha(), 0); // the dot alone
    }

    // The painted logo is resources/icons/channeltray.svg (the installed icon, rendered by Qt's SVG
    // module) at every size the icon is drawn: the two differ only in the antialiasing of curved
    // and slanted edges (up to about a fifth of a channel on an edge pixel at 256 px), by less
    // than one level in 255 on average.
    void logo_isTheInstalledSvg_atEverySize()
    {
        initResources();
        QSvgRenderer svg(QStringLiteral(":/channeltray/icons/channeltray.svg"));
        QVERIFY(svg.isValid());
        for (int size : {16, 22, 24, 32, 48, 64, 128, 256}) {
            QImage fromSvg(size, size, QImage::Format_ARGB32_Premultiplied);
            fromSvg.fill(Qt::transparent);
            {
                QPainter p(&fromSvg);
                p.setRenderHint(QPainter::Antialiasing);
                svg.render(&p, QRectF(0, 0, size, size));
            }
            const QImage painted = logoIcon().pixmap(size, size).toImage().convertToFormat(fromSvg.format());
            QCOMPARE(painted.size(), fromSvg.size());
            int worst = 0;
            qint64 total = 0;
            for (int y = 0; y < size; ++y)
                for (int x = 0; x < size; ++x) {
                    const QRgb a = painted.pixel(x, y), b = fromSvg.pixel(x, y);
                    for (int d :
                         {qRed(a) - qRed(b), qGreen(a) - qGreen(b), qBlue(a) - qBlue(b), qAlpha(a) - qAlpha(b)}) {
                        worst = std::max(worst, qAbs(d));
                        total += qAbs(d);
                    }
                }
            const double mean = double(total) / (4.0 * size * size);
            QVERIFY2(worst <= 64 && mean < 1.0,
                     qPrintable(QStringLiteral("%1 px: worst %2, mean %3").arg(size).arg(worst).arg(mean)));
        }
    }

    void badge_showsUnreadCount_onlyWhenAny()
    {
        QCOMPARE(TrayIconEngine::badgeText(0), QString());
        QCOMPARE(TrayIconEngine::badgeText(7), QStringLiteral("7"));
        QCOMPARE(TrayIconEngine::badgeText(120), QStringLiteral("99+"));
        const QImage none = QIcon(new TrayIconEngine(TrayHealth::AllConnected, 0)).pixmap(64, 64).toImage();
        const QImage some = QIcon(new TrayIconEngine(TrayHealth::AllConnected, 5)).pixmap(64, 64).toImage();
        const QPoint corner = TrayIconEngine::badgeRect(QRectF(0, 0, 64, 64), 1).center().toPoint()
                              + QPoint(-9, 0);
        QVERIFY(none.pixelColor(corner) != some.pixelColor(corner));
        QCOMPARE(some.pixelColor(corner).rgb(), TrayIconEngine::badgeColor(false).rgb());
    }

    void badge_isRedOnlyWhileACriticalMessageIsUnread()
    {
        QVERIFY(TrayIconEngine::badgeColor(true) != TrayIconEngine::badgeColor(false));
        QCOMPARE(TrayIconEngine::badgeColor(true).rgb(), QColor(0xc6, 0x28, 0x28).rgb());
        auto *engine = new TrayIconEngine(TrayHealth::AllConnected, 5);
        engine->setUrgent(true);
        const QIcon urgent(engine);
        const QPoint corner = TrayIconEngine::badgeRect(QRectF(0, 0, 64, 64), 1).center().toPoint()
                              + QPoint(-9, 0);
        for (const QIcon &icon : {urgent, QIcon(urgent.pixmap(64, 64))}) // also a copy (clone)
            QCOMPARE(icon.pixmap(64, 64).toImage().pixelColor(corner).rgb(),
                     TrayIconEngine::badgeColor(true).rgb());
    }
};

QTEST_MAIN(TestTrayIconEngine)
#include "tst_trayiconengine.moc"
