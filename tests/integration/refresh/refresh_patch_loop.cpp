// Test helper: patches channels.multi-openim.accounts.primary.token in the given config file
// over and over (token-<n>, growing and shrinking in length) until it is killed. Prints
// "patched <n>" after each successful patch.
#include "refresh/configtokenpatcher.h"

#include <QCoreApplication>
#include <QString>

#include <cstdio>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc != 2) {
        std::fprintf(stderr, "usage: refresh_patch_loop CONFIG\n");
        return 2;
    }
    const QString path = QString::fromLocal8Bit(argv[1]);
    for (int n = 0;; ++n) {
        const QString token = QStringLiteral("token-%1-").arg(n) + QString(n % 97, QLatin1Char('x'));
        QString error;
        if (!ct::ConfigTokenPatcher::patchOpenImToken(path, QStringLiteral("primary"), token, &error)) {
            std::fprintf(stderr, "%s\n", qPrintable(error));
            return 1;
        }
        std::printf("patched %d\n", n);
        std::fflush(stdout);
    }
}
