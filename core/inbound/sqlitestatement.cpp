#include "sqlitestatement.h"

#include <QSqlDatabase>
#include <QSqlDriver>
#include <QVariant>

#include <sqlite3.h>

namespace ct {

SqliteStatement::~SqliteStatement()
{
    if (m_stmt)
        sqlite3_finalize(m_stmt);
}

sqlite3 *SqliteStatement::handleOf(const QSqlDatabase &db)
{
    if (!db.isOpen() || !db.driver())
        return nullptr;
    const QVariant handle = db.driver()->handle();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(handle.constData());
}

bool SqliteStatement::prepare(const QSqlDatabase &db, const QString &sql, QString *error)
{
    if (m_stmt) {
        sqlite3_finalize(m_stmt);
        m_stmt = nullptr;
    }
    m_db = handleOf(db);
    if (!m_db) {
        if (error)
            *error = QStringLiteral("not an open SQLite connection");
        return false;
    }
    const QByteArray utf8 = sql.toUtf8();
    if (sqlite3_prepare_v2(m_db, utf8.constData(), int(utf8.size()), &m_stmt, nullptr) != SQLITE_OK) {
        if (error)
            *error = QString::fromUtf8(sqlite3_errmsg(m_db));
        m_stmt = nullptr;
        return false;
    }
    return true;
}

namespace {
const void *textData(const QString &text)
{
    static const char16_t empty[] = u"";
    return text.isNull() ? static_cast<const void *>(empty) : static_cast<const void *>(text.utf16());
}
} // namespace

void SqliteStatement::bind(int index, const QString &text)
{
    sqlite3_bind_text16(m_stmt, index, textData(text), int(text.size() * 2), SQLITE_TRANSIENT);
}

void SqliteStatement::bindRef(int index, const QString &text)
{
    sqlite3_bind_text16(m_stmt, index, textData(text), int(text.size() * 2), SQLITE_STATIC);
}

void SqliteStatement::bind(int index, qint64 value)
{
    sqlite3_bind_int64(m_stmt, index, value);
}

void SqliteStatement::bindNull(int index)
{
    sqlite3_bind_null(m_stmt, index);
}

int SqliteStatement::exec(QString *error)
{
    const int rc = sqlite3_step(m_stmt);
    const int changes = rc == SQLITE_DONE ? sqlite3_changes(m_db) : -1;
    if (changes < 0 && error)
        *error = QString::fromUtf8(sqlite3_errmsg(m_db));
    sqlite3_reset(m_stmt);
    return changes;
}

} // namespace ct
