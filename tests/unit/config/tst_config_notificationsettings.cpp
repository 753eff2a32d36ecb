// channeltray.notifications.urgency: read from the config with the default mapping when absent,
// and a bad value is a problem naming its JSON path.
#include "config/configloader.h"

#include <QJsonDocument>
#include <QtTest>

using namespace ct;

namespace {
LoadResult load(const char *json)
{
    return configFromJson(QJsonDocument::fromJson(json).object());
}
} // namespace

class TestNotificationSettings : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void urgency_absent_defaultsToLow0to3_Normal4to7_Critical8up()
    {
        const LoadResult r = load(R"({"channeltray": {"notifications": {"gotifyMinPriority": 2}}})");
        QVERIFY(r.problems.isEmpty());
        const UrgencyMapping m = r.config.app.notifications.urgency;
        QCOMPARE(m.forPriority(3), NotificationUrgency::Low);
        QCOMPARE(m.forPriority(4), NotificationUrgency::Normal);
        QCOMPARE(m.forPriority(7), NotificationUrgency::Normal);
        QCOMPARE(m.forPriority(8), NotificationUrgency::Critical);
    }
    void urgency_thresholdsFromTheConfig()
    {
        const LoadResult r = load(
            R"({"channeltray": {"notifications": {"urgency": {"normalFrom": 1, "criticalFrom": 5}}}})");
        QVERIFY(r.problems.isEmpty());
        const UrgencyMapping m = r.config.app.notifications.urgency;
        QCOMPARE(m.normalFrom, 1);
        QCOMPARE(m.criticalFrom, 5);
    }
    void urgency_criticalBelowNormal_isAProblemAtItsPath_andTheDefaultsStay()
    {
        const LoadResult r = load(
            R"({"channeltray": {"notifications": {"urgency": {"normalFrom": 6, "criticalFrom": 5}}}})");
        QCOMPARE(r.problems.size(), 1);
        QCOMPARE(r.problems.first().path, QStringLiteral("channeltray.notifications.urgency.criticalFrom"));
        QCOMPARE(r.config.app.notifications.urgency.criticalFrom, 8);
    }
    void urgency_notANumber_isAProblemAtItsPath()
    {
        const LoadResult r = load(R"({"channeltray": {"notifications": {"urgency": {"criticalFrom": "high"}}}})");
        QCOMPARE(r.problems.size(), 1);
        QCOMPARE(r.problems.first().path, QStringLiteral("channeltray.notifications.urgency.criticalFrom"));
    }
};

QTEST_GUILESS_MAIN(TestNotificationSettings)
#include "tst_config_notificationsettings.moc"
