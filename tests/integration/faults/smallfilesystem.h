#pragma once
// A real filesystem of limited size for disk-full tests: a tmpfs mounted on a folder
// (`mount -t tmpfs -o size=…`). Mounting needs root; a test run by another user re-executes
// itself once inside a private user + mount namespace (`unshare -rm`), where it is root for
// its own mounts only (reexecAsRootInNamespace). Filling and freeing are real writes.
#include <QString>

namespace ct::test {

// Call first in main(): returns only when this process may mount (root, or inside the
// namespace); otherwise it execs `unshare -rm <itself>` and never returns.
void reexecAsRootInNamespace(int argc, char **argv);

class SmallFilesystem
{
public:
    SmallFilesystem() = default;
    ~SmallFilesystem();
    SmallFilesystem(const SmallFilesystem &) = delete;
    SmallFilesystem &operator=(const SmallFilesystem &) = delete;

    bool mount(const QString &folder, qint64 bytes, QString *error);
    QString folder() const { return m_folder; }
    // Writes a filler file until the filesystem says ENOSPC; returns the bytes written.
    qint64 fill();
    // Removes the filler: the space is free again.
    void release();
    qint64 bytesFree() const;
    // Remounts read-only (EROFS for every write) or back read-write.
    bool setReadOnly(bool readOnly);

private:
    QString m_folder;
    bool m_mounted = false;
};

} // namespace ct::test

// QTEST_GUILESS_MAIN for a suite that mounts: it re-executes itself in the namespace first.
#define CT_TEST_MAIN_WITH_MOUNTS(TestObject)                                                                      \
    int main(int argc, char **argv)                                                                               \
    {                                                                                                             \
        ct::test::reexecAsRootInNamespace(argc, argv);                                                            \
        QCoreApplication app(argc, argv);                                                                         \
        TestObject test;                                                                                          \
        QTEST_SET_MAIN_SOURCE_PATH                                                                                \
        return QTest::qExec(&test, argc, argv);                                                                   \
    }
