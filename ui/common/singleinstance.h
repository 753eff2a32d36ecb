#pragma once
// One tray per user: the first launch listens on a local socket; a later launch finds it,
// asks it to raise its window, and exits. The platform-specific piece of single instance.
#include <QObject>
#include <QString>

class QLocalServer;

namespace ct::ui {

class SingleInstance : public QObject
{
    Q_OBJECT
public:
    // `name` empty → defaultName().
    explicit SingleInstance(QString name = {}, QObject *parent = nullptr);
    ~SingleInstance() override;

    static QString defaultName(); // "channeltray-<user>"
    QString name() const { return m_name; }

    // True: this is the first instance and now listens. False: another instance answered and
    // was asked to raise its window (this process should exit).
    bool start();
    bool isPrimary() const { return m_server != nullptr; }
    // Stops listening, so that a new instance (the demo relaunch) can be the primary one.
    void release();

Q_SIGNALS:
    // Another launch asked this instance to show itself.
    void raiseRequested();

private:
    QString m_name;
    QLocalServer *m_server = nullptr;
};

} // namespace ct::ui
