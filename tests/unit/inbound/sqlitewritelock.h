#pragma once
// Another SQLite connection holding a history's write lock, as another process in a long
// transaction (an sqlite3 shell, a backup tool) would. Real locking, no fake store.
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

namespace ct::test {

class SqliteWriteLock
{
public:
    explicit SqliteWriteLock(const QString &file) : m_name(QStringLiteral("lock-%1").arg(quintptr(this)))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(file);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=0"));
        m_held = db.open() && QSqlQuery(db).exec(QStringLiteral("BEGIN IMMEDIATE"));
    }
    ~SqliteWriteLock() { release(); }
    SqliteWriteLock(const SqliteWriteLock &) = delete;
    SqliteWriteLock &operator=(const SqliteWriteLock &) = delete;
    bool held() const { return m_held; }
    void release()
    {
        if (!QSqlDatabase::contains(m_name))
            return;
        {
            QSqlDatabase db = QSqlDatabase::database(m_name, false);
            QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
            db.close();
        }
        QSqlDatabase::removeDatabase(m_name);
        m_held = false;
    }

private:
    QString m_name;
    bool m_held = false;
};

} // namespace ct::test
